/**
 * The weekly cost report's inputs and outputs (domain/reference.md 5.1 columns, 5.2 roll-ups).
 */
import type { Level, LayoutId } from "../chart";
import type { VarianceConvention } from "../costReport";
import type { Decimal } from "../money";
import type { Amount } from "./amount";
import type { Cutoff } from "./cutoff";

/** One budget line: several lines on one account add up. */
export interface BudgetLine {
  /** The account as the budget writes it ("2501", "25-01"). */
  account: string;
  description: string;
  amount: Decimal;
  /** 1-based row of the grid it was read from (mapBudgetRows sets it), for words about the line. */
  row?: number;
}

/** One general-ledger detail line. */
export interface LedgerLine {
  /** Where the line came from (1-based row of the file or sheet), for the exception list. */
  row: number;
  /** The account as the ledger writes it; blank when the line was not coded. */
  account: string;
  /** Posting date as an Excel serial, when the ledger has one. */
  date?: number;
  /** Accounting period as the ledger writes it, when it has one. */
  period?: string | number;
  vendor: string;
  description: string;
  /** Signed cost: a debit is positive, a credit (refund, reversal) negative. */
  amount: Amount;
  /** Purchase order number, when the line was paid against one. */
  po: string;
  /** Transaction or reference number, when the ledger has one. */
  reference?: string;
}

/** An open purchase order: its remaining (unbilled) balance is a commitment. */
export interface OpenPo {
  row: number;
  account: string;
  po: string;
  vendor: string;
  description: string;
  /** What is still open on the PO. */
  amount: Decimal;
}

/** One account of the previous cost report. */
export interface PriorRow {
  account: string;
  /** The ETC the previous report ended with (possibly edited by the accountant). */
  etc?: Decimal;
  /** The previous report's EFC for the account. */
  efc?: Decimal;
  /** The previous report's actual to date, shown beside this week's. */
  actualToDate?: Decimal;
  /** The description the previous report gave the account (kept for unbudgeted accounts). */
  description?: string;
  /** The accountant's note (variance explanation) on the account, carried week to week. */
  note?: string;
  /**
   * "Hold EFC": next week's ETC is this EFC less what is then committed (never below 0), so the
   * EFC stays put while money is spent, instead of the ETC staying put and the EFC rising.
   */
  holdEfc?: boolean;
  /**
   * True when the accountant's ETC should be carried forward: they edited it, or it was itself
   * carried. False when it was the default (budget left), which is recomputed every week.
   */
  etcEdited: boolean;
}

/** The accountant's settings for one report. */
export interface CostReportSettings {
  /** The chart of accounts that gives categories and levels. */
  layout: LayoutId;
  cutoff: Cutoff;
  /** Variance sign: UNDER = budget − EFC (positive = under), OVER = EFC − budget. */
  convention: VarianceConvention;
  /** Flag accounts whose EFC moved by more than this since the previous report. */
  efcChangeThreshold: Decimal;
  /**
   * The PO list gives each PO's amount before the ledger's invoices against it (a PO log): each
   * PO is relieved by the ledger lines to the cut-off that carry its PO number, so committed money
   * is never counted twice. False (the default): the list's amounts are open balances already.
   */
  relievePos?: boolean;
}

/** Everything one report is built from. */
export interface CostReportInput {
  budget: readonly BudgetLine[];
  ledger: readonly LedgerLine[];
  openPos: readonly OpenPo[];
  /** The previous report's accounts; undefined when this is the first report. */
  prior?: readonly PriorRow[];
  /**
   * The accounts of this date's report when it is built again (it is replaced): the ETCs the
   * accountant typed or carried into it are kept, over last week's (spec/taskpane.md: what the
   * user typed is carried into the new output).
   */
  replaced?: readonly PriorRow[];
  settings: CostReportSettings;
}

/** Something on a row the accountant should look at. */
export type Flag =
  /** EFC is above budget. */
  | "overBudget"
  /** EFC moved by more than the threshold since the previous report. */
  | "efcChange"
  /** Actuals or POs on an account that has no budget. */
  | "unbudgeted"
  /** Open POs exceed what is left of the budget after actuals. */
  | "poOverRemaining";

/** The report's columns for one row (reference.md 5.1, columns 3-14). */
export interface Figures {
  budget: Decimal;
  thisPeriod: Decimal;
  actualToDate: Decimal;
  openPos: Decimal;
  /** Actual to date + open POs. */
  committed: Decimal;
  etc: Decimal;
  /** Committed + ETC. */
  efc: Decimal;
  /** Budget − EFC or EFC − budget, per the convention. */
  variance: Decimal;
  /** Undefined when there is no previous report. */
  priorEfc?: Decimal;
  /** EFC − prior EFC; undefined when there is no previous report. */
  change?: Decimal;
  /** Actual to date / budget as a fraction (0.62 = 62%); undefined when the budget is 0. */
  percentSpent?: Decimal;
  /** The previous report's actual to date and ETC; undefined when there is no previous report. */
  priorActualToDate?: Decimal;
  priorEtc?: Decimal;
}

/** The level a row rolls up to: a top-sheet level, or the group of uncoded ledger lines. */
export type RowLevel = Level | "UNCODED";

/** One account of the report. */
export interface AccountRow {
  kind: "account";
  /** The normalized account code ("" for the uncoded row). */
  account: string;
  description: string;
  /** The category code it rolls up to ("2500", "D", "UNCODED"). */
  category: string;
  level: RowLevel;
  figures: Figures;
  /**
   * Where the ETC comes from: the default (budget left), carried from the previous report, the
   * previous report's EFC held (ETC = that EFC − committed), or kept from this date's report that
   * the build replaces.
   */
  etcSource: "default" | "carried" | "held" | "kept";
  /** The accountant's note, carried from the previous report (or the report replaced). */
  note: string;
  /** Whether the accountant holds this account's EFC from next week on. */
  holdEfc: boolean;
  /** False for an account that is not in the budget (or the uncoded row). */
  budgeted: boolean;
  flags: Flag[];
}

/**
 * A subtotal row: one category, one level, Below-the-line (every level but Above-the-line, not a
 * part of the grand total: the levels are), or the grand total.
 */
export interface TotalRow {
  kind: "category" | "level" | "belowTheLine" | "total";
  /** Category code, level id, "BTL" or "TOTAL". */
  code: string;
  name: string;
  level: RowLevel | "TOTAL";
  figures: Figures;
  flags: Flag[];
}

/** A row of the report, in sheet order. */
export type ReportRow = AccountRow | TotalRow;

/** Ledger and PO lines the accountant needs to see: nothing is dropped silently. */
export interface Exceptions {
  /** Ledger lines on accounts that have no budget (they are in the report, on budget-0 rows). */
  unbudgeted: LedgerLine[];
  /** Ledger lines with no readable account (in the report on the "Uncoded" row). */
  uncoded: LedgerLine[];
  /** Ledger lines with no date/period to cut by: counted to date, listed to be checked. */
  undated: LedgerLine[];
  /** Open POs on unbudgeted accounts or with no readable account. */
  pos: PoLogLine[];
}

/**
 * How one of the report's totals compares with what was read:
 * - `agrees`: the report holds exactly the money read, and the two totals show the same cents;
 * - `rounding`: the report holds exactly the money read, but its total (the sum of each
 *   account's figure rounded to the cent) shows other cents than the total read (rounded once).
 *   Only amounts with fractions of a cent do this; no line is missing;
 * - `differs`: the report does not hold the money read.
 */
export type Agreement = "agrees" | "rounding" | "differs";

/** Proof that the report accounts for every ledger dollar. */
export interface Reconciliation {
  /** Ledger lines read (all of them, including those after the cut-off). */
  ledgerLines: number;
  /** Sum of the ledger lines up to the cut-off. */
  ledgerToDate: Decimal;
  /** Sum of the ledger lines in this period. */
  ledgerThisPeriod: Decimal;
  /** The report's total "Actual to date": ledgerToDate, or a few cents off it by rounding. */
  reportToDate: Decimal;
  /** The report's total "This period": ledgerThisPeriod, or a few cents off it by rounding. */
  reportThisPeriod: Decimal;
  /** Lines after the cut-off: not in this report. */
  laterLines: number;
  laterTotal: Decimal;
  /** Sum of the PO amounts read, what the ledger relieved of them, and the report's total "Open POs". */
  poTotal: Decimal;
  poRelieved: Decimal;
  reportOpenPos: Decimal;
  /**
   * Whether each report total holds exactly the money read, compared before rounding: the
   * ledger to the cut-off, the ledger this period, and the open POs.
   */
  agreement: { toDate: Agreement; thisPeriod: Agreement; openPos: Agreement };
}

/** A category's variance, for the chart of the largest variances. */
export interface CategoryVariance {
  code: string;
  name: string;
  variance: Decimal;
}

/** One PO of the PO log. */
export interface PoLogLine extends OpenPo {
  /** Ledger lines to the cut-off with its PO number and account (0 when POs are not relieved). */
  relieved: Decimal;
  /** What is still open: the amount less what was relieved, between 0 and the amount. */
  open: Decimal;
}

/** The built report. */
export interface CostReport {
  rows: ReportRow[];
  exceptions: Exceptions;
  reconciliation: Reconciliation;
  /** Categories by size of variance, largest first (at most 10, zero variances left out). */
  largestVariances: CategoryVariance[];
  /** How many accounts carried their ETC from the previous report. */
  carriedEtcs: number;
  /** How many accounts kept the ETC of the report replaced. */
  keptEtcs: number;
  /** How many accounts held the previous report's EFC. */
  heldEfcs: number;
  /** Every PO read, with what the ledger relieved of it, in the order read. */
  poLog: PoLogLine[];
}
