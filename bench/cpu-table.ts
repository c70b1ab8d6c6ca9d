import type { BenchResults } from './bench-results';
import type { CpuTimes } from './cpu-usage';
import { renderMarkdown, renderText, type Cells } from './table-render';

type Key = 'workload' | 'unit' | 'product' | 'baseline' | 'ratio';

const HEADERS: Cells<Key> = {
  workload: 'Workload',
  unit: 'Per',
  product: 'Product CPU ms: server / postgres / load gen',
  baseline: 'Baseline CPU ms: server / postgres / load gen',
  ratio: 'Server + postgres, product / baseline',
};

const f = (n: number) => n.toFixed(n >= 10 ? 1 : 3);
const cells = (c: CpuTimes | undefined) => (c ? `${f(c.server)} / ${f(c.postgres)} / ${f(c.loadGen)}` : 'n/a');
const scale = (c: CpuTimes | undefined, k: number): CpuTimes | undefined => c && { server: c.server * k, postgres: c.postgres * k, loadGen: c.loadGen * k };

function row(workload: string, unit: string, p: CpuTimes | undefined, b: CpuTimes | undefined): Cells<Key> {
  const ratio = p && b ? `${((p.server + p.postgres) / (b.server + b.postgres)).toFixed(2)}×` : 'n/a';
  return { workload, unit, product: cells(p), baseline: cells(b), ratio };
}

/** Where the time goes: CPU per request (per 1,000 rows for W2), from /proc, over the measured phases. */
function cpuRows(r: BenchResults): Cells<Key>[] {
  const rowsPerBatch = r.w2.batchSize / 1000;
  return [
    row(`W1 create, c=${r.w1.product.concurrency}`, 'request', r.w1.product.cpuMsPerRequest, r.w1.baseline.cpuMsPerRequest),
    row(`W2 bulk load`, '1,000 rows', scale(r.w2.product.load.cpuMsPerRequest, 1 / rowsPerBatch), r.w2.baseline.cpuMsPer1000Rows),
    ...r.w3.runs.map((run) => row(`W3 list, c=${run.concurrency}`, 'request', run.product.cpuMsPerRequest, run.baseline.cpuMsPerRequest)),
  ];
}

export const cpuText = (r: BenchResults) => renderText(HEADERS, cpuRows(r));
export const cpuMarkdown = (r: BenchResults) => renderMarkdown(HEADERS, cpuRows(r));
