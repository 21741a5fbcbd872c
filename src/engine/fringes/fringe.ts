/**
 * A fringe ready to compute with: the decimal form of a library definition or of a row of a
 * workbook fringe table.
 */
import { Decimal } from "../money";
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
   * Days in a week for a WEEK fringe: a weekly rate is charged rate x days / daysPerWeek
   * (spec/functions.md: "rate x days / 5 unless a table says otherwise"). Unused by other types.
   */
  daysPerWeek: Decimal;
  /** False for a library figure the reference does not confirm; true for the user's own table. */
  confirmed: boolean;
  /** Where the figure comes from (a URL for library fringes, "fringe table" for the user's). */
  source: string;
}

/** The default working week of a WEEK fringe (spec/functions.md "Fringes"): the engine's 5-day week. */
export { DEFAULT_DAYS_PER_WEEK };

/** A library definition as a fringe to compute with, labelled with its entry's name ("SS-2026"). */
export function fromDefinition(def: FringeDefinition): Fringe {
  return {
    label: entryName(def),
    type: def.type,
    rate: new Decimal(def.rate),
    cutoff: def.cutoff === null ? null : new Decimal(def.cutoff),
    daysPerWeek: DEFAULT_DAYS_PER_WEEK,
    confirmed: def.confirmed,
    source: def.source,
  };
}
