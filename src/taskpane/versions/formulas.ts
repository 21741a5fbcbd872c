/*
 * The comparison's live formulas: sums over the version store and over the live budget, by
 * account, written so that Excel and the preview select exactly the cells the engine's account
 * reader (accounts.ts) puts in each account, whatever way the budget writes it.
 *
 * SUMIFS rules relied on (Excel's criteria, and the preview's, test/preview/versionsPreview):
 * - ">=2501" and "<2502" select numbers only, never text;
 * - a criterion with a wildcard (? or *) selects text only, and is never read as a number or date;
 * - text without a wildcard that starts with a letter ("D114") selects that text, any case.
 * So a number cell 2501 (or 2501.5, accounts.ts: a decimal sub-account) is caught by the range;
 * a text code "25-01" by the pattern "25?01"; a text "2501" by "2501*" less "2501?*"; and an AICP
 * code "D114" by itself. A text code typed "25 01" is "25?01" too. Each cell is counted once.
 * The text criteria of a sum go in one SUMIFS as an array constant, added up by SUMPRODUCT
 * (anyOf), so a total of every account fits in one cell even when they are typed as text.
 * Text criteria are built only from the budget's own account cells, which the account reader
 * accepts (digits, letters, separators and spaces), so no quote or wildcard comes from a cell.
 */
import { ProdError } from "../../engine/errors";
import { STORE_HEADER } from "../../engine/versions";

/** The version store's table, as formulas name it. */
export const STORE_TABLE = "PROD_Versions";

/** A structured reference to a column of the store (`PROD_Versions[Total]`). */
export const storeColumn = (column: (typeof STORE_HEADER)[number]) => `${STORE_TABLE}[${column}]`;

/** Excel's limit on a formula's length (Excel specifications and limits: 8,192 characters). */
const MAX_FORMULA = 8_000;

/** Where the live budget's accounts and totals are, as formulas refer to them. */
export interface BudgetRefs {
  /** The account cells: a workbook name (`Detail_Acct`) or an absolute address. */
  account: string;
  /** The line totals, the same rows. */
  total: string;
}

/**
 * How the live budget writes each account as text, by account key ("2501" -> {"25-01"}). Accounts
 * written only as numbers have no entry: the number range finds them.
 */
export type TextSpellings = ReadonlyMap<string, ReadonlySet<string>>;

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
const isNumericKey = (key: string) => /^\d+$/.test(key);

/**
 * Consecutive runs of the numeric keys asked for, over every numeric key any budget has: two
 * asked keys are in one run when no key between them is left out, so a whole category is one
 * range ([2501, 2599] -> ">=2501","<2600") and a filter's gaps split it.
 */
export function numericRuns(keys: readonly string[], allKeys: readonly string[]): [number, number][] {
  const asked = new Set(keys.filter(isNumericKey).map(Number));
  const every = [...new Set([...allKeys.filter(isNumericKey).map(Number), ...asked])].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  let open: [number, number] | null = null;
  for (const k of every) {
    if (asked.has(k)) {
      if (open) open[1] = k;
      else runs.push((open = [k, k]));
    } else open = null;
  }
  return runs;
}

/** The criteria (account column, value) pairs that select one text spelling, signed. */
function textCriteria(spelling: string): { sign: "+" | "-"; criterion: string }[] {
  if (/^\d+$/.test(spelling)) {
    // All digits: the text alone, as "2501*" less "2501?*" (a bare "2501" would be read as the
    // number and also select the number cells, which the range already counts).
    return [
      { sign: "+", criterion: `${spelling}*` },
      { sign: "-", criterion: `${spelling}?*` },
    ];
  }
  // Anything that is not a letter or digit (a separator, a space) becomes "?": a pattern, text only.
  const pattern = spelling.replace(/[^A-Za-z0-9]/g, "?");
  return [{ sign: "+", criterion: pattern.toUpperCase() }];
}

/** The texts the SUMIFS pattern `criterion` matches (? any one character, * any run), as a RegExp. */
function patternOf(criterion: string): RegExp {
  const source = criterion
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\?/g, ".")
    .replace(/\*/g, ".*");
  return new RegExp(`^${source}$`, "i");
}

/**
 * The sum, in the live budget, of the accounts `keys`: number ranges, then each text spelling.
 * An expression without "=": the caller rounds it.
 *
 * @param allKeys - every account key any budget compared has (for the runs)
 * @throws ProdError when two text spellings of different accounts would be selected by one
 *   pattern ("25-01" and "25101" typed as text), which no SUMIFS can tell apart
 */
export function budgetSum(
  refs: BudgetRefs,
  keys: readonly string[],
  spellings: TextSpellings,
  allKeys: readonly string[],
): string {
  const terms = numericRuns(keys, allKeys).map(
    ([from, to]) => `SUMIFS(${refs.total},${refs.account},">=${from}",${refs.account},"<${to + 1}")`,
  );
  const seen = new Set<string>();
  const criteria = { "+": [] as string[], "-": [] as string[] };
  for (const key of keys) {
    for (const spelling of spellings.get(key) ?? []) {
      for (const { sign, criterion } of textCriteria(spelling)) {
        if (seen.has(sign + criterion)) continue;
        seen.add(sign + criterion);
        if (sign === "+" && criterion.includes("?")) {
          // Made once a criterion: a total asks it of every spelling of every account.
          const pattern = patternOf(criterion);
          for (const [other, texts] of spellings) {
            const clash = other !== key && [...texts].find((t) => pattern.test(t));
            if (clash) {
              throw new ProdError(
                "invalid",
                `The budget writes the accounts "${spelling}" and "${clash}" as text in a way a live formula cannot tell apart. Type them as numbers (2501), then compare again.`,
              );
            }
          }
        }
        criteria[sign].push(quote(criterion));
      }
    }
  }
  const sum = (texts: readonly string[]) => anyOf(texts, (c) => `SUMIFS(${refs.total},${refs.account},${c})`);
  if (criteria["+"].length > 0) terms.push(sum(criteria["+"]));
  if (criteria["-"].length > 0) terms.push(`-${sum(criteria["-"])}`);
  return joinTerms(terms);
}

/**
 * A SUMIFS over any of the text criteria `texts` (each quoted), `sumifs` giving the SUMIFS of
 * one: itself for one, else one SUMIFS over them as an array constant added up by SUMPRODUCT
 * (Excel gives SUMIFS an array of criteria as an array of sums, one each, as the preview does),
 * a few characters an account where a SUMIFS of its own took some sixty: a total of 150 accounts
 * typed as text fits in one cell of Excel's 8,192 characters.
 */
function anyOf(texts: readonly string[], sumifs: (criterion: string) => string): string {
  return texts.length === 1 ? sumifs(texts[0]) : `SUMPRODUCT(${sumifs(`{${texts.join(",")}}`)})`;
}

/**
 * The sum, in saved version `id`, of the accounts `keys`: the store holds each account as its
 * key (a number, or text such as "D114"), so a range or the key itself selects it exactly.
 */
export function storeSum(id: number, keys: readonly string[], allKeys: readonly string[]): string {
  const sum = (criteria: string) =>
    `SUMIFS(${storeColumn("Total")},${storeColumn("Number")},${id},${criteria})`;
  const account = storeColumn("Account");
  const texts = keys.filter((k) => !isNumericKey(k)).map(quote);
  const terms = [
    ...numericRuns(keys, allKeys).map(([from, to]) => sum(`${account},">=${from}",${account},"<${to + 1}"`)),
    ...(texts.length === 0 ? [] : [anyOf(texts, (c) => sum(`${account},${c}`))]),
  ];
  return joinTerms(terms);
}

function joinTerms(terms: readonly string[]): string {
  const formula = terms.length === 0 ? "0" : terms.join("+").replace(/\+-/g, "-");
  if (formula.length > MAX_FORMULA) {
    throw new ProdError(
      "invalid",
      "Too many accounts to add up in one cell of the comparison: a total adds every line of its accounts, and with many accounts typed as text (25-01) its formula would be longer than Excel allows. Type the accounts as numbers (2501), or narrow the account filter.",
    );
  }
  return formula;
}
