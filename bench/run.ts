/**
 * `npm run bench`: every measurement of issue 10 in one run, printed as one table.
 * `npm run bench -- throughput recalc` runs only the named sections
 * (throughput, hostile, fringecells, incentives, recalc, costreport, paneblock, xlsx, sync, bundle).
 *
 * Not part of `npm test`: timings depend on the machine. Inputs are generated with fixed seeds.
 */
import os from "node:os";
import { bundleRows } from "./bundle.bench";
import { functionRows } from "./functions.bench";
import { fringeBudgetRows } from "./fringes.bench";
import { incentiveRows } from "./incentives.bench";
import { hostileRows } from "./hostile.bench";
import { loadFunctions } from "./inputs";
import { renderTable, type Row } from "./lib";
import { recalcRows } from "./recalc.bench";
import { syncRows } from "./sync.bench";
import { costReportRows } from "./weeklyCostReport.bench";
import { paneBlockRows } from "./paneBlock.bench";
import { xlsxLedgerRows } from "./xlsxLedger.bench";

const SECTIONS = [
  "throughput",
  "hostile",
  "fringecells",
  "incentives",
  "recalc",
  "costreport",
  "paneblock",
  "xlsx",
  "sync",
  "bundle",
] as const;
type Section = (typeof SECTIONS)[number];

async function main(): Promise<void> {
  const asked = process.argv.slice(2).map((a) => a.toLowerCase());
  const unknown = asked.filter((a) => !SECTIONS.includes(a as Section));
  if (unknown.length > 0)
    throw new Error(`Unknown section ${unknown.join(", ")}; sections: ${SECTIONS.join(", ")}`);
  const wanted = (s: Section) => asked.length === 0 || asked.includes(s);

  const load = () => os.loadavg()[0].toFixed(2);
  const loadBefore = load();
  const started = performance.now();
  const rows: Row[] = [];
  const step = (name: string) => process.stderr.write(`bench: ${name}...\n`);

  const functions =
    wanted("throughput") || wanted("hostile") || wanted("recalc") ? await loadFunctions() : [];
  if (wanted("throughput")) {
    step("throughput of each PROD function");
    rows.push(...functionRows(functions));
  }
  if (wanted("hostile")) {
    step("hostile input: the longest call, and the cases of issue 15");
    rows.push(...hostileRows(functions));
  }
  if (wanted("fringecells")) {
    step("5,000 FRINGE cells reading one table");
    rows.push(...fringeBudgetRows());
  }
  if (wanted("incentives")) {
    step("PROD.INCENTIVE over a 5,000-line budget");
    rows.push(...incentiveRows());
  }
  if (wanted("recalc")) {
    step("5,000-line budget in HyperFormula, PROD vs native");
    rows.push(...recalcRows(functions));
  }
  if (wanted("costreport")) {
    step("cost report engine on 10k, 100k, 250k ledger lines");
    rows.push(...costReportRows());
  }
  if (wanted("paneblock")) {
    step("the pane's longest block making a report from a 100k and a 250k-line CSV ledger");
    rows.push(...(await paneBlockRows()));
  }
  if (wanted("xlsx")) {
    step("a 250k-line .xlsx ledger streamed and mapped");
    rows.push(...(await xlsxLedgerRows()));
  }
  if (wanted("sync")) {
    step("context.sync() counts through the Office adapter");
    rows.push(...(await syncRows()));
  }
  if (wanted("bundle")) {
    step("production build and gzipped bundle sizes");
    rows.push(...bundleRows());
  }

  console.log(renderTable(rows));
  console.log(
    `\n${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown"}), Node ${process.version}; ` +
      `1-minute load average ${loadBefore} before, ${load()} after; ${((performance.now() - started) / 1000).toFixed(0)} s in all.`,
  );
  const misses = rows.filter((r) => r.verdict === "MISS").length;
  console.log(misses === 0 ? "Every target met." : `${misses} target(s) missed (MISS above).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
