/**
 * How long PROD.FRINGE takes across a budget: a budget has thousands of FRINGE cells reading the
 * same fringe table (shared/engineering.md: keep per-call work tiny, cache tables by content).
 * Excel hands every call a fresh copy of the table, so each call here gets one too.
 * A section of `npm run bench`: the median of several runs.
 */
import { fringe } from "../src/functions/fringes";
import { ms, spreadOf, timeRuns, type Row } from "./lib";

const CELLS = 5_000;
const table: unknown[][] = [["Name", "Type", "Rate", "Cutoff"]];
for (let i = 0; i < 20; i++) table.push([`F${i}`, "%", 0.001 * (i + 1), i % 2 ? 7000 : ""]);
table.push(["MPI", "HOUR", 14.63, ""]);

function run(fringes: () => unknown[][], hours: unknown[][] | undefined): void {
  for (let i = 0; i < CELLS; i++) fringe([[1000 + i], [2500], [400]], fringes(), 1000, hours);
}

const copyTable = () => table.map((row) => [...row]);

/** Rows of the table: 5,000 FRINGE cells of 3 lines each, with a 21-row table and with a preset. */
export function fringeBudgetRows(runs = 5): Row[] {
  const withTable = timeRuns(runs, () => run(copyTable, [[12], [60], [10]]));
  const withPreset = timeRuns(runs, () => run(() => [["PAYROLL-CA"]], undefined));
  const row = (measure: string, m: typeof withTable): Row => ({
    section: "FRINGE cells",
    measure,
    value: ms(m.median),
    spread: spreadOf(m, ms),
    target: "",
    verdict: "",
  });
  return [
    row(
      `${CELLS.toLocaleString("en-US")} cells of 3 lines, a 21-row fringe table (fresh copy each call)`,
      withTable,
    ),
    row(`${CELLS.toLocaleString("en-US")} cells of 3 lines, "PAYROLL-CA"`, withPreset),
  ];
}
