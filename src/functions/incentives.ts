/* The production incentive functions. Their JSDoc is what Excel shows as each function's help. */
import { ContentCache } from "../engine/contentCache";
import { errors } from "../engine/errors";
import { calculateIncentive, type IncentiveResult } from "../engine/incentives/calculate";
import { programPeriodWords } from "../engine/incentives/programs";
import { budgetLines, type IncentiveLine } from "../engine/incentives/tags";
import { roundRunning } from "../engine/fringes/calculate";
import { Decimal, isBlank, toDecimal } from "../engine/money";
import { cells, isRange } from "../engine/ranges";
import { guard, omitted } from "./runtime";

/** The program argument: a name such as "US-GA", with a year or a date if wanted. */
function programName(value: unknown): string {
  const cell = isRange(value) ? cells(value)[0] : value;
  if (isBlank(cell) || cell === 0) throw errors.required("program");
  if (typeof cell !== "string")
    throw errors.invalid(
      "program",
      `must be a program name such as "US-GA" or "UK-AVEC", got ${String(cell)}`,
    );
  return cell;
}

/** The exchange rate argument: blank for none (the budget is in the program's currency). */
function exchangeRate(value: unknown): Decimal | null {
  return omitted(value) ? null : toDecimal(value, "exchange_rate");
}

/** A budget detail as read once: its lines, and what each program (with settings and rate) gave them. */
interface ReadBudget {
  lines: IncentiveLine[];
  results: ContentCache<IncentiveResult>;
}

/**
 * The budget details read. Every incentive cell of a workbook (the Top Sheet line, the comparison
 * sheet's gross and net per program) reads the same detail, and Excel hands each a fresh copy: read
 * by content, the 5,000 lines are parsed once and each program evaluated once until the detail,
 * the settings or the rate change. A few details stay kept (versions, scenarios).
 */
const budgets = new ContentCache<ReadBudget>(4);

function compute(
  program: unknown,
  amounts: unknown,
  tags: unknown,
  settings: unknown,
  exchange_rate: unknown,
): IncentiveResult {
  const name = programName(program);
  const fx = exchangeRate(exchange_rate);
  const budget = budgets.get([amounts, tags], () => ({
    lines: budgetLines(amounts, tags),
    results: new ContentCache<IncentiveResult>(32),
  }));
  return budget.results.get([name, settings, fx?.toString() ?? null], () =>
    calculateIncentive(name, budget.lines, settings, fx),
  );
}

/**
 * The gross production incentive a program gives the budget, live over its lines and tags, in the
 * budget's currency, to the cent. Lines without a tag are not counted (PROD.INCENTIVEDETAIL lists them).
 * @remarks Programs: US-CA (California 4.0), US-GA, US-NM, US-NY, US-LA, US-IL, US-NJ, US-TX, UK-AVEC, UK-IFTC, IE-481,
 * CAN-PSTC (federal), CAN-BC, CAN-ON, CAN-QC (each with the federal PSTC), AU-LO, HU-REBATE, CZ-REBATE; add a year
 * ("CAN-BC-2024") or a date ("CAN-BC@2024-06-01") for the rules then in force. Tags columns: Where | Payee | Residency
 * | Class | Pay form | Phase | Flags | People, with or without the header row. Where and Residency: IN (the location
 * being compared), OUT, or a place code (GA, UK, BC). Class: WRITER, DIRECTOR, PRODUCER, PERFORMER, BACKGROUND, CREW,
 * NONLABOUR, or California's QW, QE, NQ, VU, MU, XX. A minimum spend not met gives 0. Confirm with the film office
 * before the budget locks.
 * @customfunction INCENTIVE
 * @param program The program: "US-GA", "UK-AVEC", "CAN-BC"..., optionally with a year ("US-GA-2025") or a date ("CAN-BC@2024-06-01"). Required: blank (or 0) is #VALUE!.
 * @param amounts The budget's line amounts (fringes included): one column. Blank = 0.
 * @param tags The lines' tags, one row per amount: Where | Payee | Residency | Class | Pay form | Phase | Flags | People (header row optional; fewer columns leave the rest blank). A line with a blank Where or Class is not counted and is listed.
 * @param [settings] The program's settings as NAME=VALUE pairs ("GEP=NO, SALE=0.88") or a two-column range: sale price, uplifts claimed. Blank: the program's defaults.
 * @param [exchange_rate] Units of the program's currency per unit of the budget's (0.79 for pounds per dollar), from Globals. Blank: the budget is in the program's currency.
 * @returns The gross credit, to the cent, in the budget's currency.
 */
export function incentive(
  program: any,
  amounts: any[][],
  tags: any[][],
  settings?: any[][],
  exchange_rate?: any,
): number {
  return guard(() => compute(program, amounts, tags, settings, exchange_rate).gross.toNumber());
}

/**
 * The cash a production incentive brings in, after the sale price or tax on the credit and the fees: what
 * "Less: incentive (net)" takes off the budget. Same arguments as PROD.INCENTIVE.
 * @remarks Georgia credits are sold (SALE, default 0.90, not confirmed); UK credits are taxed (75% paid); Louisiana
 * is bought back at 88% less its 0.5% fee; California is taken at face value against tax unless REFUND=YES (90%).
 * @customfunction INCENTIVENET
 * @param program The program: "US-GA", "UK-AVEC", "CAN-BC"..., optionally with a year ("US-GA-2025") or a date ("CAN-BC@2024-06-01"). Required: blank (or 0) is #VALUE!.
 * @param amounts The budget's line amounts (fringes included): one column. Blank = 0.
 * @param tags The lines' tags, one row per amount: Where | Payee | Residency | Class | Pay form | Phase | Flags | People (header row optional). A line with a blank Where or Class is not counted and is listed.
 * @param [settings] The program's settings as NAME=VALUE pairs ("GEP=NO, SALE=0.88") or a two-column range. Blank: the program's defaults.
 * @param [exchange_rate] Units of the program's currency per unit of the budget's, from Globals. Blank: the budget is in the program's currency.
 * @returns The net cash, to the cent, in the budget's currency.
 */
export function incentiveNet(
  program: any,
  amounts: any[][],
  tags: any[][],
  settings?: any[][],
  exchange_rate?: any,
): number {
  return guard(() => compute(program, amounts, tags, settings, exchange_rate).net.toNumber());
}

/** A figure's label with its mark when the reference could not confirm it. */
function marked(label: string, confirmed: boolean): string {
  return confirmed ? label : `${label} (not confirmed)`;
}

/**
 * Explains a production incentive (arguments as PROD.INCENTIVE): spills Item | Base | Rate | Amount: each bucket's
 * qualified base and rate, caps reached, gross, cash and net, timing, lines not counted and why, figures not confirmed.
 * @remarks Amounts are in the budget's currency, rounded so the buckets add up to the gross. Confirm with the film
 * office before the budget locks.
 * @customfunction INCENTIVEDETAIL
 * @param program The program: "US-GA", "UK-AVEC", "CAN-BC"..., optionally with a year ("US-GA-2025") or a date ("CAN-BC@2024-06-01"). Required: blank (or 0) is #VALUE!.
 * @param amounts The budget's line amounts (fringes included): one column. Blank = 0.
 * @param tags The lines' tags, one row per amount: Where | Payee | Residency | Class | Pay form | Phase | Flags | People (header row optional). A line with a blank Where or Class is not counted and is listed.
 * @param [settings] The program's settings as NAME=VALUE pairs ("GEP=NO, SALE=0.88") or a two-column range. Blank: the program's defaults.
 * @param [exchange_rate] Units of the program's currency per unit of the budget's, from Globals. Blank: the budget is in the program's currency.
 * @returns A table: Item | Base | Rate | Amount.
 */
export function incentiveDetail(
  program: any,
  amounts: any[][],
  tags: any[][],
  settings?: any[][],
  exchange_rate?: any,
  // custom-functions-metadata maps only any[][] to a spill of mixed text and numbers.
): any[][] {
  return guard(() => {
    const r = compute(program, amounts, tags, settings, exchange_rate);
    const fx = exchangeRate(exchange_rate);
    const p = r.program;
    const amountsShown = roundRunning(r.buckets.map((b) => b.amount));
    const cash = r.gross.isZero()
      ? new Decimal(0)
      : r.net.plus(r.fees.reduce((s, f) => s.plus(f), new Decimal(0)));
    const rows: (string | number)[][] = [
      ["Item", "Base", "Rate", "Amount"],
      ["Program", `${p.title} (${p.name}), in force ${programPeriodWords(p)}: ${p.trigger}`, "", ""],
      [
        "Currency",
        fx === null
          ? `${p.currency}: no exchange rate given, so the budget is taken to be in ${p.currency}`
          : `${p.currency}: ${fx.toString()} per unit of the budget's currency`,
        "",
        "",
      ],
      ...r.buckets.map((b, i) => [
        marked(b.label, b.figure.confirmed),
        b.base.toNumber(),
        b.rate === null ? "" : b.rate.toNumber(),
        amountsShown[i].toNumber(),
      ]),
      ...r.caps.map((c) => ["Cap reached", c, "", ""]),
      ...(r.failed === null ? [] : [["Not eligible", r.failed, "", ""]]),
      ["Gross credit", "", "", r.gross.toNumber()],
      [
        marked("Cash", r.monetisation.figure.confirmed),
        r.monetisation.words,
        r.monetisation.factor.toNumber(),
        cash.toNumber(),
      ],
      ...r.monetisation.fees.map((f, i) => [
        marked(`Less: ${f.words}`, f.figure.confirmed),
        "",
        "",
        -r.fees[i].toNumber(),
      ]),
      ["Net cash", "", "", r.net.toNumber()],
      ["Expected timing", r.timing, "", ""],
      ...r.excluded.map((x) => [`Not counted: line ${x.row}`, x.reason, "", x.amount.toNumber()]),
      ...r.notes.map((n) => ["Assumed", n, "", ""]),
      ...r.unconfirmed.map((u) => ["Not confirmed", u, "", ""]),
      ["Before the budget locks", "confirm these rules with the film office", "", ""],
    ];
    return rows;
  });
}
