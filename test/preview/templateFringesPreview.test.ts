/*
 * The Feature template's fringe formulas in the preview, checked against independent arithmetic
 * (issue 18): per-hour and per-day fringes from a guild row typed under the Fringes table (the
 * Hours and Days columns come from VLOOKUP(..., FALSE) on the Units table), and fringe names
 * typed into "Fringes set" instead of the table.
 */
import { loadProdFunctions } from "./loadProdFunctions";
import { insertedWithRates } from "./fillInRates";
import { registerProdFunctions } from "../../src/preview/prodFunctionPlugin";
import { TEMPLATES } from "../../src/engine/templates";
import { DETAIL_COLUMNS } from "../../src/taskpane/templates/buildPlan";

beforeAll(async () => registerProdFunctions(await loadProdFunctions()));

// Inserting a template and recomputing it after each entry takes seconds on a loaded machine.
jest.setTimeout(30_000);

const C = DETAIL_COLUMNS;
const DETAIL = "Budget detail";

/** The Feature template inserted, with the UPM's prep (8 weeks at $4,000) and shoot (30 days at $800). */
async function featureWithUpm() {
  const { wb, layout } = await insertedWithRates(TEMPLATES.FEATURE);
  const [prep, shoot] = layout.detailLines.filter((l) => l.account === "2001").map((l) => l.row);
  wb.enter(DETAIL, prep, C.rate, "4000");
  wb.enter(DETAIL, shoot, C.rate, "800");
  const line = async (row: number) =>
    (await wb.readRange({ sheet: DETAIL, address: `A${row + 1}:N${row + 1}` })).values[0];
  const grandTotal = async () => (await wb.readNamedRange("Grand_Total"))!.values[0][0];
  return { wb, prep, shoot, line, grandTotal };
}

describe("the Feature template's fringes in the preview", () => {
  it("counts hours and days from the Units table, and charges a per-hour and a per-day fringe typed under Fringes", async () => {
    const { wb, prep, shoot, line } = await featureWithUpm();
    // Prep: 8 weeks x 60 hours = 480 hours, 8 x 5 days = 40 days. Shoot: 30 days x 12 = 360 hours.
    expect([(await line(prep))[C.hours], (await line(prep))[C.days]]).toEqual([480, 40]);
    expect([(await line(shoot))[C.hours], (await line(shoot))[C.days]]).toEqual([360, 30]);

    const fringes = (await wb.readTable("Fringes"))!;
    const under = Number(/\d+$/.exec(fringes.address)![0]);
    for (const [r, row] of [
      ["MPI-TEST", "HOUR", "1.50"],
      ["MEAL-TEST", "DAY", "2"],
    ].entries())
      row.forEach((input, c) => wb.enter("Fringes", under + r, c, input));
    expect((await wb.readTable("Fringes"))!.rows).toHaveLength(fringes.rows.length + 2);

    // Prep: payroll 2,840.00 (test/preview/templateBudget) + 1.50 x 480 + 2 x 40 = 3,640.00,
    // plus the UPM's DGA pension, 8.5% of 32,000 = 2,720.00, and workers' comp and the payroll
    // fee typed in, 5% = 1,600.00: 7,960.00.
    // Shoot: SS 6.2% + Medicare 1.45% of 24,000 = 1,836.00 (the $7,000 caps were reached in
    // prep) + 1.50 x 360 + 2 x 30 = 2,436.00, plus DGA 8.5% of 24,000 = 2,040.00 and 5% =
    // 1,200.00: 5,676.00.
    expect((await line(prep))[C.fringes]).toBe(7960);
    expect((await line(shoot))[C.fringes]).toBe(5676);
  });

  it("takes fringe names typed into Fringes set, as the sheet's note suggests", async () => {
    const { wb, prep, line, grandTotal } = await featureWithUpm();
    wb.enter(DETAIL, prep, C.fringeSet, "SAG-AFTRA-2026,PAYROLL-CA");
    // SAG-AFTRA 21% (in force on 1 January 2026) of 32,000 = 6,720.00, plus PAYROLL-CA's
    // 2,840.00 = 9,560.00. Plain "SAG-AFTRA" is the latest figure, 22% from July 1, 2026.
    expect((await line(prep))[C.fringes]).toBe(9560);
    expect(typeof (await grandTotal())).toBe("number");
  });
});
