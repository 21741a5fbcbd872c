import fc from "fast-check";
import { parseAccountFilter } from "../../../src/engine/accounts";
import { Decimal } from "../../../src/engine/money";
import {
  compareBudgets,
  chartNote,
  type ComparedBudget,
  type Comparison,
  type ComparisonRow,
  type VersionLine,
  versionTotal,
} from "../../../src/engine/versions";

const line = (account: string, total: string | number, description = ""): VersionLine => ({
  account,
  description,
  total: new Decimal(total),
});

const current: ComparedBudget = {
  name: "Current",
  layout: "FEATURE",
  lines: [
    line("1301", "250000.00", "Director"),
    line("2501", "12345.675", "Key grip"),
    line("2501", "1000.004"),
    line("2502", "800.50", "Best boy grip"),
    line("5001", "40000", "Editor"),
    line("4550", "99.99", "Studio's own account"),
  ],
};
const approved: ComparedBudget = {
  name: "Studio approved",
  layout: "FEATURE",
  lines: [
    line("1301", "240000.00", "Director"),
    line("2501", "12000.00", "Key grip"),
    line("2503", "600.00", "Company grip"),
    line("5001", "40000", "Editor"),
  ],
};

const rowOf = (c: Comparison, kind: ComparisonRow["kind"], code = "") =>
  c.rows.find((r) => r.kind === kind && (code === "" || r.code === code))!;
const cents = (values: readonly Decimal[]) => values.map((v) => v.toFixed(2));

describe("comparing Current with a saved version", () => {
  const c = compareBudgets([current, approved], { layout: "FEATURE", base: 1 });

  it("adds an account's lines and rounds once: 12,345.675 + 1,000.004 = 13,345.68", () => {
    const row = rowOf(c, "account", "2501");
    expect(cents(row.figures)).toEqual(["13345.68", "12000.00"]);
    expect(cents(row.differences)).toEqual(["1345.68", "0.00"]);
    expect(row.changes[0]!.toFixed(6)).toBe("0.112140");
    expect(row.name).toBe("Key grip");
  });

  it("keeps an account only one version has, with 0 in the other, and lists it", () => {
    expect(cents(rowOf(c, "account", "2503").figures)).toEqual(["0.00", "600.00"]);
    expect(rowOf(c, "account", "2503").missingFrom).toEqual([0]);
    expect(rowOf(c, "account", "2502").missingFrom).toEqual([1]);
    expect(c.partial.map((p) => [p.account, p.in])).toEqual([
      ["2502", ["Current"]],
      ["2503", ["Studio approved"]],
      ["4550", ["Current"]],
    ]);
  });

  it("rolls accounts up by category, level and total to the cent", () => {
    expect(cents(rowOf(c, "category", "2500").figures)).toEqual(["14146.18", "12600.00"]);
    expect(rowOf(c, "category", "2500").name).toBe("Set Operations");
    expect(cents(rowOf(c, "category", "4500").figures)).toEqual(["99.99", "0.00"]);
    expect(rowOf(c, "category", "4500").name).toBe("4500 (not in the Feature film chart)");
    const levels = c.rows.filter((r) => r.kind === "level");
    expect(levels.map((r) => [r.name, ...cents(r.figures)])).toEqual([
      ["Total Above-the-line", "250000.00", "240000.00"],
      ["Total Production", "14246.17", "12600.00"],
      ["Total Post", "40000.00", "40000.00"],
    ]);
    expect(cents(rowOf(c, "belowTheLine").figures)).toEqual(["54246.17", "52600.00"]);
    expect(cents(rowOf(c, "total").figures)).toEqual(["304246.17", "292600.00"]);
    expect(cents(rowOf(c, "total").differences)).toEqual(["11646.17", "0.00"]);
    expect(rowOf(c, "total").changes[0]!.toFixed(8)).toBe("0.03980236");
  });

  it("gives no % change where the base is 0", () => {
    expect(rowOf(c, "account", "2502").changes).toEqual([null, null]);
  });

  it("lists rows in chart order: accounts, their category, then the level", () => {
    expect(c.rows.slice(0, 3).map((r) => [r.kind, r.code])).toEqual([
      ["account", "1301"],
      ["category", "1300"],
      ["level", ""],
    ]);
  });
});

describe("rounding once, as Save and the Top Sheet total a budget", () => {
  // Three grips at 6.67 a day for 1.5 days: 10.005 each. Save says 30.02 (versionTotal), and the
  // Top Sheet adds the lines and shows 30.02; each account alone is 10.01.
  const grips: ComparedBudget = {
    name: "Current",
    layout: "FEATURE",
    lines: [line("2501", "10.005"), line("2502", "10.005"), line("2503", "10.005")],
  };
  const none: ComparedBudget = { name: "Empty", layout: "FEATURE", lines: [] };

  it.each([false, true])(
    "gives every category, level and total its lines added and rounded once (top sheet only: %s)",
    (topSheetOnly) => {
      const c = compareBudgets([grips, none], { layout: "FEATURE", base: 1, topSheetOnly });
      expect(c.rows.filter((r) => r.kind === "account").map((r) => r.figures[0].toFixed(2))).toEqual(
        topSheetOnly ? [] : ["10.01", "10.01", "10.01"],
      );
      expect(
        c.rows
          .filter((r) => r.kind !== "account")
          .map((r) => [r.kind, ...cents(r.figures), ...cents(r.differences)]),
      ).toEqual([
        ["category", "30.02", "0.00", "30.02", "0.00"],
        ["level", "30.02", "0.00", "30.02", "0.00"],
        ["belowTheLine", "30.02", "0.00", "30.02", "0.00"],
        ["total", "30.02", "0.00", "30.02", "0.00"],
      ]);
      expect(rowOf(c, "total").figures[0].equals(versionTotal(grips.lines))).toBe(true);
    },
  );
});

describe("filters and the top sheet only", () => {
  it("keeps only the accounts an ACCTSUM filter selects", () => {
    const c = compareBudgets([current, approved], {
      layout: "FEATURE",
      base: 1,
      filter: parseAccountFilter("2000-4999,!2502", "filter"),
    });
    expect(c.rows.filter((r) => r.kind === "account").map((r) => r.code)).toEqual(["2501", "2503", "4550"]);
    expect(cents(rowOf(c, "total").figures)).toEqual(["13445.67", "12600.00"]);
  });

  it("prints categories rounded once from their lines, without account rows", () => {
    const c = compareBudgets(
      [
        { name: "A", layout: "FEATURE", lines: [line("2501", "0.004"), line("2502", "0.004")] },
        { name: "B", layout: "FEATURE", lines: [line("2501", "0.004")] },
      ],
      { layout: "FEATURE", base: 0, topSheetOnly: true },
    );
    expect(c.rows.some((r) => r.kind === "account")).toBe(false);
    expect(cents(rowOf(c, "category", "2500").figures)).toEqual(["0.01", "0.00"]);
    expect(rowOf(c, "category", "2500").accounts).toEqual(["2501", "2502"]);
  });
});

describe("charts and bad input", () => {
  it("rolls a version of another chart up with the chart asked for, and says so", () => {
    const aicp: ComparedBudget = { name: "Bid", layout: "AICP", lines: [line("D114", 500), line("A1", 100)] };
    const c = compareBudgets([current, aicp], { layout: "FEATURE", base: 0 });
    expect(rowOf(c, "account", "D114").missingFrom).toEqual([0]);
    expect(c.otherCharts).toEqual(["Bid"]);
    expect(cents(rowOf(c, "total").figures)).toEqual(["304246.17", "600.00"]);
    expect(chartNote(c)).toMatch(/^Rolled up with the Feature film chart; Bid was saved with another chart/);
  });

  it("names the AICP form's groups and has no below-the-line row on that chart", () => {
    const c = compareBudgets(
      [
        { name: "A", layout: "AICP", lines: [line("D114", 500), line("L1", 50)] },
        { name: "B", layout: "AICP", lines: [line("D114", 400)] },
      ],
      { layout: "AICP", base: 1 },
    );
    expect(c.rows.filter((r) => r.kind === "level").map((r) => r.name)).toEqual([
      "Total Production (A-K)",
      "Total Director & Talent (L-N)",
    ]);
    expect(c.rows.some((r) => r.kind === "belowTheLine")).toBe(false);
    expect(cents(rowOf(c, "total").differences)).toEqual(["150.00", "0.00"]);
  });

  it.each([[[current]], [[current, approved, approved, approved, approved]]])(
    "refuses %# budgets outside two to four",
    (budgets) => {
      expect(() => compareBudgets(budgets, { layout: "FEATURE", base: 0 })).toThrow(/must be 2 to 4/);
    },
  );

  it("refuses a base that is not one of the budgets", () => {
    expect(() => compareBudgets([current, approved], { layout: "FEATURE", base: 2 })).toThrow(/Base version/);
  });
});

describe("money invariants", () => {
  const account = fc.oneof(
    fc.integer({ min: 1100, max: 7999 }).map(String),
    fc.constantFrom("D114", "A1", "L2"),
  );
  const cents2 = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => new Decimal(n).dividedBy(1000));
  const budget = (name: string) =>
    fc.array(fc.record({ account, total: cents2 }), { maxLength: 25 }).map((ls): ComparedBudget => ({
      name,
      layout: "FEATURE",
      lines: ls.map((l) => ({ ...l, description: "" })),
    }));

  it("a version compared with itself differs by nothing, on every row", () => {
    fc.assert(
      fc.property(budget("A"), fc.boolean(), (a, topSheetOnly) => {
        const c = compareBudgets([a, { ...a, name: "A again" }], {
          layout: "FEATURE",
          base: 0,
          topSheetOnly,
        });
        return c.rows.every((r) => r.differences.every((d) => d.isZero()) && c.partial.length === 0);
      }),
    );
  });

  it("gives each budget's Total as its saved total, and the difference of the saved totals", () => {
    fc.assert(
      fc.property(budget("A"), budget("B"), budget("C"), fc.integer({ min: 0, max: 2 }), (a, b, x, base) => {
        const budgets = [a, b, x];
        const c = compareBudgets(budgets, { layout: "FEATURE", base });
        const total = c.rows.find((r) => r.kind === "total")!;
        const saved = budgets.map((v) => versionTotal(v.lines));
        return budgets.every(
          (_, i) =>
            total.figures[i].equals(saved[i]) && total.differences[i].equals(saved[i].minus(saved[base])),
        );
      }),
    );
  });

  it("has the accounts' differences add up to the Total's, exactly with whole cents, within each account's rounding else", () => {
    fc.assert(
      fc.property(
        budget("A"),
        budget("B"),
        fc.integer({ min: 0, max: 1 }),
        fc.boolean(),
        (a, b, base, wholeCents) => {
          const toCents = (v: ComparedBudget): ComparedBudget =>
            wholeCents
              ? { ...v, lines: v.lines.map((l) => ({ ...l, total: l.total.toDecimalPlaces(2) })) }
              : v;
          const c = compareBudgets([toCents(a), toCents(b)], { layout: "FEATURE", base });
          const total = c.rows.find((r) => r.kind === "total")!;
          const accounts = c.rows.filter((r) => r.kind === "account");
          return [0, 1].every((i) => {
            const sum = accounts.reduce((s, r) => s.plus(r.differences[i]), new Decimal(0));
            // Each account's figure and the Total are each within half a cent of their lines.
            const slack = new Decimal("0.005").times(2 * accounts.length + 2);
            return wholeCents
              ? sum.equals(total.differences[i])
              : sum.minus(total.differences[i]).abs().lte(slack);
          });
        },
      ),
    );
  });
});
