/**
 * Fringe arithmetic (spec/functions.md "Fringes"; domain/reference.md 3.4-3.7).
 *
 * - Percent: rate x the part of the wages that lies between what the person was already paid
 *   (prior wages) and the cutoff, and above the threshold if there is one (Canada's CPP basic
 *   exemption; CPP2 runs between two ceilings). The cutoff is per PERSON: across one person's lines (an MMB
 *   "fringe range", reference.md 1.1 and 3.6) it is reached once, not once per line.
 * - Per hour: rate x hours (12 hours a day when only days are given). Per day: rate x days. Per
 *   week: rate x days / days-per-week (5 by default). Flat: the rate, once per person.
 * - A line that pays several people ("4 grips x 25 days") is split evenly between them and each
 *   person's caps are their own: statutory wage bases are per employee (SSA wage base; EDD "per
 *   employee, per calendar year"; figures-audit.md 8.1), and so are guild ceilings.
 */
import { Decimal, ZERO, roundCents, sum } from "../money";
import { errors } from "../errors";
import { HOURS_PER_DAY } from "../templates/types";
import type { Fringe } from "./fringe";

/**
 * One detail line. Hours and days are absent when the formula did not give them. A line may pay
 * several people (a budget line "4 grips x 25 days"): its wages, hours and days are then split
 * evenly between them, and each person's caps are their own.
 */
export interface FringeLine {
  /** Gross wages on the line (0 or more), for all its people together. */
  wages: Decimal;
  /** Hours worked or guaranteed on the line, for per-hour fringes. */
  hours?: Decimal;
  /** Days on the line, for per-day and per-week fringes. */
  days?: Decimal;
  /** How many people the line pays: a whole number, 1 or more. Absent: 1. */
  people?: number;
}

/** What one fringe charged across all the lines. */
export interface FringeBreakdown {
  /** The fringe. */
  fringe: Fringe;
  /**
   * What the rate was applied to, so that amount = rate x base: the wages actually subject
   * (after prior wages and the cutoff) for %, hours for HOUR, days for DAY, weeks for WEEK, 1 for
   * FLAT; for all the people together (the count of people for FLAT).
   */
  base: Decimal;
  /** The exact (unrounded) amount. */
  amount: Decimal;
}

/** The fringes on one person's lines, or on a crew's. */
export interface FringeResult {
  /** Each line's fringe, in cents, rounded so that the lines add up to {@link FringeResult.total}. */
  lines: Decimal[];
  /** The total fringe on these lines (all their people), rounded once to cents. */
  total: Decimal;
  /** The people every line pays when that is one number (1 for one person), else null. */
  people: number | null;
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
 * The part of [from, to] that lies between the threshold and the cutoff: all of it when there is
 * neither, nothing when it lies wholly outside. By comparisons rather than `Decimal.min`/`max`,
 * which copy their arguments into new decimals (this runs for every fringe of every FRINGE cell).
 */
function subjectWages(
  from: Decimal,
  to: Decimal,
  threshold: Decimal | null,
  cutoff: Decimal | null,
): Decimal {
  const low = threshold !== null && from.lt(threshold) ? threshold : from;
  const high = cutoff !== null && to.gt(cutoff) ? cutoff : to;
  return high.gt(low) ? high.minus(low) : ZERO;
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
 * The people of a set of lines, as groups paid alike. The people of a line are the first N of the
 * crew: with lines of 2 and of 4 people, people 1-2 are on every line and people 3-4 only on the
 * 4-people lines (prep and wrap by two of the four shoot grips). One line, or lines all of one
 * headcount, is one group: everyone on it is paid the same.
 */
interface Group {
  /** How many people are in the group. */
  size: number;
  /** The group's people are on the lines that pay at least this many people. */
  from: number;
  /** The cutoff of each fringe for the whole group (the per-person cutoff x size), or null. */
  cutoffs: (Decimal | null)[];
  /** The threshold of each fringe for the whole group (the per-person threshold x size), or null. */
  thresholds: (Decimal | null)[];
  /** What the group was paid before the next line, in all (prior wages x size, then its lines). */
  paid: Decimal;
  /** Each fringe's running count for the whole group: wages subject, hours, days or persons. */
  counts: Decimal[];
  /** True once the group has been on a line (a flat fringe is charged once per person). */
  started: boolean;
}

/**
 * The most different headcounts one column of lines may have. Each is a group worked out line by
 * line, so the work grows with lines x headcounts; a real fringe range has two or three (prep,
 * shoot, wrap), and a column of hundreds would make one cell take seconds.
 */
export const MAX_HEADCOUNTS = 12;

function groupsOf(fringes: readonly Fringe[], lines: readonly FringeLine[], priorWages: Decimal): Group[] {
  const headcounts =
    lines.length === 1
      ? [lines[0].people ?? 1]
      : [...new Set(lines.map((line) => line.people ?? 1))].sort((x, y) => x - y);
  if (headcounts.length > MAX_HEADCOUNTS)
    throw errors.invalid(
      "people",
      `has ${headcounts.length} different numbers of people in one column; at most ${MAX_HEADCOUNTS} are allowed: give each crew size its own FRINGE`,
    );
  let before = 0;
  return headcounts.map((from) => {
    const size = from - before;
    before = from;
    const times = (value: Decimal) => (size === 1 ? value : value.times(size));
    return {
      size,
      from,
      cutoffs: fringes.map((f) => (f.cutoff === null ? null : times(f.cutoff))),
      thresholds: fringes.map((f) => (f.threshold === null ? null : times(f.threshold))),
      paid: times(priorWages),
      counts: fringes.map(() => ZERO),
      started: false,
    };
  });
}

/**
 * What one line adds to a group's running count of one fringe: wages subject for %, hours for
 * HOUR, days for DAY and WEEK, one per person for FLAT on the group's first line. Everything is
 * counted for the whole group against the whole group's cutoff, which is exact: each of its people
 * is paid alike, so each one's part under their cutoff is the group's part under size x cutoff.
 *
 * @param share - the group's part of the line (its size / the line's people)
 * @param paidAfter - what the group was paid once this line is added
 */
function lineCount(fringe: Fringe, f: number, group: Group, share: FringeLine, paidAfter: Decimal): Decimal {
  switch (fringe.type) {
    case "%":
      return subjectWages(group.paid, paidAfter, group.thresholds[f], group.cutoffs[f]);
    case "HOUR":
      return chargedHours(share, fringe);
    case "DAY":
    case "WEEK":
      return requiredDays(share, fringe);
    case "FLAT":
      return group.started ? ZERO : new Decimal(group.size);
  }
}

/** A fringe's exact amount on a count: rate x count, and a week fringe per days-per-week days. */
function amountOn(fringe: Fringe, count: Decimal): Decimal {
  const amount = fringe.rate.times(count);
  return fringe.type === "WEEK" ? amount.div(fringe.daysPerWeek) : amount;
}

/** The part of a line that `size` of its `people` are paid: multiplied before divided, so exact when all. */
function shareOf(line: FringeLine, size: number, people: number): FringeLine {
  if (size === people) return line;
  const part = (value: Decimal) => value.times(size).div(people);
  return {
    wages: part(line.wages),
    hours: line.hours && part(line.hours),
    days: line.days && part(line.days),
  };
}

/**
 * The fringes on a person's lines, in order, or on a crew's when lines pay several people.
 *
 * Each line's fringe is the rounded running total after the line minus the rounded running total
 * before it, and the running total is computed from the running counts (wages subject, hours,
 * days) rather than by adding per-line amounts. So the column adds up, to the cent, to what the
 * same wages, hours and days give on one line: splitting a person into lines never changes their
 * fringe (money is rounded once: spec/functions.md, "Conventions").
 *
 * A line of several people (spec/functions.md, `people`) splits its wages, hours and days evenly
 * between them; prior wages are each person's; each person's caps are their own (SSA, EDD: the
 * wage bases are per employee); the result is the sum over the people.
 *
 * @param fringes - the fringes to charge
 * @param lines - the detail lines, in order (one line for a single cell); wages 0 or more
 * @param priorWages - wages already paid to each person in the caps' scope (year or project to date)
 */
export function calculateFringes(
  fringes: readonly Fringe[],
  lines: readonly FringeLine[],
  priorWages: Decimal,
): FringeResult {
  const groups = groupsOf(fringes, lines, priorWages);
  const lineTotals: Decimal[] = [];
  let roundedBefore = ZERO;
  for (const line of lines) {
    const people = line.people ?? 1;
    for (const group of groups) {
      if (group.from > people) break;
      const share = shareOf(line, group.size, people);
      const paidAfter = group.paid.plus(share.wages);
      fringes.forEach((fringe, f) => {
        group.counts[f] = group.counts[f].plus(lineCount(fringe, f, group, share, paidAfter));
      });
      group.paid = paidAfter;
      group.started = true;
    }
    const rounded = roundCents(sum(fringes.map((fringe, f) => amountOn(fringe, countOf(groups, f)))));
    lineTotals.push(rounded.minus(roundedBefore));
    roundedBefore = rounded;
  }
  return {
    lines: lineTotals,
    total: roundedBefore,
    // One group is one headcount on every line.
    people: groups.length === 1 ? groups[0].from : null,
    byFringe: fringes.map((fringe, f) => {
      const count = countOf(groups, f);
      return {
        fringe,
        base: fringe.type === "WEEK" ? count.div(fringe.daysPerWeek) : count,
        amount: amountOn(fringe, count),
      };
    }),
  };
}

/** A fringe's running count over every group. */
function countOf(groups: readonly Group[], f: number): Decimal {
  return groups.length === 1 ? groups[0].counts[f] : sum(groups.map((g) => g.counts[f]));
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
