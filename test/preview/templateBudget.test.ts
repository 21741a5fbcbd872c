/*
 * The Feature template computed end to end: inserted into the in-memory workbook (HyperFormula
 * with the real PROD functions), rates typed in, totals read back to the cent.
 */
import { loadProdFunctions } from "./loadProdFunctions";
import { MemoryWorkbook } from "../../src/preview/memoryWorkbook";
import { registerProdFunctions } from "../../src/preview/prodFunctionPlugin";
import { TEMPLATES } from "../../src/engine/templates";
import { DETAIL_COLUMNS, buildTemplatePlan, namesForCopy } from "../../src/taskpane/templates/buildPlan";
import { freeCopy } from "../../src/taskpane/panels/TemplatesPanel";

beforeAll(async () => registerProdFunctions(await loadProdFunctions()));

// A whole budget computed in HyperFormula takes seconds on a loaded 2-core machine.
jest.setTimeout(60000);

async function featureBudget() {
  const template = TEMPLATES.FEATURE;
  const { sheets, suffix } = namesForCopy(template, 1);
  const layout = buildTemplatePlan(template, template.defaults, sheets, suffix);
  const wb = new MemoryWorkbook();
  await wb.apply(layout.plan);
  const rowsOf = (account: string) =>
    layout.detailLines.filter((l) => l.account === account).map((l) => l.row);
  const value = async (name: string) => (await wb.readNamedRange(name))!.values[0][0];
  return { wb, layout, rowsOf, value };
}

describe("Feature template, computed", () => {
  it("caps CA payroll fringes once across one person's prep, shoot and wrap lines, and totals the top sheet", async () => {
    const { wb, rowsOf, value } = await featureBudget();
    // UPM: 8 prep weeks at $4,000, 30 shoot days at $800, 4 wrap weeks at $4,000 = $72,000.
    const [prep, shoot, wrap] = rowsOf("2001");
    wb.enter("Budget detail", prep, DETAIL_COLUMNS.rate, "4000");
    wb.enter("Budget detail", shoot, DETAIL_COLUMNS.rate, "800");
    wb.enter("Budget detail", wrap, DETAIL_COLUMNS.rate, "4000");
    // Camera package: 30 shoot days / 5 = 6 weeks at $5,000 = $30,000, no fringes.
    const [camera] = rowsOf("3350");
    wb.enter("Budget detail", camera, DETAIL_COLUMNS.rate, "5000");

    const detail = (await wb.readUsedRange("Budget detail"))!.values;
    const cell = (row: number, column: number) => detail[row][column];
    expect([prep, shoot, wrap].map((r) => cell(r, DETAIL_COLUMNS.subtotal))).toEqual([32000, 24000, 16000]);
    expect(cell(shoot, DETAIL_COLUMNS.priorWages)).toBe(32000);
    expect(cell(wrap, DETAIL_COLUMNS.priorWages)).toBe(56000);
    // 2026 PAYROLL-CA: SS 6.2% + Medicare 1.45% on all; FUTA-CA 2.1%, SUI 3.4%, ETT 0.1% on the
    // first $7,000 only, all reached on the prep line.
    expect([prep, shoot, wrap].map((r) => cell(r, DETAIL_COLUMNS.fringes))).toEqual([2840, 1836, 1224]);
    expect(cell(camera, DETAIL_COLUMNS.fringes)).toBe(0);

    // Direct cost 72,000 + 5,900 fringes + 30,000 = 107,900; contingency 10% = 10,790.00;
    // insurance 0.7% of 107,900 (no story, no post) = 755.30; bond 3% of 118,690 = 3,560.70.
    expect(await value("Budget_Direct")).toBe(107900);
    expect(await value("Grand_Total")).toBe(123006);
  });

  it("follows the globals: more shoot days, more shoot cost", async () => {
    const { wb, rowsOf, value } = await featureBudget();
    const [camera] = rowsOf("3350");
    wb.enter("Budget detail", camera, DETAIL_COLUMNS.rate, "5000");
    expect(await value("Budget_Direct")).toBe(30000);
    const shootDays = (await wb.readNamedRange("Shoot_Days"))!;
    expect(shootDays).toMatchObject({ sheet: "Globals", values: [[30]] });
    const row = Number(/\d+/.exec(shootDays.address)![0]) - 1;
    wb.enter("Globals", row, 1, "40");
    expect(await value("Shoot_Days")).toBe(40);
    expect(await value("Budget_Direct")).toBe(40000);
  });

  it("counts a line whose account is in no category of the chart, instead of dropping it", async () => {
    const { wb, layout, value } = await featureBudget();
    const spare = layout.detailLines[layout.detailLines.length - 1].row + 1;
    wb.enter("Budget detail", spare, DETAIL_COLUMNS.acct, "4550");
    wb.enter("Budget detail", spare, DETAIL_COLUMNS.amount, "1");
    wb.enter("Budget detail", spare, DETAIL_COLUMNS.x, "1");
    wb.enter("Budget detail", spare, DETAIL_COLUMNS.rate, "1234.56");
    expect(await value("Budget_Direct")).toBe(1234.56);
  });

  it("marks up AICP sections A-K only", async () => {
    const template = TEMPLATES.AICP;
    const { sheets } = namesForCopy(template, 1);
    const layout = buildTemplatePlan(template, template.defaults, sheets);
    const wb = new MemoryWorkbook();
    await wb.apply(layout.plan);
    const rowOf = (account: string) => layout.detailLines.find((l) => l.account === account)!.row;
    // Camera rental (section I): 2 shoot days at $1,000 = 2,000, marked up 20% = 400.
    wb.enter("Budget detail", rowOf("I1"), DETAIL_COLUMNS.rate, "1000");
    // Usage (section P): $5,000 flat, not marked up.
    wb.enter("Budget detail", rowOf("P1"), DETAIL_COLUMNS.rate, "5000");
    const grand = (await wb.readNamedRange("Grand_Total"))!.values[0][0];
    expect(grand).toBe(7400);
  });

  it("spreads the TV amortization over the episodes to the cent", async () => {
    const template = TEMPLATES.TV;
    const { sheets } = namesForCopy(template, 1);
    const layout = buildTemplatePlan(template, { ...template.defaults, episodes: 3 }, sheets);
    const wb = new MemoryWorkbook();
    await wb.apply(layout.plan);
    // Standing sets $100,000 over 3 episodes: 33,333.34 + 33,333.33 + 33,333.33.
    wb.enter("Amortization", 6, 3, "100000");
    const total = (await wb.readNamedRange("Amort_Total"))!.values[0][0];
    expect(total).toBe(100000);
    const values = (await wb.readUsedRange("Amortization"))!.values;
    const shares = values
      .filter((r) => typeof r[0] === "number" && r[0] >= 1 && r[0] <= 3 && r[1] === 1)
      .map((r) => r[2]);
    expect(shares).toEqual([33333.34, 33333.33, 33333.33]);
  });
});

describe("inserting the same template twice (preview)", () => {
  it("creates a second budget whose sheets are owned apart from the first's, both computing", async () => {
    const wb = new MemoryWorkbook();
    for (const expected of [1, 2]) {
      const target = await freeCopy(wb, "FEATURE");
      expect(target.copy).toBe(expected);
      await wb.apply(
        buildTemplatePlan(TEMPLATES.FEATURE, TEMPLATES.FEATURE.defaults, target.sheets, target.suffix).plan,
      );
    }
    const owned = await wb.findOwned("templates");
    expect(owned.filter((o) => o.key === "detail").map((o) => o.sheet)).toEqual([
      "Budget detail",
      "Budget detail 2",
    ]);
    expect(owned).toHaveLength(8);
    expect((await wb.readNamedRange("Grand_Total_2"))?.sheet).toBe("Top Sheet 2");
  });
});
