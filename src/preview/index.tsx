/*
 * The preview's entry. The bundle carries the CustomFunctions stand-in, then every PROD function
 * file (the metadata plugin appends their `CustomFunctions.associate` lines, as for Excel), then
 * this: read functions.json, register the functions with HyperFormula, show the page.
 */
import { createRoot } from "react-dom/client";
import { setReportWorker } from "../taskpane/costReport/reportWorkerStart";
import { startReportWorker } from "../taskpane/costReport/startReportWorker";
import { associatedFunctions } from "./customFunctionsGlobal";
import { MemoryWorkbook } from "./memoryWorkbook";
import { PreviewApp } from "./PreviewApp";
import { type FunctionMetadata, prodFunctions, registerProdFunctions } from "./prodFunctionPlugin";

async function start(container: HTMLElement): Promise<void> {
  const response = await fetch("functions.json");
  if (!response.ok) throw new Error(`functions.json could not be loaded (HTTP ${response.status}).`);
  const metadata = (await response.json()) as { functions: FunctionMetadata[] };
  registerProdFunctions(prodFunctions(metadata, (id) => associatedFunctions.get(id)));
  // As in the add-in: the cost report is built in a worker, off the page's thread.
  setReportWorker(startReportWorker);
  createRoot(container).render(<PreviewApp book={new MemoryWorkbook()} />);
}

const container = document.getElementById("root");
if (container) {
  start(container).catch((error: unknown) => {
    // Nothing else can show it: the page itself could not start.
    container.textContent = `The PROD preview could not start: ${error instanceof Error ? error.message : String(error)}`;
  });
}
