/**
 * The cost report's worker for the bench (paneBlock.bench.ts): a Node worker thread running the
 * same message handler as the pane's Web Worker (src/taskpane/costReport/report.worker.ts), its
 * messages carried by the same structured clone.
 */
import { parentPort } from "node:worker_threads";
import { handleJobMessage, type JobMessage } from "../src/taskpane/costReport/reportProtocol";

const port = parentPort;
if (!port) throw new Error("reportWorker.js runs as a worker thread (paneBlock.bench.ts starts it).");
port.on(
  "message",
  (message: JobMessage) => void handleJobMessage(message, (reply) => port.postMessage(reply)),
);
