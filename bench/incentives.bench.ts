/**
 * How long PROD.INCENTIVE takes over a 5,000-line budget: the incentive cells of a budget (a
 * Top Sheet line, an "Incentive comparison" sheet of 2 to 4 programs) each read the whole budget
 * detail, and Excel hands every call a fresh copy of its amounts and tags.
 * A section of `npm run bench`: the median of several runs.
 */
import { TAG_COLUMNS } from "../src/engine/incentives/tags";
import { incentive, incentiveNet } from "../src/functions/incentives";
import { between, ms, seeded, spreadOf, timeRuns, type Row } from "./lib";

const LINES = 5_000;

const CLASSES = [
  "CREW",
  "CREW",
  "CREW",
  "NONLABOUR",
  "NONLABOUR",
  "PERFORMER",
  "BACKGROUND",
  "WRITER",
  "DIRECTOR",
  "PRODUCER",
];
const PHASES = ["PREP", "SHOOT", "SHOOT", "SHOOT", "POST", "DEVELOPMENT"];

/** A budget detail of 5,000 tagged lines, generated with a fixed seed (about $50M in all). */
function budget(): { amounts: number[][]; tags: unknown[][] } {
  const rand = seeded(22);
  const amounts: number[][] = [];
  const tags: unknown[][] = [[...TAG_COLUMNS]];
  for (let i = 0; i < LINES; i++) {
    const cls = CLASSES[between(rand, 0, CLASSES.length - 1)];
    const labour = cls !== "NONLABOUR";
    amounts.push([between(rand, 100, 2_000_000) / 100]);
    tags.push([
      rand() < 0.85 ? "IN" : "OUT",
      labour ? `Person ${between(rand, 1, 800)}` : null,
      labour ? (rand() < 0.7 ? "IN" : "OUT") : null,
      cls,
      labour ? (rand() < 0.8 ? "W2" : "LOANOUT") : "VENDOR",
      PHASES[between(rand, 0, PHASES.length - 1)],
      rand() < 0.1 ? "RURAL" : null,
      labour && rand() < 0.2 ? between(rand, 2, 20) : null,
    ]);
  }
  return { amounts, tags };
}

const detail = budget();
/** A fresh copy of the budget's ranges, as Excel passes them to each call. */
const copy = () => ({
  amounts: detail.amounts.map((r) => [...r]),
  tags: detail.tags.map((r) => [...r]),
});

/** The exchange rate of a program's currency per budget dollar (figures for the bench only). */
const rateFor = (program: string) =>
  program.startsWith("UK") ? 0.79 : program.startsWith("CAN") ? 1.37 : undefined;

/**
 * Rows of the table: one call after the budget changed, the cells of a comparison sheet after it,
 * and one call over an unchanged budget (a cell recalculated for another reason).
 */
export function incentiveRows(runs = 5): Row[] {
  let edit = 0;
  // A budget edit: one amount changes, so the next call cannot reuse what the last one read.
  const edited = () => {
    const r = copy();
    r.amounts[0][0] = 1000 + ++edit;
    detail.amounts[0][0] = r.amounts[0][0];
    return r;
  };
  const changed = timeRuns(runs, () => {
    const { amounts, tags } = edited();
    incentive("US-GA", amounts, tags);
  });
  // The cells of an "Incentive comparison" of four programs, gross and net, after an edit.
  const programs = ["US-GA", "US-NM", "UK-AVEC", "CAN-BC"];
  const comparison = timeRuns(runs, () => {
    edited();
    for (const p of programs) {
      let r = copy();
      incentive(p, r.amounts, r.tags, undefined, rateFor(p));
      r = copy();
      incentiveNet(p, r.amounts, r.tags, undefined, rateFor(p));
    }
  });
  const unchanged = timeRuns(runs, () => {
    const { amounts, tags } = copy();
    incentive("US-GA", amounts, tags);
  });
  const row = (measure: string, m: typeof changed): Row => ({
    section: "INCENTIVE",
    measure,
    value: ms(m.median),
    spread: spreadOf(m, ms),
    target: "",
    verdict: "",
  });
  const lines = `${LINES.toLocaleString("en-US")} lines`;
  return [
    row(`one US-GA call over ${lines} after an edit (fresh copy each call)`, changed),
    row(`8 cells (4 programs, gross and net) over ${lines} after an edit`, comparison),
    row(`one US-GA call over ${lines}, budget unchanged`, unchanged),
  ];
}
