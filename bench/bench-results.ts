import type { BenchSettings } from './bench-settings';
import type { MachineInfo } from './machine-info';
import type { BulkWorkloadResult } from './workloads/bulk-load';
import type { CreateWorkloadResult } from './workloads/create-records';
import type { ListWorkloadResult } from './workloads/list-records';

/** Everything one run measured: what goes to bench/.results/*.json. */
export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  settings: BenchSettings;
  machine: MachineInfo;
  database: { source: string };
  setup: { baselineColumns: number; indexes: string[] };
  w1: CreateWorkloadResult;
  w2: BulkWorkloadResult;
  w3: ListWorkloadResult;
}
