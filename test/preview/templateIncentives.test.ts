/*
 * The incentive tags of a template's detail computed end to end (issue 22): the Feature template
 * inserted into the in-memory workbook (HyperFormula with the real PROD functions), a few lines
 * priced, and PROD.INCENTIVE over the detail's Total and tag columns checked to the cent against
 * hand arithmetic and against the engine over the same cells; the shooting location re-tags the
 * lines; a line grouped out of the total leaves the credit.
 */
import { loadProdFunctions } from "./loadProdFunctions";
import { pricedFeature } from "./fillInRates";
import { registerProdFunctions } from "../../src/preview/prodFunctionPlugin";
import { TEMPLATES } from "../../src/engine/templates";
import { calculateIncentive } from "../../src/engine/incentives/calculate";
import { budgetLines } from "../../src/engine/incentives/tags";
import { Decimal } from "../../src/engine/money";
import { DETAIL_COLUMNS } from "../../src/taskpane/templates/buildPlan";
import { columnLetter, parseA1 } from "../../src/excel/port";
import { explain, readBudget } from "../../src/taskpane/incentives/runIncentives";

beforeAll(async () => registerProdFunctions(await loadProdFunctions()));

// A whole budget computed in HyperFormula takes seconds on a loaded 2-core machine.
jest.setTimeout(60000);

const C = DETAIL_COLUMNS;
const DETAIL = "Budget detail";
/** A free cell right of every detail column, for the formulas under test. */
const SCRATCH = C.actual + 2;

/**
 * The Feature budget priced: the UPM at 4,000 a prep week / 800 a shoot day / 4,000 a wrap week,
 * and camera rental at 100,000 a week (6 shoot weeks: 600,000), so Georgia's $500K minimum is met.
 */
async function budget() {
  const { wb, prep, shoot, wrap, camera, value } = await pricedFeature(TEMPLATES.FEATURE, "100000");
  const setGlobal = async (name: string, input: string) => {
    const at = parseA1((await wb.readNamedRange(name))!.address);
    wb.enter("Globals", at.row, at.column, input);
  };
  const formula = (text: string) => {
    wb.enter(DETAIL, 0, SCRATCH, text);
    return wb.rangeValues(DETAIL, `${columnLetter(SCRATCH)}1`)[0][0];
  };
  /** The engine over the detail's cells as they read now: its Total column and tag columns. */
  const engine = async (program: string) => {
    const amounts = (await wb.readNamedRange("Detail_Total"))!.values;
    const tags = (await wb.readNamedRange("Detail_Tags"))!.values;
    return calculateIncentive(program, budgetLines(amounts, tags), null, null);
  };
  const groups = parseA1((await wb.readTable("Groups"))!.address);
  const typeGroup = (i: number, name: string, inTotal: string) => {
    wb.enter("Globals", groups.row + 1 + i, groups.column, name);
    wb.enter("Globals", groups.row + 1 + i, groups.column + 1, inTotal);
  };
  return { wb, prep, shoot, wrap, camera, value, setGlobal, formula, engine, typeGroup };
}

describe("Incentive tags on the Feature template, computed", () => {
  it("tags every priced line in the Globals location: Georgia 30% of the budget, as the engine says", async () => {
    const { value, setGlobal, formula, engine, wb, prep } = await budget();
    // Inserted with PAYROLL-CA: California, where Georgia counts nothing.
    expect(await value("Shoot_Location")).toBe("CA");
    expect(wb.rangeValues(DETAIL, `${columnLetter(C.where)}${prep + 1}`)[0][0]).toBe("CA");
    expect(formula(`=PROD.INCENTIVE("US-GA",Detail_Total,Detail_Tags)`)).toBe(0);

    await setGlobal("Shoot_Location", "GA");
    const direct = await value("Budget_Direct");
    // Every priced line is production spend in Georgia (UPM W-2 pay far under the $500K cap):
    // 20% + 10% GEP of the direct cost [GA1].
    expect(direct).toBe(687620);
    expect(formula(`=PROD.INCENTIVE("US-GA",Detail_Total,Detail_Tags)`)).toBe(206286);
    // Sold at the default 0.90 [GA5].
    expect(formula(`=PROD.INCENTIVENET("US-GA",Detail_Total,Detail_Tags)`)).toBe(185657.4);
    const r = await engine("US-GA");
    expect([r.gross.toNumber(), r.net.toNumber()]).toEqual([206286, 185657.4]);
  });

  it("follows a line's own Where over the location, and Payee and People from Person and X", async () => {
    const { value, setGlobal, formula, wb, camera, prep } = await budget();
    await setGlobal("Shoot_Location", "GA");
    const row = (r: number) =>
      wb.rangeValues(DETAIL, `${columnLetter(C.where)}${r + 1}:${columnLetter(C.people)}${r + 1}`)[0];
    // Residency and Flags are left blank (the preview reads an empty cell as "").
    expect(row(prep)).toEqual(["GA", "Unit production manager", "", "CREW", "W2", "PREP", "", 1]);
    expect(row(camera)).toEqual(["GA", "", "", "NONLABOUR", "VENDOR", "SHOOT", "", ""]);
    // The camera package rented out of state: 600,000 less in Georgia, under its minimum.
    wb.enter(DETAIL, camera, C.where, "OUT");
    expect(formula(`=PROD.INCENTIVE("US-GA",Detail_Total,Detail_Tags)`)).toBe(0);
    wb.enter(DETAIL, camera, C.where, "GA");
    const direct = (await value("Budget_Direct")) as number;
    expect(formula(`=PROD.INCENTIVE("US-GA",Detail_Total,Detail_Tags)`)).toBe(Math.round(direct * 30) / 100);
  });

  it("leaves a line grouped out of the total out of the credit, though its Subtotal still shows", async () => {
    const { value, setGlobal, formula, engine, wb, prep, typeGroup } = await budget();
    await setGlobal("Shoot_Location", "GA");
    wb.enter(DETAIL, prep, C.group, "Long prep");
    typeGroup(0, "Long prep", "No");
    expect(wb.rangeValues(DETAIL, `${columnLetter(C.subtotal)}${prep + 1}`)[0][0]).toBe(32000);
    // The UPM's later lines reach their fringe caps later, so the direct cost drops by a little
    // less than the line's own total.
    const direct = (await value("Budget_Direct")) as number;
    expect(direct).toBeLessThan(687620 - 32000);
    const credit = formula(`=PROD.INCENTIVE("US-GA",Detail_Total,Detail_Tags)`);
    expect(credit).toBe(Math.round(direct * 30) / 100);
    expect((await engine("US-GA")).gross.toNumber()).toBe(credit);
    // Switched back in, the line counts again.
    typeGroup(0, "Long prep", "Yes");
    expect(formula(`=PROD.INCENTIVE("US-GA",Detail_Total,Detail_Tags)`)).toBe(206286);
  });

  it("lets the Incentives panel read the detail selected with its headings: Total and the tags side by side", async () => {
    const { wb, setGlobal } = await budget();
    await setGlobal("Shoot_Location", "GA");
    const last = parseA1((await wb.readNamedRange("Detail_Total"))!.address);
    const address = `A3:${columnLetter(C.people)}${last.row + last.rowCount}`;
    const read = await readBudget(wb, { sheet: DETAIL, address });
    expect([read.columns.amount, read.columns.tagsStart, read.columns.tagCount]).toEqual([
      C.total,
      C.where,
      8,
    ]);
    // Live formulas over the same cells as the template's own names.
    const tags = parseA1((await wb.readNamedRange("Detail_Tags"))!.address);
    const [from, to] = [columnLetter(tags.column), columnLetter(tags.column + tags.columnCount - 1)];
    const rows = [tags.row + 1, tags.row + tags.rowCount];
    expect(read.cells.tags).toBe(`'${DETAIL}'!$${from}$${rows[0]}:$${to}$${rows[1]}`);
    const r = explain(read, { name: "US-GA", settings: "", exchangeRate: null });
    expect([r.gross.toNumber(), r.net.toNumber()]).toEqual([206286, 185657.4]);
  });
});

describe("Less: incentive (net) under the Top Sheet's grand total, live", () => {
  /** The Top Sheet's incentive row: its figure, its rate cell and its words ("Base is"). */
  async function incentiveRow(wb: Awaited<ReturnType<typeof budget>>["wb"]) {
    const at = parseA1((await wb.readNamedRange("Incentive_Net"))!.address);
    const [row] = wb.rangeValues("Top Sheet", `B${at.row + 1}:F${at.row + 1}`);
    const net = (await wb.readNamedRange("Net_Cost"))!.values[0][0];
    return { label: row[0], figure: row[1], rate: row[2], words: row[4], net };
  }

  it("says no program is chosen, with no figure, until one is typed on Globals", async () => {
    const { wb } = await budget();
    expect(await incentiveRow(wb)).toEqual({
      label: "Less: incentive (net)",
      figure: "",
      rate: "",
      words: "No incentive program chosen: type one in Incentive program on Globals.",
      net: "",
    });
  });

  it("takes the program's net cash off the grand total, to the cent the engine gives, and follows the location", async () => {
    const { wb, value, setGlobal, engine } = await budget();
    await setGlobal("Shoot_Location", "GA");
    await setGlobal("Incentive_Program", "US-GA");
    const grand = (await value("Grand_Total")) as number;
    const r = await engine("US-GA");
    expect(r.net.toNumber()).toBe(185657.4);
    expect(await incentiveRow(wb)).toEqual({
      label: "Less: incentive (net)",
      figure: -185657.4,
      rate: "",
      words: "US-GA, the budget in the program's currency",
      net: Math.round((grand - 185657.4) * 100) / 100,
    });
    // Settings from Globals: sold at 0.80 instead of the default 0.90.
    await setGlobal("Incentive_Settings", "SALE=0.80");
    expect((await incentiveRow(wb)).figure).toBe(-165028.8);
    expect((await incentiveRow(wb)).words).toBe("US-GA (SALE=0.80), the budget in the program's currency");
    await setGlobal("Incentive_Settings", "");
    // Moved to New Mexico, the budget is outside Georgia: the function's 0, and why.
    await setGlobal("Shoot_Location", "NM");
    const moved = await incentiveRow(wb);
    expect(moved.figure).toBe(0);
    expect(moved.words).toMatch(/^Not eligible: .*minimum/i);
    expect(moved.net).toBe(grand);
    expect((await engine("US-GA")).net.toNumber()).toBe(0);
  });

  it("shows the exchange rate beside the result, and the function's #N/A for an unknown program", async () => {
    const { wb, setGlobal, engine } = await budget();
    // The Czech minimum is CZK 15M of eligible spend (at most 80% of the budget): about 550,000
    // dollars here, which is CZK 16.5M at 30 crowns to the dollar, but not CZK 15M taken as crowns.
    await setGlobal("Shoot_Location", "CZ");
    await setGlobal("Incentive_Program", "CZ-REBATE");
    await setGlobal("Exchange_Rate", "30");
    const amounts = (await wb.readNamedRange("Detail_Total"))!.values;
    const tags = (await wb.readNamedRange("Detail_Tags"))!.values;
    const fx = calculateIncentive("CZ-REBATE", budgetLines(amounts, tags), null, new Decimal(30));
    expect(fx.net.toNumber()).toBeGreaterThan(100000);
    expect((await engine("CZ-REBATE")).net.toNumber()).toBe(0);
    const row = await incentiveRow(wb);
    expect(row.figure).toBe(-fx.net.toNumber());
    expect(row.rate).toBe(30);
    expect(row.words).toBe("CZ-REBATE, exchange rate 30 of its currency per budget unit");
    await setGlobal("Incentive_Program", "US-XX");
    const unknown = await incentiveRow(wb);
    expect(String(unknown.figure)).toMatch(/#N\/A/);
    expect(String(unknown.net)).toMatch(/#N\/A/);
  });
});
