/* The pane's root: one FluentProvider in the pane's theme, then the shell with the workbook port it is given. */
import { FluentProvider, MessageBar, MessageBarBody, makeStyles } from "@fluentui/react-components";
import type { WorkbookPort } from "../excel/port";
import { PaneShell } from "./shell/PaneShell";
import { PANE_THEMES, type PaneThemeName } from "./shell/officeTheme";
import type { PanelId } from "./panels/registry";

const useStyles = makeStyles({
  // The theme's background fills the pane, not only the height of its content.
  root: { minHeight: "100%", boxSizing: "border-box" },
});

/** Props of the pane's root. */
export interface AppProps {
  /** The workbook: Office.js in Excel, an in-memory workbook in the preview and in tests. */
  port: WorkbookPort;
  /** The panel shown first. @default "templates" */
  initialPanel?: PanelId;
  /** Something that went wrong while the add-in started, said above the panels. */
  startupProblem?: string;
  /** The pane's look: Office's theme in Excel (useOfficeTheme), the preview's choice there. @default "light" */
  theme?: PaneThemeName;
}

/** The task pane. */
export function App({ port, initialPanel, startupProblem, theme = "light" }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={PANE_THEMES[theme]} className={styles.root}>
      {startupProblem && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>{startupProblem}</MessageBarBody>
        </MessageBar>
      )}
      <PaneShell port={port} initialPanel={initialPanel} />
    </FluentProvider>
  );
}
