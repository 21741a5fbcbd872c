/**
 * How long the cost-report engine takes on a 250,000-line ledger (issue 8: "well under a
 * second in Node"). Run with `npm run bench`. Prints the median of several runs.
 */
import { Decimal } from "../src/engine/money";
import {
  buildCostReport,
  dateSerial,
  mapLedgerRows,
  type BudgetLine,
  type LedgerLine,
} from "../src/engine/weeklyCostReport";

const LINES = 250_000;
const end = dateSerial(2026, 11, 20) as number;
const accounts: string[] = [];
for (let cat = 11; cat <= 79; cat++)
  for (let a = 1; a <= 8; a++) accounts.push(`${cat}${String(a).padStart(2, "0")}`);
const budget: BudgetLine[] = accounts.map((a) => ({
  account: a,
  description: `Account ${a}`,
  amount: new Decimal(100000),
}));

// A deterministic pseudo-random ledger: mixed account spellings, cents, credits, some uncoded.
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const raw: unknown[][] = [["Account", "Date", "Vendor", "Description", "Amount", "PO #"]];
for (let i = 0; i < LINES; i++) {
  const a = accounts[Math.floor(rand() * accounts.length)];
  const spelled = i % 3 === 0 ? `${a.slice(0, 2)}-${a.slice(2)}` : i % 3 === 1 ? `${a}-00` : a;
  const cents = Math.floor(rand() * 500000) - 20000;
  const date = new Date(Date.UTC(2026, 8, 1) + Math.floor(rand() * 90) * 86400000).toISOString().slice(0, 10);
  raw.push([
    i % 997 === 0 ? "" : spelled,
    date,
    `Vendor ${i % 500}`,
    `Line ${i}`,
    (cents / 100).toFixed(2),
    "",
  ]);
}

function median(runs: number[]): number {
  const s = [...runs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
}

const mapTimes: number[] = [];
const buildTimes: number[] = [];
let ledger: LedgerLine[] = [];
for (let run = 0; run < 7; run++) {
  let t = performance.now();
  const mapped = mapLedgerRows(raw, {
    columns: { account: 0, date: 1, vendor: 2, description: 3, amount: 4, po: 5 },
    headerRows: 1,
    dateOrder: "MDY",
  });
  mapTimes.push(performance.now() - t);
  ledger = mapped.lines;
  t = performance.now();
  buildCostReport({
    budget,
    ledger,
    openPos: [],
    settings: {
      layout: "FEATURE",
      cutoff: { kind: "date", start: end - 6, end },
      convention: "UNDER",
      efcChangeThreshold: new Decimal(1000),
    },
  });
  buildTimes.push(performance.now() - t);
}
console.log(`${ledger.length} ledger lines, ${accounts.length} accounts`);
console.log(`map rows -> lines (CSV text): median ${median(mapTimes).toFixed(0)} ms`);
console.log(`build report:                 median ${median(buildTimes).toFixed(0)} ms`);
