/* The Office entry of the task pane: once Office is ready, render the pane on the real workbook. */
import { createRoot } from "react-dom/client";
import { OfficeWorkbook } from "../excel/officeWorkbook";
import { App } from "./App";

Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(<App port={new OfficeWorkbook()} />);
});
