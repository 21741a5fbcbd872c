/**
 * The cost report's cut-off: which ledger lines are "this period" and which are "to date".
 * Accounting systems stamp each GL line with a posting date and usually an accounting period
 * (reference.md 5.4: "Period, Date, ..." in a typical GL detail export), so the accountant cuts
 * either by date (a week ending on the period end date) or by period number.
 */
import { errors } from "../errors";
import { compareCodes } from "./coding";
import { serialToIso } from "../import/dates";

/** Cut by posting date: this period runs from `start` to `end` inclusive (Excel serial days). */
export interface DateCutoff {
  kind: "date";
  /** First day of this period, an Excel date serial. */
  start: number;
  /** Period end date, an Excel date serial: lines after it are not in this report. */
  end: number;
}

/** Cut by accounting period: this period is `period`; earlier periods are prior actuals. */
export interface PeriodCutoff {
  kind: "period";
  /** The current period as the ledger writes it: 12, "P12", "2026-11". */
  period: string | number;
}

/** How the report decides which lines count. */
export type Cutoff = DateCutoff | PeriodCutoff;

/** Where one ledger line falls relative to the cut-off. */
export type Timing =
  /** Posted in this period: counts in "This period" and "Actual to date". */
  | "thisPeriod"
  /** Posted before this period: counts in "Actual to date" only. */
  | "earlier"
  /** Posted after the cut-off: not in this report (listed in the reconciliation). */
  | "later"
  /** No date or period to cut by: counted to date and listed so the accountant can check it. */
  | "undated";

// Dates and their day/month order are read by the import module, the one reader of files.
export { dateSerial, parseDate, serialToIso, type DateOrder } from "../import/dates";

/** Compares two period labels: numerically when both are numbers, else in natural order ("P2" < "P10"). */
export function comparePeriods(a: string | number, b: string | number): number {
  const na = typeof a === "number" ? a : Number(a.trim());
  const nb = typeof b === "number" ? b : Number(b.trim());
  if (String(a).trim() !== "" && String(b).trim() !== "" && Number.isFinite(na) && Number.isFinite(nb)) {
    return Math.sign(na - nb);
  }
  return Math.sign(compareCodes(String(a).trim(), String(b).trim()));
}

/**
 * Checks a cut-off and returns a classifier for ledger lines. Period labels repeat across
 * thousands of lines, so their comparisons are remembered.
 */
export function timingOf(
  cutoff: Cutoff,
): (date: number | undefined, period: string | number | undefined) => Timing {
  if (cutoff.kind === "date") {
    const { start, end } = cutoff;
    if (!Number.isFinite(start) || !Number.isFinite(end))
      throw errors.invalid("period end date", "must be a date");
    if (start > end)
      throw errors.invalid(
        "period start date",
        `must be on or before the period end date (${serialToIso(end)})`,
      );
    return (date) => {
      if (date === undefined) return "undated";
      if (date > end) return "later";
      return date >= start ? "thisPeriod" : "earlier";
    };
  }
  const current = cutoff.period;
  if (String(current).trim() === "") throw errors.required("current period");
  const seen = new Map<string | number, Timing>();
  return (_date, period) => {
    if (period === undefined || String(period).trim() === "") return "undated";
    let t = seen.get(period);
    if (t === undefined) {
      const cmp = comparePeriods(period, current);
      t = cmp > 0 ? "later" : cmp === 0 ? "thisPeriod" : "earlier";
      seen.set(period, t);
    }
    return t;
  };
}
