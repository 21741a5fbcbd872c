/*
 * How each comparison panel describes the rows of its earlier sheet (earlierRows): a row kept
 * under the kept heading has the key of the row it was kept from, the same key the panel's table
 * rows have, so what the user typed on it goes back to that row when the new comparison has it
 * again (userWork.ts placeTypedCells): Budget comparison by account code, Incentive comparison by
 * program, Scenario comparison by top-sheet line.
 */
import type { Comparison } from "../../src/engine/versions";
import { deleteRowsIn, insertRowsIn } from "../../src/excel/formulaRefs";
import { a1, type Cell, type CellValue, type WritePlan } from "../../src/excel/port";
import { findProgram } from "../../src/engine/incentives/calculate";
import {
  COMPARISON_HEADINGS,
  KEPT_HEADING as INCENTIVES_KEPT,
  comparisonPlan as incentivePlan,
  earlierInputs,
  earlierRows as incentiveRows,
  type ComparedProgram,
} from "../../src/taskpane/incentives/comparisonSheet";
import {
  CHECK_NOTE,
  findTypedCells,
  KEPT_HEADING,
  lostChecks,
  keptKey,
  placeTypedCells,
  rowChecksBlock,
  YOUR_NOTES,
  type OwnRow,
  type SheetCells,
  type WrittenRow,
} from "../../src/taskpane/shell/userWork";
import {
  comparisonPlan as budgetPlan,
  earlierRows as budgetRows,
} from "../../src/taskpane/versions/comparisonSheet";
import { earlierComparisonRows, type Budget } from "../../src/taskpane/whatif/whatifWorkbook";

/** A sheet's cells from A1 as read: rows padded with blanks, no formulas, General formats. */
function sheet(rows: CellValue[][]): SheetCells {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill("")]);
  return {
    row: 0,
    column: 0,
    values,
    formulas: values,
    numberFormats: values.map((r) => r.map(() => "General")),
  };
}

/** The key of the row whose label is `label` and whose key starts with `start`. */
const keyOf = (rows: { key: string; label: string }[], label: string, start = "") =>
  rows.find((r) => r.label === label && r.key.startsWith(start))?.key;

describe("a row kept from an earlier comparison has the key of the row it was kept from", () => {
  it("Budget comparison: by account code (0100 read back as 100), totals by name", () => {
    const header = ["Account", "Description", "Current", "Approved (base)", "Difference: Current"];
    const rows = budgetRows(
      sheet([
        ["Budget comparison"],
        [],
        [],
        [...header, "% change: Current", YOUR_NOTES],
        [100, "Development", 1, 1, 0, 0],
        [2300, "Sets", 1, 1, 0, 0],
        ["", "Total Below-the-line", 1, 1, 0, 0],
        [],
        [KEPT_HEADING],
        ["100 Development"],
        ["2300 Sets and Dressing"],
        ["Total Below-the-line"],
        ["A1 Crew"],
      ]),
    );
    expect(keyOf(rows, "100 Development")).toBe("code 100");
    expect(keyOf(rows, "100 Development", "kept")).toBe(keptKey("code 100"));
    // The account's description changed since: still its code.
    expect(keyOf(rows, "2300 Sets and Dressing")).toBe(keptKey("code 2300"));
    expect(keyOf(rows, "2300 Sets")).toBe("code 2300");
    // A total has no code: back to the total of its name (placeTypedCells takes the key there is).
    expect(rows.find((r) => r.label === "Total Below-the-line" && r.back)?.back).toEqual([
      "code Total",
      "row Total Below-the-line",
    ]);
    expect(keyOf(rows, "Total Below-the-line", "row")).toBe("row Total Below-the-line");
    expect(keyOf(rows, "A1 Crew")).toBe(keptKey("code A1"));
  });

  it("Incentive comparison: by program", () => {
    const rows = incentiveRows(
      sheet([
        ["Incentive comparison"],
        [],
        ["Budget total", 1000],
        [],
        [...COMPARISON_HEADINGS, YOUR_NOTES],
        ["US-GA", "Georgia"],
        [],
        [INCENTIVES_KEPT],
        ["CAN-BC"],
      ]),
    );
    expect(keyOf(rows, "US-GA")).toBe("program US-GA");
    expect(keyOf(rows, "CAN-BC")).toBe(keptKey("program CAN-BC"));
  });

  it("Scenario comparison: by top-sheet line", () => {
    const budget = { topSheet: "Top Sheet" } as Budget;
    const rows = earlierComparisonRows(
      sheet([
        ["Scenario comparison: Top Sheet"],
        [],
        [],
        ["Figure", "30 days", "35 days", "35 days - 30 days", YOUR_NOTES],
        ["Grand total", 1, 2, 1],
        [],
        [KEPT_HEADING],
        ["Total Above-the-line"],
      ]),
      budget,
    );
    expect(keyOf(rows, "Grand total")).toBe("line Grand total");
    expect(keyOf(rows, "Total Above-the-line")).toBe(keptKey("line Total Above-the-line"));
  });
});

/** Where the user's notes and cells beside rows on an earlier sheet (`rows` its PROD rows) go in a new output of `keys`. */
function placedOn(cells: SheetCells, rows: OwnRow[], keys: string[]) {
  const fresh: OwnRow[] = keys.map((key, i) => ({ row: 4 + i, key, label: key, width: 3, notes: 2 }));
  const carry = placeTypedCells(findTypedCells(cells, rows, "Sheet"), fresh, "Sheet", {
    start: 4 + keys.length + 1,
    width: 3,
    notes: 2,
    heading: KEPT_HEADING,
  });
  // The table's figures are values here, read as typed over PROD's formulas: only notes are asked.
  return carry.cells
    .filter((p) => p.from.kind !== "over")
    .map((p) => [p.from.on?.label, fresh.find((r) => r.row === p.row)?.key ?? p.where]);
}

describe("a kept row goes back only to a row of its own kind and code", () => {
  const header = ["Account", "Description", "Current", "Approved (base)", "Difference: Current"];
  const budget = (kept: CellValue[][]) =>
    sheet([
      ["Budget comparison"],
      [],
      [],
      [...header, "% change: Current", YOUR_NOTES],
      [1100, "Story", 1, 1, 0, 0],
      [],
      ...kept,
    ]);

  it("Budget comparison: a row of the accounts not in every version says so, and goes back to that list", () => {
    const cells = sheet([
      ["Budget comparison"],
      [],
      [],
      [...header, "% change: Current", YOUR_NOTES],
      [1100, "Story", 1, 0, 1, 0],
      [],
      ["Accounts not in every version (kept above, with 0 where missing)"],
      [1100, "Story", "Only in Current", "asked the studio"],
    ]);
    const rows = budgetRows(cells);
    expect(keyOf(rows, "Not in every version: 1100 Story")).toBe("partial code 1100");
    // Kept (the new comparison has 1100 in every version), then back only to that list.
    expect(placedOn(cells, rows, ["code 1100"])).toEqual([["Not in every version: 1100 Story", "kept"]]);
    const kept = budget([
      [KEPT_HEADING],
      ["Not in every version: 1100 Story", "", "", "", "", "", "", "note"],
    ]);
    const again = budgetRows(kept);
    expect(placedOn(kept, again, ["code 1100"])).toEqual([["Not in every version: 1100 Story", "kept"]]);
    expect(placedOn(kept, again, ["code 1100", "partial code 1100"])).toEqual([
      ["Not in every version: 1100 Story", "partial code 1100"],
    ]);
  });

  it("Budget comparison: an account code with a space (11 03) goes back to its row", () => {
    const kept = budget([[KEPT_HEADING], ["11 03 Story", "", "", "", "", "", "", "note"]]);
    const rows = budgetRows(kept);
    expect(placedOn(kept, rows, ["code 1100", "code 11 03"])).toEqual([["11 03 Story", "code 11 03"]]);
    // "11 03 Story" may be 11 "03 Story" or 11 03 "Story": with both back, it is not guessed.
    expect(placedOn(kept, rows, ["code 11", "code 11 03"])).toEqual([["11 03 Story", "kept"]]);
    expect(placedOn(kept, rows, ["code 11"])).toEqual([["11 03 Story", "code 11"]]);
  });

  it("Scenario comparison: a global that differed says so, and goes back only to the globals", () => {
    const cells = sheet([
      ["Scenario comparison: Top Sheet"],
      [],
      [],
      ["Figure", "30 days", "35 days", "35 days - 30 days", YOUR_NOTES],
      ["Days", 1, 2, 1],
      [],
      [],
      ["Globals that differ"],
      ["Days", 30, 35, "", "", "why 35?"],
    ]);
    const rows = earlierComparisonRows(cells, { topSheet: "Top Sheet" } as Budget);
    expect(keyOf(rows, "Globals that differ: Days")).toBe("global Days");
    expect(placedOn(cells, rows, ["line Days"])).toEqual([["Globals that differ: Days", "kept"]]);
    const kept = sheet([
      ["Scenario comparison: Top Sheet"],
      [],
      [],
      ["Figure", "30 days", "35 days", "35 days - 30 days", YOUR_NOTES],
      ["Days", 1, 2, 1],
      [],
      [KEPT_HEADING],
      ["Globals that differ: Days", "", "", "", "", "why 35?"],
    ]);
    const again = earlierComparisonRows(kept, { topSheet: "Top Sheet" } as Budget);
    expect(placedOn(kept, again, ["line Days"])).toEqual([["Globals that differ: Days", "kept"]]);
    expect(placedOn(kept, again, ["line Days", "global Days"])).toEqual([
      ["Globals that differ: Days", "global Days"],
    ]);
  });
});

/** A plan's sheet as Excel reads it back: a formula's value as 0 (the readers look at its text). */
function asRead(plan: WritePlan): SheetCells {
  const blocks = plan.sheets[0].blocks;
  const height = Math.max(...blocks.map((b) => b.row + b.cells.length));
  const width = Math.max(...blocks.map((b) => b.column + Math.max(...b.cells.map((l) => l.length))));
  const values = Array.from({ length: height }, () => Array<CellValue>(width).fill(""));
  const formulas = values.map((line) => [...line]);
  for (const block of blocks)
    block.cells.forEach((line, i) =>
      line.forEach((cell, j) => {
        const [r, c] = [block.row + i, block.column + j];
        if (cell === null) return;
        if (typeof cell === "object" && "formula" in cell) [values[r][c], formulas[r][c]] = [0, cell.formula];
        else values[r][c] = formulas[r][c] = typeof cell === "object" ? cell.text : cell;
      }),
    );
  return { row: 0, column: 0, values, formulas, numberFormats: values.map((l) => l.map(() => "General")) };
}

/**
 * `cells` (of sheet `sheet`) after the user inserted `lines` at row `at` (0-based) with Insert
 * Sheet Rows and typed them, as Excel does: the rows below move down, and every formula on the
 * sheet with them (insertRowsIn).
 */
function inserted(cells: SheetCells, sheet: string, at: number, lines: CellValue[][]): SheetCells {
  const width = cells.values[0].length;
  const pad = (line: CellValue[]) => [...line, ...Array<CellValue>(width - line.length).fill("")];
  const shift = (line: readonly CellValue[]) =>
    line.map((f) =>
      typeof f === "string" && f.startsWith("=") ? insertRowsIn(f, sheet, at, lines.length, sheet) : f,
    );
  const splice = <T>(rows: readonly (readonly T[])[], added: T[][]) => [
    ...rows.slice(0, at),
    ...added,
    ...rows.slice(at),
  ];
  return {
    ...cells,
    values: splice(cells.values, lines.map(pad)),
    formulas: splice(cells.formulas.map(shift), lines.map(pad)),
    numberFormats: splice(
      cells.numberFormats,
      lines.map((l) => pad(l).map(() => "General")),
    ),
  };
}

/** `cells` after the user deleted `count` rows from row `at` (Delete Sheet Rows; deleteRowsIn). */
function deleted(cells: SheetCells, sheet: string, at: number, count: number): SheetCells {
  const shift = (line: readonly CellValue[]) =>
    line.map((f) =>
      typeof f === "string" && f.startsWith("=") ? deleteRowsIn(f, sheet, at, count, sheet) : f,
    );
  const cut = <T>(rows: readonly (readonly T[])[]) => [...rows.slice(0, at), ...rows.slice(at + count)];
  return {
    ...cells,
    values: cut(cells.values),
    formulas: cut(cells.formulas.map(shift)),
    numberFormats: cut(cells.numberFormats),
  };
}

/** What findTypedCells tells of an earlier sheet, in short: kind, address, value, the row's label. */
const typedOn = (cells: SheetCells, rows: OwnRow[], sheet: string) =>
  findTypedCells(cells, rows, sheet).map((t) => [t.kind, a1(t.row, t.column), t.value, t.on?.label ?? null]);

describe("a row the user inserts inside a comparison's table is the user's, and PROD's rows below it stay PROD's", () => {
  const BUDGET = "Budget comparison";
  const account = (code: string, name: string) => ({ kind: "account", code, name, accounts: [code] });
  const comparison = {
    names: ["Current", "Approved"],
    base: 1,
    layout: "FEATURE",
    rows: [
      account("2301", "Set design"),
      account("2302", "Set build"),
      account("2303", "Set strike"),
      { kind: "category", code: "2300", name: "Sets", accounts: ["2301", "2302", "2303"] },
      { kind: "level", code: "", name: "Total Production", accounts: [], level: "PRODUCTION" },
      { kind: "total", code: "", name: "Grand total", accounts: [] },
    ],
    partial: [{ account: "2303", description: "Set strike", in: ["Current"] }],
    otherCharts: [],
  } as unknown as Comparison;
  const budgetSheet = () =>
    asRead(
      budgetPlan(
        comparison,
        [
          { kind: "store", id: 1 },
          { kind: "store", id: 2 },
        ],
        ["2301", "2302", "2303"],
        { source: "Saved versions.", chart: "Feature chart.", filter: null, topSheetOnly: false },
        { sheetName: BUDGET, mode: "create" },
      ).plan,
    );
  /** PROD's rows as read: each row's key, in sheet order. */
  const keys = (rows: OwnRow[]) => rows.map((r) => `${r.row + 1} ${r.key}`);

  it("Budget comparison: a blank row and a row of the user's between two accounts", () => {
    // Rows 5-7 are the accounts (1-based), 8 the category; the user inserts two rows above 6.
    const cells = inserted(budgetSheet(), BUDGET, 5, [
      [],
      ["", "Quote from the set builder", 1200, "", "", "", "call Tue"],
    ]);
    const rows = budgetRows(cells);
    expect(keys(rows).slice(4, 10)).toEqual([
      "5 code 2301",
      "8 code 2302",
      "9 code 2303",
      "10 code 2300",
      "11 row Total Production",
      "12 row Grand total",
    ]);
    expect(keys(rows).slice(10)).toEqual(["14 #partial", "15 partial code 2303"]);
    // The user's row is the user's, in the words for rows of the user's own; nothing else is.
    expect(typedOn(cells, rows, BUDGET)).toEqual([
      ["loose", "B7", "Quote from the set builder", null],
      ["loose", "C7", 1200, null],
      ["loose", "G7", "call Tue", null],
    ]);
    expect(lostChecks(cells, rows)).toEqual([]);
  });

  it("Budget comparison: rows inserted above the title, between the notes and the header, and under the header", () => {
    let cells = inserted(budgetSheet(), BUDGET, 4, [["", "", "", "", "", "", "under the header"]]);
    cells = inserted(cells, BUDGET, 3, [[], ["Approved by the studio on 12/1"]]);
    cells = inserted(cells, BUDGET, 0, [[]]);
    const rows = budgetRows(cells);
    expect(keys(rows).slice(0, 6)).toEqual([
      "2 #title",
      "3 #source",
      "4 #chart",
      "7 #header",
      "9 code 2301",
      "10 code 2302",
    ]);
    expect(keys(rows).slice(-2)).toEqual(["16 #partial", "17 partial code 2303"]);
    expect(typedOn(cells, rows, BUDGET)).toEqual([
      ["loose", "A6", "Approved by the studio on 12/1", null],
      ["loose", "G8", "under the header", null],
    ]);
    expect(lostChecks(cells, rows)).toEqual([]);
  });

  it.each([
    ["the middle account", 5, "code 2302"],
    ["the first account", 4, "code 2301"],
    ["the category", 7, "code 2300"],
    ["the grand total", 9, "row Grand total"],
  ])(
    "Budget comparison: a row of PROD's deleted (%s) is missing, and nothing is taken as the user's",
    (_, at, gone) => {
      const cells = deleted(budgetSheet(), BUDGET, at, 1);
      const rows = budgetRows(cells);
      const all = keys(budgetRows(budgetSheet())).map((k) => k.replace(/^\d+ /, ""));
      expect(rows.map((r) => r.key)).toEqual(all.filter((k) => k !== gone));
      expect(typedOn(cells, rows, BUDGET)).toEqual([]);
      expect(lostChecks(cells, rows)).toEqual([]);
    },
  );

  it("Budget comparison: a row inserted between the table and the list of accounts, and in the list", () => {
    // Row 13 (1-based) is the list's one account, 10 the grand total.
    let cells = inserted(budgetSheet(), BUDGET, 12, [["", "", "mine"]]);
    cells = inserted(cells, BUDGET, 10, [["", "", "", "", "", "", "below the total"]]);
    const rows = budgetRows(cells);
    expect(keys(rows).slice(-3)).toEqual(["10 row Grand total", "13 #partial", "15 partial code 2303"]);
    expect(typedOn(cells, rows, BUDGET)).toEqual([
      ["loose", "G11", "below the total", null],
      ["loose", "C14", "mine", null],
    ]);
  });
  const INCENTIVES = "Incentive comparison";
  const program = (name: string, exchangeRate: number | null): ComparedProgram => ({
    name,
    settings: "",
    exchangeRate,
    // Only what the row shows of the engine's answer.
    result: {
      program: findProgram(name),
      gross: { toNumber: () => 1 },
      net: { toNumber: () => 1 },
      unconfirmed: [],
      notes: [],
      failed: null,
      timing: "t",
    } as unknown as ComparedProgram["result"],
  });
  const incentiveSheet = () =>
    asRead(
      incentivePlan(
        { sheetName: INCENTIVES, mode: "create" },
        { label: "B!A1:I9", amounts: "'B'!$A$2:$A$9", tags: "'B'!$B$2:$F$9" },
        [program("US-GA", null), program("CAN-BC", 1.37), program("US-NM", null)],
      ).plan,
    );

  it("Incentive comparison: a blank row and a row of the user's between programs, a row above the header", () => {
    // Programs on rows 6-8 (1-based); the user inserts two rows above 7 and one above the header.
    let cells = inserted(incentiveSheet(), INCENTIVES, 6, [[], ["", "Ask the film office", "", "", 1.4]]);
    cells = inserted(cells, INCENTIVES, 4, [["Programs we are weighing:"]]);
    const rows = incentiveRows(cells);
    expect(keys(rows)).toEqual([
      "1 #title",
      "2 #note",
      "3 #total",
      "6 #header",
      "7 program US-GA",
      "10 program CAN-BC",
      "11 program US-NM",
    ]);
    expect(typedOn(cells, rows, INCENTIVES)).toEqual([
      ["loose", "A5", "Programs we are weighing:", null],
      ["loose", "B9", "Ask the film office", null],
      ["loose", "E9", 1.4, null],
    ]);
    expect(lostChecks(cells, rows)).toEqual([]);
    // Each program's Settings and Exchange rate are read where its row is now, as PROD wrote them.
    expect(
      [...earlierInputs(cells, INCENTIVES)].map(([name, i]) => [
        name,
        i.exchangeRate.address,
        i.exchangeRate.changed,
      ]),
    ).toEqual([
      ["US-GA", "E7", false],
      ["CAN-BC", "E10", false],
      ["US-NM", "E11", false],
    ]);
  });

  it("Incentive comparison: a program's row deleted is missing, and nothing is taken as the user's", () => {
    const cells = deleted(incentiveSheet(), INCENTIVES, 6, 1);
    const rows = incentiveRows(cells);
    expect(keys(rows).slice(-2)).toEqual(["6 program US-GA", "7 program US-NM"]);
    expect(typedOn(cells, rows, INCENTIVES)).toEqual([]);
  });

  it("Incentive comparison: the budget total's row deleted leaves #REF! in each net cost, which is not the user's formula", () => {
    const cells = deleted(incentiveSheet(), INCENTIVES, 2, 1);
    expect(cells.formulas[4][7]).toBe("=ROUND(#REF!-G5,2)");
    const rows = incentiveRows(cells);
    expect(typedOn(cells, rows, INCENTIVES).filter(([kind]) => kind === "over")).toEqual([]);
    // Pointed at another row by hand, it is the user's, named with PROD's formula.
    const moved = deleted(incentiveSheet(), INCENTIVES, 2, 1);
    (moved.formulas[4] as CellValue[])[7] = "=ROUND($B$1-G5,2)";
    expect(
      findTypedCells(moved, incentiveRows(moved), INCENTIVES).map((t) => [t.kind, a1(t.row, t.column)]),
    ).toEqual([["over", "H5"]]);
  });

  it("Incentive comparison written before checks: a blank row ends the programs, as then", () => {
    const cells = inserted(incentiveSheet(), INCENTIVES, 6, [[]]);
    // No check column: the sheet as written before checks (its note without CHECK_NOTE).
    const old = {
      ...cells,
      values: cells.values.map((l, r) =>
        l.slice(0, 11).map((v, c) => (r === 1 && c === 0 ? "Gross and net" : v)),
      ),
      formulas: cells.formulas.map((l) => l.slice(0, 11)),
    };
    expect(keys(incentiveRows(old)).slice(-1)).toEqual(["6 program US-GA"]);
  });
  it("Scenario comparison: a blank row and a row of the user's between lines, and in the globals that differ", () => {
    const SCENARIOS = "Scenario comparison";
    const header = ["Figure", "30 days", "35 days", "35 days - 30 days", YOUR_NOTES];
    const lines: Cell[][] = [
      [{ text: "Total Above-the-line" }, 100, 100, 0],
      [{ text: "Total Production" }, 200, 230, 30],
      [{ text: "Grand total" }, 300, 330, 30],
    ];
    const globals: Cell[][] = [[{ text: "Shoot days" }, 30, 35, null]];
    // As the What-if panel writes it (whatifWorkbook comparisonPlan): two blank rows between.
    const written: WrittenRow[] = [
      { row: 0, cells: [{ text: "Scenario comparison: Top Sheet" }], notes: null },
      { row: 1, cells: [{ text: `Figures of that moment. ${CHECK_NOTE}` }], notes: null },
      { row: 3, cells: header, notes: null },
      ...lines.map((cells, i) => ({ row: 4 + i, cells, notes: 4 })),
      { row: 9, cells: ["Globals that differ", { text: "30 days" }, { text: "35 days" }, null], notes: null },
      ...globals.map((cells, i) => ({ row: 10 + i, cells, notes: null })),
    ];
    const plan = {
      owner: "whatif",
      sheets: [
        {
          name: SCENARIOS,
          mode: "create",
          blocks: [
            ...written.map((w) => ({ row: w.row, column: 0, cells: [w.cells] })),
            rowChecksBlock(written, 5, SCENARIOS),
          ],
        },
      ],
    } as WritePlan;
    let cells = inserted(asRead(plan), SCENARIOS, 11, [["", "", "", "", "", "why 35?"]]);
    cells = inserted(cells, SCENARIOS, 5, [[], ["", 1000, "", "", "my own figure"]]);
    const rows = earlierComparisonRows(cells, { topSheet: "Top Sheet" } as Budget);
    expect(keys(rows)).toEqual([
      "1 #title",
      "2 #note",
      "4 #header",
      "5 line Total Above-the-line",
      "8 line Total Production",
      "9 line Grand total",
      "12 #globals",
      "13 global Shoot days",
    ]);
    expect(typedOn(cells, rows, SCENARIOS)).toEqual([
      ["loose", "B7", 1000, null],
      ["loose", "E7", "my own figure", null],
      ["loose", "F14", "why 35?", null],
    ]);
    expect(lostChecks(cells, rows)).toEqual([]);
  });
});
