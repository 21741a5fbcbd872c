/*
 * Budget versions in the preview's memory workbook (HyperFormula with the real PROD functions):
 * the comparison sheet's live formulas give, cell for cell and to the cent, the figures the engine
 * computes, as Excel would; a corrected line moves Current and the differences; and the Top
 * Sheet's Original and Variance columns follow.
 */
import { loadProdFunctions } from "./loadProdFunctions";
import { insertedWithRates } from "./fillInRates";
import { MemoryWorkbook } from "../../src/preview/memoryWorkbook";
import { registerProdFunctions } from "../../src/preview/prodFunctionPlugin";
import { TEMPLATES } from "../../src/engine/templates";
import { Decimal, roundCents, toDecimal } from "../../src/engine/money";
import type { Comparison } from "../../src/engine/versions";
import { DETAIL_COLUMNS } from "../../src/taskpane/templates/buildPlan";
import { COMPARISON_SHEET, ROUNDING_NOTE } from "../../src/taskpane/versions/comparisonSheet";
import {
  compareCurrent as compareWith,
  lockOriginal,
  saveCurrent,
  type CompareRequest,
} from "../../src/taskpane/versions/runVersions";
import { templateBudgets, type BudgetChoice } from "../../src/taskpane/versions/source";
import { STORE_SHEET } from "../../src/taskpane/versions/versionStore";
import { storeRead } from "../taskpane/versions/storeRead";

beforeAll(async () => registerProdFunctions(await loadProdFunctions()));
jest.setTimeout(60000);

const yes = () => Promise.resolve(true);

/** Compares Current with saved versions: no comparison sheet here lost its mark, so none is asked about. */
async function compareCurrent(port: MemoryWorkbook, choice: BudgetChoice, request: CompareRequest) {
  const comparison = await compareWith(port, await storeRead(port), choice, request, () => {
    throw new Error("asked to take a comparison sheet back");
  });
  if (comparison === null) throw new Error("nothing compared");
  expect(comparison.changed).toEqual([]);
  return comparison.comparison;
}
const cents = (v: unknown) => (typeof v === "number" ? v.toFixed(2) : v);

/** Every figure, difference and % change of the sheet against the engine's, row by row. */
async function expectSheetAgrees(wb: MemoryWorkbook, comparison: Comparison) {
  const values = (await wb.readUsedRange(COMPARISON_SHEET))!.values;
  const n = comparison.names.length;
  const others = comparison.names.map((_, i) => i).filter((i) => i !== comparison.base);
  comparison.rows.forEach((row, r) => {
    const cells = values[4 + r];
    expect([row.kind, cells.slice(2, 2 + n).map(cents)]).toEqual([
      row.kind,
      row.figures.map((f) => f.toFixed(2)),
    ]);
    others.forEach((i, k) => {
      expect(cents(cells[2 + n + 2 * k])).toBe(row.differences[i].toFixed(2));
      const change = row.changes[i];
      const shown = cells[3 + n + 2 * k];
      if (change === null) expect(shown).toBe("");
      else expect((shown as number).toFixed(10)).toBe(change.toFixed(10));
    });
  });
}

describe("a template budget's versions", () => {
  async function budget() {
    const { wb, layout } = await insertedWithRates(TEMPLATES.FEATURE);
    const rowOf = (account: string) => layout.detailLines.find((l) => l.account === account)!.row;
    wb.enter("Budget detail", rowOf("3350"), DETAIL_COLUMNS.rate, "5000");
    wb.enter("Budget detail", rowOf("2001"), DETAIL_COLUMNS.rate, "4000");
    const [choice] = await templateBudgets(wb);
    return { wb, rowOf, choice: choice as BudgetChoice, lines: layout.detailLines };
  }

  it("compares Current with a saved version by formulas that agree with the engine to the cent, and follow a corrected rate", async () => {
    const { wb, rowOf, choice } = await budget();
    const saved = await saveCurrent(
      wb,
      await storeRead(wb),
      choice,
      "Studio approved",
      "2026-12-04 16:40",
      yes,
    );
    expect(saved).toMatchObject({ replaced: false, total: "69160.00" });
    wb.enter("Budget detail", rowOf("3350"), DETAIL_COLUMNS.rate, "6000");
    const comparison = await compareCurrent(wb, choice, {
      versionIds: [1],
      base: 1,
      filter: "",
      topSheetOnly: false,
    });
    const total = comparison.rows[comparison.rows.length - 1];
    // UPM prep 8 weeks at 4,000 = 32,000 + 7,160.00 fringes, and the camera package 6 weeks at
    // 5,000 = 30,000: 69,160.00. At 6,000 a week the camera costs 6,000.00 more, no fringes.
    expect(total.figures.map((f) => f.toFixed(2))).toEqual(["75160.00", "69160.00"]);
    await expectSheetAgrees(wb, comparison);

    // A correction after comparing: the sheet follows without comparing again.
    wb.enter("Budget detail", rowOf("3350"), DETAIL_COLUMNS.rate, "5500");
    const values = (await wb.readUsedRange(COMPARISON_SHEET))!.values;
    const totalRow = values[4 + comparison.rows.length - 1];
    expect(totalRow.slice(1, 5)).toEqual(["Total", 72160, 69160, 3000]);
    expect(totalRow[5]).toBeCloseTo(3000 / 69160, 12);
  });

  it("gives the Total Save gives and the Top Sheet shows, to the cent, when lines carry fractions of a cent", async () => {
    const { wb, choice, lines } = await budget();
    // Three rentals at 6.67 a day for 1.5 days, 10.005 each, in three accounts of one category:
    // each account shows 10.01, and the lines add up to 30.015, which is 30.02.
    const firsts = lines.filter(
      (l, i) => !l.labor && l.account !== "3350" && lines.findIndex((o) => o.account === l.account) === i,
    );
    const category = firsts.find(
      (l) => firsts.filter((o) => o.account.slice(0, 2) === l.account.slice(0, 2)).length >= 3,
    )!;
    const rentals = firsts.filter((l) => l.account.slice(0, 2) === category.account.slice(0, 2)).slice(0, 3);
    for (const { row } of rentals) {
      wb.enter("Budget detail", row, DETAIL_COLUMNS.amount, "1.5");
      wb.enter("Budget detail", row, DETAIL_COLUMNS.rate, "6.67");
    }
    const saved = await saveCurrent(wb, await storeRead(wb), choice, "Studio approved", "2026-12-04", yes);
    const comparison = await compareCurrent(wb, choice, {
      versionIds: [1],
      base: 1,
      filter: "",
      topSheetOnly: false,
    });
    await expectSheetAgrees(wb, comparison);
    const accounts = comparison.rows.filter((r) => rentals.some((l) => l.account === r.code));
    expect(accounts.map((r) => r.figures[0].toFixed(2))).toEqual(["10.01", "10.01", "10.01"]);
    const total = comparison.rows[comparison.rows.length - 1];
    expect(total.figures.map((f) => f.toFixed(2))).toEqual([saved!.total, saved!.total]);
    // The Top Sheet adds the same lines and shows them to the cent.
    const top = (await wb.readUsedRange("Top Sheet"))!.values;
    const direct = top.find((r) => r[1] === "Total Above + Below-the-line")!;
    expect(roundCents(toDecimal(direct[2], "Top Sheet")).toFixed(2)).toBe(saved!.total);
    // Save names that row, and the Grand total that adds the charges to it.
    expect(saved!.onTopSheet).toBe(
      "the Top Sheet's Total Above + Below-the-line; its Grand total, $78,876.41, adds the charges",
    );
    // Without the three rentals the budget is whole cents: the rentals add 30.02, not 30.03.
    expect(new Decimal(saved!.total).minus("69160.00").toFixed(2)).toBe("30.02");
    const sheet = (await wb.readUsedRange(COMPARISON_SHEET))!.values;
    expect(String(sheet[2][0])).toContain(ROUNDING_NOTE);
  });

  it("agrees with the engine with a filter and with categories only", async () => {
    const { wb, rowOf, choice } = await budget();
    await saveCurrent(wb, await storeRead(wb), choice, "A", "2026-12-04", yes);
    wb.enter("Budget detail", rowOf("2001"), DETAIL_COLUMNS.rate, "4100");
    for (const request of [
      { filter: "2000-2999,!2002", topSheetOnly: false },
      { filter: "", topSheetOnly: true },
      { filter: "!3300", topSheetOnly: true },
    ]) {
      const comparison = await compareCurrent(wb, choice, { versionIds: [1], base: "current", ...request });
      await expectSheetAgrees(wb, comparison);
    }
  });

  it("locks a version's totals beside the Top Sheet, the variance following the live total", async () => {
    const { wb, rowOf, choice } = await budget();
    await saveCurrent(wb, await storeRead(wb), choice, "Original", "2026-12-04", yes);
    wb.enter("Budget detail", rowOf("3350"), DETAIL_COLUMNS.rate, "6000");
    expect(await lockOriginal(wb, await storeRead(wb), choice, 1, yes)).toEqual({
      missing: [],
      dropped: [],
      changed: false,
    });
    const top = (await wb.readUsedRange("Top Sheet"))!.values;
    expect(top[3].slice(7, 9)).toEqual(["Original: Original", "Variance"]);
    const grand = top.findIndex((r) => r[1] === "Grand total");
    expect(top[grand].slice(2, 3)).toEqual([(await wb.readNamedRange("Grand_Total"))!.values[0][0]]);
    const camera = top.findIndex((r) => r[0] === 3300);
    expect(top[camera].slice(7, 9)).toEqual([30000, 6000]);
    expect(top[grand][8]).toBeCloseTo((top[grand][2] as number) - (top[grand][7] as number), 6);

    // Someone unprotects the store and retypes a saved line's total: locking again says so.
    wb.unprotectSheet(STORE_SHEET);
    wb.enter(STORE_SHEET, 3, 6, "1");
    expect(await lockOriginal(wb, await storeRead(wb), choice, 1, yes)).toEqual({
      missing: [],
      dropped: [],
      changed: true,
    });
  });
});

describe("a budget range the user picked, accounts written every way", () => {
  it("adds up 2501, text 25-01, text 2501 and D114 as the engine does, each cell once", async () => {
    const wb = new MemoryWorkbook();
    const rows = (lines: [unknown, number][]) => [
      ["Account", "Description", "Amount"],
      ...lines.map(([a, amount]) => [typeof a === "string" ? { text: a } : a, { text: "line" }, amount]),
    ];
    const lines: [unknown, number][] = [
      [2501, 100.25],
      ["25-01", 10.1],
      ["2501", 1.01],
      ["2501-00", 0.5],
      [2501.5, 3],
      [25101, 7],
      ["D114", 40],
      ["d-114", 2],
      [2502, 20],
    ];
    await wb.apply({
      owner: "user",
      sheets: [
        { name: "My budget", mode: "create", blocks: [{ row: 0, column: 0, cells: rows(lines) as never }] },
      ],
    });
    const choice: BudgetChoice = {
      kind: "range",
      ref: { sheet: "My budget", address: "A1:C10" },
      layout: "FEATURE",
    };
    await saveCurrent(wb, await storeRead(wb), choice, "Bid", "2026-12-04", yes);
    wb.enter("My budget", 1, 2, "200.25");
    const comparison = await compareCurrent(wb, choice, {
      versionIds: [1],
      base: 1,
      filter: "",
      topSheetOnly: false,
    });
    const account = comparison.rows.find((r) => r.code === "2501")!;
    expect(account.figures.map((f) => f.toFixed(2))).toEqual(["214.86", "114.86"]);
    await expectSheetAgrees(wb, comparison);
    const topOnly = await compareCurrent(wb, choice, {
      versionIds: [1],
      base: 0,
      filter: "2000-2999,D",
      topSheetOnly: true,
    });
    await expectSheetAgrees(wb, topOnly);
  });
});

describe("a budget range with many accounts typed as text", () => {
  it("adds up 150 accounts typed as text in every total, each rounded once, as the engine does", async () => {
    // An export whose account cells are text ("2101", "21-02"), with fractions of a cent: the
    // Total adds every account's spellings in one formula, within Excel's 8,192 characters.
    const wb = new MemoryWorkbook();
    const lines = Array.from({ length: 150 }, (_, i) => {
      const key = 2101 + i;
      const spelling = i % 2 === 0 ? String(key) : `${String(key).slice(0, 2)}-${String(key).slice(2)}`;
      return [{ text: spelling }, { text: `line ${i + 1}` }, 10.005];
    });
    await wb.apply({
      owner: "user",
      sheets: [
        {
          name: "Export",
          mode: "create",
          blocks: [{ row: 0, column: 0, cells: [["Account", "Description", "Amount"], ...lines] as never }],
        },
      ],
    });
    const choice: BudgetChoice = {
      kind: "range",
      ref: { sheet: "Export", address: `A1:C${lines.length + 1}` },
      layout: "FEATURE",
    };
    const saved = await saveCurrent(wb, await storeRead(wb), choice, "Bid", "2026-12-04", yes);
    // 150 x 10.005 = 1,500.75, rounded once.
    expect(saved?.total).toBe("1500.75");
    for (const topSheetOnly of [false, true]) {
      const comparison = await compareCurrent(wb, choice, {
        versionIds: [1],
        base: 1,
        filter: "",
        topSheetOnly,
      });
      const total = comparison.rows[comparison.rows.length - 1];
      expect(total.figures.map((f) => f.toFixed(2))).toEqual(["1500.75", "1500.75"]);
      await expectSheetAgrees(wb, comparison);
    }
  });
});

describe("a budget range as people export it", () => {
  /** The rows typed on a sheet of the user's, from A1; `{ text }` cells are typed as text. */
  async function range(rows: unknown[][]) {
    const wb = new MemoryWorkbook();
    await wb.apply({
      owner: "user",
      sheets: [{ name: "Export", mode: "create", blocks: [{ row: 0, column: 0, cells: rows as never }] }],
    });
    const choice: BudgetChoice = {
      kind: "range",
      ref: { sheet: "Export", address: `A1:C${rows.length}` },
      layout: "FEATURE",
    };
    return { wb, choice };
  }
  const request: CompareRequest = { versionIds: [1], base: 1, filter: "", topSheetOnly: false };

  it("refuses to compare amounts typed as text, which Current's live formulas would leave out, naming each", async () => {
    // A pasted export: SUMIFS adds number cells only, so Current would show 10.00 against the
    // 1,944.50 saved from the same lines.
    const { wb, choice } = await range([
      ["Budget export, draft 3"],
      [],
      ["Account", "Description", "Amount"],
      [1100, "Writer", { text: "1,234.00" }],
      [1200, "Producer", { text: "(500.00)" }],
      [1300, "Director", { text: "$1,200.50" }],
      [1400, "Casting", 10],
    ]);
    const saved = await saveCurrent(wb, await storeRead(wb), choice, "Draft 3", "2026-12-04", yes);
    expect(saved?.total).toBe("1944.50");
    await expect(compareWith(wb, await storeRead(wb), choice, request, yes)).rejects.toThrow(
      'Export!A1:C7 has amounts typed as text, which the comparison\'s live formulas cannot add (Excel\'s SUMIFS leaves text out): row 4 "1,234.00", row 5 "(500.00)", row 6 "$1,200.50". Current would leave out 1934.50. Type them as numbers, then compare again.',
    );
    expect(wb.sheetNames()).not.toContain(COMPARISON_SHEET);
  });

  it.each([
    [
      "a category's total written on its code",
      [1100, "STORY & RIGHTS", 150],
      "row 2 (1100 STORY & RIGHTS, 150.00)",
      "rows 3 to 4",
    ],
    [
      "an account's total over its sub-accounts",
      [1101, "Writer", 150],
      "row 2 (1101 Writer, 150.00)",
      "rows 3 to 4",
    ],
  ])("refuses %s, which would count its lines twice", async (_what, parent, named, under) => {
    const lines =
      parent[0] === 1100
        ? [
            [1101, "Writer", 100],
            [1102, "Rights", 50],
          ]
        : [
            [{ text: "1101-01" }, "Draft", 100],
            [{ text: "1101-02" }, "Polish", 50],
          ];
    const { wb, choice } = await range([
      ["Acct", "Description", "Total"],
      parent,
      ...lines,
      [1200, "Producer", 7],
    ]);
    await expect(saveCurrent(wb, await storeRead(wb), choice, "Draft 3", "2026-12-04", yes)).rejects.toThrow(
      `Export!A1:C5 has a total among its lines: ${named} is the sum of ${under}, so counting it as a line would count them twice. Select the budget without its total rows, then try again.`,
    );
  });

  it("refuses a line with money and no account, naming it and its amount, instead of saving without it", async () => {
    // An export's fringe and contingency lines often carry no account: left out quietly, the
    // version was 171.00 short of the budget it was saved from.
    const { wb, choice } = await range([
      ["Acct", "Description", "Total"],
      [1101, "Writer", 100],
      ["", "Fringes", 21],
      [1200, "Producer", 50],
      ["", "Contingency 10%", 150],
      ["", "ABOVE THE LINE", ""],
    ]);
    await expect(saveCurrent(wb, await storeRead(wb), choice, "Draft 3", "2026-12-04", yes)).rejects.toThrow(
      "Export!A1:C6 has lines PROD cannot read (row 3: the amount 21 has no account; the line is left out; row 5: the amount 150 has no account; the line is left out). Fix them, then try again.",
    );
  });

  it("refuses a line with no account and an amount it cannot read, naming what it held, instead of saving without it", async () => {
    // An export with words where a figure goes, a TBD and a letter O for a zero: each may be money.
    // (A European figure in a US range is asked about first: readLayout sees both formats.)
    const { wb, choice } = await range([
      ["Budget export, draft 3"],
      [],
      ["Acct", "Description", "Total"],
      ["", "ABOVE THE LINE", ""],
      [1101, "Writer", 12500],
      ["", "Fringes", { text: "n/a" }],
      ["", "Contingency", { text: "TBD" }],
      ["", "Misc", { text: "$1,2O0" }],
      [],
      [1200, "Producer", 50],
    ]);
    await expect(saveCurrent(wb, await storeRead(wb), choice, "Draft 3", "2026-12-04", yes)).rejects.toThrow(
      'Export!A1:C10 has lines PROD cannot read (row 6: the amount "n/a" has no account and is not a number written 1,234.56; the line is left out; row 7: the amount "TBD" has no account and is not a number written 1,234.56; the line is left out; row 8: the amount "$1,2O0" has no account and is not a number written 1,234.56; the line is left out). Fix them, then try again.',
    );
    expect(wb.sheetNames()).not.toContain(STORE_SHEET);
  });

  it("keeps a category-code account that is not the sum of the lines under it, and two equal lines of one account", async () => {
    const { wb, choice } = await range([
      ["Acct", "Description", "Total"],
      [1100, "Story rights", 90],
      [1101, "Writer", 100],
      [2501, "Grip", 500],
      [2501, "Grip", 500],
    ]);
    const saved = await saveCurrent(wb, await storeRead(wb), choice, "Draft 3", "2026-12-04", yes);
    expect(saved?.total).toBe("1190.00");
  });
});
