/**
 * Links into a sheet PROD is about to replace (`WorkbookPort.findLinksTo`), in words for the
 * question the pane asks first. spec/taskpane.md: PROD's own output is replaced "only after a
 * question when ... other cells link to it". PROD clears its sheet and writes it again, so a
 * formula elsewhere that points at `'Budget comparison'!E12` still points at E12 afterwards,
 * whatever the new output puts there. Every panel that replaces its own sheet says it in these
 * words.
 */
import { type RangeRef, type SheetLinks, cellAreas, formulaSheetName, parseA1 } from "../../excel/port";
import { count } from "./words";

/** Whether any cell or name elsewhere refers to the sheet. */
export function hasLinks(links: SheetLinks): boolean {
  return links.cells.length > 0 || links.names.length > 0;
}

/** The areas of a RangeRef's address (`H5:H7,J9`), 0-based. */
function areasOf(ref: RangeRef) {
  return ref.address.split(",").map((a) => parseA1(a));
}

/** How many cells the references cover. */
export function cellCount(cells: readonly RangeRef[]): number {
  return cells.reduce((n, ref) => n + areasOf(ref).reduce((m, a) => m + a.rowCount * a.columnCount, 0), 0);
}

/**
 * The links less those PROD made itself and handles on its own (Bids' award links, kept on the
 * sheet; names the pane's plan writes again): what the pane must still ask about.
 *
 * @param own.cells - cells holding PROD's own formulas into the sheet (any sheet, one cell each)
 * @param own.names - names PROD deletes and adds again with the sheet, any case
 */
export function linksBesides(
  links: SheetLinks,
  own: { cells?: readonly RangeRef[]; names?: readonly string[] },
): SheetLinks {
  const ownNames = new Set((own.names ?? []).map((n) => n.toLowerCase()));
  const ownCells = (own.cells ?? []).map((c) => ({ sheet: c.sheet.toLowerCase(), ...parseA1(c.address) }));
  const cells = links.cells.flatMap((ref): RangeRef[] => {
    const mine = ownCells.filter((c) => c.sheet === ref.sheet.toLowerCase());
    if (mine.length === 0) return [ref];
    const left = areasOf(ref).flatMap((a) =>
      Array.from({ length: a.rowCount * a.columnCount }, (_, i) => ({
        row: a.row + Math.floor(i / a.columnCount),
        column: a.column + (i % a.columnCount),
      })).filter((cell) => !mine.some((c) => c.row === cell.row && c.column === cell.column)),
    );
    return left.length > 0 ? [{ sheet: ref.sheet, address: cellAreas(left) }] : [];
  });
  return { cells, names: links.names.filter((n) => !ownNames.has(n.toLowerCase())) };
}

/**
 * The linked cells as Excel writes references (`'Top Sheet'!H5`, `Notes!B2:B4`): the first
 * `shown` areas, then how many cells more ("'Top Sheet'!H5, Notes!B2 and 2 more").
 */
export function linkedCellsWords(cells: readonly RangeRef[], shown = 2): string {
  const areas = cells.flatMap((ref) =>
    ref.address.split(",").map((address) => ({ sheet: ref.sheet, address })),
  );
  const named = areas.slice(0, shown);
  const more = cellCount(cells) - cellCount(named);
  const list = named.map((a) => `${formulaSheetName(a.sheet)}!${a.address}`).join(", ");
  return more > 0 ? `${list} and ${more.toLocaleString("en-US")} more` : list;
}

/**
 * What the pane says, in its question before replacing `sheet`, of the formulas and names
 * elsewhere that refer to it: which they are and that they will point at other figures. "" when
 * there are none.
 */
export function sheetLinksWords(sheet: string, links: SheetLinks): string {
  const n = cellCount(links.cells);
  const parts: string[] = [];
  if (n === 1) parts.push(`the formula in ${linkedCellsWords(links.cells)}`);
  if (n > 1) parts.push(`formulas in ${count(n, "cell")} elsewhere (${linkedCellsWords(links.cells)})`);
  const quoted = links.names.map((name) => `"${name}"`).join(", ");
  if (links.names.length > 0) parts.push(`the ${links.names.length === 1 ? "name" : "names"} ${quoted}`);
  if (parts.length === 0) return "";
  const one = n + links.names.length === 1;
  const subject = parts.join(" and ");
  return (
    `${subject[0].toUpperCase()}${subject.slice(1)} ${one ? "refers" : "refer"} to "${sheet}". ` +
    `After the replace ${one ? "it points" : "they point"} at the same cells, which may then hold other figures.`
  );
}

/** The question before replacing `sheet` when the pane has no other question to add this to. */
export function linkedSheetQuestion(sheet: string, links: SheetLinks) {
  return {
    title: `Replace "${sheet}"?`,
    message: `${sheetLinksWords(sheet, links)} Replace it anyway? Cancel writes nothing.`,
    confirmLabel: "Replace it",
    cancelLabel: "Cancel",
    destructive: true,
  };
}
