/**
 * The cost report's Web Worker (issue 16): reads the ledger and builds and lays out the report off
 * the pane's thread. webpack 5 bundles it as a script of its own, from the same origin as the
 * pane (startReportWorker.ts), so neither the manifest's AppDomains nor a content security
 * policy needs anything more. The protocol is reportProtocol.ts.
 */
import { handleJobMessage, type JobMessage, type WorkerMessage } from "./reportProtocol";

/** The part of the worker's global scope used here (the DOM library types `self` as a window). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<JobMessage>) => void) | null;
  postMessage(message: WorkerMessage): void;
};

scope.onmessage = (event) => void handleJobMessage(event.data, (reply) => scope.postMessage(reply));
