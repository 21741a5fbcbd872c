/**
 * Recalculation of a generated 5,000-line budget in HyperFormula (the preview's in-memory formula
 * engine) with the PROD plugin, against the same budget written with native formulas only
 * (MIN/MAX/ROUND arithmetic and SUMIFS). Each line: hourly rate (with a global rate increase),
 * hours, days, DAYPAY and OVERTIME for the days, FRINGE on the gross from a 6-fringe table, line total;
 * then a top sheet over all lines.
 *
 * The two workbooks must answer the same: the section checks every line total agrees to the cent.
 */
import { HyperFormula, type Sheets } from "hyperformula";
import { LAYOUTS, LEVELS } from "../src/engine/chart";
import { EXCEL_LIKE } from "../src/preview/memoryWorkbook";
import { registerProdFunctions, respill, type ProdFunction } from "../src/preview/prodFunctionPlugin";
import { FRINGE_TABLE } from "./inputs";
import { between, fmt, ms, seeded, spreadOf, summarize, type Measured, type Row } from "./lib";

const LINES = 5000;
const LAST = LINES + 1;
/** As the preview engine is configured: 14 digits, Excel's array behaviour. */
const CONFIG = EXCEL_LIKE;

/** The feature chart's 4-digit categories, which the generated accounts fall in. */
const CATEGORIES = LAYOUTS.FEATURE.categories.filter((c) => /^\d{4}$/.test(c.code));

/** The input columns of every line (account, base rate, hours, days), generated once. */
function inputLines(): (number | string)[][] {
  const rand = seeded(5000);
  return Array.from({ length: LINES }, () => {
    const category = CATEGORIES[between(rand, 0, CATEGORIES.length - 1)];
    const account = Number(category.code) + between(rand, 1, 60);
    return [account, between(rand, 2500, 12000) / 100, between(rand, 80, 150) / 10, between(rand, 1, 40)];
  });
}

/** The fringe on gross cell `g` with native formulas: rate x MIN(gross, cutoff) per table row. */
function nativeFringe(g: string): string {
  const terms = FRINGE_TABLE.slice(1).map((row, i) => {
    const r = i + 2;
    return row[3] === "" ? `Fringes!$C$${r}*${g}` : `Fringes!$C$${r}*MIN(${g},Fringes!$D$${r})`;
  });
  return `ROUND(${terms.join("+")},2)`;
}

/** Paid hours of hours cell `h` under the CA rule (8:1.5,12:2), with native formulas. */
const nativePaid = (h: string) => `(MIN(${h},8)+1.5*MAX(0,MIN(${h},12)-8)+2*MAX(0,${h}-12))`;
const nativePremium = (h: string) => `(0.5*MAX(0,MIN(${h},12)-8)+MAX(0,${h}-12))`;

/** The budget as sheets: `prod` with PROD formulas, otherwise with native formulas only. */
function budgetSheets(lines: readonly (number | string)[][], prod: boolean, topsheet: boolean): Sheets {
  const budget: (number | string)[][] = [
    ["Account", "Base rate", "Hourly", "Hours", "Days", "Day pay", "Overtime", "Fringe", "Total"],
  ];
  lines.forEach(([account, base, hours, days], i) => {
    const r = i + 2;
    const [C, D, E, F, H] = [`C${r}`, `D${r}`, `E${r}`, `F${r}`, `H${r}`];
    budget.push([
      account,
      base,
      `=B${r}*(1+Settings!$B$1)`,
      hours,
      days,
      prod ? `=PROD.DAYPAY(${C},${D},"CA")*${E}` : `=ROUND(${C}*${nativePaid(D)},2)*${E}`,
      prod ? `=PROD.OVERTIME(${C},${D},"CA")*${E}` : `=ROUND(${C}*${nativePremium(D)},2)*${E}`,
      prod ? `=PROD.FRINGE(${F},Fringes!$A$1:$D$7)` : `=${nativeFringe(F)}`,
      `=${F}+${H}`,
    ]);
  });
  const sheets: Sheets = {
    Settings: [["Rate increase", 0.03]],
    Fringes: FRINGE_TABLE,
    Budget: budget,
  };
  if (topsheet) sheets.Top = prod ? prodTop() : nativeTop();
  return sheets;
}

function prodTop(): (number | string)[][] {
  return [[`=PROD.TOPSHEET(Budget!$A$2:$A$${LAST},Budget!$I$2:$I$${LAST},"FEATURE")`]];
}

/** The top sheet with SUMIFS: a row per category, a subtotal per level, a total. */
function nativeTop(): (number | string)[][] {
  const rows: (number | string)[][] = [];
  const range = (col: string) => `Budget!$${col}$2:$${col}$${LAST}`;
  CATEGORIES.forEach((c, i) => {
    const r = i + 1;
    rows.push([
      Number(c.code),
      c.name,
      c.level,
      `=SUMIFS(${range("I")},${range("A")},">="&A${r},${range("A")},"<"&(A${r}+100))`,
    ]);
  });
  const n = CATEGORIES.length;
  for (const { level, name } of LEVELS) {
    rows.push(["", name, "", `=SUMIFS($D$1:$D$${n},$C$1:$C$${n},"${level}")`]);
  }
  rows.push(["", "Total", "", `=SUM($D$1:$D$${n})`]);
  return rows;
}

/** Line totals (column I) of a built engine, then the top sheet's Total when there is one. */
function lineTotals(hf: HyperFormula): number[] {
  const sheet = hf.getSheetId("Budget") as number;
  const totals = Array.from(
    { length: LINES },
    (_, i) => hf.getCellValue({ sheet, col: 8, row: i + 1 }) as number,
  );
  const top = hf.getSheetId("Top");
  if (top === undefined) return totals;
  // PROD.TOPSHEET spills Acct | Description | Total; the native top sheet is Acct | Name | Level | Total.
  const total = hf.getSheetValues(top).find((row) => row[1] === "Total");
  if (!total) throw new Error("The top sheet has no Total row: fix the bench.");
  return [...totals, total[total.length - 1] as number];
}

interface Side {
  build: Measured;
  recalc: Measured;
  /** CPU time of the process for a recalculation (not counting time other processes had the CPU). */
  recalcCpu: Measured;
  totals: number[];
}

interface Measurements extends Record<"prod" | "native", Side> {
  /** PROD / native of each back-to-back pair of recalculations (wall time). */
  pairRatios: Measured;
}

/** Wall and CPU milliseconds of one piece of work. */
function clocked(work: () => void): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/**
 * Builds both workbooks, then recalculates them in back-to-back pairs, alternating which goes
 * first, so that both see the same machine: on a loaded machine a pair's ratio is steadier than
 * either time. Recalculation = a new global rate increase, on which every line depends.
 */
function measureBoth(
  lines: readonly (number | string)[][],
  topsheet: boolean,
  runs: number,
  edits: number,
): Measurements {
  const sides = ["prod", "native"] as const;
  const builds: Record<string, number[]> = { prod: [], native: [] };
  const recalcs: Record<string, number[]> = { prod: [], native: [] };
  const cpus: Record<string, number[]> = { prod: [], native: [] };
  const ratios: number[] = [];
  const totals: Record<string, number[]> = {};
  for (let run = 0; run < runs; run++) {
    const engines = {} as Record<(typeof sides)[number], HyperFormula>;
    for (const side of run % 2 === 0 ? sides : [...sides].reverse()) {
      const sheets = budgetSheets(lines, side === "prod", topsheet);
      const start = performance.now();
      engines[side] = HyperFormula.buildFromSheets(sheets, CONFIG);
      respill(engines[side]);
      builds[side].push(performance.now() - start);
    }
    for (let edit = 0; edit < edits; edit++) {
      const pair: Record<string, number> = {};
      for (const side of (run + edit) % 2 === 0 ? sides : [...sides].reverse()) {
        const hf = engines[side];
        const settings = { sheet: hf.getSheetId("Settings") as number, col: 1, row: 0 };
        const { wall, cpu } = clocked(() => hf.setCellContents(settings, [[0.03 + (edit + 1) / 100]]));
        recalcs[side].push(wall);
        cpus[side].push(cpu);
        pair[side] = wall;
      }
      ratios.push(pair.prod / pair.native);
    }
    for (const side of sides) {
      const hf = engines[side];
      hf.setCellContents({ sheet: hf.getSheetId("Settings") as number, col: 1, row: 0 }, [[0.03]]);
      if (run === 0) totals[side] = lineTotals(hf);
      hf.destroy();
    }
  }
  const side = (s: string): Side => ({
    build: summarize(builds[s]),
    recalc: summarize(recalcs[s]),
    recalcCpu: summarize(cpus[s]),
    totals: totals[s],
  });
  return { prod: side("prod"), native: side("native"), pairRatios: summarize(ratios) };
}

/** Rows of the table for the budget recalculation: per-line functions alone, then with a top sheet. */
export function recalcRows(functions: readonly ProdFunction[], runs = 3, edits = 4): Row[] {
  registerProdFunctions(functions);
  const hasTopsheet = functions.some((fn) => fn.metadata.id.toUpperCase() === "TOPSHEET");
  return [false, true].flatMap((topsheet) =>
    topsheet && !hasTopsheet
      ? [
          {
            section: "Recalculation",
            measure: "with TOPSHEET",
            value: "not on main yet",
            spread: "",
            target: "",
            verdict: "",
          } as Row,
        ]
      : variantRows(topsheet, runs, edits),
  );
}

function variantRows(topsheet: boolean, runs: number, edits: number): Row[] {
  const lines = inputLines();
  const { prod, native, pairRatios } = measureBoth(lines, topsheet, runs, edits);

  // Native ROUND works on binary doubles: 73.3875 x 16.4 = 1203.555 may round to 1203.55 where
  // PROD's decimal gives 1203.56. Such lines may differ by a cent per day of day pay (and the
  // fringe on it); anything more is a bench fault.
  let differing = 0;
  let allowed = 0;
  lines.forEach((line, i) => {
    const total = prod.totals[i];
    const gap = Math.abs(total - native.totals[i]);
    const tolerance = (Number(line[3]) + 1) * 0.011;
    if (typeof total !== "number" || gap > tolerance)
      throw new Error(`Line ${i + 2}: PROD ${total} but native ${native.totals[i]}: fix the bench.`);
    if (gap > 0.005) differing++;
    allowed += tolerance;
  });
  if (topsheet) {
    const sumOf = (totals: number[]) => totals.slice(0, LINES).reduce((a, b) => a + b, 0);
    const [prodTop, nativeTop] = [prod.totals[LINES], native.totals[LINES]];
    if (Math.abs(prodTop - sumOf(prod.totals)) > 0.005 || Math.abs(prodTop - nativeTop) > allowed)
      throw new Error(`Top sheet totals: PROD ${prodTop}, native ${nativeTop}: fix the bench.`);
  }
  const what = `${fmt(LINES)} lines${topsheet ? " + TOPSHEET" : ", no top sheet"}`;
  const section = "Recalculation";
  const row = (measure: string, m: Measured, format: (n: number) => string, target = ""): Row => ({
    section,
    measure,
    value: format(m.median),
    spread: spreadOf(m, format),
    target,
    verdict: target === "" ? "" : m.median <= 2 ? "ok" : "MISS",
  });
  const times = (n: number) => `${n.toFixed(2)}x`;
  const cpuRatio = prod.recalcCpu.median / native.recalcCpu.median;
  return [
    row(`${what}, PROD: build + first calc`, prod.build, ms),
    row(`${what}, native: build + first calc`, native.build, ms),
    row(`${what}, PROD: recalc after a global rate change`, prod.recalc, ms),
    row(`${what}, native: recalc after a global rate change`, native.recalc, ms),
    row(`${what}, PROD: the same recalc, CPU time`, prod.recalcCpu, ms),
    row(`${what}, native: the same recalc, CPU time`, native.recalcCpu, ms),
    row(`${what}: ratio PROD / native, recalc (back-to-back pairs)`, pairRatios, times, "<= 2x"),
    {
      section,
      measure: `${what}: ratio PROD / native, recalc CPU time (medians)`,
      value: times(cpuRatio),
      spread: "",
      target: "",
      verdict: "",
    },
    {
      section,
      measure: `${what}: ratio PROD / native, build + first calc (medians)`,
      value: times(prod.build.median / native.build.median),
      spread: "",
      target: "",
      verdict: "",
    },
    {
      section,
      measure: `${what}: line totals PROD = native, to the cent`,
      value: `${fmt(LINES - differing)} of ${fmt(LINES)}`,
      spread: differing > 0 ? `${differing} off by <= 1 cent a day: native ROUND of binary x.xx5` : "",
      target: "",
      verdict: "",
    },
  ];
}
