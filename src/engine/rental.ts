/**
 * Equipment rental under an "N-day week": the rental house bills a week held as N days
 * (domain/reference.md 6.1: ScreenLight & Grip bills a week as 4 days, Gearhead Grip & Electric
 * as 3). PROD.RENTAL and the vendor bid comparison both price rentals here, so a bid and a
 * formula never disagree. Worked example (reference.md 6.5): $2,500/day on a 3-day week, used
 * 5 + 5 + 2 days = 3 + 3 + 2 billed days = $20,000.
 */
import { describeValue, errors } from "./errors";
import {
  BLANK_IS_ZERO,
  type Decimal,
  Decimal as D,
  isOmitted,
  toDecimal,
  toNonNegative,
  ZERO,
} from "./money";
import { DAYS_IN_WEEK } from "./week";

/** A week held, the days a weekly deal bills as `weekDays` of them. */
const WEEK_HELD = new D(DAYS_IN_WEEK);

/**
 * Reads a week convention: the days billed for a week held, more than 0 and at most 7.
 * Blank means 7 (no weekly deal: every day is billed); so does 0, which no rental house bills
 * and which is what desktop Excel passes for an empty cell.
 *
 * @param value - the cell as Excel gave it
 * @param arg - the argument's name for messages
 */
export function toWeekDays(value: unknown, arg: string): Decimal {
  if (isOmitted(value)) return WEEK_HELD;
  const weekDays = toDecimal(value, arg);
  if (weekDays.lte(ZERO)) throw errors.notPositive(arg, value);
  if (weekDays.gt(WEEK_HELD)) throw errors.aboveMaximum(arg, DAYS_IN_WEEK, value);
  return weekDays;
}

/**
 * Days billed for `daysHeld` consecutive days on an N-day week: each full 7 days is billed as
 * `weekDays`; the days left over are billed one by one, but never more than one more week.
 * 12 days on a 3-day week = 3 + min(5, 3) = 6 days.
 */
export function billedDaysHeld(daysHeld: Decimal, weekDays: Decimal): Decimal {
  const fullWeeks = daysHeld.divToInt(WEEK_HELD);
  const rest = daysHeld.minus(fullWeeks.times(WEEK_HELD));
  return fullWeeks.times(weekDays).plus(D.min(rest, weekDays));
}

/**
 * Days billed when the days used are given week by week: each week's days billed as
 * min(days, weekDays). Weeks 5, 5, 2 on a 3-day week = 3 + 3 + 2 = 8 days.
 */
export function billedDaysByWeek(daysPerWeek: readonly Decimal[], weekDays: Decimal): Decimal {
  let billed = ZERO;
  for (const days of daysPerWeek) billed = billed.plus(D.min(days, weekDays));
  return billed;
}

/** The days of a rental: days held in a row, or the days used in each week. */
export type RentalDays = { held: Decimal } | { byWeek: readonly Decimal[] };

/**
 * The days of a rental week by week: days held in a row are full weeks of 7, then the rest
 * (12 held = 7 + 5), and empty weeks at the end are dropped. {@link billedDaysHeld} bills days
 * held exactly as {@link billedDaysByWeek} bills these weeks, so two rentals with the same weeks
 * are billed the same under every week convention: the one way to tell whether two schedules
 * written differently ("12", "7+5", "7+5+0") are the same.
 */
export function daysByWeek(days: RentalDays): Decimal[] {
  const weeks: Decimal[] = [];
  if ("held" in days) {
    const fullWeeks = days.held.divToInt(WEEK_HELD).toNumber();
    for (let w = 0; w < fullWeeks; w++) weeks.push(WEEK_HELD);
    weeks.push(days.held.minus(WEEK_HELD.times(fullWeeks)));
  } else weeks.push(...days.byWeek);
  while (weeks.length > 0 && weeks[weeks.length - 1].isZero()) weeks.pop();
  return weeks;
}

/**
 * Reads the `days` of a rental: one cell is the days held in a row; several cells are the
 * days used in each week, each between 0 and 7. A blank is 0 either way.
 *
 * @param values - the cells, in order
 * @param arg - the argument's name for messages
 */
export function toRentalDays(values: readonly unknown[], arg: string): RentalDays {
  // A blank is 0 days, as desktop Excel passes an empty cell (spec/functions.md: one rule).
  if (values.length === 1) return { held: toNonNegative(values[0], arg, BLANK_IS_ZERO) };
  return {
    byWeek: values.map((value, i) => {
      const name = `${arg} (week ${i + 1})`;
      const days = toNonNegative(value, name, BLANK_IS_ZERO);
      if (days.gt(WEEK_HELD)) {
        throw errors.invalid(name, `must be 7 or less: a week has 7 days, got ${describeValue(value)}`);
      }
      return days;
    }),
  };
}

/**
 * Rental cost: the day rate times the days billed under the week convention. Not rounded: the
 * caller rounds the final money result once.
 *
 * @param dayRate - the house's daily rate
 * @param days - days held, or days used week by week
 * @param weekDays - days billed for a week held (7 = no weekly deal)
 */
export function rentalCost(dayRate: Decimal, days: RentalDays, weekDays: Decimal): Decimal {
  return dayRate.times(billedDays(days, weekDays));
}

/**
 * Days billed for a rental under an N-day week: {@link billedDaysHeld} for days held in a row,
 * {@link billedDaysByWeek} for the days used in each week.
 */
export function billedDays(days: RentalDays, weekDays: Decimal): Decimal {
  return "held" in days ? billedDaysHeld(days.held, weekDays) : billedDaysByWeek(days.byWeek, weekDays);
}

/** The days of a rental as a user writes them: "12" held, or "5+5+2" used week by week. */
export function rentalDaysText(days: RentalDays): string {
  return "held" in days ? days.held.toString() : days.byWeek.map((d) => d.toString()).join("+");
}
