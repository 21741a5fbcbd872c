/**
 * What a budget's lines must be before a version is saved from them or a comparison adds them up
 * live (issue 21): the budget reader (weeklyCostReport mapBudgetRows) has kept the rows with an
 * account and an amount; these rules catch what it kept that would still give a plausible and
 * wrong total, and say it in words instead.
 */
import { ProdError } from "../errors";
import { type Decimal, roundCents, ZERO } from "../money";
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
