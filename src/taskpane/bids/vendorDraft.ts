/**
 * A vendor being set up in the Bids panel: where its bid came from, the column mapping, the
 * lines read and the rows left out, and its terms as typed. Plain data and pure functions, so the
 * panel's steps are tested without rendering.
 */
import {
  findHeaderRow,
  guessMapping,
  readBidRows,
  type BidLine,
  type ColumnMapping,
  type RowProblem,
  type TermsText,
} from "../../engine/bids";
import type { MappingStore } from "./mappingStore";

/** One sheet of a vendor's source (a CSV or a workbook range has one). */
export interface SourceSheet {
  readonly name: string;
  readonly rows: readonly (readonly unknown[])[];
  /** The 1-based row number of `rows[0]` as the user sees it. */
  readonly firstRowNumber: number;
}

/** A vendor in the panel. */
export interface VendorDraft {
  readonly id: string;
  readonly name: string;
  /** Where the bid came from: a file name, a range, a table. */
  readonly source: string;
  readonly sheets: readonly SourceSheet[];
  readonly sheetIndex: number;
  /** Index in the sheet's rows of the header row; -1 when the sheet is empty. */
  readonly headerRow: number;
  readonly mapping: ColumnMapping;
  /** True once the mapping is confirmed (or was remembered) and the rows are read. */
  readonly mapped: boolean;
  /** True when the mapping came from an earlier file of the same layout. */
  readonly remembered: boolean;
  readonly lines: readonly BidLine[];
  readonly problems: readonly RowProblem[];
  readonly terms: TermsText;
}

/** Terms a new vendor starts with: no weekly deal, nothing added. */
export const BLANK_TERMS: TermsText = {
  weekDays: "7",
  discount: "",
  lossDamage: "",
  taxRate: "",
  delivery: "",
  pickup: "",
  taxableByDefault: true,
};

/** The header row's cells of the draft's current sheet ([] when empty). */
export function draftHeaders(draft: VendorDraft): readonly unknown[] {
  const sheet = draft.sheets[draft.sheetIndex];
  return draft.headerRow >= 0 && sheet ? sheet.rows[draft.headerRow] : [];
}

/** Reads the rows under the header with the draft's mapping. */
function readRows(draft: VendorDraft): VendorDraft {
  const sheet = draft.sheets[draft.sheetIndex];
  const { lines, problems } = readBidRows(
    sheet.rows.slice(draft.headerRow + 1),
    draft.mapping,
    sheet.firstRowNumber + draft.headerRow + 1,
  );
  return { ...draft, lines, problems, mapped: true };
}

/**
 * Points the draft at one of its sheets: finds the header row, and takes the remembered mapping
 * for that layout (rows read at once) or a guess from the headers (waiting for the user).
 */
export function selectSheet(draft: VendorDraft, sheetIndex: number, store: MappingStore): VendorDraft {
  const sheet = draft.sheets[sheetIndex];
  const headerRow = sheet ? findHeaderRow(sheet.rows) : -1;
  const base: VendorDraft = {
    ...draft,
    sheetIndex,
    headerRow,
    mapping: {},
    mapped: false,
    remembered: false,
    lines: [],
    problems: [],
  };
  if (headerRow < 0) return base;
  const headers = sheet.rows[headerRow];
  const remembered = store.get(headers);
  if (remembered && readableMapping(remembered)) {
    return readRows({ ...base, mapping: remembered, remembered: true });
  }
  return { ...base, mapping: guessMapping(headers) };
}

/** A remembered mapping can be used when it names the required columns. */
function readableMapping(mapping: ColumnMapping): boolean {
  return mapping.item !== undefined && mapping.dayRate !== undefined;
}

/** A new vendor from a source: its first sheet with a header row is selected. */
export function newVendorDraft(
  id: string,
  name: string,
  source: string,
  sheets: readonly SourceSheet[],
  store: MappingStore,
): VendorDraft {
  const first = sheets.findIndex((s) => findHeaderRow(s.rows) >= 0);
  const draft: VendorDraft = {
    id,
    name,
    source,
    sheets,
    sheetIndex: 0,
    headerRow: -1,
    mapping: {},
    mapped: false,
    remembered: false,
    lines: [],
    problems: [],
    terms: BLANK_TERMS,
  };
  return selectSheet(draft, Math.max(first, 0), store);
}

/**
 * Confirms the draft's mapping: reads its rows and remembers the mapping for the layout.
 *
 * @throws ProdError when the mapping has no Item or Day rate column
 */
export function confirmMapping(draft: VendorDraft, store: MappingStore): VendorDraft {
  const read = readRows(draft);
  store.set(draftHeaders(draft), draft.mapping);
  return read;
}
