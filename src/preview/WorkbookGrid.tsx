/*
 * A small spreadsheet view of the in-memory workbook: sheet tabs, the cells as Excel would show
 * them (formatted, bold, errors with their message on hover), and a formula bar that shows the
 * selected cell's formula and takes typing, so a person can change a rate and watch the PROD
 * formulas recompute. A block is selected as in Excel (shift+click, drag, shift+arrows), for the
 * pane's actions on the selection. The selection's columns can be hidden, shown again and
 * deleted, as Excel's Home > Format > Hide & Unhide and Home > Delete > Delete Sheet Columns do.
 * A protected sheet refuses typing, Delete and the column commands with Excel's message, and
 * offers Excel's Review > Unprotect Sheet. Not Excel: no formatting tools, no undo, no copy and
 * paste.
 */
import {
  type KeyboardEvent,
  type MouseEvent,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import {
  Button,
  Input,
  Tab,
  TabList,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { PROTECTED_SHEET_MESSAGE, PortError, a1, a1Range, columnLetter, parseA1 } from "../excel/port";
import type { MemoryWorkbook } from "./memoryWorkbook";
import { SheetChart } from "./SheetChart";

/** Excel's default column width (8.43 characters) is 64 points; a point is 4/3 pixel. */
const DEFAULT_WIDTH_PT = 64;
const MAX_ROWS = 1000;
const MAX_COLUMNS = 52;
const ROW_HEAD_PX = 40;
/** Every row the same height, so frozen rows and charts can be placed by row number. */
const ROW_PX = 22;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minWidth: 0,
    minHeight: 0,
    overflow: "hidden",
  },
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  nameBox: { width: "72px", fontFamily: tokens.fontFamilyMonospace },
  formula: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace },
  scroller: {
    flexGrow: 1,
    overflow: "auto",
    outline: "none",
    position: "relative",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { borderCollapse: "collapse", tableLayout: "fixed", fontSize: tokens.fontSizeBase200 },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 3,
    height: `${ROW_PX}px`,
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
    textAlign: "center",
    width: "40px",
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: "0 4px",
    height: `${ROW_PX}px`,
    boxSizing: "border-box",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "clip",
    cursor: "cell",
  },
  number: { textAlign: "right" },
  runsOn: { overflow: "visible" },
  error: { textAlign: "center", color: tokens.colorPaletteRedForeground1 },
  bold: { fontWeight: tokens.fontWeightSemibold },
  frozen: { position: "sticky", zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  frozenEdge: { borderBottom: `2px solid ${tokens.colorNeutralStroke1}` },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  inBlock: { backgroundColor: tokens.colorBrandBackground2 },
  tabs: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, overflowX: "auto", flexShrink: 0 },
  errorNote: {
    color: tokens.colorPaletteRedForeground1,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  hint: { color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalS },
});

/** Props of the grid. */
export interface WorkbookGridProps {
  book: MemoryWorkbook;
}

/** A cell of the grid. */
interface At {
  row: number;
  column: number;
}

/** The block between two corners, as `MemoryWorkbook.select` takes it. */
function block(from: At, to: At) {
  return {
    row: Math.min(from.row, to.row),
    column: Math.min(from.column, to.column),
    rowCount: Math.abs(from.row - to.row) + 1,
    columnCount: Math.abs(from.column - to.column) + 1,
  };
}

/** The in-memory workbook as a grid with sheet tabs and a formula bar. */
export function WorkbookGrid({ book }: WorkbookGridProps) {
  const styles = useStyles();
  useSyncExternalStore(
    (listener) => book.subscribe(listener),
    () => book.version,
  );
  const sheets = book.sheetNames();
  const sheet = book.activeSheet;
  const selection = book.selected;
  // The active cell (where typing goes) is the corner a block was selected from, as in Excel;
  // a selection made elsewhere starts at its top-left cell.
  const [anchor, setAnchor] = useState<At | null>(null);
  const inSelection = (r: number, c: number) =>
    r >= selection.row &&
    r < selection.row + selection.rowCount &&
    c >= selection.column &&
    c < selection.column + selection.columnCount;
  const { row, column } = anchor && inSelection(anchor.row, anchor.column) ? anchor : selection;
  // The corner opposite the active cell: what shift+arrows move.
  const corner: At = {
    row: row === selection.row ? selection.row + selection.rowCount - 1 : selection.row,
    column: column === selection.column ? selection.column + selection.columnCount - 1 : selection.column,
  };
  const isBlock = selection.rowCount > 1 || selection.columnCount > 1;
  // A drag in progress selects from where the mouse went down.
  const dragging = useRef(false);
  useEffect(() => {
    const stop = () => {
      dragging.current = false;
    };
    window.addEventListener("mouseup", stop);
    return () => window.removeEventListener("mouseup", stop);
  }, []);
  const selectedView = book.view(sheet, row, column);
  const [draft, setDraft] = useState(selectedView.input);
  const [editing, setEditing] = useState(false);
  // Why the last entry was refused (a formula naming a table that is not there), as Excel says.
  const [refused, setRefused] = useState<string | null>(null);
  const formulaBar = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);

  // A new selection (or a recomputed cell) shows in the formula bar unless the person is typing.
  useEffect(() => {
    if (!editing) setDraft(selectedView.input);
  }, [editing, selectedView.input, sheet, row, column]);

  // Another sheet opens at its top-left corner.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0, left: 0 });
  }, [sheet]);

  const extent = book.extent(sheet);
  // The grid reaches past the content, and past any chart floating beside it.
  const chartEnds = (book.layout(sheet).charts ?? []).map((spec) => parseA1(spec.bottomRight));
  const rows = Math.min(MAX_ROWS, Math.max(extent.rows + 5, 30, ...chartEnds.map((e) => e.row + 2)));
  const columns = Math.min(
    MAX_COLUMNS,
    Math.max(extent.columns + 2, 10, ...chartEnds.map((e) => e.column + 2)),
  );
  const layout = book.layout(sheet);
  const widths = layout.columnWidths ?? [];
  const frozenRows = Math.min(layout.freeze?.rows ?? 0, 10);
  // A hidden column is not shown, as in Excel: no cell, no heading, no width.
  const hidden = new Set(layout.hiddenColumns ?? []);
  const shown = Array.from({ length: columns }, (_, c) => c).filter((c) => !hidden.has(c));
  const pixels = (c: number) => (hidden.has(c) ? 0 : Math.round(((widths[c] ?? DEFAULT_WIDTH_PT) * 4) / 3));
  const widthOf = (c: number) => `${pixels(c)}px`;
  // A fixed-layout table takes its columns' widths only when it has a width of its own.
  const tableWidth =
    ROW_HEAD_PX + Array.from({ length: columns }, (_, c) => pixels(c)).reduce((a, b) => a + b, 0);
  const left = (c: number) =>
    ROW_HEAD_PX + Array.from({ length: c }, (_, i) => pixels(i)).reduce((a, b) => a + b, 0);
  /** The column `by` shown columns from `c` (arrow keys pass over hidden ones, as in Excel). */
  const step = (c: number, by: number) => {
    let next = c + by;
    while (by !== 0 && hidden.has(next)) next += by;
    return next < 0 ? c : next;
  };
  // Charts float over the cells between their corners, as in Excel.
  const charts = (layout.charts ?? []).map((spec) => {
    const from = parseA1(spec.topLeft);
    const to = parseA1(spec.bottomRight);
    return {
      spec,
      data: book.rangeValues(sheet, spec.source),
      box: {
        left: left(from.column),
        top: ROW_PX * (from.row + 1),
        width: left(to.column + 1) - left(from.column),
        height: ROW_PX * (to.row - from.row + 1),
      },
    };
  });

  const select = (r: number, c: number) => {
    const at = { row: Math.max(0, r), column: Math.max(0, c) };
    book.select(sheet, at.row, at.column);
    setAnchor(at);
    setEditing(false);
    setRefused(null);
  };
  /** Selects the block from the active cell to (r, c), the active cell staying where it is. */
  const extend = (r: number, c: number) => {
    const area = block({ row, column }, { row: Math.max(0, r), column: Math.max(0, c) });
    book.select(sheet, area.row, area.column, area.rowCount, area.columnCount);
    setAnchor({ row, column });
    setEditing(false);
    setRefused(null);
  };
  const onCellMouseDown = (event: MouseEvent, r: number, c: number) => {
    if (event.button !== 0) return;
    // No text selection while dragging over cells; the grid keeps the keyboard.
    event.preventDefault();
    scroller.current?.focus();
    if (event.shiftKey) extend(r, c);
    else select(r, c);
    dragging.current = !event.shiftKey;
  };
  const commit = () => {
    try {
      book.enter(sheet, row, column, draft);
    } catch (error) {
      // Refused: nothing changed, and the entry stays in the formula bar to be corrected; on a
      // protected sheet there is nothing to correct, and the cell shows again as it is.
      if (!(error instanceof PortError)) throw error;
      setRefused(error.message);
      if (error.kind === "protected") setEditing(false);
      return;
    }
    setRefused(null);
    setEditing(false);
    book.select(sheet, row + 1, column);
    scroller.current?.focus();
  };
  const locked = book.isProtected(sheet);
  const startTyping = (text: string) => {
    // Excel refuses at the first key on a protected sheet, not when the entry is made.
    if (locked) {
      setRefused(PROTECTED_SHEET_MESSAGE);
      return;
    }
    setDraft(text);
    setEditing(true);
    formulaBar.current?.focus();
  };

  const onGridKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Tab: [0, 1],
    };
    const move = moves[event.key];
    if (move && event.shiftKey && event.key !== "Tab") {
      event.preventDefault();
      extend(corner.row + move[0], step(corner.column, move[1]));
    } else if (move) {
      event.preventDefault();
      select(row + move[0], step(column, move[1]));
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      startTyping(selectedView.input);
    } else if (event.key === "Delete" || event.key === "Backspace") {
      // Clears every selected cell, as Excel's Delete does; a protected sheet refuses it whole.
      event.preventDefault();
      if (locked) {
        setRefused(PROTECTED_SHEET_MESSAGE);
        return;
      }
      for (let r = 0; r < selection.rowCount; r++)
        for (let c = 0; c < selection.columnCount; c++)
          book.enter(sheet, selection.row + r, selection.column + c, "");
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      startTyping(event.key);
    }
  };

  /**
   * A command on the selection's columns, or its rows (`axis`): refused in the workbook's words,
   * nothing changed.
   */
  const onLines = (command: (at: number, count: number) => void, axis: "column" | "row" = "column") => {
    try {
      if (axis === "row") command(selection.row, selection.rowCount);
      else command(selection.column, selection.columnCount);
      setRefused(null);
    } catch (error) {
      if (!(error instanceof PortError)) throw error;
      setRefused(error.message);
    }
    scroller.current?.focus();
  };

  const onBarKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      setEditing(false);
      setDraft(selectedView.input);
      scroller.current?.focus();
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Text className={styles.nameBox} aria-label="Selected cell">
          {a1(row, column)}
        </Text>
        {isBlock && (
          <Text className={styles.hint} aria-label="Selected range">
            {a1Range(selection.row, selection.column, selection.rowCount, selection.columnCount)}
          </Text>
        )}
        <Input
          ref={formulaBar}
          className={styles.formula}
          aria-label="Formula bar"
          value={draft}
          onChange={(_e, data) => {
            setDraft(data.value);
            setEditing(true);
          }}
          onKeyDown={onBarKey}
          placeholder={selectedView.spilled ? "(part of a spilled answer)" : ""}
        />
        <Button size="small" onClick={() => onLines((c, n) => book.setColumnsHidden(sheet, c, n, true))}>
          Hide Columns
        </Button>
        <Button size="small" onClick={() => onLines((c, n) => book.setColumnsHidden(sheet, c, n, false))}>
          Unhide Columns
        </Button>
        <Button size="small" onClick={() => onLines((c, n) => book.deleteColumns(sheet, c, n))}>
          Delete Sheet Columns
        </Button>
        {/* Home > Insert > Insert Sheet Rows and Home > Delete > Delete Sheet Rows, on the selection's rows. */}
        <Button size="small" onClick={() => onLines((r, n) => book.insertRows(sheet, r, n), "row")}>
          Insert Sheet Rows
        </Button>
        <Button size="small" onClick={() => onLines((r, n) => book.deleteRows(sheet, r, n), "row")}>
          Delete Sheet Rows
        </Button>
        {locked && (
          // Excel's Review > Unprotect Sheet, for a sheet protected without a password.
          <Button
            size="small"
            onClick={() => {
              book.unprotectSheet(sheet);
              setRefused(null);
            }}
          >
            Unprotect Sheet
          </Button>
        )}
      </div>
      {refused && (
        <Text className={styles.errorNote} role="alert">
          {refused}
        </Text>
      )}
      {selectedView.error && (
        <Text className={styles.errorNote} role="status">
          {selectedView.display}: {selectedView.error}
        </Text>
      )}
      <div
        ref={scroller}
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={`Sheet ${sheet}`}
        onKeyDown={onGridKey}
      >
        <table className={styles.table} style={{ width: `${tableWidth}px` }} role="grid" aria-label={sheet}>
          <colgroup>
            <col style={{ width: `${ROW_HEAD_PX}px` }} />
            {shown.map((c) => (
              <col key={c} style={{ width: widthOf(c) }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={styles.head} />
              {shown.map((c) => (
                <th key={c} className={styles.head} scope="col">
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th
                  className={mergeClasses(styles.rowHead, r < frozenRows && styles.frozen)}
                  style={r < frozenRows ? { top: ROW_PX * (r + 1), zIndex: 3 } : undefined}
                  scope="row"
                >
                  {r + 1}
                </th>
                {shown.map((c) => {
                  const view = book.view(sheet, r, c);
                  const isSelected = r === row && c === column;
                  const isInBlock = isBlock && inSelection(r, c);
                  const frozen = r < frozenRows;
                  // Text runs on over empty cells to its right, as in Excel.
                  const next = step(c, 1);
                  const runsOn =
                    view.kind === "text" && next < columns && book.view(sheet, r, next).kind === "blank";
                  return (
                    <td
                      key={c}
                      role="gridcell"
                      aria-selected={isSelected || isInBlock}
                      data-address={a1(r, c)}
                      title={view.error}
                      style={{
                        ...(frozen ? { top: ROW_PX * (r + 1), zIndex: runsOn ? 2 : 1 } : {}),
                        ...(view.fill || view.fontColor
                          ? { backgroundColor: view.fill, color: view.fontColor }
                          : {}),
                      }}
                      className={mergeClasses(
                        styles.cell,
                        view.kind === "number" && styles.number,
                        view.kind === "error" && styles.error,
                        view.bold && styles.bold,
                        runsOn && styles.runsOn,
                        frozen && styles.frozen,
                        r === frozenRows - 1 && styles.frozenEdge,
                        isInBlock && styles.inBlock,
                        isSelected && styles.selected,
                      )}
                      onMouseDown={(event) => onCellMouseDown(event, r, c)}
                      onMouseEnter={() => {
                        if (dragging.current) extend(r, c);
                      }}
                      onDoubleClick={() => {
                        select(r, c);
                        startTyping(book.view(sheet, r, c).input);
                      }}
                    >
                      {view.display}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {charts.map(({ spec, data, box }) => (
          <SheetChart key={spec.name} spec={spec} data={data} box={box} />
        ))}
        {extent.rows > MAX_ROWS && (
          <Text className={styles.hint}>
            Showing the first {MAX_ROWS} of {extent.rows} rows.
          </Text>
        )}
      </div>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={sheet}
        onTabSelect={(_e, data) => book.activate(String(data.value))}
        aria-label="Sheets"
      >
        {sheets.map((name) => (
          <Tab key={name} value={name}>
            {name}
          </Tab>
        ))}
      </TabList>
    </div>
  );
}
