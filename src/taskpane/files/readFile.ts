/**
 * Reading a file the user picked (a vendor's bid, a budget, open POs): CSV with papaparse, XLSX
 * with the pane's own streaming reader (xlsx.ts), which is loaded only when an .xlsx is opened
 * (a dynamic import, its own chunk), so it costs nothing in the pane's first load.
 *
 * Every cell comes back as the file holds it: CSV cells as text (numbers are parsed later by the
 * engine's parseNumericText, exactly), XLSX numbers as numbers, booleans as booleans, dates as ISO
 * text. Nothing here decides what a cell means.
 */
import Papa from "papaparse";
import { ProdError } from "../../engine/errors";

/** A cell of a picked file. */
export type FileCell = string | number | boolean | null;

/** One sheet of a file (a CSV has one). */
export interface FileSheet {
  readonly name: string;
  readonly rows: FileCell[][];
}

/** A file's sheets. */
export interface SheetFile {
  readonly fileName: string;
  readonly sheets: FileSheet[];
}

/**
 * A file the pane cannot read, with what to do about it. A bad file is the user's input, not a
 * fault of the pane: it is shown as what to fix (shell/messages.ts), never "please report it"
 * (issue 17: a corrupt .xlsx was).
 */
export class FileReadError extends ProdError {
  constructor(message: string) {
    super("invalid", message);
  }
}

/** What kind of file a name is, by its extension. */
export function fileKind(fileName: string): "csv" | "xlsx" | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "csv" || ext === "txt" || ext === "tsv") return "csv";
  if (ext === "xlsx" || ext === "xlsm") return "xlsx";
  return undefined;
}

/**
 * The delimiter of CSV text (comma, tab, semicolon or bar), from its first lines: the one under
 * which most rows share the same field count (more than one field). A real delimiter splits every
 * row alike; a comma inside a tab file's amounts ("1,250.00") or descriptions splits only some
 * rows, so it loses even when it happens to give as many fields. papaparse's own guess picks the
 * comma for such a tab file. A tie goes to the delimiter that splits rows into more fields, then
 * to the comma.
 */
export function detectDelimiter(text: string): string {
  const head = text.slice(0, 64 * 1024);
  let best = { delimiter: ",", rows: 0, fields: 1 };
  for (const delimiter of [",", "\t", ";", "|"]) {
    const parsed = Papa.parse<string[]>(head, { preview: 12, delimiter, skipEmptyLines: true }).data;
    const counts = new Map<number, number>();
    for (const row of parsed) if (row.length > 1) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    for (const [fields, rows] of counts) {
      if (rows > best.rows || (rows === best.rows && fields > best.fields))
        best = { delimiter, rows, fields };
    }
  }
  return best.delimiter;
}

/** Parses CSV (or tab-separated) text into rows of text cells; the delimiter is detected. */
export function parseCsv(text: string): FileCell[][] {
  // A UTF-8 byte-order mark (Excel's "CSV UTF-8") is not part of the first header. Text decoded
  // here (readSheetFile) has none, but callers may pass text from elsewhere.
  const body = text.replace(/^\uFEFF/, "");
  const result = Papa.parse<string[]>(body, {
    delimiter: detectDelimiter(body),
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  const rows = result.data.map((row) => row.map((cell): FileCell => cell));
  // papaparse leaves one empty row for a final newline.
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === "")) rows.pop();
  return rows;
}

/** The workbook reader, loaded on first use (its own chunk). */
export const loadXlsxReader = () => import(/* webpackChunkName: "xlsx-reader" */ "./xlsx");

/** The message for an .xlsx the reader cannot use. */
export function unreadableWorkbook(fileName: string, why: string): FileReadError {
  return new FileReadError(
    `"${fileName}" could not be read as an Excel workbook: ${why}. ` +
      "Open it in Excel and save it as .xlsx or CSV, then try again.",
  );
}

/**
 * Reads a picked file's visible sheets (hidden sheets are left out, as the user cannot see them).
 *
 * @param fileName - the file's name (its extension decides CSV or XLSX)
 * @param data - its bytes
 * @throws FileReadError for a file type the pane does not read, or an .xlsx that is not one
 */
export async function readSheetFile(fileName: string, data: ArrayBuffer): Promise<SheetFile> {
  const kind = fileKind(fileName);
  if (kind === "csv") {
    const text = new TextDecoder("utf-8").decode(data);
    return { fileName, sheets: [{ name: fileName.replace(/\.[^.]+$/, ""), rows: parseCsv(text) }] };
  }
  if (kind === "xlsx") {
    const { XlsxWorkbook, XlsxError } = await loadXlsxReader();
    try {
      const book = XlsxWorkbook.open(data);
      const visible = book.sheets.map((s, i) => ({ ...s, index: i })).filter((s) => !s.hidden);
      const sheets: FileSheet[] = [];
      for (const sheet of visible) {
        const rows: FileCell[][] = [];
        await book.readSheet(sheet.index, { onRows: (batch) => rows.push(...batch) });
        sheets.push({ name: sheet.name, rows });
      }
      return { fileName, sheets };
    } catch (e) {
      if (e instanceof XlsxError) throw unreadableWorkbook(fileName, e.message);
      throw e;
    }
  }
  throw new FileReadError(
    `"${fileName}" is not a CSV or .xlsx file. Save it from Excel as .xlsx or CSV (a PDF quote has to be typed or pasted into a sheet first).`,
  );
}
