/**
 * The workbook port: the one interface the task pane uses to read and write the open workbook.
 *
 * The pane never calls Office.js; it builds plain-data write plans and read requests against this
 * interface. `officeWorkbook.ts` implements it with Excel.run (batched, chunked, mock-tested); UI
 * tests and the in-browser preview implement it in memory. Nothing here imports Office.
 *
 * Rules the port carries for every panel (spec/taskpane.md, general rules):
 * - Nothing the user wrote is lost: a plan creates new sheets, or replaces sheets/regions this
 *   add-in marked as its own (ownership marks), or writes into an existing sheet only where the
 *   caller has checked the target is empty (`findNonEmpty`) or the user said yes.
 * - Text from outside (CSV, pasted bids, ledgers) is written with the `text` cell kind and is never
 *   turned into a formula, whatever it begins with.
 */

/** A cell's value as read from the workbook: blank cells read as "" (Excel's own convention). */
export type CellValue = string | number | boolean;

/** A formula, written as Excel's English formula text (`=SUM(A1:A3)`). */
export interface FormulaCell {
  formula: string;
}

/**
 * Text that must stay text: anything that came from a file, a paste or the user. The adapter
 * writes it so Excel never parses it (no formula, no number, no date), even if it begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return.
 */
export interface TextCell {
  text: string;
}

/**
 * One cell of a write plan.
 * - number / boolean: the value.
 * - string: a label PROD itself wrote (a heading, an account name from the engine); written as a
 *   constant, and still protected from formula parsing if it starts with a formula character.
 * - null: a blank cell (cleared).
 * - `{ formula }`: a live formula. `{ text }`: outside text, always text.
 */
export type Cell = number | boolean | string | null | FormulaCell | TextCell;

/** How `text` cells are protected. Both are tested; "apostrophe" is the default. */
export type TextMode =
  /** Prefix every text cell with `'`: Excel stores the rest as text and shows no apostrophe. */
  | "apostrophe"
  /** Set the cells' number format to Text (`@`) before writing the raw text. */
  | "format";

/** Excel number formats PROD uses, so every panel formats money the same way. */
export const NUMBER_FORMATS = {
  /** Money: thousands separators, cents, negatives in parentheses. */
  money: "#,##0.00_);(#,##0.00)",
  /** Whole money (top sheets): thousands separators, no cents. */
  moneyWhole: "#,##0_);(#,##0)",
  /** A percentage with up to two decimals. */
  percent: "0.00%",
  /**
   * A plain quantity (units, hours, days): General, so 12 shows as "12" and 12.5 as "12.5".
   * A "#,##0.##" format would show whole numbers with a dangling point ("12.").
   */
  quantity: "General",
  /** Text: Excel does not parse what is typed or written. */
  text: "@",
  general: "General",
} as const;

/** A rectangle of cells written with one 2-D assignment. Row/column are 0-based sheet indexes. */
export interface CellBlock {
  /** 0-based row of the top-left cell (row 0 is Excel row 1). */
  row: number;
  /** 0-based column of the top-left cell (column 0 is A). */
  column: number;
  /** The cells, one array per row; every row the same length. */
  cells: Cell[][];
  /** Number formats, one per column (applied to every row of the block); null = leave as is. */
  columnFormats?: (string | null)[];
  /** Number formats per cell (same shape as `cells`); a non-null entry wins over columnFormats. */
  cellFormats?: (string | null)[][];
  /** Bold font for the whole block (headings, total rows). */
  bold?: boolean;
  /** How `text` cells are protected. @default "apostrophe" */
  textMode?: TextMode;
}

/** An Excel table to create over cells the plan writes (header row included). */
export interface TableSpec {
  /** Table name (unique in the workbook; letters, digits, underscores). */
  name: string;
  /** 0-based top-left of the header row. */
  row: number;
  column: number;
  /** Header row plus data rows. */
  rowCount: number;
  columnCount: number;
  /** An Excel table style name. @default "TableStyleLight9" */
  style?: string;
}

/** A workbook-level named range. */
export interface NameSpec {
  /** The name (letters, digits, underscores, periods; not a cell reference). */
  name: string;
  /** The sheet the range is on. */
  sheet: string;
  /** A1 address on that sheet, e.g. `$B$2` or `B2:B5`. */
  address: string;
  /** Shown in Excel's Name Manager. */
  comment?: string;
}

/** Chart types PROD draws (Excel's names for them). */
export type ChartKind = "BarClustered" | "ColumnClustered" | "Line" | "Pie";

/**
 * A chart over cells the plan writes on the same sheet (Excel's charts API). The data's first
 * column holds the categories and its first row the series names; each further column is a series.
 */
export interface ChartSpec {
  /** The chart's name on its sheet. */
  name: string;
  kind: ChartKind;
  /** A1 address of the data on this sheet, header row included. */
  source: string;
  title: string;
  /** A1 address of the cell at the chart's top-left corner. */
  topLeft: string;
  /** A1 address of the cell at its bottom-right corner (sets its size). */
  bottomRight: string;
  /** Show the legend? @default false (one series needs none) */
  legend?: boolean;
}

/**
 * What to do with one sheet.
 * - "create": the sheet must not exist yet (the plan fails before writing anything if it does).
 * - "replaceOwned": the sheet must carry this plan's owner mark for `markKey`; it is cleared and
 *   rewritten. A sheet with the name but without the mark is never touched.
 * - "existing": the sheet exists and only the blocks are written (the caller checked the cells
 *   are empty or owned, or the user agreed).
 * - "reclaim": a sheet PROD made whose mark is gone (a user deleted the name): the pane told it
 *   by its content (`ownedSheet.ts`) and the user said yes to taking it back. It is cleared,
 *   rewritten and marked again. Refused, like "create", when the mark is on another sheet.
 * - "remark": as "reclaim", but nothing is cleared: only the blocks are written, as "existing",
 *   and the sheet is marked again. For a sheet the user works in (a budget's detail), which
 *   PROD must take back without rewriting it.
 */
export type SheetMode = "create" | "replaceOwned" | "existing" | "reclaim" | "remark";

/** Whether applying the plan adds the sheet's ownership mark (a new or a taken-back sheet). */
export function marksAfterWrite(sheet: SheetPlan): boolean {
  return sheet.mode === "create" || sheet.mode === "reclaim" || sheet.mode === "remark";
}

/** Whether the plan writes into the sheet as it is, clearing nothing (its layout kept too). */
export function keepsContent(sheet: SheetPlan): boolean {
  return sheet.mode === "existing" || sheet.mode === "remark";
}

/**
 * A conditional format that marks the cells where a formula holds (Excel's "Use a formula to
 * determine which cells to format"). The formula is written for the top-left cell of `address`
 * with relative references, as in Excel's dialog; Excel applies it to every cell of the range.
 */
export interface ConditionalFormatSpec {
  /** A1 address on the sheet, e.g. `B5:D40`. */
  address: string;
  /** The rule, e.g. `=AND(ISNUMBER(B5),B5=MIN($B5:$D5))`. */
  formula: string;
  /** Fill colour where the rule holds, `#RRGGBB`. */
  fill: string;
  /** Font colour where the rule holds, `#RRGGBB`. */
  fontColor?: string;
  /** Bold font where the rule holds. */
  bold?: boolean;
}

/** Everything a plan does to one sheet. */
export interface SheetPlan {
  name: string;
  mode: SheetMode;
  /** Ownership key for this sheet's mark (all modes but `existing`). Defaults to the name. */
  markKey?: string;
  blocks: CellBlock[];
  tables?: TableSpec[];
  /** Freeze this many top rows / left columns. */
  freeze?: { rows: number; columns?: number };
  /** Print area, A1 (e.g. `A1:K120`). */
  printArea?: string;
  /** Column widths in points, from column A. */
  columnWidths?: number[];
  /** Hide gridlines? @default false */
  hideGridlines?: boolean;
  /**
   * Columns hidden from view, 0-based, as Excel's Hide does (the cells are still there and read
   * as any other): PROD's row checks (taskpane/shell/userWork.ts). On a sheet the plan writes
   * whole (create, replaceOwned, reclaim) they are also named by the sheet's hidden name
   * {@link PROD_HIDDEN_NAME}, which Excel moves with the columns and turns into #REF! when the
   * user deletes them: a later read of the sheet tells where they are, or that they are gone
   * (`UsedRangeData.hiddenByProd`). On a replaced or taken-back sheet only the columns that name
   * holds are shown again, so a column an earlier run hid does not hide what is written there
   * now, while a column the user hid there stays hidden; a sheet without the name (written before
   * PROD kept it) has every column shown again, as then. Writing into a sheet as it is (existing,
   * remark) hides the columns, names none and leaves its other columns as they are.
   */
  hiddenColumns?: number[];
  /** Charts over the sheet's cells, drawn after the values; a replaced sheet loses its old charts. */
  charts?: ChartSpec[];
  /** Conditional formats, added with the sheet's structure after its cells are written. */
  conditionalFormats?: ConditionalFormatSpec[];
  /**
   * Leave the sheet protected once written, against changes by accident: Excel's Review > Protect
   * Sheet with no password and its default options (cells can be selected, not changed), so the
   * user can lift it knowingly with Review > Unprotect Sheet. If the sheet is protected already
   * (PROD's own from an earlier run), its protection is lifted for the write and put back after
   * it, also when the write fails or is cancelled. A sheet the user protected again with a
   * password is refused (passwordProtectedError), nothing written: PROD keeps no passwords.
   * @default false: a protected sheet is refused
   */
  protect?: boolean;
}

/** A batch of writes, applied as a few synced steps. */
export interface WritePlan {
  /**
   * Who owns the output: a short key such as "templates" or "bids". Ownership marks are
   * workbook names built from it, so re-running the same panel finds and replaces its own output.
   */
  owner: string;
  /**
   * Tells apart copies of the same output in one workbook (the Templates panel's second budget
   * writes "_2"): part of each mark's name, so every copy owns its sheets under its own marks
   * and the keys stay the same ("detail" is every copy's detail sheet). @default "" (the first)
   */
  copy?: string;
  sheets: SheetPlan[];
  names?: NameSpec[];
  /** The sheet to show when done. */
  activate?: string;
}

/** A reference to a range on a sheet. */
export interface RangeRef {
  sheet: string;
  /** A1 address without the sheet, e.g. `A1:D20`. */
  address: string;
}

/** Where the workbook refers to a sheet from outside it (what a replace of the sheet would break). */
export interface SheetLinks {
  /** Cells on other sheets whose formulas refer to the sheet, A1 per sheet (areas merged where Excel merges them). */
  cells: RangeRef[];
  /** Workbook-level names (ownership marks excluded) whose formula refers to the sheet. */
  names: string[];
}

/** Values read from a range. */
export interface RangeData extends RangeRef {
  values: CellValue[][];
}

/** A sheet's used range as read (`readUsedRange`), with the columns PROD hid on the sheet. */
export interface UsedRangeData extends RangeData {
  /**
   * The columns a plan of PROD's hid on the sheet (SheetPlan.hiddenColumns), 0-based, where Excel
   * keeps them now (moved when the user inserted or deleted columns left of them), read from the
   * sheet's {@link PROD_HIDDEN_NAME} with its cells; a column the user deleted is left out (Excel
   * made its reference #REF!), so it may be empty. Absent when the sheet has no such name: PROD
   * hid nothing there, or did before it named what it hid.
   */
  hiddenByProd?: number[];
}

/**
 * What cells hold, to put them back exactly: values, formulas as Excel's `formulas` gives them
 * (the formula text where there is one, else the value), and each cell's number format as
 * Excel's `numberFormat` gives it ("General" where none was set; "m/d/yyyy" on a typed date).
 */
export interface CellsData extends RangeData {
  formulas: CellValue[][];
  numberFormats: string[][];
  /**
   * Each value's type as Excel gives it (Range.valueTypes: "Empty", "String", "Double",
   * "Boolean", "Error"...), when asked for ({@link ReadCellsOptions}): an error value (#N/A
   * typed or computed) reads as its text in values and formulas, and only "Error" here tells it
   * from text that says "#N/A".
   */
  valueTypes?: string[][];
}

/** What {@link WorkbookPort.readCells} reads beyond values, formulas and number formats. */
export interface ReadCellsOptions {
  /**
   * Each value's type too, in the same request. Asked only where it is needed (a global's cell
   * put back exactly): a sheet read in bands stays under Excel on the web's 5 MB response
   * without it (readSheetCells).
   */
  valueTypes?: boolean;
}

/** An Excel table as read. */
export interface TableData {
  name: string;
  sheet: string;
  /** The table's full address, header row included. */
  address: string;
  headers: string[];
  rows: CellValue[][];
}

/** A region this add-in owns, found by its mark. */
export interface OwnedRegion extends RangeRef {
  owner: string;
  key: string;
  /** Which copy of the output (the plan's `copy`); "" for the first. */
  copy: string;
}

/** Progress of long work: `done` of `total` steps, with a plain-words label. */
export interface Progress {
  done: number;
  total: number;
  label: string;
}

/** Options for long operations. */
export interface RunOptions {
  /** Called between steps (never more often than once per sync). */
  onProgress?: (progress: Progress) => void;
  /** Checked between steps; when aborted the operation stops and undoes what it created. */
  signal?: AbortSignal;
}

/** Why a port call refused or failed; the pane turns each kind into plain words. */
export type PortErrorKind =
  /** A sheet the plan would create already exists. */
  | "sheetExists"
  /** A workbook name the plan would add already exists and is not this owner's. */
  | "nameExists"
  /** A sheet, table or name asked for is not there. */
  | "notFound"
  /** The write would cover non-empty cells the add-in does not own. */
  | "wouldOverwrite"
  /** A sheet asked to be replaced is not marked as this owner's. */
  | "notOwned"
  /** A sheet the write would change is protected (Review > Unprotect Sheet), and is not PROD's to lift. */
  | "protected"
  /** The user cancelled. */
  | "cancelled"
  /** Excel refused (the host's own message is kept). */
  | "host";

/** A refusal or failure from the workbook port, with what it concerns. */
export class PortError extends Error {
  constructor(
    readonly kind: PortErrorKind,
    message: string,
    /** The sheets, names or addresses concerned. */
    readonly subjects: readonly string[] = [],
  ) {
    super(message);
    this.name = "PortError";
  }
}

/** The workbook, as the pane sees it. */
export interface WorkbookPort {
  /** Sheet names, in tab order. */
  listSheets(): Promise<string[]>;
  /** Values of one range. */
  readRange(ref: RangeRef): Promise<RangeData>;
  /**
   * The used range of a sheet (values only), or null if the sheet is empty; with the columns PROD
   * hid there ({@link UsedRangeData}), read in the same request as the used range.
   */
  readUsedRange(sheet: string, options?: RunOptions): Promise<UsedRangeData | null>;
  /** Tables of the workbook: name and sheet. */
  listTables(): Promise<{ name: string; sheet: string }[]>;
  /** One table's headers and rows, or null if there is no such table (read in chunks). */
  readTable(name: string, options?: RunOptions): Promise<TableData | null>;
  /** Workbook-level names and what they refer to (marks excluded). */
  listNames(): Promise<{ name: string; formula: string }[]>;
  /** A named range's values, or null if the name does not exist or is not a range. */
  readNamedRange(name: string): Promise<RangeData | null>;
  /** Values, formulas and number formats of ranges (and value types if asked), all in one read (what-if scenarios keep them exactly). */
  readCells(refs: readonly RangeRef[], options?: ReadCellsOptions): Promise<CellsData[]>;
  /**
   * Values of ranges once Excel has finished calculating: asks Excel to recalculate, then reads
   * until the calculation state is done, no cell shows #BUSY! (a custom function still
   * computing) and two reads in a row agree (Excel can show a stale value while a function
   * recomputes). Refuses with a "host" PortError when Excel has not settled within a minute;
   * honours Cancel between reads.
   */
  readWhenCalculated(refs: readonly RangeRef[], options?: RunOptions): Promise<RangeData[]>;
  /** The user's current selection. */
  getSelection(): Promise<RangeRef>;
  /** Of the given ranges, those holding any non-empty cell (one sync for all of them). */
  findNonEmpty(ranges: readonly RangeRef[]): Promise<RangeRef[]>;
  /** Regions this owner marked, by key. */
  findOwned(owner: string): Promise<OwnedRegion[]>;
  /**
   * Where other sheets' formulas and the workbook's names refer to `sheet` (one or two syncs).
   *
   * PROD replaces its own sheets by clearing and rewriting them, and a formula elsewhere that
   * points at `'Budget comparison'!E12` keeps pointing at E12, whatever the new output puts there:
   * these are the links to ask about first (spec/taskpane.md). A cell counts when its formula
   * refers to a cell of the sheet's used range, directly, through a name, or through a table on
   * it (Excel's direct dependents); a name counts when its formula refers to the sheet or a table
   * on it. Cells on the sheet itself are left out. Refuses with `notFound` when there is no such
   * sheet.
   */
  findLinksTo(sheet: string): Promise<SheetLinks>;
  /**
   * Apply a write plan: check it can be applied without touching anything not ours (refuses
   * with a PortError otherwise, having written nothing), then write in chunked, synced steps.
   */
  apply(plan: WritePlan, options?: RunOptions): Promise<void>;
  /**
   * Replace the data rows of an existing table (the header row stays), resizing the table.
   * Refuses with `wouldOverwrite` if growing it would cover non-empty cells below, unless
   * `allowOverwrite`. A table on a protected sheet is refused (`protected`), unless `protect`.
   * The rows get the number formats of `columnFormats` / `cellFormats`, written with the values.
   */
  replaceTableRows(name: string, rows: Cell[][], options?: TableWriteOptions): Promise<void>;
}

/**
 * How `replaceTableRows` writes. Number formats (`columnFormats`, `cellFormats`, as a block's)
 * are the caller's to pass, the same ones its first write gave the table: Excel gives a table's
 * new rows the column's formats only when a row is added through the table (Table.rows.add, or
 * typing just under it while "Extend data range formats and formulas" is on). This port resizes
 * the table over the cells below it (Table.resize: no cells are inserted or moved, nothing is
 * formatted) after clearing the old rows' contents, which keeps each cell's old format where it
 * is. So without them, new rows show General ("1", not "1.00"), and a rewritten row keeps the
 * format of whichever row stood there before (a % fringe's rate where a flat one now is).
 */
export interface TableWriteOptions
  extends RunOptions, Pick<CellBlock, "columnFormats" | "cellFormats" | "textMode"> {
  /** Write over non-empty cells below the table when it grows. @default false */
  allowOverwrite?: boolean;
  /**
   * The table's sheet is one PROD keeps protected (SheetPlan.protect): its protection is lifted
   * for the write and put back after it, also when the write fails or is cancelled; a sheet the
   * user unprotected is protected again, one protected with a password is refused. @default false
   */
  protect?: boolean;
}

/** Excel's words when a change is refused on a protected sheet (a cell typed, Delete). */
export const PROTECTED_SHEET_MESSAGE =
  "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.";

/**
 * The refusal of a write into a sheet PROD keeps protected (`protect`) that the user protected
 * again with a password: PROD lifts only a protection without one, and never asks for nor keeps
 * a password, so it wrote nothing there and the sheet is as the user left it.
 */
export function passwordProtectedError(sheets: readonly string[]): PortError {
  const one = sheets.length === 1;
  return new PortError(
    "protected",
    `${quoteList(sheets)} ${one ? "is" : "are"} protected with a password, so PROD wrote nothing there: PROD never asks for or keeps passwords. After you unprotect ${one ? "it" : "them"}, PROD protects ${one ? "it" : "them"} again when it writes, without a password.`,
    sheets,
  );
}

/** The refusal of a write into sheets the user protected: nothing was written. */
export function protectedSheetError(sheets: readonly string[]): PortError {
  const one = sheets.length === 1;
  return new PortError(
    "protected",
    `${quoteList(sheets)} ${one ? "is" : "are"} protected, so PROD wrote nothing. PROD changes a protected sheet only if it protected it itself.`,
    sheets,
  );
}

/**
 * Blocks of whole rows merged into runs: a block that starts on the row after the last one and
 * has the same boldness joins it (fewer, larger 2-D writes: one `formulas` assignment each). The
 * blocks must share their column and column formats; per-cell formats are carried along.
 */
export function mergeRowBlocks(blocks: readonly CellBlock[]): CellBlock[] {
  const merged: CellBlock[] = [];
  for (const block of blocks) {
    const last = merged[merged.length - 1];
    if (last && last.bold === block.bold && last.row + last.cells.length === block.row) {
      last.cells.push(...block.cells);
      if (last.cellFormats && block.cellFormats) last.cellFormats.push(...block.cellFormats);
    } else {
      merged.push({
        ...block,
        cells: [...block.cells],
        ...(block.cellFormats ? { cellFormats: [...block.cellFormats] } : {}),
      });
    }
  }
  return merged;
}

/** Column letters for a 0-based column index (0 -> A, 26 -> AA). */
export function columnLetter(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** An A1 address for 0-based indexes; `absolute` adds `$` to both parts. */
export function a1(row: number, column: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(column)}${d}${row + 1}`;
}

/** An A1 range address for a 0-based top-left and a size. */
export function a1Range(
  row: number,
  column: number,
  rowCount: number,
  columnCount: number,
  absolute = false,
): string {
  const first = a1(row, column, absolute);
  if (rowCount === 1 && columnCount === 1) return first;
  return `${first}:${a1(row + rowCount - 1, column + columnCount - 1, absolute)}`;
}

/**
 * Cells as few A1 areas, comma-separated (`H5:H7,J5`): each column's cells in runs of rows, and
 * side-by-side columns with the same runs joined into one rectangle; ordered by top row, then
 * column. Empty for no cells.
 */
export function cellAreas(cells: readonly { row: number; column: number }[]): string {
  const byColumn = new Map<number, number[]>();
  for (const { row, column } of cells) byColumn.set(column, [...(byColumn.get(column) ?? []), row]);
  const areas: { row: number; column: number; rowCount: number; columnCount: number }[] = [];
  for (const column of [...byColumn.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byColumn.get(column))].sort((a, b) => a - b);
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      const run = { row: rows[i], rowCount: j - i + 1 };
      const left = areas.find(
        (a) => a.column + a.columnCount === column && a.row === run.row && a.rowCount === run.rowCount,
      );
      if (left) left.columnCount++;
      else areas.push({ ...run, column, columnCount: 1 });
      i = j + 1;
    }
  }
  return areas
    .sort((a, b) => a.row - b.row || a.column - b.column)
    .map((a) => a1Range(a.row, a.column, a.rowCount, a.columnCount))
    .join(",");
}

/**
 * A sheet name as Excel writes it before a `!`: as it is when it is a plain word that is not a
 * cell reference (`Globals`), else quoted (`'Top Sheet'`, `'Q1'`).
 */
export function formulaSheetName(sheet: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return plain ? sheet : sheetRef(sheet);
}

/** A sheet name quoted for use in a formula (`'Top Sheet'!A1`). */
export function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** Rows and columns of an Excel worksheet (Excel specifications and limits). */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/**
 * Parse an A1 address (`B3`, `$B$3`, `B3:D10`) into 0-based indexes. A whole column (`H:H`,
 * `B:D`) or whole row (`3:3`, `2:5`), which Excel reports when the user clicks a column or row
 * heading, spans the sheet's full height or width. Throws for anything else (several areas,
 * `A1:B`, a name).
 */
export function parseA1(address: string): {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
} {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [start, end = start, ...more] = bare.replace(/\$/g, "").split(":");
  const part = (ref: string) => {
    const match = /^([A-Z]*)(\d*)$/i.exec(ref);
    if (!match || (match[1] === "" && match[2] === "")) throw new Error(`not an A1 address: ${address}`);
    let column = 0;
    for (const ch of match[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
    return {
      row: match[2] === "" ? null : Number(match[2]) - 1,
      column: match[1] === "" ? null : column - 1,
    };
  };
  if (more.length > 0) throw new Error(`not an A1 address: ${address}`);
  const a = part(start);
  const b = part(end);
  // Both ends must be the same kind: two cells, two columns (`H:H`) or two rows (`3:3`).
  if ((a.row === null) !== (b.row === null) || (a.column === null) !== (b.column === null))
    throw new Error(`not an A1 address: ${address}`);
  const span = (x: number | null, y: number | null, size: number) =>
    x === null || y === null
      ? { first: 0, count: size }
      : { first: Math.min(x, y), count: Math.abs(y - x) + 1 };
  const rows = span(a.row, b.row, SHEET_ROWS);
  const columns = span(a.column, b.column, SHEET_COLUMNS);
  return { row: rows.first, column: columns.first, rowCount: rows.count, columnCount: columns.count };
}

/** Characters that make Excel parse a cell as a formula (or that Excel strips, for `'`). */
const FORMULA_TRIGGER = /^[=+\-@\t\r\n']/;

/** True if Excel would not keep this string as the literal text (it would parse or strip it). */
export function needsTextProtection(text: string): boolean {
  return FORMULA_TRIGGER.test(text);
}

/** Split `Sheet!A1:B2` / `'My sheet'!A1` / `=Sheet!$A$1` into sheet and address. */
export function splitAddress(full: string): RangeRef {
  const bang = full.lastIndexOf("!");
  if (bang < 0) return { sheet: "", address: full };
  let sheet = full.slice(0, bang).replace(/^=/, "");
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: full.slice(bang + 1).replace(/\$/g, "") };
}

/** Excel names allow letters, digits, underscores and periods: anything else (and "_") is
 * written as _ + 4 hex digits so the part can be read back exactly. */
const markSafe = (s: string) =>
  s.replace(/[^A-Za-z0-9]/g, (ch) => `_${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * The name of the workbook-level name that marks an owned region: `PROD_OWN.owner.key`, and
 * `.copy` after it for a later copy of the same output (names must be unique in a workbook).
 */
export function ownershipMarkName(owner: string, key: string, copy = ""): string {
  const mark = `PROD_OWN.${markSafe(owner)}.${markSafe(key)}`;
  return copy === "" ? mark : `${mark}.${markSafe(copy)}`;
}

/** The mark of one sheet of a plan. */
export function sheetMarkName(plan: WritePlan, sheet: SheetPlan): string {
  return ownershipMarkName(plan.owner, sheet.markKey ?? sheet.name, plan.copy);
}

/** Read owner, key and copy back from a mark name, or null if it is not a mark. */
export function parseOwnershipMark(name: string): { owner: string; key: string; copy: string } | null {
  const match = /^PROD_OWN\.([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)(?:\.([A-Za-z0-9_]+))?$/.exec(name);
  if (!match) return null;
  const unsafe = (s: string) =>
    s.replace(/_([0-9a-f]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return { owner: unsafe(match[1]), key: unsafe(match[2]), copy: unsafe(match[3] ?? "") };
}

/**
 * The sheet-level name, hidden from Name Manager, that holds the columns PROD hid on a sheet
 * (SheetPlan.hiddenColumns): each a whole column (`='Budget comparison'!$K:$K`, areas joined by
 * commas), so Excel moves it with inserted and deleted columns (and rows leave it whole) and,
 * when the user deletes the column, keeps the name with `#REF!` in its place. It tells, with the
 * sheet's cells and whatever the user did to its notes, that PROD wrote the sheet with hidden
 * columns (its row checks), and which columns are PROD's to show again when it replaces it.
 */
export const PROD_HIDDEN_NAME = "PROD_HIDDEN";

/** The formula of {@link PROD_HIDDEN_NAME} for these columns of `sheet`. */
export function hiddenColumnsFormula(sheet: string, columns: readonly number[]): string {
  const where = formulaSheetName(sheet);
  return `=${columns.map((c) => `${where}!$${columnLetter(c)}:$${columnLetter(c)}`).join(",")}`;
}

/**
 * The columns {@link PROD_HIDDEN_NAME}'s formula holds now, in order; an area Excel made #REF!
 * (the column deleted) is left out.
 */
export function hiddenColumnsOf(formula: string): number[] {
  const columns = new Set<number>();
  for (const area of formula.replace(/^=/, "").match(/(?:'(?:[^']|'')*'|[^,])+/g) ?? []) {
    if (isDeadReference(area)) continue;
    const { column, columnCount } = parseA1(splitAddress(area.trim()).address);
    for (let c = column; c < column + columnCount; c++) columns.add(c);
  }
  return [...columns].sort((a, b) => a - b);
}

/**
 * True if a name's formula points nowhere: Excel keeps a name whose sheet was deleted and makes
 * it `=#REF!$A$1`. Such a mark owns nothing; it is dropped when its sheet is made again.
 */
export function isDeadReference(formula: string): boolean {
  return formula.toUpperCase().includes("#REF!");
}

/** A list of sheets or names for a message: `"Top Sheet", "Fringes"`. */
export function quoteList(items: readonly string[]): string {
  return items.map((s) => `"${s}"`).join(", ");
}

/** Stops a long operation between steps when the user cancelled. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PortError("cancelled", "Cancelled: nothing more was written.");
}

/** What `checkPlan` needs to know of the workbook (one read of three collections). */
export interface WorkbookState {
  /** Sheet names. */
  sheets: readonly string[];
  /** Workbook-level names, ownership marks included, and what they refer to. */
  names: readonly { name: string; formula: string }[];
  /** Tables, each with its sheet. */
  tables: readonly { name: string; sheet: string }[];
  /** The sheets that are protected now (Review > Protect Sheet). */
  protectedSheets: readonly string[];
  /**
   * Those of them protected with a password, where Excel tells (Excel on the web, ExcelApiOnline
   * 1.1); elsewhere unknown until Excel refuses to lift the protection. @default none known
   */
  passwordProtectedSheets?: readonly string[];
}

/** What applying a checked plan must do before it writes. */
export interface PlanCheck {
  /** The sheets to clear and rewrite (replaceOwned, carrying this owner's mark). */
  replaced: string[];
  /** Tables on those sheets: they go with the sheet's contents. */
  tablesToDelete: string[];
  /** Names to delete first: the plan's names now on replaced sheets, and marks deleted sheets left. */
  namesToDelete: string[];
  /** PROD's own protected sheets (`protect`) that are protected now: lifted first, put back last. */
  unprotect: string[];
}

/**
 * Can this plan be applied without touching anything that is not ours? Answers what to clear
 * and delete first, or throws the PortError the pane shows, before anything is written. Excel
 * compares sheet, table and workbook names without regard to case ("Fringes" and "fringes" are
 * the same sheet), so this does too. Pure: both workbook ports use it.
 */
export function checkPlan(plan: WritePlan, state: WorkbookState): PlanCheck {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const sheets = new Set(state.sheets.map((s) => s.toLowerCase()));
  const nameFormula = new Map(state.names.map((n) => [n.name.toLowerCase(), n.formula]));

  const replaced: string[] = [];
  const existing: string[] = [];
  const notOwned: string[] = [];
  const missing: string[] = [];
  for (const sp of plan.sheets) {
    const exists = sheets.has(sp.name.toLowerCase());
    if (sp.mode === "create" && exists) existing.push(sp.name);
    if ((keepsContent(sp) || sp.mode === "reclaim") && !exists) missing.push(sp.name);
    if (sp.mode === "reclaim" && exists) replaced.push(sp.name);
    if (sp.mode === "replaceOwned") {
      const mark = nameFormula.get(sheetMarkName(plan, sp).toLowerCase());
      if (!exists) missing.push(sp.name);
      else if (mark === undefined || !same(splitAddress(mark).sheet, sp.name)) notOwned.push(sp.name);
      else replaced.push(sp.name);
    }
  }
  if (existing.length > 0)
    throw new PortError(
      "sheetExists",
      `The workbook already has ${quoteList(existing)}; nothing was written.`,
      existing,
    );
  if (notOwned.length > 0)
    throw new PortError(
      "notOwned",
      `${quoteList(notOwned)} was not made by PROD, so it was left alone.`,
      notOwned,
    );
  if (missing.length > 0)
    throw new PortError("notFound", `There is no sheet ${quoteList(missing)}.`, missing);
  // A sheet the user protected is never unprotected by PROD; only its own (`protect`) are.
  const isProtected = (name: string) => state.protectedSheets.some((p) => same(p, name));
  const locked = plan.sheets.filter((sp) => sp.mode !== "create" && isProtected(sp.name));
  const refused = locked.filter((sp) => !sp.protect).map((sp) => sp.name);
  if (refused.length > 0) throw protectedSheetError(refused);
  // Its own, protected again by the user with a password: PROD cannot lift that protection.
  const withPassword = locked
    .filter((sp) => state.passwordProtectedSheets?.some((p) => same(p, sp.name)))
    .map((sp) => sp.name);
  if (withPassword.length > 0) throw passwordProtectedError(withPassword);

  // The marks the new and reclaimed sheets will get: Excel's names.add fails on an existing name,
  // and only in the last step, after every value is written; so they are checked here.
  const marks = createdSheetMarks(plan, (name) => nameFormula.get(name.toLowerCase()));
  if (marks.heldBy.length > 0) {
    throw new PortError(
      "nameExists",
      `PROD made ${quoteList(marks.heldBy)} for this before (it may have been renamed), so nothing was written. Delete it, or rename it back and re-run.`,
      marks.heldBy,
    );
  }

  const onReplaced = (sheet: string) => replaced.some((r) => same(r, sheet));
  const tablesToDelete = state.tables.filter((t) => onReplaced(t.sheet)).map((t) => t.name);
  const namesToDelete = [...marks.stale];
  const taken: string[] = [];
  for (const ns of plan.names ?? []) {
    const formula = nameFormula.get(ns.name.toLowerCase());
    if (formula === undefined) continue;
    if (onReplaced(splitAddress(formula).sheet)) namesToDelete.push(ns.name);
    else taken.push(ns.name);
  }
  for (const sp of plan.sheets) {
    for (const t of sp.tables ?? []) {
      const table = state.tables.find((x) => same(x.name, t.name));
      if ((table && !onReplaced(table.sheet)) || nameFormula.has(t.name.toLowerCase())) taken.push(t.name);
    }
  }
  if (taken.length > 0)
    throw new PortError(
      "nameExists",
      `The workbook already uses the name ${quoteList(taken)}; nothing was written.`,
      taken,
    );
  return { replaced, tablesToDelete, namesToDelete, unprotect: locked.map((sp) => sp.name) };
}

/**
 * The marks of the sheets a plan creates or reclaims, as the workbook has them already
 * (`markFormula` looks a name up, any case). A mark a deleted sheet left behind (#REF!), or one
 * already on the sheet being taken back, is `stale`: the plan deletes it before adding its own, as
 * Excel's names.add refuses an existing name. A mark another live sheet holds (the user renamed
 * PROD's sheet) is that sheet's: the plan must refuse before writing.
 */
function createdSheetMarks(
  plan: WritePlan,
  markFormula: (name: string) => string | undefined,
): { stale: string[]; heldBy: string[] } {
  const stale: string[] = [];
  const heldBy: string[] = [];
  for (const sp of plan.sheets) {
    if (!marksAfterWrite(sp)) continue;
    const name = sheetMarkName(plan, sp);
    const formula = markFormula(name);
    if (formula === undefined) continue;
    const holder = splitAddress(formula).sheet;
    if (isDeadReference(formula) || (sp.mode !== "create" && holder.toLowerCase() === sp.name.toLowerCase()))
      stale.push(name);
    else heldBy.push(holder);
  }
  return { stale, heldBy };
}
