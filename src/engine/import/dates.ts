/**
 * Dates as files and sheets hold them, and the order of day and month in slash dates. A US
 * export writes 04/20/2026, most others 20/04/2026; nothing in "04/05/2026" says which, so the
 * order is proved from the file (a first or second part above 12) or asked, never assumed
 * (issue 16: a day/month file read as month/day moved money between periods).
 */

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

/** An order as the user knows it. */
export const ORDER_WORDS: Record<DateOrder, string> = { DMY: "day/month/year", MDY: "month/day/year" };

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

/** A cell of the file quoted as evidence: its 1-based row and its text. */
export interface Sample {
  row: number;
  text: string;
}

/**
 * What a date column says about its order:
 * - `proved`: some date reads only one way (20/04/2026 is day/month); `order` is that way;
 * - `ambiguous`: slash dates that read both ways (04/05/2026) and none that proves either;
 * - `mixed`: some dates read only as day/month and others only as month/day;
 * - `notNeeded`: no slash date whose order matters (ISO text, date cells, 05/05/2026).
 */
export interface DateOrderFinding {
  status: "proved" | "ambiguous" | "mixed" | "notNeeded";
  order?: DateOrder;
  /** Dates that prove the order (or, when ambiguous, that could be read both ways). */
  examples: Sample[];
}

/** The order a slash date needs: DMY when its first part is above 12, MDY when its second is. */
function orderOf(text: string): DateOrder | "either" | undefined {
  const m = SLASH_DATE.exec(text.trim());
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (a > 12 && b <= 12) return "DMY";
  if (b > 12 && a <= 12) return "MDY";
  return a === b || a > 12 ? undefined : "either";
}

/**
 * Decides the date order of a column from its cells (`rows[i]` is the 1-based row of
 * `cells[i]`). Only text can be ambiguous: a date cell is a serial and ISO text has one order.
 */
export function detectDateOrder(cells: readonly unknown[], rows: readonly number[]): DateOrderFinding {
  const proofs: Record<DateOrder, Sample[]> = { DMY: [], MDY: [] };
  const either: Sample[] = [];
  cells.forEach((value, i) => {
    if (typeof value !== "string") return;
    const o = orderOf(value);
    if (o === undefined) return;
    const sample = { row: rows[i], text: value.trim() };
    (o === "either" ? either : proofs[o]).push(sample);
  });
  const take = (s: Sample[]) => s.slice(0, 3);
  if (proofs.DMY.length > 0 && proofs.MDY.length > 0)
    return { status: "mixed", examples: [...take(proofs.DMY), ...take(proofs.MDY)] };
  for (const order of ["DMY", "MDY"] as const)
    if (proofs[order].length > 0) return { status: "proved", order, examples: take(proofs[order]) };
  if (either.length > 0) return { status: "ambiguous", examples: take(either) };
  return { status: "notNeeded", examples: [] };
}

/**
 * True when a date cell reads only in the other order than `order` (20/04/2026 under month/day):
 * such a line is left out and listed, never counted as undated.
 */
export function provesOtherOrder(value: unknown, order: DateOrder): boolean {
  if (typeof value !== "string") return false;
  const o = orderOf(value);
  return o !== undefined && o !== "either" && o !== order;
}
