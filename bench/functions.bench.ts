/**
 * Engine throughput: calls per second of each PROD function with typical arguments, called the way
 * Excel calls it (a parameter typed `any[][]` gets a 2-D array even for one cell, an omitted
 * optional argument arrives as null).
 */
import type { ProdFunction } from "../src/preview/prodFunctionPlugin";
import { FRINGE_TABLE } from "./inputs";
import { between, compact, fmt, seeded, spreadOf, throughput, type Row } from "./lib";

/** A typical call: what it is, and its arguments as a person would write them. */
interface Case {
  id: string;
  says: string;
  args: unknown[];
}

const rand = seeded(10);
const column = (values: readonly unknown[]) => values.map((v) => [v]);

/** One person's 12 lines: prep, shoot and wrap weeks of a crew member, about $4,000 each. */
const personWages = column(Array.from({ length: 12 }, () => between(rand, 2500_00, 5500_00) / 100));
/** A 500-line budget or ledger extract: accounts across the feature chart, amounts in cents. */
const ledgerAccounts = column(
  Array.from({ length: 500 }, () => between(rand, 11, 79) * 100 + between(rand, 1, 40)),
);
const ledgerAmounts = column(Array.from({ length: 500 }, () => between(rand, 100_00, 250000_00) / 100));

const CASES: readonly Case[] = [
  { id: "FRINGE", says: "6-fringe table range, one line", args: [[[4250]], FRINGE_TABLE] },
  {
    id: "FRINGE",
    says: "6-fringe table range, one person's 12-line wages range",
    args: [personWages, FRINGE_TABLE],
  },
  { id: "FRINGE", says: '"PAYROLL-CA" preset, one line', args: [[[4250]], [["PAYROLL-CA"]]] },
  { id: "FRINGERATE", says: "6-fringe table, effective rate at $250,000", args: [FRINGE_TABLE, [[250000]]] },
  { id: "FRINGEDETAIL", says: "6-fringe table, 12-line wages range", args: [personWages, FRINGE_TABLE] },
  { id: "PAIDHOURS", says: "12 hours, CA", args: [[[12]], "CA"] },
  { id: "HOURLY", says: "$750/10, CA", args: [[[750]], [[10]], "CA"] },
  { id: "DAYPAY", says: "$68.18/h, 12 hours, CA", args: [[[68.18]], [[12]], "CA"] },
  { id: "DAYPAY", says: '$68.18/h, 12 hours, rule "10:1.5,14:2"', args: [[[68.18]], [[12]], "10:1.5,14:2"] },
  { id: "OVERTIME", says: "$68.18/h, 12 hours, CA", args: [[[68.18]], [[12]], "CA"] },
  { id: "WEEKPAY", says: "$50/h, 6 x 12 hours, CA", args: [[[50]], [[12, 12, 12, 12, 12, 12]], "CA", null] },
  {
    id: "OTPROJECT",
    says: "$50/h, 12 h/day, 30 shoot days, 5-day weeks",
    args: [[[50]], [[12]], [[30]], [[5]], "CA"],
  },
  { id: "MEALPENALTY", says: "90 minutes late, SAG", args: [[[90]], "SAG"] },
  {
    id: "ACCTSUM",
    says: '500 lines, filter "2000-4999"',
    args: [ledgerAmounts, ledgerAccounts, [["2000-4999"]]],
  },
  {
    id: "CONTINGENCY",
    says: '500 lines, 10% excluding "1100,5000-5999"',
    args: [ledgerAmounts, [[0.1]], ledgerAccounts, [["1100,5000-5999"]]],
  },
  { id: "TOPSHEET", says: "500 lines, FEATURE layout", args: [ledgerAccounts, ledgerAmounts, [["FEATURE"]]] },
  {
    id: "ALLOCATE",
    says: "$1,000,000 over 10 episodes",
    args: [[[1000000]], [[44, 46, 43, 45, 44, 47, 42, 44, 45, 50]]],
  },
  {
    id: "RENTAL",
    says: "$2,500/day, weeks of 5, 5, 2 days, 3-day week",
    args: [[[2500]], [[5, 5, 2]], [[3]]],
  },
  { id: "EFC", says: "one account", args: [[[62000]], [[18000]], [[25000]]] },
  { id: "ETC", says: "one account, 75% complete", args: [[[100000]], [[45000]], [[0.75]]] },
  { id: "VARIANCE", says: "one account, UNDER", args: [[[100000]], [[105000]], [["UNDER"]]] },
];

/** Shapes an argument for a parameter as Excel would: a 2-D array for `any[][]`, one value otherwise. */
function shaped(value: unknown, dimensionality: "scalar" | "matrix" | undefined): unknown {
  const isBlock = Array.isArray(value);
  if (dimensionality === "matrix") return isBlock ? value : [[value]];
  if (isBlock) {
    const rows = value as unknown[][];
    if (rows.length === 1 && rows[0].length === 1) return rows[0][0];
  }
  return value;
}

/** Rows of the table: one per case; a function not on main yet is listed as such. */
export function functionRows(functions: readonly ProdFunction[]): Row[] {
  const byId = new Map(functions.map((fn) => [fn.metadata.id.toUpperCase(), fn]));
  const rows: Row[] = [];
  for (const c of CASES) {
    const fn = byId.get(c.id);
    const measure = `PROD.${c.id}: ${c.says}`;
    if (!fn) {
      rows.push({
        section: "Throughput",
        measure,
        value: "not on main yet",
        spread: "",
        target: "",
        verdict: "",
      });
      continue;
    }
    const params = fn.metadata.parameters;
    // An argument left out is null whatever its shape, as Excel passes it (a [[null]] would be an
    // empty cell, which FRINGE's people refuses).
    const args = params.map((p, i) => (i < c.args.length ? shaped(c.args[i], p.dimensionality) : null));
    // A case that answers with an error would measure the error path: that is a bench fault.
    let answer: unknown;
    try {
      answer = fn.implementation(...args);
    } catch (error) {
      throw new Error(`${measure} answered an error: ${(error as Error).message}`);
    }
    if (answer instanceof Promise) throw new Error(`${measure} is asynchronous`);
    const measured = throughput(() => fn.implementation(...args));
    rows.push({
      section: "Throughput",
      measure,
      value: `${fmt(measured.median)} calls/s CPU`,
      spread: spreadOf(measured, compact),
      target: "",
      verdict: "",
    });
  }
  return rows;
}
