/**
 * A streaming reader for the values of an .xlsx workbook (ECMA-376 Part 1, SpreadsheetML).
 *
 * Why not a library: a season's general-ledger export runs to hundreds of thousands of rows
 * (a 60-100 MB sheet part). The readers on the npm registry parse a sheet in one synchronous
 * call, which holds the task pane (and, in the shared runtime, every PROD formula) for seconds
 * with no progress and no Cancel. This reader inflates the sheet part in slices (zip.ts), cuts
 * complete `<row>` elements out of the text as it arrives, and gives the event loop back between
 * slices, so the pane shows progress and Cancel works, as it does for a CSV ledger.
 *
 * It reads values only, as the file holds them, and decides nothing about what they mean:
 * - numbers as numbers; shared and inline strings as text, exactly (rich-text runs joined,
 *   phonetic guides left out, `_xHHHH_` escapes and XML entities decoded);
 * - booleans as booleans; error cells as their text ("#N/A"); a formula as its cached value;
 * - a number in a date format as ISO text: "2026-11-02", or "2026-11-02T14:30:00" with a time of
 *   day. The 1904 date system and Excel's 1900 leap-year bug are honoured. A time-only format
 *   (h:mm) stays a number, the fraction of a day.
 * - trailing empty cells of a row and trailing empty rows of a sheet are left off; an empty row
 *   in the middle is an empty array, so row numbers match Excel's.
 *
 * The format's element names are matched with or without a namespace prefix (the Open XML SDK
 * writes `<x:row>`).
 */
import { serialToIso } from "../../engine/weeklyCostReport";
import { throwIfCancelled, yieldToPane } from "./cancel";
import type { FileCell } from "./readFile";
import { readEntry, streamEntry, zipEntries, ZipError, type ZipEntry } from "./zip";

export { ZipError as XlsxError };

/** A worksheet of the workbook, in the workbook's tab order. */
export interface XlsxSheet {
  readonly name: string;
  readonly hidden: boolean;
}

/** How to read a sheet. */
export interface SheetReadOptions {
  /** Receives the rows in batches, with the 0-based row index of the batch's first row. */
  onRows(rows: FileCell[][], firstRow: number): void;
  /** Stop after this many rows (blank rows included): for a preview. */
  maxRows?: number;
  signal?: AbortSignal;
  /** 0..1, by the compressed bytes read so far. */
  onProgress?(fraction: number): void;
  /** Compressed bytes inflated at a time (64 KB: about a millisecond of work). */
  sliceBytes?: number;
  /** How long the reader may hold the thread before it yields. @default 30 ms */
  holdMs?: number;
}

const UTF8 = new TextDecoder("utf-8");
const text = (bytes: Uint8Array) => UTF8.decode(bytes);

// A tag name with an optional namespace prefix.
const P = "(?:[\\w.-]+:)?";

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
// ECMA-376 Part 1, 22.9.2.19 ST_Xstring: a character XML cannot hold is written `_xHHHH_`
// (Excel writes a carriage return as `_x000D_`); `_x005F_` escapes a literal underscore.
const XSTRING_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

/** Text content of XML, decoded. */
function decodeText(raw: string): string {
  let s = raw;
  if (s.includes("&")) {
    s = s.replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
      name ? NAMED[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex ?? "0", 16)),
    );
  }
  if (s.includes("_x"))
    s = s.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return s;
}

/** Attributes of a start tag, by local name (a prefix such as `r:` is dropped). */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const local = m[1].slice(m[1].indexOf(":") + 1);
    out[local] = decodeText(m[2] ?? m[3]);
  }
  return out;
}

const PHONETIC = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, "g");
const TEXT_RUN = new RegExp(`<${P}t(?:\\s[^>]*)?>([\\s\\S]*?)</${P}t>`, "g");

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs joined, phonetic guides left out. */
function stringItemText(xml: string): string {
  const body = xml.includes("rPh") ? xml.replace(PHONETIC, "") : xml;
  let out = "";
  for (const m of body.matchAll(TEXT_RUN)) out += m[1];
  return decodeText(out);
}

/**
 * Cuts complete `<tag>...</tag>` (or `<tag/>`) elements out of XML text that arrives in pieces,
 * keeping the unfinished tail for the next piece.
 */
class ElementCutter {
  private readonly element: RegExp;
  private readonly start: RegExp;
  private readonly decoder = new TextDecoder("utf-8");
  private tail = "";

  constructor(
    tag: string,
    private readonly onElement: (element: string) => void,
  ) {
    this.element = new RegExp(`<${P}${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${P}${tag}>)`, "g");
    this.start = new RegExp(`<${P}${tag}\\b`, "g");
  }

  push(bytes: Uint8Array, final: boolean): void {
    const xml = this.tail + this.decoder.decode(bytes, { stream: !final });
    this.element.lastIndex = 0;
    let end = 0;
    for (let m = this.element.exec(xml); m; m = this.element.exec(xml)) {
      this.onElement(m[0]);
      end = this.element.lastIndex;
    }
    if (final) {
      this.tail = "";
      return;
    }
    // Keep the unfinished element, or else a tag cut off at the end of this piece; the text
    // between elements is not needed.
    this.start.lastIndex = end;
    const unfinished = this.start.exec(xml);
    this.tail = xml.slice(unfinished ? unfinished.index : Math.max(end, xml.lastIndexOf("<")));
  }
}

// Built-in number formats that show a date (ECMA-376 Part 1, 18.8.30 numFmt; 27-36 and 50-58
// are the East Asian date formats). 18-21 and 45-47 are times only, so they stay numbers.
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/**
 * Whether a format code shows a date: after dropping quoted text, escaped characters and
 * bracketed parts ([Red], [$-409], and [h] elapsed time), it has a day, year or month-name part.
 * "m" alone is left out: it is minutes in h:mm.
 */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "");
  return /[dy]|mmm/i.test(bare);
}

/** Which cell styles (the `s` index into cellXfs) show dates. */
function dateStyles(stylesXml: string | undefined): Set<number> {
  const styles = new Set<number>();
  if (!stylesXml) return styles;
  const custom = new Map<number, string>();
  // Only the workbook's own formats: a conditional format's <dxf> can carry a numFmt with the
  // same id.
  const numFmts = new RegExp(`<${P}numFmts\\b[^>]*>([\\s\\S]*?)</${P}numFmts>`).exec(stylesXml)?.[1] ?? "";
  for (const m of numFmts.matchAll(new RegExp(`<${P}numFmt\\b[^>]*>`, "g"))) {
    const a = attributes(m[0]);
    custom.set(Number(a.numFmtId), a.formatCode ?? "");
  }
  const xfs = new RegExp(`<${P}cellXfs\\b[^>]*>([\\s\\S]*?)</${P}cellXfs>`).exec(stylesXml)?.[1] ?? "";
  let index = 0;
  for (const m of xfs.matchAll(new RegExp(`<${P}xf\\b[^>]*>`, "g"))) {
    const id = Number(attributes(m[0]).numFmtId ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) styles.add(index);
    index++;
  }
  return styles;
}

const MS_PER_DAY = 86_400_000;
// Days from 1904-01-01 (serial 0 in the 1904 system) to the same date in the 1900 system.
const DAYS_1904 = 1462;

/**
 * A date cell's serial as ISO text. In the 1900 system Excel counts a 29 February 1900 that never
 * was (serial 60, kept for Lotus 1-2-3), so serials before it are one day later than a real
 * calendar count (ECMA-376 Part 1, 18.17.4.1).
 */
export function serialDateText(serial: number, date1904: boolean): FileCell {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return serial;
  let s = date1904 ? serial + DAYS_1904 : serial;
  if (!date1904 && s < 61) {
    if (Math.floor(s) === 60) return "1900-02-29";
    s += 1;
  }
  let day = Math.floor(s);
  let ms = Math.round(((s - day) * MS_PER_DAY) / 1000) * 1000;
  if (ms >= MS_PER_DAY) {
    day += 1;
    ms = 0;
  }
  const date = serialToIso(day);
  return ms === 0 ? date : `${date}T${new Date(ms).toISOString().slice(11, 19)}`;
}

/** The 0-based column of a cell reference: "AB12" -> 27. */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const letter = ref.charCodeAt(i) - 64;
    if (letter < 1 || letter > 26) break;
    n = n * 26 + letter;
  }
  return n - 1;
}

const ROW_NUMBER = /\br\s*=\s*["'](\d+)["']/;
const CELL = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, "g");
// A cell's reference (its column letters), type and style.
const CELL_ATTRIBUTE = /(?:^|\s)([rts])\s*=\s*["']([^"']*)["']/g;
const VALUE = new RegExp(`<${P}v(?:\\s[^>]*)?>([\\s\\S]*?)</${P}v>`);
const INLINE = new RegExp(`<${P}is\\b[\\s\\S]*?</${P}is>`);

/**
 * How long the reader holds the thread before giving the pane its turn: short enough that typing
 * and Cancel stay responsive, long enough that the yields (at least 4 ms each in a browser) cost
 * little.
 */
const HOLD_MS = 30;

/** A shared string by its index, for the cell at `col` of a row being built. */
type SharedLookup = (index: number, cells: FileCell[], col: number) => FileCell;

/** A shared-string cell's value (its `<v>` is the string's index). */
function sharedValue(inner: string, lookup: SharedLookup, cells: FileCell[], col: number): FileCell {
  const raw = VALUE.exec(inner)?.[1];
  return raw === undefined || raw.trim() === "" ? null : lookup(Number(raw), cells, col);
}

/** Stops a read early (enough rows for a preview). */
class Enough extends Error {}

/** Resolves a relationship target against the part that owns it. */
function resolvePath(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

/** An .xlsx workbook opened for reading its sheets' values. */
export class XlsxWorkbook {
  private sharedStrings: string[] | undefined;
  private readonly dates = new Map<number, FileCell>();

  private constructor(
    /** The file's bytes, as opened. */
    readonly bytes: Uint8Array,
    private readonly entries: Map<string, ZipEntry>,
    private readonly sheetParts: string[],
    readonly sheets: readonly XlsxSheet[],
    private readonly sharedStringsPart: string | undefined,
    private readonly dateStyleIndexes: Set<number>,
    private readonly date1904: boolean,
  ) {}

  /**
   * Opens a workbook: reads its table of contents, sheet list, relationships and styles (all
   * small). Sheets are read later, one at a time.
   *
   * @throws ZipError (exported as XlsxError) when the bytes are not a workbook this reader can use
   */
  static open(data: ArrayBuffer | Uint8Array): XlsxWorkbook {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (
      bytes.length >= 4 &&
      bytes[0] === 0xd0 &&
      bytes[1] === 0xcf &&
      bytes[2] === 0x11 &&
      bytes[3] === 0xe0
    ) {
      throw new ZipError("it is password-protected or an old-style .xls workbook");
    }
    const entries = zipEntries(bytes);
    const byLowerName = new Map([...entries.values()].map((e) => [e.name.toLowerCase(), e]));
    const find = (path: string) => entries.get(path) ?? byLowerName.get(path.toLowerCase());
    const partText = (path: string) => {
      const entry = find(path);
      return entry ? text(readEntry(bytes, entry)) : undefined;
    };
    const relationships = (owner: string) => {
      const slash = owner.lastIndexOf("/");
      const relsPath = `${owner.slice(0, slash + 1)}_rels/${owner.slice(slash + 1)}.rels`;
      const xml = partText(relsPath) ?? "";
      return [...xml.matchAll(new RegExp(`<${P}Relationship\\b[^>]*>`, "g"))].map((m) => attributes(m[0]));
    };

    const officeDocument = relationships("")
      .find((r) => r.Type?.endsWith("/officeDocument"))
      ?.Target?.replace(/^\//, "");
    const workbookPath = officeDocument ?? "xl/workbook.xml";
    const workbookXml = partText(workbookPath);
    if (workbookXml === undefined)
      throw new ZipError("it has no workbook part (is it really an .xlsx file?)");
    const rels = relationships(workbookPath);
    const target = (r: Record<string, string> | undefined) =>
      r?.Target ? resolvePath(workbookPath, r.Target) : undefined;

    const sheets: XlsxSheet[] = [];
    const sheetParts: string[] = [];
    for (const m of workbookXml.matchAll(new RegExp(`<${P}sheet\\b[^>]*>`, "g"))) {
      const a = attributes(m[0]);
      const rel = rels.find((r) => r.Id === a.id);
      // A chart sheet or dialog sheet, or a dangling entry: no cells to read.
      const path = rel?.Type?.endsWith("/worksheet") ? target(rel) : undefined;
      if (!path || !find(path)) continue;
      sheets.push({
        name: a.name ?? `Sheet${sheets.length + 1}`,
        hidden: a.state === "hidden" || a.state === "veryHidden",
      });
      sheetParts.push(find(path)!.name);
    }
    const pr = new RegExp(`<${P}workbookPr\\b[^>]*>`).exec(workbookXml);
    const date1904 = pr ? /^(1|true)$/.test(attributes(pr[0]).date1904 ?? "") : false;
    const sharedPath =
      target(rels.find((r) => r.Type?.endsWith("/sharedStrings"))) ??
      resolvePath(workbookPath, "sharedStrings.xml");
    const stylesPath =
      target(rels.find((r) => r.Type?.endsWith("/styles"))) ?? resolvePath(workbookPath, "styles.xml");
    return new XlsxWorkbook(
      bytes,
      entries,
      sheetParts,
      sheets,
      find(sharedPath)?.name,
      dateStyles(partText(stylesPath)),
      date1904,
    );
  }

  /**
   * Reads a sheet's rows in batches, giving the event loop back between slices of the file.
   *
   * @throws PortError ("cancelled") when the signal aborts; ZipError when the file is damaged
   */
  async readSheet(index: number, options: SheetReadOptions): Promise<void> {
    const part = this.sheetParts[index];
    if (part === undefined) throw new RangeError(`no sheet ${index}`);
    const sheetEntry = this.entries.get(part)!;
    const stringsEntry = this.sharedStringsPart ? this.entries.get(this.sharedStringsPart) : undefined;
    const stringsLeft = this.sharedStrings === undefined && stringsEntry ? stringsEntry.compressedSize : 0;
    const total = Math.max(1, stringsLeft + sheetEntry.compressedSize);
    // After a slice, once the thread has been held for holdMs (and at the end): progress
    // by compressed bytes read, the pane's turn, then Cancel.
    let heldSince = performance.now();
    const between = async (bytesRead: number, last = false) => {
      if (!last && performance.now() - heldSince < (options.holdMs ?? HOLD_MS)) return;
      options.onProgress?.(Math.min(1, bytesRead / total));
      await yieldToPane();
      throwIfCancelled(options.signal);
      heldSince = performance.now();
    };

    throwIfCancelled(options.signal);
    // A preview (the first rows, to find the header) reads only the shared strings those rows
    // use, from the start of the table: a 250k-line ledger's table can hold 250k strings.
    const preview = options.maxRows !== undefined && this.sharedStrings === undefined;
    if (!preview && this.sharedStrings === undefined) {
      this.sharedStrings = await this.readStrings(Infinity, between, options.sliceBytes);
    }
    const shared = this.sharedStrings ?? [];
    const pending: { cells: FileCell[]; col: number; index: number }[] = [];
    const lookup: SharedLookup = preview
      ? (index, cells, col) => {
          pending.push({ cells, col, index });
          return ""; // filled in below
        }
      : (index) => shared[index] ?? null;

    let batch: FileCell[][] = [];
    let batchStart = 0;
    let nextRow = 0;
    const limit = options.maxRows ?? Infinity;
    const flush = () => {
      if (batch.length > 0) options.onRows(batch, batchStart);
      batch = [];
      batchStart = nextRow;
    };
    const cutter = new ElementCutter("row", (rowXml) => {
      const open = rowXml.slice(0, rowXml.indexOf(">") + 1);
      const numbered = ROW_NUMBER.exec(open);
      const at = numbered ? Number(numbered[1]) - 1 : nextRow;
      const cells = this.rowCells(rowXml, lookup);
      if (cells.length === 0) return; // an empty row is written only when a later row needs it
      const index = Math.max(at, nextRow);
      while (nextRow < index && nextRow < limit) {
        batch.push([]);
        nextRow++;
      }
      if (nextRow >= limit) throw new Enough();
      batch.push(cells);
      nextRow++;
      if (nextRow >= limit) throw new Enough();
    });
    try {
      await streamEntry(
        this.bytes,
        sheetEntry,
        (c, f) => cutter.push(c, f),
        async (fraction) => {
          if (!preview) flush();
          await between(stringsLeft + fraction * sheetEntry.compressedSize, fraction === 1);
        },
        options.sliceBytes,
      );
    } catch (e) {
      if (!(e instanceof Enough)) throw e;
    }
    if (pending.length > 0) {
      const strings = await this.readStrings(
        Math.max(...pending.map((p) => p.index)) + 1,
        between,
        options.sliceBytes,
      );
      for (const p of pending) p.cells[p.col] = strings[p.index] ?? null;
    }
    flush();
  }

  /** The first `count` strings of the shared-string table (all of them for Infinity). */
  private async readStrings(
    count: number,
    between: (bytesRead: number) => Promise<void>,
    sliceBytes: number | undefined,
  ): Promise<string[]> {
    const entry = this.sharedStringsPart ? this.entries.get(this.sharedStringsPart) : undefined;
    const strings: string[] = [];
    if (!entry) return strings;
    const cutter = new ElementCutter("si", (si) => {
      strings.push(stringItemText(si));
      if (strings.length >= count) throw new Enough();
    });
    try {
      await streamEntry(
        this.bytes,
        entry,
        (c, f) => cutter.push(c, f),
        (fraction) => between(fraction * entry.compressedSize),
        sliceBytes,
      );
    } catch (e) {
      if (!(e instanceof Enough)) throw e;
    }
    return strings;
  }

  /** A row's cells, trailing empty cells left off. */
  private rowCells(rowXml: string, lookup: SharedLookup): FileCell[] {
    const cells: FileCell[] = [];
    let col = 0;
    CELL.lastIndex = 0;
    for (let m = CELL.exec(rowXml); m; m = CELL.exec(rowXml)) {
      let ref: string | undefined;
      let type = "n";
      let style = 0; // ECMA-376 Part 1, 18.3.1.4: s defaults to 0
      CELL_ATTRIBUTE.lastIndex = 0;
      for (let a = CELL_ATTRIBUTE.exec(m[1]); a; a = CELL_ATTRIBUTE.exec(m[1])) {
        if (a[1] === "r") ref = a[2];
        else if (a[1] === "t") type = a[2];
        else style = Number(a[2]);
      }
      const at = ref ? columnIndex(ref) : -1;
      if (at >= 0) col = at;
      const value =
        type === "s" ? sharedValue(m[2] ?? "", lookup, cells, col) : this.cellValue(type, style, m[2] ?? "");
      if (value !== null) {
        while (cells.length < col) cells.push(null);
        cells[col] = value;
      }
      col++;
    }
    return cells;
  }

  private cellValue(type: string, style: number, inner: string): FileCell {
    if (type === "inlineStr") {
      const inline = INLINE.exec(inner);
      return inline ? stringItemText(inline[0]) : null;
    }
    const raw = VALUE.exec(inner)?.[1];
    // No value, or an empty one (some writers emit <v></v> for a blank): an empty cell.
    if (raw === undefined || (raw.trim() === "" && type !== "str")) return null;
    switch (type) {
      case "str":
      case "e":
        return decodeText(raw);
      case "b":
        return raw.trim() === "1" || raw.trim() === "true";
      case "d":
        return decodeText(raw).trim();
      default: {
        const n = Number(raw);
        if (!Number.isFinite(n)) return decodeText(raw);
        return this.dateStyleIndexes.has(style) ? this.dateText(n) : n;
      }
    }
  }

  /** A date cell's text; whole days are cached, as a ledger repeats a few hundred dates. */
  private dateText(serial: number): FileCell {
    if (!Number.isInteger(serial)) return serialDateText(serial, this.date1904);
    let text = this.dates.get(serial);
    if (text === undefined) {
      text = serialDateText(serial, this.date1904);
      this.dates.set(serial, text);
    }
    return text;
  }
}
