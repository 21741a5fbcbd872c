/**
 * How long PROD.FRINGE takes across a budget: a budget has thousands of FRINGE cells reading the
 * same fringe table (shared/engineering.md: keep per-call work tiny, cache tables by content).
 * Excel hands every call a fresh copy of the table, so each call here gets one too.
 * Run with `npm run bench`. Prints the median of several runs.
 */
import { fringe } from "../src/functions/fringes";

// The functions call CustomFunctions.Error only on bad input; none here, but the global must exist.
Object.assign(globalThis, { CustomFunctions: { Error: Error, ErrorCode: {} } });

const CELLS = 5_000;
const table: unknown[][] = [["Name", "Type", "Rate", "Cutoff"]];
for (let i = 0; i < 20; i++) table.push([`F${i}`, "%", 0.001 * (i + 1), i % 2 ? 7000 : ""]);
table.push(["MPI", "HOUR", 14.63, ""]);

function run(fringes: () => unknown[][], hours: unknown[][] | undefined): number {
  const start = performance.now();
  for (let i = 0; i < CELLS; i++) fringe([[1000 + i], [2500], [400]], fringes(), 1000, hours);
  return performance.now() - start;
}

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const copyTable = () => table.map((row) => [...row]);
const withTable = median(Array.from({ length: 5 }, () => run(copyTable, [[12], [60], [10]])));
const withPreset = median(Array.from({ length: 5 }, () => run(() => [["PAYROLL-CA"]], undefined)));
console.log(`PROD.FRINGE, ${CELLS} cells of 3 lines, a 21-row fringe table: ${withTable.toFixed(0)} ms`);
console.log(`PROD.FRINGE, ${CELLS} cells of 3 lines, PAYROLL-CA: ${withPreset.toFixed(0)} ms`);
