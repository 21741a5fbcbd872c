/**
 * The tags of a budget line that incentive programs read (domain/incentives.md section 2,
 * "Minimum tag set per budget line"), parsed from the words a line producer types.
 *
 * A tags range has the columns of {@link TAG_COLUMNS}, in that order, with or without the header
 * row. Values are read without regard to case, spaces or hyphens ("Non-resident" = "NONRESIDENT").
 * California's own account codes (California Film Commission chart of accounts [CA8]) are accepted
 * in the Class column: QW (qualified wages), QE (qualified expenditure), NQ (not qualified), VU
 * (VFX uplift), MU (music uplift) and XX (out-of-state cost).
 */
import { describeValue, errors } from "../errors";
import { BLANK_IS_ZERO, Decimal, isBlankOrSpaces, toDecimal, toNonNegative } from "../money";
import { personKey } from "../people";
import { cells, isRange } from "../ranges";

/** The tag columns, in the order a tags range holds them. */
export const TAG_COLUMNS = [
  "Where",
  "Payee",
  "Residency",
  "Class",
  "Pay form",
  "Phase",
  "Flags",
  "People",
] as const;

/** Who or what a line pays for (section 2 `class`), or a line tagged not qualified. */
export type LineClass =
  "WRITER" | "DIRECTOR" | "PRODUCER" | "PERFORMER" | "BACKGROUND" | "CREW" | "NONLABOUR" | "NOTQUALIFIED";

/** The classes of above-the-line people (section 2: "ATL-writer / director / producer / performer"). */
export const ATL_CLASSES: ReadonlySet<LineClass> = new Set(["WRITER", "DIRECTOR", "PRODUCER", "PERFORMER"]);

/** True for a line that pays a person (labour), false for goods and services. */
export function isLabour(c: LineClass): boolean {
  return c !== "NONLABOUR" && c !== "NOTQUALIFIED";
}

/** How a person is paid (section 2 `pay_form`): GA caps W-2 pay only [GA2]. */
export type PayForm = "W2" | "LOANOUT" | "1099" | "VENDOR";

/** When the cost falls (section 2 `phase`); development, distribution and financing are outside most programs. */
export type Phase = "DEVELOPMENT" | "PREP" | "SHOOT" | "POST" | "DELIVERY" | "DISTRIBUTION" | "FINANCING";

/** The flags that uplifts read (section 2 `flags`). */
export type Flag =
  "VFX" | "MUSIC" | "RURAL" | "DISTANT" | "STAGE" | "UPSTATE" | "OUTZONE" | "NYZONE" | "DISADVANTAGED";

/** What a flag means, in a line producer's words (the Flags column's help and the #VALUE! list). */
export const FLAG_WORDS: Readonly<Record<Flag, string>> = {
  VFX: "visual effects work (UK, California, Louisiana, BC DAVE, Quebec)",
  MUSIC: "music scoring",
  RURAL:
    "rural or regional location (New Mexico 60 miles out, BC regional, Illinois outside Cook and collar counties)",
  DISTANT: "BC distant location",
  STAGE: "at a qualified stage or production facility",
  UPSTATE: "New York upstate county (Erie, Monroe, Onondaga, Albany...)",
  OUTZONE: "California outside the Los Angeles zone",
  NYZONE: "New Jersey within 30 miles of Columbus Circle",
  DISADVANTAGED: "hire from an economically disadvantaged area (Illinois, New Jersey)",
};

/** One budget line as the incentive engine reads it. */
export interface IncentiveLine {
  /** The line's number in the budget's lines (1 = the first), as messages and explanations give it. */
  row: number;
  /** The line's amount (fringes included, as the budget carries them). */
  amount: Decimal;
  /**
   * Where the cost is incurred or consumed: "IN" (the location being evaluated, whichever it is),
   * "OUT" (outside every program), or a jurisdiction code ("GA", "UK", "BC"). Null: untagged.
   */
  where: string | null;
  /** The person or vendor paid, for per-person caps; null = the line is its own payee. */
  payee: string | null;
  /** Where the person lives: "IN" (local to the location evaluated), "OUT", or a code; null = not given. */
  residency: string | null;
  /** Who or what the line pays for; null = untagged. */
  cls: LineClass | null;
  /** How a person is paid; null = not given. */
  payForm: PayForm | null;
  /** When the cost falls; null = production (prep, shoot). */
  phase: Phase | null;
  /** The uplift flags. */
  flags: ReadonlySet<Flag>;
  /** How many people the line pays (a crew line "20 grips"): per-person caps apply to each. */
  people: number;
}

/**
 * A line's payee as a key: its Payee tag compared as the template's per-person caps compare a
 * Person ({@link personKey}: case and spaces ignored), or the line itself when it has none.
 */
export function payeeKey(l: IncentiveLine): string {
  const key = l.payee === null ? "" : personKey(l.payee);
  return key === "" ? `#${l.row}` : key;
}

/** A text cell folded for comparison: upper case, no spaces, hyphens, dots or underscores. */
export function fold(text: string): string {
  let out = "";
  for (const ch of text.toUpperCase()) if (!" -._/\t\u00a0".includes(ch)) out += ch;
  return out;
}

const CLASS_WORDS: Readonly<Record<string, { cls: LineClass; flag?: Flag; where?: string }>> = {
  WRITER: { cls: "WRITER" },
  DIRECTOR: { cls: "DIRECTOR" },
  PRODUCER: { cls: "PRODUCER" },
  PERFORMER: { cls: "PERFORMER" },
  CAST: { cls: "PERFORMER" },
  ACTOR: { cls: "PERFORMER" },
  BACKGROUND: { cls: "BACKGROUND" },
  EXTRAS: { cls: "BACKGROUND" },
  CREW: { cls: "CREW" },
  BTL: { cls: "CREW" },
  NONLABOUR: { cls: "NONLABOUR" },
  NONLABOR: { cls: "NONLABOUR" },
  // California chart of accounts codes [CA8].
  QW: { cls: "CREW" },
  QE: { cls: "NONLABOUR" },
  VU: { cls: "NONLABOUR", flag: "VFX" },
  MU: { cls: "NONLABOUR", flag: "MUSIC" },
  NQ: { cls: "NOTQUALIFIED" },
  XX: { cls: "NONLABOUR", where: "OUT" },
};

const PAY_FORMS: Readonly<Record<string, PayForm>> = {
  W2: "W2",
  PAYROLL: "W2",
  LOANOUT: "LOANOUT",
  "1099": "1099",
  VENDOR: "VENDOR",
};

const PHASES: Readonly<Record<string, Phase>> = {
  DEVELOPMENT: "DEVELOPMENT",
  DEV: "DEVELOPMENT",
  PREP: "PREP",
  SHOOT: "SHOOT",
  PRODUCTION: "SHOOT",
  // Wrap is the end of production, not post: the templates tag their wrap lines WRAP.
  WRAP: "SHOOT",
  POST: "POST",
  DELIVERY: "DELIVERY",
  DISTRIBUTION: "DISTRIBUTION",
  MARKETING: "DISTRIBUTION",
  FINANCING: "FINANCING",
};

const PLACE_WORDS: Readonly<Record<string, string>> = {
  IN: "IN",
  LOCAL: "IN",
  RESIDENT: "IN",
  OUT: "OUT",
  NONRESIDENT: "OUT",
  NONRES: "OUT",
};

/** The known words of a column, for a #VALUE! that lists them. */
function known(words: Readonly<Record<string, unknown>>): string {
  return Object.keys(words).join(", ");
}

function text(value: unknown, arg: string): string | null {
  if (isBlankOrSpaces(value)) return null;
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw errors.invalid(arg, `must be text, got ${describeValue(value)}`);
}

/** A place: IN/LOCAL, OUT, or a jurisdiction code of 2 to 12 letters ("GA", "UK", "BC"). */
function place(value: unknown, arg: string): string | null {
  const t = text(value, arg);
  if (t === null) return null;
  const f = fold(t);
  const word = PLACE_WORDS[f];
  if (word) return word;
  if (f.length < 2 || f.length > 12 || !/^[A-Z]+$/.test(f))
    throw errors.invalid(
      arg,
      `must be IN (the location), OUT, or a place code such as GA, UK or BC, got ${describeValue(value)}`,
    );
  return f;
}

function fromWords<T>(value: unknown, arg: string, words: Readonly<Record<string, T>>): T | null {
  const t = text(value, arg);
  if (t === null) return null;
  const hit = words[fold(t)];
  if (hit === undefined)
    throw errors.invalid(arg, `must be one of ${known(words)}, got ${describeValue(value)}`);
  return hit;
}

function flagsOf(value: unknown, arg: string): Set<Flag> {
  const t = text(value, arg);
  const out = new Set<Flag>();
  if (t === null) return out;
  for (const part of t.split(",")) {
    const f = fold(part);
    if (f === "") continue;
    if (!(f in FLAG_WORDS))
      throw errors.invalid(
        arg,
        `must be flags joined by commas from ${Object.keys(FLAG_WORDS).join(", ")}, got ${describeValue(part.trim())}`,
      );
    out.add(f as Flag);
  }
  return out;
}

function peopleOf(value: unknown, arg: string): number {
  if (isBlankOrSpaces(value)) return 1;
  const n = toDecimal(value, arg);
  if (!n.isInteger() || n.lt(1))
    throw errors.invalid(arg, `must be a whole number of people, 1 or more, got ${describeValue(value)}`);
  if (n.gt(100000)) throw errors.aboveMaximum(arg, 100000, value);
  return n.toNumber();
}

/** True when a row is the tags header (its first cells are the column names, in order). */
export function isTagHeader(row: readonly unknown[]): boolean {
  return (
    row.length > 0 &&
    row.every(
      (cell, i) =>
        i >= TAG_COLUMNS.length || (typeof cell === "string" && fold(cell) === fold(TAG_COLUMNS[i])),
    )
  );
}

/**
 * One budget line from its amount and its row of tags (cells in {@link TAG_COLUMNS} order; a
 * shorter row leaves the last columns blank). A bad tag is #VALUE! naming the line and column.
 */
export function readLine(row: number, amount: Decimal, cells: readonly unknown[]): IncentiveLine {
  const arg = (column: number) => `tags line ${row} ${TAG_COLUMNS[column]}`;
  const classWord = fromWords(cells[3], arg(3), CLASS_WORDS);
  const flags = flagsOf(cells[6], arg(6));
  if (classWord?.flag) flags.add(classWord.flag);
  return {
    row,
    amount,
    where: classWord?.where ?? place(cells[0], arg(0)),
    payee: text(cells[1], arg(1)),
    residency: place(cells[2], arg(2)),
    cls: classWord?.cls ?? null,
    payForm: fromWords(cells[4], arg(4), PAY_FORMS),
    phase: fromWords(cells[5], arg(5), PHASES),
    flags,
    people: peopleOf(cells[7], arg(7)),
  };
}

/**
 * The budget's lines: a column (or row) of amounts and the tags range beside it, line for line
 * (the tags' header row is optional). The arguments are named as the incentive functions name them.
 */
export function budgetLines(amounts: unknown, tags: unknown): IncentiveLine[] {
  const list = cells(amounts);
  if (list.length === 0) throw errors.emptyRange("amounts");
  if (isRange(amounts) && amounts.length > 1 && amounts[0].length > 1)
    throw errors.invalid("amounts", "must be a single column (or row) of the budget's line amounts");
  let rows = isRange(tags) ? tags : [[tags]];
  if (rows.length > 0 && isTagHeader(rows[0])) rows = rows.slice(1);
  if (rows.length > 0 && rows[0].length > TAG_COLUMNS.length)
    throw errors.invalid(
      "tags",
      `has ${rows[0].length} columns; it takes at most ${TAG_COLUMNS.length}: ${TAG_COLUMNS.join(" | ")}`,
    );
  if (rows.length !== list.length) throw errors.sizeMismatch("tags", rows.length, "amounts", list.length);
  return list.map((value, i) => {
    const arg = list.length > 1 ? `amounts line ${i + 1}` : "amounts";
    return readLine(i + 1, toNonNegative(value, arg, BLANK_IS_ZERO), rows[i]);
  });
}
