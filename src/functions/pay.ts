/* The pay and overtime functions. Their JSDoc is what Excel shows as each function's help. */
import {
  dayPay as engineDayPay,
  DEFAULT_WEEKLY_THRESHOLD,
  hourlyFromDayRate,
  mealPenalty as engineMealPenalty,
  overtimePremium,
  paidHours as enginePaidHours,
  parseMealSchedule,
  parseRule,
  type PayRule,
  projectPay,
  weekPay as engineWeekPay,
} from "../engine/pay";
import {
  BLANK_IS_ZERO,
  type Decimal,
  toDecimal,
  toDecimalOr,
  toMoney,
  toSettingOr,
  ZERO,
} from "../engine/money";
import { cells } from "../engine/ranges";
import { DEFAULT_DAYS_PER_WEEK } from "../engine/week";
import { elementwise, guard, type SpillCell } from "./runtime";

/**
 * Paid hours for a day: the hours worked as straight-time hours, overtime included. Under the
 * default California rule 12 hours = 8 + 4 x 1.5 = 14 paid hours, 10 hours = 11, 13 hours = 16.
 * A column of hours spills a column.
 * @remarks Hours are decimal (12.5 = 12h30m); the result is not rounded. Which rule fits whom:
 * "CA" is California law for non-union crew (Labor Code 510); union crews and cast are paid under
 * their agreement instead (Labor Code 514): "IATSE" for IATSE hourly crew (1.5x after 8, Golden
 * Hours 2x from 13.5 hours worked and 3x from 14.5, with a half-hour meal; not confirmed: check
 * with your payroll company), "SAG-DAY" for SAG-AFTRA day performers up to the money break
 * (1.5x for hours 9-10, 2x after, in tenths).
 * @customfunction PAIDHOURS
 * @param hours Hours worked in the day, 0 or more (12.5 = 12 hours 30 minutes); blank = 0.
 * @param [rule] Overtime rule: default "CA" (non-union California crew), "IATSE" (IATSE hourly crew), "SAG-DAY" (SAG-AFTRA day performers), "CA-7TH", "IATSE-6TH", "IATSE-7TH", "STRAIGHT", or pairs such as "10:1.5,14:2".
 * @returns The straight-time-equivalent paid hours (not rounded).
 */
export function paidHours(hours: any[][], rule?: any): Array<Array<number | CustomFunctions.Error>> {
  return guard(() => {
    const parsed = parseRule(rule);
    return elementwise([{ name: "hours", value: hours }], ([h]) =>
      enginePaidHours(toDecimal(h, "hours", BLANK_IS_ZERO), parsed).toNumber(),
    );
  });
}

/**
 * The hourly rate behind a guaranteed day rate: "$750/10" is $750 for a guaranteed 10-hour day,
 * 11 paid hours under California overtime, so 750 / 11 = 68.1818... Not rounded, so DAYPAY on it
 * gives the exact day pay.
 * @customfunction HOURLY
 * @param day_rate The guaranteed day rate, e.g. 750; blank = 0.
 * @param guaranteed_hours The hours the day rate guarantees, e.g. 10 for "$750/10"; blank = 0 (#DIV/0!).
 * @param [rule] Overtime rule the deal is figured under: default "CA" (non-union California crew), "IATSE" (IATSE hourly crew), "SAG-DAY" (SAG-AFTRA day performers), "CA-7TH", "IATSE-6TH", "IATSE-7TH", "STRAIGHT", or pairs such as "10:1.5,14:2".
 * @returns The base hourly rate (not rounded). #DIV/0! when the guaranteed day has no paid hours.
 */
export function hourly(
  day_rate: any[][],
  guaranteed_hours: any[][],
  rule?: any,
): Array<Array<number | CustomFunctions.Error>> {
  return guard(() => {
    const parsed = parseRule(rule);
    return elementwise(
      [
        { name: "day_rate", value: day_rate },
        { name: "guaranteed_hours", value: guaranteed_hours },
      ],
      ([rate, hours]) =>
        hourlyFromDayRate(
          toDecimal(rate, "day_rate", BLANK_IS_ZERO),
          toDecimal(hours, "guaranteed_hours", BLANK_IS_ZERO),
          parsed,
        ).toNumber(),
    );
  });
}

/** DAYPAY and OVERTIME: a money amount per day from an hourly rate and hours, cell by cell. */
function perDay(
  hourlyRate: unknown,
  hours: unknown,
  rule: unknown,
  compute: (rate: Decimal, hours: Decimal, rule: PayRule) => Decimal,
): SpillCell<number>[][] {
  return guard(() => {
    const parsed = parseRule(rule);
    return elementwise(
      [
        { name: "hourly_rate", value: hourlyRate },
        { name: "hours", value: hours },
      ],
      ([rate, h]) =>
        toMoney(
          compute(
            toDecimal(rate, "hourly_rate", BLANK_IS_ZERO),
            toDecimal(h, "hours", BLANK_IS_ZERO),
            parsed,
          ),
        ),
    );
  });
}

/**
 * Gross pay for one day: hourly rate x paid hours, overtime included. With the hourly rate of a
 * "$750/10" deal (=PROD.HOURLY(750,10)), a 12-hour day is $954.55 and a 13-hour day $1,090.91.
 * @customfunction DAYPAY
 * @param hourly_rate The base (straight-time) hourly rate; blank = 0.
 * @param hours Hours worked in the day, 0 or more (12.5 = 12 hours 30 minutes); blank = 0.
 * @param [rule] Overtime rule: default "CA" (non-union California crew), "IATSE" (IATSE hourly crew), "SAG-DAY" (SAG-AFTRA day performers), "CA-7TH", "IATSE-6TH", "IATSE-7TH", "STRAIGHT", or pairs such as "10:1.5,14:2".
 * @returns The day's gross, to the cent.
 */
export function dayPay(
  hourly_rate: any[][],
  hours: any[][],
  rule?: any,
): Array<Array<number | CustomFunctions.Error>> {
  return perDay(hourly_rate, hours, rule, engineDayPay);
}

/**
 * The overtime premium alone for one day: the day's gross minus the same hours at straight time.
 * At $50/hour, a 12-hour California day pays 14 hours = $700, of which $100 is overtime premium.
 * @customfunction OVERTIME
 * @param hourly_rate The base (straight-time) hourly rate; blank = 0.
 * @param hours Hours worked in the day, 0 or more (12.5 = 12 hours 30 minutes); blank = 0.
 * @param [rule] Overtime rule: default "CA" (non-union California crew), "IATSE" (IATSE hourly crew), "SAG-DAY" (SAG-AFTRA day performers), "CA-7TH", "IATSE-6TH", "IATSE-7TH", "STRAIGHT", or pairs such as "10:1.5,14:2".
 * @returns The overtime premium, to the cent.
 */
export function overtime(
  hourly_rate: any[][],
  hours: any[][],
  rule?: any,
): Array<Array<number | CustomFunctions.Error>> {
  return perDay(hourly_rate, hours, rule, overtimePremium);
}

/**
 * Gross pay for one workweek: daily overtime by the rule, then straight-time hours beyond the
 * weekly threshold (40) at 1.5x, and under "CA" the 7th consecutive day at CA-7TH. At $50/hour,
 * five 12-hour days = $3,500.00 and six = $4,400.00.
 * @remarks Hours already paid as daily overtime do not count twice toward the weekly threshold.
 * Under "CA", when all 7 days are worked the 7th day is paid 1.5x for its first 8 hours and 2x
 * after.
 * @customfunction WEEKPAY
 * @param hourly_rate The base (straight-time) hourly rate; blank = 0.
 * @param daily_hours The hours of each day of the week, in order: a row or column of up to 7 cells; a blank or 0 is a day off.
 * @param [rule] Overtime rule: default "CA" (non-union California crew), "IATSE" (IATSE hourly crew), "SAG-DAY" (SAG-AFTRA day performers), "CA-7TH", "IATSE-6TH", "IATSE-7TH", "STRAIGHT", or pairs such as "10:1.5,14:2".
 * @param [weekly_threshold] Straight-time hours in the week after which weekly overtime (1.5x) starts. Default 40; blank or 0 also means 40.
 * @returns The week's gross, to the cent.
 */
export function weekPay(hourly_rate: any, daily_hours: any[][], rule?: any, weekly_threshold?: any): number {
  return guard(() => {
    const parsed = parseRule(rule);
    // Blank = day off; desktop Excel already passes empty cells of a range as 0.
    const days = cells(daily_hours).map((h) => toDecimalOr(h, "daily_hours", ZERO));
    return toMoney(
      engineWeekPay(
        toDecimal(hourly_rate, "hourly_rate", BLANK_IS_ZERO),
        days,
        parsed,
        // A threshold of 0 would put every straight-time hour into weekly overtime, which no
        // rule does; 0 is what desktop Excel passes for an empty cell, so it means the default.
        toSettingOr(weekly_threshold, "weekly_threshold", DEFAULT_WEEKLY_THRESHOLD),
      ),
    );
  });
}

/**
 * Projected gross for a schedule, to project crew overtime: shoot_days days of hours_per_day in
 * weeks of days_per_week days, each week paid like WEEKPAY. 12 days of 12 hours at $50/hour in
 * 5-day weeks = 2 x $3,500 + 2 x $700 = $8,400.00.
 * @remarks Each week has daily overtime, weekly overtime after 40 straight-time hours, and under
 * "CA" the 7th-day rule for 7-day weeks. A last, shorter week holds the days left over.
 * @customfunction OTPROJECT
 * @param hourly_rate The base (straight-time) hourly rate; blank = 0.
 * @param hours_per_day The hours worked each shoot day, e.g. 12.5; blank = 0.
 * @param shoot_days The number of days worked in the schedule (a whole number); blank = 0.
 * @param [days_per_week] Days worked per week, 1 to 7. Default 5 (blank or 0).
 * @param [rule] Overtime rule: default "CA" (non-union California crew), "IATSE" (IATSE hourly crew), "SAG-DAY" (SAG-AFTRA day performers), "CA-7TH", "IATSE-6TH", "IATSE-7TH", "STRAIGHT", or pairs such as "10:1.5,14:2".
 * @returns The schedule's gross, to the cent.
 */
export function otProject(
  hourly_rate: any,
  hours_per_day: any,
  shoot_days: any,
  days_per_week?: any,
  rule?: any,
): number {
  return guard(() =>
    toMoney(
      projectPay(
        toDecimal(hourly_rate, "hourly_rate", BLANK_IS_ZERO),
        toDecimal(hours_per_day, "hours_per_day", BLANK_IS_ZERO),
        toDecimal(shoot_days, "shoot_days", BLANK_IS_ZERO),
        parseRule(rule),
        // A week of 0 days means nothing; 0 is desktop Excel's empty cell: the default.
        toSettingOr(days_per_week, "days_per_week", DEFAULT_DAYS_PER_WEEK),
      ),
    ),
  );
}

/**
 * Meal penalty for one person, one step per started half hour late (1-30 minutes = 1 step,
 * 31-60 = 2). Under "SAG" (default) the steps cost $25, $35, then $50 each: 90 minutes late = $110.
 * A column of minutes spills; a blank cell counts as on time.
 * @remarks "SAG" follows SAG-AFTRA's meal periods page; its FAQ page says $25, $25, then $50
 * (90 minutes = $100): not confirmed, check with your payroll company. "SAG-BACKGROUND" (7.50,
 * 10, then 12.50) is not confirmed either. "IATSE-1996" is historical: 1996 amounts, not today's.
 * @customfunction MEALPENALTY
 * @param minutes_late How many minutes after it was due the meal came (0 or more); blank = 0.
 * @param [schedule] "SAG" (default, also for blank or 0: principal performers, 25, 35, then 50), "SAG-BACKGROUND" (background performers: 7.50, 10, then 12.50), "SAG-ULB" (Student, Short and Ultra Low Budget: 25 each), historical "IATSE-1996" (8.50, 11, then 13.50), or your own amounts such as "7.5,10,12.5" (the last repeats).
 * @returns The penalty, to the cent.
 */
export function mealPenalty(
  minutes_late: any[][],
  schedule?: any,
): Array<Array<number | CustomFunctions.Error>> {
  return guard(() => {
    const parsed = parseMealSchedule(schedule);
    return elementwise([{ name: "minutes_late", value: minutes_late }], ([m]) =>
      toMoney(engineMealPenalty(toDecimalOr(m, "minutes_late", ZERO), parsed)),
    );
  });
}
