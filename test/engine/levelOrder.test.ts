import { parseAccount } from "../../src/engine/accounts";
import { LAYOUT_IDS, LAYOUTS, levelOrder, type LayoutId } from "../../src/engine/chart";
import { Decimal } from "../../src/engine/money";
import { topSheet } from "../../src/engine/topsheet";
import { buildCostReport, dateSerial } from "../../src/engine/weeklyCostReport";

/** One budget line on every category of the chart: "D" on a bid form, 2501 on a feature. */
function budgetOf(layoutId: LayoutId) {
  return LAYOUTS[layoutId].categories.map((c) => ({
    account: /^\d+$/.test(c.code) ? String(Number(c.code) + 1) : c.code,
    description: c.name,
    amount: new Decimal(1000),
  }));
}

/** The level subtotals the cost report lists, top to bottom. */
function costReportLevels(layoutId: LayoutId): string[] {
  const end = dateSerial(2026, 11, 20) as number;
  const report = buildCostReport({
    budget: budgetOf(layoutId),
    ledger: [],
    openPos: [],
    settings: {
      layout: layoutId,
      cutoff: { kind: "date", start: end - 6, end },
      convention: "UNDER",
      efcChangeThreshold: new Decimal(2500),
    },
  });
  return report.rows.flatMap((r) => (r.kind === "level" ? [r.name] : []));
}

/** The level subtotals the top sheet lists, top to bottom (without Below-the-line and Total). */
function topSheetLevels(layoutId: LayoutId): string[] {
  const lines = budgetOf(layoutId).map((l) => ({
    account: parseAccount(l.account, "accounts"),
    amount: l.amount,
  }));
  return topSheet(layoutId, lines)
    .filter((r) => r.kind === "subtotal" && r.name !== "Total Below-the-line")
    .map((r) => r.name);
}

describe("the order of the levels, one for the top sheet and the cost report", () => {
  it.each(LAYOUT_IDS)("lists the %s levels in the same order on the top sheet and the cost report", (id) => {
    const expected = levelOrder(id)
      .filter((l) => LAYOUTS[id].categories.some((c) => c.level === l.level))
      .map((l) => `Total ${l.name}`);
    expect(costReportLevels(id)).toEqual(expected);
    expect(topSheetLevels(id)).toEqual(expected);
  });

  it("starts an AICP bid form with production (A-K), then director and talent (L-N), as the form reads", () => {
    expect(levelOrder("AICP").map((l) => l.level)).toEqual(["PRODUCTION", "ATL", "OTHER", "POST"]);
    expect(costReportLevels("AICP")).toEqual([
      "Total Production",
      "Total Above-the-line",
      "Total Other",
      "Total Post",
    ]);
  });

  it("gives the AICP template the form's own group names, and every other chart the standard ones", () => {
    expect(levelOrder("AICP", "form").map((l) => l.name)).toEqual([
      "Production (A-K)",
      "Director & Talent (L-N)",
      "Other & Usage (O-P)",
      "Post-production (Q-X)",
    ]);
    expect(levelOrder("FEATURE", "form")).toEqual(levelOrder("FEATURE"));
  });

  it.each(["FEATURE", "TV", "DOC"] as const)("starts a %s budget above the line", (id) => {
    expect(levelOrder(id).map((l) => l.level)).toEqual(["ATL", "PRODUCTION", "POST", "OTHER"]);
  });
});
