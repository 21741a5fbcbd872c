/**
 * Reading a general-ledger export without freezing the pane. A season's GL detail runs to
 * hundreds of thousands of lines (tens of MB of CSV); parsing it in one go would hold Excel's
 * task pane for seconds. The CSV is parsed in chunks with papaparse, each chunk mapped to ledger
 * lines by the engine and the event loop given back between chunks, so progress shows and Cancel
 * works. An .xlsx sheet is streamed the same way (files/xlsx.ts), and a grid (a sheet) is mapped
 * in slices.
 */
import Papa from "papaparse";
import {
  ledgerReader,
  type LedgerColumns,
  type MappedLedger,
  type Mapping,
} from "../../engine/weeklyCostReport";
import { cancelledError, throwIfCancelled, yieldToPane } from "../files/cancel";
import { detectDelimiter, type FileCell } from "../files/readFile";
import type { XlsxWorkbook } from "../files/xlsx";

/**
 * A ledger the user picked: a CSV file (the picked file itself, with the start of its text for
 * the preview: the whole file is read and decoded only when its lines are read, in the report
 * worker), a sheet of an .xlsx file (the picked file, opened, with its first rows read for the
 * preview), or cells from a sheet of the workbook. A picked file is a Blob: a worker is handed it
 * without a copy (HTML Living Standard, "StructuredSerialize": a Blob's data is shared).
 */
export type LedgerSource =
  | { kind: "csv"; name: string; file: Blob; head: string }
  | { kind: "xlsx"; name: string; file: Blob; book: XlsxWorkbook; sheet: number; preview: FileCell[][] }
  | { kind: "grid"; name: string; rows: readonly (readonly unknown[])[] };

/** A ledger to read in full: an .xlsx workbook, open, needs no preview rows or file any more. */
export type ImportableLedger =
  Exclude<LedgerSource, { kind: "xlsx" }> | Omit<Extract<LedgerSource, { kind: "xlsx" }>, "preview" | "file">;

/** Progress of an import, in plain words for the pane's progress bar. */
export interface ImportProgress {
  /** 0..1 */
  fraction: number;
  label: string;
}

/** Options of a long import. */
export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

const CHUNK_BYTES = 1 << 20;
const SLICE_ROWS = 20_000;
/** How many rows are read to find the header and show the columns. */
export const PREVIEW_ROWS = 200;
/** How much of a CSV file's text the preview reads. */
const PREVIEW_CHARS = 256 * 1024;

/** A CSV file's text. TextDecoder drops a UTF-8 byte-order mark (Excel's "CSV UTF-8"). */
const csvText = async (file: Blob): Promise<string> =>
  new TextDecoder("utf-8").decode(await file.arrayBuffer());

/**
 * The start of a CSV file's text, at least PREVIEW_CHARS of it: only the first 4 bytes a character
 * (UTF-8's longest) are read and decoded, so picking a file of tens of MB does not hold the pane.
 * A character cut at the end is left out (a streaming decode keeps it for a next call never made).
 */
export async function csvHead(file: Blob): Promise<string> {
  const head = file.slice(0, 4 * PREVIEW_CHARS);
  return new TextDecoder("utf-8").decode(await head.arrayBuffer(), { stream: head.size < file.size });
}

/** The first rows of a ledger, for finding its header and mapping its columns. */
export function previewRows(source: LedgerSource): unknown[][] {
  if (source.kind === "grid") return source.rows.slice(0, PREVIEW_ROWS).map((r) => [...r]);
  if (source.kind === "xlsx") return source.preview;
  const { head } = source;
  return Papa.parse<string[]>(head.slice(0, PREVIEW_CHARS), {
    preview: PREVIEW_ROWS,
    delimiter: detectDelimiter(head),
  }).data;
}

/**
 * Reads every ledger line through the confirmed mapping (its header row, formats and columns):
 * the engine's ledger reader takes the file a chunk at a time, in order, so total lines and the
 * export's control total are found wherever they are. Throws PortError ("cancelled") when the
 * signal aborts.
 */
export async function importLedger(
  source: ImportableLedger,
  mapping: Omit<Mapping<LedgerColumns>, "rowOffset">,
  options: ImportOptions = {},
): Promise<MappedLedger> {
  const reader = ledgerReader(mapping);
  const check = () => throwIfCancelled(options.signal);

  if (source.kind === "grid") {
    for (let start = 0; start < source.rows.length; start += SLICE_ROWS) {
      check();
      const slice = source.rows.slice(start, start + SLICE_ROWS);
      reader.take(slice, start);
      options.onProgress?.({
        fraction: Math.min(1, (start + slice.length) / Math.max(1, source.rows.length)),
        label: `Reading ${source.name}: ${(start + slice.length).toLocaleString("en-US")} rows`,
      });
      await yieldToPane();
    }
    check();
    return reader.finish();
  }

  if (source.kind === "xlsx") {
    let rowsSoFar = 0;
    await source.book.readSheet(source.sheet, {
      onRows: (rows, first) => {
        reader.take(rows, first);
        rowsSoFar = first + rows.length;
      },
      signal: options.signal,
      onProgress: (fraction) =>
        options.onProgress?.({
          fraction,
          label: `Reading ${source.name}: ${rowsSoFar.toLocaleString("en-US")} rows`,
        }),
    });
    return reader.finish();
  }

  const text = await csvText(source.file);
  const delimiter = detectDelimiter(text);
  let rowsSoFar = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(text, {
      delimiter,
      chunkSize: CHUNK_BYTES,
      chunk(result: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        try {
          if (options.signal?.aborted) {
            parser.abort();
            reject(cancelledError());
            return;
          }
          const rows = result.data;
          reader.take(rows, rowsSoFar);
          rowsSoFar += rows.length;
          options.onProgress?.({
            fraction: Math.min(1, result.meta.cursor / Math.max(1, text.length)),
            label: `Reading ${source.name}: ${rowsSoFar.toLocaleString("en-US")} rows`,
          });
          parser.pause();
          setTimeout(() => parser.resume(), 0);
        } catch (e) {
          parser.abort();
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
  check();
  return reader.finish();
}
