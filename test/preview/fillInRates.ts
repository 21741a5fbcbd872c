/*
 * What a line producer types after inserting a template: the rates only they can know, in the
 * Fringes table's fill-in rows (the library ships workers' comp and the payroll fee without a
 * rate, and PROD.FRINGE refuses a line until they are typed).
 */
import { MemoryWorkbook } from "../../src/preview/memoryWorkbook";
import { parseA1 } from "../../src/excel/port";
import type { BudgetTemplate, TemplateGlobals } from "../../src/engine/templates/types";
import { DETAIL_COLUMNS, buildTemplatePlan, namesForCopy } from "../../src/taskpane/templates/buildPlan";

/** Workers' comp 4% and the payroll company's fee 1%: 5% of every wage that carries the table. */
export const FILLED_RATES: Readonly<Record<string, string>> = { "WORKERS-COMP": "4%", "PAYROLL-FEE": "1%" };

/** Types `rate` into the Rate cell of the row named `name` of a fringe table, as a producer does. */
export async function enterRate(
  wb: MemoryWorkbook,
  name: string,
  rate: string,
  table = "Fringes",
): Promise<void> {
  const data = (await wb.readTable(table))!;
  const at = parseA1(data.address);
  const i = data.rows.findIndex((row) => row[data.headers.indexOf("Name")] === name);
  if (i < 0) throw new Error(`The ${table} table has no row ${name}.`);
  wb.enter(data.sheet, at.row + 1 + i, at.column + data.headers.indexOf("Rate"), rate);
}

/** Types {@link FILLED_RATES} into the Rate cells of the table's rows of those names. */
export async function fillInRates(wb: MemoryWorkbook, table = "Fringes"): Promise<void> {
  for (const [name, rate] of Object.entries(FILLED_RATES)) await enterRate(wb, name, rate, table);
}

/**
 * A template inserted into an empty workbook, with {@link FILLED_RATES} typed (unless `fill` is
 * false: a budget just inserted, its rates still blank).
 */
export async function insertedWithRates(
  template: BudgetTemplate,
  globals: TemplateGlobals = template.defaults,
  fill = true,
) {
  const { sheets, suffix } = namesForCopy(template, 1);
  const layout = buildTemplatePlan(template, globals, sheets, suffix);
  const wb = new MemoryWorkbook();
  await wb.apply(layout.plan);
  if (fill) await fillInRates(wb);
  return { wb, layout, sheets };
}

/**
 * The Feature budget of templateBudget.test.ts, inserted with {@link FILLED_RATES} and priced: the
 * UPM (2001) at 4,000 a prep week, 800 a shoot day and 4,000 a wrap week, and camera rental (3350)
 * at `cameraRate` a week. Returns the rows of those lines with the workbook.
 */
export async function pricedFeature(template: BudgetTemplate, cameraRate = "5000") {
  const { wb, layout } = await insertedWithRates(template);
  const rowsOf = (account: string) =>
    layout.detailLines.filter((l) => l.account === account).map((l) => l.row);
  const [prep, shoot, wrap] = rowsOf("2001");
  const [camera] = rowsOf("3350");
  const detail = layout.sheets.detail;
  const rate = DETAIL_COLUMNS.rate;
  wb.enter(detail, prep, rate, "4000");
  wb.enter(detail, shoot, rate, "800");
  wb.enter(detail, wrap, rate, "4000");
  wb.enter(detail, camera, rate, cameraRate);
  const value = async (name: string) => (await wb.readNamedRange(name))!.values[0][0];
  return { wb, layout, prep, shoot, wrap, camera, value };
}
