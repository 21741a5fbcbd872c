/*
 * Groups (issue 21, what-if by lines) computed end to end: the Feature template inserted into the
 * in-memory workbook (HyperFormula with the real PROD functions), lines tagged, a group switched
 * out in the Globals sheet's Groups table, and every total read back to the cent.
 */
import { loadProdFunctions } from "./loadProdFunctions";
import { pricedFeature } from "./fillInRates";
import { registerProdFunctions } from "../../src/preview/prodFunctionPlugin";
import type { MemoryWorkbook } from "../../src/preview/memoryWorkbook";
import { TEMPLATES } from "../../src/engine/templates";
import { DETAIL_COLUMNS } from "../../src/taskpane/templates/buildPlan";
import { parseA1 } from "../../src/excel/port";
import { summarizeGroups } from "../../src/engine/whatif/groups";
import { findBudgets, readGroups, setGroupInTotal } from "../../src/taskpane/whatif/whatifWorkbook";

beforeAll(async () => registerProdFunctions(await loadProdFunctions()));

// A whole budget computed in HyperFormula takes seconds on a loaded 2-core machine.
jest.setTimeout(60000);

const C = DETAIL_COLUMNS;
const DETAIL = "Budget detail";

/** The Feature budget of templateBudget.test.ts: the UPM at 4,000 / 800 / 4,000, camera 5,000. */
async function budget() {
  const { wb, prep, shoot, wrap, camera, value } = await pricedFeature(TEMPLATES.FEATURE);
  const groups = parseA1((await wb.readTable("Groups"))!.address);
  /** Types a row of the Groups table (i = 0 is its first row; typing below grows it). */
  const typeGroup = (i: number, name: string, inTotal?: string) => {
    wb.enter("Globals", groups.row + 1 + i, groups.column, name);
    if (inTotal !== undefined) wb.enter("Globals", groups.row + 1 + i, groups.column + 1, inTotal);
  };
  return { wb, prep, shoot, wrap, camera, value, typeGroup };
}

/** A cast line a producer types on a spare row: 1401, by the day, Fringes,SAG-AFTRA. */
function typeCastLine(
  wb: MemoryWorkbook,
  row: number,
  line: { description: string; days: string; rate: string; person: string; group?: string },
) {
  for (const [column, input] of [
    [C.acct, "1401"],
    [C.description, line.description],
    [C.amount, line.days],
    [C.units, "Day"],
    [C.rate, line.rate],
    [C.fringeSet, "Fringes,SAG-AFTRA"],
    [C.person, line.person],
    [C.group, line.group ?? ""],
  ] as const)
    if (input !== "") wb.enter(DETAIL, row, column, input);
}

describe("Groups on the Feature template, computed", () => {
  it("counts every line while no group is out: the budget of templateBudget.test.ts", async () => {
    const { wb, prep, camera, value, typeGroup } = await budget();
    wb.enter(DETAIL, prep, C.group, "Option: long prep");
    wb.enter(DETAIL, camera, C.group, "Stunts, Night shoot");
    typeGroup(0, "Option: long prep", "Yes");
    expect(await value("Budget_Direct")).toBe(117620);
    expect(await value("Grand_Total")).toBe(134086.8);
  });

  it("leaves a switched-out group's lines out of every total, fringes and caps included", async () => {
    const { wb, prep, shoot, wrap, camera, value, typeGroup } = await budget();
    wb.enter(DETAIL, prep, C.group, "Option: long prep");
    // Two groups on one line, written with other spaces and case: out when either is out.
    wb.enter(DETAIL, camera, C.group, "stunts,NIGHT  shoot");
    typeGroup(0, "Option: long prep", "No");
    typeGroup(1, "Night shoot", "no");
    typeGroup(2, "Stunts");

    const detail = (await wb.readUsedRange(DETAIL))!.values;
    const cell = (row: number, column: number) => detail[row][column];
    expect([prep, shoot, wrap, camera].map((r) => cell(r, C.inTotal))).toEqual(["No", "Yes", "Yes", "No"]);
    // The lines out keep what they would cost (greyed), and total 0: the prep line in a group is
    // paid after the UPM's lines in none (40,000 > the $7,000 caps), so it would add 21.15% of
    // 32,000 = 6,768.00 of fringes, what switching it out saves.
    expect([cell(prep, C.subtotal), cell(prep, C.fringes), cell(prep, C.total)]).toEqual([32000, 6768, 0]);
    expect([cell(camera, C.subtotal), cell(camera, C.total)]).toEqual([30000, 0]);
    // The prep line paid nobody, so the shoot line is the UPM's first wages: it pays the payroll
    // taxes capped at the first $7,000 (FUTA-CA 2.1% + SUI 3.4% + ETT 0.1% = 392.00) on top of
    // 21.15% of 24,000 (SS, Medicare, DGA pension, workers' comp, fee) = 5,076.00: 5,468.00.
    expect(cell(shoot, C.priorWages)).toBe(0);
    expect(cell(shoot, C.fringes)).toBe(5468);
    expect(cell(wrap, C.priorWages)).toBe(24000);
    expect(cell(wrap, C.fringes)).toBe(3384);
    // Direct 24,000 + 5,468 + 16,000 + 3,384 = 48,852; contingency 10% = 4,885.20; insurance
    // 0.7% = 341.96; bond 3% of 53,737.20 = 1,612.12; grand total 55,691.28.
    expect(await value("Budget_Direct")).toBe(48852);
    expect(await value("Grand_Total")).toBe(55691.28);

    // What each group costs, in or out, fringes included: the Groups table's own formula.
    const table = (await wb.readTable("Groups"))!;
    expect(table.rows).toEqual([
      ["Option: long prep", "No", 38768],
      ["Night shoot", "no", 30000],
      ["Stunts", "", 30000],
    ]);
    // The pane lists what switching each group alone saves (or adds, for one that is out): the
    // same for the groups out, and nothing for Stunts, whose one line is out with Night shoot
    // whatever Stunts' own switch says.
    const lines = detail.slice(3).map((row) => ({
      group: String(row[C.group]),
      subtotal: row[C.subtotal],
      fringes: row[C.fringes],
    }));
    const summary = summarizeGroups(
      table.rows.map((r) => ({ name: String(r[0]), inTotal: r[1] })),
      lines,
    );
    expect(summary.map((g) => [g.name, g.inTotal, g.lines, g.cost?.toFixed(2)])).toEqual([
      ["Option: long prep", false, 1, "38768.00"],
      ["Night shoot", false, 1, "30000.00"],
      ["Stunts", true, 1, "0.00"],
    ]);

    // Greyed: the conditional format marks the rows out of the total, and only those.
    expect(wb.view(DETAIL, prep, C.description)).toMatchObject({ fill: "#EDEDED", fontColor: "#666666" });
    expect(wb.view(DETAIL, camera, C.total)).toMatchObject({ fill: "#EDEDED" });
    expect(wb.view(DETAIL, shoot, C.description).fill).toBeUndefined();

    // Switched back in: the budget of the first test again.
    wb.enter("Globals", parseA1(table.address).row + 1, parseA1(table.address).column + 1, "Yes");
    wb.enter("Globals", parseA1(table.address).row + 2, parseA1(table.address).column + 1, "Yes");
    expect(await value("Budget_Direct")).toBe(117620);
    expect(await value("Grand_Total")).toBe(134086.8);
  });

  it("shows a group's error in its own cost only", async () => {
    const { wb, prep, camera, typeGroup } = await budget();
    wb.enter(DETAIL, prep, C.group, "Stunts");
    wb.enter(DETAIL, camera, C.group, "Crane");
    wb.enter(DETAIL, prep, C.rate, "four thousand");
    typeGroup(0, "Stunts", "Yes");
    typeGroup(1, "Crane", "Yes");
    const rows = (await wb.readTable("Groups"))!.rows;
    expect(rows.map((r) => r[2])).toEqual(["#VALUE!", 30000]);
  });

  it("shows each group's cost with cents after the pane switches one, the rows it adds to the table too", async () => {
    const { wb, prep, camera, typeGroup } = await budget();
    wb.enter(DETAIL, prep, C.group, "Stunts");
    wb.enter(DETAIL, camera, C.group, "Crane, Night shoot");
    typeGroup(0, "Stunts", "Yes");
    const [feature] = await findBudgets(wb);
    // "Crane" and "Night shoot" are named only on lines: switching them out adds their rows.
    for (const name of ["Crane", "Night shoot"]) {
      const group = (await readGroups(wb, feature)).groups.find((g) => g.name === name)!;
      await setGroupInTotal(wb, feature, group, false);
    }
    const table = parseA1((await wb.readTable("Groups"))!.address);
    const shown = [1, 2, 3].map((i) => wb.view("Globals", table.row + i, table.column + 2).display);
    // As the template's first rows show them: Excel formats nothing when a table is resized.
    expect(shown).toEqual(["38,768.00 ", "30,000.00 ", "30,000.00 "]);
  });

  it("costs a group at what switching it out saves, to the cent, when its line comes before the same person's other lines: a star above the SAG-AFTRA ceiling", async () => {
    const { wb, layout, value } = await pricedFeature(TEMPLATES.FEATURE);
    const [cast] = layout.detailLines.filter((l) => l.account === "1401").map((l) => l.row);
    const spare = layout.detailLines[layout.detailLines.length - 1].row + 1;
    // The star's option week on the cast line (first), the picture salary on a line below it.
    wb.enter(DETAIL, cast, C.person, "Star");
    wb.enter(DETAIL, cast, C.description, "Star: option week");
    wb.enter(DETAIL, cast, C.amount, "5");
    wb.enter(DETAIL, cast, C.rate, "60000");
    wb.enter(DETAIL, cast, C.group, "Option: star week");
    typeCastLine(wb, spare, {
      description: "Star: picture salary",
      days: "30",
      rate: "60000",
      person: "Star",
    });
    const [feature] = await findBudgets(wb);
    const before = (await value("Budget_Direct")) as number;
    const option = (await readGroups(wb, feature)).groups.find((g) => g.name === "Option: star week")!;
    await setGroupInTotal(wb, feature, option, false);
    const after = (await value("Budget_Direct")) as number;
    // The option week is 300,000 of wages. The star is paid 2,100,000 in all: SAG-AFTRA (21% up
    // to 232,000 = 48,720.00), SS (6.2% up to 184,500 = 11,439.00) and FUTA-CA, SUI and ETT (392.00
    // up to 7,000) are the same with or without the week, so the week adds only what is uncapped:
    // Medicare 1.45% = 4,350.00 and workers' comp and the payroll fee 5% = 15,000.00.
    expect((before - after).toFixed(2)).toBe("319350.00");
    const shown = (await readGroups(wb, feature)).groups.find((g) => g.name === "Option: star week")!;
    expect(shown.cost?.toFixed(2)).toBe("319350.00");
    const table = (await wb.readTable("Groups"))!;
    expect(table.rows.find((r) => r[0] === "Option: star week")?.[2]).toBe(319350);
  });
});

describe("a Person is one person however Excel would read the spelling", () => {
  /**
   * The star's picture salary (30 days at 60,000 = 1,800,000) on the cast line, typed as
   * `first`, and the option week (5 x 60,000 = 300,000) on a spare line below, typed as `second`.
   * Answers the option line's Prior wages and Fringes.
   */
  async function starLines(first: string, second: string) {
    const { wb, layout } = await pricedFeature(TEMPLATES.FEATURE);
    const [cast] = layout.detailLines.filter((l) => l.account === "1401").map((l) => l.row);
    const spare = layout.detailLines[layout.detailLines.length - 1].row + 1;
    wb.enter(DETAIL, cast, C.person, first);
    wb.enter(DETAIL, cast, C.amount, "30");
    wb.enter(DETAIL, cast, C.units, "Day");
    wb.enter(DETAIL, cast, C.rate, "60000");
    typeCastLine(wb, spare, { description: "Star: option week", days: "5", rate: "60000", person: second });
    const detail = (await wb.readUsedRange(DETAIL))!.values;
    return [detail[spare][C.priorWages], detail[spare][C.fringes]];
  }

  // Paid after 1,800,000, the week is above every cap (SAG-AFTRA 232,000, SS 184,500, the
  // $7,000 payroll taxes): it carries the uncapped fringes only, Medicare 1.45% (4,350.00) and
  // workers' comp and the payroll fee 5% (15,000.00). As a person of its own it would carry
  // SAG-AFTRA 21% of 232,000 (48,720.00), SS 6.2% of 184,500 (11,439.00) and the $7,000 taxes
  // (392.00) on top: 79,901.00.
  it.each([
    ["a trailing space", "Star", "Star "],
    ["a leading space and another case", "Star", " STAR"],
    ["a double space inside", "Star Kid", "Star  Kid"],
    ["a no-break space pasted from a web page", "Star Kid", "Star\u00a0Kid"],
    ["a tab and a line break", "Star", "Star\t\n"],
    ["a wildcard character in both", "Star*", "star*"],
    ["a tilde in both", "~Star?", "~STAR?"],
    ["a comparison sign in both", ">Star", "> star"],
  ])("shares the caps across %s", async (_what, first, second) => {
    expect(await starLines(first, second)).toEqual([1800000, 19350]);
  });

  it.each([
    ["a wildcard (Star* is not Starling)", "Starling", "Star*"],
    ["a one-character wildcard (St?r is not Star)", "Star", "St?r"],
    ["a comparison (>A is not every name after A)", "Star", ">A"],
    ["an equals sign (=Star is not Star)", "Star", "'=Star"],
    ["a number-like name (text 007 is not 7)", "7", "'007"],
    ["an accent (Zoé is not Zoe)", "Zoe", "Zoé"],
  ])("keeps two people apart when the name has %s", async (_what, first, second) => {
    expect(await starLines(first, second)).toEqual([0, 79901]);
  });
});

describe("a group's cost when one person has lines in two groups", () => {
  it("lists for each group what switching it alone saves, to the cent: a star paid below the SAG-AFTRA ceiling, then two option weeks that cross it", async () => {
    const { wb, layout, value } = await pricedFeature(TEMPLATES.FEATURE);
    const [cast] = layout.detailLines.filter((l) => l.account === "1401").map((l) => l.row);
    const spare = layout.detailLines[layout.detailLines.length - 1].row + 1;
    // The picture salary, in no group: 30 days at 5,000 = 150,000.
    wb.enter(DETAIL, cast, C.person, "Star");
    wb.enter(DETAIL, cast, C.amount, "30");
    wb.enter(DETAIL, cast, C.units, "Day");
    wb.enter(DETAIL, cast, C.rate, "5000");
    // Two option weeks of 50,000, each in a group of its own.
    for (const [row, group] of [
      [spare, "Option: week one"],
      [spare + 1, "Option: week two"],
    ] as const)
      typeCastLine(wb, row, { description: group, days: "5", rate: "10000", person: "Star", group });
    const [feature] = await findBudgets(wb);
    const costs = async () =>
      Object.fromEntries(
        (await readGroups(wb, feature)).groups
          .filter((g) => g.name.startsWith("Option: week"))
          .map((g) => [g.name, g.cost?.toFixed(2)]),
      );
    // Week one is paid from 150,000 to 200,000: SAG-AFTRA 21% of 50,000 (10,500.00), SS 6.2% up
    // to 184,500 (2,139.00), Medicare 1.45% (725.00), workers' comp and the fee 5% (2,500.00):
    // 15,864.00. Week two, from 200,000 to 250,000, reaches the ceiling at 232,000: SAG-AFTRA on
    // 32,000 (6,720.00), Medicare and the 5%: 9,945.00. Without week one, week two would be paid
    // from 150,000 and cost 15,864.00: so switching either week out alone saves 50,000 + 9,945.00.
    expect(await costs()).toEqual({ "Option: week one": "59945.00", "Option: week two": "59945.00" });

    const weekOne = (await readGroups(wb, feature)).groups.find((g) => g.name === "Option: week one")!;
    const before = (await value("Budget_Direct")) as number;
    await setGroupInTotal(wb, feature, weekOne, false);
    const after = (await value("Budget_Direct")) as number;
    expect((before - after).toFixed(2)).toBe("59945.00");
    // With week one out: switching it back in adds 59,945.00; week two, now paid from 150,000,
    // saves 65,864.00 when it goes out too.
    expect(await costs()).toEqual({ "Option: week one": "59945.00", "Option: week two": "65864.00" });
    const weekTwo = (await readGroups(wb, feature)).groups.find((g) => g.name === "Option: week two")!;
    await setGroupInTotal(wb, feature, weekTwo, false);
    expect((after - ((await value("Budget_Direct")) as number)).toFixed(2)).toBe("65864.00");
  });
});
