import type { Services } from '../http/services';
import { IMPORT_QUEUE, type ImportJobData } from '../import/import-operations';
import { runImportJob } from '../import/run-import';

/**
 * Every queue the platform runs, registered on the process's job runner
 * before it starts. One line per feature: add reminders, scans and pack
 * installs here.
 */
export function registerPlatformQueues(s: Services): void {
  s.jobs.register<ImportJobData>({ name: IMPORT_QUEUE, handler: (job) => runImportJob(s, job), retryLimit: 5, retryDelaySeconds: 1, expireInSeconds: 300, pollingIntervalSeconds: 1 });
}
