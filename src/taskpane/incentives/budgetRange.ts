/*
 * Which budget range the Incentives panel works on. The first Explain or Compare takes the
 * selection; after that the panel keeps the range it read, so typing on the "Incentive comparison"
 * sheet (a note, a rate) and comparing again compares the same budget, wherever the selection is
 * now ("Use the selection" takes the selection again). A remembered range is an address: Excel does
 * not move it when the user inserts or deletes rows, so what it showed when read (its headings and
 * the row under it) is kept with it and checked at each later read, and a range that is gone or no
 * longer looks the same is refused in words: never a wrong range compared silently. A selection on
 * a sheet PROD wrote for this panel (its comparison) is never taken as the budget.
 */
import { ProdError } from "../../engine/errors";
import {
  SHEET_ROWS,
  a1Range,
  parseA1,
  type CellValue,
  type RangeRef,
  type WorkbookPort,
} from "../../excel/port";
import { INCENTIVES_OWNER } from "./comparisonSheet";

/** What a budget range showed when PROD read it, checked before it is read again. */
export interface BudgetSeen {
  /** Its first row: the headings. */
  headings: readonly CellValue[];
  /** The row under it as rowShape gives it, or null when the range ends at the sheet's last row. */
  below: string | null;
}

/** A budget range: the selection, or one read before with what it showed then. */
export interface BudgetRange extends RangeRef {
  seen?: BudgetSeen;
}

/** What to do when a budget read before is refused: take the selection again. */
const CHOOSE_AGAIN = 'Select the whole budget with its headings row, then press "Use the selection".';

/**
 * A row as compared across reads: its text, and only where it holds numbers (a total row under
 * the budget keeps its shape when an amount changes; a line moved under it does not).
 */
export function rowShape(row: readonly CellValue[]): string {
  return JSON.stringify(row.map((v) => (typeof v === "number" ? "#" : v === null ? "" : String(v))));
}

/** The range with the row under it, when there is one: read with it, so the check costs no sync. */
export function withRowBelow(ref: RangeRef): { ref: RangeRef; below: boolean } {
  const at = parseA1(ref.address);
  if (at.row + at.rowCount >= SHEET_ROWS) return { ref, below: false };
  const address = a1Range(at.row, at.column, at.rowCount + 1, at.columnCount);
  return { ref: { sheet: ref.sheet, address }, below: true };
}

/**
 * Refuses, in words, a remembered budget range that does not show what it showed when read:
 * other headings (rows or columns inserted or deleted above or inside it, or the budget moved),
 * or another row under it (lines added or deleted inside it, or typed just under it).
 */
export function checkSeen(
  label: string,
  seen: BudgetSeen,
  headings: readonly CellValue[],
  below: string | null,
) {
  if (JSON.stringify(headings) !== JSON.stringify(seen.headings))
    throw new ProdError(
      "invalid",
      `The budget PROD read before, ${label}, no longer starts with the headings it had (${seen.headings.map(String).join(", ")}): rows or columns may have been inserted or deleted, so PROD did not read it. ${CHOOSE_AGAIN}`,
    );
  if (seen.below !== null && below !== seen.below)
    throw new ProdError(
      "invalid",
      `The row under the budget PROD read before, ${label}, has changed since: lines may have been added or deleted, so the range may no longer hold the whole budget and PROD did not read it. ${CHOOSE_AGAIN}`,
    );
}

/** The refusal of a remembered budget whose sheet is no longer in the workbook. */
export function budgetGone(ref: RangeRef): ProdError {
  return new ProdError(
    "invalid",
    `The budget PROD read before, ${ref.sheet}!${ref.address}, is gone: the workbook has no sheet "${ref.sheet}" now (deleted or renamed). ${CHOOSE_AGAIN}`,
  );
}

/**
 * The selection as the budget range, refused in words when it is on a sheet PROD wrote for this
 * panel (the comparison is PROD's output, never a budget). Two syncs.
 */
export async function selectedBudget(port: WorkbookPort): Promise<BudgetRange> {
  const selection = await port.getSelection();
  const owned = await port.findOwned(INCENTIVES_OWNER);
  const mine = owned.find((o) => o.sheet.toLowerCase() === selection.sheet.toLowerCase());
  if (mine)
    throw new ProdError(
      "invalid",
      `The selection (${selection.sheet}!${selection.address}) is on "${mine.sheet}", the comparison PROD wrote, not a budget, so PROD did not read it. Select the budget's cells with its headings row on the budget's own sheet, then try again.`,
    );
  return selection;
}
