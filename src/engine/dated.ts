/**
 * Effective dating shared by the engine's dated libraries (fringes, incentive programs): each
 * entry is in force from one day to another, and a name typed in a formula asks for the entry in
 * force on a date ("SAG-AFTRA@2026-08-15", "GA@2025-09-01"), on 1 January of a year ("SS-2025"),
 * or the latest held (no suffix).
 */
import { errors } from "./errors";

/** An entry in force from `from` to `to`, both ISO dates, inclusive. */
export interface Dated {
  from: string;
  to: string;
}

/** When a name asks for its entry: the latest held, a year's 1 January, or a date. */
export type When = { year: number } | { date: string } | undefined;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** An ISO date as a payroll accountant writes it: "Jul 1, 2026". */
export function dateWords(iso: string): string {
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A typed name and when it asks for: "NAME-2025" (a year), "NAME@2026-08-15" (a date, ISO),
 * "NAME" (the latest held). Throws #VALUE! naming `arg` for a date that is not a real
 * YYYY-MM-DD date, with `example` showing the form.
 */
export function splitWhen(token: string, arg: string, example: string): { name: string; when: When } {
  const text = token.trim();
  const at = text.lastIndexOf("@");
  if (at >= 0) {
    const date = text.slice(at + 1).trim();
    if (!isIsoDate(date))
      throw errors.invalid(arg, `"${text}": write the date after @ as year-month-day, like ${example}`);
    return { name: text.slice(0, at).trim().toUpperCase(), when: { date } };
  }
  const m = /^(.*\S)-(\d{4})$/.exec(text);
  return m
    ? { name: m[1].toUpperCase(), when: { year: Number(m[2]) } }
    : { name: text.toUpperCase(), when: undefined };
}

/** The ISO date a `When` asks for, or undefined for "the latest held". */
export function askedDate(when: When): string | undefined {
  if (when === undefined) return undefined;
  return "date" in when ? when.date : `${when.year}-01-01`;
}

/**
 * The entry of `held` (one name's entries, in date order, at least one) in force when asked: on a
 * date, on 1 January of a year, or the latest entry held when neither is given. Throws #N/A when
 * no entry covers the date, naming what was asked (`asked`) and listing the entries (`listed`).
 */
export function findInForce<T extends Dated>(
  held: readonly T[],
  when: When,
  asked: (when: NonNullable<When>) => string,
  listed: (entry: T) => string,
): T {
  const date = askedDate(when);
  if (date === undefined || when === undefined) return held[held.length - 1];
  const match = held.find((f) => f.from <= date && date <= f.to);
  if (match) return match;
  throw errors.noneInForce(asked(when), held.map(listed));
}
