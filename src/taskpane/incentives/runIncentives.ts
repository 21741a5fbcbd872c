/*
 * What the Incentives panel's buttons do, over the workbook port: read the selected budget range
 * (headings row, an amount column and the tag columns), explain one program over it with the
 * engine, and write the "Incentive comparison" sheet for 2 to 4 programs. Each reads what it
 * needs once and writes one plan; the pane only asks the user's one question before a replace
 * (what the user typed on the earlier comparison, links to it, a sheet whose mark is gone).
 */
import {
  calculateIncentive,
  findProgram,
  readSettings,
  type IncentiveResult,
} from "../../engine/incentives/calculate";
import { readTaggedBudget, type TaggedBudget } from "../../engine/incentives/taggedRange";
import { ProdError } from "../../engine/errors";
import { Decimal, parseNumericText } from "../../engine/money";
import {
  a1Range,
  parseA1,
  sheetRef,
  PortError,
  type CellValue,
  type RunOptions,
  type WorkbookPort,
} from "../../excel/port";
import { earlierWork, replaceQuestion, sheetTarget, type SheetQuestion } from "../shell/ownedSheet";
import { carriedWords, refersToOwnCells, shownValue } from "../shell/userWork";
import { count } from "../shell/words";
import { budgetGone, checkSeen, rowShape, withRowBelow, type BudgetRange } from "./budgetRange";
import {
  COMPARISON_KEY,
  COMPARISON_SHEET,
  COMPARISON_SIGNATURE,
  INCENTIVES_OWNER,
  KEPT_HEADING,
  comparisonPlan,
  earlierInputs,
  earlierRows,
  typedElsewhere,
  type BudgetCells,
  type ComparedProgram,
  type EarlierInputs,
  type ProgramInputs,
  type ReadInput,
} from "./comparisonSheet";

/** The most programs one comparison shows (issue 22: two to four). */
export const MAX_PROGRAMS = 4;

/** The budget read from a range, with the cells formulas over it use. */
export interface ReadBudget extends TaggedBudget {
  cells: BudgetCells;
  /** The sheet row (1-based) of each line, in order. */
  rowOf: (line: number) => number;
  /** The range read, with what it showed, for the panel to read again (budgetRange.ts). */
  range: BudgetRange;
}

/**
 * Reads the budget range `ref`: its first row is the headings. One read, of the range and the row
 * under it; a range read before (`ref.seen`) is refused in words when its sheet is gone or it no
 * longer shows what it showed then (checkSeen).
 */
export async function readBudget(port: WorkbookPort, ref: BudgetRange): Promise<ReadBudget> {
  const label = `${ref.sheet}!${ref.address}`;
  const at = parseA1(ref.address);
  if (at.rowCount < 2)
    throw new ProdError(
      "invalid",
      `Only ${label} is selected. Select the whole budget with its headings row (an amount column and the tag columns), then try again.`,
    );
  const read = withRowBelow(ref);
  const values = await port.readRange(read.ref).then(
    (data) => data.values,
    (error: unknown) => {
      throw ref.seen && error instanceof PortError && error.kind === "notFound" ? budgetGone(ref) : error;
    },
  );
  const rows = read.below ? values.slice(0, -1) : values;
  const below = read.below ? rowShape(values[values.length - 1]) : null;
  if (ref.seen) checkSeen(label, ref.seen, rows[0], below);
  const budget = readTaggedBudget(rows, label, at.row + 1);
  const { columns } = budget;
  const first = at.row + 1;
  const count = at.rowCount - 1;
  const range = (column: number, width: number) =>
    `${sheetRef(ref.sheet)}!${a1Range(first, at.column + column, count, width, true)}`;
  return {
    ...budget,
    cells: {
      label,
      amounts: range(columns.amount, 1),
      tags: columns.tagsStart === null ? null : range(columns.tagsStart, columns.tagCount),
    },
    rowOf: (line) => first + line,
    range: { sheet: ref.sheet, address: ref.address, seen: { headings: rows[0], below } },
  };
}

/** A program as the panel asks for it. */
export type ProgramRequest = Omit<ProgramInputs, "formulas">;

/**
 * An exchange rate as typed in the pane or on the comparison: blank is none (null: the budget is
 * in the program's currency), a number above 0 (as text too: "0.79"); undefined for anything else.
 */
export function readRate(value: CellValue): number | null | undefined {
  if (typeof value === "string" && value.trim() === "") return null;
  if (typeof value === "boolean" || (typeof value === "number" && !Number.isFinite(value))) return undefined;
  const rate = typeof value === "number" ? new Decimal(value) : parseNumericText(value.trim());
  return rate === undefined || rate.lte(0) ? undefined : rate.toNumber();
}

/** The words for a rate that is not one, after what names it ("The CAD exchange rate"). */
export const RATE_WORDS = "must be a number above 0, such as 0.79";

/** A rate typed in the pane: blank for none, else a number above 0; refused in words naming it (`what`). */
export function rateOf(text: string, what: string): number | null {
  const rate = readRate(text);
  if (rate === undefined) throw new ProdError("invalid", `${what} ${RATE_WORDS}, got "${text.trim()}".`);
  return rate;
}

/** The pane's exchange rate fields for a comparison, as typed. */
export interface PaneRates {
  /** A field per currency the budget is not in ("CAD"): the rate of each program in it. */
  byCurrency: Readonly<Record<string, string>>;
  /**
   * A program's own field ("US-GA"), for a rate of the user's kept from the sheet that no
   * currency's field holds ({@link followSheet}): one in the budget's currency (which has no
   * field), or one of a currency whose programs have different rates there. Blank: no rate.
   */
  byProgram: Readonly<Record<string, string>>;
}

/**
 * A program's exchange rate from the pane's fields: its own field when it has one, else its
 * currency's field, none in the budget's currency. A rate that is not one is refused in words.
 */
export function paneRate(name: string, budgetCurrency: string, rates: PaneRates): number | null {
  const own = rates.byProgram[name];
  if (own !== undefined) return rateOf(own, `The ${name} exchange rate`);
  const currency = findProgram(name).currency;
  return currency === budgetCurrency
    ? null
    : rateOf(rates.byCurrency[currency] ?? "", `The ${currency} exchange rate`);
}

/** A Settings or Exchange rate cell the user changed on the earlier comparison, kept in the new one. */
export interface KeptInput {
  program: string;
  heading: "Settings" | "Exchange rate";
  /** The cell on the earlier sheet ("E8"). */
  address: string;
  /** What the sheet has, and what the pane had, in words ("1.4", "\"SALE=0.88\"", "blank"). */
  sheet: string;
  pane: string;
}

/** A setting or rate in words: text quoted, a number as shown, nothing as "blank". */
const inputWords = (value: string | number | null) =>
  value === null || value === "" ? "blank" : shownValue(value);

/**
 * The programs' inputs for the new comparison: the pane's (`requests`), except where the user
 * changed the Settings or Exchange rate of the same program on the earlier comparison (`earlier`,
 * by program: earlierInputs) to something else. The row's check tells a cell the user changed
 * from one as PROD wrote it, which holds the pane's value of the last comparison and gives way to
 * the pane's now; on a sheet without checks any that differs from the pane's counts as changed.
 * The sheet invites the user to change those cells there, so what the user put is kept, not
 * replaced by the pane's, and each such cell is listed (`kept`) for the one
 * question before the write and the note after it. A formula of the user's there is kept as
 * written, even when its value is the pane's; one that points at cells of the comparison itself
 * (whose rows move) is kept as its value, and listed. A value no program can take (a rate of
 * "abc", 0 or below; settings the program does not read) is refused in words naming the program
 * and the cell: nothing is written.
 *
 * @param sheet - the earlier comparison's name, for the words and the user's formulas
 */
export function keepSheetInputs(
  requests: readonly ProgramRequest[],
  earlier: ReadonlyMap<string, EarlierInputs>,
  sheet: string,
): { programs: ProgramInputs[]; kept: KeptInput[] } {
  const kept: KeptInput[] = [];
  const programs = requests.map((request): ProgramInputs => {
    const cells = earlier.get(request.name);
    if (!cells) return request;
    const program: ProgramInputs = { ...request };
    const formulas: NonNullable<ProgramInputs["formulas"]> = {};
    const refused = (heading: string, input: ReadInput, why: string) =>
      new ProdError(
        "invalid",
        `The ${heading} of ${request.name} on "${sheet}" (${input.address}) cannot be used: ${why}. Correct the cell or clear it, then compare again; nothing was written.`,
      );
    // Each input: its value as the pane would hold it, and whether the sheet's is kept over the pane's.
    const keep = <T extends string | number | null>(
      heading: KeptInput["heading"],
      input: ReadInput,
      value: T,
      pane: T,
      same: boolean,
      set: (value: T, formula: string | undefined) => void,
    ) => {
      // A constant as PROD wrote it (its row's check says so) holds the pane's value of the last
      // comparison: the pane's now is taken, unasked. A formula there is the user's, as below.
      if (input.changed === false && input.formula === null) return;
      const own = input.formula !== null && refersToOwnCells(input.formula, sheet);
      const formula = input.formula !== null && !own ? input.formula : undefined;
      if (same && !own) {
        if (formula !== undefined) set(value, formula);
        return;
      }
      set(value, formula);
      const shown = inputWords(value);
      kept.push({
        program: request.name,
        heading,
        address: input.address,
        sheet:
          input.formula === null
            ? shown
            : `${shown} (${own ? "the value of your formula" : "your formula"} ${input.formula}${own ? ", which points at cells of this sheet, whose rows move" : ""})`,
        pane: inputWords(pane),
      });
    };

    const settings = cells.settings;
    try {
      readSettings(findProgram(request.name), settings.value);
    } catch (error) {
      if (error instanceof ProdError) throw refused("Settings", settings, error.message);
      throw error;
    }
    const text = typeof settings.value === "string" ? settings.value.trim() : "";
    keep("Settings", settings, text, request.settings.trim(), text === request.settings.trim(), (v, f) => {
      program.settings = v;
      if (f !== undefined) formulas.settings = f;
    });

    const rateCell = cells.exchangeRate;
    const rate = readRate(rateCell.value);
    if (rate === undefined)
      throw refused(
        "Exchange rate",
        rateCell,
        `${shownValue(rateCell.value)} ${RATE_WORDS}, or blank when the budget is in the program's currency`,
      );
    keep("Exchange rate", rateCell, rate, request.exchangeRate, rate === request.exchangeRate, (v, f) => {
      program.exchangeRate = v;
      if (f !== undefined) formulas.exchangeRate = f;
    });
    return Object.keys(formulas).length === 0 ? program : { ...program, formulas };
  });
  return { programs, kept };
}

/**
 * The cells kept from the sheet, in words: for the question before the write (`done` false) and
 * the note after it.
 */
export function keptInputWords(kept: readonly KeptInput[], done: boolean): string {
  if (kept.length === 0) return "";
  const list = kept
    .map((k) => `${k.program}'s ${k.heading} (${k.address}) is ${k.sheet}, the pane had ${k.pane}`)
    .join("; ");
  const them = kept.length === 1 ? "it" : "them";
  return done
    ? `Kept ${count(kept.length, "value")} you changed on the sheet: ${list}; the figures use ${them}.`
    : `You changed on it: ${list}. The new comparison keeps ${kept.length === 1 ? "your value" : "your values"} and its figures use ${them}.`;
}

/** The pane's fields after a comparison, and what it says of them ({@link followSheet}). */
export interface PaneFollows {
  /** The settings field of each program whose settings were kept from the sheet. */
  settings: Record<string, string>;
  rates: PaneRates;
  /** After the note on what was written: the values kept and the fields now showing them ("" if none). */
  words: string;
}

/**
 * The pane's fields after a comparison kept values the user changed on the sheet (`written.kept`,
 * keepSheetInputs), so the next comparison writes them again and asks nothing: each kept
 * program's settings, and each kept rate where the pane asks for it ({@link paneRate}). A rate
 * every program of a foreign currency shares on the sheet goes in that currency's field (their
 * own fields dropped); any other rate the user kept (a program in the budget's own currency, or
 * one rate among several of a currency) gets the program a field of its own, dropped when it is
 * the rate the pane gives without one.
 */
export function followSheet(
  written: Pick<ComparisonWritten, "kept" | "programs">,
  budgetCurrency: string,
  rates: PaneRates,
): PaneFollows {
  const settings: Record<string, string> = {};
  const byCurrency = { ...rates.byCurrency };
  const byProgram = { ...rates.byProgram };
  const own: string[] = [];
  for (const k of written.kept) {
    const program = written.programs.find((p) => p.name === k.program);
    if (!program) continue;
    if (k.heading === "Settings") {
      settings[k.program] = program.settings;
      continue;
    }
    const currency = program.result.program.currency;
    const rate = program.exchangeRate;
    const inCurrency = written.programs.filter((p) => p.result.program.currency === currency);
    if (currency !== budgetCurrency && new Set(inCurrency.map((p) => p.exchangeRate)).size === 1) {
      byCurrency[currency] = String(rate ?? "");
      for (const p of inCurrency) delete byProgram[p.name];
    } else if (currency === budgetCurrency && rate === null) delete byProgram[k.program];
    else {
      if (byProgram[k.program] === undefined)
        own.push(
          `${k.program} has an exchange rate field of its own, as ${currency === budgetCurrency ? `${currency} is the budget's currency` : `the programs in ${currency} have different rates on the sheet`}`,
        );
      byProgram[k.program] = String(rate ?? "");
    }
  }
  const fields =
    own.length === 0
      ? "The pane's fields now show what you changed."
      : `The pane's fields now show what you changed: ${own.join("; ")}.`;
  const words = written.kept.length === 0 ? "" : ` ${keptInputWords(written.kept, true)} ${fields}`;
  return { settings, rates: { byCurrency, byProgram }, words };
}

/** The engine's answer for one program over the budget read. */
export function explain(budget: TaggedBudget, request: ProgramRequest): IncentiveResult {
  return calculateIncentive(
    request.name,
    budget.lines,
    request.settings.trim() === "" ? null : request.settings,
    request.exchangeRate === null ? null : new Decimal(request.exchangeRate),
  );
}

/** What comparing wrote, for the note under the button. */
export interface ComparisonWritten {
  sheetName: string;
  /** The budget compared, for the panel to compare again. */
  budget: ReadBudget;
  programs: ComparedProgram[];
  /** The Settings and Exchange rate cells the user changed on the earlier comparison, kept. */
  kept: KeptInput[];
  live: boolean;
  /** What the user had typed on the comparison replaced and where it went, in words ("" if nothing). */
  carried: string;
}

/**
 * Compares 2 to 4 programs over the budget range and writes the "Incentive comparison" sheet,
 * replacing PROD's own earlier one (by its mark, or one whose mark is gone but shows PROD's title
 * and headings); a sheet of the user's with the name is left alone and the comparison goes to
 * "Incentive comparison 2". The sheet replaced is read first (earlierWork) for what the user typed
 * on it (userWork.ts), which goes to the row of the same program in the new one, and for the cells
 * and names elsewhere that link to it. One question is asked before anything is written
 * (replaceQuestion) when the user typed on it, when other cells link to it, or when its mark is
 * gone; a no writes nothing and returns null.
 */
export async function compareIncentives(
  port: WorkbookPort,
  ref: BudgetRange,
  requests: readonly ProgramRequest[],
  confirm: (question: SheetQuestion, sheet: string) => Promise<boolean>,
  options: RunOptions = {},
): Promise<ComparisonWritten | null> {
  if (requests.length < 2 || requests.length > MAX_PROGRAMS)
    throw new ProdError(
      "invalid",
      `Pick two to ${MAX_PROGRAMS} programs to compare (${requests.length} picked).`,
    );
  const budget = await readBudget(port, ref);
  const target = await sheetTarget(
    port,
    INCENTIVES_OWNER,
    COMPARISON_KEY,
    COMPARISON_SHEET,
    COMPARISON_SIGNATURE,
  );
  const earlier = await earlierWork(port, target, earlierRows);
  const inputs = earlier.cells
    ? earlierInputs(earlier.cells, target.sheetName)
    : new Map<string, EarlierInputs>();
  const { programs: asked, kept } = keepSheetInputs(requests, inputs, target.sheetName);
  const programs = asked.map((p) => ({ ...p, result: explain(budget, p) }));
  // The Settings and Exchange rate cells of the programs compared again stay in place (kept).
  const typed = typedElsewhere(
    earlier.typed,
    programs.map((p) => p.name),
  );
  const { plan, carry } = comparisonPlan(target, budget.cells, programs, typed);
  const facts = { what: "an incentive comparison", typed, carry, keptHeading: KEPT_HEADING };
  const question = replaceQuestion({
    ...earlier,
    ...facts,
    // On a row whose check is gone, a Settings or Exchange rate cell that differs is kept (keepSheetInputs).
    inputs: "a program's Settings or Exchange rate that is not the pane's",
    changed: keptInputWords(kept, false),
  });
  if (question && !(await confirm(question, target.sheetName))) return null;
  await port.apply(plan, options);
  return {
    sheetName: target.sheetName,
    budget,
    programs,
    kept,
    live: budget.cells.tags !== null,
    carried: carriedWords(carry, KEPT_HEADING, true),
  };
}
