/* The pay and overtime functions. Their JSDoc is what Excel shows as each function's help. */
import {
  dayPay as engineDayPay,
  hourlyFromDayRate,
  overtimePremium,
  paidHours as enginePaidHours,
  parseRule,
  type PayRule,
} from "../engine/pay";
import { type Decimal, toDecimal, toMoney } from "../engine/money";
import { elementwise, guard } from "./runtime";

/**
 * Paid hours for a day: the hours worked turned into straight-time hours, overtime included.
 * Under the default California rule a 12-hour day is 8 + 4 x 1.5 = 14 paid hours, 10 hours = 11,
 * 13 hours = 16. Hours are decimal (12.5 = 12h30m). A column of hours spills a column.
 * @customfunction PAIDHOURS
 * @param hours Hours worked in the day, 0 or more (12.5 = 12 hours 30 minutes).
 * @param rule Overtime rule: "CA" (default: 1.5x after 8, 2x after 12), "CA-7TH", "SAG-DAY", "STRAIGHT", or your own pairs such as "10:1.5,14:2".
 * @returns The straight-time-equivalent paid hours (not rounded).
 */
export function paidHours(hours: any[][], rule?: any): number[][] {
  return guard(() => {
    const parsed = parseRule(rule);
    return elementwise([{ name: "hours", value: hours }], ([h]) =>
      enginePaidHours(toDecimal(h, "hours"), parsed).toNumber(),
    );
  });
}

/**
 * The hourly rate behind a guaranteed day rate: "$750/10" means $750 for a guaranteed 10-hour
 * day, which is 11 paid hours under California overtime, so the hourly rate is 750 / 11 =
 * 68.1818... The rate is not rounded, so DAYPAY on it gives the exact day pay.
 * @customfunction HOURLY
 * @param day_rate The guaranteed day rate, e.g. 750.
 * @param guaranteed_hours The hours the day rate guarantees, e.g. 10 for "$750/10".
 * @param rule Overtime rule the deal is figured under: "CA" (default), "CA-7TH", "SAG-DAY", "STRAIGHT", or pairs such as "10:1.5,14:2".
 * @returns The base hourly rate (not rounded). #DIV/0! when the guaranteed day has no paid hours.
 */
export function hourly(day_rate: any[][], guaranteed_hours: any[][], rule?: any): number[][] {
  return guard(() => {
    const parsed = parseRule(rule);
    return elementwise(
      [
        { name: "day_rate", value: day_rate },
        { name: "guaranteed_hours", value: guaranteed_hours },
      ],
      ([rate, hours]) =>
        hourlyFromDayRate(
          toDecimal(rate, "day_rate"),
          toDecimal(hours, "guaranteed_hours"),
          parsed,
        ).toNumber(),
    );
  });
}

/** DAYPAY and OT: a money amount per day from an hourly rate and hours, cell by cell. */
function perDay(
  hourlyRate: unknown,
  hours: unknown,
  rule: unknown,
  compute: (rate: Decimal, hours: Decimal, rule: PayRule) => Decimal,
): number[][] {
  return guard(() => {
    const parsed = parseRule(rule);
    return elementwise(
      [
        { name: "hourly_rate", value: hourlyRate },
        { name: "hours", value: hours },
      ],
      ([rate, h]) => toMoney(compute(toDecimal(rate, "hourly_rate"), toDecimal(h, "hours"), parsed)),
    );
  });
}

/**
 * Gross pay for one day: hourly rate x paid hours, overtime included. With the hourly rate of a
 * "$750/10" deal (=PROD.HOURLY(750,10)), a 12-hour day is $954.55 and a 13-hour day $1,090.91.
 * @customfunction DAYPAY
 * @param hourly_rate The base (straight-time) hourly rate.
 * @param hours Hours worked in the day, 0 or more (12.5 = 12 hours 30 minutes).
 * @param rule Overtime rule: "CA" (default), "CA-7TH", "SAG-DAY", "STRAIGHT", or pairs such as "10:1.5,14:2".
 * @returns The day's gross, to the cent.
 */
export function dayPay(hourly_rate: any[][], hours: any[][], rule?: any): number[][] {
  return perDay(hourly_rate, hours, rule, engineDayPay);
}

/**
 * The overtime premium alone for one day: the day's gross minus the same hours at straight time.
 * At $50/hour, a 12-hour California day pays 14 hours = $700, of which $100 is overtime premium.
 * @customfunction OT
 * @param hourly_rate The base (straight-time) hourly rate.
 * @param hours Hours worked in the day, 0 or more (12.5 = 12 hours 30 minutes).
 * @param rule Overtime rule: "CA" (default), "CA-7TH", "SAG-DAY", "STRAIGHT", or pairs such as "10:1.5,14:2".
 * @returns The overtime premium, to the cent.
 */
export function ot(hourly_rate: any[][], hours: any[][], rule?: any): number[][] {
  return perDay(hourly_rate, hours, rule, overtimePremium);
}
