/* The pane's root: one FluentProvider, then the shell with the workbook port it is given. */
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from "@fluentui/react-components";
import type { WorkbookPort } from "../excel/port";
import { PaneShell } from "./shell/PaneShell";
import type { PanelId } from "./panels/registry";

/** Props of the pane's root. */
export interface AppProps {
  /** The workbook: Office.js in Excel, an in-memory workbook in the preview and in tests. */
  port: WorkbookPort;
  /** The panel shown first. @default "templates" */
  initialPanel?: PanelId;
  /** Something that went wrong while the add-in started, said above the panels. */
  startupProblem?: string;
}

/** The task pane. */
export function App({ port, initialPanel, startupProblem }: AppProps) {
  return (
    <FluentProvider theme={webLightTheme}>
      {startupProblem && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>{startupProblem}</MessageBarBody>
        </MessageBar>
      )}
      <PaneShell port={port} initialPanel={initialPanel} />
    </FluentProvider>
  );
}
