/**
 * The cost report's Web Worker (issue 16): reads the ledger and builds and lays out the report, and
 * checks the layout of cells read from the workbook, off the pane's thread. webpack 5 bundles it as a script of its own, from the same origin as the
 * pane (startReportWorker.ts), so neither the manifest's AppDomains nor a content security
 * policy needs anything more. The protocol is reportProtocol.ts.
 */
import { jobHandler, type PaneMessage, type WorkerMessage } from "./reportProtocol";

/** The part of the worker's global scope used here (the DOM library types `self` as a window). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PaneMessage>) => void) | null;
  postMessage(message: WorkerMessage): void;
};

const handle = jobHandler();
scope.onmessage = (event) => void handle(event.data, (reply) => scope.postMessage(reply));
