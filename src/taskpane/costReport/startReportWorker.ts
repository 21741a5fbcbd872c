/**
 * Starts a cost-report worker (handed to reportWorkerStart.ts). Only the page entries import
 * this (src/taskpane/index.tsx, src/preview/index.tsx): `new Worker(new URL(..., import.meta.url))` is the form webpack 5
 * bundles into a worker script, and `import.meta` exists only in a bundle, not in jest or the
 * bench's CommonJS build (tsconfig.bench.json leaves these files out).
 */
export const startReportWorker = (): Worker =>
  new Worker(/* webpackChunkName: "report-worker" */ new URL("./report.worker.ts", import.meta.url), {
    name: "PROD cost report",
  });
