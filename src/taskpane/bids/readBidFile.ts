/**
 * Reading a vendor's bid file the user picked: CSV with papaparse, XLSX with read-excel-file.
 *
 * read-excel-file is loaded only when an .xlsx is opened (a dynamic import, its own chunk), so it
 * costs nothing in the pane's first load. It was chosen over the alternatives because it is
 * maintained (releases through 2026), reads values only (what a bid needs) and is small (fflate +
 * a SAX parser); exceljs (last release 4.4.0 in 2023) is several times larger and writes too, and
 * SheetJS's npm package `xlsx` stopped at 0.18.5 with known advisories (its newer releases are
 * published only outside the npm registry).
 *
 * Every cell comes back as the file holds it: CSV cells as text (numbers are parsed later by the
 * engine's parseNumericText, exactly), XLSX numbers as numbers, booleans as booleans, dates as ISO
 * text. Nothing here decides what a cell means.
 */
import Papa from "papaparse";

/** A cell of a bid file. */
export type FileCell = string | number | boolean | null;

/** One sheet of a bid file (a CSV has one). */
export interface BidSheet {
  readonly name: string;
  readonly rows: FileCell[][];
}

/** A bid file's sheets. */
export interface BidFile {
  readonly fileName: string;
  readonly sheets: BidSheet[];
}

/** A file the pane cannot read, with what to do about it. */
export class BidFileError extends Error {
  override readonly name = "BidFileError";
}

/** What kind of file a name is, by its extension. */
export function fileKind(fileName: string): "csv" | "xlsx" | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "csv" || ext === "txt" || ext === "tsv") return "csv";
  if (ext === "xlsx" || ext === "xlsm") return "xlsx";
  return undefined;
}

/** Parses CSV (or tab-separated) text into rows of text cells; the delimiter is detected. */
export function parseCsv(text: string): FileCell[][] {
  // A UTF-8 byte-order mark (Excel's "CSV UTF-8") is not part of the first header.
  const body = text.replace(/^\uFEFF/, "");
  const result = Papa.parse<string[]>(body, { skipEmptyLines: false, dynamicTyping: false });
  const rows = result.data.map((row) => row.map((cell): FileCell => cell));
  // papaparse leaves one empty row for a final newline.
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === "")) rows.pop();
  return rows;
}

/** A cell from read-excel-file as a file cell: a date becomes ISO text (yyyy-mm-dd). */
function xlsxCell(value: unknown): FileCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

/**
 * Reads a bid file's sheets.
 *
 * @param fileName - the file's name (its extension decides CSV or XLSX)
 * @param data - its bytes
 * @throws BidFileError for a file type the pane does not read, or an .xlsx that is not one
 */
export async function readBidFile(fileName: string, data: ArrayBuffer): Promise<BidFile> {
  const kind = fileKind(fileName);
  if (kind === "csv") {
    const text = new TextDecoder("utf-8").decode(data);
    return { fileName, sheets: [{ name: fileName.replace(/\.[^.]+$/, ""), rows: parseCsv(text) }] };
  }
  if (kind === "xlsx") {
    const { default: readXlsxFile } = await import(
      /* webpackChunkName: "xlsx-reader" */ "read-excel-file/browser"
    );
    let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
    try {
      sheets = await readXlsxFile(data);
    } catch (e) {
      throw new BidFileError(
        `"${fileName}" could not be read as an Excel workbook (${e instanceof Error ? e.message : String(e)}). ` +
          "Open it in Excel and save it as .xlsx or CSV, then try again.",
      );
    }
    return {
      fileName,
      sheets: sheets.map((s) => ({ name: s.sheet, rows: s.data.map((row) => row.map(xlsxCell)) })),
    };
  }
  throw new BidFileError(
    `"${fileName}" is not a CSV or .xlsx file. Save the bid from Excel as .xlsx or CSV (a PDF quote has to be typed or pasted into a sheet first).`,
  );
}
