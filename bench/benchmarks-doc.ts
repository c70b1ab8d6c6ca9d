import fs from 'node:fs';
import path from 'node:path';
import type { BenchResults } from './bench-results';
import { repoRoot } from './child-server';
import { cpuMarkdown } from './cpu-table';
import { resultsMarkdown } from './results-table';

/** The document every bench writes its section of. */
export const BENCHMARKS_DOC = path.join(repoRoot, 'docs/benchmarks.md');

/** The comments around one bench's section of the document. */
export interface SectionMarkers {
  start: string;
  end: string;
}

/**
 * Replaces the text from `markers.start` to `markers.end` in `file` with
 * `section` (which carries both markers), appending it when they are missing.
 * A missing file starts as `intro`; without one, the file must exist.
 */
export function writeDocSection(file: string, markers: SectionMarkers, section: string, intro?: string): void {
  const current = intro !== undefined && !fs.existsSync(file) ? intro : fs.readFileSync(file, 'utf8');
  const start = current.indexOf(markers.start);
  const end = current.indexOf(markers.end);
  const next = start >= 0 && end > start ? `${current.slice(0, start)}${section}${current.slice(end + markers.end.length)}` : `${current.trimEnd()}\n\n${section}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, next);
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** The scan node of an EXPLAIN, e.g. "Index Only Scan using … on bench_account". */
const scanOf = (plan: string) => plan.split('\n').find((l) => /Scan/.test(l))?.replace(/^[\s>-]+/, '').replace(/\s+\(cost=.*$/, '') ?? 'unknown';

const INTRO = `# Benchmarks

\`npm run bench\` measures Tessera beside a minimal hand-written Express + pg
server doing the same work against the same PostgreSQL, in one run. The
section below is rewritten by every run (between the bench markers); raw
results are kept in \`bench/.results/\` (git-ignored).

`;

/** The generated section: when, where, how, the table and what the workloads were. */
export function benchSection(r: BenchResults, resultsFile: string): string {
  const m = r.machine;
  const w3 = r.w3;
  const sel = w3.selectivity;
  return `${START}
## Latest run

- Date: ${r.finishedAt}${r.settings.quick ? ' (**BENCH_QUICK=1 smoke run: sizes reduced, numbers not comparable**)' : ''}
- Machine: ${m.cores} cores (${m.cpuModel}), ${m.totalMemoryGiB} GiB RAM, ${m.platform}
- Node ${m.node}; ${m.postgres}
- Database: ${r.database.source}, fresh \`tessera_bench\` database
- Raw results: \`${resultsFile}\`

Commands:

\`\`\`sh
npm run bench                                     # DATABASE_URL, else 127.0.0.1:5432, else embedded PostgreSQL
DATABASE_URL=postgres://user@host:5432/postgres npm run bench
BENCH_PROFILE=1 npm run bench                     # also writes a CPU profile of the product server to bench/.results/profiles/
BENCH_QUICK=1 npm run bench                       # ~30 s smoke run with reduced sizes (numbers not comparable)
\`\`\`

${resultsMarkdown(r)}

Where the time goes: CPU time per request (per 1,000 rows for W2) over the
measured phases, read from \`/proc\` — the server process, every local
\`postgres\` process, and the load generator (for W2's baseline, the COPY client):

${cpuMarkdown(r)}

Process layout: the orchestrator (\`bench/run.ts\`) is also the load generator
(node:http, keep-alive agent with maxSockets = concurrency, closed loop). The
product (\`bench/product-server.ts\`: \`createServices\` + \`startServer\`, pool 10) and
the baseline (\`bench/baseline-server.ts\`: Express 5, same \`express.json()\`
parser, pg Pool 10) each run in their own child process. All processes and
PostgreSQL share the ${m.cores} cores.

- **W1**: \`POST /api/v1/records/bench_account\` with a session Bearer token and
  eight fields, concurrency ${r.w1.product.concurrency}, ${r.settings.w1.warmupMs / 1000} s warm-up, then
  ${r.settings.w1.maxRequests.toLocaleString('en-US')} requests or ${r.settings.w1.durationMs / 1000} s per side, whichever comes first, in ${r.settings.w1.rounds} alternating
  product/baseline rounds. Baseline: \`INSERT … RETURNING *\`
  into \`baseline.bench_account\` (same columns and indexes, checked), answering 201 with the row.
- **W2**: ${r.w2.rows.toLocaleString('en-US')} rows through \`POST /api/v1/records/bench_account/bulk\` in
  batches of ${r.w2.batchSize.toLocaleString('en-US')}, concurrency ${r.settings.w2.concurrency} (rows/s over the wall time of all batches), vs raw
  \`COPY … FROM STDIN (FORMAT csv)\` (pg-copy-streams) of the same rows in the same batches on ${r.settings.w2.concurrency} connections
  (the product's bulk path is one COPY per batch, so equal parallelism). Bodies and CSV are built before timing.
- **W3**: \`GET /api/v1/records/bench_account?filter=${JSON.stringify(w3.filter)}&sort=-annual_revenue&limit=${r.settings.w3.limit}&count=true\`
  over ${sel.rows.toLocaleString('en-US')} rows after \`VACUUM ANALYZE\`; ${sel.industryRows.toLocaleString('en-US')} rows are \`${r.settings.w3.industry}\`, ${sel.matching.toLocaleString('en-US')} match
  (${(sel.matchingShareOfIndustry * 100).toFixed(1)}% of them). Baseline: the same page and \`count(*)\` queries, in parallel on two
  pool connections. ${r.settings.w3.warmupMs / 1000} s warm-up, then ${r.settings.w3.durationMs / 1000} s (or ${r.settings.w3.maxRequests.toLocaleString('en-US')} requests) per side and
  concurrency, in ${r.settings.w3.rounds} alternating rounds.
  The W3 ratio is product p50 / baseline p50; the throughput ratio is in parentheses.
  Count plans: product \`${scanOf(w3.countPlans.product)}\`; baseline \`${scanOf(w3.countPlans.baseline)}\`.

Alternating rounds spread machine noise over both sides; the throughput of
each round is in the raw JSON (\`roundsReqPerSec\`) to show the spread.
${END}`;
}

/** Replaces the section between the markers, creating the file (with an intro) or the markers if missing. */
export function writeBenchmarksDoc(file: string, section: string): void {
  writeDocSection(file, { start: START, end: END }, section, INTRO);
}
