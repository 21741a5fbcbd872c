/**
 * The "hostile input" section (issue 15): the longest call of a seeded run of hostile calls over
 * every function (bench/hostile.ts), and the issue's own cases timed, so a parser that backtracks
 * again, a loop over a count or a rule, or an expensive error path shows as a number.
 */
import type { ProdFunction } from "../src/preview/prodFunctionPlugin";
import { fuzz } from "./hostile";
import { fmt, ms, spreadOf, timeRuns, type Row } from "./lib";

/** Hostile calls in the bench's run: enough to meet the long strings and long rules. */
const FUZZ_CALLS = 5000;

const column = (n: number, at: (i: number) => unknown) => Array.from({ length: n }, (_, i) => [at(i)]);
const LONG_RULE = Array.from({ length: 1000 }, (_, i) => `${i + 1}:${1 + i / 1000}`).join(",");
const LONG_SCHEDULE = Array.from({ length: 1000 }, (_, i) => String(i + 1)).join(",");

/** One timed case: a function, its arguments as Excel passes them, and the figure's target. */
interface Case {
  id: string;
  says: string;
  args: unknown[];
  targetMs: number;
}

const CASES: readonly Case[] = [
  {
    id: "PAIDHOURS",
    says: '"-"&REPT(" ",100000)&"x" as hours',
    args: [[[`-${" ".repeat(100_000)}x`]], null],
    targetMs: 50,
  },
  {
    id: "ACCTSUM",
    says: '"1"&REPT("  1",100000)&"x" as an account',
    args: [[[1]], [[`1${"  1".repeat(100_000)}x`]], [["2000-2999"]]],
    targetMs: 50,
  },
  {
    id: "RENTAL",
    says: '"1e1000000000" days (was a V8 crash)',
    args: [[[100]], [["1e1000000000"]], [[3]]],
    targetMs: 5,
  },
  {
    id: "OTPROJECT",
    says: "1E+42 shoot days (was 64 s, 7 GB)",
    args: [50, 12, 1e42, null, null],
    targetMs: 5,
  },
  {
    id: "PAIDHOURS",
    says: "10,000 cells, CA",
    args: [column(10_000, (i) => 8 + (i % 8)), "CA"],
    targetMs: 500,
  },
  {
    id: "PAIDHOURS",
    says: "10,000 cells, a 1,000-pair rule (was 10 s)",
    args: [column(10_000, (i) => 2000 + (i % 8)), LONG_RULE],
    targetMs: 500,
  },
  {
    id: "MEALPENALTY",
    says: "10,000 cells, a 1,000-amount schedule",
    args: [column(10_000, (i) => 60_000 + i), LONG_SCHEDULE],
    targetMs: 500,
  },
  {
    id: "EFC",
    says: "10,000 good rows",
    args: [column(10_000, (i) => i), column(10_000, (i) => i), [[1]]],
    targetMs: 500,
  },
  {
    id: "EFC",
    says: "10,000 error rows (text actuals)",
    args: [column(10_000, () => "TBD"), column(10_000, (i) => i), [[1]]],
    targetMs: 500,
  },
];

/** Rows of the table: the fuzz's longest call, then each case's median time. */
export function hostileRows(functions: readonly ProdFunction[]): Row[] {
  const rows: Row[] = [];
  const report = fuzz(functions, FUZZ_CALLS, 15, 1000);
  rows.push({
    section: "Hostile input",
    measure: `Longest of ${fmt(report.calls)} hostile calls (seed 15): PROD.${report.longest.id}`,
    value: ms(report.longest.ms),
    spread: `${report.problems.length} broke the contract`,
    target: "< 1 s, none broken",
    verdict: report.longest.ms < 1000 && report.problems.length === 0 ? "ok" : "MISS",
  });
  const byId = new Map(functions.map((fn) => [fn.metadata.id.toUpperCase(), fn]));
  for (const c of CASES) {
    const fn = byId.get(c.id);
    if (!fn) throw new Error(`PROD.${c.id} is not registered`);
    const measured = timeRuns(5, () => {
      try {
        fn.implementation(...c.args);
      } catch {
        // An error answer is what some cases expect (#VALUE!); only the time is measured here.
      }
    });
    rows.push({
      section: "Hostile input",
      measure: `PROD.${c.id}: ${c.says}`,
      value: ms(measured.median),
      spread: spreadOf(measured, ms),
      target: `< ${ms(c.targetMs)}`,
      verdict: measured.median < c.targetMs ? "ok" : "MISS",
    });
  }
  return rows;
}
