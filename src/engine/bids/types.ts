/**
 * The shapes of a vendor bid comparison (domain/reference.md section 6, spec/taskpane.md
 * section 3): what a vendor quoted per line, on what terms, and what each line really costs.
 */
import type { Decimal } from "../money";
import type { RentalDays } from "../rental";

/** One line of a vendor's bid, as read from a sheet or a file after column mapping. */
export interface BidLine {
  /** The item as the vendor wrote it ("Arri Alexa 35 pkg", "4x4 Floppy w/ stand"). */
  readonly item: string;
  /** How many units (default 1). */
  readonly qty: Decimal;
  /**
   * Days the item is held: a total (PROD.RENTAL's rule for a number of days) or the days used in
   * each week ("5+5+2"). Undefined: the comparison's schedule applies.
   */
  readonly days?: RentalDays;
  /** Price of one unit for one day. */
  readonly dayRate: Decimal;
  /**
   * True when the vendor wrote "N/C", "included" or the like in the price column: the item is
   * supplied at no charge. A bare 0 or $0.00 is not that: it is an incomplete bid (see
   * landed.ts {@link incompleteReason}).
   */
  readonly noCharge?: boolean;
  /** Whether sales tax applies to this line; undefined: the vendor's default. */
  readonly taxable?: boolean;
  /** Free text the vendor added (availability, substitutions). */
  readonly notes?: string;
  /** Where the line came from (1-based row in the file or sheet), for messages. */
  readonly row?: number;
}

/**
 * A vendor's terms (reference.md 6.1–6.4). Percentages are fractions (10% = 0.1).
 */
export interface VendorTerms {
  /**
   * Days billed per week: 7 = no weekly deal (the day rate every day), 4 = "4-day week"
   * (weekly rate = 4 x daily, ScreenLight & Grip), 3 = "3-day week" (Gearhead) — reference.md 6.1.
   */
  readonly weekDays: number;
  /** Discount off the gross rental, as a fraction. */
  readonly discount: Decimal;
  /** Loss & damage waiver / insurance charge, as a fraction of the net rental (reference.md 6.2). */
  readonly lossDamage: Decimal;
  /** Delivery charge for the order (money). */
  readonly delivery: Decimal;
  /** Pickup (return) charge for the order (money). */
  readonly pickup: Decimal;
  /** Sales tax rate on taxable lines, as a fraction (reference.md 6.3). */
  readonly taxRate: Decimal;
  /** Whether a line with no taxable flag is taxable (rentals of equipment usually are, 6.3). */
  readonly taxableByDefault: boolean;
}

/** One vendor's whole bid. */
export interface VendorBid {
  /** A stable id (the pane's), used by manual item matches. */
  readonly id: string;
  /** The vendor's name as the user sees it. */
  readonly name: string;
  readonly terms: VendorTerms;
  readonly lines: readonly BidLine[];
}

/**
 * What one line (or the lines of one item) costs, unrounded: the engine rounds once, when a
 * figure is shown or written.
 */
export interface CostBreakdown {
  /** Rental before discount: qty x day rate x billed days under the week convention. */
  readonly gross: Decimal;
  /** The discount taken off the gross (a positive amount). */
  readonly discount: Decimal;
  /** Gross − discount. */
  readonly net: Decimal;
  /** Loss & damage on the net. */
  readonly lossDamage: Decimal;
  /** Sales tax on the net of taxable lines. */
  readonly tax: Decimal;
  /** Net + loss & damage + tax: the item's landed cost (delivery is per order, not per item). */
  readonly landed: Decimal;
}
