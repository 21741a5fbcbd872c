/**
 * How the cost report starts its worker, set once by the page's entry (startReportWorker.ts):
 * only a bundle can name the worker's script. A module of its own, so the entry does not load the
 * cost report's code with the pane (that stays in the panel's lazy chunk).
 */
let start: (() => Worker) | undefined;

/** Runs cost reports in workers started by `starter` from now on. */
export function setReportWorker(starter: () => Worker): void {
  start = starter;
}

/** The worker starter the page set, if any (none in jest). */
export const reportWorkerStarter = (): (() => Worker) | undefined => start;
