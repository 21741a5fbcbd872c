/**
 * Where an account sits in the chart: its category and top-sheet level (reference.md 5.2:
 * detail -> account -> category -> level -> grand total), read from the chart of accounts.
 */
import { categoryCode } from "../accounts";
import { LAYOUTS, LEVELS, type Level, type LayoutId } from "../chart";

/** The category an account rolls up to. */
export interface Placement {
  category: string;
  categoryName: string;
  level: Level;
  /** Position of the category on the top sheet, for ordering rows. */
  order: number;
}

/**
 * Places normalized account codes in a layout's chart. An account whose category is not in the
 * chart (a studio's own 4500 series, say) still has a home: its category is its hundred, and its
 * level is the level of the chart category just before it, since charts keep their categories
 * in top-sheet order (reference.md 2.1: "numbers vary by studio, but the ordering is stable").
 */
export function placer(layoutId: LayoutId): (account: string) => Placement {
  const layout = LAYOUTS[layoutId];
  const known = new Map(layout.categories.map((c, i) => [c.code, { c, i }]));
  const cache = new Map<string, Placement>();

  const place = (account: string): Placement => {
    const code = categoryCode(account);
    const hit = known.get(code);
    if (hit) return { category: code, categoryName: hit.c.name, level: hit.c.level, order: hit.i };
    // Not in the chart: sit after the last chart category that sorts before it.
    let before = -1;
    layout.categories.forEach((c, i) => {
      if (compareCodes(c.code, code) < 0) before = i;
    });
    const level: Level = before >= 0 ? layout.categories[before].level : (LEVELS[0].level as Level);
    return {
      category: code,
      categoryName: `${code} (not in the ${layout.name} chart)`,
      level,
      order: before + 0.5,
    };
  };
  return (account) => {
    let p = cache.get(account);
    if (!p) {
      p = place(account);
      cache.set(account, p);
    }
    return p;
  };
}

// One collator, made once: localeCompare with options builds a new one on every call.
const NATURAL = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Natural order of account and category codes and period labels: "2" < "10", "P2" < "P10". */
export function compareCodes(a: string, b: string): number {
  return NATURAL.compare(a, b);
}
