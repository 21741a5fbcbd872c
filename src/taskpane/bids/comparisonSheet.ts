/**
 * The Bids panel's output sheet as a write plan (spec/taskpane.md section 3): per item each
 * vendor's landed cost with the lowest marked by a conditional format, the vendors' terms and
 * totals, the best single-vendor and split awards with the saving, and missing bids flagged.
 *
 * The sheet is created and owned by the pane: re-running replaces it and nothing else. Every
 * string that came from a file or the user (items, vendor names, notes) is a `text` cell, so it
 * is written as text and never as a formula.
 */
import { isBlank, toMoney } from "../../engine/money";
import { rentalDaysText } from "../../engine/rental";
import {
  comparisonDetail,
  itemBidNotes,
  normalizeItemName,
  type Comparison,
  type ItemRow,
  type Award,
  type VendorDetail,
  type VendorSummary,
} from "../../engine/bids";
import {
  NUMBER_FORMATS,
  a1,
  a1Range,
  type Cell,
  type CellBlock,
  type SheetPlan,
  type WritePlan,
} from "../../excel/port";
import type { SheetSignature } from "../shell/ownedSheet";

/** The owner key of everything the Bids panel writes. */
export const BIDS_OWNER = "bids";
/** The ownership key of the comparison sheet. */
export const COMPARISON_KEY = "comparison";
/** The sheet's name when there is no other sheet of that name. */
export const COMPARISON_SHEET = "Bid comparison";

/** What a missing bid shows in a vendor's column. */
export const NOT_BID = "not bid";
/** What an item no vendor supplied shows in the Lowest and Split award columns. */
export const NONE_SUPPLIED = "none supplied";

/** Heading of the item table's first column (how a re-run finds the table). */
export const ITEM_HEADING = "Item";
/**
 * Heading of the item table's last column: the user's own notes. The pane writes nothing of its
 * own there; a re-run reads what was typed and puts it back on the row of the same item.
 */
export const YOUR_NOTES = "Your notes (kept when run again)";
/** Heading of the item table's column of each vendor's notes per item. */
export const VENDORS_NOTES = "Vendors' notes";
/** What the Check column says on the row of a note whose item is no longer in the bids. */
export const NOTE_KEPT = "no longer in the bids; your note is kept";

/** A note the user typed on an earlier comparison sheet, with the item (column A) of its row. */
export interface UserNote {
  readonly item: string;
  readonly note: string | number | boolean;
}

/**
 * The user's notes on an earlier comparison sheet (its cells as read, from any top-left): the
 * non-blank cells of the {@link YOUR_NOTES} column, from the item table's heading row down to its
 * first row with no item. None when the sheet has no such column (an older comparison).
 */
export function readUserNotes(values: readonly (readonly unknown[])[]): UserNote[] {
  // A heading the user retyped still leaves the notes column next to the vendors' notes.
  const column = (row: readonly unknown[]) =>
    row.includes(YOUR_NOTES) ? row.indexOf(YOUR_NOTES) : row.indexOf(VENDORS_NOTES) + 1 || -1;
  const header = values.findIndex((row) => row.includes(ITEM_HEADING) && column(row) !== -1);
  if (header === -1) return [];
  const itemColumn = values[header].indexOf(ITEM_HEADING);
  const noteColumn = column(values[header]);
  const notes: UserNote[] = [];
  for (const row of values.slice(header + 1)) {
    const item = row[itemColumn];
    if (isBlank(item)) break;
    const note = row[noteColumn];
    if (typeof note === "number" || typeof note === "boolean" || (typeof note === "string" && note !== ""))
      notes.push({ item: String(item), note });
  }
  return notes;
}

/**
 * Where each carried note goes: the nth note on an item goes to the nth row of that item by its
 * exact wording; a note whose wording no row has goes to a free row of the same item in other
 * words (a vendor's line on the row whose name matching reads the same: "Camera package" and
 * "\tCamera pkg", or a line the user matched there). The others get rows of their own after the
 * items: none is dropped.
 */
function placeUserNotes(
  items: readonly ItemRow[],
  notes: readonly UserNote[],
): { byRow: Map<number, UserNote["note"]>; left: UserNote[] } {
  const byRow = new Map<number, UserNote["note"]>();
  const unplaced = notes.filter((note) => {
    const row = items.findIndex((item, i) => item.name === note.item && !byRow.has(i));
    if (row !== -1) byRow.set(row, note.note);
    return row === -1;
  });
  const wordings = items.map(
    (item) =>
      new Set(
        [item.name, ...item.bids.flatMap((bid) => bid?.lines.map((l) => l.item) ?? [])].map(
          normalizeItemName,
        ),
      ),
  );
  const left = unplaced.filter((note) => {
    const key = normalizeItemName(note.item);
    const row = wordings.findIndex((words, i) => words.has(key) && !byRow.has(i));
    if (row !== -1) byRow.set(row, note.note);
    return row === -1;
  });
  return { byRow, left };
}

/** A carried note as a cell: text stays text, a number or TRUE/FALSE stays what it was. */
function noteCell(note: UserNote["note"] | undefined): Cell {
  if (note === undefined) return null;
  return typeof note === "string" ? { text: note } : note;
}

/** What an incomplete bid (quantity 0, $0.00 rate, 0 days) shows in its vendor's column. */
export function incompleteText(reason: string): string {
  return `incomplete: ${reason}`;
}

/**
 * A budget cell the pane linked to one of the award totals (`'Budget detail'!$J$12`), kept on the
 * comparison sheet so a re-run knows which budget cells follow it and can ask before one breaks.
 */
export interface AwardLink {
  /** The budget cell, as `'Sheet'!$A$1`. */
  readonly cell: string;
  readonly award: "single" | "split";
}

/** The cell (row 4, column G) where the linked budget cells are listed. */
export const LINKS_CELL = "G4";
/** The fixed row of award totals and links, as read back before a re-run. */
export const AWARD_TOTALS_RANGE = "A4:G4";
/** Column (0-based, in {@link AWARD_TOTALS_RANGE}) of the single award's total and of the links. */
export const SINGLE_TOTAL_INDEX = 4;
export const LINKS_INDEX = 6;
/** What the single award's cell holds when there is none (and no split stands in for it). */
export const NO_SINGLE = "none";

/** The links as the sheet lists them: `'Budget detail'!$J$12 (single); Sheet1!$B$2 (split)`. */
export function formatLinks(links: readonly AwardLink[]): string {
  return links.map((l) => `${l.cell} (${l.award})`).join("; ");
}

/** The links listed in {@link LINKS_CELL}, read back; anything else in the cell is ignored. */
export function parseLinks(text: unknown): AwardLink[] {
  if (typeof text !== "string") return [];
  // A quoted sheet name may hold "; " or "!" itself ('It''s; here'), so entries are matched whole.
  const entry = /('(?:[^']|'')+'|[^\s';!]+)!(\$?[A-Z]+\$?\d+) \((single|split)\)/g;
  return [...text.matchAll(entry)].map((m) => ({
    cell: `${m[1]}!${m[2]}`,
    award: m[3] as AwardLink["award"],
  }));
}

/** Fill of the lowest landed cost of each item (a light green that prints in grey too). */
const LOWEST_FILL = "#C6EFCE";
const LOWEST_FONT = "#006100";

/** A row of `width` cells starting with `first`, the rest blank. */
function padded(cells: Cell[], width: number): Cell[] {
  return [...cells, ...Array<Cell>(Math.max(0, width - cells.length)).fill(null)];
}

/** The vendors of an award, by name, as text ("Acme Grip + Beta Lighting"). */
function awardVendors(comparison: Comparison, award: Award): string {
  return award.vendors.map((vi) => comparison.vendors[vi].name).join(" + ");
}

/**
 * Where the sheet puts what the pane needs later: the award totals a budget line links to. They
 * sit in fixed cells above the item table (row 4), each a formula on the awards block further
 * down, so a budget cell linked to them still shows the right total after a re-run with more or
 * fewer items (the awards block moves; these cells do not).
 */
export interface ComparisonLayout {
  /** A1 address of the best single award's total, if there is one. */
  singleTotal?: string;
  /** A1 address of the best split award's total. */
  splitTotal: string;
}

/** Row (0-based) of the fixed award totals: Excel row 4, just above the item table. */
const AWARD_TOTALS_ROW = 3;
/** What the fixed row of award totals begins with. */
const AWARD_TOTALS_LABEL = "Award totals";
/** Row (0-based) of the item table's heading: Excel row 5. */
const ITEM_HEADER_ROW = 4;
/** The sheet's title, in A1. */
const COMPARISON_TITLE = "Vendor bid comparison";
/** The item table's headings after the vendors' columns, as PROD writes them. */
const AFTER_VENDORS = ["Lowest", "Split award", "Check", VENDORS_NOTES] as const;
/** Columns read to tell the sheet by its content: a comparison of up to 250 vendors. */
const SIGNATURE_COLUMNS = 256;

/**
 * A comparison sheet PROD wrote, told by its content when its mark is gone (a user deleted the
 * hidden name): the title in A1, the row of award totals and the item table's heading row as PROD
 * writes them (Item, one column per vendor, then Lowest, Split award, Check, Vendors' notes). The
 * user's notes column may have been retitled, so its heading is not required.
 */
export const COMPARISON_SIGNATURE: SheetSignature = {
  address: a1Range(0, 0, ITEM_HEADER_ROW + 1, SIGNATURE_COLUMNS),
  matches: (values) => {
    const heading = values[ITEM_HEADER_ROW] ?? [];
    // The last one: a vendor may be called "Lowest" too.
    const lowest = heading.lastIndexOf(AFTER_VENDORS[0]);
    return (
      values[0]?.[0] === COMPARISON_TITLE &&
      values[AWARD_TOTALS_ROW]?.[0] === AWARD_TOTALS_LABEL &&
      heading[0] === ITEM_HEADING &&
      lowest > 1 &&
      AFTER_VENDORS.every((text, i) => heading[lowest + i] === text)
    );
  },
};

/** Options for {@link comparisonSheetPlan}. */
export interface ComparisonSheetOptions {
  /** The sheet's name. @default COMPARISON_SHEET */
  sheetName?: string;
  /**
   * "create" for a new sheet, "replaceOwned" to replace the pane's earlier comparison, "reclaim"
   * to replace it once its mark is gone ({@link COMPARISON_SIGNATURE}) and the user said yes.
   */
  mode: "create" | "replaceOwned" | "reclaim";
  /** What the schedule was (for lines without days), as the user typed it. */
  scheduleText?: string;
  /** Problems met while reading the bids (rows left out), shown under the comparison. */
  problems?: readonly string[];
  /** Budget cells linked to the award totals, carried from the sheet this one replaces. */
  links?: readonly AwardLink[];
  /** Notes the user typed on the sheet this one replaces ({@link readUserNotes}), carried over. */
  userNotes?: readonly UserNote[];
  /**
   * When there is no single award: show the split award's total in the single award's cell, so
   * budget cells linked to it keep a number (the user agreed to this; issue 17).
   */
  splitForSingle?: boolean;
}

/** "all 3", "2 of 3", "1 of 3, 1 incomplete": what a vendor bid in full. */
export function itemsBidText(summary: VendorSummary, itemCount: number): string {
  const bid = summary.itemsBid === itemCount ? `all ${itemCount}` : `${summary.itemsBid} of ${itemCount}`;
  return summary.itemsIncomplete > 0 ? `${bid}, ${summary.itemsIncomplete} incomplete` : bid;
}

/**
 * Builds the comparison sheet.
 *
 * Layout (0-based rows): title, a line on how landed cost is computed, then the item table
 * (Item | one column per vendor | Lowest | Split award | Check | Vendors' notes | Your notes),
 * the vendors' terms and totals under the same vendor columns, the awards, the notes, and the
 * line detail of each vendor ({@link detailBlocks}).
 */
export function comparisonSheetPlan(
  comparison: Comparison,
  options: ComparisonSheetOptions,
): { plan: WritePlan; layout: ComparisonLayout } {
  const name = options.sheetName ?? COMPARISON_SHEET;
  const { vendors, items, summaries, bestSingle, bestSplit, saving } = comparison;
  const n = vendors.length;
  const width = n + 6;
  const vendorName = (vi: number): Cell => ({ text: vendors[vi].name });
  const blocks: CellBlock[] = [];

  blocks.push({
    row: 0,
    column: 0,
    bold: true,
    cells: [padded([COMPARISON_TITLE], width)],
  });
  blocks.push({
    row: 1,
    column: 0,
    cells: [
      padded(
        [
          "Landed cost = rental under the vendor's week convention − discount + loss & damage + tax on taxable lines; delivery and pickup are added once per vendor.",
        ],
        width,
      ),
      padded(
        [
          options.scheduleText
            ? { text: `Days used each week, for lines without days: ${options.scheduleText}` }
            : null,
        ],
        width,
      ),
    ],
  });

  // The item table.
  const headerRow = ITEM_HEADER_ROW;
  blocks.push({
    row: headerRow,
    column: 0,
    bold: true,
    cells: [[ITEM_HEADING, ...vendors.map((_, vi) => vendorName(vi)), ...AFTER_VENDORS, YOUR_NOTES]],
  });
  const firstItemRow = headerRow + 1;
  const carried = placeUserNotes(items, options.userNotes ?? []);
  const itemCells: Cell[][] = items.map((item, i) => {
    const costs: Cell[] = item.bids.map((bid) => {
      if (!bid) return NOT_BID;
      return bid.incomplete === undefined ? toMoney(bid.cost.landed) : incompleteText(bid.incomplete);
    });
    const lowest: Cell =
      item.lowest.length > 0 ? { text: item.lowest.map((vi) => vendors[vi].name).join(", ") } : NONE_SUPPLIED;
    const checks: string[] = [];
    if (item.missing.length > 0)
      checks.push(`not bid by ${item.missing.map((vi) => vendors[vi].name).join(", ")}`);
    if (item.incomplete.length > 0)
      checks.push(
        `incomplete bid from ${item.incomplete.map((vi) => `${vendors[vi].name} (${item.bids[vi]?.incomplete})`).join(", ")}`,
      );
    if (item.differs) checks.push("quantities or days differ");
    const awardedTo = bestSplit.vendorByItem[i];
    const vendorNotes = item.bids.flatMap((bid, vi) => {
      const notes = bid ? itemBidNotes(bid) : "";
      return notes === "" ? [] : [`${vendors[vi].name}: ${notes}`];
    });
    return [
      { text: item.name },
      ...costs,
      lowest,
      awardedTo === -1 ? NONE_SUPPLIED : { text: vendors[awardedTo].name },
      checks.length > 0 ? { text: checks.join("; ") } : null,
      vendorNotes.length > 0 ? { text: vendorNotes.join("; ") } : null,
      noteCell(carried.byRow.get(i)),
    ];
  });
  // Notes on items no longer in the bids keep a row of their own, so a re-run never drops one.
  for (const note of carried.left) {
    itemCells.push(padded([{ text: note.item }, ...vendors.map(() => null), null, null, NOTE_KEPT], width));
    itemCells[itemCells.length - 1][width - 1] = noteCell(note.note);
  }
  if (itemCells.length > 0) {
    blocks.push({
      row: firstItemRow,
      column: 0,
      cells: itemCells,
      columnFormats: [null, ...vendors.map(() => NUMBER_FORMATS.money), null, null, null, null, null],
    });
  }
  const lastItemRow = firstItemRow + Math.max(itemCells.length, 1) - 1;

  // Terms and totals, under the vendor columns: one block per row, each with its own format.
  let row = lastItemRow + 2;
  const line = (
    label: string,
    values: (vi: number) => Cell,
    format: string | null,
    bold = false,
  ): CellBlock => ({
    row: row++,
    column: 0,
    cells: [padded([label, ...vendors.map((_, vi) => values(vi))], width)],
    columnFormats: [null, ...vendors.map(() => format)],
    bold,
  });
  const pct = NUMBER_FORMATS.percent;
  const cash = NUMBER_FORMATS.money;
  blocks.push(
    line("Terms", vendorName, null, true),
    line("Days billed per week", (vi) => vendors[vi].terms.weekDays, NUMBER_FORMATS.quantity),
    line("Discount", (vi) => vendors[vi].terms.discount.toNumber(), pct),
    line("Loss & damage", (vi) => vendors[vi].terms.lossDamage.toNumber(), pct),
    line("Sales tax rate", (vi) => vendors[vi].terms.taxRate.toNumber(), pct),
    line("Delivery", (vi) => toMoney(vendors[vi].terms.delivery), cash),
    line("Pickup", (vi) => toMoney(vendors[vi].terms.pickup), cash),
  );
  row++;
  blocks.push(
    line("Totals", vendorName, null, true),
    line("Rental after discount", (vi) => toMoney(summaries[vi].cost.net), cash),
    line("Loss & damage", (vi) => toMoney(summaries[vi].cost.lossDamage), cash),
    line("Sales tax", (vi) => toMoney(summaries[vi].cost.tax), cash),
    line("Delivery and pickup", (vi) => toMoney(summaries[vi].orderCharges), cash),
    line("Vendor total", (vi) => toMoney(summaries[vi].total), cash, true),
    line("Items bid", (vi) => itemsBidText(summaries[vi], items.length), null),
  );
  row++;

  // Awards.
  const awardsRow = row;
  const awardCells: Cell[][] = [
    ["Award", "Vendors", "Total"],
    bestSingle
      ? ["Best single vendor", { text: awardVendors(comparison, bestSingle) }, toMoney(bestSingle.total)]
      : ["Best single vendor", "none: no vendor bid every item", null],
    [
      comparison.splitIsExact ? "Best split award" : "Split award (cheapest per item)",
      { text: awardVendors(comparison, bestSplit) },
      toMoney(bestSplit.total),
    ],
    ["Saving of the split award", null, saving === undefined ? null : saving.toNumber()],
  ];
  blocks.push(
    { row, column: 0, bold: true, cells: [awardCells[0]] },
    { row: row + 1, column: 0, cells: awardCells.slice(1), columnFormats: [null, null, cash] },
  );
  const layout: ComparisonLayout = {
    ...(bestSingle ? { singleTotal: a1(AWARD_TOTALS_ROW, 4, true) } : {}),
    splitTotal: a1(AWARD_TOTALS_ROW, 2, true),
  };
  const splitFormula = { formula: `=${a1(awardsRow + 2, 2, true)}` };
  const singleCells: Cell[] = bestSingle
    ? ["Best single", { formula: `=${a1(awardsRow + 1, 2, true)}` }]
    : options.splitForSingle
      ? ["Best single: none, split shown", splitFormula]
      : ["Best single", NO_SINGLE];
  const links = options.links ?? [];
  blocks.push({
    row: AWARD_TOTALS_ROW,
    column: 0,
    cells: [
      padded(
        [
          AWARD_TOTALS_LABEL,
          "Best split",
          splitFormula,
          ...singleCells,
          links.length > 0 ? "Linked from" : null,
          links.length > 0 ? { text: formatLinks(links) } : null,
        ],
        width,
      ),
    ],
    columnFormats: [null, null, cash, null, cash, null, null],
  });
  row += awardCells.length + 1;

  // Notes: duplicates, different quotes, rows left out while reading.
  const notes = [...comparison.notes, ...(options.problems ?? [])];
  if (notes.length > 0) {
    blocks.push(
      { row, column: 0, bold: true, cells: [["Notes"]] },
      { row: row + 1, column: 0, cells: notes.map((note): Cell[] => [{ text: note }]) },
    );
    row += notes.length + 2;
  }
  blocks.push(...detailBlocks(comparison, row));

  const sheet: SheetPlan = {
    name,
    mode: options.mode,
    markKey: COMPARISON_KEY,
    blocks,
    freeze: { rows: headerRow + 1, columns: 1 },
    columnWidths: [220, ...vendors.map(() => 110), 140, 140, 220, 220, 220],
    conditionalFormats:
      items.length > 0
        ? [
            {
              // Excel's own rule, per row: the lowest number among the vendor columns. A missing
              // bid is text ("not bid"), so ISNUMBER keeps it from ever being marked lowest.
              address: a1Range(firstItemRow, 1, items.length, n),
              formula: `=AND(ISNUMBER(${a1(firstItemRow, 1)}),${a1(firstItemRow, 1)}=MIN(${a1(firstItemRow, 1).replace(/^([A-Z]+)/, "$$$1")}:${a1(firstItemRow, n).replace(/^([A-Z]+)/, "$$$1")}))`,
              fill: LOWEST_FILL,
              fontColor: LOWEST_FONT,
              bold: true,
            },
          ]
        : undefined,
  };
  return { plan: { owner: BIDS_OWNER, sheets: [sheet], activate: name }, layout };
}

/** Headings of the line detail, one per column from A. */
const DETAIL_HEADINGS = [
  "Vendor",
  "Item as the vendor wrote it",
  "Compared as",
  "Row in file",
  "Qty",
  "Day rate",
  "Days",
  "Billed days",
  "Rental",
  "Discount",
  "Rental after discount",
  "Loss & damage",
  "Tax",
  "Landed cost",
  "Vendor's notes",
] as const;
/** Column of the landed cost in the line detail. */
const DETAIL_LANDED = DETAIL_HEADINGS.indexOf("Landed cost");

/**
 * The line detail (issue 17: "so a PM can check a figure against the quote"): per vendor, each
 * line as sent (its own wording, exactly, and its notes), the days it is billed for under the
 * vendor's week convention and each charge, in cents that add up across each row, to each
 * item's cost in the item table and, with delivery, pickup and rounding, to the vendor's total
 * (engine/bids/detail.ts).
 *
 * @param top - the 0-based row the section starts at
 */
function detailBlocks(comparison: Comparison, top: number): CellBlock[] {
  const { vendors, items } = comparison;
  const width = DETAIL_HEADINGS.length;
  const cash = NUMBER_FORMATS.money;
  const qty = NUMBER_FORMATS.quantity;
  const formats = [null, null, null, qty, qty, cash, null, qty, cash, cash, cash, cash, cash, cash, null];
  let row = top;
  const blocks: CellBlock[] = [
    { row: row++, column: 0, bold: true, cells: [padded(["Line detail"], width)] },
    {
      row: row++,
      column: 0,
      cells: [
        padded(
          [
            "Each vendor's lines as sent. Figures are rounded as running totals, so each row adds up to its landed cost and an item's lines to its cost above; a figure can differ by a cent from rounding it alone.",
          ],
          width,
        ),
      ],
    },
    { row: row++, column: 0, bold: true, cells: [[...DETAIL_HEADINGS]] },
  ];
  const trailer = (vendor: Cell, label: string, amount: number): Cell[] => {
    const cells = padded([vendor, label], width);
    cells[DETAIL_LANDED] = amount;
    return cells;
  };
  comparisonDetail(comparison).forEach((detail: VendorDetail, vi) => {
    const name: Cell = { text: vendors[vi].name };
    const lines = detail.lines.map((l): Cell[] => [
      name,
      { text: l.line.item },
      { text: items[l.item].name },
      l.line.row ?? null,
      l.line.qty.toNumber(),
      l.line.noCharge ? "no charge" : toMoney(l.line.dayRate),
      { text: `${rentalDaysText(l.days)}${l.fromSchedule ? " (schedule)" : ""}` },
      l.billedDays.toNumber(),
      toMoney(l.gross),
      toMoney(l.discount.negated()),
      toMoney(l.net),
      toMoney(l.lossDamage),
      toMoney(l.tax),
      toMoney(l.landed),
      l.line.notes === undefined ? null : { text: l.line.notes },
    ]);
    const charges = [trailer(name, "Delivery and pickup", toMoney(detail.orderCharges))];
    if (!detail.rounding.isZero())
      charges.push(
        trailer(
          name,
          "Rounding (the total is rounded once, each item to the cent)",
          toMoney(detail.rounding),
        ),
      );
    blocks.push(
      { row, column: 0, cells: [...lines, ...charges], columnFormats: formats },
      {
        row: row + lines.length + charges.length,
        column: 0,
        bold: true,
        cells: [trailer(name, "Vendor total", toMoney(detail.total))],
        columnFormats: formats,
      },
    );
    row += lines.length + charges.length + 2;
  });
  return blocks;
}
