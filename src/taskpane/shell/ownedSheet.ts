/**
 * Whether a sheet the pane wrote is still the pane's, by its ownership mark. The mark is a
 * workbook name: it follows the sheet when the user renames it and points at #REF! when the
 * user deletes it, so the mark's key alone does not say the sheet of that name is there and ours.
 *
 * The mark is hidden (Name Manager does not list it), but a user can still delete it (a macro,
 * a name tool, a copy of the workbook that drops hidden names). Then the sheet is told by its
 * content: the exact title or header PROD wrote on it. Even then the pane asks before taking it
 * back, because a user's own sheet can look like PROD's (copied from it, typed to match).
 */
import {
  a1Range,
  parseA1,
  type CellValue,
  type OwnedRegion,
  type SheetLinks,
  type WorkbookPort,
} from "../../excel/port";
import { count } from "./words";
import { hasLinks, sheetLinksWords } from "./sheetLinks";
import {
  carriedWords,
  findTypedCells,
  firstFew,
  lostChecks,
  typedWords,
  type Carry,
  type OwnRow,
  type SheetCells,
  type TypedCell,
} from "./userWork";

/** Whether the mark `key` (from `findOwned`) marks the sheet named `sheet`. */
export function marksSheet(owned: readonly OwnedRegion[], key: string, sheet: string): boolean {
  return owned.some((o) => o.key === key && o.sheet === sheet);
}

/** What PROD writes at a fixed place on a sheet of its own, to tell the sheet by. */
export interface SheetSignature {
  /** The cells read, A1 (e.g. `A1:T4`). */
  address: string;
  /** Whether the values read there are what PROD wrote. */
  matches(values: readonly (readonly CellValue[])[]): boolean;
}

/**
 * A sheet name the pane writes to, as the workbook has it:
 * - "marked": there, with the pane's mark: the pane may replace it;
 * - "unmarked": there without the mark, but showing PROD's signature: ask, then reclaim it;
 * - "absent": not there: the pane makes it;
 * - "other": there, and not the pane's by mark or content: never touched.
 */
export type OwnedSheetState = "marked" | "unmarked" | "absent" | "other";

/** The state of the sheet `sheet` the pane marks as `owner`'s `key`. Three reads at most: the sheets and marks together, then the signature. */
export async function ownedSheetState(
  port: WorkbookPort,
  owner: string,
  key: string,
  sheet: string,
  signature: SheetSignature,
): Promise<OwnedSheetState> {
  const [sheets, owned] = await Promise.all([port.listSheets(), port.findOwned(owner)]);
  const name = sheets.find((s) => s.toLowerCase() === sheet.toLowerCase());
  if (name === undefined) return "absent";
  if (marksSheet(owned, key, name)) return "marked";
  return (await showsSignature(port, name, signature)) ? "unmarked" : "other";
}

/** Whether the sheet `sheet` (there, without the pane's mark) shows PROD's signature: one read. */
export async function showsSignature(
  port: WorkbookPort,
  sheet: string,
  signature: SheetSignature,
): Promise<boolean> {
  const { values } = await port.readRange({ sheet, address: signature.address });
  return signature.matches(values);
}

/** Where a sheet the pane makes goes, and how it is written. */
export interface SheetTarget {
  sheetName: string;
  mode: "create" | "replaceOwned" | "reclaim";
}

/**
 * Where a sheet the pane makes goes: the sheet it made before, by its mark (replaced); else a sheet
 * of the names the pane gives (`name`, then "`name` 2", ...) that is one PROD wrote, told by its
 * content, but has lost its mark (a user deleted the hidden name): "reclaim", which the pane asks
 * about first; else a new sheet whose name no sheet of the user's has. A sheet carrying another
 * of the owner's marks (another budget's copy of the same output) is PROD's other sheet: passed by.
 *
 * @param copy - the copy of the output the mark is for (the plan's `copy`): "" for the first
 */
export async function sheetTarget(
  port: WorkbookPort,
  owner: string,
  key: string,
  name: string,
  signature: SheetSignature,
  copy = "",
): Promise<SheetTarget> {
  const [owned, sheets] = await Promise.all([port.findOwned(owner), port.listSheets()]);
  const mark = owned.find((r) => r.key === key && r.copy === copy);
  if (mark && sheets.includes(mark.sheet)) return { sheetName: mark.sheet, mode: "replaceOwned" };
  const taken = new Map(sheets.map((s) => [s.toLowerCase(), s]));
  const marked = new Set(owned.map((r) => r.sheet.toLowerCase()));
  let candidate = name;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const sheet = taken.get(candidate.toLowerCase()) ?? candidate;
    if (!marked.has(sheet.toLowerCase()) && (await showsSignature(port, sheet, signature)))
      return { sheetName: sheet, mode: "reclaim" };
    candidate = `${name} ${i}`;
  }
  return { sheetName: candidate, mode: "create" };
}

/**
 * Where the pane wrote a sheet of `target`, in words for the message after the write: "on" the
 * sheet, and, when the pane made another because the sheet named `name` is one it may not write
 * over (the user's, or PROD's for another budget), that it did and left that sheet as it was.
 *
 * @param what - what the sheet `name` is not ("PROD's budget comparison")
 */
export function writtenWhere(target: SheetTarget, name: string, what: string): string {
  return target.mode === "create" && target.sheetName.toLowerCase() !== name.toLowerCase()
    ? `on a new sheet "${target.sheetName}", because the sheet "${name}" already in the workbook is not ${what} (it was left as it was)`
    : `on "${target.sheetName}"`;
}

/**
 * What the pane says before it takes back a sheet told by its content (`what`: "a cost report",
 * "a bid comparison"): why it asks, in the same words on every panel.
 */
export function unmarkedSheetWords(sheet: string, what: string): string {
  return `"${sheet}" looks like ${what} PROD made, but the hidden mark PROD keeps on its own sheets is gone from it, so PROD cannot be sure the sheet is its own.`;
}

/**
 * The question before the pane takes back a comparison sheet told by its content (`what`: "a
 * budget comparison"): Versions, What-if and Incentives ask it in the same words.
 */
export function reclaimComparisonQuestion(sheet: string, what: string): SheetQuestion {
  const facts = { sheet, what, reclaim: true, typed: [], keptHeading: "", links: { cells: [], names: [] } };
  return questionWords({ ...facts, carry: { cells: [], labels: [], end: 0, rows: null } });
}

/**
 * The question before the pane takes back a sheet PROD made whose mark is gone, told by its
 * content (`what`: "a scenario store", "a budget detail sheet"): it is marked again as it is (the
 * plan's "remark" mode), and `then` says what PROD does with it besides (a store:
 * {@link keptOnStoreWords}). Every panel asks it in these words, with the focus on Cancel: a
 * look-alike of the user's would be PROD's from then on.
 */
export function takeBackQuestion(sheet: string, what: string, then: string): SheetQuestion {
  return {
    title: `Take back "${sheet}"?`,
    message: `${unmarkedSheetWords(sheet, what)} Take it back only if it is PROD's: PROD marks it as its own again and ${then}.`,
    confirmLabel: "Take it back",
    destructive: true,
  };
}

/**
 * What taking back a store does, for {@link takeBackQuestion}: it is protected, with the items PROD
 * read on it, by name (`noun`: "scenario"), and the rows it cannot read (listed in the pane) kept,
 * and PROD's later saves rewrite it.
 */
export function keptOnStoreWords(noun: string, names: readonly string[], unread = 0): string {
  const rows = unread === 0 ? "" : ` (not the ${count(unread, "row")} PROD cannot read, listed in the pane)`;
  const kept =
    names.length === 0
      ? `everything on it${rows}`
      : `the ${count(names.length, noun)} saved on it (${names.map((n) => `"${n}"`).join(", ")})${rows}`;
  return `protects it against changes by accident, with ${kept} kept; from then on PROD rewrites it when it saves there`;
}

/**
 * What the pane says when the user kept the sheet it asked about (`also`: what else is unchanged;
 * `then`: what to do if the sheet is the user's own, and what PROD does then).
 */
export function keptSheetWords(
  sheet: string,
  also = "",
  then = "compare again: PROD then writes its comparison on a sheet of its own",
): string {
  return `Nothing was written: "${sheet}" is as it was${also}. If it is your own sheet, rename it and ${then}.`;
}

/**
 * Cells read per request of {@link readSheetCells}: under Excel on the web's 5 MB response. A
 * Budget comparison's live figure reads back as about 120 bytes with its value, formula and
 * number format (measured, four budgets compared), so 30,000 cells are about 3.6 MB; 50,000
 * would be 6 MB. Any comparison of up to 2,300 rows is still read in one request.
 */
const CELLS_PER_READ = 30_000;

/**
 * What a sheet the pane is about to replace holds, to find what the user typed on it (userWork.ts):
 * values, formulas and number formats of its used range, and the columns PROD hid there. Two
 * reads: the used range (its address, values and PROD's hidden columns), then its formulas and
 * number formats with the values, in the same request (one request per 30,000 cells; one for any
 * comparison sheet).
 */
export async function readSheetCells(port: WorkbookPort, sheet: string): Promise<SheetCells | null> {
  const used = await port.readUsedRange(sheet);
  if (!used) return null;
  const area = parseA1(used.address);
  const band = Math.max(1, Math.floor(CELLS_PER_READ / area.columnCount));
  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < area.rowCount; r += band) {
    const rows = Math.min(band, area.rowCount - r);
    // One request per band of rows: a response over 5 MB would fail (issue 16).
    const [cells] = await port.readCells([
      { sheet, address: a1Range(area.row + r, area.column, rows, area.columnCount) },
    ]);
    values.push(...cells.values);
    formulas.push(...cells.formulas);
    numberFormats.push(...cells.numberFormats);
  }
  return {
    row: area.row,
    column: area.column,
    values,
    formulas,
    numberFormats,
    ...(used.hiddenByProd ? { hiddenByProd: used.hiddenByProd } : {}),
  };
}

/**
 * What the pane learns of the sheet it is about to write (`target`) before the one question: what
 * the user typed on it (readSheetCells, findTypedCells over `rowsOf`, the panel's description of
 * the rows it wrote there, and lostChecks: its rows whose check is gone) and the cells and names
 * elsewhere that link to it (findLinksTo). Nothing is read when the sheet is new. The facts for
 * {@link replaceQuestion}, less the panel's words, and the cells read (null when nothing was), for
 * what else the panel reads of the sheet.
 */
export async function earlierWork(
  port: WorkbookPort,
  target: SheetTarget,
  rowsOf: (cells: SheetCells) => OwnRow[],
): Promise<
  Pick<ReplaceFacts, "sheet" | "reclaim" | "typed" | "lost" | "links"> & { cells: SheetCells | null }
> {
  const facts = { sheet: target.sheetName, reclaim: target.mode === "reclaim" };
  if (target.mode === "create")
    return { ...facts, typed: [], lost: [], links: { cells: [], names: [] }, cells: null };
  const cells = await readSheetCells(port, target.sheetName);
  const rows = cells ? rowsOf(cells) : [];
  const typed = cells ? findTypedCells(cells, rows, target.sheetName) : [];
  const lost = cells ? lostChecks(cells, rows) : [];
  return { ...facts, typed, lost, links: await port.findLinksTo(target.sheetName), cells };
}

/** A yes/no question for the pane to ask (the pane's Question). */
export interface SheetQuestion {
  title: string;
  message: string;
  confirmLabel: string;
  destructive: boolean;
}

/** What the pane knows before it replaces a sheet of its own, for the one question it asks. */
export interface ReplaceFacts {
  sheet: string;
  /** What the sheet is, for the words ("a budget comparison"). */
  what: string;
  /** The sheet lost its mark and is told by its content (sheetTarget's "reclaim"). */
  reclaim: boolean;
  /** What the user typed on it (findTypedCells), and where it goes (placeTypedCells). */
  typed: readonly TypedCell[];
  /** Its rows whose check of what PROD wrote is gone (lostChecks); none when left out. */
  lost?: readonly OwnRow[];
  /**
   * The cells of PROD's the sheet invites the user to change, in the panel's words, that are kept
   * on a row whose check is gone when they differ from the pane ("a program's Settings or
   * Exchange rate that is not the pane's"): said in the words on such rows; absent for none.
   */
  inputs?: string;
  carry: Carry;
  /** The heading of the kept part ("From the earlier comparison"). */
  keptHeading: string;
  /** Cells on other sheets and workbook names that refer to it (WorkbookPort.findLinksTo). */
  links: SheetLinks;
  /**
   * Cells of PROD's the user changed there that the new output keeps, in the panel's words
   * (the Incentive comparison's Settings and Exchange rate cells); "" or absent for none.
   */
  changed?: string;
}

/**
 * The one question before the pane replaces a sheet of its own (spec/taskpane.md, first rules):
 * asked when the user typed on it or other cells link to it, and when it lost its mark (then the
 * reclaim words come first, so the user answers once). Null when there is nothing to ask.
 */
export function replaceQuestion(facts: ReplaceFacts): SheetQuestion | null {
  const lost = facts.lost?.length ?? 0;
  const changed = (facts.changed ?? "") !== "";
  if (!facts.reclaim && facts.typed.length === 0 && lost === 0 && !changed && !hasLinks(facts.links))
    return null;
  return questionWords(facts);
}

/**
 * What the pane says of rows whose check is gone (the user deleted the hidden column, or its text):
 * there PROD tells only what a sheet without checks tells. On those the new output has (`rows`,
 * Carry's) PROD's own goes back, less the cells the panel keeps (`inputs`, ReplaceFacts'); those
 * it does not have are kept under the kept part's heading (`keptHeading`), each by its label with
 * its cells as they read (userWork's "row" cells), so nothing retyped there is lost. When the new
 * output's rows are not known (`rows` null: nothing typed, so the Scenario comparison lays nothing
 * out before its question), both are said, of the rows each is true of.
 */
export function lostCheckWords(
  lost: readonly OwnRow[],
  rows: ReadonlySet<string> | null,
  keptHeading: string,
  inputs?: string,
): string {
  const name = (own: OwnRow) => (own.label === "" ? `row ${own.row + 1}` : own.label);
  const them = (n: number) => (n === 1 ? "it" : "them");
  const except = inputs === undefined ? "" : `, except ${inputs}, which it keeps`;
  const under = `under "${keptHeading}" by its label, its cells as they read (a formula pointing at cells of this sheet as its value)`;
  const kept = (n: number) => `it keeps ${n === 1 ? "the row" : "each"} ${under}`;
  const here = rows === null ? [] : lost.filter((own) => rows.has(own.key));
  const gone = rows === null ? [] : lost.filter((own) => !rows.has(own.key));
  const what =
    rows === null
      ? `: where the new sheet has the row it puts its own back${except}; a row it does not have it keeps ${under}`
      : gone.length === 0
        ? `, and puts its own back${except}`
        : here.length === 0
          ? `; the new sheet does not have ${them(gone.length)}, so ${kept(gone.length)}`
          : `: on ${firstFew(here.map(name))} it puts its own back${except}; the new sheet does not have ${firstFew(gone.map(name))}, so ${kept(gone.length)}`;
  return `PROD's hidden check of what it wrote is gone from ${count(lost.length, "row")} (${firstFew(lost.map(name))}), so on ${them(lost.length)} PROD cannot tell a label or formula you retyped from its own${what}; notes, cells beside the rows and figures typed over formulas are still kept.`;
}

function questionWords(facts: ReplaceFacts): SheetQuestion {
  const parts: string[] = [];
  if (facts.reclaim) parts.push(unmarkedSheetWords(facts.sheet, facts.what));
  // PROD's cells of rows whose check is gone are said with those rows, not as typed.
  const typed = typedWords(facts.typed);
  if (typed.length > 0)
    parts.push(
      `You typed on it: ${typed.join("; ")}. ${carriedWords(facts.carry, facts.keptHeading, false)}`,
    );
  if (facts.lost && facts.lost.length > 0)
    parts.push(lostCheckWords(facts.lost, facts.carry.rows, facts.keptHeading, facts.inputs));
  if (facts.changed) parts.push(facts.changed);
  if (hasLinks(facts.links)) parts.push(sheetLinksWords(facts.sheet, facts.links));
  parts.push(
    facts.reclaim
      ? "Replace it only if it is PROD's comparison: comparing replaces it with this comparison, and PROD marks it as its own again."
      : "Comparing replaces it with this comparison.",
  );
  return {
    title: `Replace "${facts.sheet}"?`,
    message: parts.join(" "),
    confirmLabel: "Replace it",
    destructive: true,
  };
}
