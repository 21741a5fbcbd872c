/**
 * The cost report's cut-off: which ledger lines are "this period" and which are "to date".
 * Accounting systems stamp each GL line with a posting date and usually an accounting period
 * (reference.md 5.4: "Period, Date, ..." in a typical GL detail export), so the accountant cuts
 * either by date (a week ending on the period end date) or by period number.
 */
import { errors } from "../errors";
import { compareCodes } from "./coding";

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

/** Excel's serial for 1970-01-01 (serial 1 is 1900-01-01, with Excel's 1900 leap-year quirk). */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

/** The Excel date serial of a calendar date, or undefined when the date does not exist. */
export function dateSerial(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 9999) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** An Excel date serial as ISO text ("2026-11-20"), for sheet names and messages. */
export function serialToIso(serial: number): string {
  return new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Order of day and month in slash dates: US exports write 11/20/2026, others 20/11/2026. */
export type DateOrder = "MDY" | "DMY";

const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/;
const SLASH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?: .*)?$/;

/**
 * A date from a cell: an Excel serial number (its time of day dropped), ISO text
 * ("2026-11-20", with or without a time) or slash text in the given day/month order. Two-digit
 * years are 2000-2099 (a ledger is never from the 1900s). Undefined when it is not a date.
 */
export function parseDate(value: unknown, order: DateOrder = "MDY"): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 1 ? Math.floor(value) : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  const iso = ISO_DATE.exec(text);
  if (iso) return dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const slash = SLASH_DATE.exec(text);
  if (slash) {
    const [a, b] = [Number(slash[1]), Number(slash[2])];
    const year = slash[3].length === 2 ? 2000 + Number(slash[3]) : Number(slash[3]);
    return order === "MDY" ? dateSerial(year, a, b) : dateSerial(year, b, a);
  }
  return undefined;
}

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
