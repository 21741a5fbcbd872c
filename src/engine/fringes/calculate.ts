/**
 * Fringe arithmetic (spec/functions.md "Fringes"; domain/reference.md 3.4-3.7).
 *
 * - Percent: rate x the part of the wages that lies between what the person was already paid
 *   (prior wages) and the cutoff. The cutoff is per PERSON: across one person's lines (an MMB
 *   "fringe range", reference.md 1.1 and 3.6) it is reached once, not once per line.
 * - Per hour: rate x hours (12 hours a day when only days are given). Per day: rate x days. Per week: rate x days / days-per-week (5 by
 *   default). Flat: the rate, once per person.
 */
import { Decimal, ZERO, ONE, roundCents, sum } from "../money";
import { errors } from "../errors";
import { HOURS_PER_DAY } from "../templates/types";
import type { Fringe } from "./fringe";

/** One of a person's detail lines. Hours and days are absent when the formula did not give them. */
export interface FringeLine {
  /** Gross wages on the line (0 or more). */
  wages: Decimal;
  /** Hours worked or guaranteed on the line, for per-hour fringes. */
  hours?: Decimal;
  /** Days on the line, for per-day and per-week fringes. */
  days?: Decimal;
}

/** What one fringe charged across all the lines. */
export interface FringeBreakdown {
  /** The fringe. */
  fringe: Fringe;
  /**
   * What the rate was applied to, so that amount = rate x base: the wages actually subject
   * (after prior wages and the cutoff) for %, hours for HOUR, days for DAY, weeks for WEEK, 1 for FLAT.
   */
  base: Decimal;
  /** The exact (unrounded) amount. */
  amount: Decimal;
}

/** The fringes on one person's lines. */
export interface FringeResult {
  /** Each line's fringe, in cents, rounded so that the lines add up to {@link FringeResult.total}. */
  lines: Decimal[];
  /** The person's total fringe on these lines, rounded once to cents. */
  total: Decimal;
  /** Per fringe, in the order given. */
  byFringe: FringeBreakdown[];
}

/**
 * Rounds a list of exact amounts to cents so that they add up to the rounded sum: each result is
 * the rounded running total minus the previous rounded running total. Every result is within a
 * cent of its exact amount, and a column of line fringes foots to the person's total exactly
 * (money is rounded once: the total is never a sum of separately rounded parts).
 */
export function roundRunning(amounts: readonly Decimal[]): Decimal[] {
  let running = ZERO;
  let roundedBefore = ZERO;
  return amounts.map((amount) => {
    running = running.plus(amount);
    const rounded = roundCents(running);
    const share = rounded.minus(roundedBefore);
    roundedBefore = rounded;
    return share;
  });
}

/**
 * The part of [from, to] that lies under the cutoff (the whole of it when there is no cutoff):
 * min(to, cutoff) - min(from, cutoff), by comparisons rather than `Decimal.min`, which copies
 * its arguments into new decimals (this runs for every fringe of every FRINGE cell).
 */
function subjectWages(from: Decimal, to: Decimal, cutoff: Decimal | null): Decimal {
  if (cutoff === null || to.lte(cutoff)) return to.minus(from);
  return from.gte(cutoff) ? ZERO : cutoff.minus(from);
}

/** Hours in a day when a per-hour fringe is given days but no hours: the Day unit's ({@link HOURS_PER_DAY}). */
const DAY_HOURS = new Decimal(HOURS_PER_DAY);

/** The days a per-day or per-week fringe needs; their absence is the user's mistake, not a 0. */
function requiredDays(line: FringeLine, fringe: Fringe): Decimal {
  if (line.days === undefined)
    throw errors.invalid(
      "days",
      `is required: ${fringe.label} is a ${fringe.type === "DAY" ? "per-day" : "per-week"} fringe`,
    );
  return line.days;
}

/** The hours a per-hour fringe is charged on: the hours given, else 12 per day given. */
function chargedHours(line: FringeLine, fringe: Fringe): Decimal {
  if (line.hours !== undefined) return line.hours;
  if (line.days !== undefined) return line.days.times(DAY_HOURS);
  throw errors.invalid(
    "hours",
    `is required: ${fringe.label} is a per-hour fringe (or give days: ${HOURS_PER_DAY} hours a day)`,
  );
}

/**
 * What one line adds to a fringe's running count: wages subject for %, hours for HOUR, days for
 * DAY and WEEK, 1 for FLAT on the first line (a flat fringe is charged once per person). The
 * person's wages paid before the line and with it are worked out once per line, not per fringe.
 */
function lineCount(
  fringe: Fringe,
  line: FringeLine,
  paidBefore: Decimal,
  paidAfter: Decimal,
  isFirstLine: boolean,
): Decimal {
  switch (fringe.type) {
    case "%":
      return subjectWages(paidBefore, paidAfter, fringe.cutoff);
    case "HOUR":
      return chargedHours(line, fringe);
    case "DAY":
    case "WEEK":
      return requiredDays(line, fringe);
    case "FLAT":
      return isFirstLine ? ONE : ZERO;
  }
}

/** A fringe's exact amount on a count: rate x count, and a week fringe per days-per-week days. */
function amountOn(fringe: Fringe, count: Decimal): Decimal {
  const amount = fringe.rate.times(count);
  return fringe.type === "WEEK" ? amount.div(fringe.daysPerWeek) : amount;
}

/**
 * The fringes on one person's lines, in order.
 *
 * Each line's fringe is the rounded running total after the line minus the rounded running total
 * before it, and the running total is computed from the running counts (wages subject, hours,
 * days) rather than by adding per-line amounts. So the column adds up, to the cent, to what the
 * same wages, hours and days give on one line: splitting a person into lines never changes their
 * fringe (money is rounded once: spec/functions.md, "Conventions").
 *
 * @param fringes - the fringes to charge
 * @param lines - the person's detail lines, in order (one line for a single cell); wages 0 or more
 * @param priorWages - wages already paid to the person in the caps' scope (year or project to date)
 */
export function calculateFringes(
  fringes: readonly Fringe[],
  lines: readonly FringeLine[],
  priorWages: Decimal,
): FringeResult {
  const counts = fringes.map(() => ZERO);
  const lineTotals: Decimal[] = [];
  let roundedBefore = ZERO;
  let paidBefore = priorWages;
  // The amounts on the running counts after the latest line: after the last line, each fringe's.
  let amounts = fringes.map((fringe, f) => amountOn(fringe, counts[f]));
  lines.forEach((line, i) => {
    const paidAfter = paidBefore.plus(line.wages);
    fringes.forEach((fringe, f) => {
      counts[f] = counts[f].plus(lineCount(fringe, line, paidBefore, paidAfter, i === 0));
    });
    amounts = fringes.map((fringe, f) => amountOn(fringe, counts[f]));
    const rounded = roundCents(sum(amounts));
    lineTotals.push(rounded.minus(roundedBefore));
    roundedBefore = rounded;
    paidBefore = paidAfter;
  });
  return {
    lines: lineTotals,
    total: roundedBefore,
    byFringe: fringes.map((fringe, f) => ({
      fringe,
      base: fringe.type === "WEEK" ? counts[f].div(fringe.daysPerWeek) : counts[f],
      amount: amounts[f],
    })),
  };
}

/** The percent fringes of a set: the only ones that have a rate of wages. */
function percentFringes(fringes: readonly Fringe[]): readonly Fringe[] {
  const percent = fringes.filter((f) => f.type === "%");
  if (percent.length === 0)
    throw errors.invalid(
      "fringes",
      "has no % fringes: per-hour, per-day, per-week and flat fringes have no rate",
    );
  return percent;
}

/** The combined rate of the percent fringes (caps ignored), e.g. SS + MEDICARE = 0.0765. */
export function combinedRate(fringes: readonly Fringe[]): Decimal {
  return sum(percentFringes(fringes).map((f) => f.rate));
}

/**
 * The effective rate of the percent fringes at a wage, caps included: exact fringe / wages
 * (reference.md 3.5: $250,000 in California in 2025 is 5.97%). Not rounded: it is a rate.
 * Throws #DIV/0! when wages are 0.
 */
export function effectiveRate(fringes: readonly Fringe[], wages: Decimal, priorWages: Decimal): Decimal {
  if (wages.isZero()) throw errors.divideByZero("wages");
  const { byFringe } = calculateFringes(percentFringes(fringes), [{ wages }], priorWages);
  return sum(byFringe.map((b) => b.amount)).div(wages);
}
