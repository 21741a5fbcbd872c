/**
 * The landed cost of a bid line: what the production really pays for it, so bids on different
 * terms can be compared (reference.md 6.4 "landed total", worked example 6.5).
 *
 * The order, applied to each line:
 *   1. gross    = qty x the rental under the vendor's week convention (the engine's one week rule,
 *                 ../rental, the same as PROD.RENTAL);
 *   2. discount = gross x discount %            -> net = gross − discount;
 *   3. L&D      = net x loss & damage %          (reference.md 6.2: a charge on the rental);
 *   4. tax      = net x tax rate, taxable lines only. Reference 6.5 taxes the net rental
 *                 ("Tax 9.5% on net rental"): neither L&D nor delivery is in the tax base here,
 *                 whose tax treatment is unconfirmed (reference.md 6.2–6.3 [U]);
 *   5. landed   = net + L&D + tax.
 * Delivery and pickup are charged once per order (per vendor), not per line: they are added to
 * a vendor's total and to each award that uses that vendor (see compare.ts).
 *
 * Nothing is rounded here; figures are rounded to cents once, when shown or written.
 */
import { Decimal, ZERO, sum } from "../money";
import { errors } from "../errors";
import { rentalCost, type RentalDays } from "../rental";
import type { BidLine, CostBreakdown, VendorTerms } from "./types";

/** Days per week of the three conventions the pane offers (reference.md 6.1). */
export const WEEK_CONVENTIONS = [
  { weekDays: 7, label: "None (day rate every day)" },
  { weekDays: 4, label: "4-day week" },
  { weekDays: 3, label: "3-day week" },
] as const;

/** A fraction as the percent the user typed: 0.095 -> "9.5%". */
function percent(fraction: Decimal): string {
  return `${fraction.times(100).toString()}%`;
}

/**
 * Checks a vendor's terms, naming the field and the vendor in the message: the one rule for
 * terms, whether they were typed in the pane (bids/mapping.ts readTerms only reads them) or built
 * in code. Every comparison runs it first (compare.ts comparisonSteps).
 *
 * @param terms - the terms to check
 * @param vendor - the vendor's name, for the message
 * @throws ProdError (invalid) for a discount outside 0–100%, a negative charge or rate, or a week
 *   that is not 1 to 7 whole days
 */
export function checkTerms(terms: VendorTerms, vendor: string): void {
  const field = (name: string) => `${vendor}: ${name}`;
  if (!Number.isInteger(terms.weekDays) || terms.weekDays < 1 || terms.weekDays > 7) {
    throw errors.invalid(
      field("days billed per week"),
      `must be a whole number from 1 to 7, got ${terms.weekDays}`,
    );
  }
  // lt(0), not isNeg(): "-0" typed in a field is 0, and decimal.js counts -0 as negative.
  if (terms.discount.lt(0) || terms.discount.gt(1)) {
    throw errors.invalid(field("discount"), `must be from 0% to 100%, got ${percent(terms.discount)}`);
  }
  // Rates are shown as the percent typed in the pane ("-1%"), charges as the amount.
  const rates: Array<[string, Decimal]> = [
    ["loss & damage", terms.lossDamage],
    ["sales tax rate", terms.taxRate],
  ];
  for (const [name, value] of rates) {
    if (value.lt(0)) throw errors.belowMinimum(field(name), 0, percent(value));
  }
  const charges: Array<[string, Decimal]> = [
    ["delivery", terms.delivery],
    ["pickup", terms.pickup],
  ];
  for (const [name, value] of charges) {
    if (value.lt(0)) throw errors.belowMinimum(field(name), 0, value.toNumber());
  }
}

/**
 * The days a line is billed for: its own days, or the comparison's schedule when it has none.
 *
 * @throws ProdError (invalid) when the line has no days and there is no schedule
 */
export function lineDays(line: BidLine, schedule: RentalDays | undefined): RentalDays {
  const days = line.days ?? schedule;
  if (days === undefined) {
    throw errors.invalid(
      `Days${line.row ? ` (row ${line.row})` : ""}`,
      `is blank for "${line.item}": fill the Days column or set the schedule (days used in each week)`,
    );
  }
  return days;
}

/**
 * The landed cost of one bid line under a vendor's terms, unrounded (see the order above).
 *
 * @param line - the bid line
 * @param terms - the vendor's terms (checked with {@link checkTerms} beforehand)
 * @param schedule - the days used in each week (or a total) for lines that give no days
 */
export function lineCost(line: BidLine, terms: VendorTerms, schedule?: RentalDays): CostBreakdown {
  const weekDays = new Decimal(terms.weekDays);
  const gross = line.qty.times(rentalCost(line.dayRate, lineDays(line, schedule), weekDays));
  const discount = gross.times(terms.discount);
  const net = gross.minus(discount);
  const lossDamage = net.times(terms.lossDamage);
  const taxable = line.taxable ?? terms.taxableByDefault;
  const tax = taxable ? net.times(terms.taxRate) : ZERO;
  return { gross, discount, net, lossDamage, tax, landed: net.plus(lossDamage).plus(tax) };
}

/**
 * Why a line does not supply its item, or undefined when it does: a quantity of 0, a $0.00 day
 * rate (not written as "N/C" or "included") or 0 days. Such a line costs nothing, so counting it
 * would make the vendor the lowest for an item it does not supply (issue 17: a 0-quantity camera
 * line "saved" $13,245.12); it is an incomplete bid for the item instead (compare.ts).
 *
 * @param line - the bid line
 * @param schedule - the days for lines that give none
 */
export function incompleteReason(line: BidLine, schedule: RentalDays | undefined): string | undefined {
  if (line.qty.isZero()) return "quantity 0";
  if (line.dayRate.isZero() && !line.noCharge) return "day rate $0.00";
  const days = lineDays(line, schedule);
  const total = "held" in days ? days.held : sum(days.byWeek);
  if (total.isZero()) return "0 days";
  return undefined;
}

/** The sum of several breakdowns (the lines of one item, or all of a vendor's items). */
export function addCosts(costs: readonly CostBreakdown[]): CostBreakdown {
  let gross = ZERO;
  let discount = ZERO;
  let net = ZERO;
  let lossDamage = ZERO;
  let tax = ZERO;
  let landed = ZERO;
  for (const c of costs) {
    gross = gross.plus(c.gross);
    discount = discount.plus(c.discount);
    net = net.plus(c.net);
    lossDamage = lossDamage.plus(c.lossDamage);
    tax = tax.plus(c.tax);
    landed = landed.plus(c.landed);
  }
  return { gross, discount, net, lossDamage, tax, landed };
}

/** Delivery plus pickup: what one order from the vendor costs on top of its lines. */
export function orderCharges(terms: VendorTerms): Decimal {
  return terms.delivery.plus(terms.pickup);
}
