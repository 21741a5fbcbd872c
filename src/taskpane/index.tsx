/*
 * The Office entry of the add-in's page. In the shared runtime this page loads when the add-in
 * starts, whether or not the pane is shown: it renders the pane on the real workbook, points
 * remembered settings at the host's storage partition, and asks Excel to load PROD with this
 * workbook from now on. PROD's functions recalculate much more slowly in some hosts while the
 * runtime is not loaded (office-js issue #6936), so the runtime should be there before the first
 * recalculation; if Excel refuses, the pane says so instead of the failure going unseen.
 */
import { createRoot } from "react-dom/client";
import { OfficeWorkbook } from "../excel/officeWorkbook";
import { App, type AppProps } from "./App";
import { setReportWorker } from "./costReport/reportWorkerStart";
import { startReportWorker } from "./costReport/startReportWorker";
import { setStoragePartition } from "./shell/columnMemory";
import { useOfficeTheme } from "./shell/officeTheme";

/** The pane in Excel: in Office's theme, following it as the user changes it. */
function OfficeApp(props: Omit<AppProps, "theme">) {
  return <App {...props} theme={useOfficeTheme()} />;
}

Office.onReady(() => {
  // Excel on the web keeps an add-in's storage in a partition of its own and requires its key.
  setStoragePartition(Office.context.partitionKey);
  // The cost report reads the ledger and builds in a worker, off the pane's thread.
  setReportWorker(startReportWorker);
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  const port = new OfficeWorkbook();
  root.render(<OfficeApp port={port} />);
  if (!Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) return;
  Office.addin.setStartupBehavior(Office.StartupBehavior.load).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    root.render(
      <OfficeApp
        port={port}
        startupProblem={`Excel did not agree to load PROD with this workbook (${reason}). PROD's functions still work, but may recalculate slowly until you open this pane.`}
      />,
    );
  });
});
