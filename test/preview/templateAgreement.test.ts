/*
 * The same budget detail rolled up three ways must give the same money (issue 18): the template's
 * Top Sheet, PROD.TOPSHEET over the detail, and PROD.ACCTSUM per category. Every template, with
 * lines a user types (an account written 25-10, a line with no account, one outside the chart)
 * and every template line priced, checked against the line totals added up here.
 */
import fc from "fast-check";
import { loadProdFunctions } from "./loadProdFunctions";
import { tryParseAccount } from "../../src/engine/accounts";
import { MemoryWorkbook } from "../../src/preview/memoryWorkbook";
import { columnLetter } from "../../src/excel/port";
import { fillInRates } from "./fillInRates";
import { registerProdFunctions } from "../../src/preview/prodFunctionPlugin";
import { LAYOUTS, type LayoutId } from "../../src/engine/chart";
import { TEMPLATES } from "../../src/engine/templates";
import {
  DETAIL_COLUMNS,
  acctNoFormula,
  buildTemplatePlan,
  namesForCopy,
} from "../../src/taskpane/templates/buildPlan";

beforeAll(async () => registerProdFunctions(await loadProdFunctions()));

// A whole budget computed in HyperFormula takes seconds on a loaded 2-core machine.
jest.setTimeout(60000);

const IDS = Object.keys(TEMPLATES) as LayoutId[];
const C = DETAIL_COLUMNS;
/** A free column of the detail sheet for the formulas under test: right of every detail column. */
const SCRATCH = C.actual + 2;
const scratch = (offset: number) => columnLetter(SCRATCH + offset);

/** Cents as integers, so the sums here are exact. */
const cents = (v: unknown) => Math.round(Number(v) * 100);

async function pricedBudget(id: LayoutId) {
  const template = TEMPLATES[id];
  const { sheets } = namesForCopy(template, 1);
  const layout = buildTemplatePlan(template, template.defaults, sheets);
  const wb = new MemoryWorkbook();
  await wb.apply(layout.plan);
  await fillInRates(wb);
  // Every template line priced, a different rate each, so no two categories tie: one batch of
  // single-cell writes (typing each would recompute the workbook ~150 times).
  await wb.apply({
    owner: "test",
    sheets: [
      {
        name: sheets.detail,
        mode: "existing",
        blocks: layout.detailLines.map((line, i) => ({
          row: line.row,
          column: C.rate,
          cells: [[100 + i * 7]],
        })),
      },
    ],
  });
  const spare = layout.detailLines[layout.detailLines.length - 1].row + 1;
  const letters = LAYOUTS[template.layout].coding === "letters";
  const typed: [string, string][] = [
    [letters ? "d-12" : "25-10", "1000"], // a code with a separator: account 2510 / D12
    ["", "500"], // a line with no account
    [letters ? "Z1" : "4550", "250"], // an account in no category of the chart
  ];
  typed.forEach(([acct, rate], i) => {
    if (acct !== "") wb.enter(sheets.detail, spare + i, C.acct, acct);
    wb.enter(sheets.detail, spare + i, C.amount, "1");
    wb.enter(sheets.detail, spare + i, C.rate, rate);
  });
  return { wb, layout, sheets, template, spare };
}

describe.each(IDS)("%s: Top Sheet, TOPSHEET and ACCTSUM agree on the same detail", (id) => {
  it("gives the same total and the same category for every account, to the cent", async () => {
    const { wb, layout, sheets, template } = await pricedBudget(id);
    const detail = (await wb.readUsedRange(sheets.detail))!.values;
    // Independent arithmetic: every line total of the detail, added here.
    const lineTotal = detail
      .slice(3)
      .filter((r) => typeof r[C.subtotal] === "number")
      .reduce((sum, r) => sum + cents(r[C.total]), 0);
    const direct = cents((await wb.readNamedRange("Budget_Direct"))!.values[0][0]);
    expect(direct).toBe(lineTotal);

    const spill = (formula: string) => {
      wb.enter(sheets.detail, 0, SCRATCH, formula);
      return wb
        .rangeValues(sheets.detail, `${scratch(0)}1:${scratch(2)}200`)
        .filter((r) => r[2] !== null && r[2] !== "");
    };
    const byTotal = spill(`=PROD.TOPSHEET(Detail_Acct,Detail_Total,"${template.layout}")`);
    expect(cents(byTotal.find((r) => r[1] === "Total")![2])).toBe(direct);

    // Category by category: fringes post to the level's Fringe Benefits category on a
    // long-form top sheet, so its other categories are the lines before fringes.
    const amounts = template.fringePosting === "level" ? "Detail_Subtotal" : "Detail_Total";
    const byCategory = spill(`=PROD.TOPSHEET(Detail_Acct,${amounts},"${template.layout}")`);
    const top = (await wb.readUsedRange(sheets.topSheet))!.values;
    const categories = layout.topSheetCategories.filter((c) => !c.fringe);
    // PROD.ACCTSUM of each category, written in one batch beside the spills.
    await wb.apply({
      owner: "test",
      sheets: [
        {
          name: sheets.detail,
          mode: "existing",
          blocks: [
            {
              row: 0,
              column: SCRATCH + 4,
              cells: categories.map((c) => [
                { formula: `=PROD.ACCTSUM(${amounts},Detail_Acct,"${c.code}")` },
              ]),
            },
          ],
        },
      ],
    });
    const acctsums = wb.rangeValues(sheets.detail, `${scratch(4)}1:${scratch(4)}${categories.length}`);
    categories.forEach((category, i) => {
      const onTopSheet = cents(top[category.row][2]);
      const fromTopsheet = byCategory.find((r) => String(r[0]) === category.code);
      expect({
        code: category.code,
        topsheet: cents(fromTopsheet?.[2]),
        acctsum: cents(acctsums[i][0]),
      }).toEqual({ code: category.code, topsheet: onTopSheet, acctsum: onTopSheet });
    });
    // The code typed with a separator lands in its category (2500 or D), on all three.
    const typedCategory = template.layout === "AICP" ? "D" : "2500";
    const inCategory = (account: string) =>
      template.layout === "AICP" ? account.startsWith("D") : /^25\d\d$/.test(account);
    const amountColumn = template.fringePosting === "level" ? C.subtotal : C.total;
    const templateLines = layout.detailLines
      .filter((l) => inCategory(l.account))
      .reduce((sum, l) => sum + cents(detail[l.row][amountColumn]), 0);
    const row = layout.topSheetCategories.find((c) => c.code === typedCategory)!.row;
    expect(cents(top[row][2])).toBe(templateLines + 100000);
  });

  it("keeps one bad above-the-line line out of the below-the-line totals", async () => {
    const { wb, layout, sheets, template } = await pricedBudget(id);
    const atl = layout.detailLines.find((l) => l.labor && /^(1[1-5]|[LM])/.test(l.account))!;
    // A fringe set that is not a table or a fringe name: the line's Fringes is an error.
    wb.enter(sheets.detail, atl.row, C.fringeSet, "NO-SUCH-FRINGE");
    const detail = (await wb.readUsedRange(sheets.detail))!.values;
    expect(String(detail[atl.row][C.total])).toMatch(/^#/);
    const top = (await wb.readUsedRange(sheets.topSheet))!.values;
    // Below the line (the AICP form: its production and other groups) keeps its figures.
    const others = LAYOUTS[template.layout].levelNames
      ? ["Total Production (A-K)", "Total Other & Usage (O-P)"]
      : ["Total Below-the-line"];
    for (const name of others) expect(typeof top.find((r) => r[1] === name)![2]).toBe("number");
    const other = top.find((r) => typeof r[1] === "string" && r[1].startsWith("Accounts not in the chart"))!;
    expect(typeof other[2]).toBe("number");
  });
});

describe('a line whose account is text that is no code is in the "not in the chart" row', () => {
  // Its Acct no. helper is a formula's "", which that row's SUMIFS selects with the criterion ""
  // (in Excel, "" selects blank cells and a formula's "" alike: COUNTBLANK, COUNTIF).
  const id = IDS.filter((i) => LAYOUTS[TEMPLATES[i].layout].coding !== "letters").at(-1)!;
  it(`${id}: counts a line typed "Misc" with the lines outside the chart`, async () => {
    const { wb, sheets, spare } = await pricedBudget(id);
    // The typed line with no account (500) is given the account Misc; 4550 (250) is outside too.
    wb.enter(sheets.detail, spare + 1, C.acct, "Misc");
    const top = (await wb.readUsedRange(sheets.topSheet))!.values;
    const other = top.find((r) => typeof r[1] === "string" && r[1].startsWith("Accounts not in the chart"))!;
    expect(other[2]).toBe(750);
  });
});

describe("the Acct no. helper reads a text account as accounts.ts does", () => {
  it("gives the engine's account number for codes with separators, digits and junk", async () => {
    const typed = fc.sample(
      fc.oneof(
        fc.stringMatching(/^[0-9]{1,6}$/),
        fc.stringMatching(/^[0-9]{1,4}( ?[-./_: ] ?[0-9]{1,3}){1,2}$/),
        fc.stringMatching(/^[ 0-9A-Za-z./_:-]{1,7}$/),
      ),
      { numRuns: 300, seed: 18 },
    );
    const codes = [...new Set(["25-10", "2510-00", "25 - 10", "25--10", "-25", "0000", "Misc", ...typed])];
    const wb = new MemoryWorkbook();
    await wb.apply({
      owner: "test",
      sheets: [
        {
          name: "Codes",
          mode: "create",
          blocks: [
            {
              row: 0,
              column: 0,
              cells: codes.map((code, i) => [code, { formula: acctNoFormula(`A${i + 1}`) }]),
              cellFormats: codes.map(() => ["@", null]),
            },
          ],
        },
      ],
    });
    const values = wb.rangeValues("Codes", `A1:B${codes.length}`);
    for (const [i, code] of codes.entries()) {
      const account = tryParseAccount(code);
      const expected = account?.kind === "number" ? account.value : "";
      // 0000 and 00-00 are no account to the engine; the helper gives 0, which the top sheet
      // also counts under "not in the chart, or no account".
      const got = values[i][1] === 0 && expected === "" ? "" : values[i][1];
      expect({ code, typed: values[i][0], number: got }).toEqual({ code, typed: code, number: expected });
    }
  });
});
