/*
 * What-if on the Office.js adapter (office-addin-mock): reading cells exactly, waiting for Excel
 * to finish calculating, and comparing scenarios with the user's globals put back whatever
 * happens, Excel refusing a write included; the Scenario comparison sheet written by PROD's write
 * rules (its own sheet replaced, one whose mark was deleted asked about, a sheet of the user's
 * left alone, names as text). Syncs counted.
 */
import { TEMPLATES } from "../../src/engine/templates";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { NUMBER_FORMATS, PortError, ownershipMarkName, parseA1 } from "../../src/excel/port";
import { storedCell, type Scenario, type ScenarioGlobal } from "../../src/engine/whatif/scenarios";
import { KEPT_HEADING, YOUR_NOTES } from "../../src/taskpane/shell/userWork";
import { DETAIL_COLUMNS, buildTemplatePlan, namesForCopy } from "../../src/taskpane/templates/buildPlan";
import { a1, type CellValue } from "../../src/excel/port";
import {
  type Budget,
  applyScenario,
  compareAndWrite,
  compareScenarios,
  findBudgets,
  readGlobals,
  readGlobalsLayout,
  readGroups,
  readScenarios,
  takeBackStore,
  writeScenarios,
} from "../../src/taskpane/whatif/whatifWorkbook";
import { MockBook, mockExcel } from "./mockExcel";

/**
 * A scenario of the user's globals (`mine`) with its own shoot days and overtime rule; a null
 * rule leaves Pay_Rule out, as a scenario saved before it was a global.
 */
function daysAndPayRule(
  mine: readonly ScenarioGlobal[],
  name: string,
  days: number,
  payRule: string | null,
): Scenario {
  return {
    name,
    saved: "2026-12-04 16:50",
    globals: mine.flatMap((g) => {
      if (g.name === "Shoot_Days") return [{ ...g, cell: { kind: "number" as const, value: days } }];
      if (g.name !== "Pay_Rule") return [g];
      return payRule === null ? [] : [{ ...g, cell: { kind: "text" as const, value: payRule } }];
    }),
  };
}

function workbook(calculationTimeoutMs = 60_000) {
  const book = new MockBook();
  const excel = mockExcel(book);
  const port = new OfficeWorkbook({ run: excel.run, calculationPollMs: 0, calculationTimeoutMs });
  return { book, excel, port };
}

describe("readCells", () => {
  it("reads values, formulas and number formats in one sync, so a formula, a number and text starting with = are told apart", async () => {
    const { book, excel, port } = workbook();
    book.addSheet("Globals", [[30, null, "'=oops"]]);
    book.setCell("Globals", "B1", { kind: "formula", content: "=A1/5", result: 6 });
    book.setCell("Globals", "C1", { kind: "value", content: "=oops" });
    const before = excel.state.syncs;
    book.cell("Globals", "A1")!.format = "0.00";
    const [cells] = await port.readCells([{ sheet: "Globals", address: "A1:C1" }]);
    expect(excel.state.syncs - before).toBe(1);
    // The number formats in the same sync: General where none was set.
    expect(cells.numberFormats).toEqual([["0.00", "General", "General"]]);
    expect(cells.values[0].map((v, i) => storedCell(v, cells.formulas[0][i]))).toEqual([
      { kind: "number", value: 30 },
      { kind: "formula", value: "=A1/5" },
      { kind: "text", value: "=oops" },
    ]);
  });
});

describe("readWhenCalculated", () => {
  it("asks Excel to recalculate, then reads until the state is Done, no cell is #BUSY! and two reads agree", async () => {
    const { book, excel, port } = workbook();
    book.addSheet("Top Sheet", [["Grand total", null]]);
    const total = {
      kind: "formula" as const,
      content: "=PROD.TOPSHEET(X)",
      result: "#BUSY!" as string | number,
    };
    book.setCell("Top Sheet", "B1", total);
    book.calculationStates = ["Calculating", "Done", "Done", "Done", "Done"];
    // The custom function answers on the third read; Excel still shows a stale figure on the
    // fourth, so only the fifth and sixth reads agree.
    book.onCalculationRead = (read) => {
      if (read === 2) total.result = 100;
      if (read === 3) total.result = 120;
    };
    const before = excel.state.syncs;
    const [read] = await port.readWhenCalculated([{ sheet: "Top Sheet", address: "A1:B1" }]);
    expect(read.values).toEqual([["Grand total", 120]]);
    expect(excel.state.syncs - before).toBe(5);
    expect(book.calculations).toEqual(["Recalculate"]);
  });

  it("gives up in words when Excel never settles, and stops on Cancel", async () => {
    const { book, port } = workbook(0);
    book.addSheet("Top Sheet", [["Grand total", 1]]);
    book.calculationStates = ["Pending"];
    await expect(port.readWhenCalculated([{ sheet: "Top Sheet", address: "A1:B1" }])).rejects.toThrow(
      /Excel had not finished calculating after 0 seconds/,
    );
    const cancel = new AbortController();
    cancel.abort();
    await expect(
      port.readWhenCalculated([{ sheet: "Top Sheet", address: "A1:B1" }], { signal: cancel.signal }),
    ).rejects.toMatchObject({ kind: "cancelled" });
  });
});

/**
 * Excel shows a formula's result, not its text; the mock does not calculate, so every formula
 * of Globals is given a result (its text would read as text typed by the user).
 */
function calculateGlobals(book: MockBook) {
  for (const cell of book.sheet("Globals").cells.values()) if (cell.kind === "formula") cell.result ??= 1;
}

/** A Feature budget inserted through the adapter, with no scenario store yet. */
async function featureBudget() {
  const { book, excel, port } = workbook();
  const template = TEMPLATES.FEATURE;
  const { sheets, suffix } = namesForCopy(template, 1);
  await port.apply(buildTemplatePlan(template, template.defaults, sheets, suffix).plan);
  const [budget] = await findBudgets(port);
  return { book, excel, port, budget };
}

/** The store, as the pane reads it once before applying or comparing (takeBackStore). */
const storeNow = (port: OfficeWorkbook, budget: Budget) => readScenarios(port, budget);

/** A scenario that sets the budget's shoot days. */
const days = (name: string, value: number) => ({
  name,
  saved: "2026-12-04 16:40",
  globals: [{ name: "Shoot_Days", cell: { kind: "number" as const, value } }],
});

/** A Feature budget with three scenarios saved, and results on the top sheet's formulas. */
async function insertedBudget() {
  const { book, excel, port, budget } = await featureBudget();
  const layout = await readGlobalsLayout(port, budget);
  const shootDays = layout.rows.find((r) => r.name === "Shoot_Days")!;
  const shootCell = () => book.cell("Globals", shootDays.ref.address)!;
  // The top sheet "recalculates": its grand total follows the shoot days typed in Globals.
  const grand = book.names.find((n) => n.name === "Grand_Total")!.formula.replace(/^='Top Sheet'!/, "");
  book.onCalculationRead = () => {
    book.cell("Top Sheet", grand.replace(/\$/g, ""))!.result = 1000 * Number(shootCell().content);
  };
  calculateGlobals(book);
  await writeScenarios(port, budget, [days("30 days", 30), days("35 days", 35), days("40 days", 40)], []);
  // The user's own values: 32 days, and an overtime rule typed as text that looks like a time.
  const payRule = layout.rows.find((r) => r.name === "Pay_Rule")!;
  book.cell("Globals", shootDays.ref.address)!.content = 32;
  book.cell("Globals", payRule.ref.address)!.content = "10:1.5";
  // What the user has in each cell: its kind, content and format (not the mock's results).
  const globalsBefore = () =>
    JSON.stringify(
      [...book.sheet("Globals").cells.entries()].map(([k, c]) => [k, c.kind, c.content, c.format]),
    );
  const before = globalsBefore();
  return { book, excel, port, budget, layout, globalsBefore, before };
}

describe("the groups on the adapter", () => {
  /**
   * The Feature budget inserted into the mock, with what Excel shows on the star's three lines
   * (the mock does not calculate): the picture salary, 150,000 in no group, then two option weeks
   * of 50,000 in a group each, with the fringes their cells show (SAG-AFTRA 21% to 232,000, the
   * 2026 payroll: SS to 184,500 and Medicare; the $7,000 taxes reached on the salary).
   */
  async function starBudget() {
    const { book, excel, port } = workbook();
    const template = TEMPLATES.FEATURE;
    const { sheets, suffix } = namesForCopy(template, 1);
    const layout = buildTemplatePlan(template, template.defaults, sheets, suffix);
    await port.apply(layout.plan);
    const C = DETAIL_COLUMNS;
    const key = layout.plan.sheets.find((s) => s.name === sheets.detail)!.hiddenColumns![0];
    const [cast] = layout.detailLines.filter((l) => l.account === "1401").map((l) => l.row);
    const spare = layout.detailLines[layout.detailLines.length - 1].row + 1;
    const show = (row: number, column: number, result: string | number) =>
      book.setCell(sheets.detail, a1(row, column), { kind: "formula", content: "=PROD", result });
    const lines: [number, string, number, number][] = [
      [cast, "", 150000, 42975 + 392],
      [spare, "Option: week one", 50000, 13364],
      [spare + 1, "Option: week two", 50000, 7445],
    ];
    for (const [row, group, wages, fringes] of lines) {
      book.setCell(sheets.detail, a1(row, C.group), { kind: "value", content: group });
      book.setCell(sheets.detail, a1(row, C.fringeSet), { kind: "value", content: "Fringes,SAG-AFTRA" });
      book.setCell(sheets.detail, a1(row, C.x), { kind: "value", content: 1 });
      show(row, C.subtotal, wages);
      show(row, C.fringes, fringes);
      show(row, C.hours, 60);
      show(row, C.days, 5);
      show(row, C.names, "SAG-AFTRA@2026-01-01");
      show(row, key, "P:STAR");
    }
    return { book, excel, port, budget: (await findBudgets(port))[0] };
  }

  it("lists what switching each group alone saves, worked out from the detail read in one go, in a fixed number of syncs", async () => {
    const { excel, port, budget } = await starBudget();
    const start = excel.state.syncs;
    const { groups, linesCostOnly } = await readGroups(port, budget);
    expect(linesCostOnly).toBeNull();
    // The Groups and Fringes tables (3 syncs each: the table, its range, its rows), the names
    // (1) and the detail's lines (1): 8, however many lines and groups (9 before: the Groups
    // table and three named columns, 2 syncs each).
    expect(excel.state.syncs - start).toBe(8);
    // Either week out alone leaves the other paid from 150,000, where it costs 13,364.00: each
    // saves 50,000 + 7,445.00, what the later one costs.
    expect(groups.map((g) => [g.name, g.cost?.toFixed(2), g.lines])).toEqual([
      ["Option: week one", "57445.00", 1],
      ["Option: week two", "57445.00", 1],
    ]);
  });

  it("says which heading the user renamed, lists each group at its lines' cost, in the same 8 syncs", async () => {
    const { book, excel, port, budget } = await starBudget();
    // The user retyped the detail's Hours heading (row 3 of the detail) as "Hrs".
    book.setCell(budget.detail, a1(2, DETAIL_COLUMNS.hours), { kind: "value", content: "Hrs" });
    const start = excel.state.syncs;
    const { groups, linesCostOnly } = await readGroups(port, budget);
    expect(excel.state.syncs - start).toBe(8);
    expect(linesCostOnly).toBe(
      `The heading "Hours" is no longer on "${budget.detail}" (renamed or deleted), so each group below is listed at what its lines cost, not at what switching it alone saves. Type it back as written in the detail's header row, then read the groups again.`,
    );
    // Each week's own wages and fringes as its cells show them: 50,000 + 13,364 and 50,000 + 7,445.
    expect(groups.map((g) => [g.name, g.cost?.toFixed(2)])).toEqual([
      ["Option: week one", "63364.00"],
      ["Option: week two", "57445.00"],
    ]);
  });

  it("says a budget without the Person key column was built by an earlier PROD, and what that means", async () => {
    const { book, excel, port, budget } = await starBudget();
    // A budget inserted before the Person key (c7f176f): the workbook has no Detail_PersonKey name.
    book.names = book.names.filter((n) => !n.name.startsWith("Detail_PersonKey"));
    const start = excel.state.syncs;
    const { groups, linesCostOnly } = await readGroups(port, budget);
    expect(excel.state.syncs - start).toBe(8);
    expect(linesCostOnly).toBe(
      `The budget on "${budget.detail}" was built by an earlier PROD (it has no Person key column), so each group below is listed at what its lines cost, not at what switching it alone saves, and its per-person caps count a name typed with another space ("Star " and "Star") as two people, charging capped fringes twice. Insert the template again and copy your lines into it to bring its formulas up to date.`,
    );
    expect(groups.map((g) => g.cost?.toFixed(2))).toEqual(["63364.00", "57445.00"]);
  });
});

describe("compareScenarios on the adapter", () => {
  it("reads each scenario's top sheet and puts the globals back, in a fixed number of syncs per scenario", async () => {
    const { book, excel, port, budget, layout, globalsBefore, before } = await insertedBudget();
    const { scenarios } = await readScenarios(port, budget);
    const start = excel.state.syncs;
    const result = await compareScenarios(
      port,
      budget,
      scenarios.slice(0, 2),
      scenarios,
      {},
      new Date(2026, 11, 4, 17, 0),
    );
    const twoScenarios = excel.state.syncs - start;
    const grandTotals = result.figures.map((f) => f.find((x) => x.label === "Grand total")?.value);
    expect(grandTotals).toEqual([30000, 35000]);
    expect(result.lines.find((l) => l.label === "Grand total")!.deltas.map((d) => d?.toFixed(2))).toEqual([
      "0.00",
      "5000.00",
    ]);
    // The user's 32 days were in no scenario: kept in the store before anything changed.
    expect(result.keptAs).toBe("Before comparing 2026-12-04 17:00");
    // Every cell of Globals as it was: the formulas still formulas, "10:1.5" still text.
    expect(globalsBefore()).toBe(before);
    const weeks = layout.rows.find((r) => r.name === "Shoot_Weeks")!;
    expect(book.cell("Globals", weeks.ref.address)).toMatchObject({ kind: "formula" });

    // Later runs find the user's values kept already: a fixed number of syncs, plus 4 per
    // scenario (write the globals: 2; read the top sheet until two reads agree: 2).
    const run = async (count: number) => {
      calculateGlobals(book);
      const { scenarios: saved } = await storeNow(port, budget);
      const from = excel.state.syncs;
      await compareScenarios(port, budget, saved.slice(0, count), saved);
      return excel.state.syncs - from;
    };
    const [one, two, three] = [await run(1), await run(2), await run(3)];
    expect([two - one, three - two]).toEqual([4, 4]);
    // The first run: read the globals' layout (2), their cells (1), keep the user's values in
    // the store (ask whose sheet it is: 2; replace it: 3), read the top sheet's extent (2), 4 per
    // scenario, and put the globals back (2). The store is the one the pane read before it
    // (takeBackStore): 20, was 23 when the comparison read the store again (3).
    expect(twoScenarios).toBe(2 + 1 + 5 + 2 + 2 * 4 + 2);
    // A later run, the user's values kept already: 11, was 14.
    expect(one).toBe(2 + 1 + 2 + 4 + 2);
  });

  it.each([
    // The first scenario's last read; then the second scenario's apply reads (+2) and writes (+3).
    ["the write of the second scenario", 1, 3],
    // The second scenario's first read of the top sheet.
    ["a read of the top sheet", 2, 1],
  ])("puts the user's globals back when Excel refuses %s", async (_what, read, ahead) => {
    const { book, excel, port, budget, globalsBefore, before } = await insertedBudget();
    const { scenarios } = await readScenarios(port, budget);
    const recalculate = book.onCalculationRead!;
    const first = book.calculationReads;
    book.onCalculationRead = (n) => {
      recalculate(n);
      if (n === first + read) book.refuseAtSync = excel.state.syncs + ahead;
    };
    await expect(compareScenarios(port, budget, scenarios.slice(0, 2), scenarios)).rejects.toThrow(
      /Excel could not complete/,
    );
    expect(book.refuseAtSync).toBeDefined();
    expect(globalsBefore()).toBe(before);
  });

  it("says a protected Globals sheet changed nothing, not that the globals could not be put back", async () => {
    const { book, port, budget, globalsBefore, before } = await insertedBudget();
    const { scenarios } = await readScenarios(port, budget);
    book.sheet("Globals").protected = true;
    const refused = compareScenarios(
      port,
      budget,
      scenarios.slice(0, 2),
      scenarios,
      {},
      new Date(2026, 11, 4, 17, 0),
    );
    await expect(refused).rejects.toMatchObject({
      kind: "protected",
      message:
        '"Globals" is protected, so PROD changed no global and compared nothing. Your globals as they are were saved first, as the scenario "Before comparing 2026-12-04 17:00" on "Scenarios".',
    });
    expect(globalsBefore()).toBe(before);
  });

  it("says where the user's globals are when even putting them back fails", async () => {
    const { book, excel, port, budget, layout } = await insertedBudget();
    const { scenarios } = await readScenarios(port, budget);
    const cancel = new AbortController();
    // Cancel during the first read of the top sheet, and Excel refuses the restore after it.
    book.onCalculationRead = () => {
      cancel.abort();
      book.refuseAtSync = excel.state.syncs + 2;
      book.onCalculationRead = undefined;
    };
    await expect(
      compareScenarios(port, budget, scenarios.slice(0, 2), scenarios, { signal: cancel.signal }),
    ).rejects.toThrow(
      /PROD could not put your globals back .*They are saved as the scenario "Before comparing [^"]+" on "Scenarios": apply it/,
    );
    const kept = (await readScenarios(port, budget)).scenarios.find((s) =>
      s.name.startsWith("Before comparing"),
    )!;
    const shootDays = kept.globals.find((g) => g.name === "Shoot_Days")!;
    expect(shootDays.cell).toEqual({ kind: "number", value: 32 });
    expect(kept.globals).toHaveLength(layout.rows.length);
  });
});

/** The cells of a sheet: kind, content and format, to hold a sheet unchanged. */
const sheetBefore = (book: MockBook, sheet: string) =>
  JSON.stringify([...book.sheet(sheet).cells.entries()].map(([k, c]) => [k, c.kind, c.content, c.format]));
const asked = () => Promise.reject(new Error("asked"));
const COMPARISON_MARK = ownershipMarkName("whatif", "comparison");

describe("applying a scenario on the adapter", () => {
  it("reads the store once, before it (the pane's read), keeps the user's globals, and applies the scenario", async () => {
    const { book, excel, port, budget, layout } = await insertedBudget();
    const start = excel.state.syncs;
    const store = (await takeBackStore(port, budget, asked))!;
    const kept = await applyScenario(port, budget, store.scenarios[1], store, new Date(2026, 11, 4, 17, 0));
    // The pane's whole Apply: the store read (the marks: 1, its used range: 2), the globals'
    // layout (2) and cells (1), the user's values kept in the store (whose sheet it is: 2;
    // replace it: 3), the scenario's globals written (2): 13, was 16 when Apply read the store
    // again after the pane had.
    expect(excel.state.syncs - start).toBe(3 + 2 + 1 + 5 + 2);
    expect(kept).toMatchObject({ added: true, scenario: { name: "Before applying 2026-12-04 17:00" } });
    const shootDays = layout.rows.find((r) => r.name === "Shoot_Days")!;
    expect(book.cell("Globals", shootDays.ref.address)?.content).toBe(35);
    expect((await storeNow(port, budget)).scenarios.map((s) => s.name)).toEqual([
      "30 days",
      "35 days",
      "40 days",
      "Before applying 2026-12-04 17:00",
    ]);
  });
});

describe("a global holding an error value the user typed (#N/A: not known yet)", () => {
  // Office.js reads an error value as its text in `values` and `formulas` ("#N/A") and as "Error"
  // in `valueTypes` (Excel.RangeValueType; NotAvailableErrorCellValue: basicValue "#N/A",
  // basicType "Error"). A string written to `values` is read as if typed, so "#N/A" written as
  // a value is the error again; written as text (an apostrophe) it would be the text "#N/A".
  it("is read as an error in the same sync, and put back as that error by a comparison and by Apply", async () => {
    const { book, excel, port, budget, layout } = await insertedBudget();
    const rate = layout.rows.find((r) => r.name === "Exchange_Rate")!.ref;
    const { row, column } = parseA1(rate.address);
    book.write("Globals", row, column, "#N/A");
    const typedError = { kind: "value", content: "#N/A", error: true };
    expect(book.cell("Globals", rate.address)).toMatchObject(typedError);
    const before = excel.state.syncs;
    const [cells] = await port.readCells([rate], { valueTypes: true });
    expect(excel.state.syncs - before).toBe(1);
    expect([cells.values, cells.formulas, cells.valueTypes]).toEqual([[["#N/A"]], [["#N/A"]], [["Error"]]]);

    const { scenarios } = await readScenarios(port, budget);
    const start = excel.state.syncs;
    await compareScenarios(port, budget, scenarios.slice(0, 2), scenarios, {}, new Date(2026, 11, 4, 17, 0));
    // The syncs of any first comparison of two scenarios (above).
    expect(excel.state.syncs - start).toBe(2 + 1 + 5 + 2 + 2 * 4 + 2);
    expect(book.cell("Globals", rate.address)).toMatchObject(typedError);

    // The user's globals kept in the store hold the error; applying a scenario that does not set
    // the exchange rate writes it back as it is, still the error.
    const store = (await takeBackStore(port, budget, asked))!;
    const kept = store.scenarios.find((s) => s.name.startsWith("Before comparing"))!;
    expect(kept.globals.find((g) => g.name === "Exchange_Rate")!.cell).toEqual({
      kind: "error",
      value: "#N/A",
    });
    await applyScenario(port, budget, store.scenarios[0], store, new Date(2026, 11, 4, 17, 5));
    expect(book.cell("Globals", rate.address)).toMatchObject(typedError);
  });
});

describe("a scenario store whose hidden mark was deleted, the user's globals already in it", () => {
  /**
   * The user's globals saved as a scenario of their own ("Mine"), so Apply and Compare keep
   * nothing in the store; then the store's mark deleted, and the store read as the pane would
   * read it without the take-back (by its content: unmarked).
   */
  async function unmarkedMatching() {
    const setup = await insertedBudget();
    const { book, port, budget, layout } = setup;
    const { scenarios: saved } = await storeNow(port, budget);
    const mine = { name: "Mine", saved: "2026-12-04 16:50", globals: await readGlobals(port, layout) };
    await writeScenarios(port, budget, [...saved, mine], saved);
    book.names = book.names.filter((n) => n.name !== ownershipMarkName("whatif", "scenarios"));
    const store = await readScenarios(port, budget);
    expect([store.unmarked, store.scenarios.map((s) => s.name)]).toEqual([
      true,
      ["30 days", "35 days", "40 days", "Mine"],
    ]);
    return { ...setup, store, storeSheet: sheetBefore(book, "Scenarios") };
  }
  const refusal =
    /^"Scenarios" looks like a scenario store PROD made, but the hidden mark .* PROD takes it back only after asking, so PROD wrote nothing \(no scenario saved, no global changed\)\. Try again from the What-if panel to be asked\.$/;

  it("Apply refuses it in words before reading anything, and changes no global", async () => {
    const { book, excel, port, budget, store, storeSheet, globalsBefore, before } = await unmarkedMatching();
    const start = excel.state.syncs;
    const writes = excel.state.requestsWithWrites.length;
    const error = await applyScenario(port, budget, store.scenarios[1], store).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "notOwned", message: expect.stringMatching(refusal) });
    // Refused from the store the pane handed in: no sync at all (it was 6: the globals' layout
    // and cells read, then "35 days" written over the user's globals from an untrusted store).
    expect(excel.state.syncs - start).toBe(0);
    expect(excel.state.requestsWithWrites.length).toBe(writes);
    expect(globalsBefore()).toBe(before);
    expect(sheetBefore(book, "Scenarios")).toBe(storeSheet);
  });

  it("Compare refuses it in words the same way, before any global changes or any sheet is written", async () => {
    const { book, excel, port, budget, store, storeSheet, globalsBefore, before } = await unmarkedMatching();
    calculateGlobals(book);
    const start = excel.state.syncs;
    const writes = excel.state.requestsWithWrites.length;
    const error = await compareAndWrite(port, budget, store.scenarios.slice(0, 2), store, asked).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: "notOwned", message: expect.stringMatching(refusal) });
    expect(excel.state.syncs - start).toBe(0);
    expect(excel.state.requestsWithWrites.length).toBe(writes);
    expect(globalsBefore()).toBe(before);
    expect(sheetBefore(book, "Scenarios")).toBe(storeSheet);
    expect(book.hasSheet("Scenario comparison")).toBe(false);
  });
});

/**
 * Compares `picked` again and answers the question before the replace with Cancel: nothing is
 * written (the comparison, the store and the globals as they were). Answers the questions asked.
 */
async function cancelledQuestions(
  setup: Awaited<ReturnType<typeof insertedBudget>>,
  picked: Scenario[],
): Promise<string[]> {
  const { book, port, budget, globalsBefore, before } = setup;
  const sheet = sheetBefore(book, "Scenario comparison");
  const store = sheetBefore(book, budget.storeSheet);
  const questions: string[] = [];
  calculateGlobals(book);
  const cancelled = await compareAndWrite(port, budget, picked, await storeNow(port, budget), (question) => {
    questions.push(question.message);
    return Promise.resolve(false);
  });
  expect(cancelled).toBeNull();
  expect(sheetBefore(book, "Scenario comparison")).toBe(sheet);
  expect(sheetBefore(book, budget.storeSheet)).toBe(store);
  expect(globalsBefore()).toBe(before);
  return questions;
}

describe("the Scenario comparison sheet on the adapter", () => {
  it("is written in a fixed number of syncs, and written again over PROD's own by its mark", async () => {
    const { book, excel, port, budget } = await insertedBudget();
    const store = await readScenarios(port, budget);
    const { scenarios } = store;
    const start = excel.state.syncs;
    const written = await compareAndWrite(port, budget, scenarios.slice(0, 2), store, asked);
    const first = excel.state.syncs - start;
    expect(written?.target).toEqual({ sheetName: "Scenario comparison", mode: "create" });
    expect(book.cell("Scenario comparison", "A1")?.content).toBe("Scenario comparison: Top Sheet");
    expect(book.values("Scenario comparison", 3, 0, 1, 4)).toEqual([
      ["Figure", "30 days", "35 days", "35 days - 30 days"],
    ]);
    // Where it goes: the marks and the sheets (2); the comparison as measured above (2 + 1 + 5 +
    // 2 + 2 * 4 + 2); the globals' layout again (2); the write: check (1) and one chunk (1). The
    // store is the one the pane read (takeBackStore): 26, was 29 with the store read again (3).
    expect(first).toBe(2 + (2 + 1 + 5 + 2 + 2 * 4 + 2) + 2 + 2);
    calculateGlobals(book);
    const saved = await storeNow(port, budget);
    const again = excel.state.syncs;
    const second = await compareAndWrite(port, budget, scenarios.slice(1, 3), saved, asked);
    expect(second?.target).toEqual({ sheetName: "Scenario comparison", mode: "replaceOwned" });
    // The user's values kept already (the store not written: -5), one read of the charts on the
    // sheet replaced (+1), the sheet replaced read for what the user typed on it (+3: its used
    // range, its formulas) and the cells elsewhere linking to it asked for (+2: none do, and the
    // sheet has no formulas of its own that Excel would answer with).
    expect(excel.state.syncs - again).toBe(first - 5 + 1 + 3 + 2);
    expect(book.cell("Scenario comparison", "B4")?.content).toBe("35 days");
  });

  it("asks before taking back one whose hidden mark was deleted: Cancel writes nothing, the globals untouched; Replace marks it again", async () => {
    const { book, port, budget, globalsBefore, before } = await insertedBudget();
    const { scenarios } = await readScenarios(port, budget);
    await compareAndWrite(port, budget, scenarios.slice(0, 2), await storeNow(port, budget), asked);
    book.names = book.names.filter((n) => n.name !== COMPARISON_MARK);
    book.cell("Scenario comparison", "B5")!.content = "my figure";
    const sheet = sheetBefore(book, "Scenario comparison");
    const store = sheetBefore(book, budget.storeSheet);

    const questions: string[] = [];
    const cancelled = await compareAndWrite(
      port,
      budget,
      scenarios.slice(1, 3),
      await storeNow(port, budget),
      (_question, name) => {
        questions.push(name);
        return Promise.resolve(false);
      },
    );
    expect(cancelled).toBeNull();
    expect(questions).toEqual(["Scenario comparison"]);
    expect(sheetBefore(book, "Scenario comparison")).toBe(sheet);
    expect(sheetBefore(book, budget.storeSheet)).toBe(store);
    expect(globalsBefore()).toBe(before);
    expect(book.names.some((n) => n.name === COMPARISON_MARK)).toBe(false);

    calculateGlobals(book);
    const replaced = await compareAndWrite(
      port,
      budget,
      scenarios.slice(1, 3),
      await storeNow(port, budget),
      () => Promise.resolve(true),
    );
    expect(replaced?.target).toEqual({ sheetName: "Scenario comparison", mode: "reclaim" });
    expect(book.cell("Scenario comparison", "B4")?.content).toBe("35 days");
    expect(book.cell("Scenario comparison", "B5")?.content).not.toBe("my figure");
    expect(book.names.find((n) => n.name === COMPARISON_MARK)?.formula).toMatch(/^='Scenario comparison'!/);
    expect(globalsBefore()).toBe(before);
  });

  it("names what the user typed on it in one question before any global changes: Cancel writes nothing, Replace carries it to the same line", async () => {
    const setup = await insertedBudget();
    const { book, excel, port, budget, globalsBefore, before } = setup;
    const { scenarios } = await readScenarios(port, budget);
    await compareAndWrite(port, budget, scenarios.slice(0, 2), await storeNow(port, budget), asked);
    // Figure, two scenarios, one change, then the notes column (E).
    expect(book.cell("Scenario comparison", "E4")?.content).toBe(YOUR_NOTES);
    const labels = book.values("Scenario comparison", 0, 0, 40, 1).map((r) => r[0]);
    const grand = labels.indexOf("Grand total") + 1;
    book.setCell("Scenario comparison", `E${grand}`, { kind: "value", content: "=SUM(A1)" });
    // F is PROD's hidden check column: the user's cell beside the row is in G.
    book.setCell("Scenario comparison", `G${grand}`, { kind: "value", content: 0.12, format: "0%" });
    book.setCell("Scenario comparison", "A40", { kind: "value", content: "my own row" });
    expect(await cancelledQuestions(setup, scenarios)).toEqual([
      `You typed on it: 2 cells beside 1 row (Grand total); 1 cell on rows of your own (A40). 2 cells of yours will be carried to the rows with the same labels; 1 cell will be kept under "${KEPT_HEADING}". Comparing replaces it with this comparison.`,
    ]);

    calculateGlobals(book);
    const saved = await storeNow(port, budget);
    const start = excel.state.syncs;
    const written = await compareAndWrite(port, budget, scenarios, saved, () => Promise.resolve(true));
    const syncs = excel.state.syncs - start;
    // Three scenarios, two changes: the notes column is now G, its check H, what was beside (G,
    // right of the check) is beside (I).
    expect(book.cell("Scenario comparison", "G4")?.content).toBe(YOUR_NOTES);
    const after = book.values("Scenario comparison", 0, 0, 60, 9);
    const row = after.findIndex((r) => r[0] === "Grand total");
    expect(after[row][6]).toBe("=SUM(A1)");
    expect(after[row][8]).toBe(0.12);
    expect(String(after[row][7])).toMatch(/^PROD check/);
    // 12% is still 12%: its format went with it, in the same write.
    expect(book.cell("Scenario comparison", `I${row + 1}`)?.format).toBe("0%");
    expect(book.cell("Scenario comparison", `G${row + 1}`)).toMatchObject({ kind: "value" });
    const kept = after.findIndex((r) => r[0] === KEPT_HEADING);
    expect(kept).toBeGreaterThan(row);
    expect(after[kept + 2][0]).toBe("my own row");
    expect(written?.carried).toBe(
      `2 cells of yours carried to the rows with the same labels; 1 cell kept under "${KEPT_HEADING}".`,
    );
    expect(globalsBefore()).toBe(before);
    // Three scenarios (16 + 3 * 4), one chart read, the sheet and its links (3 + 2), and the
    // globals' layout read before the question (2; the top sheet's read, also before it, is the
    // comparison's own). The store the pane read is read again after the question (3, within the
    // 16): the workbook was the user's while it was open, and the user's globals are kept there.
    expect(syncs).toBe(16 + 3 * 4 + 1 + 3 + 2 + 2);
  });

  it("moves a note kept under the heading back to its top-sheet line when the top sheet has that line again", async () => {
    const { book, excel, port, budget } = await insertedBudget();
    const { scenarios } = await readScenarios(port, budget);
    const compare = async (question: Parameters<typeof compareAndWrite>[4], counted = { syncs: 0 }) => {
      calculateGlobals(book);
      const saved = await storeNow(port, budget);
      const start = excel.state.syncs;
      const written = await compareAndWrite(port, budget, scenarios.slice(0, 2), saved, question);
      counted.syncs = excel.state.syncs - start;
      return written;
    };
    await compare(asked);
    const column = () => book.values("Scenario comparison", 0, 0, 60, 1).map((r) => r[0]);
    // The first line of the figures, not the grand total, and the cell of the top sheet naming it.
    const label = String(column()[4]);
    expect(label).not.toBe("Grand total");
    const named = [...book.sheet("Top Sheet").cells.values()].find((c) => c.content === label);
    expect(named).toBeDefined();
    const row = column().indexOf(label) + 1;
    book.setCell("Scenario comparison", `E${row}`, { kind: "value", content: "ask the studio" });
    // (F is PROD's hidden check column: the date is beside the row, in G.)
    book.setCell("Scenario comparison", `G${row}`, { kind: "value", content: 46000, format: "m/d/yyyy" });

    // The top sheet renames the line: the comparison lacks it, so the note is kept under the heading.
    named!.content = `${label} (renamed)`;
    await compare(() => Promise.resolve(true));
    const heading = column().indexOf(KEPT_HEADING);
    expect(heading).toBeGreaterThan(row);
    expect(book.values("Scenario comparison", heading + 1, 0, 1, 7)).toEqual([
      [label, "", "", "", "ask the studio", "", 46000],
    ]);

    // The line is back: the note and the date go back to its row, and the kept part is gone.
    named!.content = label;
    const questions: string[] = [];
    const counted = { syncs: 0 };
    const written = await compare((question) => {
      questions.push(question.message);
      return Promise.resolve(true);
    }, counted);
    const back = `2 cells that were kept under "${KEPT_HEADING}" will be moved back to the row the new sheet has again: ${label}.`;
    expect(questions).toHaveLength(1);
    expect(questions[0]).toContain(back);
    expect(written?.carried).toBe(back.replace("will be moved", "moved"));
    expect(column().indexOf(label) + 1).toBe(row);
    expect(book.values("Scenario comparison", row - 1, 4, 1, 3)).toEqual([
      ["ask the studio", expect.stringMatching(/^PROD check/), 46000],
    ]);
    expect(book.cell("Scenario comparison", `G${row}`)?.format).toBe("m/d/yyyy");
    expect(column()).not.toContain(KEPT_HEADING);
    // As any replace with something typed on it: two scenarios (16 + 2 * 4), one chart read, the
    // sheet and its links (3 + 2), and the globals' layout read before the question (2).
    expect(counted.syncs).toBe(16 + 2 * 4 + 1 + 3 + 2 + 2);
  });

  it("keeps a line whose check is gone whole under the heading when the top sheet no longer has it, its figures as they read, once however often compared", async () => {
    const { book, excel, port, budget } = await insertedBudget();
    const { scenarios } = await readScenarios(port, budget);
    const questions: string[] = [];
    const compare = async (counted = { syncs: 0 }) => {
      calculateGlobals(book);
      const saved = await storeNow(port, budget);
      const start = excel.state.syncs;
      const written = await compareAndWrite(port, budget, scenarios.slice(0, 2), saved, (question) => {
        questions.push(question.message);
        return Promise.resolve(true);
      });
      counted.syncs = excel.state.syncs - start;
      return written;
    };
    await compare();
    const column = () => book.values("Scenario comparison", 0, 0, 60, 1).map((r) => r[0]);
    const label = String(column()[4]);
    const named = [...book.sheet("Top Sheet").cells.values()].find((c) => c.content === label);
    expect(named).toBeDefined();
    // The line's check deleted (F5), a figure retyped (C5) and the change typed over (D5), a note (E5).
    const line = book.values("Scenario comparison", 4, 0, 1, 4)[0];
    book.setCell("Scenario comparison", "F5", { kind: "value", content: "" });
    book.setCell("Scenario comparison", "C5", { kind: "value", content: 36500 });
    book.setCell("Scenario comparison", "D5", { kind: "value", content: "see C5" });
    book.setCell("Scenario comparison", "E5", { kind: "value", content: "ask the studio" });
    // The top sheet renames the line: the comparison does not have it.
    named!.content = `${label} (renamed)`;
    const counted = { syncs: 0 };
    const written = await compare(counted);
    expect(questions).toEqual([
      `You typed on it: 1 cell beside 1 row (${label}). 1 cell will be kept under "${KEPT_HEADING}" (1 row the new sheet does not have: ${label}). PROD's hidden check of what it wrote is gone from 1 row (${label}), so on it PROD cannot tell a label or formula you retyped from its own; the new sheet does not have it, so it keeps the row under "${KEPT_HEADING}" by its label, its cells as they read (a formula pointing at cells of this sheet as its value); notes, cells beside the rows and figures typed over formulas are still kept. Comparing replaces it with this comparison.`,
    ]);
    // As any replace with something typed on it: two scenarios (16 + 2 * 4), one chart read, the
    // sheet and its links (3 + 2), and the globals' layout read before the question (2).
    expect(counted.syncs).toBe(16 + 2 * 4 + 1 + 3 + 2 + 2);
    const heading = column().indexOf(KEPT_HEADING);
    expect(book.values("Scenario comparison", heading + 1, 0, 1, 7)).toEqual([
      [label, line[1], 36500, "see C5", "ask the studio", "", ""],
    ]);
    expect(book.cell("Scenario comparison", `B${heading + 2}`)?.format).toBe(NUMBER_FORMATS.money);
    expect(written?.carried).toBe(
      `1 cell kept under "${KEPT_HEADING}" (1 row the new sheet does not have: ${label}); 1 row whose check was gone that the new sheet does not have (${label}) kept under "${KEPT_HEADING}" by its label, its cells as they read (3 cells).`,
    );
    // Compared again, twice: the kept row once, as it was.
    const kept = book.values("Scenario comparison", heading + 1, 0, 1, 7);
    await compare();
    await compare();
    expect(column().filter((c) => c === label)).toHaveLength(1);
    expect(book.values("Scenario comparison", column().indexOf(label), 0, 1, 7)).toEqual(kept);
  });

  it("names a figure typed over one of PROD's by its row check: Cancel writes nothing; Replace keeps it as a note and puts PROD's figure back, syncs counted", async () => {
    const setup = await insertedBudget();
    const { book, excel, port, budget } = setup;
    const { scenarios } = await readScenarios(port, budget);
    await compareAndWrite(port, budget, scenarios.slice(0, 2), await storeNow(port, budget), asked);
    // Figure, 30 days, 35 days, the change, Your notes (E), then PROD's check (F), hidden.
    expect(book.sheet("Scenario comparison").hiddenColumns).toEqual(new Set([5]));
    const labels = book.values("Scenario comparison", 0, 0, 40, 1).map((r) => r[0]);
    const grand = labels.indexOf("Grand total") + 1;
    expect(book.values("Scenario comparison", grand - 1, 1, 1, 2)).toEqual([[30000, 35000]]);
    expect(String(book.cell("Scenario comparison", `F${grand}`)?.content)).toMatch(/^PROD check/);
    // Compared again with nothing typed: no question (the figures and labels are PROD's).
    calculateGlobals(book);
    const store = await storeNow(port, budget);
    const syncs = excel.state.syncs;
    await compareAndWrite(port, budget, scenarios.slice(0, 2), store, asked);
    const unchanged = excel.state.syncs - syncs;

    // The user types a figure over "35 days" of the Grand total (a value, not a formula).
    book.setCell("Scenario comparison", `C${grand}`, { kind: "value", content: 36500 });
    expect(await cancelledQuestions(setup, scenarios.slice(0, 2))).toEqual([
      `You typed on it: 1 of PROD's labels or figures retyped (36,500 over "35 days" of Grand total (C${grand})). 1 cell you typed over PROD's labels, figures or formulas will be kept as a note beside its row, with PROD's own back in its place. Comparing replaces it with this comparison.`,
    ]);

    calculateGlobals(book);
    const saved = await storeNow(port, budget);
    const start = excel.state.syncs;
    const written = await compareAndWrite(port, budget, scenarios.slice(0, 2), saved, () =>
      Promise.resolve(true),
    );
    // As the replace with nothing typed, the globals' layout read before the question (2), and
    // the store read again after it (3: the workbook was the user's while the question was open).
    expect(excel.state.syncs - start).toBe(unchanged + 2 + 3);
    expect(book.values("Scenario comparison", grand - 1, 1, 1, 4)).toEqual([
      [
        30000,
        35000,
        5000,
        `You retyped PROD's "35 days" (C${grand}) as 36,500 in the earlier sheet; PROD's own is back in its place.`,
      ],
    ]);
    expect(written?.carried).toBe(
      "1 cell you typed over PROD's labels, figures or formulas kept as a note beside its row, with PROD's own back in its place.",
    );
  });

  it("reads the lines under a blank row and a row of the user's inserted among them as PROD's, names only the user's row, syncs counted", async () => {
    const setup = await insertedBudget();
    const { book, excel, port, budget } = setup;
    const { scenarios } = await readScenarios(port, budget);
    await compareAndWrite(port, budget, scenarios.slice(0, 2), await storeNow(port, budget), asked);
    calculateGlobals(book);
    let syncs = excel.state.syncs;
    await compareAndWrite(port, budget, scenarios.slice(0, 2), await storeNow(port, budget), asked);
    const unchanged = excel.state.syncs - syncs;
    const lines = () => book.values("Scenario comparison", 4, 0, 40, 1).map((r) => r[0]);
    const before = lines();
    // A blank row and one of the user's own (Insert Sheet Rows) under the first line (row 5).
    book.insertRows("Scenario comparison", 5, 2);
    book.setCell("Scenario comparison", "A7", { kind: "value", content: "Crane, if we keep it" });
    book.setCell("Scenario comparison", "C7", { kind: "value", content: 12000 });
    expect(await cancelledQuestions(setup, scenarios.slice(0, 2))).toEqual([
      `You typed on it: 2 cells on rows of your own (A7, C7). 2 cells will be kept under "${KEPT_HEADING}". Comparing replaces it with this comparison.`,
    ]);

    calculateGlobals(book);
    const saved = await storeNow(port, budget);
    syncs = excel.state.syncs;
    const written = await compareAndWrite(port, budget, scenarios.slice(0, 2), saved, () =>
      Promise.resolve(true),
    );
    // The replace with nothing typed and 2 more (the globals' layout read before the question):
    // the same as with these two cells typed on a row of the user's under the sheet, no row
    // inserted (measured: reading past the inserted rows costs no sync).
    expect(excel.state.syncs - syncs).toBe(unchanged + 2);
    // PROD's lines as they were, one under the other again; the user's row kept under the heading.
    const after = lines();
    const prod = (read: CellValue[]) => read.slice(0, read.indexOf(""));
    expect(prod(after)).toEqual(prod(before));
    const kept = after.indexOf(KEPT_HEADING) + 4;
    expect(book.values("Scenario comparison", kept + 2, 0, 1, 3)).toEqual([
      ["Crane, if we keep it", "", 12000],
    ]);
    expect(written?.carried).toBe(`2 cells kept under "${KEPT_HEADING}".`);
  });

  it("says the checks are gone when the user deleted PROD's hidden column and the note about it, and keeps a column the user hid hidden: the syncs of any replace asked about", async () => {
    const { book, excel, port, budget } = await insertedBudget();
    const { scenarios } = await readScenarios(port, budget);
    await compareAndWrite(port, budget, scenarios.slice(0, 2), await storeNow(port, budget), asked);
    const labels = book.values("Scenario comparison", 0, 0, 40, 1).map((r) => r[0]);
    const grand = labels.indexOf("Grand total") + 1;
    const questions: string[] = [];
    const compare = async () => {
      calculateGlobals(book);
      const store = await storeNow(port, budget);
      const start = excel.state.syncs;
      await compareAndWrite(port, budget, scenarios.slice(0, 2), store, (question) => {
        questions.push(question.message);
        return Promise.resolve(true);
      });
      return excel.state.syncs - start;
    };
    // A note typed on the Grand total, and H hidden by the user: asked about, replaced.
    book.setCell("Scenario comparison", `E${grand}`, { kind: "value", content: "ask the studio" });
    book.sheet("Scenario comparison").hiddenColumns.add(7);
    const noted = await compare();
    expect(book.sheet("Scenario comparison").hiddenColumns).toEqual(new Set([5, 7]));
    // The user deletes F, PROD's check column (their H moves to G), and the note's sentence on it.
    book.deleteColumns("Scenario comparison", 5, 1);
    const note = book.cell("Scenario comparison", "A2")!;
    note.content = String(note.content).replace(/ A hidden column .*$/, "");
    expect(await compare()).toBe(noted);
    expect(questions).toHaveLength(2);
    expect(questions[1]).toMatch(/PROD's hidden check of what it wrote is gone from \d+ rows \(/);
    // Its check back in F, hidden; the user's G still hidden.
    expect(String(book.cell("Scenario comparison", `F${grand}`)?.content)).toMatch(/^PROD check/);
    expect(book.sheet("Scenario comparison").hiddenColumns).toEqual(new Set([5, 6]));
  });

  it("says so when the user deleted a row's check, and reads a comparison written before checks as before", async () => {
    const { book, port, budget } = await insertedBudget();
    const { scenarios } = await readScenarios(port, budget);
    await compareAndWrite(port, budget, scenarios.slice(0, 2), await storeNow(port, budget), asked);
    const labels = book.values("Scenario comparison", 0, 0, 40, 1).map((r) => r[0]);
    const grand = labels.indexOf("Grand total") + 1;
    book.setCell("Scenario comparison", `F${grand}`, { kind: "value", content: "" });
    const questions: string[] = [];
    calculateGlobals(book);
    await compareAndWrite(port, budget, scenarios.slice(0, 2), await storeNow(port, budget), (question) => {
      questions.push(question.message);
      return Promise.resolve(false);
    });
    expect(questions).toEqual([
      // Nothing typed: the comparison's rows are not read before the question (no more syncs).
      `PROD's hidden check of what it wrote is gone from 1 row (Grand total), so on it PROD cannot tell a label or formula you retyped from its own: where the new sheet has the row it puts its own back; a row it does not have it keeps under "${KEPT_HEADING}" by its label, its cells as they read (a formula pointing at cells of this sheet as its value); notes, cells beside the rows and figures typed over formulas are still kept. Comparing replaces it with this comparison.`,
    ]);
    // A comparison from before checks: no check column, no note of it, no PROD_HIDDEN name; no
    // words about one, nothing to ask.
    for (let r = 0; r < 40; r++)
      book.setCell("Scenario comparison", `F${r + 1}`, { kind: "value", content: "" });
    const note = book.cell("Scenario comparison", "A2")!;
    note.content = String(note.content).replace(/ A hidden column .*$/, "");
    book.sheet("Scenario comparison").names = [];
    calculateGlobals(book);
    await expect(
      compareAndWrite(port, budget, scenarios.slice(0, 2), await storeNow(port, budget), asked),
    ).resolves.not.toBeNull();
  });

  it.each([
    ["a sheet of the user's", [["My scenarios"]]],
    [
      "a look-alike with another title",
      [["Scenario comparison: my copy"], [], [], ["Figure", "30 days", "35 days", "35 days - 30 days"]],
    ],
    [
      "a comparison of another top sheet",
      [["Scenario comparison: Top Sheet 2"], [], [], ["Figure", "30 days", "35 days", "35 days - 30 days"]],
    ],
  ])(
    'never asks about nor writes into %s of that name: it writes "Scenario comparison 2"',
    async (_what, rows) => {
      const { book, excel, port, budget } = await insertedBudget();
      book.addSheet("Scenario comparison", rows);
      const mine = sheetBefore(book, "Scenario comparison");
      const store = await readScenarios(port, budget);
      const start = excel.state.syncs;
      const written = await compareAndWrite(port, budget, store.scenarios.slice(0, 2), store, asked);
      // As a first comparison, and one read of the user's sheet's title and header.
      expect(excel.state.syncs - start).toBe(1 + 2 + (2 + 1 + 5 + 2 + 2 * 4 + 2) + 2 + 2);
      expect(written?.target).toEqual({ sheetName: "Scenario comparison 2", mode: "create" });
      expect(sheetBefore(book, "Scenario comparison")).toBe(mine);
      expect(book.cell("Scenario comparison 2", "A1")?.content).toBe("Scenario comparison: Top Sheet");
      expect(book.names.find((n) => n.name === COMPARISON_MARK)?.formula).toMatch(
        /^='Scenario comparison 2'!/,
      );
    },
  );

  it("reads the store again after its question: a scenario renamed while it was open is kept when the user's globals are kept", async () => {
    const { book, port, budget, layout } = await insertedBudget();
    const saved = await storeNow(port, budget);
    await compareAndWrite(port, budget, saved.scenarios.slice(0, 2), saved, asked);
    book.setCell("Scenario comparison", "E5", { kind: "value", content: "my note" });
    // New globals of the user's, in no scenario: the comparison keeps them in the store.
    const shootDays = layout.rows.find((r) => r.name === "Shoot_Days")!;
    book.cell("Globals", shootDays.ref.address)!.content = 33;
    calculateGlobals(book);
    const read = await storeNow(port, budget);
    const written = await compareAndWrite(port, budget, read.scenarios.slice(0, 2), read, () => {
      // While the question is open, the user unprotects the store and renames "40 days".
      book.sheet("Scenarios").protected = false;
      const at = book.values("Scenarios", 0, 0, 40, 1).findIndex((r) => r[0] === "40 days");
      book.write("Scenarios", at, 0, "40 days, night");
      return Promise.resolve(true);
    });
    expect(written?.comparison.keptAs).toMatch(/^Before comparing /);
    expect((await storeNow(port, budget)).scenarios.map((s) => s.name)).toEqual([
      "30 days",
      "35 days",
      "40 days, night",
      expect.stringMatching(/^Before comparing /),
      expect.stringMatching(/^Before comparing /),
    ]);
  });

  it("says which scenario has no value for a global (saved before it was added) and shows the user's value it was compared with, not a blank", async () => {
    const { book, port, budget, layout } = await insertedBudget();
    calculateGlobals(book);
    // The user's globals: 32 days, overtime rule "10:1.5". "Old 30 days" was saved before the
    // overtime rule was a global; "35 days, CA" sets it.
    const mine = await readGlobals(port, layout);
    const scenario = (name: string, days: number, payRule: string | null) =>
      daysAndPayRule(mine, name, days, payRule);
    const old = scenario("Old 30 days", 30, null);
    const ca = scenario("35 days, CA", 35, "CA");
    const { scenarios: saved } = await storeNow(port, budget);
    await writeScenarios(port, budget, [...saved, old, ca], saved);
    const written = await compareAndWrite(port, budget, [old, ca], await storeNow(port, budget), asked);
    expect(written?.comparison.unset).toEqual([{ scenario: "Old 30 days", globals: ["Overtime rule"] }]);
    expect(written?.unsetWords).toBe(
      '"Old 30 days" has no value for Overtime rule (a global added after it was saved), so your value was used.',
    );
    // The globals that differ show the value each scenario was compared with: the user's for
    // the one it has none for.
    const column = book.values("Scenario comparison", 0, 0, 40, 1).map((r) => r[0]);
    const payRule = column.indexOf("Overtime rule");
    expect(payRule).toBeGreaterThan(column.indexOf("Globals that differ"));
    expect(book.values("Scenario comparison", payRule, 1, 1, 2)).toEqual([["10:1.5", "CA"]]);

    // Applied, it says so too: the user's overtime rule stays.
    const applied = await applyScenario(port, budget, old, await storeNow(port, budget));
    expect(applied.unsetWords).toBe(
      '"Old 30 days" has no value for Overtime rule (a global added after it was saved), so your value was kept.',
    );
    const at = (name: string) => book.cell("Globals", layout.rows.find((r) => r.name === name)!.ref.address);
    expect([at("Shoot_Days")?.content, at("Pay_Rule")?.content]).toEqual([30, "10:1.5"]);
  });

  it("says where a note beside a global that differs goes as the comparison will lay it out, with the user's value for a global a scenario has none for", async () => {
    const { book, excel, port, budget, layout } = await insertedBudget();
    calculateGlobals(book);
    // The user's overtime rule is "10:1.5". "Old 30 days" was saved before it was a global;
    // "35 days, CA" sets it to "CA", "35 days" to the user's own "10:1.5".
    const mine = await readGlobals(port, layout);
    const scenario = (name: string, days: number, payRule: string | null) =>
      daysAndPayRule(mine, name, days, payRule);
    const old = scenario("Old 30 days", 30, null);
    const ca = scenario("35 days, CA", 35, "CA");
    const same = scenario("35 days", 35, "10:1.5");
    const { scenarios: saved } = await storeNow(port, budget);
    await writeScenarios(port, budget, [...saved, old, ca, same], saved);
    await compareAndWrite(port, budget, [old, ca], await storeNow(port, budget), asked);
    // A note beside the overtime rule among the globals that differ (E: its row has no notes column).
    const column = () => book.values("Scenario comparison", 0, 0, 40, 1).map((r) => r[0]);
    const payRule = column().indexOf("Overtime rule") + 1;
    expect(payRule).toBeGreaterThan(column().indexOf("Globals that differ"));
    book.setCell("Scenario comparison", `E${payRule}`, { kind: "value", content: "union asks for CA" });

    // Compared with "35 days": with the user's "10:1.5" for "Old 30 days", the overtime rule no
    // longer differs, so the comparison has no row for it and the note is kept under the heading.
    const questions: string[] = [];
    calculateGlobals(book);
    const store = await storeNow(port, budget);
    const start = excel.state.syncs;
    const written = await compareAndWrite(port, budget, [old, same], store, (question) => {
      questions.push(question.message);
      return Promise.resolve(true);
    });
    const label = "Globals that differ: Overtime rule";
    expect(questions).toEqual([
      `You typed on it: 1 cell beside 1 row (${label}). 1 cell will be kept under "${KEPT_HEADING}" (1 row the new sheet does not have: ${label}). Comparing replaces it with this comparison.`,
    ]);
    expect(written?.carried).toBe(
      `1 cell kept under "${KEPT_HEADING}" (1 row the new sheet does not have: ${label}).`,
    );
    expect(column()).not.toContain("Overtime rule");
    const heading = column().indexOf(KEPT_HEADING);
    expect(heading).toBeGreaterThan(0);
    // Beside the kept row as it was beside the global's (right of the notes column E and the
    // hidden check column F).
    expect(book.values("Scenario comparison", heading + 1, 0, 1, 7)).toEqual([
      [label, "", "", "", "", "", "union asks for CA"],
    ]);
    // As any replace with something typed on it (16 + 2 * 4 + 1 + 3 + 2 + 2), and the user's
    // globals read before the question (1) for the scenario that has no value for one.
    expect(excel.state.syncs - start).toBe(16 + 2 * 4 + 1 + 3 + 2 + 2 + 1);
  });

  it("passes by another budget's comparison: each budget's comparison is its own", async () => {
    const { book, port, budget } = await insertedBudget();
    const template = TEMPLATES.FEATURE;
    const { sheets, suffix } = namesForCopy(template, 2);
    await port.apply(buildTemplatePlan(template, template.defaults, sheets, suffix).plan);
    const [, second] = await findBudgets(port);
    calculateGlobals(book);
    // The user's "Scenario comparison": the first budget's goes to "Scenario comparison 2", the
    // name the second budget's would have had; the second's then takes the next name.
    book.addSheet("Scenario comparison", [["mine"]]);
    const { scenarios } = await readScenarios(port, budget);
    const one = await compareAndWrite(
      port,
      budget,
      scenarios.slice(0, 2),
      await storeNow(port, budget),
      asked,
    );
    expect(one?.target.sheetName).toBe("Scenario comparison 2");
    const days = (name: string, value: number) => ({
      name,
      saved: "2026-12-04 16:40",
      globals: [{ name: `Shoot_Days${second.copy}`, cell: { kind: "number" as const, value } }],
    });
    calculateGlobals(book);
    const two = await compareAndWrite(
      port,
      second,
      [days("A", 30), days("B", 31)],
      await storeNow(port, second),
      asked,
    );
    expect(two?.target).toEqual({ sheetName: "Scenario comparison 2 2", mode: "create" });
    expect(book.cell("Scenario comparison 2", "A1")?.content).toBe("Scenario comparison: Top Sheet");
    expect(book.cell("Scenario comparison 2 2", "A1")?.content).toBe(
      `Scenario comparison: ${second.topSheet}`,
    );
  });

  it.each(["=SUM(A1)", "+1", "@x"])(
    "writes a scenario named %s as that text in the store and the comparison, never a formula",
    async (name) => {
      const { book, port, budget } = await insertedBudget();
      const { scenarios } = await readScenarios(port, budget);
      const renamed = [{ ...scenarios[0], name }, scenarios[1]];
      await writeScenarios(port, budget, renamed, scenarios);
      expect((await readScenarios(port, budget)).scenarios.map((s) => s.name)).toEqual([name, "35 days"]);
      calculateGlobals(book);
      await compareAndWrite(port, budget, renamed, await storeNow(port, budget), asked);
      const header = [1, 2, 3].map((c) => book.cell("Scenario comparison", `${"ABCD"[c]}4`));
      expect(header.map((c) => [c?.kind, c?.content])).toEqual([
        ["value", name],
        ["value", "35 days"],
        ["value", `35 days - ${name}`],
      ]);
    },
  );
});

describe("the Scenarios store on the adapter", () => {
  const names = async (port: OfficeWorkbook, budget: Budget) =>
    (await readScenarios(port, budget)).scenarios.map((s) => s.name);

  it("makes the store protected in the request that writes it, and lifts and puts back its protection in the one request that replaces it", async () => {
    const { book, excel, port, budget } = await featureBudget();
    let before = excel.state.syncs;
    const first = [days("30 days", 30)];
    await writeScenarios(port, budget, first, []);
    // Whose sheet "Scenarios" is (2: the sheets and the marks), then the write: check (1) and
    // one chunk (1), which protects the sheet once everything on it is written.
    expect(excel.state.syncs - before).toBe(4);
    expect(excel.state.protection).toEqual([`protect Scenarios (sync ${excel.state.syncs})`]);
    expect(book.sheet("Scenarios").protected).toBe(true);
    expect(book.cell("Scenarios", "A2")?.content).toMatch(
      /Protected against changes by accident \(Review > Unprotect Sheet lifts it\)\.$/,
    );

    before = excel.state.syncs;
    await writeScenarios(port, budget, [...first, days("35 days", 35)], first);
    // Whose sheet (2), check (1), the charts on the sheet replaced (1), one chunk (1): no sync of
    // the protection's own; the mock, like Excel, refuses any write to a protected sheet, so the
    // order within that request is unprotect, write, protect.
    expect(excel.state.syncs - before).toBe(5);
    expect(excel.state.protection.slice(1)).toEqual([
      `unprotect Scenarios (sync ${before + 5})`,
      `protect Scenarios (sync ${before + 5})`,
    ]);
    expect(book.sheet("Scenarios").protected).toBe(true);
    expect(await names(port, budget)).toEqual(["30 days", "35 days"]);
  });

  it("protects at its next save a store saved before stores were protected, or one the user unprotected", async () => {
    const { book, excel, port, budget } = await featureBudget();
    await writeScenarios(port, budget, [days("30 days", 30)], []);
    // As a store written before this change is (and as Review > Unprotect Sheet leaves it).
    book.sheet("Scenarios").protected = false;
    const saved = (await readScenarios(port, budget)).scenarios;
    const before = excel.state.syncs;
    excel.state.protection.length = 0;
    await writeScenarios(port, budget, [...saved, days("35 days", 35)], saved);
    expect(excel.state.syncs - before).toBe(5);
    expect(excel.state.protection).toEqual([`protect Scenarios (sync ${before + 5})`]);
    expect(book.sheet("Scenarios").protected).toBe(true);
    expect(await names(port, budget)).toEqual(["30 days", "35 days"]);
  });

  it("protects the store again when Excel fails the save after lifting it, and writes back the scenarios saved before", async () => {
    const { book, excel, port, budget } = await featureBudget();
    const saved = [days("30 days", 30), days("35 days", 35)];
    await writeScenarios(port, budget, saved, []);
    const before = excel.state.syncs;
    // Excel refuses the request that rewrites the store, after applying its first commands (the
    // unprotect and the clear among them): without a write-back, both scenarios would be gone.
    book.refuseAtSync = before + 5;
    excel.state.protection.length = 0;
    const error = await writeScenarios(port, budget, [...saved, days("40 days", 40)], saved).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PortError);
    expect((error as PortError).message).toBe(
      'Excel could not complete the change: The request failed. The scenarios saved before are on "Scenarios" as they were.',
    );
    // Protected again in a batch of its own: which sheets are protected (1), the protect (1);
    // then the scenarios saved before are written back (check, charts, one chunk: 3), the
    // protection lifted and put back in that chunk's request.
    expect(excel.state.protection).toEqual([
      `unprotect Scenarios (sync ${before + 5})`,
      `protect Scenarios (sync ${before + 7})`,
      `unprotect Scenarios (sync ${before + 10})`,
      `protect Scenarios (sync ${before + 10})`,
    ]);
    expect(excel.state.syncs - before).toBe(10);
    expect(book.sheet("Scenarios").protected).toBe(true);
    expect(await names(port, budget)).toEqual(["30 days", "35 days"]);
  });

  it('never writes into a sheet "Scenarios" of the user\'s: comparing stops before any global changes', async () => {
    const { book, port, budget, globalsBefore, before } = await insertedBudget();
    const { scenarios } = await readScenarios(port, budget);
    book.deleteSheet("Scenarios");
    book.addSheet("Scenarios", [["My location scouting notes"]]);
    const mine = sheetBefore(book, "Scenarios");
    // Not PROD's store, by mark or by title: nothing to take back, nothing asked.
    expect(await readScenarios(port, budget)).toEqual({ scenarios: [], problems: [], unmarked: false });
    expect(await takeBackStore(port, budget, asked)).toEqual({
      scenarios: [],
      problems: [],
      unmarked: false,
    });
    await expect(
      compareAndWrite(port, budget, scenarios.slice(0, 2), await storeNow(port, budget), asked),
    ).rejects.toThrow(
      'The workbook has a sheet "Scenarios" PROD did not make, so PROD wrote nothing (no scenario saved, no global changed). Rename that sheet and try again.',
    );
    expect(sheetBefore(book, "Scenarios")).toBe(mine);
    expect(globalsBefore()).toBe(before);
    expect(book.hasSheet("Scenario comparison")).toBe(false);
  });

  it("takes back a store whose hidden mark was deleted only after a yes: its scenarios read by its content, every one kept, marked and protected again", async () => {
    const { book, excel, port, budget, globalsBefore, before } = await insertedBudget();
    const STORE_MARK = ownershipMarkName("whatif", "scenarios");
    // A row the user typed on the unprotected store that PROD cannot read: kept too.
    book.setCell("Scenarios", "A8", { kind: "value", content: "Odd" });
    book.setCell("Scenarios", "D8", { kind: "value", content: "colour" });
    book.names = book.names.filter((n) => n.name !== STORE_MARK);
    const store = sheetBefore(book, "Scenarios");

    // Read by its content, as the pane lists them: all three, and the row it cannot read named.
    const read = await readScenarios(port, budget);
    expect([read.unmarked, read.scenarios.map((s) => s.name)]).toEqual([
      true,
      ["30 days", "35 days", "40 days"],
    ]);
    expect(read.problems).toEqual([expect.stringMatching(/^Row 8 of "Scenarios" was left out: /)]);

    // Cancel: nothing written, the store byte-identical, still unmarked and protected.
    const questions: [string, string[]][] = [];
    const answer = (yes: boolean) => (sheet: string, saved: { scenarios: { name: string }[] }) => {
      questions.push([sheet, saved.scenarios.map((s) => s.name)]);
      return Promise.resolve(yes);
    };
    const writes = excel.state.requestsWithWrites.length;
    expect(await takeBackStore(port, budget, answer(false))).toBeNull();
    expect(questions).toEqual([["Scenarios", ["30 days", "35 days", "40 days"]]]);
    expect(excel.state.requestsWithWrites.length).toBe(writes);
    expect(sheetBefore(book, "Scenarios")).toBe(store);
    expect(book.names.some((n) => n.name === STORE_MARK)).toBe(false);
    expect(book.sheet("Scenarios").protected).toBe(true);

    // Take it back: marked again as it is, nothing on it cleared or rewritten, protected again.
    const start = excel.state.syncs;
    excel.state.protection.length = 0;
    expect(await takeBackStore(port, budget, answer(true))).toEqual({ ...read, unmarked: false });
    // The store read by its content (the marks: 1; whose sheet it is: 2, its title: 1; the used
    // range: 2), then the take-back: check (1) and one request (1), which lifts the protection,
    // marks the sheet and protects it again; then the store read again after the yes (the marks:
    // 1, the used range: 2), which the action uses and reads no more: 11, was 8 and 3 more in the
    // action.
    expect(excel.state.syncs - start).toBe(1 + 2 + 1 + 2 + 2 + 3);
    expect(excel.state.protection).toEqual([
      `unprotect Scenarios (sync ${start + 8})`,
      `protect Scenarios (sync ${start + 8})`,
    ]);
    expect(sheetBefore(book, "Scenarios")).toBe(store);
    expect(book.names.find((n) => n.name === STORE_MARK)?.formula).toMatch(/^=Scenarios!/);
    expect(await readScenarios(port, budget)).toEqual({ ...read, unmarked: false });
    expect(globalsBefore()).toBe(before);

    // PROD's again: comparing keeps the user's globals in it, next to the three.
    calculateGlobals(book);
    await compareAndWrite(port, budget, read.scenarios.slice(0, 2), await storeNow(port, budget), asked);
    expect((await readScenarios(port, budget)).scenarios.map((s) => s.name)).toEqual([
      "30 days",
      "35 days",
      "40 days",
      expect.stringMatching(/^Before comparing /),
    ]);
    expect(book.sheet("Scenarios").protected).toBe(true);
  });

  it("never writes a store whose hidden mark was deleted without the take-back, and says why", async () => {
    const { book, port, budget, globalsBefore, before } = await insertedBudget();
    const { scenarios } = await readScenarios(port, budget);
    book.names = book.names.filter((n) => n.name !== ownershipMarkName("whatif", "scenarios"));
    const store = sheetBefore(book, "Scenarios");
    const error = await compareAndWrite(
      port,
      budget,
      scenarios.slice(0, 2),
      await storeNow(port, budget),
      asked,
    ).catch((e: unknown) => e);
    expect(String(error)).toMatch(
      /"Scenarios" looks like a scenario store PROD made, but the hidden mark .* PROD takes it back only after asking, so PROD wrote nothing \(no scenario saved, no global changed\)\. Try again from the What-if panel to be asked\.$/,
    );
    expect(sheetBefore(book, "Scenarios")).toBe(store);
    expect(globalsBefore()).toBe(before);
  });
});
