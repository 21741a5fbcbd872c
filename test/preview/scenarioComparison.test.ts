/*
 * The Scenario comparison in the preview's memory workbook (HyperFormula with the real PROD
 * functions), on the Feature template: the globals that differ are shown as the Globals sheet
 * shows them, a date as a date and a percent as a percent, not as the numbers behind them; an
 * error value the user typed in a global is put back as that error.
 */
import { loadProdFunctions } from "./loadProdFunctions";
import { insertedWithRates } from "./fillInRates";
import { registerProdFunctions } from "../../src/preview/prodFunctionPlugin";
import { TEMPLATES } from "../../src/engine/templates";
import {
  compareAndWrite,
  findBudgets,
  readGlobals,
  readGlobalsLayout,
  takeBackStore,
} from "../../src/taskpane/whatif/whatifWorkbook";
import type { Scenario, StoredCell } from "../../src/engine/whatif/scenarios";
import { parseA1 } from "../../src/excel/port";

beforeAll(async () => registerProdFunctions(await loadProdFunctions()));
jest.setTimeout(120000);

it("shows a date global as a date and a percent as a percent among the globals that differ", async () => {
  const { wb } = await insertedWithRates(TEMPLATES.FEATURE);
  const [budget] = await findBudgets(wb);
  const layout = await readGlobalsLayout(wb, budget);
  // The user typed #N/A (not known yet) as the exchange rate: it is put back as that error.
  const rate = parseA1(layout.rows.find((r) => r.name === "Exchange_Rate")!.ref.address);
  wb.enter(budget.globals, rate.row, rate.column, "#N/A");
  const current = await readGlobals(wb, layout);
  const scenario = (name: string, changes: Record<string, StoredCell>): Scenario => ({
    name,
    saved: "2026-12-04 16:40",
    globals: current.map((g) => ({ ...g, cell: changes[g.name] ?? g.cell })),
  });
  const picked = [
    scenario("January rates", {}),
    scenario("July rates", {
      Rates_Date: { kind: "number", value: 46204 },
      Contingency_Pct: { kind: "number", value: 0.125 },
    }),
  ];
  const store = await takeBackStore(wb, budget, () => Promise.reject(new Error("asked")));
  await compareAndWrite(wb, budget, picked, store!, () => Promise.reject(new Error("asked")));
  const sheet = (await wb.readUsedRange(budget.comparisonSheet))!.values;
  // Below the figures (where "Contingency" is a top-sheet line too).
  const globalsAt = sheet.findIndex((r) => r[0] === "Globals that differ");
  const at = (label: string) => globalsAt + sheet.slice(globalsAt).findIndex((r) => r[0] === label);
  const shown = (label: string) => [1, 2].map((c) => wb.view(budget.comparisonSheet, at(label), c).display);
  expect(shown("Rates date (first payroll)")).toEqual(["2026-01-01", "2026-07-01"]);
  expect(shown("Contingency")).toEqual(["10.00%", "12.50%"]);
  expect(wb.view(budget.globals, rate.row, rate.column)).toMatchObject({ kind: "error", display: "#N/A" });
});
