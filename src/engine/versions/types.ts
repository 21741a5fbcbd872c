/**
 * Budget versions (issue 21): a budget saved under a name and date, as values that never change,
 * so the line producer can compare it with the live budget ("Current") and with other versions,
 * as Movie Magic compares up to four budgets by account (the issue's own reference).
 */
import type { LayoutId } from "../chart";
import type { Decimal } from "../money";

/** One line of a saved budget: its account (the canonical key, accounts.ts), description, total. */
export interface VersionLine {
  /** The account as one canonical key ("2501" for 2501, 25-01 and 2501-00; "D114"). */
  account: string;
  description: string;
  /** The line's total as the budget had it (not rounded: the roll-ups round once). */
  total: Decimal;
}

/**
 * One figure of a template's Top Sheet as saved, by the sheet row it was on, so the Top Sheet
 * can show it again beside the live total ("Lock original totals").
 */
export interface TopSheetFigure {
  /** 1-based row of the Top Sheet. */
  row: number;
  /** What the Top Sheet calls the row ("Total Above-the-line", "Contingency"). */
  label: string;
  total: Decimal;
}

/** A saved budget version. */
export interface BudgetVersion {
  /** The version's number in the store: formulas find it by this, never by its name. */
  id: number;
  /** The name the user gave it ("Studio approved"). */
  name: string;
  /** When it was saved, as the pane wrote it ("2026-12-04 16:40"). */
  savedOn: string;
  /** The chart of accounts of the budget it was saved from. */
  layout: LayoutId;
  lines: VersionLine[];
  /** The Top Sheet's figures, for a template budget; empty for a budget range the user picked. */
  topSheet: TopSheetFigure[];
  /**
   * The check of its figures the store holds (store.ts versionCheck), as written when it was
   * saved; absent for a version not saved yet (the store computes it), or one saved in a store
   * made before PROD kept checks.
   */
  check?: string;
}

/** A budget as compared: a saved version, or the live budget read now ("Current"). */
export interface ComparedBudget {
  name: string;
  layout: LayoutId;
  lines: readonly VersionLine[];
}
