/* The fringe functions. Their JSDoc is what Excel shows as each function's help. */
import {
  calculateFringes,
  combinedRate,
  effectiveRate,
  roundRunning,
  type FringeLine,
} from "../engine/fringes/calculate";
import { requireRates, type Fringe } from "../engine/fringes/fringe";
import { resolveFringes } from "../engine/fringes/resolve";
import { confirmedWords } from "../engine/fringes/table";
import { describeValue, errors } from "../engine/errors";
import { BLANK_IS_ZERO, Decimal, isBlank, toDecimal, toNonNegative } from "../engine/money";
import { cells, isRange } from "../engine/ranges";
import { elementwise, guard, omitted } from "./runtime";

/**
 * True when an optional argument was left out or is one empty cell. A range of several cells is
 * lines even when all are blank: each counts as 0, as desktop Excel (which passes an empty cell
 * as 0) reads it too, so a column of blank hours charges 0 hours on every host.
 */
function leftOut(value: unknown): boolean {
  return cells(value).length === 1 && omitted(value);
}

/** The cells of a one-row or one-column argument; a block of several rows and columns is refused. */
function lineCells(value: unknown, arg: string): unknown[] {
  if (isRange(value) && value.length > 1 && value.some((row) => row.length > 1))
    throw errors.invalid(arg, "must be a single column (one person's lines), not a block of several columns");
  const list = cells(value);
  if (list.length === 0) throw errors.emptyRange(arg);
  return list;
}

/** Reads numbers of one column: "wages", or "wages line 2" when there are several lines. */
function readColumn(list: readonly unknown[], arg: string): Decimal[] {
  return list.map((v, i) => toNonNegative(v, list.length > 1 ? `${arg} line ${i + 1}` : arg, BLANK_IS_ZERO));
}

/** Hours or days per line: undefined when the argument was left out; one cell applies to every line. */
function readPerLine(value: unknown, arg: string, lines: number): (Decimal | undefined)[] {
  // new Array().fill(), not Array.from({ length }): this runs twice for every FRINGE cell.
  if (leftOut(value)) return new Array<Decimal | undefined>(lines).fill(undefined);
  const list = readColumn(lineCells(value, arg), arg);
  if (list.length === 1) return new Array<Decimal | undefined>(lines).fill(list[0]);
  if (list.length !== lines) throw errors.sizeMismatch(arg, list.length, "wages", lines);
  return list;
}

/** One cell of `people`: a whole number, 1 or more. A blank cell is refused, as desktop Excel's 0 is. */
function readHeadcount(value: unknown, arg: string): number {
  const hint = "give how many people the line pays, a whole number (1 or more), or leave people out for 1";
  if (isBlank(value)) throw errors.invalid(arg, `is a blank cell: ${hint}`);
  const count = toDecimal(value, arg);
  if (count.lt(1)) throw errors.belowMinimum(arg, 1, value, hint);
  if (!count.isInteger())
    throw errors.invalid(arg, `must be a whole number of people, got ${describeValue(value)}`);
  return count.toNumber();
}

/**
 * How many people each line pays (spec/functions.md `people`): 1 when the argument is left out
 * (Excel passes null); otherwise one cell for every line or a column the size of wages. An empty
 * cell is refused rather than read as 1: desktop Excel passes it as 0, which is not a headcount,
 * and the web must answer the same.
 */
function readPeople(value: unknown, lines: number): number[] {
  if (value === null || value === undefined) return new Array<number>(lines).fill(1);
  const list = lineCells(value, "people");
  if (list.length === 1) return new Array<number>(lines).fill(readHeadcount(list[0], "people"));
  if (list.length !== lines) throw errors.sizeMismatch("people", list.length, "wages", lines);
  return list.map((v, i) => readHeadcount(v, `people line ${i + 1}`));
}

/** The lines and prior wages (each person's) read from the FRINGE / FRINGEDETAIL arguments. */
function readLines(
  wages: unknown,
  prior_wages: unknown,
  hours: unknown,
  days: unknown,
  people: unknown,
): { lines: FringeLine[]; prior: Decimal } {
  const wageList = readColumn(lineCells(wages, "wages"), "wages");
  const hourList = readPerLine(hours, "hours", wageList.length);
  const dayList = readPerLine(days, "days", wageList.length);
  const peopleList = readPeople(people, wageList.length);
  return {
    lines: wageList.map((w, i) => ({
      wages: w,
      hours: hourList[i],
      days: dayList[i],
      people: peopleList[i],
    })),
    prior: toNonNegative(prior_wages, "prior_wages", BLANK_IS_ZERO),
  };
}

/**
 * Employer fringe cost (payroll taxes, union P&H) on wages, to the cent. A column of one person's
 * lines reaches each cap once; people: how many the line pays, each with their own caps.
 * @remarks fringes: a library name ("SS"), names joined by commas ("SS,MEDICARE,FUTA-CA"), a
 * preset ("PAYROLL-US", "PAYROLL-CA", "PAYROLL-NY", "PAYROLL-GA", "PAYROLL-CANADA"), a name with a year ("SS-2025": the rate in
 * force on 1 January) or a date ("SAG-AFTRA@2026-08-15": the rate in force that day; without
 * either, the latest figure PROD holds), a range of names, or a Fringes table (columns Name | Type |
 * Rate | Cutoff and an optional Threshold, with or without its header row). Caps are per person: a $7,000 cutoff is reached
 * once across prep, shoot and wrap lines, not once per line; lines are rounded so they add up to
 * the person's total. people: a line "4 grips x 25 days" pays 4 people, so each has a quarter of
 * the wages, hours and days and their own caps; the result is the sum. On a column of lines with
 * different people, the people of a smaller line are among those of a larger one (prep by 2 of the
 * 4 shoot grips). Extension of the spec: a per-hour fringe with only days given counts 12 hours a
 * day. A table row with a blank Rate is a rate you fill in (workers' comp, the payroll fee): until
 * you type it, the answer is #VALUE! naming the row.
 * @customfunction FRINGE
 * @param wages The person's gross wages: one cell, or a column of their lines in order. Blank = 0.
 * @param fringes Names ("SS,MEDICARE,FUTA-CA"), a name with a year ("SS-2025": the rate on 1 January) or a date ("SAG-AFTRA@2026-08-15": the rate in force that day; guild rates change July 1 or August 1); no year = the latest, a preset ("PAYROLL-US", "PAYROLL-CA", "PAYROLL-NY", "PAYROLL-GA", "PAYROLL-CANADA"), a range of names, or your Fringes table (Name | Type | Rate | Cutoff, optional Threshold). Required: blank (or 0) is #VALUE!.
 * @param [prior_wages] Wages already paid to this person this year (or on this project) before these lines, so caps already used up are not charged again. Default 0.
 * @param [hours] Hours worked or guaranteed, for per-hour fringes (e.g. MPI): one cell, or a column the size of wages. Left out, with days given: 12 hours a day.
 * @param [days] Days worked, for per-day and per-week fringes (a week fringe charges rate x days / 5): one cell, or a column the size of wages.
 * @param [people] How many people the line pays ("4 grips x 25 days": 4): wages, hours and days are split evenly and caps apply to each person. A whole number, 1 or more; one cell, or a column the size of wages. Default 1.
 * @returns The fringe cost, to the cent: one cell, or a column with one fringe per line.
 */
export function fringe(
  wages: any[][],
  fringes: any[][],
  prior_wages?: any,
  hours?: any[][],
  days?: any[][],
  people?: any[][],
): number[][] {
  return guard(() =>
    fringeColumn(wages, fringes, prior_wages, hours, days, people).map((amount) => [amount.toNumber()]),
  );
}

/**
 * What {@link fringe} answers, as decimals: each line's fringe, to the cent. Throws the engine's
 * error (ProdError) for what the cell would show as an error. The What-if panel works out a
 * line's fringes at other prior wages with it, as the line's own cell would.
 */
export function fringeColumn(
  wages: unknown,
  fringes: unknown,
  prior_wages?: unknown,
  hours?: unknown,
  days?: unknown,
  people?: unknown,
): Decimal[] {
  const set = resolveFringes(fringes);
  requireRates(set);
  const { lines, prior } = readLines(wages, prior_wages, hours, days, people);
  return calculateFringes(set, lines, prior).lines;
}

/**
 * The combined rate of the percent fringes: PAYROLL-US = 6.2% + 1.45% + 0.6% = 8.25%. With
 * wages, the effective rate at that pay, caps included (fringe / wages). Hour, day, week and flat
 * fringes are left out. A column of wages spills.
 * @remarks With PAYROLL-CA-2025, $250,000 pays 5.97% and $60,000 pays 8.27%.
 * @customfunction FRINGERATE
 * @param fringes Names ("SS,MEDICARE,FUTA-CA"), a name with a year ("SS-2025": the rate on 1 January) or a date ("SAG-AFTRA@2026-08-15": the rate in force that day; guild rates change July 1 or August 1); no year = the latest, a preset ("PAYROLL-US", "PAYROLL-CA", "PAYROLL-NY", "PAYROLL-GA", "PAYROLL-CANADA"), a range of names, or your Fringes table (Name | Type | Rate | Cutoff, optional Threshold). Required: blank (or 0) is #VALUE!.
 * @param [wages] A person's gross wages: the rate is then the effective rate at that pay. One cell or a column.
 * @param [prior_wages] Wages already paid to the person before these wages (year or project to date). Default 0.
 * @returns A rate (a fraction: format the cell as a percent), not rounded.
 */
export function fringeRate(
  fringes: any[][],
  wages?: any[][],
  prior_wages?: any[][],
): Array<Array<number | CustomFunctions.Error>> {
  return guard(() => {
    const set = resolveFringes(fringes);
    requireRates(set);
    if (leftOut(wages)) return [[combinedRate(set).toNumber()]];
    return elementwise(
      [
        { name: "wages", value: wages },
        { name: "prior_wages", value: prior_wages },
      ],
      ([w, p]) =>
        effectiveRate(
          set,
          toNonNegative(w, "wages", BLANK_IS_ZERO),
          toNonNegative(p, "prior_wages", BLANK_IS_ZERO),
        ).toNumber(),
    );
  });
}

/** The Type column as the user wrote it: WEEK/6 for a six-day week. */
function typeLabel(fringe: Fringe): string {
  return fringe.type === "WEEK" && !fringe.daysPerWeek.eq(5)
    ? `WEEK/${fringe.daysPerWeek.toString()}`
    : fringe.type;
}

/** The Fringe cell: the name, and in words a figure not confirmed or a rate still to fill in. */
function fringeCell(f: Fringe): string {
  if (f.missingRate) return `${f.label} (no rate yet: ${f.missingRate.todo})`;
  return f.confirmed ? f.label : `${f.label} (${confirmedWords(false)})`;
}

/** The Cutoff cell: the cap, or the band "74,600 to 85,000" of a fringe with a threshold. */
function cutoffCell(f: Fringe): number | string {
  if (f.threshold === null) return f.cutoff === null ? "" : f.cutoff.toNumber();
  const from = baseFormat.format(f.threshold.toNumber());
  return f.cutoff === null ? `from ${from}` : `${from} to ${baseFormat.format(f.cutoff.toNumber())}`;
}

/** A base as FRINGEDETAIL shows it beside a headcount: "11,250", "8.3333" (Excel shows no more). */
const baseFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

/**
 * The Base cell: a number for one person; for several, each person's base and the headcount
 * ("7,000 x 4 people"), so that amount = rate x base x people reads off the row. When the lines
 * pay different numbers of people, the base of all of them together.
 */
function baseCell(base: Decimal, people: number | null): number | string {
  if (people === 1) return base.toNumber();
  if (people === null) return `${baseFormat.format(base.toNumber())} for all the people`;
  return `${baseFormat.format(base.div(people).toNumber())} x ${people} people`;
}

/**
 * Explains PROD.FRINGE (same arguments): spills Fringe | Type | Rate | Base | Cutoff | Amount, one
 * row per fringe, and a Total row. Base is what the rate applied to. Figures not confirmed are
 * marked so.
 * @remarks Base: the wages actually subject after prior wages and the cutoff for a % fringe,
 * hours for HOUR, days for DAY, weeks for WEEK, 1 for FLAT. With people, each person's base and
 * the headcount ("7,000 x 4 people"). Amounts are rounded so they add up to the total.
 * @customfunction FRINGEDETAIL
 * @param wages The person's gross wages: one cell, or a column of their lines in order. Blank = 0.
 * @param fringes Names ("SS,MEDICARE,FUTA-CA"), a name with a year ("SS-2025": the rate on 1 January) or a date ("SAG-AFTRA@2026-08-15": the rate in force that day; guild rates change July 1 or August 1); no year = the latest, a preset ("PAYROLL-US", "PAYROLL-CA", "PAYROLL-NY", "PAYROLL-GA", "PAYROLL-CANADA"), a range of names, or your Fringes table (Name | Type | Rate | Cutoff, optional Threshold). Required: blank (or 0) is #VALUE!.
 * @param [prior_wages] Wages already paid to this person this year (or on this project) before these lines. Default 0.
 * @param [hours] Hours worked or guaranteed, for per-hour fringes: one cell, or a column the size of wages. Left out, with days given: 12 hours a day.
 * @param [days] Days worked, for per-day and per-week fringes: one cell, or a column the size of wages.
 * @param [people] How many people the line pays ("4 grips x 25 days": 4): wages, hours and days are split evenly and caps apply to each person. A whole number, 1 or more; one cell, or a column the size of wages. Default 1.
 * @returns A table: a header row, one row per fringe, and a Total row.
 */
export function fringeDetail(
  wages: any[][],
  fringes: any[][],
  prior_wages?: any,
  hours?: any[][],
  days?: any[][],
  people?: any[][],
  // custom-functions-metadata maps only any[][] to a spill of mixed text and numbers.
): any[][] {
  return guard(() => {
    const set = resolveFringes(fringes);
    const { lines, prior } = readLines(wages, prior_wages, hours, days, people);
    const result = calculateFringes(set, lines, prior);
    const amounts = roundRunning(result.byFringe.map((b) => b.amount));
    // A rate still to fill in: its row says so and there is no total (issue 14: a total without
    // it would be a wrong number that looks right); the other rows still explain themselves.
    const missing = set.filter((f) => f.missingRate !== null).map((f) => f.label);
    return [
      ["Fringe", "Type", "Rate", "Base", "Cutoff", "Amount"],
      ...result.byFringe.map(({ fringe: f, base }, i) => [
        fringeCell(f),
        typeLabel(f),
        f.missingRate ? "" : f.rate.toNumber(),
        baseCell(base, result.people),
        cutoffCell(f),
        f.missingRate ? "no rate yet" : amounts[i].toNumber(),
      ]),
      missing.length === 0
        ? ["Total", "", "", "", "", result.total.toNumber()]
        : [
            `Total not known until ${missing.join(", ")} ${missing.length > 1 ? "have rates" : "has a rate"}`,
            "",
            "",
            "",
            "",
            "",
          ],
    ];
  });
}
