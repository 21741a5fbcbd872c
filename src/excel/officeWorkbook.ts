/**
 * The workbook port on Office.js: every Excel.run of the pane lives here.
 *
 * Batching (engineering.md, "Office.js Excel practice"): one `context.sync()` per logical step,
 * one 2-D `formulas` assignment per block, and large writes split into chunks whose JSON payload
 * stays under about 4 MB (Excel on the web refuses requests over 5 MB). Progress is reported and
 * cancellation checked between chunks, never per cell.
 */
import {
  type Cell,
  type CellBlock,
  type CellValue,
  type CellsData,
  type OwnedRegion,
  type RangeData,
  type ReadCellsOptions,
  type RangeRef,
  type RunOptions,
  type SheetLinks,
  type SheetPlan,
  type TableData,
  type TableWriteOptions,
  type TextMode,
  type UsedRangeData,
  type WorkbookPort,
  type WritePlan,
  NUMBER_FORMATS,
  PROD_HIDDEN_NAME,
  PortError,
  a1Range,
  checkPlan,
  hiddenColumnsFormula,
  hiddenColumnsOf,
  isDeadReference,
  keepsContent,
  marksAfterWrite,
  needsTextProtection,
  parseOwnershipMark,
  passwordProtectedError,
  protectedSheetError,
  quoteList,
  sheetMarkName,
  splitAddress,
  throwIfAborted,
} from "./port";
import { refersToSheet } from "./formulaRefs";

/** Runs a batch against the workbook: `Excel.run` in Excel, a mock context in tests. */
export type BatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Tuning for the adapter; the defaults suit Excel on the web and desktop. */
export interface OfficeWorkbookOptions {
  /** @default Excel.run */
  run?: BatchRunner;
  /** Largest payload per sync, in bytes of JSON. @default 4_000_000 (under the 5 MB limit) */
  maxPayloadBytes?: number;
  /** Largest number of cells read per sync when reading a used range. @default 200_000 */
  maxReadCells?: number;
  /**
   * Largest response per read, in bytes of JSON (and never over maxPayloadBytes); chunks are
   * sized for half of it, so most reads bring back about 1 MB. Office.js parses each sync's
   * response on the pane's thread in one go, so a smaller read keeps that block short, at one
   * more round trip per chunk. @default 2_000_000
   */
  maxReadBytes?: number;
  /** Pause between two reads while waiting for Excel to calculate, in ms. @default 250 */
  calculationPollMs?: number;
  /** How long to wait for Excel to finish calculating before giving up, in ms. @default 60_000 */
  calculationTimeoutMs?: number;
  /**
   * Whether the host has an API set PROD uses only where it is there (Excel on the web's
   * ExcelApiOnline 1.1: whether a sheet has a password). @default Office's isSetSupported
   */
  isSetSupported?: (set: string, version: string) => boolean;
}

/** What a cell shows while a custom function is still computing (Excel on the web and desktop). */
const BUSY = "#BUSY!";

const DEFAULT_TABLE_STYLE = "TableStyleLight9";
/** What Excel says when a response is over its size limit (5 MB on the web). */
const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";
/** Bytes of JSON a cell is assumed to take before any has been read (a ledger's dates, amounts, codes). */
const ASSUMED_CELL_BYTES = 40;
/** Rows of a chunk whose JSON is sized to judge its bytes per row (spread over the chunk). */
const SIZED_ROWS = 256;

/**
 * How long turning a plan's blocks into writes may hold the thread before it gives it back (a
 * macrotask): a sheet of 100,000 listed rows takes far longer, and the pane's progress, Cancel
 * and the PROD functions of the shared runtime wait meanwhile (issue 16). Only the timing of the
 * work changes, not the writes.
 */
const TURN_MS = 20;
const giveTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One cell as Excel's `formulas` array wants it, plus whether it needs the Text format. */
function toFormula(cell: Cell, textMode: TextMode): { value: string | number | boolean; text: boolean } {
  if (cell === null) return { value: "", text: false };
  if (typeof cell === "number" || typeof cell === "boolean") return { value: cell, text: false };
  if (typeof cell === "string") {
    // PROD's own labels are constants: protect the rare one that begins like a formula.
    return { value: needsTextProtection(cell) ? `'${cell}` : cell, text: false };
  }
  if ("formula" in cell) {
    return { value: cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`, text: false };
  }
  // Empty outside text is a blank cell: a lone apostrophe would make Excel keep a non-blank cell
  // (COUNTA counts it, the used range grows over it).
  if (cell.text === "") return { value: "", text: false };
  if (textMode === "apostrophe") {
    // The leading apostrophe makes Excel store everything after it as text, including "00123",
    // "1/2" and "=cmd|...": nothing from a file is parsed.
    return { value: `'${cell.text}`, text: false };
  }
  // Text format: Excel does not parse what goes into a cell formatted "@". A string that starts
  // with a formula character still gets the apostrophe, so it stays inert even on a host that
  // parses before applying the format.
  return { value: needsTextProtection(cell.text) ? `'${cell.text}` : cell.text, text: true };
}

/** A rectangle ready to write: formulas and (optionally) number formats, same shape. */
interface Piece {
  sheet: string;
  row: number;
  column: number;
  formulas: (string | number | boolean)[][];
  formats: (string | null)[][] | null;
  bold: boolean;
  bytes: number;
}

/**
 * Size of a value's JSON as sent, in UTF-8 bytes: the 5 MB limit counts bytes, and "é" or "漢"
 * take 2 or 3 of them where `string.length` counts 1. Counted by hand (what TextEncoder would
 * answer, without building the bytes; jsdom, where the pane's tests run, has no TextEncoder).
 */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < json.length) {
      // A surrogate pair is one character of 4 bytes (JSON.stringify escapes lone surrogates).
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Turn a block into row pieces no larger than maxBytes each (a single row is never split). */
export function blockPieces(sheet: string, block: CellBlock, maxBytes: number): Piece[] {
  const textMode = block.textMode ?? "apostrophe";
  const converted = block.cells.map((row) => row.map((cell) => toFormula(cell, textMode)));
  const needsFormats =
    block.columnFormats !== undefined ||
    block.cellFormats !== undefined ||
    converted.some((row) => row.some((c) => c.text));
  const pieces: Piece[] = [];
  let current: Piece | null = null;
  converted.forEach((cells, r) => {
    const formulas = cells.map((c) => c.value);
    const formats = needsFormats
      ? cells.map((c, col) =>
          c.text
            ? NUMBER_FORMATS.text
            : (block.cellFormats?.[r]?.[col] ?? block.columnFormats?.[col] ?? null),
        )
      : null;
    // Each row is one element of the piece's arrays: its JSON and a comma. A piece starts with
    // its arrays' brackets. So `bytes` is exactly the UTF-8 size of the JSON sent.
    const bytes = jsonBytes(formulas) + 1 + (formats ? jsonBytes(formats) + 1 : 0);
    if (!current || current.bytes + bytes > maxBytes) {
      current = {
        sheet,
        row: block.row + r,
        column: block.column,
        formulas: [],
        formats: formats ? [] : null,
        bold: block.bold ?? false,
        bytes: formats ? 2 : 1,
      };
      pieces.push(current);
    }
    current.formulas.push(formulas);
    if (formats) current.formats?.push(formats);
    current.bytes += bytes;
  });
  return pieces;
}

/** Group pieces into sync steps of at most maxBytes each. */
function groupSteps(pieces: Piece[], maxBytes: number): Piece[][] {
  const steps: Piece[][] = [[]];
  let bytes = 0;
  for (const piece of pieces) {
    if (bytes > 0 && bytes + piece.bytes > maxBytes) {
      steps.push([]);
      bytes = 0;
    }
    steps[steps.length - 1].push(piece);
    bytes += piece.bytes;
  }
  return steps;
}

/**
 * Whether a write failed because Excel refused to lift a sheet's protection: the sheets it was
 * to lift are protected still, and Excel located the failure at the unprotect (Office.js's
 * debugInfo; a host that does not locate it is taken at the sheet's state). PROD lifts only
 * sheets that were protected when it read them, in the first commands of the request, so the
 * refusal means a password the user set, and, Excel applying a request's commands only up to the
 * one that fails, that nothing of the request was written. (Excel's documentation does not say
 * which error code unprotect() answers without the password; it is not relied on.)
 */
function liftRefused(error: unknown, stillLocked: readonly string[]): boolean {
  if (stillLocked.length === 0 || error instanceof PortError) return false;
  const at = (error as { debugInfo?: { errorLocation?: string } } | null)?.debugInfo?.errorLocation;
  return at === undefined || /unprotect/i.test(at);
}

/** Map host failures to PortErrors with plain words; PortErrors pass through. */
function hostError(error: unknown): PortError {
  if (error instanceof PortError) return error;
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ItemNotFound") return new PortError("notFound", message);
  return new PortError("host", `Excel could not complete the change: ${message}`);
}

/** The workbook port implemented with Office.js. */
export class OfficeWorkbook implements WorkbookPort {
  private readonly run: BatchRunner;
  private readonly maxPayloadBytes: number;
  private readonly maxReadCells: number;
  private readonly maxReadBytes: number;
  private readonly calculationPollMs: number;
  private readonly calculationTimeoutMs: number;
  private readonly isSetSupported: (set: string, version: string) => boolean;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.maxPayloadBytes = options.maxPayloadBytes ?? 4_000_000;
    this.maxReadCells = options.maxReadCells ?? 200_000;
    this.maxReadBytes = Math.min(this.maxPayloadBytes, options.maxReadBytes ?? 2_000_000);
    this.calculationPollMs = options.calculationPollMs ?? 250;
    this.calculationTimeoutMs = options.calculationTimeoutMs ?? 60_000;
    this.isSetSupported =
      options.isSetSupported ??
      ((set, version) =>
        typeof Office !== "undefined" && Office.context.requirements.isSetSupported(set, version));
  }

  /**
   * The protection properties to load, each after `path`: whether a sheet is protected (ExcelApi
   * 1.2, below the 1.13 manifest.xml requires) and, where Excel tells (ExcelApiOnline 1.1, Excel
   * on the web only), whether with a password.
   */
  private protectionProperties(path = ""): string {
    const password = this.isSetSupported("ExcelApiOnline", "1.1") ? `,${path}isPasswordProtected` : "";
    return `${path}protected${password}`;
  }

  /** Of these sheets, loaded with protectionProperties(), those Excel says have a password. */
  private withPassword(sheets: readonly Excel.Worksheet[]): string[] {
    const found: string[] = [];
    if (this.isSetSupported("ExcelApiOnline", "1.1"))
      for (const ws of sheets) if (ws.protection.isPasswordProtected) found.push(ws.name);
    return found;
  }

  private async batch<T>(body: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(body);
    } catch (error) {
      throw hostError(error);
    }
  }

  listSheets(): Promise<string[]> {
    return this.batch(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  readRange(ref: RangeRef): Promise<RangeData> {
    return this.batch(async (context) => {
      const range = context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address);
      range.load("values,address");
      await context.sync();
      const full = range.address;
      return { sheet: ref.sheet, address: splitAddress(full).address, values: range.values };
    });
  }

  readUsedRange(sheet: string, options: RunOptions = {}): Promise<UsedRangeData | null> {
    return this.batch(async (context) => {
      throwIfAborted(options.signal);
      const ws = context.workbook.worksheets.getItem(sheet);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address,rowIndex,columnIndex,rowCount,columnCount");
      // The columns PROD hid there (Worksheet.names, ExcelApi 1.4), in the same request.
      const hidden = ws.names.getItemOrNullObject(PROD_HIDDEN_NAME);
      hidden.load("formula");
      await context.sync();
      if (used.isNullObject) return null;
      const values = await this.readRows(context, ws, used, options, `Reading ${sheet}`);
      return {
        sheet,
        address: splitAddress(used.address).address,
        values,
        ...(hidden.isNullObject ? {} : { hiddenByProd: hiddenColumnsOf(hidden.formula) }),
      };
    });
  }

  /**
   * The values of a block, read in chunks, one sync each: Excel on the web refuses a response
   * over 5 MB, a ledger can be far larger, and Office.js parses each response on the pane's
   * thread (issue 16: a 2 MB chunk held it for tens of ms). A chunk is at most maxReadCells cells
   * and, judged by the bytes per row read so far (with room to spare), at most maxReadBytes; a
   * first chunk of long text that still comes back too large is read again in halves. The bytes
   * per row are judged from up to SIZED_ROWS rows spread over each chunk, not all of it (sizing a
   * whole chunk cost as much as parsing it). Progress (in rows) and cancel are checked between
   * the chunks.
   */
  private async readRows(
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    block: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number },
    options: RunOptions,
    label: string,
  ): Promise<CellValue[][]> {
    const columns = Math.max(1, block.columnCount);
    const mostRows = Math.max(1, Math.floor(this.maxReadCells / columns));
    // Before anything is read, assume cells of a ledger's size (a date, an amount, a short text).
    let rows = Math.min(
      mostRows,
      Math.max(1, Math.floor(this.maxReadBytes / (columns * ASSUMED_CELL_BYTES))),
    );
    let widestRow = 0;
    const values: CellValue[][] = [];
    for (let r = 0; r < block.rowCount;) {
      throwIfAborted(options.signal);
      const count = Math.min(rows, block.rowCount - r);
      const part = ws.getRangeByIndexes(block.rowIndex + r, block.columnIndex, count, block.columnCount);
      part.load("values");
      try {
        // One read per chunk keeps each response under the payload limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (error) {
        if ((error as { code?: string } | null)?.code !== RESPONSE_TOO_LARGE || count === 1) throw error;
        rows = Math.max(1, Math.floor(count / 2));
        continue;
      }
      const chunk = part.values as CellValue[][];
      for (const row of chunk) values.push(row);
      const sized = Math.min(count, SIZED_ROWS);
      const sample = Array.from({ length: sized }, (_, i) => chunk[Math.floor((i * count) / sized)]);
      widestRow = Math.max(widestRow, jsonBytes(sample) / sized);
      rows = Math.min(mostRows, Math.max(1, Math.floor(this.maxReadBytes / (2 * widestRow))));
      r += count;
      options.onProgress?.({ done: r, total: block.rowCount, label });
    }
    return values;
  }

  listTables(): Promise<{ name: string; sheet: string }[]> {
    return this.batch(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name,items/worksheet/name");
      await context.sync();
      return tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name }));
    });
  }

  readTable(name: string, options: RunOptions = {}): Promise<TableData | null> {
    return this.batch(async (context) => {
      throwIfAborted(options.signal);
      const table = context.workbook.tables.getItemOrNullObject(name);
      table.load("name");
      await context.sync();
      if (table.isNullObject) return null;
      const whole = table.getRange();
      whole.load("address,rowIndex,columnIndex,rowCount,columnCount");
      const ws = table.worksheet;
      ws.load("name");
      await context.sync();
      const full = whole.address;
      // The header row comes with the first chunk; a ledger's body can be far over 5 MB.
      const [header = [], ...rows] = await this.readRows(context, ws, whole, options, `Reading ${name}`);
      return {
        name: table.name,
        sheet: ws.name,
        address: splitAddress(full).address,
        headers: header.map((h) => String(h)),
        rows,
      };
    });
  }

  listNames(): Promise<{ name: string; formula: string }[]> {
    return this.batch(async (context) => {
      const names = context.workbook.names;
      names.load("items/name,items/formula");
      await context.sync();
      return names.items
        .filter((n) => parseOwnershipMark(n.name) === null)
        .map((n) => ({ name: n.name, formula: n.formula }));
    });
  }

  /**
   * Excel's direct dependents of the sheet's used range (Range.getDirectDependents, ExcelApi
   * 1.13, the set manifest.xml requires: no isSetSupported guard could be false) give the cells;
   * the names are read with it and their formulas parsed (formulaRefs). One sync when there are
   * dependents. Excel answers ItemNotFound when there are none, and also when the sheet is
   * missing, and a failed request fills nothing: a second sync then reads the names again and
   * tells the two apart. Known Excel limits (office-js #4609, #4649): a cell that refers to a
   * table on the sheet by a structured reference may be missed when the range holds the whole
   * table, and Excel on Windows may miss other sheets' dependents after rows were inserted, until
   * the workbook is reopened.
   */
  findLinksTo(sheet: string): Promise<SheetLinks> {
    return this.batch(async (context) => {
      const wb = context.workbook;
      const read = () => {
        const names = wb.names;
        names.load("items/name,items/formula");
        const tables = wb.tables;
        tables.load("items/name,items/worksheet/name");
        return { names, tables };
      };
      const linkedNames = ({ names, tables }: ReturnType<typeof read>) => {
        const onSheet = tables.items
          .filter((t) => t.worksheet.name.toLowerCase() === sheet.toLowerCase())
          .map((t) => t.name);
        return names.items
          .filter((n) => parseOwnershipMark(n.name) === null && refersToSheet(n.formula, sheet, onSheet))
          .map((n) => n.name);
      };
      const first = read();
      const dependents = wb.worksheets.getItem(sheet).getUsedRange().getDirectDependents();
      dependents.load("addresses");
      try {
        await context.sync();
        return { cells: linkedCells(dependents.addresses, sheet), names: linkedNames(first) };
      } catch (error) {
        if ((error as { code?: string } | null)?.code !== "ItemNotFound") throw error;
      }
      const again = read();
      const ws = wb.worksheets.getItemOrNullObject(sheet);
      ws.load("name");
      await context.sync();
      if (ws.isNullObject) throw new PortError("notFound", `There is no sheet "${sheet}".`, [sheet]);
      return { cells: [], names: linkedNames(again) };
    });
  }

  readNamedRange(name: string): Promise<RangeData | null> {
    return this.batch(async (context) => {
      const item = context.workbook.names.getItemOrNullObject(name);
      item.load("type");
      await context.sync();
      if (item.isNullObject || item.type !== "Range") return null;
      const range = item.getRange();
      range.load("values,address");
      await context.sync();
      return { ...splitAddress(range.address), values: range.values as CellValue[][] };
    });
  }

  readCells(refs: readonly RangeRef[], options: ReadCellsOptions = {}): Promise<CellsData[]> {
    return this.batch(async (context) => {
      const ranges = refs.map((ref) => {
        const range = context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address);
        range.load("values,formulas,numberFormat");
        // Loaded in the same request (loads add up until the sync).
        if (options.valueTypes) range.load("valueTypes");
        return { ref, range };
      });
      await context.sync();
      return ranges.map(({ ref, range }) => ({
        ...ref,
        values: range.values as CellValue[][],
        formulas: range.formulas as CellValue[][],
        numberFormats: range.numberFormat as string[][],
        ...(options.valueTypes ? { valueTypes: range.valueTypes as string[][] } : {}),
      }));
    });
  }

  /**
   * Excel's calculation state (ExcelApi 1.9) says when a recalculation is over, but custom
   * functions answer asynchronously: Excel may show #BUSY! or, on recent builds, the previous
   * value with a spinner while one recomputes (office-js issues #587, #4152, #6930). So a read
   * counts only when the state is done, no cell is #BUSY!, and the next read, a pause later,
   * agrees with it. One sync per read; the first also asks for a recalculation, which a
   * workbook set to manual calculation needs.
   */
  async readWhenCalculated(refs: readonly RangeRef[], options: RunOptions = {}): Promise<RangeData[]> {
    const started = Date.now();
    let previous: string | null = null;
    for (let read = 0; ; read++) {
      throwIfAborted(options.signal);
      const { state, data } = await this.batch(async (context) => {
        const application = context.workbook.application;
        if (read === 0) application.calculate("Recalculate");
        application.load("calculationState");
        const ranges = refs.map((ref) => {
          const range = context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address);
          range.load("values");
          return { ref, range };
        });
        // Polling: each read is one request, a pause apart, until Excel has settled.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        return {
          state: application.calculationState as string,
          data: ranges.map(({ ref, range }): RangeData => ({
            ...ref,
            values: range.values as CellValue[][],
          })),
        };
      });
      const busy = data.some((d) => d.values.some((row) => row.includes(BUSY)));
      const key = busy ? null : JSON.stringify(data.map((d) => d.values));
      if (state === "Done" && key !== null && key === previous) return data;
      previous = state === "Done" ? key : null;
      if (Date.now() - started > this.calculationTimeoutMs)
        throw new PortError(
          "host",
          `Excel had not finished calculating after ${Math.round(this.calculationTimeoutMs / 1000)} seconds${busy ? " (some cells still show #BUSY!)" : ""}.`,
        );
      options.onProgress?.({ done: read + 1, total: read + 2, label: "Waiting for Excel to calculate" });
      await new Promise((resolve) => setTimeout(resolve, this.calculationPollMs));
    }
  }

  getSelection(): Promise<RangeRef> {
    return this.batch(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      await context.sync();
      return splitAddress(range.address);
    });
  }

  findNonEmpty(ranges: readonly RangeRef[]): Promise<RangeRef[]> {
    if (ranges.length === 0) return Promise.resolve([]);
    return this.batch(async (context) => {
      const checks = ranges.map((ref) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(ref.sheet);
        sheet.load("name");
        return { ref, sheet };
      });
      await context.sync();
      // Only the used part of each range is loaded (its address, not its values): cheap to ask.
      const used = checks
        .filter((c) => !c.sheet.isNullObject)
        .map(({ ref, sheet }) => {
          const u = sheet.getRange(ref.address).getUsedRangeOrNullObject(true);
          u.load("address");
          return { ref, u };
        });
      await context.sync();
      return used.filter(({ u }) => !u.isNullObject).map(({ ref }) => ref);
    });
  }

  findOwned(owner: string): Promise<OwnedRegion[]> {
    return this.batch(async (context) => {
      const names = context.workbook.names;
      names.load("items/name,items/formula");
      await context.sync();
      return names.items.flatMap((n) => {
        const mark = parseOwnershipMark(n.name);
        // A mark whose sheet was deleted (#REF!) owns nothing.
        if (!mark || mark.owner !== owner || isDeadReference(n.formula)) return [];
        return [{ ...splitAddress(n.formula), ...mark }];
      });
    });
  }

  /**
   * Applies a plan. If anything goes wrong once writing has begun (Cancel, or Excel refusing part
   * of the write), what the plan created is taken out again in a batch of its own: the new sheets
   * and the names and marks that went with them, so nothing is left half-made without its marks
   * and a re-run is not refused. Excel applies a failed request's commands up to the one that
   * failed, so the undo cannot rely on the failed batch's context.
   */
  async apply(plan: WritePlan, options: RunOptions = {}): Promise<void> {
    const progress = { writing: false, lifted: [] as string[] };
    try {
      await this.run((context) => this.applyBatch(context, plan, options, progress));
    } catch (error) {
      if (!progress.writing) throw hostError(error);
      const created = plan.sheets.filter((sp) => sp.mode === "create");
      const undone = await this.undoCreate(plan).then(
        () => true,
        () => false,
      );
      const { words: reprotected, stillLocked } = await this.protectAgain(progress.lifted);
      if (liftRefused(error, stillLocked)) throw passwordProtectedError(stillLocked);
      const failure = hostError(error);
      if (failure.kind === "cancelled" && undone && reprotected === "") throw failure;
      const sheets = `sheet${created.length === 1 ? "" : "s"} ${quoteList(created.map((sp) => sp.name))}`;
      const what =
        created.length === 0
          ? ""
          : undone
            ? ` The new ${sheets} PROD had started were removed, so you can run it again.`
            : ` PROD could not remove the new ${sheets} it had started: delete them before you run it again.`;
      throw new PortError(failure.kind, `${failure.message}${what}${reprotected}`, failure.subjects);
    }
  }

  /**
   * After a write that failed or was cancelled, protects again the sheets whose protection it had
   * lifted, in a batch of its own (Excel applies a failed request's commands up to the one that
   * failed, so the failed batch may have lifted it without putting it back). Two syncs: which are
   * protected now, then the protect (none when all still are). Answers `words` "" when done, or
   * words for the user when not; and `stillLocked`, the sheets whose protection was never lifted.
   */
  private async protectAgain(sheets: readonly string[]): Promise<{ words: string; stillLocked: string[] }> {
    const stillLocked: string[] = [];
    if (sheets.length === 0) return { words: "", stillLocked };
    const wanted = new Set(sheets.map((s) => s.toLowerCase()));
    try {
      await this.run(async (context) => {
        const all = context.workbook.worksheets;
        all.load("items/name,items/protection/protected");
        await context.sync();
        const lifted = all.items.filter((ws) => wanted.has(ws.name.toLowerCase()));
        // protect() fails on a sheet that is protected already (the failure came before the lift).
        for (const ws of lifted)
          if (ws.protection.protected) stillLocked.push(ws.name);
          else ws.protection.protect();
        if (stillLocked.length < lifted.length) await context.sync();
      });
      return { words: "", stillLocked };
    } catch {
      return {
        words: ` PROD could not protect ${quoteList(sheets)} again: protect it in Excel (Review > Protect Sheet, no password).`,
        stillLocked,
      };
    }
  }

  private async applyBatch(
    context: Excel.RequestContext,
    plan: WritePlan,
    options: RunOptions,
    progress: { writing: boolean; lifted: string[] },
  ): Promise<void> {
    const wb = context.workbook;
    // Step 1: what is there already (sheets with their protection, workbook names with the marks,
    // tables with their sheets), read as three collections in one sync: no per-item lookups, no
    // null objects. Worksheet protection is ExcelApi 1.2, below the 1.13 manifest.xml requires,
    // so Excel never loads PROD where it is missing (test/build/apiSets checks it).
    const sheets = wb.worksheets;
    sheets.load(`items/name,${this.protectionProperties("items/protection/")}`);
    const names = wb.names;
    names.load("items/name,items/formula");
    const tables = wb.tables;
    tables.load("items/name,items/worksheet/name");
    await context.sync();
    const { replaced, tablesToDelete, namesToDelete, unprotect } = checkPlan(plan, {
      sheets: sheets.items.map((s) => s.name),
      names: names.items.map((n) => ({ name: n.name, formula: n.formula })),
      tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
      protectedSheets: sheets.items.filter((s) => s.protection.protected).map((s) => s.name),
      passwordProtectedSheets: this.withPassword(sheets.items),
    });

    // Charts on the sheets being replaced are ours to delete, and the columns PROD hid there
    // ours to show again: a second read only when replacing.
    const replacedCharts = replaced.map((name) => {
      const charts = wb.worksheets.getItem(name).charts;
      charts.load("items/name");
      const hidden = wb.worksheets.getItem(name).names.getItemOrNullObject(PROD_HIDDEN_NAME);
      hidden.load("formula");
      return { sheet: name, charts, hidden };
    });
    if (replacedCharts.length > 0) await context.sync();
    const chartsToDelete = replacedCharts.flatMap(({ sheet, charts }) =>
      charts.items.map((item) => ({ sheet, name: item.name })),
    );
    const hiddenBefore = new Map(replacedCharts.map(({ sheet, hidden }) => [sheet, hidden]));

    // Steps 2..n: the writes, chunked. A sheet's tables are added right after its cells, and
    // sheets with tables are written first: a formula that names a table (Fringes[#All]) is
    // refused by Excel until the table exists. The rest of the structure (names, marks, panes,
    // charts) goes with the last chunk.
    const ordered = [...plan.sheets].sort((a, b) => Number(!a.tables?.length) - Number(!b.tables?.length));
    const tablesAfter = new Map<Piece, SheetPlan>();
    const pieces: Piece[] = [];
    let turnAt = performance.now();
    for (const sp of ordered) {
      const own: Piece[] = [];
      for (const block of sp.blocks) {
        own.push(...blockPieces(sp.name, block, this.maxPayloadBytes));
        if (performance.now() - turnAt > TURN_MS) {
          await giveTurn();
          turnAt = performance.now();
        }
      }
      if (sp.tables?.length && own.length > 0) tablesAfter.set(own[own.length - 1], sp);
      pieces.push(...own);
    }
    const steps = groupSteps(pieces, this.maxPayloadBytes);
    for (const [i, step] of steps.entries()) {
      throwIfAborted(options.signal);
      if (i === 0) {
        // PROD's own protected sheets are unprotected first, in the same request as the writes.
        for (const name of unprotect) wb.worksheets.getItem(name).protection.unprotect();
        progress.lifted = unprotect;
        this.prepareSheets(context, plan, replaced, tablesToDelete, namesToDelete, chartsToDelete);
      }
      progress.writing = true;
      for (const piece of step) {
        writePiece(context, piece);
        const sp = tablesAfter.get(piece);
        if (sp) addTables(context.workbook.worksheets.getItem(sp.name), sp);
      }
      const last = i === steps.length - 1;
      if (last) {
        this.writeStructure(context, plan, tablesAfter, hiddenBefore);
        // Protected last, once everything on the sheet is written (no password: Review >
        // Unprotect Sheet lifts it).
        for (const sp of plan.sheets) if (sp.protect) wb.worksheets.getItem(sp.name).protection.protect();
      }
      // One sync per chunk: each stays under the payload limit, and the pane can show progress
      // and honour cancel between them.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      if (last) progress.lifted = [];
      options.onProgress?.({ done: i + 1, total: steps.length, label: "Writing" });
    }
  }

  /** Create new sheets, clear replaced ones (with their tables) and drop names being re-added. */
  private prepareSheets(
    context: Excel.RequestContext,
    plan: WritePlan,
    replaced: readonly string[],
    tablesToDelete: string[],
    namesToDelete: string[],
    chartsToDelete: { sheet: string; name: string }[],
  ): void {
    const wb = context.workbook;
    for (const name of tablesToDelete) wb.tables.getItem(name).delete();
    for (const c of chartsToDelete) wb.worksheets.getItem(c.sheet).charts.getItem(c.name).delete();
    for (const name of namesToDelete) wb.names.getItem(name).delete();
    for (const sp of plan.sheets) {
      if (sp.mode === "create") wb.worksheets.add(sp.name);
      if (replaced.includes(sp.name)) wb.worksheets.getItem(sp.name).getRange().clear("All");
    }
  }

  /**
   * Tables, frozen panes, print areas, widths, hidden columns, names and ownership marks.
   * `hiddenBefore`: each replaced sheet's PROD_HIDDEN as read (a null object when it has none).
   */
  private writeStructure(
    context: Excel.RequestContext,
    plan: WritePlan,
    tablesAdded: ReadonlyMap<Piece, SheetPlan>,
    hiddenBefore: ReadonlyMap<string, Excel.NamedItem>,
  ): void {
    const wb = context.workbook;
    const added = new Set(tablesAdded.values());
    for (const sp of plan.sheets) {
      const ws = wb.worksheets.getItem(sp.name);
      // A sheet whose tables sit on no cells of the plan gets them here.
      if (!added.has(sp)) addTables(ws, sp);
      writeSheetStructure(ws, sp);
      writeHiddenColumns(ws, sp, hiddenBefore.get(sp.name));
      if (marksAfterWrite(sp)) {
        const mark = wb.names.add(
          sheetMarkName(plan, sp),
          ws.getRange("A1"),
          `PROD (${plan.owner}) made this sheet; re-running replaces it.`,
        );
        mark.visible = false;
      }
    }
    for (const ns of plan.names ?? []) {
      wb.names.add(ns.name, wb.worksheets.getItem(ns.sheet).getRange(ns.address), ns.comment);
    }
    if (plan.activate) wb.worksheets.getItem(plan.activate).activate();
  }

  /**
   * Take out what a plan created, in a batch of its own (after Cancel or a refused write): the
   * names it added on its new sheets and their ownership marks, then the sheets. Two syncs: what
   * is there, then the deletes. Replaced sheets keep their marks, so a re-run replaces them.
   */
  private undoCreate(plan: WritePlan): Promise<void> {
    const created = plan.sheets.filter((sp) => sp.mode === "create");
    if (created.length === 0) return Promise.resolve();
    const onCreated = (sheet: string) => created.some((sp) => sp.name.toLowerCase() === sheet.toLowerCase());
    const ours = new Set(
      [
        ...created.map((sp) => sheetMarkName(plan, sp)),
        ...(plan.names ?? []).filter((ns) => onCreated(ns.sheet)).map((ns) => ns.name),
      ].map((name) => name.toLowerCase()),
    );
    return this.run(async (context) => {
      const names = context.workbook.names;
      names.load("items/name");
      const sheets = created.map((sp) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sp.name);
        ws.load("name");
        return ws;
      });
      await context.sync();
      for (const n of names.items) if (ours.has(n.name.toLowerCase())) n.delete();
      for (const ws of sheets) if (!ws.isNullObject) ws.delete();
      await context.sync();
    });
  }

  /**
   * Rewrites a table's rows: which table (1 sync), its area, sheet and the sheet's protection (1),
   * the cells below when it grows (1), then one sync per chunk. The protection of PROD's own sheet
   * (`protect`) is lifted in the first chunk's request and put back in the last one's: no sync of
   * its own, and two more only when the write fails after lifting it (protectAgain).
   */
  async replaceTableRows(name: string, rows: Cell[][], options: TableWriteOptions = {}): Promise<void> {
    const lifted: string[] = [];
    try {
      await this.run((context) => this.replaceTableRowsBatch(context, name, rows, options, lifted));
    } catch (error) {
      const { words: reprotected, stillLocked } = await this.protectAgain(lifted);
      if (liftRefused(error, stillLocked)) throw passwordProtectedError(stillLocked);
      const failure = hostError(error);
      if (reprotected === "") throw failure;
      throw new PortError(failure.kind, `${failure.message}${reprotected}`, failure.subjects);
    }
  }

  private async replaceTableRowsBatch(
    context: Excel.RequestContext,
    name: string,
    rows: Cell[][],
    options: TableWriteOptions,
    lifted: string[],
  ): Promise<void> {
    const table = context.workbook.tables.getItemOrNullObject(name);
    table.load("name");
    await context.sync();
    if (table.isNullObject) throw new PortError("notFound", `There is no table "${name}".`, [name]);
    const area = table.getRange();
    area.load("rowIndex,columnIndex,rowCount,columnCount");
    const ws = table.worksheet;
    ws.load("name");
    ws.protection.load(this.protectionProperties());
    await context.sync();
    const wasProtected = ws.protection.protected;
    if (wasProtected && !options.protect) throw protectedSheetError([ws.name]);
    if (wasProtected && this.withPassword([ws]).length > 0) throw passwordProtectedError([ws.name]);
    const bodyCount = Math.max(1, rows.length);
    const grow = bodyCount + 1 - area.rowCount;
    if (grow > 0 && !options.allowOverwrite) {
      const below = ws
        .getRangeByIndexes(area.rowIndex + area.rowCount, area.columnIndex, grow, area.columnCount)
        .getUsedRangeOrNullObject(true);
      below.load("address");
      await context.sync();
      if (!below.isNullObject) {
        const at = splitAddress(below.address).address;
        throw new PortError(
          "wouldOverwrite",
          `The table "${name}" would grow over cells that are not empty (${at}).`,
          [at],
        );
      }
    }
    const padded = rows.length > 0 ? rows : [Array.from({ length: area.columnCount }, () => null)];
    // The number formats go in each chunk's request with its values (blockPieces counts their
    // bytes against the payload limit): no request of their own.
    const { textMode, columnFormats, cellFormats } = options;
    const pieces = blockPieces(
      ws.name,
      {
        row: area.rowIndex + 1,
        column: area.columnIndex,
        cells: padded,
        textMode,
        columnFormats,
        cellFormats,
      },
      this.maxPayloadBytes,
    );
    const steps = groupSteps(pieces, this.maxPayloadBytes);
    for (const [i, step] of steps.entries()) {
      throwIfAborted(options.signal);
      if (i === 0) {
        if (wasProtected) {
          ws.protection.unprotect();
          lifted.push(ws.name);
        }
        table.getDataBodyRange().clear("Contents");
        table.resize(ws.getRangeByIndexes(area.rowIndex, area.columnIndex, bodyCount + 1, area.columnCount));
      }
      for (const piece of step) writePiece(context, piece);
      const last = i === steps.length - 1;
      // PROD's sheet ends protected, also one the user had unprotected.
      if (last && options.protect) ws.protection.protect();
      // One sync per chunk: each request stays under the payload limit, and progress and cancel
      // are honoured between them.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      if (last) lifted.length = 0;
      options.onProgress?.({ done: i + 1, total: steps.length, label: `Writing ${name}` });
    }
  }
}

/**
 * The cells of Excel's `WorkbookRangeAreas.addresses` that are not on `sheet`, one RangeRef per
 * sheet in Excel's order. Each entry is one or more areas, each sheet-qualified
 * (`'Top Sheet'!H5,'Top Sheet'!H7:H9`): split at the commas outside quotes (a sheet name may hold
 * a comma).
 */
export function linkedCells(addresses: readonly string[], sheet: string): RangeRef[] {
  const bySheet = new Map<string, RangeRef>();
  for (const entry of addresses) {
    for (const part of entry.match(/(?:'(?:[^']|'')*'|[^,])+/g) ?? []) {
      const ref = splitAddress(part.trim());
      if (ref.sheet.toLowerCase() === sheet.toLowerCase()) continue;
      const key = ref.sheet.toLowerCase();
      const known = bySheet.get(key);
      if (known) known.address += `,${ref.address}`;
      else bySheet.set(key, { sheet: ref.sheet, address: ref.address });
    }
  }
  return [...bySheet.values()];
}

/** Queue one piece's writes (no sync): formats first, so text cells are Text before the write. */
function writePiece(context: Excel.RequestContext, piece: Piece): void {
  const rowCount = piece.formulas.length;
  const columnCount = piece.formulas[0]?.length ?? 0;
  if (rowCount === 0 || columnCount === 0) return;
  const range = context.workbook.worksheets
    .getItem(piece.sheet)
    .getRangeByIndexes(piece.row, piece.column, rowCount, columnCount);
  if (piece.formats) range.numberFormat = piece.formats as string[][];
  range.formulas = piece.formulas as string[][];
  if (piece.bold) range.format.font.bold = true;
}

/**
 * Queue a sheet's hidden columns (Range.columnHidden, ExcelApi 1.2) and their name (no sync):
 * on a replaced sheet the columns its PROD_HIDDEN held (`before`, as read) are shown again and
 * the name dropped; one without the name (written before PROD kept it) has every column shown
 * again, as then. The plan's columns are hidden and, on a sheet written whole, named again,
 * hidden from Name Manager as the ownership marks are (SheetPlan.hiddenColumns).
 */
function writeHiddenColumns(ws: Excel.Worksheet, sp: SheetPlan, before: Excel.NamedItem | undefined): void {
  const columns = sp.hiddenColumns ?? [];
  if (before && !before.isNullObject) {
    for (const column of hiddenColumnsOf(before.formula))
      ws.getRangeByIndexes(0, column, 1, 1).columnHidden = false;
    before.delete();
  } else if (before && columns.length > 0) ws.getRange().columnHidden = false;
  for (const column of columns) ws.getRangeByIndexes(0, column, 1, 1).columnHidden = true;
  if (columns.length === 0 || keepsContent(sp)) return;
  const name = ws.names.add(
    PROD_HIDDEN_NAME,
    hiddenColumnsFormula(sp.name, columns),
    "PROD's hidden columns (its check of what it wrote on each row); PROD shows them again when it replaces the sheet.",
  );
  name.visible = false;
}

/** Queue a sheet's tables, panes, print area and widths (no sync). */
/** A sheet's tables, over cells already written (their header row names the columns). */
function addTables(ws: Excel.Worksheet, sp: SheetPlan): void {
  for (const t of sp.tables ?? []) {
    const table = ws.tables.add(ws.getRange(a1Range(t.row, t.column, t.rowCount, t.columnCount)), true);
    table.name = t.name;
    table.style = t.style ?? DEFAULT_TABLE_STYLE;
  }
}

function writeSheetStructure(ws: Excel.Worksheet, sp: SheetPlan): void {
  if (sp.freeze) {
    if (sp.freeze.columns)
      ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, sp.freeze.rows, sp.freeze.columns));
    else ws.freezePanes.freezeRows(sp.freeze.rows);
  }
  if (sp.printArea) ws.pageLayout.setPrintArea(sp.printArea);
  sp.columnWidths?.forEach((width, column) => {
    ws.getRangeByIndexes(0, column, 1, 1).format.columnWidth = width;
  });
  if (sp.hideGridlines) ws.showGridlines = false;
  for (const spec of sp.charts ?? []) {
    // Series by columns: the data block's first column is the categories, each other column a series.
    const chart = ws.charts.add(spec.kind as Excel.ChartType, ws.getRange(spec.source), "Columns");
    chart.name = spec.name;
    chart.title.text = spec.title;
    chart.legend.visible = spec.legend ?? false;
    chart.setPosition(spec.topLeft, spec.bottomRight);
  }
  for (const spec of sp.conditionalFormats ?? []) {
    // ExcelApi 1.6. The sheet was just created or cleared with clear("All"), which removes the
    // conditional formats an earlier run added, so a re-run never stacks rules.
    const format = ws.getRange(spec.address).conditionalFormats.add("Custom");
    format.custom.rule.formula = spec.formula;
    format.custom.format.fill.color = spec.fill;
    if (spec.fontColor) format.custom.format.font.color = spec.fontColor;
    if (spec.bold) format.custom.format.font.bold = true;
  }
}
