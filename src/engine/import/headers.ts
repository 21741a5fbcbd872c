/**
 * Which row holds the headings and which column holds what, from a vocabulary the panel passes
 * (the header words its fields go by). Files put title lines above the headings ("GL Detail",
 * "Run 2026-11-20"), so the header row is the first of the top rows that names the fields a
 * table cannot do without; the guess is shown to the user, who confirms or fixes it, and the pane
 * remembers the confirmed mapping under the layout's {@link headerSignature}.
 */
import { isBlank, isBlankOrSpaces } from "../money";

/** What a column holds, for the reading of its cells. */
export type FieldKind = "text" | "money" | "date";

/** One field a panel reads, with the header words that suggest it, best first. */
export interface FieldSpec<F extends string> {
  field: F;
  /** Normalized header texts ({@link normalizeHeader}) that mean this field, best first. */
  headers: readonly string[];
  /** money: amounts (their number format is detected); date: dates (their order is detected). */
  kind?: FieldKind;
  /**
   * A field that identifies a line (an account, a date, an item): a row with a total word and
   * none of these, or with the total word in one of them, is a total line, not data.
   */
  key?: boolean;
}

/** A panel's vocabulary: its fields, and which of them a header row must name. */
export interface Vocabulary<F extends string> {
  fields: readonly FieldSpec<F>[];
  /**
   * Each entry lists alternatives, one of which a header row must name: [["account"],
   * ["amount", "debit"]] needs an account and an amount or a debit column.
   */
  headerNeeds: readonly (readonly F[])[];
}

/** A column mapping: field -> 0-based column. */
export type Columns<F extends string> = Partial<Record<F, number>>;

/** A header as compared with the vocabulary: lower case, punctuation and "(y/n)" as spaces. */
export function normalizeHeader(header: unknown): string {
  if (isBlank(header)) return "";
  return String(header)
    .toLowerCase()
    .replace(/[^a-z0-9#]+/g, " ")
    .trim();
}

/**
 * A key for a file layout: its normalized headers in order. Two files from the same system
 * share it, so a mapping confirmed once is offered again.
 */
export function headerSignature(headers: readonly unknown[]): string {
  const names = headers.map(normalizeHeader);
  while (names.length > 0 && names[names.length - 1] === "") names.pop();
  return names.join("|");
}

/**
 * Guesses which column holds which field from a header row: an exact header word beats any
 * header that starts with one ("Day Rate (USD)"); a longer word beats a shorter one ("day rate
 * usd" is a day rate, not days); then the field's own order of words, then the leftmost column.
 * Each column holds one field at most.
 */
export function guessColumns<F extends string>(
  header: readonly unknown[],
  vocabulary: Vocabulary<F>,
): Columns<F> {
  const names = header.map(normalizeHeader);
  const candidates: Array<{ field: F; col: number; score: number }> = [];
  for (const { field, headers } of vocabulary.fields) {
    headers.forEach((word, rank) => {
      names.forEach((name, col) => {
        if (name === word) candidates.push({ field, col, score: 2000 - rank });
        else if (name.startsWith(`${word} `))
          candidates.push({ field, col, score: 1000 + word.length * 10 - rank });
      });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.col - b.col);
  const columns: Columns<F> = {};
  const used = new Set<number>();
  for (const { field, col } of candidates) {
    if (columns[field] !== undefined || used.has(col)) continue;
    columns[field] = col;
    used.add(col);
  }
  return columns;
}

/** How many top rows are searched for the headings. */
export const HEADER_SEARCH_ROWS = 25;

/** True when a mapping names one field of each of the vocabulary's needs. */
export function meetsNeeds<F extends string>(columns: Columns<F>, vocabulary: Vocabulary<F>): boolean {
  return vocabulary.headerNeeds.every((any) => any.some((f) => columns[f] !== undefined));
}

/**
 * The header row: the first of the top rows whose headings name every need of the vocabulary.
 * Undefined when none does (the caller then asks, offering the first row that is not blank).
 */
export function findHeaderRow<F extends string>(
  rows: readonly (readonly unknown[])[],
  vocabulary: Vocabulary<F>,
): number | undefined {
  const top = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < top; r++) if (meetsNeeds(guessColumns(rows[r], vocabulary), vocabulary)) return r;
  return undefined;
}

/** The first row with anything in it, or undefined for an empty grid. */
export function firstFilledRow(rows: readonly (readonly unknown[])[]): number | undefined {
  const r = rows.findIndex((row) => !row.every(isBlankOrSpaces));
  return r < 0 ? undefined : r;
}
