/**
 * The comparison of vendors' bids (spec/taskpane.md section 3, reference.md 6.4–6.5): each
 * item's landed cost per vendor with the lowest marked, vendor totals, the best single-vendor
 * award and the best split award, and the saving between them.
 *
 * Rules, so the result can be explained to a production manager:
 * - An item a vendor did not bid is "missing" for that vendor: it is never the lowest, the
 *   vendor's total covers only what it bid, and the vendor cannot win the single-vendor award.
 * - A bid whose lines do not supply the item (quantity 0, a $0.00 rate not written as "N/C" or
 *   "included", 0 days: landed.ts incompleteReason) is "incomplete" and counts as not bid: never
 *   the lowest, in no award, and the vendor cannot win the single award (issue 17: a 0-quantity
 *   line won its item). An item no vendor supplied is in neither award, with a note.
 * - The lowest of an item is decided on the landed cost in cents (what the sheet shows); vendors
 *   tied to the cent are all marked.
 * - A vendor's total = its items' landed costs + delivery and pickup, rounded once.
 * - Best single award: the vendor with the lowest total among those that bid every item.
 * - Best split award: each item goes to a vendor that bid it, and each vendor used adds its
 *   delivery and pickup once. The engine tries every set of vendors (there are few) and keeps the
 *   cheapest, so a split is never worse than the single award; with no delivery charges this is
 *   simply the cheapest bidder per item. Ties go to fewer vendors, then to the vendor listed first.
 *   With many vendors and many items (over {@link EXACT_SEARCH_LIMIT} steps) it falls back to the
 *   cheapest bidder per item, or the single award when that is cheaper, and says so.
 */
import { Decimal, ZERO, roundCents, sum } from "../money";
import { errors } from "../errors";
import { addCosts, checkTerms, incompleteReason, lineCost, lineDays, orderCharges } from "./landed";
import { matchKey, normalizeItemName, overrideMap, type MatchOverride } from "./matching";
import { daysByWeek, type RentalDays } from "../rental";
import type { BidLine, CostBreakdown, VendorBid } from "./types";

/** Steps (vendor sets x items x vendors) up to which the split award is searched exactly. */
export const EXACT_SEARCH_LIMIT = 20_000_000;

/** What a comparison is run on. */
export interface ComparisonInput {
  /** Two or more vendors' bids, in the order the user added them. */
  readonly vendors: readonly VendorBid[];
  /** Days used in each week (or a total) for lines that give no days of their own. */
  readonly schedule?: RentalDays;
  /** The user's corrections of item matches. */
  readonly overrides?: readonly MatchOverride[];
}

/** One vendor's bid for one item (all its lines that matched the item). */
export interface ItemBid {
  readonly lines: readonly BidLine[];
  readonly cost: CostBreakdown;
  /** Units bid, over all the lines. */
  readonly qty: Decimal;
  /** Why the bid does not supply the item ("quantity 0"), when none of its lines does. */
  readonly incomplete?: string;
}

/** One row of the comparison: an item and each vendor's bid for it. */
export interface ItemRow {
  /** The match key ({@link normalizeItemName}, or the user's re-match). */
  readonly key: string;
  /**
   * The item's name exactly as the first vendor that bid it wrote it; each vendor's own wording
   * is in its bid's lines ({@link ItemBid.lines}).
   */
  readonly name: string;
  /** Each vendor's bid, in vendor order; undefined where the vendor did not bid the item. */
  readonly bids: readonly (ItemBid | undefined)[];
  /**
   * Vendors (indexes) with the lowest landed cost in cents among the complete bids; empty when
   * every bid for the item is incomplete (then it is in no award).
   */
  readonly lowest: readonly number[];
  /** Vendors (indexes) that did not bid the item. */
  readonly missing: readonly number[];
  /** Vendors (indexes) whose bid for the item is incomplete ({@link ItemBid.incomplete}). */
  readonly incomplete: readonly number[];
  /** True when the vendors quoted different quantities or days: check before awarding. */
  readonly differs: boolean;
}

/** A vendor's totals over the items it bid. */
export interface VendorSummary {
  /** The sum of its items' costs (without delivery and pickup). */
  readonly cost: CostBreakdown;
  /** Delivery plus pickup. */
  readonly orderCharges: Decimal;
  /** Landed cost of everything it bid, plus delivery and pickup (unrounded). */
  readonly total: Decimal;
  /** Items it bid in full (incomplete bids not counted). */
  readonly itemsBid: number;
  readonly itemsMissing: number;
  /** Items its bid does not supply ({@link ItemBid.incomplete}). */
  readonly itemsIncomplete: number;
  /** True when it bid in full every item some vendor supplies: it can take the single award. */
  readonly complete: boolean;
}

/** An award: which vendor gets each item, and what it costs in all. */
export interface Award {
  /**
   * Per item (in {@link Comparison.items} order), the vendor index it goes to; -1 for an item no
   * vendor supplied (in no award).
   */
  readonly vendorByItem: readonly number[];
  /** The vendors used, in vendor order. */
  readonly vendors: readonly number[];
  /** Landed cost of the awarded items plus each used vendor's delivery and pickup (unrounded). */
  readonly total: Decimal;
}

/** The result of {@link comparisonSteps}. */
export interface Comparison {
  readonly vendors: readonly VendorBid[];
  /** The days used in each week for lines that give none, as the comparison was run. */
  readonly schedule?: RentalDays;
  readonly items: readonly ItemRow[];
  /** Per vendor, in vendor order. */
  readonly summaries: readonly VendorSummary[];
  /** Undefined when no vendor bid every item. */
  readonly bestSingle?: Award;
  readonly bestSplit: Award;
  /** Best single total − best split total, in cents as shown; undefined without a single award. */
  readonly saving?: Decimal;
  /** False when the split award came from the quick rule, not the exact search. */
  readonly splitIsExact: boolean;
  /** Things the user should know: lines listed twice, quantities that differ. */
  readonly notes: readonly string[];
}

/**
 * What a vendor quoted for an item, as text, to tell whether vendors quoted alike: the units of
 * the lines that supply it, per schedule week by week (rental.ts daysByWeek), so the same schedule
 * written differently ("12" and "7+5", the comparison's schedule and the same weeks in a Days
 * column) and two lines of 1 against one line of 2 on the same days read the same (issue 17: a
 * false "quantities or days differ").
 */
function quoteText(lines: readonly BidLine[], schedule: RentalDays | undefined): string {
  const units = new Map<string, Decimal>();
  for (const line of lines) {
    if (incompleteReason(line, schedule) !== undefined) continue;
    const weeks = daysByWeek(lineDays(line, schedule))
      .map((d) => d.toString())
      .join("+");
    units.set(weeks, (units.get(weeks) ?? ZERO).plus(line.qty));
  }
  return [...units]
    .map(([weeks, qty]) => `${qty.toString()} x ${weeks}`)
    .sort()
    .join(", ");
}

/**
 * A vendor's notes for an item (the mapped Notes column, issue 17), exactly as written: the notes
 * of its lines in file order, "; " between them; "" when none has a note.
 */
export function itemBidNotes(bid: ItemBid): string {
  return bid.lines.flatMap((l) => (l.notes === undefined ? [] : [l.notes])).join("; ");
}

/** Money in whole cents as a plain number (exact: cents stay far below 2^53). */
function cents(amount: Decimal): number {
  return roundCents(amount).times(100).toNumber();
}

/** A bid's landed cost in cents, or undefined when there is no bid or it is incomplete. */
function completeCents(bid: ItemBid | undefined): number | undefined {
  return bid && bid.incomplete === undefined ? cents(bid.cost.landed) : undefined;
}

/** How far a step-wise comparison ({@link comparisonSteps}) has got. */
export interface ComparisonProgress {
  /** Steps done so far (lines matched, items costed, vendor sets tried). */
  readonly done: number;
  /** All the steps of this comparison (known from the start: lines + items + vendor sets). */
  readonly total: number;
  /** The stage, in plain words. */
  readonly stage: "Matching items" | "Costing items" | "Finding the best split";
}

/**
 * Compares vendors' bids item by item (see the rules at the top of this file), one small step at
 * a time: the generator yields its progress after each line matched, each item costed and each
 * vendor set tried, and returns the comparison. It does no I/O and keeps no state outside itself,
 * so a caller (the task pane) can pause between steps to let the host breathe, or stop pulling to
 * cancel (spec/taskpane.md: "long work shows progress and can be cancelled; the pane never freezes
 * Excel").
 *
 * @throws ProdError (invalid) from the first step, for fewer than two vendors, a vendor with no
 *   lines, bad terms ({@link checkTerms}), or a line that has no days when there is no schedule
 */
export function* comparisonSteps(input: ComparisonInput): Generator<ComparisonProgress, Comparison, void> {
  const { vendors, schedule } = input;
  if (vendors.length < 2) {
    throw errors.invalid("Vendors", `must be 2 or more to compare, got ${vendors.length}`);
  }
  for (const v of vendors) {
    checkTerms(v.terms, v.name);
    if (v.lines.length === 0) throw errors.invalid(v.name, "has no bid lines: map its columns or remove it");
  }
  const overrides = overrideMap(input.overrides ?? []);
  const notes: string[] = [];
  const lineCount = vendors.reduce((n, v) => n + v.lines.length, 0);
  // Items are known after matching; until then each line counts as a possible item.
  let total = lineCount * 2 + splitSteps(vendors.length, lineCount);
  let done = 0;

  // Group each vendor's lines by item, in order of first appearance across vendors.
  const rows = new Map<string, { name: string; lines: BidLine[][] }>();
  for (let vi = 0; vi < vendors.length; vi++) {
    const vendor = vendors[vi];
    for (const line of vendor.lines) {
      const key = matchKey(vendor.id, normalizeItemName(line.item), overrides);
      let row = rows.get(key);
      if (!row) {
        row = { name: line.item, lines: vendors.map(() => []) };
        rows.set(key, row);
      }
      row.lines[vi].push(line);
      yield { done: ++done, total, stage: "Matching items" };
    }
  }
  total = lineCount + rows.size + splitSteps(vendors.length, rows.size);

  const items: ItemRow[] = [];
  for (const [key, row] of rows) {
    const bids = row.lines.map((lines, vi): ItemBid | undefined => {
      if (lines.length === 0) return undefined;
      const vendor = vendors[vi];
      if (lines.length > 1) {
        const where = lines.map((l) => (l.row ? `row ${l.row}` : `"${l.item}"`)).join(", ");
        notes.push(
          `${vendor.name} lists "${row.name}" more than once (${where}): the lines are added together.`,
        );
      }
      // The bid supplies the item when one of its lines does; lines that do not cost nothing.
      const reasons = lines.map((l) => incompleteReason(l, schedule));
      const incomplete = reasons.every((r) => r !== undefined) ? reasons[0] : undefined;
      if (incomplete !== undefined)
        notes.push(
          `${vendor.name}'s bid for "${row.name}" is incomplete (${incomplete}): it is not counted as a bid for it.`,
        );
      return {
        lines,
        cost: addCosts(lines.map((l) => lineCost(l, vendor.terms, schedule))),
        qty: sum(lines.map((l) => l.qty)),
        ...(incomplete !== undefined ? { incomplete } : {}),
      };
    });
    const bidCents = bids.map(completeCents);
    const offered = bidCents.filter((c): c is number => c !== undefined);
    const low = Math.min(...offered);
    const lowest = bidCents.flatMap((c, vi) => (c === low ? [vi] : []));
    const missing = bids.flatMap((b, vi) => (b ? [] : [vi]));
    const incomplete = bids.flatMap((b, vi) => (b?.incomplete !== undefined ? [vi] : []));
    if (offered.length === 0)
      notes.push(`"${row.name}": no vendor supplied it (incomplete bids only); it is in neither award.`);
    const quoted = new Set(
      // An incomplete bid differs by nature; it is flagged as incomplete instead.
      bids.flatMap((b) => (b && b.incomplete === undefined ? [quoteText(b.lines, schedule)] : [])),
    );
    const differs = quoted.size > 1;
    if (differs)
      notes.push(`"${row.name}": vendors quoted different quantities or days; check before awarding.`);
    items.push({ key, name: row.name, bids, lowest, missing, incomplete, differs });
    yield { done: ++done, total, stage: "Costing items" };
  }

  const supplied = items.filter((item) => item.lowest.length > 0);
  const summaries = vendors.map((vendor, vi): VendorSummary => {
    const bidCosts = items.flatMap((item) => {
      const bid = item.bids[vi];
      return bid ? [bid.cost] : [];
    });
    // An incomplete bid costs nothing (its lines supply nothing), so the total is the same
    // with or without it.
    const cost = addCosts(bidCosts);
    const charges = orderCharges(vendor.terms);
    const itemsIncomplete = items.filter((item) => item.incomplete.includes(vi)).length;
    return {
      cost,
      orderCharges: charges,
      total: cost.landed.plus(charges),
      itemsBid: bidCosts.length - itemsIncomplete,
      itemsMissing: items.length - bidCosts.length,
      itemsIncomplete,
      complete: supplied.every((item) => completeCents(item.bids[vi]) !== undefined),
    };
  });

  const bestSingle = singleAward(items, summaries);
  const searched = yield* splitAward(items, vendors, bestSingle, () => ({
    done: ++done,
    total,
    stage: "Finding the best split",
  }));
  const { award: bestSplit, exact } = searched;
  const saving = bestSingle ? roundCents(bestSingle.total).minus(roundCents(bestSplit.total)) : undefined;
  return {
    vendors,
    ...(schedule !== undefined ? { schedule } : {}),
    items,
    summaries,
    bestSingle,
    bestSplit,
    saving,
    splitIsExact: exact,
    notes,
  };
}

/** Whether the split award is searched exactly for this many vendors and items. */
function searchesExactly(vendorCount: number, itemCount: number): boolean {
  return vendorCount <= 20 && 2 ** vendorCount * itemCount * vendorCount <= EXACT_SEARCH_LIMIT;
}

/** Steps of the split award search: one per vendor set tried (none for the quick rule). */
function splitSteps(vendorCount: number, itemCount: number): number {
  return searchesExactly(vendorCount, itemCount) ? 2 ** vendorCount - 1 : 0;
}

/** The cheapest vendor that bid every item (ties: the one listed first). */
function singleAward(items: readonly ItemRow[], summaries: readonly VendorSummary[]): Award | undefined {
  let best: number | undefined;
  summaries.forEach((s, vi) => {
    if (!s.complete) return;
    if (best === undefined || cents(s.total) < cents(summaries[best].total)) best = vi;
  });
  if (best === undefined) return undefined;
  const vendor = best;
  return {
    vendorByItem: items.map((item) => (item.lowest.length > 0 ? vendor : -1)),
    vendors: [vendor],
    total: summaries[vendor].total,
  };
}

/** The award that gives each item to `vendorByItem`, with each used vendor's order charges. */
function awardOf(items: readonly ItemRow[], vendors: readonly VendorBid[], vendorByItem: number[]): Award {
  const used = [...new Set(vendorByItem)].filter((vi) => vi !== -1).sort((a, b) => a - b);
  let total = ZERO;
  items.forEach((item, i) => {
    if (vendorByItem[i] === -1) return;
    const bid = item.bids[vendorByItem[i]];
    // A split award only ever picks a vendor that bid the item.
    if (!bid) throw new Error(`award picked vendor ${vendorByItem[i]} that did not bid ${item.key}`);
    total = total.plus(bid.cost.landed);
  });
  for (const vi of used) total = total.plus(orderCharges(vendors[vi].terms));
  return { vendorByItem, vendors: used, total };
}

/** For each item, the cheapest vendor in `mask` that bid it (ties: listed first), or -1 if none. */
function cheapestIn(
  itemCents: readonly (number | undefined)[][],
  mask: number,
): { picks: number[]; cost: number } {
  const picks: number[] = [];
  let cost = 0;
  for (const row of itemCents) {
    let pick = -1;
    for (let vi = 0; vi < row.length; vi++) {
      const c = row[vi];
      if (c === undefined || (mask & (1 << vi)) === 0) continue;
      if (pick === -1 || c < (row[pick] as number)) pick = vi;
    }
    if (pick === -1) return { picks, cost: Number.POSITIVE_INFINITY };
    picks.push(pick);
    cost += row[pick] as number;
  }
  return { picks, cost };
}

/** The best split award (see the rules at the top of this file), yielding after each vendor set. */
function* splitAward(
  items: readonly ItemRow[],
  vendors: readonly VendorBid[],
  single: Award | undefined,
  step: () => ComparisonProgress,
): Generator<ComparisonProgress, { award: Award; exact: boolean }, void> {
  const n = vendors.length;
  // Only the items some vendor supplies are awarded; the others stay -1.
  const supplied = items.flatMap((item, i) => (item.lowest.length > 0 ? [i] : []));
  const itemCents = supplied.map((i) => items[i].bids.map(completeCents));
  const byItem = (picks: readonly number[]) => {
    const vendorByItem = items.map(() => -1);
    supplied.forEach((i, k) => (vendorByItem[i] = picks[k]));
    return vendorByItem;
  };
  const chargeCents = vendors.map((v) => cents(orderCharges(v.terms)));
  const costOf = (picks: number[], itemsCost: number) => {
    let c = itemsCost;
    for (const vi of new Set(picks)) c += chargeCents[vi];
    return c;
  };
  const all = (1 << n) - 1;
  if (searchesExactly(n, items.length)) {
    let best: { picks: number[]; cost: number; size: number } | undefined;
    for (let mask = 1; mask <= all; mask++) {
      yield step();
      const { picks, cost } = cheapestIn(itemCents, mask);
      if (!Number.isFinite(cost)) continue;
      const total = costOf(picks, cost);
      const size = new Set(picks).size;
      if (!best || total < best.cost || (total === best.cost && size < best.size)) {
        best = { picks, cost: total, size };
      }
    }
    // The set of all vendors always covers every item, so a best exists.
    if (!best) throw new Error("no vendor set covers every item");
    return { award: awardOf(items, vendors, byItem(best.picks)), exact: true };
  }
  const greedy = cheapestIn(itemCents, all);
  const greedyAward = awardOf(items, vendors, byItem(greedy.picks));
  if (single && cents(single.total) <= cents(greedyAward.total)) return { award: single, exact: false };
  return { award: greedyAward, exact: false };
}
