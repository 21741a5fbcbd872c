/*
 * The Feature template computed end to end: inserted into the in-memory workbook (HyperFormula
 * with the real PROD functions), rates typed in, totals read back to the cent.
 */
import { loadProdFunctions } from "./loadProdFunctions";
import { MemoryWorkbook } from "../../src/preview/memoryWorkbook";
import { enterRate, insertedWithRates } from "./fillInRates";
import { registerProdFunctions } from "../../src/preview/prodFunctionPlugin";
import { TEMPLATES } from "../../src/engine/templates";
import { DETAIL_COLUMNS, buildTemplatePlan } from "../../src/taskpane/templates/buildPlan";
import { copyPreset } from "../../src/taskpane/fringes/fringeTables";
import { freeCopy } from "../../src/taskpane/panels/TemplatesPanel";
import { parseA1 } from "../../src/excel/port";

beforeAll(async () => registerProdFunctions(await loadProdFunctions()));

// A whole budget computed in HyperFormula takes seconds on a loaded 2-core machine.
jest.setTimeout(60000);

/**
 * A template inserted into an empty workbook, with the rates a producer fills in typed (unless
 * `fill` is false: a budget just inserted).
 */
const inserted = insertedWithRates;

async function featureBudget() {
  const { wb, layout } = await inserted(TEMPLATES.FEATURE);
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
    // first $7,000 only, all reached on the prep line: 2,840.00, 1,836.00, 1,224.00. The UPM is
    // DGA: its pension, 8.5% with no cap, adds 2,720.00, 2,040.00 and 1,360.00; its health row is
    // in the set but still blank, so it adds nothing yet. Workers' comp 4% and the payroll fee 1%
    // (the rates typed into the table) add 1,600.00, 1,200.00 and 800.00.
    expect(cell(prep, DETAIL_COLUMNS.fringeSet)).toBe("Fringes,DGA-PENSION,DGA-HEALTH");
    expect(cell(prep, DETAIL_COLUMNS.names)).toBe("DGA-PENSION@2026-01-01");
    expect([prep, shoot, wrap].map((r) => cell(r, DETAIL_COLUMNS.fringes))).toEqual([7160, 5076, 3384]);
    expect(cell(camera, DETAIL_COLUMNS.fringes)).toBe(0);

    // Direct cost 72,000 + 15,620 fringes + 30,000 = 117,620; contingency 10% = 11,762.00;
    // insurance 0.7% of 117,620 (no story, no post) = 823.34; bond 3% of 129,382 = 3,881.46.
    expect(await value("Budget_Direct")).toBe(117620);
    expect(await value("Grand_Total")).toBe(134086.8);
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
    const { wb, layout } = await inserted(TEMPLATES.AICP);
    const rowOf = (account: string) => layout.detailLines.find((l) => l.account === account)!.row;
    // Camera rental (section I): 2 shoot days at $1,000 = 2,000, marked up 20% = 400.
    wb.enter("Budget detail", rowOf("I193"), DETAIL_COLUMNS.rate, "1000");
    // Usage (section P): $5,000 flat, not marked up.
    wb.enter("Budget detail", rowOf("P"), DETAIL_COLUMNS.rate, "5000");
    const grand = (await wb.readNamedRange("Grand_Total"))!.values[0][0];
    expect(grand).toBe(7400);
  });

  it("spreads the TV amortization over the episodes to the cent", async () => {
    const { wb } = await inserted(TEMPLATES.TV, { ...TEMPLATES.TV.defaults, episodes: 3 });
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

describe("charges show their base, and the user picks it", () => {
  /** Types `value` into the Value cell of the global `name` on the Globals sheet. */
  async function setGlobal(wb: MemoryWorkbook, name: string, value: string) {
    const cell = (await wb.readNamedRange(name))!;
    wb.enter(cell.sheet, Number(/\d+/.exec(cell.address)![0]) - 1, 1, value);
  }
  const chargeRow = async (wb: MemoryWorkbook, label: string) =>
    (await wb.readUsedRange("Top Sheet"))!.values.find((r) => r[1] === label)!;

  it("charges insurance on the net insurable budget by default, on ATL+BTL or BTL when picked, and shows the base", async () => {
    const { wb, rowsOf, value } = await featureBudget();
    // Story 10,000 (no fringes), camera 6 weeks x 5,000 = 30,000, color & online 20,000 (post).
    wb.enter("Budget detail", rowsOf("1101")[0], DETAIL_COLUMNS.rate, "10000");
    wb.enter("Budget detail", rowsOf("3350")[0], DETAIL_COLUMNS.rate, "5000");
    wb.enter("Budget detail", rowsOf("5301")[0], DETAIL_COLUMNS.rate, "20000");
    expect(await value("Budget_Direct")).toBe(60000);
    // Acct | Category | Total | Rate | Base | Base is. Net insurable = 60,000 - story - post = 30,000.
    expect((await chargeRow(wb, "Production insurance")).slice(2, 6)).toEqual([
      210,
      0.007,
      30000,
      "Net insurable",
    ]);
    expect((await chargeRow(wb, "Contingency")).slice(2, 6)).toEqual([6000, 0.1, 60000, "ATL+BTL"]);
    // The bond on the budget with contingency: 3% of 66,000.
    expect((await chargeRow(wb, "Completion bond")).slice(2, 6)).toEqual([
      1980,
      0.03,
      66000,
      "ATL+BTL+contingency",
    ]);
    expect(await value("Grand_Total")).toBe(68190);

    await setGlobal(wb, "Insurance_Base", "ATL+BTL");
    expect((await chargeRow(wb, "Production insurance")).slice(2, 6)).toEqual([420, 0.007, 60000, "ATL+BTL"]);
    await setGlobal(wb, "Insurance_Base", "BTL");
    expect((await chargeRow(wb, "Production insurance")).slice(2, 6)).toEqual([350, 0.007, 50000, "BTL"]);
    // A base that is none of the choices is an error, not a guess.
    await setGlobal(wb, "Insurance_Base", "Whole thing");
    expect(String((await chargeRow(wb, "Production insurance"))[2])).toMatch(/^#N\/A/);
  });

  it("never insures the insurance: a 6700 account stays out of the base, and the sheet flags the two", async () => {
    const { wb, layout, rowsOf } = await featureBudget();
    wb.enter("Budget detail", rowsOf("3350")[0], DETAIL_COLUMNS.rate, "5000");
    const top = async () => (await wb.readUsedRange("Top Sheet"))!.values;
    const check = (rows: unknown[][]) => rows.filter((r) => String(r[1]).startsWith("Check: insurance"));
    expect(check(await top())).toEqual([]);
    const spare = layout.detailLines[layout.detailLines.length - 1].row + 1;
    wb.enter("Budget detail", spare, DETAIL_COLUMNS.acct, "6701");
    wb.enter("Budget detail", spare, DETAIL_COLUMNS.amount, "1");
    wb.enter("Budget detail", spare, DETAIL_COLUMNS.rate, "4000");
    // Base 30,000 camera (the 4,000 policy is not insured): 0.7% = 210.
    expect((await chargeRow(wb, "Production insurance")).slice(2, 5)).toEqual([210, 0.007, 30000]);
    expect(check(await top())).toHaveLength(1);
  });
});

describe("AICP: Estimate and Actual, prep and wrap in days", () => {
  it("totals the actuals beside the estimate, with the markup on the actual A-K", async () => {
    const { wb, layout, sheets } = await inserted(TEMPLATES.AICP);
    const rowOf = (account: string) => layout.detailLines.find((l) => l.account === account)!;
    // Camera rental I193: 2 shoot days at $1,000 = 2,000 estimated, 1,900 spent.
    wb.enter(sheets.detail, rowOf("I193").row, DETAIL_COLUMNS.rate, "1000");
    wb.enter(sheets.detail, rowOf("I193").row, DETAIL_COLUMNS.actual, "1900");
    // The producer's prep line: 5 prep days (Prep_Days), paid by the day.
    const detail = (await wb.readUsedRange(sheets.detail))!.values;
    expect(detail[rowOf("A1").row].slice(DETAIL_COLUMNS.amount, DETAIL_COLUMNS.x)).toEqual([5, "Day"]);
    const top = (await wb.readUsedRange(sheets.topSheet))!.values;
    // Acct | Section | Estimate | Actual | ...
    expect(top.find((r) => r[0] === "I")!.slice(1, 4)).toEqual(["Equipment Rental", 2000, 1900]);
    expect(top.find((r) => r[1] === "Markup (production fee)")!.slice(2, 4)).toEqual([400, 380]);
    expect(top.find((r) => r[1] === "Grand total")!.slice(2, 4)).toEqual([2400, 2280]);
  });
});

describe("AICP: SAG-AFTRA's and the DGA's commercial agreements, rows the producer fills in", () => {
  it("leaves them out (and says so) until typed, then charges each on its members' lines only, to the cent, under its ceiling", async () => {
    const { wb, layout, sheets } = await inserted(TEMPLATES.AICP);
    // The director is paid for prep, shoot and wrap: the shoot line is the second.
    const rowOf = (account: string, i = 0) => layout.detailLines.filter((l) => l.account === account)[i].row;
    const [talent, director, ad, dp] = [rowOf("M234"), rowOf("L227", 1), rowOf("B52"), rowOf("B51")];
    const line = async (row: number) => (await wb.readUsedRange(sheets.detail))!.values[row];
    const fringes = async () =>
      Promise.all([talent, director, ad, dp].map(async (row) => (await line(row))[DETAIL_COLUMNS.fringes]));
    const texts = async (sheet: string) =>
      (await wb.readUsedRange(sheet))!.values.flat().filter((v): v is string => typeof v === "string");
    const notComplete = async () => (await texts(sheets.topSheet)).find((t) => t.startsWith("Not complete"));
    expect((await line(talent))[DETAIL_COLUMNS.fringeSet]).toBe("Fringes,SAG-AFTRA-COMMERCIALS");
    expect((await line(director))[DETAIL_COLUMNS.description]).toBe("Director fee: shoot");
    expect((await line(director))[DETAIL_COLUMNS.fringeSet]).toBe("Fringes,DGA-COMMERCIALS");
    expect((await line(ad))[DETAIL_COLUMNS.fringeSet]).toBe("Fringes,DGA-COMMERCIALS");
    expect((await line(dp))[DETAIL_COLUMNS.fringeSet]).toBe("Fringes");
    // Nothing read from the library: both rows are the table's.
    expect((await line(talent))[DETAIL_COLUMNS.names]).toBe("");
    // Talent: 3 performers x 2 shoot days x $1,000 = 6,000 (2,000 each). 2026 payroll: SS 6.2% =
    // 372.00, Medicare 1.45% = 87.00, FUTA-CA 2.1% + CA-SUI 3.4% + CA-ETT 0.1% (each under its
    // $7,000) = 336.00, workers' comp 4% + payroll fee 1% = 300.00: 1,095.00.
    wb.enter(sheets.detail, talent, DETAIL_COLUMNS.x, "3");
    wb.enter(sheets.detail, talent, DETAIL_COLUMNS.rate, "1000");
    // Director: 2 shoot days at $150,000 = 300,000. SS to its $184,500 base = 11,439.00, Medicare
    // 4,350.00, the $7,000 ones 392.00, 5% = 15,000.00: 31,181.00.
    wb.enter(sheets.detail, director, DETAIL_COLUMNS.rate, "150000");
    // First AD: 2 days at $1,500 = 3,000: 186.00 + 43.50 + 168.00 + 150.00 = 547.50.
    wb.enter(sheets.detail, ad, DETAIL_COLUMNS.rate, "1500");
    // DP (no guild row): 2 days at $2,000 = 4,000: 248.00 + 58.00 + 224.00 + 200.00 = 730.00.
    wb.enter(sheets.detail, dp, DETAIL_COLUMNS.rate, "2000");
    expect(await fringes()).toEqual([1095, 31181, 547.5, 730]);
    expect((await wb.readNamedRange("Blank_Rates"))!.values[0][0]).toBe(
      "SAG-AFTRA-COMMERCIALS, DGA-COMMERCIALS",
    );
    expect(await notComplete()).toBe(
      "Not complete: the totals leave out SAG-AFTRA-COMMERCIALS, DGA-COMMERCIALS, whose rates are blank in the Fringes table (sheet Fringes). Type them there.",
    );
    // A rate typed for the talent's row (10%, a test figure): the talent's 600.00 only.
    await enterRate(wb, "SAG-AFTRA-COMMERCIALS", "10%");
    expect(await fringes()).toEqual([1695, 31181, 547.5, 730]);
    // The DGA's row at 10%: the director's 300,000 stops at the $290,000 ceiling (29,000.00), the
    // AD's 300.00; the DP is not the DGA's. Every rate typed: no warning.
    await enterRate(wb, "DGA-COMMERCIALS", "10%");
    expect(await fringes()).toEqual([1695, 60181, 847.5, 730]);
    expect(await notComplete()).toBeUndefined();
    // Section M (talent) on the Top Sheet: 6,000 + 1,695.00 (fringes post inside the section).
    const top = (await wb.readUsedRange(sheets.topSheet))!.values;
    expect(top.find((r) => r[0] === "M")![2]).toBe(7695);
  });
});

describe("writers are paid by the draft", () => {
  it("puts the feature's writer on one line of drafts, fringed, not on shoot days", async () => {
    const { wb, rowsOf } = await featureBudget();
    const rows = rowsOf("1111");
    expect(rows).toHaveLength(1);
    wb.enter("Budget detail", rows[0], DETAIL_COLUMNS.amount, "2");
    wb.enter("Budget detail", rows[0], DETAIL_COLUMNS.rate, "25000");
    const line = (await wb.readUsedRange("Budget detail"))!.values[rows[0]];
    expect(line.slice(DETAIL_COLUMNS.amount, DETAIL_COLUMNS.subtotal + 1)).toEqual([
      2,
      "Draft",
      1,
      25000,
      50000,
    ]);
    expect(line[DETAIL_COLUMNS.fringeSet]).toBe("Fringes");
    // No hours or days for a draft: only percent fringes apply.
    expect([line[DETAIL_COLUMNS.hours], line[DETAIL_COLUMNS.days]]).toEqual([0, 0]);
    expect(line[DETAIL_COLUMNS.fringes]).toBeGreaterThan(0);
  });
});

describe("rates still to fill in (workers' comp, the payroll fee, DGA health, the Teamsters' IAP): left out of the totals, and said", () => {
  it("totals without the blank rows, names them on the Fringes sheet, the Top Sheet and Globals, takes each rate in as it is typed, and charges a guild's row on its members' lines only", async () => {
    const { wb, layout } = await inserted(TEMPLATES.FEATURE, TEMPLATES.FEATURE.defaults, false);
    const rowOf = (account: string, i = 0) =>
      layout.detailLines.filter((l) => l.account === account).map((l) => l.row)[i];
    const [cast, upm, drivers] = [rowOf("1401"), rowOf("2001", 1), rowOf("3502")];
    const line = async (row: number) => (await wb.readUsedRange("Budget detail"))!.values[row];
    const fringes = async () =>
      Promise.all([cast, upm, drivers].map(async (row) => (await line(row))[DETAIL_COLUMNS.fringes]));
    const blank = async () => (await wb.readNamedRange("Blank_Rates"))!.values[0][0];
    const texts = async (sheet: string) =>
      (await wb.readUsedRange(sheet))!.values.flat().filter((v): v is string => typeof v === "string");
    const warning = async (sheet: string, start: string) =>
      (await texts(sheet)).find((t) => t.startsWith(start));
    // Cast: 30 shoot days at $5,000 = 150,000. SAG-AFTRA 21% = 31,500.00; SS 9,300.00, Medicare
    // 2,175.00, FUTA-CA, SUI and ETT on the first 7,000 = 392.00: 43,367.00.
    // UPM's shoot line: 30 days at $800 = 24,000. DGA pension 8.5% = 2,040.00, SS 1,488.00,
    // Medicare 348.00, 392.00: 4,268.00.
    // Drivers: 30 days at $400 = 12,000, 360 hours. MPI $14.63 x 360 = 5,266.80, SS 744.00,
    // Medicare 174.00, 392.00: 6,576.80. Nothing for the blank rows.
    wb.enter("Budget detail", cast, DETAIL_COLUMNS.rate, "5000");
    wb.enter("Budget detail", upm, DETAIL_COLUMNS.rate, "800");
    wb.enter("Budget detail", drivers, DETAIL_COLUMNS.rate, "400");
    expect(await fringes()).toEqual([43367, 4268, 6576.8]);
    // DGA health and the Teamsters' IAP are on their members' lines, charged by the table's row.
    expect((await line(upm))[DETAIL_COLUMNS.fringeSet]).toBe("Fringes,DGA-PENSION,DGA-HEALTH");
    expect((await line(upm))[DETAIL_COLUMNS.names]).toBe("DGA-PENSION@2026-01-01");
    expect((await line(drivers))[DETAIL_COLUMNS.fringeSet]).toBe("Fringes,MPI,TEAMSTERS-IAP");
    expect((await line(drivers))[DETAIL_COLUMNS.names]).toBe("MPI@2026-01-01");
    expect(await blank()).toBe("WORKERS-COMP, PAYROLL-FEE, DGA-HEALTH, TEAMSTERS-IAP");
    expect(await warning("Fringes", "Not in the totals")).toBe(
      "Not in the totals yet: WORKERS-COMP, PAYROLL-FEE, DGA-HEALTH, TEAMSTERS-IAP (no rate typed). Every labor line and the Top Sheet leave them out until you type their rates in the table below.",
    );
    expect(await warning("Top Sheet", "Not complete")).toBe(
      "Not complete: the totals leave out WORKERS-COMP, PAYROLL-FEE, DGA-HEALTH, TEAMSTERS-IAP, whose rates are blank in the Fringes table (sheet Fringes). Type them there.",
    );
    // Workers' comp typed: 4% joins every line (cast 6,000.00); the rest is still left out.
    await enterRate(wb, "WORKERS-COMP", "4%");
    expect((await fringes())[0]).toBe(49367);
    expect(await warning("Top Sheet", "Not complete")).toBe(
      "Not complete: the totals leave out PAYROLL-FEE, DGA-HEALTH, TEAMSTERS-IAP, whose rates are blank in the Fringes table (sheet Fringes). Type them there.",
    );
    // The payroll fee, 1%: 5% in all on every line.
    await enterRate(wb, "PAYROLL-FEE", "1%");
    expect(await fringes()).toEqual([50867, 5468, 7176.8]);
    // DGA health 10% on the DGA's lines only: the UPM's 2,400.00 more.
    await enterRate(wb, "DGA-HEALTH", "10%");
    expect(await fringes()).toEqual([50867, 7868, 7176.8]);
    // The Teamsters' IAP 7% on the drivers only: 840.00 more. Every rate typed: no warning.
    await enterRate(wb, "TEAMSTERS-IAP", "7%");
    expect(await fringes()).toEqual([50867, 7868, 8016.8]);
    expect(await blank()).toBe("");
    expect(await warning("Top Sheet", "Not complete")).toBeUndefined();
    expect(await warning("Fringes", "Not in the totals")).toBeUndefined();
    // A typed 0 is blank, as PROD.FRINGE reads it (Excel hands an empty cell over as 0).
    await enterRate(wb, "PAYROLL-FEE", "0");
    expect((await fringes())[0]).toBe(49367);
    expect(await blank()).toBe("PAYROLL-FEE");
  });
});

describe("one workbook, one set of rates", () => {
  async function budgetOf(ratesDate: string) {
    const { wb, layout } = await inserted(TEMPLATES.FEATURE, { ...TEMPLATES.FEATURE.defaults, ratesDate });
    const [, shoot] = layout.detailLines.filter((l) => l.account === "2001").map((l) => l.row);
    const [cast] = layout.detailLines.filter((l) => l.account === "1401").map((l) => l.row);
    return { wb, shoot, cast };
  }
  const fringesOf = async (wb: MemoryWorkbook, row: number) =>
    (await wb.readUsedRange("Budget detail"))!.values[row][DETAIL_COLUMNS.fringes];

  const detailRow = async (wb: MemoryWorkbook, row: number) =>
    (await wb.readUsedRange("Budget detail"))!.values[row];
  const global = async (wb: MemoryWorkbook, name: string) => {
    const at = (await wb.readNamedRange(name))!;
    const { row, column } = parseA1(at.address);
    return {
      value: at.values[0][0],
      note: (await wb.readUsedRange(at.sheet))!.values[row][column + 2],
      row,
      column,
    };
  };

  it("reads SAG-AFTRA on the rates date: 21% to June 30, 2026, 22% from July 1, to the cent", async () => {
    const { wb, cast } = await budgetOf("2026-06-30");
    // Cast: 30 shoot days at $5,000 = 150,000. SAG-AFTRA 21% = 31,500.00; the Fringes table
    // (2026 payroll: SS 9,300.00, Medicare 2,175.00, 392.00 up to the 7,000 caps; workers' comp
    // and the payroll fee, 5% = 7,500.00) = 19,367.00. Fringes 50,867.00.
    wb.enter("Budget detail", cast, DETAIL_COLUMNS.rate, "5000");
    expect((await detailRow(wb, cast))[DETAIL_COLUMNS.names]).toBe("SAG-AFTRA@2026-06-30");
    expect((await detailRow(wb, cast))[DETAIL_COLUMNS.fringes]).toBe(50867);
    // The first payroll on July 1: SAG-AFTRA's 22% from that day = 33,000.00, fringes 52,367.00.
    const date = await global(wb, "Rates_Date");
    expect(date.value).toBe(46203);
    wb.enter("Globals", date.row, date.column, "2026-07-01");
    expect((await detailRow(wb, cast))[DETAIL_COLUMNS.names]).toBe("SAG-AFTRA@2026-07-01");
    expect((await detailRow(wb, cast))[DETAIL_COLUMNS.fringes]).toBe(52367);
    // The global, the Fringes title and the table all say the same year and date.
    expect((await global(wb, "Fringe_Year")).value).toBe(2026);
    expect((await wb.readUsedRange("Fringes"))!.values[0][0]).toBe(
      "Fringes: PAYROLL-CA 2026, rates in force on 2026-07-01",
    );
    expect((await global(wb, "Fringe_Year")).note).toMatch(/^The year of the rates date/);
    expect((await global(wb, "Rates_Date")).note).toMatch(/^Your first shoot or payroll date/);
    // A rates date that is not a date is said on the Globals sheet, and the names cannot be read.
    wb.enter("Globals", date.row, date.column, "soon");
    expect((await global(wb, "Rates_Date")).note).toBe(
      "Type the first shoot or payroll date here, like 2026-08-15: fringe rates are read on it.",
    );
    expect((await detailRow(wb, cast))[DETAIL_COLUMNS.fringes]).toBe("#VALUE!");
  });

  it("reads fringe names typed on a 2025 budget in 2025, not in the library's latest year", async () => {
    const { wb, shoot } = await budgetOf("2025-01-01");
    // UPM: 30 shoot days at $6,000 = 180,000. 2025: SS 6.2% of the first 176,100 = 10,918.20,
    // Medicare 1.45% of 180,000 = 2,610.00 (2026's SS base, 184,500, would give 11,160.00).
    wb.enter("Budget detail", shoot, DETAIL_COLUMNS.rate, "6000");
    wb.enter("Budget detail", shoot, DETAIL_COLUMNS.fringeSet, "SS, MEDICARE");
    expect(await fringesOf(wb, shoot)).toBe(13528.2);
    // A year written by the user is taken as written.
    wb.enter("Budget detail", shoot, DETAIL_COLUMNS.fringeSet, "SS-2026,MEDICARE-2026");
    expect(await fringesOf(wb, shoot)).toBe(13770);
    expect((await wb.readNamedRange("Fringe_Year"))!.values[0][0]).toBe(2025);
    expect((await wb.readUsedRange("Fringes"))!.values[0][0]).toBe(
      "Fringes: PAYROLL-CA 2025, rates in force on 2025-01-01",
    );
  });

  it("moves the table, the rates date, the title and typed names to one year when the Fringes panel copies it, and checks a date typed by hand", async () => {
    const { wb, shoot } = await budgetOf("2025-08-15");
    wb.enter("Budget detail", shoot, DETAIL_COLUMNS.rate, "6000");
    wb.enter("Budget detail", shoot, DETAIL_COLUMNS.fringeSet, "SS,MEDICARE");
    const yearCell = async () => (await wb.readNamedRange("Fringe_Year"))!;
    const yearNote = async () =>
      (await wb.readUsedRange("Globals"))!.values[parseA1((await yearCell()).address).row][3];
    const title = async () => (await wb.readUsedRange("Fringes"))!.values[0][0];
    expect(await yearNote()).toMatch(/^The year of the rates date/);

    // The Fringes panel copies PAYROLL-CA 2026 into the budget's table: everything says 2026.
    const table = (await wb.readTable("Fringes"))!;
    const host = { port: wb, ask: () => Promise.resolve(true) };
    expect(await copyPreset(host, table, "PAYROLL-CA", 2026, {})).toEqual({
      copied: true,
      moved: "The budget's rates date (Rates_Date) is now 2026-08-15.",
    });
    expect((await yearCell()).values[0][0]).toBe(2026);
    expect(await title()).toBe("Fringes: PAYROLL-CA 2026, rates in force on 2026-08-15");
    expect(await yearNote()).toMatch(/^The year of the rates date/);
    const copied = (await wb.readTable("Fringes"))!;
    expect(copied.rows[0].slice(0, 4)).toEqual(["SS", "%", 0.062, 184500]);
    expect(copied.rows[0][copied.headers.indexOf("In force")]).toBe("2026 (calendar year)");
    // Workers' comp and the payroll fee keep the rates typed for 2025; the guild rows stay to fill in.
    const rateAt = copied.headers.indexOf("Rate");
    expect(copied.rows.slice(-4).map((r) => [r[0], r[rateAt]])).toEqual([
      ["WORKERS-COMP", 0.04],
      ["PAYROLL-FEE", 0.01],
      ["DGA-HEALTH", ""],
      ["TEAMSTERS-IAP", ""],
    ]);
    // Typed names follow the year: 2026's SS base, 184,500.
    expect(await fringesOf(wb, shoot)).toBe(13770);

    // A date typed by hand in a year the table's figures are not of is flagged, not silently mixed.
    const at = parseA1((await wb.readNamedRange("Rates_Date"))!.address);
    wb.enter("Globals", at.row, at.column, "2025-08-15");
    expect(await yearNote()).toBe(
      "Check: the Fringes table holds figures of another year than 2025. Copy 2025 into it (Fringes panel), or type a rates date in the year of its figures.",
    );
    expect(await title()).toBe("Fringes: PAYROLL-CA 2025, rates in force on 2025-08-15");
    expect(await fringesOf(wb, shoot)).toBe(13528.2);
  });

  it("copies the preset alone into a table that is no budget's, leaving the budget's globals alone", async () => {
    const { wb } = await budgetOf("2025-01-01");
    const host = { port: wb, ask: () => Promise.resolve(true) };
    await wb.apply({
      owner: "test",
      sheets: [
        {
          name: "Rates",
          mode: "create",
          blocks: [
            {
              row: 0,
              column: 0,
              cells: [
                ["Name", "Type", "Rate", "Cutoff"],
                ["MY-FRINGE", "%", 0.05, null],
              ],
            },
          ],
          tables: [{ name: "MyRates", row: 0, column: 0, rowCount: 2, columnCount: 4 }],
        },
      ],
    });
    expect(await copyPreset(host, (await wb.readTable("MyRates"))!, "PAYROLL-US", 2026, {})).toEqual({
      copied: true,
      moved: null,
    });
    expect((await wb.readTable("MyRates"))!.rows.map((r) => r[0])).toEqual(["SS", "MEDICARE", "FUTA"]);
    // Rates show as percents and caps as money, as Excel shows them, the two new rows too.
    const shown = [1, 2, 3].map((r) => [2, 3].map((c) => wb.view("Rates", r, c).display));
    expect(shown).toEqual([
      ["6.20%", "184,500.00 "],
      ["1.45%", ""],
      ["0.60%", "7,000.00 "],
    ]);
    expect((await wb.readNamedRange("Fringe_Year"))!.values[0][0]).toBe(2025);
  });
});

describe("guild fringes and head counts on the Feature template (issue 18)", () => {
  it("fringes a 4-person crew line per person: each grip reaches the $7,000 caps, IATSE's IAP on the wages", async () => {
    const { wb, rowsOf } = await featureBudget();
    const [grips] = rowsOf("2502");
    // 4 grips x 30 shoot days x $500 = 60,000: 15,000 each.
    wb.enter("Budget detail", grips, DETAIL_COLUMNS.x, "4");
    wb.enter("Budget detail", grips, DETAIL_COLUMNS.rate, "500");
    const line = (await wb.readUsedRange("Budget detail"))!.values[grips];
    expect(line[DETAIL_COLUMNS.subtotal]).toBe(60000);
    expect(line[DETAIL_COLUMNS.fringeSet]).toBe("Fringes,MPI,IATSE-IAP");
    expect(line[DETAIL_COLUMNS.names]).toBe("MPI@2026-01-01,IATSE-IAP@2026-01-01");
    expect(line[DETAIL_COLUMNS.hours]).toBe(1440);
    // Each grip: SS 6.2% x 15,000 = 930.00, Medicare 1.45% = 217.50, FUTA-CA 2.1%, SUI 3.4% and
    // ETT 0.1% of the first 7,000 = 147.00 + 238.00 + 7.00: 1,539.50, x 4 = 6,158.00 (capped once
    // for the line, as if one person, it would be 4,982.00). Workers' comp 4% and the payroll fee
    // 1% of 60,000 = 3,000.00. MPI $14.63 an hour x 4 x 30 days x 12 hours = 21,067.20. IAP 6% of
    // 60,000 = 3,600.00. Total 33,825.20.
    expect(line[DETAIL_COLUMNS.fringes]).toBe(33825.2);
    expect(line[DETAIL_COLUMNS.total]).toBe(93825.2);
  });

  it("stops SAG-AFTRA at its per-performer ceiling on a star's salary", async () => {
    const { wb, rowsOf } = await featureBudget();
    const [cast] = rowsOf("1401");
    // 30 shoot days at $10,000 = 300,000.
    wb.enter("Budget detail", cast, DETAIL_COLUMNS.rate, "10000");
    const line = (await wb.readUsedRange("Budget detail"))!.values[cast];
    expect(line[DETAIL_COLUMNS.fringeSet]).toBe("Fringes,SAG-AFTRA");
    expect(line[DETAIL_COLUMNS.names]).toBe("SAG-AFTRA@2026-01-01");
    // SAG-AFTRA 21% (in force on 1 January 2026) of the first 232,000 = 48,720.00; payroll: SS
    // 6.2% of 184,500 = 11,439.00, Medicare 1.45% of 300,000 = 4,350.00, and 147 + 238 + 7;
    // workers' comp and the payroll fee, 5% of 300,000 = 15,000.00.
    expect(line[DETAIL_COLUMNS.fringes]).toBe(79901);
  });

  it("refuses a Fringes set that names a fringe the Fringes table already holds (SS, or a preset that holds it): #VALUE! saying it is listed twice, never charged twice", async () => {
    const { wb, rowsOf } = await featureBudget();
    const [cast] = rowsOf("1401");
    wb.enter("Budget detail", cast, DETAIL_COLUMNS.rate, "10000");
    const line = async () => (await wb.readUsedRange("Budget detail"))!.values[cast];
    // A preset or a name with a year or a date in it is the same fringe: refused too.
    for (const [set, twice] of [
      ["Fringes,SS", "SS"],
      ["fringes, payroll-ca", "SS"],
      ["Fringes,PAYROLL-CA-2026", "SS"],
      ["Fringes,payroll-ny@2026-07-01", "SS"],
      ["Fringes,SAG-AFTRA,PAYROLL-US-2025", "SS"],
      ["Fringes,SAG-AFTRA,CA-SUI@2026-07-01", "CA-SUI"],
      ["Fringes,SAG-AFTRA,MEDICARE", "MEDICARE"],
    ]) {
      wb.enter("Budget detail", cast, DETAIL_COLUMNS.fringeSet, set);
      const fringes = wb.view("Budget detail", cast, DETAIL_COLUMNS.fringes);
      expect({ set, display: fringes.display, error: fringes.error }).toEqual({
        set,
        display: "#VALUE!",
        error: expect.stringContaining(`lists ${twice} twice`),
      });
    }
    // What the line's names were read as shows the fringe named twice.
    expect((await line())[DETAIL_COLUMNS.names]).toBe("SAG-AFTRA@2026-01-01,MEDICARE@2026-01-01,MEDICARE");
    // The category's total says so too, instead of a total with SS or Medicare counted twice.
    expect((await wb.readNamedRange("Budget_Direct"))!.values[0][0]).toBe("#VALUE!");
    // Names the table does not hold are added to it: 79,901.00 as before.
    wb.enter("Budget detail", cast, DETAIL_COLUMNS.fringeSet, "Fringes,SAG-AFTRA");
    expect((await line())[DETAIL_COLUMNS.fringes]).toBe(79901);
  });

  it("adds the table to names typed with it in any case and spacing, and reads a set without the table as names alone", async () => {
    const { wb, rowsOf } = await featureBudget();
    const [cast] = rowsOf("1401");
    wb.enter("Budget detail", cast, DETAIL_COLUMNS.rate, "10000");
    const fringes = async () =>
      (await wb.readUsedRange("Budget detail"))!.values[cast][DETAIL_COLUMNS.fringes];
    wb.enter("Budget detail", cast, DETAIL_COLUMNS.fringeSet, "sag-aftra, fringes");
    expect(await fringes()).toBe(79901);
    // SAG-AFTRA alone: 48,720.00.
    wb.enter("Budget detail", cast, DETAIL_COLUMNS.fringeSet, "SAG-AFTRA");
    expect(await fringes()).toBe(48720);
    // The table alone: 16,181.00 + 15,000.00.
    wb.enter("Budget detail", cast, DETAIL_COLUMNS.fringeSet, "Fringes");
    expect(await fringes()).toBe(31181);
  });
});
