/**
 * The incentive a program gives a budget: the program in force (effective dating shared with the
 * fringe library), the settings checked against the program's, the pipeline run, and the gross
 * and the net cash rounded once to cents (domain/incentives.md section 2).
 */
import { findInForce, splitWhen } from "../dated";
import { describeValue, errors } from "../errors";
import { Decimal, ZERO, isBlankOrSpaces, roundCents, sum, toDecimal } from "../money";
import { isRange } from "../ranges";
import { Evaluation, type Bucket, type ExcludedLine, type Monetisation, type Settings } from "./evaluation";
import { PROGRAM_LIBRARY, PROGRAM_NAMES, programPeriodWords, type ProgramDefinition } from "./programs";
import { fold, type IncentiveLine } from "./tags";

/** What a program gives a budget, and why. */
export interface IncentiveResult {
  /** The rule set used. */
  program: ProgramDefinition;
  /** The program's currency units per unit of the budget's currency (1 when not given). */
  exchangeRate: Decimal;
  /** The rate buckets, uplifts and reductions, in order. */
  buckets: Bucket[];
  /** The lines not counted and why (untagged lines included). */
  excluded: ExcludedLine[];
  /** The per-person caps, class limits and program caps that were reached, in words. */
  caps: string[];
  /** Set when a minimum spend or a test is not met: why the credit is 0. */
  failed: string | null;
  /** The gross credit, rounded to cents. */
  gross: Decimal;
  /** How it becomes cash. */
  monetisation: Monetisation;
  /** The fees, rounded to cents, in the monetisation's order. */
  fees: Decimal[];
  /** The net cash, rounded to cents: gross x factor − fees (0 when the gross is 0). */
  net: Decimal;
  /** When the cash arrives, in words. */
  timing: string;
  /** Assumptions the program made, in words. */
  notes: string[];
  /** The unconfirmed figures the answer depends on, in words with their sources. */
  unconfirmed: string[];
}

/**
 * The rule set a program name asks for: "US-GA" (the latest held), "US-GA-2025" (in force on
 * 1 January), "CAN-BC@2024-06-01" (in force that day). Throws #N/A for an unknown program, listing
 * the known ones, and for a date no rule set covers.
 */
export function findProgram(token: string): ProgramDefinition {
  const { name, when } = splitWhen(token, "program", "US-GA@2025-09-01");
  const held = PROGRAM_LIBRARY.filter((p) => p.name === name);
  if (held.length === 0) throw errors.unknownName("program", token.trim(), PROGRAM_NAMES);
  return findInForce(
    held,
    when,
    (w) => ("date" in w ? `${name}@${w.date}` : `${name}-${w.year} (1 January ${w.year})`),
    (p) => `${p.name} ${programPeriodWords(p)}`,
  );
}

const YES_WORDS: Readonly<Record<string, boolean>> = {
  YES: true,
  Y: true,
  TRUE: true,
  NO: false,
  N: false,
  FALSE: false,
};

/** The settings a program reads, listed for a message: "GEP (Georgia logo uplift claimed), SALE (...)". */
function settingsList(program: ProgramDefinition): string {
  const names = Object.entries(program.settings).map(([k, d]) => `${k} (${d.words})`);
  return names.length === 0 ? `${program.name} has no settings` : `its settings: ${names.join(", ")}`;
}

/** One setting's value, checked against its definition. */
function settingValue(program: ProgramDefinition, key: string, value: unknown): boolean | number {
  const def = program.settings[key];
  if (def === undefined)
    throw errors.invalid(
      "settings",
      `names ${key}, which ${program.name} does not read: ${settingsList(program)}`,
    );
  const arg = `settings ${key}`;
  if (def.kind === "yes") {
    if (typeof value === "boolean") return value;
    const yes = typeof value === "string" ? YES_WORDS[fold(value)] : undefined;
    if (yes === undefined) throw errors.invalid(arg, `must be YES or NO, got ${describeValue(value)}`);
    return yes;
  }
  const n = toDecimal(value, arg);
  if (def.kind === "fraction" && (n.lt(0) || n.gt(1)))
    throw errors.invalid(
      arg,
      `must be a price per 1.00 of credit between 0 and 1, got ${describeValue(value)}`,
    );
  if (def.kind === "count" && (!n.isInteger() || n.lt(0) || n.gt(6)))
    throw errors.invalid(arg, `must be a whole number from 0 to 6, got ${describeValue(value)}`);
  return n.toNumber();
}

/**
 * The settings argument: text of NAME=VALUE pairs joined by commas or semicolons
 * ("GEP=NO, SALE=0.88"), or a two-column range of names and values. Blank: no settings. Every name
 * must be one the program reads; a name not given takes the program's default.
 */
export function readSettings(program: ProgramDefinition, raw: unknown): Settings {
  const pairs: [string, unknown][] = [];
  if (isRange(raw) && raw.length > 0 && raw[0].length >= 2) {
    for (const row of raw) if (!isBlankOrSpaces(row[0])) pairs.push([String(row[0]), row[1]]);
  } else {
    const cell = isRange(raw) ? raw.flat().find((v) => !isBlankOrSpaces(v)) : raw;
    if (!isBlankOrSpaces(cell) && cell !== 0) {
      if (typeof cell !== "string")
        throw errors.invalid(
          "settings",
          `must be NAME=VALUE pairs such as "GEP=NO, SALE=0.88", got ${describeValue(cell)}`,
        );
      for (const part of cell.split(/[,;]/)) {
        if (part.trim() === "") continue;
        const eq = part.indexOf("=");
        if (eq < 0)
          throw errors.invalid(
            "settings",
            `"${part.trim()}" must be NAME=VALUE, such as GEP=NO (${settingsList(program)})`,
          );
        pairs.push([part.slice(0, eq), part.slice(eq + 1).trim()]);
      }
    }
  }
  const out = new Map<string, boolean | number>();
  for (const [k, d] of Object.entries(program.settings)) out.set(k, d.byDefault);
  const given = new Set<string>();
  for (const [name, value] of pairs) {
    const key = fold(name);
    out.set(key, settingValue(program, key, value));
    given.add(key);
  }
  // A sale price is "given" only when typed: the program's sourced default is marked otherwise.
  if (!given.has("SALE")) out.delete("SALE");
  return out;
}

/**
 * The incentive `programName` gives the budget `lines`.
 *
 * @param programName - a program name, with a year or a date if wanted ({@link findProgram})
 * @param lines - the budget's lines with their tags
 * @param settings - the settings argument as Excel passed it ({@link readSettings})
 * @param exchangeRate - units of the program's currency per unit of the budget's, or null for 1
 */
export function calculateIncentive(
  programName: string,
  lines: readonly IncentiveLine[],
  settings: unknown,
  exchangeRate: Decimal | null,
): IncentiveResult {
  const program = findProgram(programName);
  const fx = exchangeRate ?? new Decimal(1);
  if (fx.lte(0)) throw errors.notPositive("exchange_rate", fx.toNumber());
  const e = new Evaluation(lines, program.codes, readSettings(program, settings), fx);
  program.evaluate(e);
  if (exchangeRate === null && program.currency !== "USD")
    e.notes.push(`no exchange rate given: budget amounts taken as ${program.currency}`);
  const monetisation = e.monetisation;
  // Every program sets its monetisation; reaching here without one is a bug in the library.
  if (monetisation === null) throw new Error(`${program.name} set no monetisation`);
  const gross = roundCents(e.gross());
  const fees = monetisation.fees.map((f) => roundCents(f.amount));
  const net = gross.isZero()
    ? ZERO
    : roundCents(
        e
          .gross()
          .times(monetisation.factor)
          .minus(sum(monetisation.fees.map((f) => f.amount))),
      );
  return {
    program,
    exchangeRate: fx,
    buckets: e.buckets,
    excluded: e.excluded,
    caps: e.caps,
    failed: e.failed,
    gross,
    monetisation,
    fees,
    net,
    timing: program.timing,
    notes: e.notes,
    unconfirmed: e.unconfirmed,
  };
}
