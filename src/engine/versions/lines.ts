/**
 * What a budget's lines must be before a version is saved from them or a comparison adds them up
 * live (issue 21): the budget reader (weeklyCostReport mapBudgetRows) has kept the rows with an
 * account and an amount; these rules catch what it kept that would still give a plausible and
 * wrong total, and say it in words instead.
 */
import { categoryCode } from "../accounts";
import { ProdError } from "../errors";
import { type Decimal, roundCents, ZERO } from "../money";
import { accountKeyOf } from "../weeklyCostReport/accountKeys";
import type { BudgetLine } from "../weeklyCostReport/types";

/** A line whose amount cell holds text: the reader reads it, a live formula does not. */
export interface TextAmount {
  /** 1-based row of the sheet. */
  row: number;
  /** The cell as written ("1,234.00", "(500.00)"). */
  text: string;
  amount: Decimal;
}

/**
 * The lines whose amount is text in the cells read ("1,234.00", "(500.00)", "1.234,56"): the
 * reader reads them (engine/import numbers.ts), but the comparison's Current column is SUMIFS
 * over those cells, and in Excel "cells in sum-range that do not contain numeric values evaluate
 * to 0" ([MS-OI29500] 2.1.1048, SUMIFS), as the preview's do. So such a line would be in the
 * version and missing from Current.
 *
 * @param lines - the lines read, each with its row (mapBudgetRows sets it)
 * @param rows - the grid they were read from
 * @param amountColumn - 0-based column of the amounts
 * @param rowOffset - rows of the sheet above the grid, so rows are named as the sheet numbers them
 */
export function textAmounts(
  lines: readonly BudgetLine[],
  rows: readonly (readonly unknown[])[],
  amountColumn: number,
  rowOffset: number,
): TextAmount[] {
  return lines.flatMap((line) => {
    const cell = line.row === undefined ? undefined : rows[line.row - 1]?.[amountColumn];
    return typeof cell === "string" && line.row !== undefined
      ? [{ row: line.row + rowOffset, text: cell.trim(), amount: line.amount }]
      : [];
  });
}

/**
 * Refuses to compare a live budget with amounts typed as text ({@link textAmounts}), naming the
 * first of them and what Current would miss: a comparison whose Current column leaves lines out
 * would show differences that are not there.
 *
 * @param label - the budget as the pane names it ("Sheet1!A1:C40")
 */
export function refuseTextAmounts(label: string, found: readonly TextAmount[]): void {
  if (found.length === 0) return;
  const shown = found
    .slice(0, 3)
    .map((t) => `row ${t.row} "${t.text}"`)
    .join(", ");
  const more = found.length > 3 ? `, and ${found.length - 3} more` : "";
  const missed = roundCents(found.reduce((sum, t) => sum.plus(t.amount), ZERO));
  throw new ProdError(
    "invalid",
    `${label} has amounts typed as text, which the comparison's live formulas cannot add (Excel's SUMIFS leaves text out): ${shown}${more}. Current would leave out ${missed.toFixed(2)}. Type them as numbers, then compare again.`,
  );
}

/** A line that adds up other lines of the budget: a total read as a line. */
export interface TotalAmongLines {
  /** 1-based row of the sheet. */
  row: number;
  /** The account as written. */
  account: string;
  description: string;
  amount: Decimal;
  /** The rows of the sheet it adds up. */
  adds: number[];
}

const DIGITS = /^\d+$/;
const digitCount = (text: string) => text.replace(/\D/g, "").length;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * The lines that are totals of other lines: exports write a category's total on its code ("1100
 * STORY & RIGHTS 150" over 1101 and 1102), and an account's over its sub-accounts ("1101 Writer
 * 150" over 1101-01 and 1101-02, which the account reader puts in 1101: accounts.ts), and nothing
 * in such a row says "total". Read as a line, it counts its lines twice. Told by code and amount:
 * a line written as an account's bare number (or a section letter alone) whose amount, to the
 * cent and not 0, is the sum of the sub-accounts of that account, or, for a category's own code
 * (2500, "D"), of the other accounts of its category (reference.md 2.1: a category's accounts
 * are its hundred; the AICP form's lines are its section's). Accounts' totals are found first, so
 * a category total over them is found too. Two equal lines of one account are two lines, and a
 * category-code account that is not that sum is an account.
 *
 * @param lines - the lines read, each with its row (mapBudgetRows sets it)
 * @param rowOffset - rows of the sheet above the grid
 */
export function totalsAmongLines(lines: readonly BudgetLine[], rowOffset: number): TotalAmongLines[] {
  const read = lines.flatMap((line) => {
    const key = accountKeyOf(line.account);
    return key === undefined || line.row === undefined ? [] : [{ line, key, row: line.row + rowOffset }];
  });
  type Read = (typeof read)[number];
  const bare = (r: Read) => r.line.account === r.key;
  const found: TotalAmongLines[] = [];
  const totals = new Set<Read>();
  const check = (parent: Read, under: readonly Read[]) => {
    if (under.length === 0 || parent.line.amount.isZero()) return;
    const sum = roundCents(under.reduce((s, r) => s.plus(r.line.amount), ZERO));
    if (!sum.equals(roundCents(parent.line.amount))) return;
    totals.add(parent);
    const { account, description, amount } = parent.line;
    found.push({ row: parent.row, account, description, amount, adds: under.map((r) => r.row) });
  };
  for (const [key, same] of groupBy(read, (r) => r.key)) {
    // A sub-account has more digits than its account: 1101-01, 1101.01 (not 11-01, the same 1101).
    const subs = same.filter((r) => !DIGITS.test(r.line.account) && digitCount(r.line.account) > key.length);
    for (const parent of same.filter(bare)) check(parent, subs);
  }
  const byCategory = groupBy(
    read.filter((r) => !totals.has(r)),
    (r) => categoryCode(r.key),
  );
  for (const [category, members] of byCategory) {
    const under = members.filter((r) => r.key !== category);
    for (const parent of members.filter((r) => r.key === category && bare(r))) check(parent, under);
  }
  return found.sort((a, b) => a.row - b.row);
}

/** Rows as words: "row 3", "rows 3 to 5", "rows 3, 7 and 9". */
function rowsWords(rows: readonly number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  const sorted = [...rows].sort((a, b) => a - b);
  if (sorted.every((r, i) => i === 0 || r === sorted[i - 1] + 1))
    return `rows ${sorted[0]} to ${sorted[sorted.length - 1]}`;
  return `rows ${sorted.slice(0, -1).join(", ")} and ${sorted[sorted.length - 1]}`;
}

/**
 * Refuses a budget with a total among its lines ({@link totalsAmongLines}), naming it, its amount
 * and the rows it adds up: counted as a line, it would double them.
 *
 * @param label - the budget as the pane names it ("Sheet1!A1:C40")
 */
export function refuseTotalsAmongLines(label: string, found: readonly TotalAmongLines[]): void {
  if (found.length === 0) return;
  const [first] = found;
  const more =
    found.length > 1 ? ` (and ${found.length - 1} more such row${found.length > 2 ? "s" : ""})` : "";
  const name = [first.account, first.description].filter((s) => s !== "").join(" ");
  throw new ProdError(
    "invalid",
    `${label} has a total among its lines: row ${first.row} (${name}, ${first.amount.toFixed(2)}) is the sum of ${rowsWords(first.adds)}${more}, so counting it as a line would count them twice. Select the budget without its total rows, then try again.`,
  );
}
