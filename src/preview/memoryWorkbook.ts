/*
 * The workbook port in memory, on a real formula engine (HyperFormula with the PROD functions),
 * so the task pane runs in a plain browser and in end-to-end tests exactly as it runs in Excel:
 * the same plans, the same refusals (nothing the user wrote is lost), the same text protection,
 * and formulas that compute (SUMIFS, named ranges, tables, PROD.*).
 *
 * What Excel keeps that HyperFormula does not (number formats, bold, tables, hidden names,
 * frozen panes, column widths) is kept here beside it. Dev-only: HyperFormula is GPL-3.0.
 */
import {
  CellValueType,
  DetailedCellError,
  HyperFormula,
  type ConfigParams,
  type RawCellContent,
  type SimpleCellAddress,
} from "hyperformula";
import {
  type Cell,
  type CellValue,
  type CellsData,
  type SheetPlan,
  type ConditionalFormatSpec,
  type OwnedRegion,
  type RangeData,
  type ReadCellsOptions,
  type RangeRef,
  type RunOptions,
  type SheetLinks,
  type TableData,
  type TableWriteOptions,
  type TextMode,
  type UsedRangeData,
  type WorkbookPort,
  type WritePlan,
  NUMBER_FORMATS,
  PROTECTED_SHEET_MESSAGE,
  PortError,
  a1Range,
  cellAreas,
  checkPlan,
  columnLetter,
  formulaSheetName,
  hiddenColumnsFormula,
  hiddenColumnsOf,
  isDeadReference,
  keepsContent,
  marksAfterWrite,
  needsTextProtection,
  parseA1,
  parseOwnershipMark,
  protectedSheetError,
  sheetMarkName,
  splitAddress,
  throwIfAborted,
} from "../excel/port";
import {
  deleteColumnsIn,
  deleteRowsIn,
  insertRowsIn,
  refersInto,
  refersToSheet,
  type Area,
} from "../excel/formulaRefs";
import { outsideQuotes } from "../excel/formulaQuotes";
import { actLikeExcel, readTypedEntry, registerExcelFunctions, shownError } from "./excelSemantics";
import { formatValue } from "./numberFormat";
import { respill } from "./prodFunctionPlugin";
import {
  StructuredRefError,
  hasStructuredRefs,
  renameColumnRefs,
  translateStructuredRefs,
  type FormulaCellAt,
  type TableArea,
} from "./structuredRefs";

/** HyperFormula set up to read and compute like Excel (en-US). */
export const EXCEL_LIKE: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  // Excel 365: a formula that answers an array spills it.
  useArrayArithmetic: true,
  // 14 significant digits: cents stay exact on budgets up to a hundred billion.
  precisionRounding: 14,
  // `=A1` on a blank cell is 0 in Excel.
  evaluateNullToZero: true,
  dateFormats: ["MM/DD/YYYY", "MM/DD/YY", "YYYY-MM-DD"],
  currencySymbol: ["$"],
  useWildcards: true,
  // Excel compares "Café" and "Cafe" as different text (in =, criteria and lookups).
  accentSensitive: true,
  // Excel's calendar counts a 29 February 1900 (serial 60): DATE(1900,1,1) is 1.
  leapYear1900: true,
  nullDate: { year: 1899, month: 12, day: 31 },
  localeLang: "en-US",
};

/** HyperFormula's value types as Excel's Range.valueTypes names them. */
const VALUE_TYPES: Record<CellValueType, string> = {
  [CellValueType.EMPTY]: "Empty",
  [CellValueType.NUMBER]: "Double",
  [CellValueType.STRING]: "String",
  [CellValueType.BOOLEAN]: "Boolean",
  [CellValueType.ERROR]: "Error",
};

const DEFAULT_TABLE_STYLE = "TableStyleLight9";
/** The format Excel (en-US) gives a cell a date is typed into. */
const TYPED_DATE = "m/d/yyyy";

/** A workbook-level name: what it refers to, and whether Excel's Name Manager shows it. */
interface NameEntry {
  name: string;
  formula: string;
  comment?: string;
  visible: boolean;
}

interface TableEntry extends TableArea {
  style: string;
}

/** What the preview's grid shows of a sheet, beyond cell contents: what the plan asked for. */
export type SheetLayout = Pick<
  SheetPlan,
  | "freeze"
  | "printArea"
  | "columnWidths"
  | "hideGridlines"
  | "hiddenColumns"
  | "charts"
  | "conditionalFormats"
>;

/** One cell as the grid shows it. */
export interface CellView {
  /** The text shown in the cell, formatted. */
  display: string;
  /** What the formula bar shows: the formula, or the value as typed. */
  input: string;
  /** The error's message, for an error value (PROD's messages name the argument). */
  error?: string;
  kind: "blank" | "number" | "text" | "boolean" | "error";
  bold: boolean;
  /** Part of a spill, not its first cell (Excel shows those formulas greyed). */
  spilled: boolean;
  /** Fill and font colour from a conditional format whose rule holds here. */
  fill?: string;
  fontColor?: string;
}

const cellKey = (row: number, column: number) => `${row},${column}`;

/** Lets the page paint and a Cancel click land between steps, as Excel's syncs do. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Rows read between two turns of the page (a ledger sheet can be 250,000 rows). */
const READ_ROWS = 5_000;

/** The name's reference as Excel writes it: `=Sheet!$A$1` (sheet quoted when it must be). */
function nameFormula(sheet: string, address: string): string {
  const { row, column, rowCount, columnCount } = parseA1(address);
  return `=${formulaSheetName(sheet)}!${a1Range(row, column, rowCount, columnCount, true)}`;
}

/** The workbook port in memory, computed by HyperFormula. */
export class MemoryWorkbook implements WorkbookPort {
  readonly engine: HyperFormula;
  private readonly formats = new Map<string, Map<string, string>>();
  private readonly bold = new Map<string, Set<string>>();
  /** Formulas as written, for cells whose engine formula is a translation (tables). */
  private readonly written = new Map<string, Map<string, string>>();
  private readonly tables = new Map<string, TableEntry>();
  private readonly names = new Map<string, NameEntry>();
  /**
   * Each sheet's PROD_HIDDEN (port.ts), by lower-case sheet name: its formula, as Excel keeps that
   * sheet-level name, hidden (the only sheet-level name PROD writes).
   */
  private readonly prodHidden = new Map<string, string>();
  private readonly layouts = new Map<string, SheetLayout>();
  /** Protected sheets (Review > Protect Sheet, no password), by lower-case name. */
  private readonly protectedSheets = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private active: string;
  private deferTables = false;
  private changes = 0;
  private rules: { version: number; values: Map<string, unknown> } = { version: -1, values: new Map() };
  private selection: { sheet: string; row: number; column: number; rowCount: number; columnCount: number };

  /** An empty workbook with one sheet, "Sheet1", as Excel starts. */
  constructor() {
    registerExcelFunctions();
    this.engine = HyperFormula.buildEmpty(EXCEL_LIKE);
    actLikeExcel(this.engine);
    this.active = this.engine.addSheet("Sheet1");
    this.selection = { sheet: this.active, row: 0, column: 0, rowCount: 1, columnCount: 1 };
  }

  // ---- for the preview's grid ------------------------------------------------------------

  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    respill(this.engine);
    this.notify();
  }

  private notify(): void {
    this.changes++;
    for (const listener of this.listeners) listener();
  }

  /** Counts changes, so a view can tell whether it is up to date (useSyncExternalStore). */
  get version(): number {
    return this.changes;
  }

  /** Sheet names in tab order. */
  sheetNames(): string[] {
    return this.engine.getSheetNames();
  }

  get activeSheet(): string {
    return this.active;
  }

  activate(sheet: string): void {
    if (!this.engine.doesSheetExist(sheet)) return;
    this.active = sheet;
    this.selection = { sheet, row: 0, column: 0, rowCount: 1, columnCount: 1 };
    this.changed();
  }

  /** Selects a cell or a block (what `getSelection` reports to the pane). */
  select(sheet: string, row: number, column: number, rowCount = 1, columnCount = 1): void {
    this.selection = { sheet, row, column, rowCount, columnCount };
    this.active = sheet;
    this.notify();
  }

  get selected(): { sheet: string; row: number; column: number; rowCount: number; columnCount: number } {
    return this.selection;
  }

  /** Whether a sheet is protected: its cells cannot be changed from the grid. */
  isProtected(sheet: string): boolean {
    return this.protectedSheets.has(sheet.toLowerCase());
  }

  /**
   * Lifts a sheet's protection, as Excel's Review > Unprotect Sheet does for a sheet protected
   * without a password: the user's own, knowing choice (PROD protects its sheet again when it
   * next writes to it).
   */
  unprotectSheet(sheet: string): void {
    this.protectedSheets.delete(sheet.toLowerCase());
    this.notify();
  }

  layout(sheet: string): SheetLayout {
    return this.layouts.get(sheet.toLowerCase()) ?? {};
  }

  /**
   * Home > Format > Hide & Unhide > Hide Columns (`hidden`) or Unhide Columns, on `count` columns
   * from `column`: refused on a protected sheet, as Excel's default protection does.
   */
  setColumnsHidden(sheet: string, column: number, count: number, hidden: boolean): void {
    const name = this.canonicalSheet(sheet);
    if (this.isProtected(name)) throw new PortError("protected", PROTECTED_SHEET_MESSAGE, [name]);
    const layout = this.layout(name);
    const columns = new Set(layout.hiddenColumns ?? []);
    for (let c = column; c < column + count; c++) columns[hidden ? "add" : "delete"](c);
    this.layouts.set(name.toLowerCase(), { ...layout, hiddenColumns: [...columns].sort((a, b) => a - b) });
    this.notify();
  }

  /**
   * Home > Delete > Delete Sheet Columns, on `count` columns from `column`: the cells right of
   * them move left with their formats, widths and hidden state; every formula and name is
   * rewritten as Excel rewrites it (a reference into them becomes #REF!: the formula engine for
   * the cells it computes, deleteColumnsIn for the rest, PROD_HIDDEN and the ownership marks
   * among them). Refused on a protected sheet, in Excel's words; and, a limit of the preview,
   * where a table, chart or conditional format of the sheet would move (Excel moves them).
   */
  deleteColumns(sheet: string, column: number, count: number): void {
    this.moveLines(sheet, "column", column, count, false);
  }

  /**
   * Home > Insert > Insert Sheet Rows, `count` blank rows at `row`, formatted as the row above
   * (as Excel does by default): the rows from `row` move down with their cells, formats and
   * formulas; every formula and name is rewritten as Excel
   * rewrites it (a reference at or below `row` moves down, a range across it widens:
   * insertRowsIn), a frozen pane across it grows. Refused as {@link deleteColumns} is.
   */
  insertRows(sheet: string, row: number, count: number): void {
    this.moveLines(sheet, "row", row, count, true);
  }

  /**
   * Home > Delete > Delete Sheet Rows, on `count` rows from `row`: the rows under them move up;
   * a reference into them becomes #REF!, a range across them shrinks (deleteRowsIn), a frozen
   * pane across them shrinks. Refused as {@link deleteColumns} is.
   */
  deleteRows(sheet: string, row: number, count: number): void {
    this.moveLines(sheet, "row", row, count, false);
  }

  /**
   * Inserts (`insert`) or deletes `count` rows or columns (`axis`) of `sheet` at `at`, moving what
   * the workbook keeps of its cells (formats, bold, formulas as written, layout) and rewriting
   * every formula and name as Excel does; the formula engine moves the cells it computes.
   */
  private moveLines(sheet: string, axis: "row" | "column", at: number, count: number, insert: boolean): void {
    const name = this.canonicalSheet(sheet);
    const key = name.toLowerCase();
    if (this.isProtected(name)) throw new PortError("protected", PROTECTED_SHEET_MESSAGE, [name]);
    const layout = this.layout(name);
    const reaches = (area: Area) =>
      axis === "row" ? area.row + area.rowCount > at : area.column + area.columnCount > at;
    const moving = [
      ...[...this.tables.values()]
        .filter((t) => t.sheet.toLowerCase() === key && reaches(t))
        .map((t) => t.name),
      ...(layout.charts ?? [])
        .filter((c) => [c.source, c.bottomRight].some((a) => reaches(parseA1(a))))
        .map((c) => c.name),
      ...(layout.conditionalFormats ?? []).filter((f) => reaches(parseA1(f.address))).map((f) => f.address),
    ];
    const id = this.sheetId(name);
    const span: [number, number] = [at, count];
    const possible =
      axis === "column"
        ? this.engine.isItPossibleToRemoveColumns(id, span)
        : insert
          ? this.engine.isItPossibleToAddRows(id, span)
          : this.engine.isItPossibleToRemoveRows(id, span);
    if (moving.length > 0 || !possible)
      throw new PortError(
        "host",
        `The preview cannot ${insert ? "insert" : "delete"} these ${axis}s: they would move ${moving.length > 0 ? moving.join(", ") : "an array formula"}, which Excel does and the preview does not.`,
        [name],
      );
    const moved = (line: number) =>
      line < at ? line : insert ? line + count : line >= at + count ? line - count : null;
    const rewrite = (formula: string, home = "") =>
      axis === "column"
        ? deleteColumnsIn(formula, name, at, count, home)
        : (insert ? insertRowsIn : deleteRowsIn)(formula, name, at, count, home);
    const rekey = <T>(cells: Map<string, T> | undefined) => {
      if (!cells) return;
      const kept = [...cells].flatMap(([k, v]) => {
        const [r, c] = k.split(",").map(Number);
        const to = moved(axis === "row" ? r : c);
        return to === null ? [] : [[axis === "row" ? cellKey(to, c) : cellKey(r, to), v] as const];
      });
      cells.clear();
      for (const [k, v] of kept) cells.set(k, v);
    };
    // Rows inserted take the formats of the row above (the row below for row 1), as Excel's
    // Insert does by default (its Insert Options: "Format Same As Above").
    const formatLike = (cells: Map<string, unknown> | undefined) => {
      if (!cells || !insert || axis === "column") return;
      const like = at > 0 ? at - 1 : at + count;
      for (const [k, v] of [...cells]) {
        const [r, c] = k.split(",").map(Number);
        if (r === like) for (let n = at; n < at + count; n++) cells.set(cellKey(n, c), v);
      }
    };
    rekey(this.formats.get(key));
    formatLike(this.formats.get(key));
    rekey(this.written.get(key));
    const bold = this.bold.get(key);
    if (bold) {
      const map = new Map([...bold].map((k) => [k, true]));
      rekey(map);
      formatLike(map);
      this.bold.set(key, new Set(map.keys()));
    }
    for (const [sheetKey, cells] of this.written) {
      const home = this.sheetNames().find((s) => s.toLowerCase() === sheetKey) ?? sheetKey;
      for (const [k, formula] of cells) cells.set(k, rewrite(formula, home));
    }
    for (const entry of this.names.values()) entry.formula = rewrite(entry.formula);
    for (const [sheetKey, formula] of this.prodHidden) this.prodHidden.set(sheetKey, rewrite(formula));
    // The lines of a frozen pane that are left (and those inserted inside it).
    const frozen = (lines: number) =>
      Array.from({ length: lines }, (_, l) => moved(l)).filter((l) => l !== null).length +
      (insert && at < lines ? count : 0);
    const keep = (columns: readonly number[]) =>
      columns.flatMap((c) => (moved(c) === null ? [] : [moved(c)!]));
    const widths = layout.columnWidths;
    const freeze = layout.freeze;
    this.layouts.set(key, {
      ...layout,
      ...(axis === "column"
        ? {
            hiddenColumns: keep(layout.hiddenColumns ?? []),
            ...(widths ? { columnWidths: widths.filter((_, c) => moved(c) !== null) } : {}),
            ...(freeze?.columns ? { freeze: { ...freeze, columns: frozen(freeze.columns) } } : {}),
          }
        : freeze?.rows
          ? { freeze: { ...freeze, rows: frozen(freeze.rows) } }
          : {}),
      ...(layout.printArea ? { printArea: rewrite(`=${layout.printArea}`, name).slice(1) } : {}),
    });
    if (axis === "column") this.engine.removeColumns(id, span);
    else if (insert) this.engine.addRows(id, span);
    else this.engine.removeRows(id, span);
    this.retranslate();
    this.changed();
  }

  /**
   * Deletes every hidden workbook name (PROD's ownership marks), as a macro, a name tool or a copy
   * of the workbook that drops hidden names does in Excel; or, given `sheet`, only those that
   * refer to that sheet (a name tool used on one sheet's names). Answers how many were deleted.
   */
  deleteHiddenNames(sheet?: string): number {
    const hidden = [...this.names.values()].filter(
      (n) =>
        !n.visible &&
        (sheet === undefined || splitAddress(n.formula).sheet.toLowerCase() === sheet.toLowerCase()),
    );
    for (const n of hidden) this.removeName(n.name);
    this.notify();
    return hidden.length;
  }

  /**
   * Opens the rows of a CSV file as a new sheet, each cell read as if typed (numbers and dates
   * become numbers, dates shown as dates; a cell starting with "=" becomes a formula), as Excel
   * reads a .csv it opens: what an accountant does with a GL export before picking it as a
   * sheet. The sheet is named after the file (made unique as Excel does: "GL (2)") and shown.
   * Answers its name.
   */
  openCsv(fileName: string, rows: readonly (readonly Cell[])[]): string {
    const base =
      fileName
        .replace(/\.[^.]*$/, "")
        .replace(/[\\/?*[\]:]/g, " ")
        .slice(0, 31) || "Sheet";
    let name = base;
    for (let n = 2; this.engine.doesSheetExist(name); n++) name = `${base.slice(0, 26)} (${n})`;
    this.engine.addSheet(name);
    this.engine.batch(() =>
      this.writeCells(
        name,
        0,
        0,
        rows.map((row) => [...row]),
        "apostrophe",
        true,
      ),
    );
    const id = this.sheetId(name);
    const formats = this.store(this.formats, name);
    rows.forEach((row, r) =>
      row.forEach((_, c) => {
        if (this.engine.getCellValueDetailedType({ sheet: id, row: r, col: c }) === "NUMBER_DATE")
          formats.set(cellKey(r, c), TYPED_DATE);
      }),
    );
    this.activate(name);
    return name;
  }

  /** A range's values (blank ""), for the grid's charts. */
  rangeValues(sheet: string, address: string): CellValue[][] {
    const { row, column, rowCount, columnCount } = parseA1(address);
    return this.values(sheet, row, column, rowCount, columnCount);
  }

  /** How far the sheet has content: rows and columns from A1. */
  extent(sheet: string): { rows: number; columns: number } {
    const { height, width } = this.engine.getSheetDimensions(this.sheetId(sheet));
    return { rows: height, columns: width };
  }

  /** One cell as the grid shows it. */
  view(sheet: string, row: number, column: number): CellView {
    const address = { sheet: this.sheetId(sheet), col: column, row };
    const value = this.engine.getCellValue(address);
    const format = this.formatOf(sheet, row, column);
    const isFormula = this.engine.doesCellHaveFormula(address);
    const serialized = this.engine.getCellSerialized(address);
    const input = isFormula
      ? (this.written.get(sheet.toLowerCase())?.get(cellKey(row, column)) ?? String(serialized))
      : serialized === null || serialized === undefined
        ? ""
        : String(serialized);
    const bold = this.bold.get(sheet.toLowerCase())?.has(cellKey(row, column)) ?? false;
    const spilled = !isFormula && this.engine.isCellPartOfArray(address);
    const marked = this.conditionalStyle(sheet, row, column);
    if (value instanceof DetailedCellError) {
      return {
        display: shownError(value),
        input,
        error: value.message || undefined,
        kind: "error",
        bold,
        spilled,
      };
    }
    const kind =
      value === null
        ? "blank"
        : typeof value === "number"
          ? "number"
          : typeof value === "boolean"
            ? "boolean"
            : "text";
    return {
      display: formatValue(value, format),
      input,
      kind,
      bold: bold || (marked?.bold ?? false),
      spilled,
      fill: marked?.fill,
      fontColor: marked?.fontColor,
    };
  }

  /**
   * A conditional format's rule computed on a sheet, remembered until the workbook next changes:
   * a rule anchored on one column (`=$R4="No"`, a greyed budget line) reads the same in every
   * cell of the row, and the grid asks for every cell at each paint.
   */
  private ruleValue(sheet: string, rule: string): unknown {
    if (this.rules.version !== this.changes) this.rules = { version: this.changes, values: new Map() };
    const key = `${sheet.toLowerCase()}!${rule}`;
    if (!this.rules.values.has(key)) {
      // A cell compared with a text (`=$R4="No"`) is read straight from the cell, without a
      // formula to parse: Excel's `=` on text ignores case, and a number or a blank is not text.
      const compare = /^=\$?([A-Z]{1,3})\$?(\d+)="([^"]*)"$/.exec(rule);
      const value =
        compare && compare[3] !== ""
          ? this.textEquals(sheet, parseA1(`${compare[1]}${compare[2]}`), compare[3])
          : this.engine.calculateFormula(rule, this.sheetId(sheet));
      this.rules.values.set(key, value);
    }
    return this.rules.values.get(key);
  }

  private textEquals(sheet: string, at: { row: number; column: number }, text: string): boolean {
    const value = this.engine.getCellValue({ sheet: this.sheetId(sheet), row: at.row, col: at.column });
    return typeof value === "string" && value.toUpperCase() === text.toUpperCase();
  }

  /** The conditional format whose rule holds at a cell, if any (the first, as Excel stops there). */
  private conditionalStyle(sheet: string, row: number, column: number): ConditionalFormatSpec | undefined {
    for (const spec of this.layout(sheet).conditionalFormats ?? []) {
      const area = parseA1(spec.address);
      if (
        row < area.row ||
        row >= area.row + area.rowCount ||
        column < area.column ||
        column >= area.column + area.columnCount
      )
        continue;
      // The rule is written for the range's top-left cell, relative references moving with the cell.
      const rule = shiftReferences(spec.formula, row - area.row, column - area.column);
      const holds = this.ruleValue(sheet, rule);
      if (holds === true || (typeof holds === "number" && holds !== 0)) return spec;
    }
    return undefined;
  }

  /**
   * What a person types into a cell: a formula (`=...`), a number, a date, a percent, or text,
   * read as Excel reads typing. An empty input clears the cell. Errors in the formula are
   * answered as Excel would refuse them, with the reason. Typing in the row just below a table
   * makes it a row of the table, as Excel's AutoCorrect ("include new rows") does, and the
   * table's calculated columns fill into it.
   */
  enter(sheet: string, row: number, column: number, input: string): void {
    const trimmed = input.trim();
    const name = this.canonicalSheet(sheet);
    // Every cell of a protected sheet is locked (Excel's default): typing is refused, in Excel's words.
    if (this.isProtected(name)) throw new PortError("protected", PROTECTED_SHEET_MESSAGE, [name]);
    const headed = trimmed.startsWith("=") ? undefined : this.tableHeadedAt(name, row, column);
    if (headed) {
      this.renameColumn(headed, column - headed.column, trimmed);
      this.changed();
      return;
    }
    // Only an empty entry clears the cell: Excel keeps a typed space as text, not a blank.
    const grown = input === "" ? undefined : this.tableJustAbove(name, row, column);
    if (grown) grown.rowCount++;
    try {
      // A formula Excel would refuse (a table that is not there) is refused before anything changes.
      if (trimmed.startsWith("=")) this.translate(trimmed, name, row, column);
    } catch (error) {
      if (grown) grown.rowCount--;
      throw error;
    }
    this.writeCells(
      name,
      row,
      column,
      [[input === "" ? null : trimmed.startsWith("=") ? { formula: trimmed } : input]],
      "apostrophe",
      true,
    );
    // A typed date shows as a date, as Excel formats the cell for it.
    const address = { sheet: this.sheetId(name), row, col: column };
    if (this.engine.getCellValueDetailedType(address) === "NUMBER_DATE" && this.isGeneral(name, row, column))
      this.store(this.formats, name).set(cellKey(row, column), TYPED_DATE);
    if (grown) {
      this.fillCalculatedColumns(grown, column);
      this.retranslate();
    }
    this.changed();
  }

  /** The table whose header row holds a cell. */
  private tableHeadedAt(sheet: string, row: number, column: number): TableEntry | undefined {
    return [...this.tables.values()].find(
      (t) =>
        t.sheet.toLowerCase() === sheet.toLowerCase() &&
        row === t.row &&
        column >= t.column &&
        column < t.column + t.columnCount,
    );
  }

  /**
   * A header typed over, as Excel renames a table column: the header is text, a blank one is
   * "Column1" (the first number free), one another column has gets a number ("Rate2"), and every
   * structured reference to the column follows the new name.
   */
  private renameColumn(table: TableEntry, index: number, typed: string): void {
    const others = new Set(table.headers.filter((_, i) => i !== index).map((h) => h.toLowerCase()));
    const base = typed === "" ? "Column" : typed;
    let header = typed;
    for (let n = typed === "" ? 1 : 2; header === "" || others.has(header.toLowerCase()); n++)
      header = `${base}${n}`;
    const rename = { table: table.name, from: table.headers[index], to: header };
    for (const [sheetKey, cells] of this.written) {
      const sheet = this.engine.getSheetNames().find((s) => s.toLowerCase() === sheetKey) ?? sheetKey;
      for (const [key, formula] of cells) {
        const [row, column] = key.split(",").map(Number);
        cells.set(
          key,
          renameColumnRefs(formula, { sheet, row, column }, this.tableNamed, this.tableHolding, rename),
        );
      }
    }
    table.headers = table.headers.map((h, i) => (i === index ? header : h));
    this.writeCells(table.sheet, table.row, table.column + index, [[{ text: header }]], "apostrophe");
    this.retranslate();
  }

  /** The table whose last row is just above a cell, in the cell's columns. */
  private tableJustAbove(sheet: string, row: number, column: number): TableEntry | undefined {
    return [...this.tables.values()].find(
      (t) =>
        t.sheet.toLowerCase() === sheet.toLowerCase() &&
        row === t.row + t.rowCount &&
        column >= t.column &&
        column < t.column + t.columnCount,
    );
  }

  /**
   * Copies the table's calculated columns (every body row the same formula, relative references
   * moving with the row) into its new last row, except the column the person typed in.
   */
  private fillCalculatedColumns(table: TableEntry, typedColumn: number): void {
    const first = table.row + 1;
    const last = table.row + table.rowCount - 1;
    if (last - 1 < first) return;
    const formulaAt = (row: number, column: number): string | undefined => {
      const address = { sheet: this.sheetId(table.sheet), row, col: column };
      if (!this.engine.doesCellHaveFormula(address)) return undefined;
      return (
        this.written.get(table.sheet.toLowerCase())?.get(cellKey(row, column)) ??
        this.engine.getCellFormula(address)
      );
    };
    for (let column = table.column; column < table.column + table.columnCount; column++) {
      if (column === typedColumn) continue;
      const top = formulaAt(first, column);
      if (top === undefined) continue;
      let calculated = true;
      for (let row = first + 1; row < last && calculated; row++)
        calculated = formulaAt(row, column) === shiftReferences(top, row - first, 0);
      if (calculated)
        this.writeCells(
          table.sheet,
          last,
          column,
          [[{ formula: shiftReferences(top, last - first, 0) }]],
          "apostrophe",
        );
    }
  }

  private isGeneral(sheet: string, row: number, column: number): boolean {
    const format = this.formatOf(sheet, row, column);
    return format === undefined || /^general$/i.test(format);
  }

  // ---- the port ----------------------------------------------------------------------------

  listSheets(): Promise<string[]> {
    return Promise.resolve(this.sheetNames());
  }

  readRange(ref: RangeRef): Promise<RangeData> {
    return this.attempt(() => {
      const { row, column, rowCount, columnCount } = parseA1(ref.address);
      return {
        sheet: ref.sheet,
        address: a1Range(row, column, rowCount, columnCount),
        values: this.values(ref.sheet, row, column, rowCount, columnCount),
      };
    });
  }

  async readUsedRange(sheet: string, options: RunOptions = {}): Promise<UsedRangeData | null> {
    const used = await this.attempt(() => {
      throwIfAborted(options.signal);
      return this.usedArea(sheet);
    });
    if (!used) {
      options.onProgress?.({ done: 1, total: 1, label: `Reading ${sheet}` });
      return null;
    }
    const values = await this.readRows(sheet, used, options, `Reading ${sheet}`);
    const hidden = this.prodHidden.get(sheet.toLowerCase());
    return {
      sheet: this.canonicalSheet(sheet),
      address: a1Range(used.row, used.column, used.rowCount, used.columnCount),
      values,
      ...(hidden === undefined ? {} : { hiddenByProd: hiddenColumnsOf(hidden) }),
    };
  }

  /**
   * A block's values in slices of READ_ROWS rows, the page's thread given back between them
   * (Excel answers each of the Office adapter's chunked reads asynchronously), with progress in
   * rows and Cancel checked between the slices.
   */
  private async readRows(
    sheet: string,
    block: { row: number; column: number; rowCount: number; columnCount: number },
    options: RunOptions,
    label: string,
  ): Promise<CellValue[][]> {
    const values: CellValue[][] = [];
    for (let r = 0; r < block.rowCount; r += READ_ROWS) {
      if (r > 0) {
        await nextTurn();
        throwIfAborted(options.signal);
      }
      const count = Math.min(READ_ROWS, block.rowCount - r);
      for (const row of this.values(sheet, block.row + r, block.column, count, block.columnCount))
        values.push(row);
      options.onProgress?.({ done: r + count, total: block.rowCount, label });
    }
    return values;
  }

  listTables(): Promise<{ name: string; sheet: string }[]> {
    return Promise.resolve([...this.tables.values()].map((t) => ({ name: t.name, sheet: t.sheet })));
  }

  async readTable(name: string, options: RunOptions = {}): Promise<TableData | null> {
    throwIfAborted(options.signal);
    const table = this.tables.get(name.toLowerCase());
    if (!table) return null;
    const [headers, ...rows] = await this.readRows(table.sheet, table, options, `Reading ${name}`);
    return {
      name: table.name,
      sheet: table.sheet,
      address: a1Range(table.row, table.column, table.rowCount, table.columnCount),
      headers: headers.map((h) => String(h)),
      rows,
    };
  }

  listNames(): Promise<{ name: string; formula: string }[]> {
    return Promise.resolve(
      [...this.names.values()]
        .filter((n) => parseOwnershipMark(n.name) === null)
        .map((n) => ({ name: n.name, formula: n.formula })),
    );
  }

  readNamedRange(name: string): Promise<RangeData | null> {
    return this.attempt(() => {
      const entry = this.names.get(name.toLowerCase());
      if (!entry) return null;
      const ref = splitAddress(entry.formula);
      if (!ref.sheet || !this.engine.doesSheetExist(ref.sheet)) return null;
      const { row, column, rowCount, columnCount } = parseA1(ref.address);
      return {
        sheet: ref.sheet,
        address: ref.address,
        values: this.values(ref.sheet, row, column, rowCount, columnCount),
      };
    });
  }

  readCells(refs: readonly RangeRef[], options: ReadCellsOptions = {}): Promise<CellsData[]> {
    return this.attempt(() =>
      refs.map((ref) => {
        const { row, column, rowCount, columnCount } = parseA1(ref.address);
        const values = this.values(ref.sheet, row, column, rowCount, columnCount);
        const id = this.sheetId(ref.sheet);
        // As Excel's `formulas`: the formula as written where there is one, else the value.
        const formulas = values.map((cells, r) =>
          cells.map((value, c) => {
            const at = { sheet: id, row: row + r, col: column + c };
            if (!this.engine.doesCellHaveFormula(at)) return value;
            const written = this.written.get(ref.sheet.toLowerCase())?.get(cellKey(row + r, column + c));
            return written ?? this.engine.getCellFormula(at) ?? value;
          }),
        );
        // As Excel's `numberFormat`: "General" where no format was set.
        const numberFormats = values.map((cells, r) =>
          cells.map((_, c) => this.formatOf(ref.sheet, row + r, column + c) ?? NUMBER_FORMATS.general),
        );
        // As Excel's `valueTypes` (Excel.RangeValueType), from the engine's own types.
        const valueTypes = () =>
          values.map((cells, r) =>
            cells.map(
              (_, c) =>
                VALUE_TYPES[this.engine.getCellValueType({ sheet: id, row: row + r, col: column + c })],
            ),
          );
        return {
          sheet: ref.sheet,
          address: a1Range(row, column, rowCount, columnCount),
          values,
          formulas,
          numberFormats,
          ...(options.valueTypes ? { valueTypes: valueTypes() } : {}),
        };
      }),
    );
  }

  /** HyperFormula computes as it is told of a change: the values are always calculated. */
  readWhenCalculated(refs: readonly RangeRef[], options: RunOptions = {}): Promise<RangeData[]> {
    throwIfAborted(options.signal);
    return Promise.all(refs.map((ref) => this.readRange(ref)));
  }

  getSelection(): Promise<RangeRef> {
    const s = this.selection;
    return Promise.resolve({ sheet: s.sheet, address: a1Range(s.row, s.column, s.rowCount, s.columnCount) });
  }

  findNonEmpty(ranges: readonly RangeRef[]): Promise<RangeRef[]> {
    return this.attempt(() =>
      ranges.filter((ref) => {
        if (!this.engine.doesSheetExist(ref.sheet)) return false;
        const { row, column, rowCount, columnCount } = parseA1(ref.address);
        return this.usedArea(ref.sheet, { row, column, rowCount, columnCount }) !== null;
      }),
    );
  }

  findOwned(owner: string): Promise<OwnedRegion[]> {
    return Promise.resolve(
      [...this.names.values()].flatMap((n) => {
        const mark = parseOwnershipMark(n.name);
        // A mark whose sheet was deleted (#REF!) owns nothing, as in Excel.
        if (!mark || mark.owner !== owner || isDeadReference(n.formula)) return [];
        return [{ ...splitAddress(n.formula), ...mark }];
      }),
    );
  }

  /**
   * As Excel's direct dependents of the sheet's used range (A1 when it is empty), found by
   * reading every formula of the other sheets: a reference into the range, a name that refers
   * into it, a table on the sheet. Each sheet's cells are merged into areas (`cellAreas`).
   */
  findLinksTo(sheet: string): Promise<SheetLinks> {
    return this.attempt(() => {
      const target = this.canonicalSheet(sheet);
      const area = this.usedArea(target) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 };
      const tables = [...this.tables.values()]
        .filter((t) => t.sheet.toLowerCase() === target.toLowerCase())
        .map((t) => t.name);
      const names = [...this.names.values()].filter((n) => parseOwnershipMark(n.name) === null);
      const into = names.filter((n) => refersInto(n.formula, target, area, tables)).map((n) => n.name);
      const cells: RangeRef[] = [];
      for (const other of this.sheetNames()) {
        if (other === target) continue;
        const written = this.written.get(other.toLowerCase());
        const found: { row: number; column: number }[] = [];
        this.engine.getSheetFormulas(this.sheetId(other)).forEach((line, row) =>
          line.forEach((formula, column) => {
            if (formula === undefined) return;
            // The formula as written (table references) and as computed (their A1 ranges).
            const texts = [formula, written?.get(cellKey(row, column)) ?? ""];
            if (texts.some((text) => refersInto(text, target, area, [...into, ...tables])))
              found.push({ row, column });
          }),
        );
        if (found.length > 0) cells.push({ sheet: other, address: cellAreas(found) });
      }
      return {
        cells,
        names: names.filter((n) => refersToSheet(n.formula, target, tables)).map((n) => n.name),
      };
    });
  }

  async apply(plan: WritePlan, options: RunOptions = {}): Promise<void> {
    // Step 1: check everything before writing anything, with the same refusals as in Excel.
    const { replaced, tablesToDelete, namesToDelete, unprotect } = checkPlan(plan, {
      sheets: this.sheetNames(),
      names: [...this.names.values()],
      tables: [...this.tables.values()],
      protectedSheets: this.sheetNames().filter((s) => this.isProtected(s)),
    });
    throwIfAborted(options.signal);
    // PROD's own protected sheets are lifted for the write (as the Office adapter does).
    for (const name of unprotect) this.protectedSheets.delete(name.toLowerCase());

    // Step 2: the sheets (new ones made, replaced ones emptied with their tables and names),
    // then the names, so formulas written next find every sheet and name they refer to.
    const created = plan.sheets.filter((sp) => sp.mode === "create").map((sp) => sp.name);
    // What is hidden on the replaced sheets, whoever hid it: a replace shows again only PROD's.
    const hiddenBefore = new Map(
      replaced.map((name) => [name.toLowerCase(), this.layout(name).hiddenColumns]),
    );
    for (const table of tablesToDelete) this.tables.delete(table.toLowerCase());
    for (const name of namesToDelete) this.removeName(name);
    for (const name of created) this.engine.addSheet(name);
    for (const name of replaced) this.clearSheet(name);
    for (const ns of plan.names ?? [])
      this.addName(ns.name, nameFormula(ns.sheet, ns.address), ns.comment, true);

    // The plan's tables by name first (formulas may refer to them), their headers once written.
    for (const sp of plan.sheets) {
      for (const t of sp.tables ?? []) {
        this.tables.set(t.name.toLowerCase(), {
          ...t,
          sheet: this.canonicalSheet(sp.name),
          headers: [],
          style: t.style ?? DEFAULT_TABLE_STYLE,
        });
      }
    }

    // Steps 3..n: one sheet at a time, as the Office adapter's chunks, with progress and cancel.
    this.deferTables = true;
    try {
      for (const [i, sp] of plan.sheets.entries()) {
        if (i > 0) {
          await nextTurn();
          throwIfAborted(options.signal);
        }
        this.engine.batch(() => {
          for (const block of sp.blocks) {
            this.writeCells(
              sp.name,
              block.row,
              block.column,
              block.cells,
              block.textMode ?? "apostrophe",
              false,
              block.columnFormats,
              block.bold,
              block.cellFormats,
            );
          }
        });
        for (const t of sp.tables ?? []) {
          const table = this.tables.get(t.name.toLowerCase());
          if (table) table.headers = this.values(sp.name, t.row, t.column, 1, t.columnCount)[0].map(String);
        }
        this.setLayout(sp, hiddenBefore.get(sp.name.toLowerCase()));
        if (marksAfterWrite(sp)) {
          const mark = sheetMarkName(plan, sp);
          this.addName(
            mark,
            nameFormula(sp.name, "A1"),
            `PROD (${plan.owner}) made this sheet; re-running replaces it.`,
            false,
          );
        }
        options.onProgress?.({ done: i + 1, total: plan.sheets.length, label: "Writing" });
      }
      this.deferTables = false;
      this.retranslate();
      // Protected last, once everything on the sheet is written.
      for (const sp of plan.sheets) if (sp.protect) this.protectedSheets.add(sp.name.toLowerCase());
    } catch (error) {
      // Cancelled between steps: the sheets this plan created go again, and the sheets whose
      // protection was lifted are protected again, as in Excel.
      this.deferTables = false;
      for (const name of created) this.removeSheet(name);
      for (const name of unprotect) this.protectedSheets.add(name.toLowerCase());
      this.changed();
      throw error;
    }
    if (plan.activate && this.engine.doesSheetExist(plan.activate))
      this.active = this.canonicalSheet(plan.activate);
    this.changed();
  }

  async replaceTableRows(name: string, rows: Cell[][], options: TableWriteOptions = {}): Promise<void> {
    const table = this.tables.get(name.toLowerCase());
    if (!table) throw new PortError("notFound", `There is no table "${name}".`, [name]);
    const wasProtected = this.isProtected(table.sheet);
    if (wasProtected && !options.protect) throw protectedSheetError([table.sheet]);
    const bodyCount = Math.max(1, rows.length);
    const grow = bodyCount + 1 - table.rowCount;
    if (grow > 0 && !options.allowOverwrite) {
      const used = this.usedArea(table.sheet, {
        row: table.row + table.rowCount,
        column: table.column,
        rowCount: grow,
        columnCount: table.columnCount,
      });
      if (used) {
        const at = a1Range(used.row, used.column, used.rowCount, used.columnCount);
        throw new PortError(
          "wouldOverwrite",
          `The table "${name}" would grow over cells that are not empty (${at}).`,
          [at],
        );
      }
    }
    await nextTurn();
    throwIfAborted(options.signal);
    const blank = (count: number) =>
      Array.from({ length: count }, () => Array.from({ length: table.columnCount }, (): Cell => null));
    const padded = rows.length > 0 ? rows : blank(1);
    const oldBody = table.rowCount - 1;
    table.rowCount = bodyCount + 1;
    this.deferTables = true;
    // PROD's own sheet: lifted for the write, protected after it (also one the user unprotected),
    // and protected again if the write fails.
    this.protectedSheets.delete(table.sheet.toLowerCase());
    try {
      this.engine.batch(() => {
        this.writeCells(table.sheet, table.row + 1, table.column, blank(oldBody), "apostrophe");
        this.writeCells(
          table.sheet,
          table.row + 1,
          table.column,
          padded,
          options.textMode ?? "apostrophe",
          false,
          options.columnFormats,
          false,
          options.cellFormats,
        );
      });
      if (options.protect) this.protectedSheets.add(table.sheet.toLowerCase());
    } catch (error) {
      if (wasProtected) this.protectedSheets.add(table.sheet.toLowerCase());
      throw error;
    } finally {
      this.deferTables = false;
    }
    this.retranslate();
    options.onProgress?.({ done: 1, total: 1, label: `Wrote ${name}` });
    this.changed();
  }

  // ---- inside ----------------------------------------------------------------------------

  /** Runs a read, turning a missing sheet or a bad address into the port's own error. */
  private attempt<T>(read: () => T): Promise<T> {
    try {
      return Promise.resolve(read());
    } catch (error) {
      if (error instanceof PortError) return Promise.reject(error);
      return Promise.reject(
        new PortError("notFound", error instanceof Error ? error.message : String(error)),
      );
    }
  }

  private sheetId(sheet: string): number {
    const id = this.engine.getSheetId(sheet);
    if (id === undefined) throw new PortError("notFound", `There is no sheet "${sheet}".`, [sheet]);
    return id;
  }

  /**
   * What the grid shows of a written sheet beyond its cells. A created or replaced sheet gets the
   * plan's layout; writing into an existing sheet changes only what the plan sets and adds its
   * charts and conditional formats, as the Office adapter does. `replacedHidden`: the columns
   * hidden on a replaced sheet before it was cleared.
   */
  private setLayout(sp: SheetPlan, replacedHidden?: readonly number[]): void {
    const key = sp.name.toLowerCase();
    const before = keepsContent(sp) ? (this.layouts.get(key) ?? {}) : {};
    this.layouts.set(key, {
      freeze: sp.freeze ?? before.freeze,
      printArea: sp.printArea ?? before.printArea,
      columnWidths: sp.columnWidths ?? before.columnWidths,
      hideGridlines: sp.hideGridlines ?? before.hideGridlines,
      hiddenColumns: this.hiddenAfterWrite(sp, before.hiddenColumns ?? replacedHidden ?? []),
      charts: [...(before.charts ?? []), ...(sp.charts ?? [])],
      conditionalFormats: [...(before.conditionalFormats ?? []), ...(sp.conditionalFormats ?? [])],
    });
  }

  /**
   * The columns hidden once a plan wrote the sheet, as the Office adapter leaves them
   * (SheetPlan.hiddenColumns): on a replaced sheet those its PROD_HIDDEN held are shown again, or
   * every one when it has none and the plan hides some; the plan's are hidden, and named again on
   * a sheet written whole. `before`: what was hidden there.
   */
  private hiddenAfterWrite(sp: SheetPlan, before: readonly number[]): number[] {
    const key = sp.name.toLowerCase();
    const columns = sp.hiddenColumns ?? [];
    const earlier = this.prodHidden.get(key);
    const replaced = sp.mode === "replaceOwned" || sp.mode === "reclaim";
    let kept = [...before];
    if (replaced && earlier !== undefined) {
      const shown = new Set(hiddenColumnsOf(earlier));
      kept = kept.filter((c) => !shown.has(c));
      this.prodHidden.delete(key);
    } else if (replaced && columns.length > 0) kept = [];
    if (columns.length > 0 && !keepsContent(sp))
      this.prodHidden.set(key, hiddenColumnsFormula(this.canonicalSheet(sp.name), columns));
    return [...new Set([...kept, ...columns])].sort((a, b) => a - b);
  }

  private canonicalSheet(sheet: string): string {
    return this.engine.getSheetName(this.sheetId(sheet)) ?? sheet;
  }

  private removeSheet(name: string): void {
    const id = this.engine.getSheetId(name);
    if (id === undefined) return;
    for (const table of [...this.tables.values()])
      if (table.sheet.toLowerCase() === name.toLowerCase()) this.tables.delete(table.name.toLowerCase());
    for (const entry of [...this.names.values()])
      if (splitAddress(entry.formula).sheet.toLowerCase() === name.toLowerCase()) this.removeName(entry.name);
    for (const store of [
      this.formats,
      this.bold,
      this.written,
      this.layouts,
      this.protectedSheets,
      this.prodHidden,
    ])
      store.delete(name.toLowerCase());
    this.engine.removeSheet(id);
    if (this.active.toLowerCase() === name.toLowerCase()) this.active = this.sheetNames()[0] ?? "";
    if (this.selection.sheet.toLowerCase() === name.toLowerCase())
      this.selection = { sheet: this.active, row: 0, column: 0, rowCount: 1, columnCount: 1 };
  }

  private clearSheet(name: string): void {
    this.engine.clearSheet(this.sheetId(name));
    for (const store of [this.formats, this.bold, this.written, this.layouts])
      store.delete(name.toLowerCase());
  }

  private addName(name: string, formula: string, comment: string | undefined, visible: boolean): void {
    // Excel's names.add refuses a name the workbook has (any case); so does the preview, or a
    // plan that fails in Excel would pass here.
    if (this.names.has(name.toLowerCase()))
      throw new PortError("host", `Excel could not complete the change: the name "${name}" already exists.`, [
        name,
      ]);
    this.names.set(name.toLowerCase(), { name, formula, comment, visible });
    // Names are computed too (`=SUM(BudgetTotal)`); marks and names the engine cannot take
    // (Excel allows a few it does not) stay workbook metadata only.
    if (visible && this.engine.isItPossibleToAddNamedExpression(name, formula))
      this.engine.addNamedExpression(name, formula);
  }

  private removeName(name: string): void {
    this.names.delete(name.toLowerCase());
    if (this.engine.getNamedExpression(name)) this.engine.removeNamedExpression(name);
  }

  private formatOf(sheet: string, row: number, column: number): string | undefined {
    return this.formats.get(sheet.toLowerCase())?.get(cellKey(row, column));
  }

  private store<T>(map: Map<string, Map<string, T>>, sheet: string): Map<string, T> {
    let inner = map.get(sheet.toLowerCase());
    if (!inner) {
      inner = new Map();
      map.set(sheet.toLowerCase(), inner);
    }
    return inner;
  }

  /** A cell as the engine takes it: text stays text, formulas translated from table references. */
  private toEngine(
    cell: Cell,
    sheet: string,
    row: number,
    column: number,
    format: string | undefined,
  ): RawCellContent {
    if (cell === null) return null;
    if (typeof cell === "number" || typeof cell === "boolean") return cell;
    // Excel does not parse what goes into a Text-formatted cell; the apostrophe does the same here.
    const asText = format === NUMBER_FORMATS.text;
    if (typeof cell === "string") return asText || needsTextProtection(cell) ? `'${cell}` : cell;
    if ("formula" in cell) {
      const formula = cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
      const written = this.store(this.written, sheet);
      if (!hasStructuredRefs(formula, this.tableNamed)) {
        written.delete(cellKey(row, column));
        return formula;
      }
      // While a plan is written its tables are not all in place yet: translated after them.
      // Otherwise translate first, so a refused formula leaves nothing behind.
      const translated = this.deferTables ? null : this.translate(formula, sheet, row, column);
      written.set(cellKey(row, column), formula);
      return translated;
    }
    // Outside text: the apostrophe keeps it text whatever it begins with (in "format" mode the
    // cell is also formatted Text, as the Office adapter does). Empty text is a blank cell, as
    // the Office adapter writes it.
    return cell.text === "" ? null : `'${cell.text}`;
  }

  private readonly tableNamed = (name: string): TableEntry | undefined => this.tables.get(name.toLowerCase());

  /** The table whose body holds a cell (for `[@Column]` in it). */
  private readonly tableHolding = (at: FormulaCellAt): TableEntry | undefined =>
    [...this.tables.values()].find(
      (t) =>
        t.sheet.toLowerCase() === at.sheet.toLowerCase() &&
        at.row > t.row &&
        at.row < t.row + t.rowCount &&
        at.column >= t.column &&
        at.column < t.column + t.columnCount,
    );

  private translate(formula: string, sheet: string, row: number, column: number): string {
    try {
      return translateStructuredRefs(formula, { sheet, row, column }, this.tableNamed, this.tableHolding);
    } catch (error) {
      // Excel refuses such a formula outright; so does the preview, in the same words.
      if (error instanceof StructuredRefError) {
        throw new PortError("host", `Excel could not complete the change: ${formula}: ${error.message}`);
      }
      throw error;
    }
  }

  /** Re-enters formulas written with table references, after tables were made or resized. */
  private retranslate(): void {
    this.engine.batch(() => {
      for (const [sheetKey, cells] of this.written) {
        const sheet = this.engine.getSheetNames().find((s) => s.toLowerCase() === sheetKey);
        if (!sheet) continue;
        for (const [key, formula] of cells) {
          const [row, column] = key.split(",").map(Number);
          this.engine.setCellContents({ sheet: this.sheetId(sheet), row, col: column }, [
            [this.translate(formula, sheet, row, column)],
          ]);
        }
      }
    });
  }

  /** Writes a block of cells with its formats; typed input keeps the cell's format. */
  private writeCells(
    sheet: string,
    row: number,
    column: number,
    cells: Cell[][],
    textMode: TextMode,
    typed = false,
    columnFormats?: (string | null)[],
    bold?: boolean,
    cellFormats?: (string | null)[][],
  ): void {
    // Excel refuses any write to a protected sheet's locked cells (AccessDenied).
    if (this.isProtected(sheet)) throw new PortError("protected", PROTECTED_SHEET_MESSAGE, [sheet]);
    const id = this.sheetId(sheet);
    const formats = this.store(this.formats, sheet);
    const written = this.store(this.written, sheet);
    const bolds = this.bold.get(sheet.toLowerCase()) ?? new Set<string>();
    this.bold.set(sheet.toLowerCase(), bolds);
    const content = cells.map((cells, r) =>
      cells.map((cell, c) => {
        const key = cellKey(row + r, column + c);
        written.delete(key);
        const asked = cellFormats?.[r]?.[c] ?? columnFormats?.[c] ?? undefined;
        const isText =
          typeof cell === "object" &&
          cell !== null &&
          "text" in cell &&
          cell.text !== "" &&
          textMode === "format";
        if (isText) formats.set(key, NUMBER_FORMATS.text);
        else if (asked) formats.set(key, asked);
        if (bold) bolds.add(key);
        const format = formats.get(key);
        if (typed && typeof cell === "string" && format !== NUMBER_FORMATS.text) {
          const entry = readTypedEntry(cell);
          if (entry.format && this.isGeneral(sheet, row + r, column + c)) formats.set(key, entry.format);
          return entry.value;
        }
        return this.toEngine(cell, sheet, row + r, column + c, format);
      }),
    );
    this.engine.setCellContents({ sheet: id, row, col: column }, content);
  }

  /** Values as Excel's `range.values` gives them: blank "", errors as their code. */
  private values(
    sheet: string,
    row: number,
    column: number,
    rowCount: number,
    columnCount: number,
  ): CellValue[][] {
    const id = this.sheetId(sheet);
    const raw = this.engine.getRangeValues({
      start: { sheet: id, row, col: column },
      end: { sheet: id, row: row + rowCount - 1, col: column + columnCount - 1 },
    });
    return raw.map((cells) =>
      cells.map((v) => (v === null ? "" : v instanceof DetailedCellError ? shownError(v) : v)),
    );
  }

  private hasContent(address: SimpleCellAddress): boolean {
    const value = this.engine.getCellValue(address);
    return !this.engine.isCellEmpty(address) || (value !== null && value !== "");
  }

  /** The smallest block holding every non-empty cell (of `within`, or the whole sheet). */
  private usedArea(
    sheet: string,
    within?: { row: number; column: number; rowCount: number; columnCount: number },
  ): { row: number; column: number; rowCount: number; columnCount: number } | null {
    const id = this.sheetId(sheet);
    const { height, width } = this.engine.getSheetDimensions(id);
    const area = within ?? { row: 0, column: 0, rowCount: height, columnCount: width };
    const rowEnd = Math.min(area.row + area.rowCount, height);
    const columnEnd = Math.min(area.column + area.columnCount, width);
    const has = (row: number, col: number) => this.hasContent({ sheet: id, row, col });
    const rowHas = (r: number) => {
      for (let c = area.column; c < columnEnd; c++) if (has(r, c)) return true;
      return false;
    };
    // From each edge inwards, stopping at the first row or column with content: a ledger's
    // first and last rows end the search at once, where looking at every cell of a 20,000-row
    // sheet held the page for most of a second.
    let top = area.row;
    while (top < rowEnd && !rowHas(top)) top++;
    if (top >= rowEnd) return null;
    let bottom = rowEnd - 1;
    while (!rowHas(bottom)) bottom--;
    const columnHas = (c: number) => {
      for (let r = top; r <= bottom; r++) if (has(r, c)) return true;
      return false;
    };
    let left = area.column;
    while (!columnHas(left)) left++;
    let right = columnEnd - 1;
    while (!columnHas(right)) right--;
    return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }
}

/** A formula's relative A1 references moved by rows and columns (`$` parts stay), as Excel copies. */
export function shiftReferences(formula: string, rows: number, columns: number): string {
  const reference = /(^|[^A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;
  return outsideQuotes(formula, (code) =>
    code.replace(
      reference,
      (_m, before: string, colAbs: string, letters: string, rowAbs: string, digits: string) => {
        const { column } = parseA1(`${letters}1`);
        const col = colAbs ? column : column + columns;
        const row = rowAbs ? Number(digits) - 1 : Number(digits) - 1 + rows;
        return `${before}${colAbs}${columnLetter(col)}${rowAbs}${row + 1}`;
      },
    ),
  );
}
