/*
 * The preview page: the in-memory workbook's grid beside the real task pane, which works on
 * that workbook through the same port it uses in Excel.
 */
import { useState } from "react";
import {
  Caption1,
  FluentProvider,
  Subtitle2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { App } from "../taskpane/App";
import { parseCsv } from "../taskpane/files/readFile";
import type { PaneThemeName } from "../taskpane/shell/officeTheme";
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
  main: { display: "grid", minHeight: 0 },
  settings: { display: "flex", gap: tokens.spacingHorizontalM, marginLeft: "auto", flexShrink: 0 },
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
  // Excel's pane is 320 px wide by default and can be dragged wider; Office's theme may be dark.
  const [paneWidth, setPaneWidth] = useState("400");
  const [theme, setTheme] = useState<PaneThemeName>("light");
  const [deletedNames, setDeletedNames] = useState<number | null>(null);
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <header className={styles.header}>
          {/* Not a heading: the pane's own h1 is the page's one, as in Excel. */}
          <Subtitle2>PROD preview</Subtitle2>
          <Caption1>
            The PROD task pane on a workbook that lives in this page (no Excel): formulas, PROD functions
            included, are computed by HyperFormula. Nothing is saved; reload to start again.
          </Caption1>
          <div className={styles.settings}>
            <label>
              Pane width{" "}
              <select value={paneWidth} onChange={(e) => setPaneWidth(e.target.value)}>
                <option value="320">320 px (Excel's default)</option>
                <option value="400">400 px</option>
                <option value="450">450 px</option>
              </select>
            </label>
            <label>
              Office theme{" "}
              <select value={theme} onChange={(e) => setTheme(e.target.value as PaneThemeName)}>
                <option value="light">Colorful or White (light)</option>
                <option value="dark">Dark Gray or Black (dark)</option>
              </select>
            </label>
            {/* What a macro or a name tool can do in Excel: PROD must then tell its sheets by content. */}
            <button type="button" onClick={() => setDeletedNames(book.deleteHiddenNames())}>
              Delete hidden names
            </button>
            <button type="button" onClick={() => setDeletedNames(book.deleteHiddenNames(book.activeSheet))}>
              Delete this sheet&apos;s hidden names
            </button>
            {/* What an accountant does with a GL export in Excel before picking it as a sheet. */}
            <label>
              Open a CSV as a sheet{" "}
              <input
                type="file"
                accept=".csv,.tsv,.txt,text/csv"
                onChange={(e) => {
                  const input = e.currentTarget;
                  const file = input.files?.[0];
                  if (!file) return;
                  void file.text().then((text) => {
                    book.openCsv(file.name, parseCsv(text));
                    input.value = "";
                  });
                }}
              />
            </label>
            {deletedNames !== null && (
              <span role="status">
                {deletedNames} hidden name{deletedNames === 1 ? "" : "s"} deleted
              </span>
            )}
          </div>
        </header>
        {/* Not a main landmark: the pane's own main is the page's one, as in Excel. */}
        <div className={styles.main} style={{ gridTemplateColumns: `minmax(0, 1fr) ${paneWidth}px` }}>
          <WorkbookGrid book={book} />
          {/* Not a landmark: in Excel the pane is a page of its own, its main landmark at the top. */}
          <div className={styles.pane} data-testid="prod-pane">
            <App port={book} theme={theme} />
          </div>
        </div>
      </div>
    </FluentProvider>
  );
}
