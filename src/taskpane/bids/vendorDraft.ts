/**
 * A vendor being set up in the Bids panel: where its bid came from, the column mapping, the
 * lines read and the rows left out, and its terms as typed. Plain data and pure functions, so the
 * panel's steps are tested without rendering.
 */
import {
  bidLayout,
  checkTerms,
  readBidRows,
  readTerms,
  type BidLine,
  type ColumnMapping,
  type RowProblem,
  type TermsText,
} from "../../engine/bids";
import { ProdError, errors } from "../../engine/errors";
import { DECIMAL_POINT, type NumberFormat } from "../../engine/import";
import { vendorNameKey, type MappingStore, type TermsStore } from "./mappingStore";

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
  /**
   * The vendor name whose remembered terms fill {@link terms}, until the user edits a term;
   * undefined once they do (or when nothing was remembered).
   */
  readonly termsFrom?: string;
  /** How the file writes numbers as text: found from its amounts, or the user's answer. */
  readonly numberFormat?: NumberFormat;
  /**
   * The question when the amounts could be read two ways ("1.000": one thousand, or one?); the
   * rows wait for the answer (issue 17: a European 1.000 was read as $1.00 and won).
   */
  readonly numberQuestion?: string;
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

/** The terms typed as figures, each with what to type when it cannot be used. */
const TERM_WORDS = {
  discount: "Type the discount as a percent from 0 to 100, for example 10 or 10%.",
  lossDamage: "Type loss & damage as a percent, 0 or more, for example 10 or 10%.",
  taxRate: "Type the sales tax as a percent, 0 or more, for example 9.5 or 9.5%.",
  delivery: "Type the delivery charge in dollars, 0 or more, for example 600 or $600.00, or N/C.",
  pickup: "Type the pickup charge in dollars, 0 or more, for example 600 or $600.00, or N/C.",
} as const;

/** A vendor term typed as a figure. */
export type TermField = keyof typeof TERM_WORDS;

/**
 * Why each term typed cannot be used, in words a production user reads, by field (issue 20: not
 * the engine's 'Vendor A: discount must be a number, got "ten"'); empty when all can. Each term
 * is read and checked by the engine's own rules (readTerms, checkTerms) on its own.
 */
export function termProblems(terms: TermsText): Partial<Record<TermField, string>> {
  const problems: Partial<Record<TermField, string>> = {};
  for (const field of Object.keys(TERM_WORDS) as TermField[]) {
    try {
      checkTerms(readTerms({ ...BLANK_TERMS, [field]: terms[field] }, ""), "");
    } catch (error) {
      if (!(error instanceof ProdError)) throw error;
      problems[field] = TERM_WORDS[field];
    }
  }
  return problems;
}

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
    draft.numberFormat ?? DECIMAL_POINT,
  );
  return { ...draft, lines, problems, mapped: true };
}

/**
 * Points the draft at one of its sheets, read by the import module: the header row, the number
 * format (or the question to ask), and the remembered mapping for that layout (rows read at once
 * when nothing is left to ask) or a guess from the headers (waiting for the user).
 *
 * @param numberFormat - the user's answer to the number-format question
 */
export function selectSheet(
  draft: VendorDraft,
  sheetIndex: number,
  store: MappingStore,
  numberFormat?: NumberFormat,
): VendorDraft {
  const sheet = draft.sheets[sheetIndex];
  const layout = sheet ? bidLayout(sheet.rows, numberFormat ? { numberFormat } : {}) : undefined;
  const headerRow = !layout || layout.empty ? -1 : layout.headerRow;
  const question = layout?.questions.find((q) => q.kind === "numberFormat");
  const base: VendorDraft = {
    ...draft,
    sheetIndex,
    headerRow,
    mapping: {},
    mapped: false,
    remembered: false,
    lines: [],
    problems: [],
    numberFormat: layout?.numberFormat,
    numberQuestion: question?.message,
  };
  if (!layout || headerRow < 0) return base;
  const remembered = store.get(sheet.rows[headerRow]);
  if (remembered && readableMapping(remembered)) {
    const withMapping = { ...base, mapping: remembered, remembered: true };
    return base.numberFormat ? readRows(withMapping) : withMapping;
  }
  return { ...base, mapping: layout.columns };
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
  const first = sheets.findIndex((s) => !bidLayout(s.rows).empty);
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
 * @throws ProdError when the mapping has no Item or Day rate column, or the number format is
 *   still a question
 */
export function confirmMapping(draft: VendorDraft, store: MappingStore): VendorDraft {
  if (!draft.numberFormat)
    throw errors.invalid(
      "Number format",
      `is not known yet: ${draft.numberQuestion ?? "pick how the file writes amounts"}`,
    );
  const read = readRows(draft);
  store.set(draftHeaders(draft), draft.mapping);
  return read;
}

/** The vendor's name as shown and compared: the name typed, or where the bid came from. */
export function vendorName(draft: VendorDraft): string {
  return draft.name.trim() || draft.source;
}

/** The draft with the terms remembered for its name, or blank terms when none are. */
export function withRememberedTerms(draft: VendorDraft, terms: TermsStore): VendorDraft {
  const name = vendorName(draft);
  const remembered = terms.get(name);
  return remembered
    ? { ...draft, terms: remembered, termsFrom: name }
    : { ...draft, terms: BLANK_TERMS, termsFrom: undefined };
}

/**
 * The draft under a new name. Terms the user has not typed follow the name (each character typed
 * renames, so a name on its way to another one must not keep what it passed by); typed terms stay.
 */
export function renameVendor(draft: VendorDraft, name: string, terms: TermsStore): VendorDraft {
  const renamed = { ...draft, name };
  const untouched =
    draft.termsFrom !== undefined ||
    (Object.keys(BLANK_TERMS) as (keyof TermsText)[]).every((k) => draft.terms[k] === BLANK_TERMS[k]);
  return untouched ? withRememberedTerms(renamed, terms) : renamed;
}

/**
 * Vendors whose name another vendor listed before them already has (issue 17: two vendors
 * cannot share one name), with the words to show at the name field.
 */
export function nameClashes(vendors: readonly VendorDraft[]): Map<string, string> {
  const first = new Map<string, number>();
  const clashes = new Map<string, string>();
  vendors.forEach((v, i) => {
    const key = vendorNameKey(vendorName(v));
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else
      clashes.set(
        v.id,
        `Vendor ${earlier + 1} is already called "${vendorName(vendors[earlier])}": give each vendor its own name, so its terms and figures stay its own.`,
      );
  });
  return clashes;
}
