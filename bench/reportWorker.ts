/**
 * The cost report's worker for the bench (paneBlock.bench.ts): a Node worker thread running the
 * same message handler as the pane's Web Worker (src/taskpane/costReport/report.worker.ts), its
 * messages carried by the same structured clone.
 */
import { parentPort } from "node:worker_threads";
import { jobHandler, type PaneMessage } from "../src/taskpane/costReport/reportProtocol";

const port = parentPort;
if (!port) throw new Error("reportWorker.js runs as a worker thread (paneBlock.bench.ts starts it).");
const handle = jobHandler();
port.on("message", (message: PaneMessage) => void handle(message, (reply) => port.postMessage(reply)));
