/**
 * Comparing two to four budgets (Current plus up to three saved versions) by account, rolled up
 * by category and level with a chart of accounts (issue 21; reference.md 5.2: detail -> account
 * -> category -> level -> grand total), each budget's figure, and the difference and % change of
 * each against the base the user picks.
 *
 * Accounts are matched by their canonical key (accounts.ts), so 25-01 in one version and 2501 in
 * another are one account. An account only some budgets have keeps its row, with 0 in the others,
 * and is listed (issue 21: "lists the accounts only one has, never drops them"). Budgets saved
 * with different charts are rolled up with the chart the caller picks: category codes are the
 * account's hundred or section letter on every chart (accounts.ts categoryCode), and an account
 * the chart does not have gets its own category row (weeklyCostReport/coding.ts placer).
 *
 * Rounding (spec/functions.md, money): every figure, an account's, a category's, a level's and
 * the totals', is its lines added and rounded once to the cent, half away from zero. So a
 * budget's Total is the total Save version gives it (store.ts versionTotal) and the template's
 * Top Sheet shows (its cells add the lines and show them to the cent: buildPlan.ts), to the cent:
 * three lines of 10.005 are 30.02 on all three, where adding the accounts rounded (10.01 each)
 * would give 30.03. The rows above a total may then add up to a cent or so more or less than it;
 * the sheet says so (comparisonSheet.ts). A difference is the budget's figure less the base's,
 * so a Total's difference is the difference of the saved totals; the % change is the difference
 * over the base, none where the base is 0.
 */
import { type AccountFilter, tryParseAccount } from "../accounts";
import { LAYOUTS, levelOrder, splitsAtTheLine, type Level, type LayoutId } from "../chart";
import { errors } from "../errors";
import { type Decimal, roundCents, ZERO } from "../money";
import { compareCodes, placer } from "../weeklyCostReport/coding";
import type { ComparedBudget } from "./types";

/** Most budgets one comparison holds: Current plus three saved (Movie Magic's four). */
export const MAX_COMPARED = 4;

/** How to compare. */
export interface CompareOptions {
  /** The chart the rows are rolled up with. */
  layout: LayoutId;
  /** Index (in the budgets given) of the base the others are compared against. */
  base: number;
  /** Only the accounts this filter selects (the ACCTSUM grammar, accounts.ts); all when absent. */
  filter?: AccountFilter;
  /** Categories, levels and totals only, no account rows. @default false */
  topSheetOnly?: boolean;
}

/** One row of a comparison. */
export interface ComparisonRow {
  kind: "account" | "category" | "level" | "belowTheLine" | "total";
  /** The account key or category code; "" for level and total rows. */
  code: string;
  /** The account's description, the category's or level's name. */
  name: string;
  /** The account keys the row adds up, in row order (one for an account row). */
  accounts: readonly string[];
  /** Each budget's figure, in the order the budgets were given. */
  figures: Decimal[];
  /** Each budget's figure less the base's (the base's own is 0). */
  differences: Decimal[];
  /** Each difference over the base's figure; null where the base is 0. */
  changes: (Decimal | null)[];
  /** Account rows: the budgets (by index) that do not have the account. */
  missingFrom: number[];
  /** Level rows: the level. */
  level?: Level;
}

/** An account that not every budget has. */
export interface PartialAccount {
  account: string;
  description: string;
  /** The names of the budgets that have it. */
  in: string[];
}

/** A comparison, ready to print. */
export interface Comparison {
  names: string[];
  base: number;
  layout: LayoutId;
  rows: ComparisonRow[];
  /** Accounts only some budgets have (within the filter), in chart order. */
  partial: PartialAccount[];
  /** The budgets whose chart is not the one the rows are rolled up with, by name. */
  otherCharts: string[];
}

interface AccountEntry {
  key: string;
  description: string;
  /** Per budget: the sum of its lines, or undefined when it has none on this account. */
  sums: (Decimal | undefined)[];
}

/**
 * Compares budgets.
 *
 * @param budgets - two to four budgets; the first is usually Current
 * @param options - the chart, the base, the filter, top sheet only
 * @throws ProdError (invalid) for fewer than two or more than four budgets, or a base out of range
 */
export function compareBudgets(budgets: readonly ComparedBudget[], options: CompareOptions): Comparison {
  if (budgets.length < 2 || budgets.length > MAX_COMPARED) {
    throw errors.invalid("Versions to compare", `must be 2 to ${MAX_COMPARED}, got ${budgets.length}`);
  }
  const { base, layout } = options;
  if (!Number.isInteger(base) || base < 0 || base >= budgets.length) {
    throw errors.invalid("Base version", `must be one of the versions compared`);
  }
  const entries = new Map<string, AccountEntry>();
  budgets.forEach((budget, b) => {
    for (const line of budget.lines) {
      if (options.filter && !options.filter.matches(tryParseAccount(line.account))) continue;
      let entry = entries.get(line.account);
      if (!entry) {
        entry = { key: line.account, description: "", sums: budgets.map(() => undefined) };
        entries.set(line.account, entry);
      }
      entry.sums[b] = (entry.sums[b] ?? ZERO).plus(line.total);
      if (entry.description === "" && line.description.trim() !== "")
        entry.description = line.description.trim();
    }
  });

  const place = placer(layout);
  const accounts = [...entries.values()].sort((x, y) => {
    const px = place(x.key);
    const py = place(y.key);
    return px.order - py.order || compareCodes(px.category, py.category) || compareCodes(x.key, y.key);
  });

  // Each row from its lines' sums, unrounded, per budget: rounded once here, never added rounded.
  const row = (
    kind: ComparisonRow["kind"],
    code: string,
    name: string,
    keys: readonly string[],
    sums: readonly Decimal[],
    missingFrom: number[] = [],
  ): ComparisonRow => {
    const figures = sums.map(roundCents);
    const differences = figures.map((f) => f.minus(figures[base]));
    const changes = differences.map((d) => (figures[base].isZero() ? null : d.dividedBy(figures[base])));
    return { kind, code, name, accounts: keys, figures, differences, changes, missingFrom };
  };
  const add = (a: readonly Decimal[], b: readonly Decimal[]) => a.map((x, i) => x.plus(b[i]));
  const zeros = () => budgets.map(() => ZERO);

  const rows: ComparisonRow[] = [];
  const levelRows: { level: Level; keys: string[]; sums: Decimal[] }[] = [];
  for (const { level, name: levelName } of levelOrder(layout, "form")) {
    const inLevel = accounts.filter((a) => place(a.key).level === level);
    if (inLevel.length === 0) continue;
    let levelSums = zeros();
    const levelKeys: string[] = [];
    let start = 0;
    while (start < inLevel.length) {
      const category = place(inLevel[start].key);
      let end = start;
      while (end < inLevel.length && place(inLevel[end].key).category === category.category) end++;
      const members = inLevel.slice(start, end);
      const keys = members.map((m) => m.key);
      let categorySums = zeros();
      for (const m of members) {
        const sums = m.sums.map((s) => s ?? ZERO);
        const missing = m.sums.flatMap((s, b) => (s === undefined ? [b] : []));
        if (!options.topSheetOnly) rows.push(row("account", m.key, m.description, [m.key], sums, missing));
        categorySums = add(categorySums, sums);
      }
      rows.push(row("category", category.category, category.categoryName, keys, categorySums));
      levelSums = add(levelSums, categorySums);
      levelKeys.push(...keys);
      start = end;
    }
    rows.push({ ...row("level", "", `Total ${levelName}`, levelKeys, levelSums), level });
    levelRows.push({ level, keys: levelKeys, sums: levelSums });
  }
  const rollUp = (kind: "belowTheLine" | "total", name: string, levels: typeof levelRows) =>
    row(
      kind,
      "",
      name,
      levels.flatMap((l) => l.keys),
      levels.reduce((sum, l) => add(sum, l.sums), zeros()),
    );
  // Reference.md 2.5: below the line = production + post + other; a chart without the line
  // (the AICP form) totals its groups only.
  if (splitsAtTheLine(layout)) {
    rows.push(
      rollUp(
        "belowTheLine",
        "Total Below-the-line",
        levelRows.filter((l) => l.level !== "ATL"),
      ),
    );
  }
  rows.push(rollUp("total", "Total", levelRows));

  const names = budgets.map((b) => b.name);
  const partial = accounts
    .filter((a) => a.sums.some((s) => s === undefined))
    .map((a) => ({
      account: a.key,
      description: a.description,
      in: a.sums.flatMap((s, b) => (s === undefined ? [] : [names[b]])),
    }));
  const otherCharts = budgets.filter((b) => b.layout !== layout).map((b) => b.name);
  return { names, base, layout, rows, partial, otherCharts };
}

/** Plain words for the chart a comparison is rolled up with, and the budgets saved with another. */
export function chartNote(comparison: Comparison): string {
  const chart = LAYOUTS[comparison.layout].name;
  if (comparison.otherCharts.length === 0) return `Rolled up with the ${chart} chart.`;
  return `Rolled up with the ${chart} chart; ${comparison.otherCharts.join(", ")} ${comparison.otherCharts.length === 1 ? "was" : "were"} saved with another chart, so accounts that chart has and this one does not are in rows of their own.`;
}
