/**
 * The line detail behind a comparison (issue 17: "the sheet shows line detail per vendor:
 * quantity, rate, billed days under the week convention, discount, L&D, tax, so a PM can check a
 * figure against the quote"), in cents that foot.
 *
 * PROD rounds money once, on the final figure (engineering rule; reference.md 6.5 rounds the
 * landed total). Rounding each charge of a line on its own can then miss the landed cost by a
 * cent (3 x $33.33 x 4 days, −15%, +2.5% L&D, +9.5% tax: 399.96 − 59.99 + 8.50 + 32.30 = 380.77,
 * but the landed cost is 380.76). So the figures are rounded as running totals instead: each is
 * the step between two rounded running totals (gross; − discount; + L&D; + tax, line after line
 * of the item). Every row then adds up exactly, the lines of an item add up to the landed cost
 * the item table shows for it, and each figure is within a cent of its exact value.
 *
 * A vendor's total is rounded once over all its items (compare.ts), while each item is shown
 * rounded: what that leaves over (a few cents at most) is shown as its own "rounding" figure, so
 * the detail foots to the vendor's total too.
 */
import { Decimal, ZERO, roundCents, sum } from "../money";
import { billedDays } from "../rental";
import { lineCost, lineDays, orderCharges } from "./landed";
import type { Comparison } from "./compare";
import type { BidLine, CostBreakdown } from "./types";
import type { RentalDays } from "../rental";

/**
 * One bid line with its figures (gross, discount, net, L&D, tax, landed) in cents that foot: the
 * discount is the positive amount taken off.
 */
export interface LineDetail extends CostBreakdown {
  /** Index in {@link Comparison.items} of the item the line was compared as. */
  readonly item: number;
  /** The line as the vendor sent it (its own item wording and notes). */
  readonly line: BidLine;
  /** The days the line is billed from: its own, or the comparison's schedule. */
  readonly days: RentalDays;
  /** True when the line gave no days and the schedule applied. */
  readonly fromSchedule: boolean;
  /** Days billed for one unit under the vendor's week convention (reference.md 6.1). */
  readonly billedDays: Decimal;
}

/** A vendor's lines in item-table order, and how they add up to its total. */
export interface VendorDetail {
  readonly lines: readonly LineDetail[];
  /** Delivery plus pickup, in cents. */
  readonly orderCharges: Decimal;
  /** Vendor total − lines − delivery and pickup: what rounding each item to the cent left over. */
  readonly rounding: Decimal;
  /** The vendor's total as the comparison shows it (rounded once). */
  readonly total: Decimal;
}

/**
 * The line detail of each vendor (in vendor order), its lines grouped by item in the order of
 * the item table. Lines of incomplete bids are listed too (they cost nothing).
 *
 * @param comparison - a comparison from compare.ts, with the schedule it was run with
 */
export function comparisonDetail(comparison: Comparison): VendorDetail[] {
  const { vendors, items, summaries, schedule } = comparison;
  return vendors.map((vendor, vi): VendorDetail => {
    const weekDays = new Decimal(vendor.terms.weekDays);
    const lines: LineDetail[] = [];
    items.forEach((item, i) => {
      // Running totals over the item's lines: exact, and the last one rounded.
      let exact = ZERO;
      let shown = ZERO;
      const step = (to: Decimal): Decimal => {
        const rounded = roundCents(to);
        const figure = rounded.minus(shown);
        shown = rounded;
        return figure;
      };
      for (const line of item.bids[vi]?.lines ?? []) {
        const cost = lineCost(line, vendor.terms, schedule);
        const days = lineDays(line, schedule);
        const gross = step(exact.plus(cost.gross));
        const discount = step(exact.plus(cost.net)).negated();
        const lossDamage = step(exact.plus(cost.net).plus(cost.lossDamage));
        // The same sum, in the same order, as the item's landed cost (landed.ts addCosts).
        exact = exact.plus(cost.landed);
        const tax = step(exact);
        const net = gross.minus(discount);
        lines.push({
          item: i,
          line,
          days,
          fromSchedule: line.days === undefined,
          billedDays: billedDays(days, weekDays),
          gross,
          discount,
          net,
          lossDamage,
          tax,
          landed: net.plus(lossDamage).plus(tax),
        });
      }
    });
    const charges = roundCents(orderCharges(vendor.terms));
    const total = roundCents(summaries[vi].total);
    const rounding = total.minus(sum(lines.map((l) => l.landed))).minus(charges);
    return { lines, orderCharges: charges, rounding, total };
  });
}
