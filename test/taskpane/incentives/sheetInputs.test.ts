/*
 * The Incentive comparison's Settings and Exchange rate cells, which the sheet invites the user to
 * change: read per program from the earlier comparison, kept over the pane's when they differ
 * (each named for the one question), written back as they were (text as text, the user's formula
 * as written), and refused in words naming the program and the cell when no program can take them.
 */
import { findProgram } from "../../../src/engine/incentives/calculate";
import {
  comparisonPlan,
  earlierInputs,
  type ComparedProgram,
  type EarlierInputs,
  type ReadInput,
} from "../../../src/taskpane/incentives/comparisonSheet";
import {
  followSheet,
  keepSheetInputs,
  keptInputWords,
  paneRate,
  readRate,
  type ComparisonWritten,
  type KeptInput,
  type PaneRates,
  type ProgramRequest,
} from "../../../src/taskpane/incentives/runIncentives";
import type { SheetCells } from "../../../src/taskpane/shell/userWork";
import type { CellValue } from "../../../src/excel/port";

const SHEET = "Incentive comparison";
const input = (address: string, value: CellValue, formula: string | null = null): ReadInput => ({
  address,
  value,
  formula,
});
const earlier = (rows: [string, ReadInput, ReadInput][]) =>
  new Map<string, EarlierInputs>(
    rows.map(([name, settings, exchangeRate]) => [name, { settings, exchangeRate }]),
  );
const GA: ProgramRequest = { name: "US-GA", settings: "", exchangeRate: null };
const BC: ProgramRequest = { name: "CAN-BC", settings: "", exchangeRate: 1.37 };

describe("readRate", () => {
  it.each<[CellValue, number | null | undefined]>([
    ["", null],
    ["  ", null],
    [1.4, 1.4],
    ["0.79", 0.79],
    [" 1,37 ", undefined],
    ["abc", undefined],
    [0, undefined],
    [-1.4, undefined],
    ["-2", undefined],
    [true, undefined],
    [Number.NaN, undefined],
  ])("%p is %p", (value, rate) => expect(readRate(value)).toBe(rate));
});

describe("earlierInputs", () => {
  it("reads each program's Settings (D) and Exchange rate (E) to the first row with no program, the first row of a name only", () => {
    const row = (name: string, d: CellValue, e: CellValue) => [name, "t", "USD", d, e];
    const cells: SheetCells = {
      row: 0,
      column: 0,
      numberFormats: [],
      values: [
        [],
        [],
        [],
        [],
        [],
        row("US-GA", "SALE=0.88", ""),
        row("CAN-BC", "", 1.4),
        row("US-GA", "x", 2),
        row("", "", ""),
        row("US-NM", "", ""),
      ],
      formulas: [
        [],
        [],
        [],
        [],
        [],
        row("US-GA", "SALE=0.88", ""),
        row("CAN-BC", "", "=Globals!$B$9"),
        row("US-GA", "x", 2),
        row("", "", ""),
        row("US-NM", "", ""),
      ],
    };
    expect([...earlierInputs(cells, SHEET)]).toEqual([
      ["US-GA", { settings: input("D6", "SALE=0.88"), exchangeRate: input("E6", "") }],
      ["CAN-BC", { settings: input("D7", ""), exchangeRate: input("E7", 1.4, "=Globals!$B$9") }],
    ]);
  });

  it("reads text that begins with = as text, not as the user's formula", () => {
    const cells: SheetCells = {
      row: 5,
      column: 0,
      numberFormats: [],
      values: [["US-GA", "", "", "=1", ""]],
      formulas: [["US-GA", "", "", "=1", ""]],
    };
    expect(earlierInputs(cells, SHEET).get("US-GA")?.settings).toEqual(input("D6", "=1"));
  });
});

describe("earlierInputs on a comparison with PROD's row checks", () => {
  const result = { program: findProgram("US-GA"), unconfirmed: [], notes: [], failed: null, timing: "t" };
  const compared = (p: ProgramRequest): ComparedProgram => ({
    ...p,
    // Only what the row shows of the engine's answer.
    result: {
      ...result,
      program: findProgram(p.name),
      gross: { toNumber: () => 1 },
      net: { toNumber: () => 1 },
    } as unknown as ComparedProgram["result"],
  });
  /** The comparison as PROD writes it, read back as Excel gives it (a formula's value as 0), then `edit`. */
  function written(edit: Record<string, CellValue> = {}): SheetCells {
    const { plan } = comparisonPlan(
      { sheetName: SHEET, mode: "create" },
      { label: "B!A1:I9", amounts: "'B'!$A$2:$A$9", tags: null },
      [compared({ ...GA, settings: "SALE=0.88" }), compared(BC)],
    );
    const values: CellValue[][] = Array.from({ length: 8 }, () => Array<CellValue>(12).fill(""));
    const formulas = values.map((r) => [...r]);
    for (const block of plan.sheets[0].blocks)
      block.cells.forEach((line, i) =>
        line.forEach((cell, j) => {
          const [r, c] = [block.row + i, block.column + j];
          if (cell === null) return;
          if (typeof cell === "object" && "formula" in cell)
            [values[r][c], formulas[r][c]] = [0, cell.formula];
          else values[r][c] = formulas[r][c] = typeof cell === "object" ? cell.text : cell;
        }),
      );
    for (const [address, value] of Object.entries(edit)) {
      const [r, c] = [Number(address.slice(1)) - 1, address.charCodeAt(0) - 65];
      values[r][c] = formulas[r][c] = value;
    }
    return { row: 0, column: 0, values, formulas, numberFormats: [] };
  }
  const changed = (cells: SheetCells) =>
    [...earlierInputs(cells, SHEET)].map(([name, i]) => [name, i.settings.changed, i.exchangeRate.changed]);

  it("tells each cell as PROD wrote it from one the user changed, emptied or typed where PROD left it blank", () => {
    expect(changed(written())).toEqual([
      ["US-GA", false, false],
      ["CAN-BC", false, false],
    ]);
    expect(changed(written({ D6: "", E6: 1.3, D7: "SALE=0.9", E7: 1.4 }))).toEqual([
      ["US-GA", true, true],
      ["CAN-BC", true, true],
    ]);
    // A row whose check the user typed over: it cannot be told.
    expect(changed(written({ L7: "mine" }))).toEqual([
      ["US-GA", false, false],
      ["CAN-BC", undefined, undefined],
    ]);
  });

  it("gives the pane's inputs where the sheet's are as PROD wrote them, asking nothing; the user's changes still kept", () => {
    // The pane now has Georgia at its defaults and British Columbia at 1.4: the sheet is as the
    // last comparison wrote it (SALE=0.88, 1.37).
    const pane = [GA, { ...BC, exchangeRate: 1.4 }];
    expect(keepSheetInputs(pane, earlierInputs(written(), SHEET), SHEET)).toEqual({
      programs: pane,
      kept: [],
    });
    const kept = keepSheetInputs(pane, earlierInputs(written({ E7: 1.45 }), SHEET), SHEET);
    expect(kept.programs).toEqual([GA, { ...BC, exchangeRate: 1.45 }]);
    expect(kept.kept.map((k) => [k.address, k.sheet, k.pane])).toEqual([["E7", "1.45", "1.4"]]);
  });
});

describe("keepSheetInputs", () => {
  it("keeps the pane's inputs where the sheet holds the same (spaces aside), listing nothing", () => {
    const sheet = earlier([
      ["US-GA", input("D6", " "), input("E6", "")],
      ["CAN-BC", input("D7", ""), input("E7", 1.37)],
    ]);
    expect(keepSheetInputs([GA, BC], sheet, SHEET)).toEqual({ programs: [GA, BC], kept: [] });
    // A program the earlier comparison did not have takes the pane's.
    expect(keepSheetInputs([GA, BC], earlier([]), SHEET)).toEqual({ programs: [GA, BC], kept: [] });
  });

  it("keeps the settings and the rate the user changed on the sheet, each listed with the pane's", () => {
    const sheet = earlier([
      ["US-GA", input("D6", "SALE=0.88"), input("E6", "")],
      ["CAN-BC", input("D7", ""), input("E7", 1.4)],
    ]);
    const { programs, kept } = keepSheetInputs([GA, BC], sheet, SHEET);
    expect(programs).toEqual([
      { ...GA, settings: "SALE=0.88" },
      { ...BC, exchangeRate: 1.4 },
    ]);
    expect(kept).toEqual([
      { program: "US-GA", heading: "Settings", address: "D6", sheet: '"SALE=0.88"', pane: "blank" },
      { program: "CAN-BC", heading: "Exchange rate", address: "E7", sheet: "1.4", pane: "1.37" },
    ]);
    expect(keptInputWords(kept, false)).toBe(
      `You changed on it: US-GA's Settings (D6) is "SALE=0.88", the pane had blank; CAN-BC's Exchange rate (E7) is 1.4, the pane had 1.37. The new comparison keeps your values and its figures use them.`,
    );
    expect(keptInputWords(kept.slice(1), true)).toBe(
      "Kept 1 value you changed on the sheet: CAN-BC's Exchange rate (E7) is 1.4, the pane had 1.37; the figures use it.",
    );
    expect(keptInputWords([], false)).toBe("");
  });

  it("keeps a rate the user cleared (blank: the budget in the program's currency)", () => {
    const { programs, kept } = keepSheetInputs(
      [BC],
      earlier([["CAN-BC", input("D7", ""), input("E7", "")]]),
      SHEET,
    );
    expect(programs).toEqual([{ ...BC, exchangeRate: null }]);
    expect(kept.map((k) => [k.sheet, k.pane])).toEqual([["blank", "1.37"]]);
  });

  it("keeps the user's formula as written, silently when its value is the pane's; one pointing into the sheet as its value, listed", () => {
    const linked = earlier([["CAN-BC", input("D7", ""), input("E7", 1.37, "=Globals!$B$9")]]);
    expect(keepSheetInputs([BC], linked, SHEET)).toEqual({
      programs: [{ ...BC, formulas: { exchangeRate: "=Globals!$B$9" } }],
      kept: [],
    });
    const moved = earlier([["CAN-BC", input("D7", ""), input("E7", 1.5, "=Globals!$B$9")]]);
    expect(keepSheetInputs([BC], moved, SHEET).kept[0].sheet).toBe("1.5 (your formula =Globals!$B$9)");
    const own = earlier([["CAN-BC", input("D7", ""), input("E7", 1.37, "=E6")]]);
    const kept = keepSheetInputs([BC], own, SHEET);
    expect(kept.programs).toEqual([BC]);
    expect(kept.kept[0].sheet).toBe(
      "1.37 (the value of your formula =E6, which points at cells of this sheet, whose rows move)",
    );
  });

  it.each<[string, CellValue, string]>([
    ["abc", "abc", `"abc" must be a number above 0`],
    ["0", 0, "0 must be a number above 0"],
    ["a negative rate", -1.4, "-1.4 must be a number above 0"],
    ["TRUE", true, "TRUE must be a number above 0"],
  ])("refuses a rate of %s, naming the program and the cell", (_what, value, words) => {
    expect(() =>
      keepSheetInputs([GA, BC], earlier([["CAN-BC", input("D7", ""), input("E7", value)]]), SHEET),
    ).toThrow(
      `The Exchange rate of CAN-BC on "Incentive comparison" (E7) cannot be used: ${words}, such as 0.79, or blank when the budget is in the program's currency. Correct the cell or clear it, then compare again; nothing was written.`,
    );
  });

  it.each<[CellValue, RegExp]>([
    [
      "=1",
      /^The Settings of US-GA on "Incentive comparison" \(D6\) cannot be used: settings names , which US-GA does not read/,
    ],
    [
      "FOO=1",
      /^The Settings of US-GA on "Incentive comparison" \(D6\) cannot be used: settings names FOO, which/,
    ],
    [
      "SALE=abc",
      /\(D6\) cannot be used: settings SALE must be a number, got "abc"\. Correct the cell or clear it/,
    ],
    [5, /\(D6\) cannot be used: settings must be NAME=VALUE pairs such as "GEP=NO, SALE=0\.88", got 5\./],
  ])("refuses settings of %p, naming the program and the cell", (value, words) => {
    expect(() =>
      keepSheetInputs([GA], earlier([["US-GA", input("D6", value), input("E6", "")]]), SHEET),
    ).toThrow(words);
  });
});

describe("the program's row as written", () => {
  const result = { program: findProgram("US-GA"), unconfirmed: [], notes: [], failed: null, timing: "t" };
  const program = (p: Partial<ComparedProgram>) =>
    ({
      ...GA,
      result: { ...result, gross: { toNumber: () => 1 }, net: { toNumber: () => 1 } },
      ...p,
    }) as ComparedProgram;
  const budget = { label: "B!A1:I9", amounts: "'B'!$A$2:$A$9", tags: null };
  const row = (p: Partial<ComparedProgram>) =>
    comparisonPlan({ sheetName: SHEET, mode: "create" }, budget, [program(p)]).plan.sheets[0].blocks[4]
      .cells[0];

  it("writes settings as text, never a formula, and the user's kept formulas as written", () => {
    expect(row({ settings: "SALE=0.88" }).slice(3, 5)).toEqual([{ text: "SALE=0.88" }, null]);
    expect(row({ settings: "=SALE=0.88", exchangeRate: 1.4 }).slice(3, 5)).toEqual([
      { text: "=SALE=0.88" },
      1.4,
    ]);
    expect(
      row({
        exchangeRate: 1.37,
        formulas: { exchangeRate: "=Globals!$B$9", settings: "=Globals!$B$8" },
      }).slice(3, 5),
    ).toEqual([{ formula: "=Globals!$B$8" }, { formula: "=Globals!$B$9" }]);
  });
});

describe("the pane's rate fields", () => {
  const rates = (byCurrency: Record<string, string>, byProgram: Record<string, string> = {}): PaneRates => ({
    byCurrency,
    byProgram,
  });

  it("gives a program its own field's rate when it has one, else its currency's, none in the budget's currency", () => {
    const pane = rates({ CAD: "1.37", GBP: "" }, { "US-GA": "1.3", "CAN-ON": "" });
    expect(paneRate("US-NM", "USD", pane)).toBeNull();
    expect(paneRate("US-GA", "USD", pane)).toBe(1.3);
    expect(paneRate("CAN-BC", "USD", pane)).toBe(1.37);
    // Its own field blank: no rate, the budget taken as the program's currency.
    expect(paneRate("CAN-ON", "USD", pane)).toBeNull();
    expect(paneRate("UK-AVEC", "USD", pane)).toBeNull();
  });

  it.each<[string, string]>([
    ["abc", `The US-GA exchange rate must be a number above 0, such as 0.79, got "abc".`],
    ["0", `The US-GA exchange rate must be a number above 0, such as 0.79, got "0".`],
    [" -1.3 ", `The US-GA exchange rate must be a number above 0, such as 0.79, got "-1.3".`],
  ])("refuses a program's own rate of %p in words", (typed, words) => {
    expect(() => paneRate("US-GA", "USD", rates({}, { "US-GA": typed }))).toThrow(words);
  });

  /** What a comparison wrote, for the pane to follow: each program with the rate it used. */
  const written = (
    used: [string, number | null][],
    kept: KeptInput[],
  ): Pick<ComparisonWritten, "kept" | "programs"> => ({
    kept,
    programs: used.map(([name, exchangeRate]) => ({
      name,
      settings: "",
      exchangeRate,
      result: { program: findProgram(name) } as ComparedProgram["result"],
    })),
  });
  const rateKept = (program: string, address: string, sheet: string, pane: string): KeptInput => ({
    program,
    heading: "Exchange rate",
    address,
    sheet,
    pane,
  });

  it("gives a program in the budget's currency a field of its own for a rate kept from the sheet, so the next comparison asks nothing", () => {
    const follow = followSheet(
      written(
        [
          ["US-GA", 1.3],
          ["CAN-BC", 1.37],
        ],
        [rateKept("US-GA", "E6", "1.3", "blank")],
      ),
      "USD",
      rates({ CAD: "1.37" }),
    );
    expect(follow.rates).toEqual(rates({ CAD: "1.37" }, { "US-GA": "1.3" }));
    expect(paneRate("US-GA", "USD", follow.rates)).toBe(1.3);
    expect(follow.words).toBe(
      " Kept 1 value you changed on the sheet: US-GA's Exchange rate (E6) is 1.3, the pane had blank; the figures use it. The pane's fields now show what you changed: US-GA has an exchange rate field of its own, as USD is the budget's currency.",
    );
  });

  it("takes a rate shared by every program of a currency into its field, and drops their own fields", () => {
    const follow = followSheet(
      written(
        [
          ["CAN-BC", 1.4],
          ["CAN-ON", 1.4],
        ],
        [rateKept("CAN-BC", "E6", "1.4", "1.37")],
      ),
      "USD",
      rates({ CAD: "1.37" }, { "CAN-ON": "1.4", "US-GA": "1.3" }),
    );
    expect(follow.rates).toEqual(rates({ CAD: "1.4" }, { "US-GA": "1.3" }));
    expect(follow.words).toMatch(/The pane's fields now show what you changed\.$/);
  });

  it("gives one program of a currency its own field when the sheet has it at another rate than the rest", () => {
    const follow = followSheet(
      written(
        [
          ["CAN-BC", 1.37],
          ["CAN-ON", 1.45],
        ],
        [rateKept("CAN-ON", "E7", "1.45", "1.37")],
      ),
      "USD",
      rates({ CAD: "1.37" }),
    );
    expect(follow.rates).toEqual(rates({ CAD: "1.37" }, { "CAN-ON": "1.45" }));
    expect(follow.words).toMatch(
      /now show what you changed: CAN-ON has an exchange rate field of its own, as the programs in CAD have different rates on the sheet\.$/,
    );
  });

  it("drops a program's own field when the sheet's rate is what the pane gives without it (cleared in the budget's currency)", () => {
    const follow = followSheet(
      written(
        [
          ["US-GA", null],
          ["US-NM", null],
        ],
        [rateKept("US-GA", "E6", "blank", "1.3")],
      ),
      "USD",
      rates({}, { "US-GA": "1.3" }),
    );
    expect(follow.rates).toEqual(rates({}, {}));
    expect(follow.words).toMatch(/The pane's fields now show what you changed\.$/);
    expect(followSheet(written([["US-GA", null]], []), "USD", rates({ CAD: "1" })).words).toBe("");
  });
});
