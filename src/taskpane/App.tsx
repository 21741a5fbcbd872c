/* The pane's root: one FluentProvider, then the shell with the workbook port it is given. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { WorkbookPort } from "../excel/port";
import { PaneShell } from "./shell/PaneShell";
import type { PanelId } from "./panels/registry";

/** Props of the pane's root. */
export interface AppProps {
  /** The workbook: Office.js in Excel, an in-memory workbook in the preview and in tests. */
  port: WorkbookPort;
  /** The panel shown first. @default "templates" */
  initialPanel?: PanelId;
}

/** The task pane. */
export function App({ port, initialPanel }: AppProps) {
  return (
    <FluentProvider theme={webLightTheme}>
      <PaneShell port={port} initialPanel={initialPanel} />
    </FluentProvider>
  );
}
