/**
 * A fringe ready to compute with: the decimal form of a library definition or of a row of a
 * workbook fringe table.
 */
import { errors } from "../errors";
import { Decimal, ZERO } from "../money";
import { DEFAULT_DAYS_PER_WEEK } from "../week";
import { entryName, type FringeDefinition, type FringeType } from "./library";

/** A fringe with decimal rate and cutoff, as the calculation uses it. */
export interface Fringe {
  /**
   * The name shown to the user: for a library fringe the name of its entry ("SS-2026",
   * "SAG-AFTRA@2026-07-01"), the table's name otherwise.
   */
  label: string;
  /** How it is charged. */
  type: FringeType;
  /** A fraction for "%", dollars per unit for the flat types. */
  rate: Decimal;
  /** The per-person wage cap of a "%" fringe, or null for no cap. */
  cutoff: Decimal | null;
  /**
   * The per-person wages below which a "%" fringe charges nothing (CPP's basic exemption, the
   * first ceiling where CPP2 starts), or null: charged from the first dollar.
   */
  threshold: Decimal | null;
  /**
   * Days in a week for a WEEK fringe: a weekly rate is charged rate x days / daysPerWeek
   * (spec/functions.md: "rate x days / 5 unless a table says otherwise"). Unused by other types.
   */
  daysPerWeek: Decimal;
  /** False for a library figure the reference does not confirm; true for the user's own table. */
  confirmed: boolean;
  /** Where the figure comes from (a URL for library fringes, "fringe table" for the user's). */
  source: string;
  /**
   * Set while the rate is the user's to fill in and is still blank (a fringe table row with no
   * Rate, or a library entry PROD ships without one: workers' comp, the payroll fee): which fringe
   * and what to do, in words. The rate is then 0 only so that the other fringes can be shown;
   * nothing may charge it ({@link requireRates}).
   */
  missingRate: MissingRate | null;
}

/** A rate still to fill in, in words. */
export interface MissingRate {
  /** Which fringe: "table row 3 (WC 9610)", "WORKERS-COMP-2026". */
  who: string;
  /** What is wrong and what to do, following `who`. */
  how: string;
  /** What to do, short, for a FRINGEDETAIL cell: "type it in your fringe table". */
  todo: string;
}

/**
 * What is missing from a set of fringes whose rates the user has yet to fill in, in words: the
 * first such fringe and what to type, then the others ("; also table row 4 (Payroll fee)"), or
 * null when every rate is there.
 */
export function missingRatesWords(fringes: readonly Fringe[]): string | null {
  const missing: MissingRate[] = [];
  for (const f of fringes) if (f.missingRate) missing.push(f.missingRate);
  if (missing.length === 0) return null;
  const [first, ...rest] = missing;
  const also = rest.length > 0 ? `; also ${rest.map((m) => m.who).join(", ")}` : "";
  return `${first.who} ${first.how}${also}`;
}

/**
 * Refuses a set of fringes with a rate still to fill in: a total without it would be a wrong
 * number that looks right (issue 14: "not a silent 0"). The #VALUE! names the first such fringe,
 * says what to type, and lists the others.
 */
export function requireRates(fringes: readonly Fringe[]): void {
  const words = missingRatesWords(fringes);
  if (words !== null) throw errors.invalid("fringes", words);
}

/** The default working week of a WEEK fringe (spec/functions.md "Fringes"): the engine's 5-day week. */
export { DEFAULT_DAYS_PER_WEEK };

/** A library definition as a fringe to compute with, labelled with its entry's name ("SS-2026"). */
export function fromDefinition(def: FringeDefinition): Fringe {
  const label = entryName(def);
  return {
    label,
    type: def.type,
    rate: def.rate === null ? ZERO : new Decimal(def.rate),
    cutoff: def.cutoff === null ? null : new Decimal(def.cutoff),
    threshold: def.threshold === undefined ? null : new Decimal(def.threshold),
    daysPerWeek: DEFAULT_DAYS_PER_WEEK,
    confirmed: def.confirmed,
    source: def.source,
    missingRate:
      def.rate === null
        ? {
            who: label,
            how: `has no rate PROD can give: it is yours to fill in. Add a row to your fringe table (Name ${def.name}, Type ${def.type}) and type your rate in its Rate column`,
            todo: "add it to your fringe table with your rate",
          }
        : null,
  };
}
