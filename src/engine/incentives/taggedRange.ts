/**
 * A budget range with its headings row, read for the incentive engine: which column holds the
 * line amounts (the budget reader's words: Total, Budget, Amount) and which hold the tags
 * (headings {@link TAG_COLUMNS}, any case). The Incentives panel reads a selection with it, and
 * writes PROD.INCENTIVE formulas over the same columns when the tags sit side by side in the
 * functions' order.
 */
import { ProdError } from "../errors";
import { guessColumns } from "../import";
import { VOCABULARIES } from "../weeklyCostReport";
import { TAG_COLUMNS, budgetLines, fold, type IncentiveLine } from "./tags";

/** The columns of a tagged budget range, 0-based within the range. */
export interface TaggedColumns {
  amount: number;
  /** Per tag column of {@link TAG_COLUMNS}, its column, or undefined when the range has none. */
  tags: (number | undefined)[];
  /**
   * The first column of the tags when they are side by side in the functions' order (Where first,
   * as many as the range has), so one range can be the formula's tags argument; else null.
   */
  tagsStart: number | null;
  /** How many tag columns there are. */
  tagCount: number;
}

/** A budget range read: its columns and its lines (line 1 is the row under the headings). */
export interface TaggedBudget {
  columns: TaggedColumns;
  lines: IncentiveLine[];
}

/** The columns of a headings row; throws, in words, when there is no amount or no Where and Class. */
export function taggedColumns(headings: readonly unknown[], label: string): TaggedColumns {
  const amount = guessColumns(headings, VOCABULARIES.budget).amount;
  const folded = headings.map((h) => (typeof h === "string" ? fold(h) : ""));
  const tags = TAG_COLUMNS.map((name) => {
    const at = folded.indexOf(fold(name));
    return at < 0 ? undefined : at;
  });
  const missing = [
    amount === undefined ? "an amount (Total, Budget or Amount)" : null,
    tags[0] === undefined ? "Where" : null,
    tags[3] === undefined ? "Class" : null,
  ].filter((m): m is string => m !== null);
  if (missing.length > 0 || amount === undefined)
    throw new ProdError(
      "invalid",
      `The first row of ${label} has no heading for ${missing.join(", ")}. Select the budget with its headings row: an amount column and the tag columns ${TAG_COLUMNS.join(", ")} (at least Where and Class).`,
    );
  const present = tags.filter((t) => t !== undefined).length;
  const start = tags[0] as number;
  const sideBySide = tags.every((t, i) => (i < present ? t === start + i : t === undefined));
  return { amount, tags, tagsStart: sideBySide ? start : null, tagCount: present };
}

/**
 * Reads a budget range whose first row is its headings. A bad tag or amount is refused naming
 * the sheet row ("row 7"), as PROD.INCENTIVE names the line.
 *
 * @param firstRow - the sheet row (1-based) of the headings, for messages
 */
export function readTaggedBudget(
  rows: readonly (readonly unknown[])[],
  label: string,
  firstRow: number,
): TaggedBudget {
  if (rows.length < 2)
    throw new ProdError(
      "invalid",
      `${label} has no lines under its headings. Select the budget with its headings row.`,
    );
  const columns = taggedColumns(rows[0], label);
  const body = rows.slice(1);
  try {
    const lines = budgetLines(
      body.map((r) => [r[columns.amount]]),
      body.map((r) => columns.tags.map((c) => (c === undefined ? null : r[c]))),
    );
    return { columns, lines };
  } catch (error) {
    if (!(error instanceof ProdError)) throw error;
    // "amounts line 3" / "tags line 3 Where" are the budget's sheet rows here.
    const message = error.message.replace(/\b(amounts|tags) line (\d+)/g, (_m, what: string, n: string) => {
      const row = firstRow + Number(n);
      return what === "amounts" ? `row ${row} amount` : `row ${row}`;
    });
    throw new ProdError(error.kind, `${label}: ${message}`);
  }
}
