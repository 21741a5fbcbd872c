/**
 * The top sheet: a budget rolled up to its categories, with the level subtotals and the total
 * a line producer reads first (domain/reference.md 2.1 "bottom of the topsheet", 2.5 and 5.2:
 * detail -> account -> category -> level -> grand total).
 *
 * Categories, their names, order and levels come from the chart of accounts (chart.ts). An
 * account is placed in its category the same way the weekly cost report places it
 * (weeklyCostReport/coding.ts), and both list the levels in the order chart.ts levelOrder gives,
 * so the top sheet and the cost report always agree: an account
 * whose category is not in the chart (a studio's own 4500s) gets its own row, in the level of
 * the chart category just before it. Nothing is dropped: lines with no account but an amount
 * show as "(no account)" under Other.
 */
import { accountKey } from "./accounts";
import type { AccountLine } from "./charges";
import { LAYOUTS, levelOrder, type Level, type LayoutId } from "./chart";
import { type Decimal, roundCents, ZERO } from "./money";
import { compareCodes, placer } from "./weeklyCostReport/coding";

/** One row of a top sheet. */
export interface TopSheetRow {
  /**
   * - `category`: one category of the chart (or an account's own hundred not in the chart);
   * - `subtotal`: the total of one level, or Below-the-line (production + post + other);
   * - `total`: above plus below the line.
   */
  kind: "category" | "subtotal" | "total";
  /** The category code ("2500", "D"); "" for subtotals and for lines with no account. */
  code: string;
  /** What the top sheet calls the row. */
  name: string;
  /** The row's figure to the cent: a category's lines rounded once; subtotals add up the rows. */
  total: Decimal;
  /** False when the chart could not confirm the category's name (chart.ts). */
  confirmed: boolean;
}

/** What lines with no account are called on the top sheet. */
export const NO_ACCOUNT = "(no account)";

interface Bucket {
  code: string;
  name: string;
  level: Level;
  order: number;
  confirmed: boolean;
  total: Decimal;
}

/**
 * Rolls budget lines up into a top sheet: every category of the layout in chart order (with 0
 * where nothing is budgeted), grouped by level, each level followed by its subtotal, then
 * Below-the-line and Total. Levels come in the order the chart first uses them (chart.ts
 * levelOrder: a feature starts above the line; an AICP bid form starts with sections A-K).
 *
 * @param layoutId - which chart of accounts to use
 * @param lines - the budget lines (see readAccountLines in charges.ts)
 */
export function topSheet(layoutId: LayoutId, lines: readonly AccountLine[]): TopSheetRow[] {
  const layout = LAYOUTS[layoutId];
  const place = placer(layoutId);
  const buckets = new Map<string, Bucket>();
  layout.categories.forEach((c, order) =>
    buckets.set(c.code, {
      code: c.code,
      name: c.name,
      level: c.level,
      order,
      confirmed: c.confirmed,
      total: ZERO,
    }),
  );
  let unaccounted: Bucket | undefined;
  for (const line of lines) {
    if (line.account === undefined) {
      // An empty row of the range is no line; an amount without an account still counts.
      if (line.amount.isZero()) continue;
      unaccounted ??= {
        code: "",
        name: NO_ACCOUNT,
        level: "OTHER",
        order: Infinity,
        confirmed: true,
        total: ZERO,
      };
      unaccounted.total = unaccounted.total.plus(line.amount);
      continue;
    }
    const p = place(accountKey(line.account));
    let bucket = buckets.get(p.category);
    if (!bucket) {
      bucket = {
        code: p.category,
        name: p.categoryName,
        level: p.level,
        order: p.order,
        confirmed: true,
        total: ZERO,
      };
      buckets.set(p.category, bucket);
    }
    bucket.total = bucket.total.plus(line.amount);
  }
  const all = [...buckets.values(), ...(unaccounted ? [unaccounted] : [])];

  const rows: TopSheetRow[] = [];
  let belowTheLine = ZERO;
  let grandTotal = ZERO;
  for (const { level, name: levelName } of levelOrder(layoutId)) {
    const block = all
      .filter((b) => b.level === level)
      .sort((a, b) => a.order - b.order || compareCodes(a.code, b.code));
    if (block.length === 0) continue;
    let subtotal = ZERO;
    for (const b of block) {
      // Each category is rounded to the cent once, and the subtotals add up the rounded figures,
      // so the printed top sheet foots: its subtotals are the sums of the rows above them.
      const total = roundCents(b.total);
      rows.push({ kind: "category", code: b.code, name: b.name, total, confirmed: b.confirmed });
      subtotal = subtotal.plus(total);
    }
    rows.push({ kind: "subtotal", code: "", name: `Total ${levelName}`, total: subtotal, confirmed: true });
    // Reference.md 2.5: below the line = production + post + other.
    if (level !== "ATL") belowTheLine = belowTheLine.plus(subtotal);
    grandTotal = grandTotal.plus(subtotal);
  }
  // Every layout, the AICP one included, ends with Below-the-line and Total (spec/functions.md
  // PROD.TOPSHEET); only the AICP template's own top sheet shows the form's groups instead.
  rows.push({
    kind: "subtotal",
    code: "",
    name: "Total Below-the-line",
    total: belowTheLine,
    confirmed: true,
  });
  rows.push({ kind: "total", code: "", name: "Total", total: grandTotal, confirmed: true });
  return rows;
}
