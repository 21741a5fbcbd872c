/*
 * The preview page: the in-memory workbook's grid beside the real task pane, which works on
 * that workbook through the same port it uses in Excel.
 */
import {
  Caption1,
  FluentProvider,
  Subtitle2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { App } from "../taskpane/App";
import type { MemoryWorkbook } from "./memoryWorkbook";
import { WorkbookGrid } from "./WorkbookGrid";

const useStyles = makeStyles({
  page: { display: "grid", gridTemplateRows: "auto 1fr", height: "100vh" },
  header: {
    display: "flex",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  main: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 400px", minHeight: 0 },
  pane: {
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** Props of the preview page. */
export interface PreviewAppProps {
  book: MemoryWorkbook;
}

/** The grid and the pane, side by side. */
export function PreviewApp({ book }: PreviewAppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <header className={styles.header}>
          <Subtitle2 as="h1">PROD preview</Subtitle2>
          <Caption1>
            The PROD task pane on a workbook that lives in this page (no Excel): formulas, PROD functions
            included, are computed by HyperFormula. Nothing is saved; reload to start again.
          </Caption1>
        </header>
        <main className={styles.main}>
          <WorkbookGrid book={book} />
          <aside className={styles.pane} aria-label="PROD task pane">
            <App port={book} />
          </aside>
        </main>
      </div>
    </FluentProvider>
  );
}
