/*
 * An in-memory Excel for adapter tests, built on office-addin-mock.
 *
 * Loadable objects (ranges, worksheets, named items, tables) are OfficeMockObjects, so reading a
 * property that was not loaded and synced fails the way it does in Excel. Writes (formulas,
 * number formats, adds, deletes) are queued and applied to the model only at `context.sync()`,
 * as Excel does, and syncs are counted. The model mimics the Excel behaviour PROD relies on:
 * a leading apostrophe stores text, a cell formatted "@" keeps what is written as text, "=..."
 * elsewhere is a formula, and a number-like string elsewhere becomes a number.
 */
import { OfficeMockObject } from "office-addin-mock";
import { deleteColumnsIn, deleteRowsIn, insertRowsIn, refersInto } from "../../src/excel/formulaRefs";
import { a1Range, cellAreas, parseA1 } from "../../src/excel/port";

export interface MockCell {
  kind: "value" | "formula";
  /** The stored constant, or the formula text for a formula. */
  content: string | number | boolean;
  format?: string;
  bold?: boolean;
  /** Written as a lone apostrophe: empty text, but not a blank cell (COUNTA counts it). */
  emptyText?: boolean;
  /** A formula's result as a test sets it (the mock does not calculate); else its text. */
  result?: string | number | boolean;
  /** An error value typed in (#N/A): its text is `content`, and Range.valueTypes says "Error". */
  error?: boolean;
}

/** The error values Excel reads when they are typed or written to `values` as text. */
const TYPED_ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];

/** Errors a formula may show (a test sets them as its result); Range.valueTypes says "Error". */
const isErrorText = (v: unknown) =>
  typeof v === "string" && (TYPED_ERRORS.includes(v) || ["#BUSY!", "#SPILL!", "#CALC!"].includes(v));

export interface MockSheet {
  name: string;
  /** By {@link cellKey}. */
  cells: Map<number, MockCell>;
  freezeRows?: number;
  freezeAt?: string;
  printArea?: string;
  columnWidths: Map<number, number>;
  /** Columns hidden (Range.columnHidden), as Excel's Hide. */
  hiddenColumns: Set<number>;
  showGridlines: boolean;
  charts: MockChart[];
  /** Conditional formats, as added (custom formula rules only). */
  conditionalFormats: MockConditionalFormat[];
  /** Review > Protect Sheet: every cell locked, as Excel's default. */
  protected?: boolean;
  /** The password the user protected it with (Review > Protect Sheet); none when unset. */
  password?: string;
  /** Its sheet-level names (Worksheet.names), PROD_HIDDEN among them. */
  names: MockName[];
}

export interface MockChart {
  name: string;
  kind: string;
  source: string;
  seriesBy: string;
  title?: string;
  legend?: boolean;
  topLeft?: string;
  bottomRight?: string;
}

/** A custom-formula conditional format as the add-in set it. */
export interface MockConditionalFormat {
  address: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface MockTable {
  name: string;
  sheet: string;
  address: string;
  style?: string;
}

export interface MockName {
  name: string;
  formula: string;
  comment?: string;
  visible: boolean;
}

/** Rows of a sheet (Excel's limit). */
const SHEET_ROWS = 1048576;
/**
 * A cell's key in its sheet's map: a number, small for the first columns, so that reading a
 * range of a 250,000-row ledger makes no garbage strings (this Excel shares the pane's heap in
 * the bench; the real one has its own).
 */
export const cellKey = (row: number, column: number) => column * SHEET_ROWS + row;
/** The row and column of a {@link cellKey}. */
export const cellAt = (k: number) => ({ r: k % SHEET_ROWS, c: Math.floor(k / SHEET_ROWS) });

/** The workbook state the mock reads and writes. */
export class MockBook {
  sheets: MockSheet[] = [];
  names: MockName[] = [];
  tables: MockTable[] = [];
  active = "";
  selection = { sheet: "", address: "A1" };
  /**
   * The sync (counted from 1 over the mock's life) at which Excel refuses the request: as Excel
   * does, the commands before the failing one are applied, the rest are not.
   */
  refuseAtSync?: number;
  /**
   * Excel on the web refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded): the most
   * bytes of loaded values one sync may return here. Unset: no limit.
   */
  maxResponseBytes?: number;
  /**
   * What `application.calculationState` answers, one entry per read (the last one repeats);
   * `onCalculationRead` runs at each read, so a test can let results arrive as Excel does.
   */
  calculationStates: string[] = ["Done"];
  calculationReads = 0;
  onCalculationRead?: (read: number) => void;
  /** The calculation types `application.calculate` was asked for. */
  calculations: string[] = [];

  /** Excel finds sheets by name without regard to case. */
  sheet(name: string): MockSheet {
    const found = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) throw Object.assign(new Error(`no sheet ${name}`), { code: "ItemNotFound" });
    return found;
  }

  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet.toLowerCase() !== sheet.name.toLowerCase());
    const prefix = `=${quote(sheet.name)}!`.toLowerCase();
    for (const n of this.names)
      if (n.formula.toLowerCase().startsWith(prefix)) n.formula = `=#REF!${n.formula.slice(prefix.length)}`;
  }

  /**
   * Home > Delete > Delete Sheet Columns: `count` columns of `sheet` from `column` go, the cells
   * right of them move left with their hidden state and width, and every formula and name (the
   * workbook's and each sheet's) is rewritten as Excel rewrites it (deleteColumnsIn: a reference
   * into them is #REF!). Tables, charts and conditional formats are not moved: the tests that
   * delete columns do it right of them.
   */
  deleteColumns(sheet: string, column: number, count: number): void {
    this.moveLines(sheet, "column", column, count, false);
  }

  /**
   * Home > Insert > Insert Sheet Rows: `count` blank rows at `row` of `sheet`, the rows from it
   * moving down, every formula and name rewritten as Excel rewrites it (insertRowsIn). Tables,
   * charts, conditional formats and frozen panes are not moved: the tests insert rows under them.
   */
  insertRows(sheet: string, row: number, count: number): void {
    this.moveLines(sheet, "row", row, count, true);
  }

  /** Home > Delete > Delete Sheet Rows, as {@link insertRows} (deleteRowsIn: a reference into them is #REF!). */
  deleteRows(sheet: string, row: number, count: number): void {
    this.moveLines(sheet, "row", row, count, false);
  }

  /** Rows or columns (`axis`) inserted or deleted, as Excel does to cells, formulas and names. */
  private moveLines(sheet: string, axis: "row" | "column", at: number, count: number, insert: boolean): void {
    this.refuseIfProtected(sheet);
    const target = this.sheet(sheet);
    const moved = (line: number) =>
      line < at ? line : insert ? line + count : line >= at + count ? line - count : null;
    const cells = new Map<number, MockCell>();
    for (const [k, cell] of target.cells) {
      const { r, c } = cellAt(k);
      const to = moved(axis === "row" ? r : c);
      if (to !== null) cells.set(axis === "row" ? cellKey(to, c) : cellKey(r, to), cell);
    }
    target.cells = cells;
    if (axis === "column") {
      const keep = (columns: Iterable<number>) =>
        [...columns].flatMap((c) => (moved(c) === null ? [] : [moved(c)!]));
      target.hiddenColumns = new Set(keep(target.hiddenColumns));
      target.columnWidths = new Map(
        [...target.columnWidths].flatMap(([c, w]) => (moved(c) === null ? [] : [[moved(c)!, w] as const])),
      );
    }
    const rewrite = (formula: string, home = "") =>
      axis === "column"
        ? deleteColumnsIn(formula, target.name, at, count, home)
        : (insert ? insertRowsIn : deleteRowsIn)(formula, target.name, at, count, home);
    for (const s of this.sheets) {
      for (const cell of s.cells.values())
        if (cell.kind === "formula" && typeof cell.content === "string")
          cell.content = rewrite(cell.content, s.name);
      for (const n of s.names) n.formula = rewrite(n.formula);
    }
    for (const n of this.names) n.formula = rewrite(n.formula);
  }

  hasSheet(name: string): boolean {
    return this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string, rows: (string | number | boolean | null)[][] = []): MockSheet {
    const sheet: MockSheet = {
      name,
      cells: new Map(),
      columnWidths: new Map(),
      hiddenColumns: new Set(),
      showGridlines: true,
      charts: [],
      conditionalFormats: [],
      names: [],
    };
    this.sheets.push(sheet);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== "") sheet.cells.set(cellKey(r, c), { kind: "value", content: v });
      }),
    );
    if (!this.active) this.active = name;
    return sheet;
  }

  /**
   * Excel refuses any change to a protected sheet's cells, tables or layout (AccessDenied); the
   * commands of the request before it stay applied.
   */
  refuseIfProtected(sheet: string): void {
    if (!this.sheet(sheet).protected) return;
    throw Object.assign(
      new Error(`The cell or chart you're trying to change is on a protected sheet (${sheet}).`),
      { code: "AccessDenied" },
    );
  }

  cell(sheet: string, address: string): MockCell | undefined {
    const { row, column } = parseA1(address);
    return this.sheet(sheet).cells.get(cellKey(row, column));
  }

  /** Puts a cell as a test sets it up (a formula with its result, text that looks like one). */
  setCell(sheet: string, address: string, cell: MockCell): void {
    const { row, column } = parseA1(address);
    this.sheet(sheet).cells.set(cellKey(row, column), cell);
  }

  /**
   * Excel refuses a formula that names a table the workbook does not have (Fringes[#All] before
   * Fringes exists): the batch fails with InvalidArgument.
   */
  refuseMissingTable(input: string | number | boolean): void {
    if (typeof input !== "string" || !input.startsWith("=")) return;
    const outsideQuotes = input.replace(/"[^"]*"/g, '""');
    for (const m of outsideQuotes.matchAll(/([A-Za-z_][\w.]*)\[/g)) {
      if (!this.tables.some((t) => t.name.toLowerCase() === m[1].toLowerCase())) {
        throw Object.assign(new Error(`The formula ${input} names a table ${m[1]} that does not exist`), {
          code: "InvalidArgument",
        });
      }
    }
  }

  /** What Excel would write for one `formulas` entry. */
  write(sheet: string, row: number, column: number, input: string | number | boolean): void {
    this.refuseIfProtected(sheet);
    const cells = this.sheet(sheet).cells;
    const previous = cells.get(cellKey(row, column));
    const format = previous?.format;
    const keep = { format, bold: previous?.bold };
    if (input === "" || input === null) {
      if (format || previous?.bold) cells.set(cellKey(row, column), { kind: "value", content: "", ...keep });
      else cells.delete(cellKey(row, column));
      return;
    }
    if (typeof input !== "string") {
      cells.set(cellKey(row, column), { kind: "value", content: input, ...keep });
    } else if (input.startsWith("'")) {
      // A lone apostrophe leaves an empty-text cell that Excel counts as not blank.
      const lone = input === "'" ? { emptyText: true } : {};
      cells.set(cellKey(row, column), { kind: "value", content: input.slice(1), ...keep, ...lone });
    } else if (format === "@") {
      cells.set(cellKey(row, column), { kind: "value", content: input, ...keep });
    } else if (input.startsWith("=")) {
      cells.set(cellKey(row, column), { kind: "formula", content: input, ...keep });
    } else if (/^-?\d+(\.\d+)?$/.test(input.trim())) {
      cells.set(cellKey(row, column), { kind: "value", content: Number(input), ...keep });
    } else if (TYPED_ERRORS.includes(input.trim().toUpperCase())) {
      // Excel reads "#N/A" typed or written as the error value #N/A.
      cells.set(cellKey(row, column), {
        kind: "value",
        content: input.trim().toUpperCase(),
        error: true,
        ...keep,
      });
    } else {
      cells.set(cellKey(row, column), { kind: "value", content: input, ...keep });
    }
  }

  setFormat(sheet: string, row: number, column: number, format: string | null): void {
    if (format === null) return;
    this.refuseIfProtected(sheet);
    const cells = this.sheet(sheet).cells;
    const cell = cells.get(cellKey(row, column)) ?? { kind: "value" as const, content: "" };
    cells.set(cellKey(row, column), { ...cell, format });
  }

  /**
   * Values as Excel returns them: blanks as "", formulas as the result a test set, else as their
   * formula text (not evaluated).
   */
  values(sheet: string, row: number, column: number, rowCount: number, columnCount: number) {
    return this.grid(
      sheet,
      row,
      column,
      rowCount,
      columnCount,
      (cell) => cell?.result ?? cell?.content ?? "",
    );
  }

  /** Formulas as Excel's `formulas` returns them: the formula text, else the value. */
  formulas(sheet: string, row: number, column: number, rowCount: number, columnCount: number) {
    return this.grid(sheet, row, column, rowCount, columnCount, (cell) => cell?.content ?? "");
  }

  /** Value types as Excel's `valueTypes` returns them (Excel.RangeValueType). */
  valueTypes(sheet: string, row: number, column: number, rowCount: number, columnCount: number) {
    return this.grid(sheet, row, column, rowCount, columnCount, (cell) => {
      const value = cell?.result ?? cell?.content ?? "";
      if (cell?.error || (cell?.kind === "formula" && isErrorText(value))) return "Error";
      if (typeof value === "number") return "Double";
      if (typeof value === "boolean") return "Boolean";
      return value === "" && !cell?.emptyText ? "Empty" : "String";
    });
  }

  /** Number formats as Excel's `numberFormat` returns them: "General" where none was set. */
  numberFormat(sheet: string, row: number, column: number, rowCount: number, columnCount: number) {
    return this.grid(sheet, row, column, rowCount, columnCount, (cell) => cell?.format ?? "General");
  }

  private grid<T>(
    sheet: string,
    row: number,
    column: number,
    rowCount: number,
    columnCount: number,
    read: (cell: MockCell | undefined) => T,
  ): T[][] {
    const cells = this.sheet(sheet).cells;
    const grid: T[][] = [];
    for (let r = 0; r < rowCount; r++) {
      const line: T[] = [];
      for (let c = 0; c < columnCount; c++) line.push(read(cells.get(cellKey(row + r, column + c))));
      grid.push(line);
    }
    return grid;
  }

  /** The next calculation state read. */
  nextCalculationState(): string {
    const read = this.calculationReads++;
    this.onCalculationRead?.(read);
    return this.calculationStates[Math.min(read, this.calculationStates.length - 1)];
  }

  /**
   * Excel's direct dependents of a block (Range.getDirectDependents): the formula cells of any
   * sheet that refer into it, directly, through a name that refers into it, or through a table
   * on its sheet; as `WorkbookRangeAreas.addresses`, one entry per sheet, each area
   * sheet-qualified. Excel throws ItemNotFound when there are none.
   */
  directDependents(
    sheet: string,
    area: { row: number; column: number; rowCount: number; columnCount: number },
  ) {
    const on = this.sheet(sheet).name;
    const tables = this.tables.filter((t) => t.sheet.toLowerCase() === on.toLowerCase()).map((t) => t.name);
    const via = [
      ...this.names.filter((n) => refersInto(n.formula, on, area, tables)).map((n) => n.name),
      ...tables,
    ];
    const addresses: string[] = [];
    for (const s of this.sheets) {
      const found: { row: number; column: number }[] = [];
      for (const [k, cell] of s.cells) {
        if (cell.kind !== "formula" || typeof cell.content !== "string") continue;
        if (refersInto(cell.content, on, area, via, s.name))
          found.push({ row: cellAt(k).r, column: cellAt(k).c });
      }
      if (found.length > 0)
        addresses.push(
          cellAreas(found)
            .split(",")
            .map((a) => `${quote(s.name)}!${a}`)
            .join(","),
        );
    }
    if (addresses.length === 0)
      throw Object.assign(new Error("No dependents were found."), { code: "ItemNotFound" });
    return addresses;
  }

  /** The used rectangle of a sheet within a window, or null if nothing there has a value. */
  used(sheet: string, window?: { row: number; column: number; rowCount: number; columnCount: number }) {
    let minR = Infinity;
    let minC = Infinity;
    let maxR = -1;
    let maxC = -1;
    for (const [k, cell] of this.sheet(sheet).cells) {
      if (cell.content === "" && !cell.emptyText) continue;
      const { r, c } = cellAt(k);
      if (
        window &&
        (r < window.row ||
          c < window.column ||
          r >= window.row + window.rowCount ||
          c >= window.column + window.columnCount)
      )
        continue;
      minR = Math.min(minR, r);
      minC = Math.min(minC, c);
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, c);
    }
    if (maxR < 0) return null;
    return { row: minR, column: minC, rowCount: maxR - minR + 1, columnCount: maxC - minC + 1 };
  }
}

function quote(sheet: string): string {
  return /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

type Op = () => void;

/** Cells a load asked for: read from the model at the sync, and given to the proxy after it. */
interface Response {
  fromBook(): unknown[][];
  arrive(cells: unknown[][]): void;
}

/** A mocked Excel.run over a MockBook, counting syncs. */
export function mockExcel(book: MockBook) {
  const state = {
    syncs: 0,
    requestsWithWrites: [] as number[],
    responseBytes: [] as number[],
    /** Each protect and unprotect as applied, with the sync it was applied in. */
    protection: [] as string[],
    /** Ranges whose cells were written (one 2-D `formulas` assignment each), as applied. */
    rangeWrites: 0,
    /**
     * Time spent parsing the syncs' responses (ms): Office.js does this on the pane's thread
     * (the rest of a sync is Excel's work, in Excel's process).
     */
    parseMs: 0,
  };
  let queue: Op[] = [];
  /** The cells loaded since the last sync: what the next response carries. */
  let responses: Response[] = [];
  let loadables: OfficeMockObject[] = [];
  let collections: { resolve: () => void }[] = [];

  /** An OfficeMockObject over `data`, plus queued setters and methods. */
  function loadable(
    data: Record<string, unknown>,
    extra: Record<string, unknown> = {},
    setters: Record<string, (value: never) => void> = {},
    isNull = false,
  ): OfficeMockObject {
    const mock = new OfficeMockObject(data as never);
    loadables.push(mock);
    Object.assign(mock, extra);
    mock.isNullObject = isNull;
    for (const [prop, apply] of Object.entries(setters)) {
      Object.defineProperty(mock, prop, {
        // Reading what was loaded (a range's formulas) still works beside the queued write.
        get: () => data[prop],
        set: (value: never) => queue.push(() => apply(value)),
        configurable: true,
      });
    }
    return mock;
  }

  /** A collection whose `items` can be read only after load + sync. */
  function collection<T>(snapshot: () => T[], extra: Record<string, unknown> = {}) {
    let requested = false;
    let items: T[] | null = null;
    const entry = {
      resolve: () => {
        if (requested) items = snapshot();
      },
    };
    return Object.assign(
      {
        load() {
          requested = true;
          collections.push(entry);
        },
        get items(): T[] {
          if (!items) throw new Error("collection items read before load + sync");
          return items;
        },
      },
      extra,
    );
  }

  function rangeProxy(sheet: string, row: number, column: number, rowCount: number, columnCount: number) {
    const exists = book.hasSheet(sheet);
    const address = `${quote(sheet)}!${a1Range(row, column, rowCount, columnCount)}`;
    const data = {
      address,
      // Filled at the sync that loads them (see `respond`), as Excel fills a proxy's values.
      values: [] as unknown[][],
      formulas: [] as unknown[][],
      numberFormat: [] as unknown[][],
      valueTypes: [] as unknown[][],
      rowIndex: row,
      columnIndex: column,
      rowCount,
      columnCount,
    };
    const format = {
      font: {} as Record<string, unknown>,
      autofitColumns: () => undefined,
    };
    Object.defineProperty(format.font, "bold", {
      set: (bold: boolean) =>
        queue.push(() => {
          book.refuseIfProtected(sheet);
          for (let r = 0; r < rowCount; r++)
            for (let c = 0; c < columnCount; c++) {
              const cells = book.sheet(sheet).cells;
              const cell = cells.get(cellKey(row + r, column + c)) ?? { kind: "value" as const, content: "" };
              cells.set(cellKey(row + r, column + c), { ...cell, bold });
            }
        }),
    });
    Object.defineProperty(format, "columnWidth", {
      set: (width: number) =>
        queue.push(() => {
          book.refuseIfProtected(sheet);
          book.sheet(sheet).columnWidths.set(column, width);
        }),
    });
    const range = loadable(
      data,
      {
        // The mock's own view of the address (proxies passed back into the API carry it).
        __address: address,
        format,
        getDirectDependents: () => {
          const data = { addresses: [] as string[] };
          queue.push(() => {
            const found = book.directDependents(sheet, { row, column, rowCount, columnCount });
            data.addresses.push(...found);
          });
          return loadable(data);
        },
        getUsedRangeOrNullObject: () => {
          const used = book.hasSheet(sheet) ? book.used(sheet, { row, column, rowCount, columnCount }) : null;
          return used
            ? rangeProxy(sheet, used.row, used.column, used.rowCount, used.columnCount)
            : nullRange();
        },
        conditionalFormats: {
          add: (type: string) => {
            if (type !== "Custom")
              throw new Error(`mock supports custom conditional formats only, got ${type}`);
            const cf: MockConditionalFormat = { address: a1Range(row, column, rowCount, columnCount) };
            queue.push(() => book.sheet(sheet).conditionalFormats.push(cf));
            const setter = (apply: (value: never) => void) => ({
              set: (v: never) => queue.push(() => apply(v)),
            });
            const rule = Object.defineProperty(
              {},
              "formula",
              setter((v: string) => (cf.formula = v)),
            );
            const fill = Object.defineProperty(
              {},
              "color",
              setter((v: string) => (cf.fill = v)),
            );
            const font = Object.defineProperties(
              {},
              {
                color: setter((v: string) => (cf.fontColor = v)),
                bold: setter((v: boolean) => (cf.bold = v)),
              },
            );
            return { custom: { rule, format: { fill, font } } };
          },
        },
        // clear() is clear("All"): values, formats and bold go. clear("Contents") keeps the cells'
        // number formats and bold, as Excel does (a table's body cleared before it is rewritten).
        clear: (applyTo = "All") =>
          queue.push(() => {
            book.refuseIfProtected(sheet);
            // Clearing the whole sheet (clear("All")) also drops its conditional formats.
            if (rowCount * columnCount >= 1048576 * 16384) book.sheet(sheet).conditionalFormats = [];
            const cells = book.sheet(sheet).cells;
            for (const [k, cell] of [...cells]) {
              const { r, c } = cellAt(k);
              if (r < row || r >= row + rowCount || c < column || c >= column + columnCount) continue;
              if (applyTo === "Contents" && (cell.format !== undefined || cell.bold))
                cells.set(k, { kind: "value", content: "", format: cell.format, bold: cell.bold });
              else cells.delete(k);
            }
          }),
      },
      {
        formulas: (matrix: (string | number | boolean)[][]) => {
          state.rangeWrites += 1;
          matrix.forEach((line, r) =>
            line.forEach((v, c) => {
              book.refuseMissingTable(v);
              book.write(sheet, row + r, column + c, v);
            }),
          );
        },
        numberFormat: (matrix: (string | null)[][]) =>
          matrix.forEach((line, r) => line.forEach((f, c) => book.setFormat(sheet, row + r, column + c, f))),
        // Hides or shows every column of the range, whatever its rows, as Excel does.
        columnHidden: (hidden: boolean) => {
          book.refuseIfProtected(sheet);
          const columns = book.sheet(sheet).hiddenColumns;
          if (!hidden && columnCount >= 16384) columns.clear();
          else for (let c = column; c < column + columnCount; c++) columns[hidden ? "add" : "delete"](c);
        },
      },
    );
    const load = range.load.bind(range);
    range.load = (properties: unknown) => {
      const asked = String(properties);
      // (A whole-sheet range has no values here: nothing PROD does reads one.)
      if (exists && rowCount * columnCount <= 1e6) {
        for (const prop of ["values", "formulas", "numberFormat", "valueTypes"] as const) {
          if (!asked.includes(prop)) continue;
          responses.push({
            fromBook: () => book[prop](sheet, row, column, rowCount, columnCount),
            // Into the array the proxy was made with (the mock object holds that array).
            arrive: (cells) => {
              const into = data[prop];
              into.length = 0;
              for (const line of cells) into.push(line);
            },
          });
        }
      }
      return load(properties as string);
    };
    return range;
  }

  function nullRange() {
    return loadable(
      { address: "", rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, values: [] },
      {},
      {},
      true,
    );
  }

  function rangeByAddress(sheet: string, address: string) {
    const p = parseA1(address);
    return rangeProxy(sheet, p.row, p.column, p.rowCount, p.columnCount);
  }

  function tableProxy(name: string) {
    const found = () => book.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    const t = found();
    const rangeOf = (part: "all" | "header" | "body") => {
      const current = found()!;
      const p = parseA1(current.address);
      if (part === "all") return rangeProxy(current.sheet, p.row, p.column, p.rowCount, p.columnCount);
      if (part === "header") return rangeProxy(current.sheet, p.row, p.column, 1, p.columnCount);
      return rangeProxy(current.sheet, p.row + 1, p.column, p.rowCount - 1, p.columnCount);
    };
    return loadable(
      { name: t?.name ?? name },
      {
        getRange: () => rangeOf("all"),
        getHeaderRowRange: () => rangeOf("header"),
        getDataBodyRange: () => rangeOf("body"),
        worksheet: t ? sheetProxy(t.sheet) : undefined,
        delete: () =>
          queue.push(() => {
            book.refuseIfProtected(found()!.sheet);
            book.tables = book.tables.filter((x) => x !== found());
          }),
        resize: (range: { __address: string }) =>
          queue.push(() => {
            book.refuseIfProtected(found()!.sheet);
            found()!.address = range.__address.slice(range.__address.lastIndexOf("!") + 1);
          }),
      },
      {},
      !t,
    );
  }

  function sheetProxy(name: string, isNull = false): OfficeMockObject {
    const tables = collection(
      () => book.tables.filter((t) => t.sheet === name).map((t) => ({ name: t.name })),
      {
        add: (range: { __address: string }, _hasHeaders: boolean) => {
          const table: MockTable = {
            name: `Table${book.tables.length + 1}`,
            sheet: name,
            address: range.__address.slice(range.__address.lastIndexOf("!") + 1),
          };
          queue.push(() => {
            book.refuseIfProtected(name);
            book.tables.push(table);
          });
          const proxy = {} as Record<string, unknown>;
          Object.defineProperty(proxy, "name", { set: (v: string) => queue.push(() => (table.name = v)) });
          Object.defineProperty(proxy, "style", { set: (v: string) => queue.push(() => (table.style = v)) });
          return proxy;
        },
      },
    );
    const charts = collection(
      () => (book.hasSheet(name) ? book.sheet(name).charts.map((c) => ({ name: c.name })) : []),
      {
        add: (kind: string, range: { __address: string }, seriesBy: string) => {
          const chart: MockChart = {
            name: `Chart${book.sheets.reduce((n, sh) => n + sh.charts.length, 1)}`,
            kind,
            source: range.__address.slice(range.__address.lastIndexOf("!") + 1),
            seriesBy,
          };
          queue.push(() => {
            book.refuseIfProtected(name);
            book.sheet(name).charts.push(chart);
          });
          const later = (apply: () => void) => queue.push(apply);
          const proxy = {
            title: {} as Record<string, unknown>,
            legend: {} as Record<string, unknown>,
            setPosition: (topLeft: string, bottomRight: string) =>
              later(() => Object.assign(chart, { topLeft, bottomRight })),
          };
          Object.defineProperty(proxy, "name", { set: (v: string) => later(() => (chart.name = v)) });
          Object.defineProperty(proxy.title, "text", { set: (v: string) => later(() => (chart.title = v)) });
          Object.defineProperty(proxy.legend, "visible", {
            set: (v: boolean) => later(() => (chart.legend = v)),
          });
          return proxy;
        },
        getItem: (chartName: string) => ({
          delete: () =>
            queue.push(() => {
              const sheet = book.sheet(name);
              sheet.charts = sheet.charts.filter((c) => c.name !== chartName);
            }),
        }),
      },
    );
    // Worksheet protection: `protected` (and `isPasswordProtected`, ExcelApiOnline 1.1) are read
    // after load + sync; protect() and unprotect() are queued and, as Excel does, fail on a sheet
    // that is already protected / unprotected. unprotect() without the password of a sheet that
    // has one fails too; Excel's documentation does not say with which code, so the mock answers
    // with a host error PROD must not rely on, located (debugInfo) at the unprotect, as Office.js
    // locates every failed command.
    const protection = loadable(
      {
        protected: book.hasSheet(name) && book.sheet(name).protected === true,
        isPasswordProtected: book.hasSheet(name) && book.sheet(name).password !== undefined,
      },
      {
        protect: () =>
          queue.push(() => {
            const sheet = book.sheet(name);
            if (sheet.protected)
              throw Object.assign(new Error("already protected"), { code: "AccessDenied" });
            sheet.protected = true;
            state.protection.push(`protect ${name} (sync ${state.syncs})`);
          }),
        unprotect: (password?: string) =>
          queue.push(() => {
            const sheet = book.sheet(name);
            if (!sheet.protected) throw Object.assign(new Error("not protected"), { code: "AccessDenied" });
            if (sheet.password !== undefined && password !== sheet.password)
              throw Object.assign(new Error("The password you supplied is not correct."), {
                code: "GeneralException",
                debugInfo: { errorLocation: "WorksheetProtection.unprotect" },
              });
            sheet.protected = false;
            sheet.password = undefined;
            state.protection.push(`unprotect ${name} (sync ${state.syncs})`);
          }),
      },
    );
    const names = collection(() => (book.hasSheet(name) ? book.sheet(name).names : []), {
      getItemOrNullObject: (item: string) =>
        nameProxy(
          item,
          () => (book.hasSheet(name) ? book.sheet(name).names : []),
          (kept) => {
            book.sheet(name).names = kept;
          },
        ),
      add: (item: string, reference: string, comment?: string) =>
        addName(() => book.sheet(name).names, item, reference, comment),
    });
    return loadable(
      { name },
      {
        tables,
        charts,
        protection,
        names,
        getRange: (address?: string) =>
          address ? rangeByAddress(name, address) : rangeProxy(name, 0, 0, 1048576, 16384),
        getRangeByIndexes: (r: number, c: number, rc: number, cc: number) => rangeProxy(name, r, c, rc, cc),
        // An empty sheet's used range is its A1, as Excel answers.
        getUsedRange: () => {
          const used = book.hasSheet(name) ? book.used(name) : null;
          return used
            ? rangeProxy(name, used.row, used.column, used.rowCount, used.columnCount)
            : rangeProxy(name, 0, 0, 1, 1);
        },
        getUsedRangeOrNullObject: () => {
          const used = book.hasSheet(name) ? book.used(name) : null;
          return used
            ? rangeProxy(name, used.row, used.column, used.rowCount, used.columnCount)
            : nullRange();
        },
        freezePanes: {
          freezeRows: (count: number) =>
            queue.push(() => {
              book.refuseIfProtected(name);
              book.sheet(name).freezeRows = count;
            }),
          freezeAt: (range: { __address: string }) =>
            queue.push(
              () => (book.sheet(name).freezeAt = range.__address.slice(range.__address.lastIndexOf("!") + 1)),
            ),
        },
        pageLayout: {
          setPrintArea: (area: string) => queue.push(() => (book.sheet(name).printArea = area)),
        },
        activate: () => queue.push(() => (book.active = name)),
        // As in Excel: the sheet's tables go with it, and names on it now refer to #REF!.
        delete: () => queue.push(() => book.deleteSheet(name)),
      },
      { showGridlines: (v: boolean) => (book.sheet(name).showGridlines = v) },
      isNull,
    );
  }

  /** A proxy whose `props` were loaded as part of a collection load (`items/name`). */
  function loaded(mock: OfficeMockObject, props: string): OfficeMockObject {
    mock.load(props);
    void mock.sync();
    return mock;
  }

  /** A named item of the workbook's names, or of a sheet's (`list`, `keep` replacing it). */
  function nameProxy(
    name: string,
    list: () => MockName[] = () => book.names,
    keep: (kept: MockName[]) => void = (kept) => (book.names = kept),
  ) {
    const found = () => list().find((n) => n.name.toLowerCase() === name.toLowerCase());
    const n = found();
    return loadable(
      { name, formula: n?.formula ?? "", type: n ? "Range" : "Error" },
      {
        getRange: () => {
          const ref = n!.formula.replace(/^=/, "");
          const bang = ref.lastIndexOf("!");
          const sheet = ref.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
          return rangeByAddress(sheet, ref.slice(bang + 1).replace(/\$/g, ""));
        },
        delete: () => queue.push(() => keep(list().filter((x) => x !== found()))),
      },
      {},
      !n,
    );
  }

  /**
   * names.add, of the workbook's names or a sheet's (`list`): to a range, or to a formula
   * (`=Sheet!$K:$K`) as given. Excel refuses a name the collection has, at the sync.
   */
  function addName(
    list: () => MockName[],
    name: string,
    reference: { __address: string } | string,
    comment?: string,
  ) {
    const formula = typeof reference === "string" ? reference : `=${absolute(reference.__address)}`;
    const entry: MockName = { name, formula, comment, visible: true };
    queue.push(() => {
      if (list().some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw Object.assign(new Error(`name ${name} exists`), { code: "InvalidArgument" });
      list().push(entry);
    });
    const proxy = {} as Record<string, unknown>;
    Object.defineProperty(proxy, "visible", {
      set: (v: boolean) => queue.push(() => (entry.visible = v)),
    });
    return proxy;
  }

  const workbook = {
    worksheets: collection(
      () =>
        book.sheets.map((s) => {
          const ws = loaded(sheetProxy(s.name), "name");
          loaded(
            (ws as unknown as { protection: OfficeMockObject }).protection,
            "protected,isPasswordProtected",
          );
          return ws;
        }),
      {
        getItem: (name: string) => {
          if (!book.hasSheet(name) && !queue.length) book.sheet(name);
          return sheetProxy(name);
        },
        getItemOrNullObject: (name: string) => sheetProxy(name, !book.hasSheet(name)),
        add: (name: string) => {
          queue.push(() => {
            if (book.hasSheet(name))
              throw Object.assign(new Error(`sheet ${name} exists`), { code: "ItemAlreadyExists" });
            book.addSheet(name);
          });
          return sheetProxy(name);
        },
      },
    ),
    names: collection(() => book.names.map((n) => ({ name: n.name, formula: n.formula })), {
      getItem: (name: string) => nameProxy(name),
      getItemOrNullObject: (name: string) => nameProxy(name),
      add: (name: string, range: { __address: string }, comment?: string) =>
        addName(() => book.names, name, range, comment),
    }),
    tables: collection(() => book.tables.map((t) => ({ name: t.name, worksheet: { name: t.sheet } })), {
      getItem: (name: string) => tableProxy(name),
      getItemOrNullObject: (name: string) => tableProxy(name),
    }),
    getSelectedRange: () => rangeByAddress(book.selection.sheet, book.selection.address),
    get application() {
      return loadable(
        { calculationState: book.nextCalculationState() },
        { calculate: (type: string) => queue.push(() => book.calculations.push(type)) },
      );
    },
  };

  const context = {
    workbook,
    sync: async () => {
      state.syncs += 1;
      const ops = queue;
      queue = [];
      if (ops.length > 0) state.requestsWithWrites.push(state.syncs);
      const asked = responses;
      responses = [];
      if (book.refuseAtSync === state.syncs) {
        for (const op of ops.slice(0, Math.floor(ops.length / 2))) op();
        throw Object.assign(new Error("The request failed."), { code: "GeneralException" });
      }
      for (const op of ops) op();
      // The response: the loaded cells as they are after this sync's writes, sent as JSON (Excel's
      // work) and parsed by Office.js on the pane's thread when the sync returns; parsing also
      // gives the pane arrays of its own, never the model's.
      const json = `[${asked.map((r) => JSON.stringify(r.fromBook())).join(",")}]`;
      const bytes = asked.length > 0 ? json.length - 2 : 0;
      if (book.maxResponseBytes !== undefined && bytes > book.maxResponseBytes) {
        throw Object.assign(new Error("The response payload size has exceeded the limit."), {
          code: "ResponsePayloadSizeLimitExceeded",
        });
      }
      if (bytes > 0) state.responseBytes.push(bytes);
      const parsing = performance.now();
      const arrived = JSON.parse(json) as unknown[][][];
      state.parseMs += performance.now() - parsing;
      asked.forEach((r, i) => r.arrive(arrived[i]));
      // Every proxy of the batch syncs: one loaded after an earlier sync resolves now.
      for (const m of loadables) await m.sync();
      const toResolve = collections;
      collections = [];
      for (const c of toResolve) c.resolve();
    },
  };

  // Batches run one after another (Excel queues them too), so concurrent Excel.run calls from
  // Promise.all never share a queue.
  let previous: Promise<unknown> = Promise.resolve();
  const run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const next = previous.then(async () => {
      queue = [];
      loadables = [];
      collections = [];
      responses = [];
      try {
        return await batch(context as unknown as Excel.RequestContext);
      } finally {
        // Excel drops commands queued after the last sync when the batch ends or throws.
        queue = [];
      }
    });
    previous = next.catch(() => undefined);
    return next;
  };

  return { run, state };
}

/** `Sheet!A1:B2` -> `Sheet!$A$1:$B$2`. */
function absolute(address: string): string {
  const bang = address.lastIndexOf("!");
  const sheet = address.slice(0, bang);
  const cells = address
    .slice(bang + 1)
    .split(":")
    .map((ref) => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
  return `${sheet}!${cells}`;
}
