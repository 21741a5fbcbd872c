import fc from "fast-check";
import {
  compareFigures,
  matchingScenario,
  missingGlobals,
  readStore,
  unsetGlobals,
  sameCell,
  storeRows,
  storedCell,
  topSheetFigures,
  type Scenario,
  type StoredCell,
} from "../../../src/engine/whatif/scenarios";

describe("storedCell: what a global's cell holds, to put it back exactly", () => {
  it.each<[string, string | number | boolean, string | number | boolean, StoredCell]>([
    ["a number", 30, 30, { kind: "number", value: 30 }],
    ["a formula", 6, "=Shoot_Days/Days_Per_Week", { kind: "formula", value: "=Shoot_Days/Days_Per_Week" }],
    ["a formula whose result is text", "IATSE", '="IATSE"', { kind: "formula", value: '="IATSE"' }],
    ["text", "10:1.5,14:2", "10:1.5,14:2", { kind: "text", value: "10:1.5,14:2" }],
    ["text typed with an apostrophe that starts with =", "=oops", "=oops", { kind: "text", value: "=oops" }],
    ["a switch", true, true, { kind: "boolean", value: true }],
    ["a blank", "", "", { kind: "blank" }],
  ])("reads %s", (_what, value, formula, expected) => {
    expect(storedCell(value, formula)).toEqual(expected);
  });

  // Office.js gives an error value in `values` and `formulas` as its text ("#N/A"); only
  // `valueTypes` ("Error", Excel.RangeValueType) tells it from text typed "'#N/A".
  it.each<[string, string, string, string, StoredCell]>([
    ["an error value typed by the user", "#N/A", "#N/A", "Error", { kind: "error", value: "#N/A" }],
    ["text that reads as an error", "#N/A", "#N/A", "String", { kind: "text", value: "#N/A" }],
    ["a formula whose result is an error", "#N/A", "=NA()", "Error", { kind: "formula", value: "=NA()" }],
  ])("reads %s by its value type", (_what, value, formula, type, expected) => {
    expect(storedCell(value, formula, type)).toEqual(expected);
  });

  it("tells a formula from its result", () => {
    expect(sameCell({ kind: "formula", value: "=1+1" }, { kind: "number", value: 2 })).toBe(false);
    expect(sameCell({ kind: "blank" }, { kind: "blank" })).toBe(true);
    expect(sameCell({ kind: "text", value: "30" }, { kind: "number", value: 30 })).toBe(false);
  });
});

const thirty: Scenario = {
  name: "30 days",
  saved: "2026-12-04 16:40",
  globals: [
    { name: "Shoot_Days", cell: { kind: "number", value: 30 } },
    { name: "Shoot_Weeks", cell: { kind: "formula", value: "=Shoot_Days/Days_Per_Week" } },
    { name: "Pay_Rule", cell: { kind: "text", value: "IATSE" } },
    { name: "Notes", cell: { kind: "blank" } },
  ],
};

describe("the scenario store", () => {
  it("writes one row per global and reads the scenarios back as they were", () => {
    const thirtyFive: Scenario = {
      ...thirty,
      name: "35 days",
      globals: [{ name: "Shoot_Days", cell: { kind: "number", value: 35 } }, ...thirty.globals.slice(1)],
    };
    const rows = storeRows([thirty, thirtyFive]);
    expect(rows[1]).toEqual([
      "30 days",
      "2026-12-04 16:40",
      "Shoot_Weeks",
      "formula",
      "=Shoot_Days/Days_Per_Week",
    ]);
    expect(rows[3]).toEqual(["30 days", "2026-12-04 16:40", "Notes", "blank", null]);
    // Read back as Excel gives it: blanks as "".
    const read = rows.map((r) => r.map((x) => x ?? ""));
    expect(readStore(read)).toEqual({ scenarios: [thirty, thirtyFive], problems: [] });
  });

  it("leaves out a scenario with a row it cannot read, and says which row and why", () => {
    const read = storeRows([thirty]).map((r) => r.map((x) => x ?? ""));
    read[0][4] = "thirty";
    expect(readStore(read)).toEqual({
      scenarios: [],
      problems: [{ row: 1, reason: 'its value "thirty" is not a number' }],
    });
  });

  it("round-trips any set of globals", () => {
    const cell = fc.oneof(
      fc
        .double({ noNaN: true, noDefaultInfinity: true })
        .map((value): StoredCell => ({ kind: "number", value })),
      fc.string({ minLength: 1 }).map((value): StoredCell => ({ kind: "text", value })),
      fc.string().map((value): StoredCell => ({ kind: "formula", value: `=${value}` })),
      fc.boolean().map((value): StoredCell => ({ kind: "boolean", value })),
      fc.constant<StoredCell>({ kind: "blank" }),
      fc
        .constantFrom("#N/A", "#VALUE!", "#DIV/0!", "#REF!", "#NAME?", "#NUM!", "#NULL!")
        .map((value): StoredCell => ({ kind: "error", value })),
    );
    const scenario = fc.record({
      name: fc.string({ minLength: 1 }),
      saved: fc.constant("2026-12-04 16:40"),
      globals: fc.uniqueArray(fc.record({ name: fc.stringMatching(/^[A-Z][a-z_]{0,8}$/), cell }), {
        minLength: 1,
        maxLength: 6,
        selector: (g) => g.name,
      }),
    });
    fc.assert(
      fc.property(scenario, (s) => {
        const read = storeRows([s]).map((r) => r.map((x) => x ?? ""));
        expect(readStore(read).scenarios).toEqual([s]);
        expect(matchingScenario(s.globals, [s])).toBe(s);
      }),
    );
  });
});

describe("matching the current globals with a saved scenario", () => {
  it("finds the scenario that holds exactly the same cells, names in any case", () => {
    const current = thirty.globals.map((g) => ({ ...g, name: g.name.toUpperCase() }));
    expect(matchingScenario(current, [thirty])).toBe(thirty);
    const changed = [
      { name: "Shoot_Days", cell: { kind: "number" as const, value: 31 } },
      ...thirty.globals.slice(1),
    ];
    expect(matchingScenario(changed, [thirty])).toBeUndefined();
  });

  it("lists the globals a scenario has that the budget lost", () => {
    expect(missingGlobals(thirty, ["shoot_days", "Shoot_Weeks", "Pay_Rule"])).toEqual(["Notes"]);
  });

  it("lists the budget's globals a scenario has no value for (saved before they were added), in the budget's order", () => {
    expect(unsetGlobals(thirty, ["Night_Premium", "shoot_days", "Shoot_Weeks", "Pay_Rule", "Fee"])).toEqual([
      "Night_Premium",
      "Fee",
    ]);
    expect(
      unsetGlobals(
        thirty,
        thirty.globals.map((g) => g.name),
      ),
    ).toEqual([]);
  });
});

describe("topSheetFigures", () => {
  it("reads level totals, charges and the grand total, not the categories", () => {
    const cells = [
      ["Top Sheet: Feature film", "", "", "", "", ""],
      ["Acct", "Category", "Total", "Rate", "Base", "Base is"],
      [1100, "Story & Other Rights", 0, "", "", ""],
      ["", "Total Above-the-line", 1500.5, "", "", ""],
      ["", "", "", "", "", ""],
      ["", "Contingency", 150.05, 0.1, 1500.5, "ATL+BTL"],
      ["", "Production insurance", "#VALUE!", 0.007, "", "Net insurable"],
      ["", "Grand total", 1650.55, "", "", ""],
      ["", '=IF(C3<>0,"Check","")', "", "", "", ""],
    ];
    expect(topSheetFigures(cells)).toEqual([
      { label: "Total Above-the-line", value: 1500.5 },
      { label: "Contingency", value: 150.05 },
      { label: "Production insurance", value: "#VALUE!" },
      { label: "Grand total", value: 1650.55 },
    ]);
  });
});

describe("compareFigures", () => {
  it("gives each scenario's change from the first, to the cent, and keeps figures only some have", () => {
    const lines = compareFigures([
      [
        { label: "Total Production", value: 100000.1 },
        { label: "Grand total", value: 110000.11 },
      ],
      [
        { label: "Total Production", value: 116666.77 },
        { label: "Bond", value: 3000 },
        { label: "Grand total", value: "#VALUE!" },
      ],
    ]);
    expect(lines.map((l) => [l.label, l.values, l.deltas.map((d) => d?.toFixed(2) ?? null)])).toEqual([
      ["Total Production", [100000.1, 116666.77], ["0.00", "16666.67"]],
      ["Grand total", [110000.11, "#VALUE!"], ["0.00", null]],
      ["Bond", ["", 3000], [null, null]],
    ]);
  });

  it("keeps both lines of a label the top sheet shows twice (a line renamed to another's name), the nth to the nth", () => {
    const run = (a: number, b: number) => [
      { label: "Contingency", value: a },
      { label: "Insurance", value: 500 },
      { label: "Contingency", value: b },
    ];
    const lines = compareFigures([run(1000, 2000), run(1100, 2500)]);
    expect(lines.map((l) => [l.label, l.values, l.deltas.map((d) => d?.toFixed(2) ?? null)])).toEqual([
      ["Contingency", [1000, 1100], ["0.00", "100.00"]],
      ["Insurance", [500, 500], ["0.00", "0.00"]],
      ["Contingency", [2000, 2500], ["0.00", "500.00"]],
    ]);
  });

  it("compares a scenario with itself as all zeros, and its changes add up like its figures", () => {
    const money = fc.integer({ min: -1e11, max: 1e11 }).map((c) => c / 100);
    const figures = fc.array(money, { minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(figures, figures, (a, b) => {
        const n = Math.min(a.length, b.length);
        const run = (xs: number[]) => xs.slice(0, n).map((value, i) => ({ label: `L${i}`, value }));
        expect(compareFigures([run(a), run(a)]).every((l) => l.deltas.every((d) => d!.isZero()))).toBe(true);
        // The change of a sum is the sum of the changes (every figure is whole cents).
        const withSum = (xs: number[]) => [
          ...run(xs),
          { label: "Sum", value: xs.slice(0, n).reduce((s, x) => s + x * 100, 0) / 100 },
        ];
        const lines = compareFigures([withSum(a), withSum(b)]);
        const sumDelta = lines.pop()!.deltas[1]!;
        const parts = lines.reduce((s, l) => s.plus(l.deltas[1]!), sumDelta.minus(sumDelta));
        expect(parts.toFixed(2)).toBe(sumDelta.toFixed(2));
      }),
    );
  });
});
