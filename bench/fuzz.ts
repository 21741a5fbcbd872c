/**
 * `npm run fuzz`: 100,000 hostile calls spread over every PROD function (bench/hostile.ts), each
 * judged against the contract and time-boxed. `npm run fuzz -- 20000 7` makes 20,000 calls with
 * seed 7 (default: 100,000 calls, seed 15). Exits with 1 when any call broke the contract.
 *
 * Not part of `npm test` (the property suite there makes a few thousand of the same calls).
 */
import { loadFunctions } from "./inputs";
import { fuzz } from "./hostile";
import { fmt } from "./lib";

/** A call over this many milliseconds is a violation (spec: a few milliseconds per cell). */
const BUDGET_MS = 1000;
/** How many violations to print; the count says how many there were. */
const SHOWN = 20;

async function main(): Promise<void> {
  const [callsArg, seedArg] = process.argv.slice(2);
  const calls = callsArg === undefined ? 100_000 : Number(callsArg);
  const seed = seedArg === undefined ? 15 : Number(seedArg);
  if (!Number.isInteger(calls) || calls < 1 || !Number.isInteger(seed))
    throw new Error("Usage: npm run fuzz -- [calls] [seed], both whole numbers");
  const functions = await loadFunctions();
  const started = performance.now();
  const report = fuzz(functions, calls, seed, BUDGET_MS);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${fmt(report.calls)} hostile calls over ${report.byFunction.size} functions (seed ${seed}) in ${seconds.toFixed(0)} s.`,
  );
  console.log([...report.byFunction].map(([id, n]) => `${id} ${fmt(n)}`).join(", "));
  console.log(
    `Longest call: ${report.longest.ms.toFixed(1)} ms, PROD.${report.longest.id}(${report.longest.args}).`,
  );
  if (report.problems.length === 0) {
    console.log(
      "Every answer within the contract: no crash, no NaN or Infinity, no internal error, none over 1 s.",
    );
    return;
  }
  console.log(`${fmt(report.problems.length)} call(s) broke the contract:`);
  for (const problem of report.problems.slice(0, SHOWN)) console.log(`- ${problem}`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
