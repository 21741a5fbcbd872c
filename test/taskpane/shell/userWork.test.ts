/*
 * What the user typed on a sheet PROD wrote, found and carried to the new output (userWork.ts):
 * exact places when the output gets wider or narrower, rows whose label is gone, figures typed
 * over PROD's formulas, the user's formulas, hostile text, and on rows with PROD's check: labels
 * retyped, formulas of the user's over PROD's; and a property: every typed cell is placed exactly
 * once, never on a cell PROD writes (its check included), never two on one cell.
 */
import fc from "fast-check";
import { deleteRowsIn } from "../../../src/excel/formulaRefs";
import { replaceQuestion } from "../../../src/taskpane/shell/ownedSheet";
import { a1, NUMBER_FORMATS, type Cell, type CellValue } from "../../../src/excel/port";
import {
  carriedWords,
  carryBlocks,
  checkColumnOf,
  CHECK_NOTE,
  findCheckColumn,
  findTypedCells,
  keptKey,
  lostChecks,
  overNote,
  placeTypedCells,
  readKeptRows,
  refersToOwnCells,
  rowCheck,
  typedWords,
  ROW_CHECK,
  type Carry,
  type OwnRow,
  type SheetCells,
} from "../../../src/taskpane/shell/userWork";
import { oldRowCheck } from "./oldRowCheck";

const SHEET = "Budget comparison";
const KEPT = "From the earlier comparison";
/** The key of a row by its label, as the test's rows have them ("2300 Sets" is "code 2300"). */
const codeKey = (label: string) => [`code ${label.split(" ")[0]}`];

/** A grid from A1, formulas where given (`=`), the rest values; number formats by A1 cell, else General. */
function grid(rows: CellValue[][], formats: Record<string, string> = {}): SheetCells {
  const width = Math.max(...rows.map((r) => r.length));
  const pad = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill("")]);
  return {
    row: 0,
    column: 0,
    formulas: pad,
    values: pad.map((r) => r.map((c) => (typeof c === "string" && c.startsWith("=") ? 7 : c))),
    numberFormats: pad.map((r, i) => r.map((_, j) => formats[a1(i, j)] ?? "General")),
  };
}

/** The old sheet's rows: title, header, two accounts and a total, 6 columns, notes in F. */
function oldRows(width = 6, notes: number | null = 5): OwnRow[] {
  const formulas = new Map([
    [2, "Current"],
    [3, "Approved (base)"],
    [4, "Difference: Current"],
  ]);
  const row = (r: number, key: string, label: string): OwnRow => ({
    row: r,
    key,
    label,
    width,
    notes,
    formulas,
  });
  return [
    { row: 0, key: "#title", label: "Budget comparison", width: 1, notes: null },
    { row: 1, key: "#header", label: "the header", width, notes: null },
    row(2, "code 1100", "1100 Story"),
    row(3, "code 2300", "2300 Sets"),
    row(4, "row Grand total", "Grand total"),
  ];
}

const OLD = grid([
  ["Budget comparison", "", "", "", "", "", "", "mine"],
  ["Account", "Description", "Current", "Approved (base)", "Difference: Current", "Your notes", "Who"],
  [1100, "Story", "=C1", "=D1", "=E1", "check rights", "Ann"],
  [2300, "Sets", "=C2", "=D2", 12500, "", "", "=SUM(A1)"],
  ["", "Grand total", "=C3", "=D3", "=E3", "", "", ""],
  [],
  ["", "total by hand", "", "", "", "", "", "='Top Sheet'!H5*2"],
]);

describe("finding what the user typed", () => {
  it("reads notes, cells beside PROD's rows, figures typed over formulas and cells on rows of the user's own", () => {
    const typed = findTypedCells(OLD, oldRows(), SHEET);
    expect(typed.map((t) => [t.kind, t.row, t.column, t.on?.key ?? null, t.value])).toEqual([
      ["beside", 0, 7, "#title", "mine"],
      ["beside", 1, 6, "#header", "Who"],
      ["note", 2, 5, "code 1100", "check rights"],
      ["beside", 2, 6, "code 1100", "Ann"],
      ["over", 3, 4, "code 2300", 12500],
      ["beside", 3, 7, "code 2300", 7],
      ["loose", 6, 1, null, "total by hand"],
      ["loose", 6, 7, null, 7],
    ]);
    expect(typed[4].over).toBe("Difference: Current");
    expect(typed[5].formula).toBe("=SUM(A1)");
  });

  it("reads nothing on a sheet as PROD wrote it", () => {
    const clean = grid([
      ["Budget comparison"],
      ["Account", "Description", "Current", "Approved (base)", "Difference: Current", "Your notes"],
      [1100, "Story", "=C1", "=D1", "=E1", ""],
    ]);
    expect(findTypedCells(clean, oldRows(), SHEET)).toEqual([]);
  });
});

/** What a cell PROD writes reads back as in Excel's `values` (a formula shows 7) and `formulas`. */
function asRead(cell: Cell): { value: CellValue; formula: CellValue } {
  if (cell === null) return { value: "", formula: "" };
  if (typeof cell !== "object") return { value: cell, formula: cell };
  if ("text" in cell) return { value: cell.text, formula: cell.text };
  return { value: 7, formula: cell.formula };
}

/** The sheet a carry was written on: PROD's rows blank, its kept part's labels and the carried cells. */
function carriedSheet(carry: Carry): SheetCells {
  const width = Math.max(9, ...carry.cells.map((c) => c.column + 1));
  const cells: CellValue[][] = Array.from({ length: carry.end }, () => Array<CellValue>(width).fill(""));
  for (const c of [...carry.labels, ...carry.cells]) cells[c.row][c.column] = asRead(c.cell).formula;
  const formats = Object.fromEntries(
    carry.cells.flatMap((c) => (c.format === null ? [] : [[a1(c.row, c.column), c.format]])),
  );
  return grid(cells, formats);
}

describe("rows that carry PROD's check of what it wrote (issue 21)", () => {
  const NOTES = 5;
  const CHECK = 6;
  /**
   * Where the rows PROD wrote (title, header, two accounts, a total) are on the sheet as read:
   * the nth at `n + at`, or at `at(n)`. `2` is two rows the user inserted above; `(n) => n + (n
   * > 2 ? 1 : 0)` one inserted between the two accounts, inside the total's SUM.
   */
  type Placing = number | ((n: number) => number);
  const placing = (at: Placing) => (typeof at === "number" ? (n: number) => n + at : at);
  /** What PROD wrote, from A1, its references as Excel moved them with the rows (`at`). */
  function written(at: Placing = 0): Cell[][] {
    const r = (n: number) => placing(at)(n) + 1;
    return [
      ["Budget comparison"],
      [
        "Account",
        "Description",
        { text: "Current" },
        { text: "Approved (base)" },
        { text: "Difference: Current" },
        "Your notes",
      ],
      [
        1100,
        { text: "Story" },
        { formula: `=C${r(2)}` },
        { formula: `=D${r(2)}` },
        { formula: `=ROUND(C${r(2)}-D${r(2)},2)` },
        null,
      ],
      [
        2300,
        { text: "Sets" },
        { formula: `=C${r(3)}` },
        { formula: `=D${r(3)}` },
        { formula: `=ROUND(C${r(3)}-D${r(3)},2)` },
        null,
      ],
      [
        null,
        "Grand total",
        { formula: `=SUM(C${r(2)}:C${r(3)})` },
        { formula: `=D${r(2)}+D${r(3)}` },
        { formula: `=ROUND(C${r(4)}-D${r(4)},2)` },
        null,
      ],
    ];
  }
  /** The rows as a panel describes them, placed as `at` says (rows the user inserted). */
  function rows(at: Placing = 0, check: number | null = CHECK): OwnRow[] {
    const formulas = new Map([
      [2, "Current"],
      [3, "Approved (base)"],
      [4, "Difference: Current"],
    ]);
    const headings = new Map([
      [0, "Account"],
      [1, "Description"],
    ]);
    const row = (r: number, key: string, label: string): OwnRow => ({
      row: placing(at)(r),
      key,
      label,
      width: NOTES + 1,
      notes: NOTES,
      formulas,
      headings,
      check,
    });
    return [
      { row: placing(at)(0), key: "#title", label: "Budget comparison", width: 1, notes: null, check },
      { row: placing(at)(1), key: "#header", label: "the header", width: NOTES + 1, notes: null, check },
      row(2, "code 1100", "1100 Story"),
      row(3, "code 2300", "2300 Sets"),
      row(4, "row Grand total", "Grand total"),
    ];
  }
  /** The nth row's check as PROD wrote it, before the user inserted any rows. */
  const checkOf = (n: number): Cell =>
    rowCheck(written()[n], n < 2 ? null : NOTES, { sheet: SHEET, row: n, checked: new Set([0, 1, 2, 3, 4]) });
  /**
   * The nth row's check as PROD wrote it before it kept where formulas point (no version): a
   * hash of what each cell reads back as, a formula by its shape. Sheets written so are read so.
   */
  const oldCheckOf = (n: number): Cell => oldRowCheck(written()[n], n < 2 ? null : NOTES);
  /** The sheet as read: what PROD wrote (placed as `at` says) with each row's check in G, then `edit`. */
  function sheet(
    edit: (cells: { value: CellValue; formula: CellValue }[][]) => void = () => {},
    at: Placing = 0,
    check: (n: number) => Cell = checkOf,
  ) {
    const prod = written(at);
    const place = placing(at);
    const cells = Array.from({ length: place(prod.length - 1) + 1 }, () =>
      Array.from({ length: 9 }, () => asRead(null)),
    );
    prod.forEach((line, i) => {
      cells[place(i)] = [
        ...Array.from({ length: CHECK }, (_, c) => asRead(line[c] ?? null)),
        // The check as PROD wrote it, before the user inserted any rows.
        asRead(check(i)),
        asRead(null),
        asRead(null),
      ];
    });
    edit(cells);
    return {
      row: 0,
      column: 0,
      values: cells.map((l) => l.map((c) => c.value)),
      formulas: cells.map((l) => l.map((c) => c.formula)),
      numberFormats: cells.map((l) => l.map(() => "General")),
    };
  }
  const put = (value: CellValue, formula: CellValue = value) => ({ value, formula });
  /** A sheet of one row PROD wrote as `line`, its check right of it. */
  const oneRow = (line: Cell[]): OwnRow => ({
    row: 0,
    key: "one",
    label: "One",
    width: line.length,
    notes: null,
    check: line.length,
  });
  /** That row as read: `values` and `formulas` of its cells, then its check as PROD wrote it. */
  const oneRowRead = (line: Cell[], values: CellValue[], formulas: CellValue[]): SheetCells => {
    const check = rowCheck(line, null, { sheet: SHEET, row: 0, checked: new Set([0]) }).text;
    return {
      row: 0,
      column: 0,
      values: [[...values, check]],
      formulas: [[...formulas, check]],
      numberFormats: [Array<string>(values.length + 1).fill("General")],
    };
  };

  it("writes the check as text that starts with its own heading, one short hash per cell of PROD's", () => {
    const check = rowCheck(written()[2], NOTES, { sheet: SHEET, row: 2, checked: new Set([2, 3]) });
    expect(check.text.startsWith(ROW_CHECK)).toBe(true);
    // Its version and the row PROD wrote it on (as the user counts), then five cells of PROD's
    // (the notes column is the user's): a hash of 8 hex digits each; a formula's with where its
    // references point (the row as written, the column from the formula's: C3 from E3 is 3.-2).
    expect(check.text.slice(ROW_CHECK.length).trim().split(" ")).toEqual([
      "v2",
      "r3",
      ...Array(2).fill(expect.stringMatching(/^[0-9a-f]{8}$/)),
      expect.stringMatching(/^[0-9a-f]{8}@3\.0$/),
      expect.stringMatching(/^[0-9a-f]{8}@3\.0$/),
      expect.stringMatching(/^[0-9a-f]{8}@3\.-2;3\.-1$/),
    ]);
    expect(findCheckColumn(sheet(), 2, NOTES + 1)).toBe(CHECK);
    expect(findCheckColumn(sheet(), 2, CHECK + 1)).toBeNull();
  });

  it("finds nothing on a sheet as PROD wrote it, nor after Excel moved its references", () => {
    expect(findTypedCells(sheet(), rows(), SHEET)).toEqual([]);
    // The user inserted two rows above: Excel moved every reference down by two.
    const moved = sheet(() => {}, 2);
    expect(moved.formulas[4][2]).toBe("=C5");
    expect(findTypedCells(moved, rows(2), SHEET)).toEqual([]);
    expect(lostChecks(sheet(), rows())).toEqual([]);
  });

  it("finds a retyped label or heading, a formula of the user's over PROD's, and a figure over a formula", () => {
    const edited = sheet((cells) => {
      cells[1][2] = put("Now"); // a heading retyped
      cells[3][1] = put("Sets (revised)"); // a label retyped
      cells[2][4] = put(14, "=C3*2"); // the user's formula over PROD's
      cells[3][4] = put(12500); // a figure over a formula, as before
      cells[4][0] = put("see below"); // typed where PROD left the cell blank
      cells[4][3] = put("", ""); // a figure deleted: nothing of the user's to keep
    });
    const typed = findTypedCells(edited, rows(), SHEET);
    expect(
      typed.map((t) => [t.kind, t.row, t.column, t.value, t.formula, t.over ?? null, t.under ?? null]),
    ).toEqual([
      ["over", 1, 2, "Now", null, null, "content"],
      ["over", 2, 4, 14, "=C3*2", "Difference: Current", "formula"],
      ["over", 3, 1, "Sets (revised)", null, "Description", "content"],
      ["over", 3, 4, 12500, null, "Difference: Current", "formula"],
      ["beside", 4, 0, "see below", null, null, null],
    ]);
    expect(typed.map((t) => overNote(t)).slice(0, 4)).toEqual([
      `You retyped PROD's cell C2 as "Now" in the earlier sheet; PROD's own is back in its place.`,
      `You wrote the formula =C3*2 (it showed 14) over "Difference: Current" (E3) in the earlier sheet; PROD's formula is back in its place.`,
      `You retyped PROD's "Description" (B4) as "Sets (revised)" in the earlier sheet; PROD's own is back in its place.`,
      `You typed 12,500 over "Difference: Current" (E4) in the earlier sheet; PROD's formula is back in its place.`,
    ]);
    expect(typedWords(typed)).toEqual([
      // Not "beside": named by PROD's column heading, so the user finds it.
      `1 cell typed where PROD left its cell blank ("see below" in "Account" of Grand total (A5))`,
      `1 figure typed over PROD's formulas (12,500 over "Difference: Current" of 2300 Sets (E4))`,
      `1 formula of yours written over PROD's formulas (=C3*2 over "Difference: Current" of 1100 Story (E3))`,
      `2 of PROD's labels or figures retyped ("Now" over C2 of the header, "Sets (revised)" over "Description" of 2300 Sets (B4))`,
    ]);
  });

  it("names a cell typed where PROD left its cell blank by its column's heading, by its address where PROD names none, apart from the cells beside rows", () => {
    const edited = sheet((cells) => {
      cells[4][0] = put(1.3); // the Grand total's blank "Account"
      cells[4][7] = put("ask"); // beside it, right of the check
      cells[4][NOTES] = put("mine"); // its note
    });
    const typed = findTypedCells(edited, rows(), SHEET);
    expect(typed.map((t) => [t.kind, a1(t.row, t.column), t.heading ?? null])).toEqual([
      ["beside", "A5", "Account"],
      ["note", "F5", null],
      ["beside", "H5", null],
    ]);
    expect(typedWords(typed)).toEqual([
      "2 cells beside 1 row (Grand total)",
      `1 cell typed where PROD left its cell blank (1.3 in "Account" of Grand total (A5))`,
    ]);
    const unnamed = rows().map(({ headings: _headings, ...row }) => row);
    expect(typedWords(findTypedCells(edited, unnamed, SHEET))).toEqual([
      "2 cells beside 1 row (Grand total)",
      "1 cell typed where PROD left its cell blank (1.3 in A5 of Grand total)",
    ]);
  });

  it("puts a cell typed where PROD left its cell blank at the first free column right of PROD's, and says so", () => {
    const edited = sheet((cells) => {
      cells[4][0] = put(1.3); // the Grand total's blank "Account"
      cells[4][7] = put("ask"); // beside it, right of the check (H)
      cells[4][NOTES] = put("mine"); // its note
    });
    const typed = findTypedCells(edited, rows(), SHEET);
    // The new output is wider (notes in H, the check in I): what was beside stays one right of
    // the check (J); 1.3 goes to the first free column right of PROD's, I being the check: K.
    const wider = rows().map((own) => ({
      ...own,
      width: own.width + 2,
      notes: own.notes === null ? null : 7,
      check: 8,
    }));
    const carry = placeTypedCells(typed, wider, SHEET, {
      start: 6,
      width: 8,
      notes: 7,
      heading: KEPT,
      check: 8,
    });
    expect(carry.cells.map((p) => [a1(p.row, p.column), p.cell])).toEqual([
      ["H5", { text: "mine" }],
      ["J5", { text: "ask" }],
      ["K5", 1.3],
    ]);
    expect(carriedWords(carry, KEPT, false)).toBe(
      "2 cells of yours will be carried to the rows with the same labels; 1 cell you typed where PROD left its cell blank will be put beside its row, in the first free column right of PROD's.",
    );
    // An output narrower than the earlier one: still beside its row (it was put at column -4).
    const narrow = rows().map((own) => ({
      ...own,
      width: 2,
      notes: own.notes === null ? null : 1,
      check: 2,
    }));
    const blank = findTypedCells(
      sheet((cells) => (cells[4][0] = put(1.3))),
      rows(),
      SHEET,
    );
    const placed = placeTypedCells(blank, narrow, SHEET, {
      start: 6,
      width: 2,
      notes: 1,
      heading: KEPT,
      check: 2,
    });
    expect(placed.cells.map((p) => a1(p.row, p.column))).toEqual(["D5"]);
    expect(carriedWords(placed, KEPT, true)).toBe(
      "1 cell you typed where PROD left its cell blank put beside its row, in the first free column right of PROD's.",
    );
  });

  it("tells a figure PROD wrote as a value from the same figure typed, or a formula of the user's that gives it", () => {
    // A comparison of values (as the Scenario comparison writes): 1,000 in C, text "=x" in D.
    const line: Cell[] = [{ text: "Grand total" }, null, 1000, { text: "=x" }];
    const own = oneRow(line);
    const read = (c: CellValue, cf: CellValue = c, d: CellValue = "=x") =>
      oneRowRead(line, ["Grand total", "", c, d], ["Grand total", "", cf, d]);
    expect(findTypedCells(read(1000), [own], SHEET)).toEqual([]);
    expect(findTypedCells(read(1000.0000000000001), [own], SHEET)).toEqual([]);
    expect(findTypedCells(read(1250), [own], SHEET).map((t) => [t.column, t.value, t.under])).toEqual([
      [2, 1250, "content"],
    ]);
    expect(findTypedCells(read(1000, "=999+1"), [own], SHEET).map((t) => [t.column, t.formula])).toEqual([
      [2, "=999+1"],
    ]);
    expect(findTypedCells(read(1000, 1000, "=y"), [own], SHEET).map((t) => [t.column, t.value])).toEqual([
      [3, "=y"],
    ]);
  });

  it("carries each as a note beside its row, PROD's cell back, and never on the new check column", () => {
    const typed = findTypedCells(
      sheet((cells) => {
        cells[3][1] = put("Sets (revised)");
        cells[2][4] = put(14, "=C3*2");
        cells[2][5] = put("my note");
      }),
      rows(),
      SHEET,
    );
    const carry = placeTypedCells(typed, rows(), SHEET, { start: 7, width: 6, notes: 5, heading: KEPT });
    expect(carry.cells.map((p) => [p.row, p.column, p.cell])).toEqual([
      [2, 5, { text: "my note" }],
      // 1100's notes column is taken by the user's note: the next free column past the check.
      [2, 7, { text: overNote(typed[0]) }],
      [3, 5, { text: overNote(typed[2]) }],
    ]);
    expect(carriedWords(carry, KEPT, false)).toBe(
      "1 cell of yours will be carried to the rows with the same labels; 2 cells you typed over PROD's labels, figures or formulas will be kept as notes beside their rows, with PROD's own back in their place.",
    );
  });

  it("says PROD's own is back only on the rows the new output has: a cell typed over one of PROD's on a row gone is kept under the heading, nothing put back", () => {
    const typed = findTypedCells(
      sheet((cells) => {
        cells[3][1] = put("Sets (revised)"); // 2300, which the new output drops
        cells[3][4] = put(12500); // a figure over 2300's formula
        cells[2][1] = put("Story (revised)"); // 1100, still there
      }),
      rows(),
      SHEET,
    );
    const carry = placeTypedCells(
      typed,
      rows().filter((r) => r.key !== "code 2300"),
      SHEET,
      { start: 7, width: 6, notes: 5, heading: KEPT, check: CHECK },
    );
    expect(carry.cells.map((p) => [a1(p.row, p.column), p.where, p.cell])).toEqual([
      [
        "F3",
        "row",
        {
          text: `You retyped PROD's "Description" (B3) as "Story (revised)" in the earlier sheet; PROD's own is back in its place.`,
        },
      ],
      [
        "F9",
        "kept",
        {
          text: `You retyped PROD's "Description" (B4) as "Sets (revised)" in the earlier sheet, on a row the next sheet did not have: PROD kept it as this note and put nothing back.`,
        },
      ],
      [
        "H9",
        "kept",
        {
          text: `You typed 12,500 over "Difference: Current" (E4) in the earlier sheet, on a row the next sheet did not have: PROD kept it as this note and put nothing back.`,
        },
      ],
    ]);
    expect(carry.labels.map((l) => [a1(l.row, l.column), l.cell])).toEqual([
      ["A8", { text: KEPT }],
      ["A9", { text: "2300 Sets" }],
    ]);
    expect(carriedWords(carry, KEPT, false)).toBe(
      `1 cell you typed over PROD's labels, figures or formulas will be kept as a note beside its row, with PROD's own back in its place; 2 cells you typed over PROD's labels, figures or formulas on 1 row the new sheet does not have (2300 Sets) will be kept as notes under "${KEPT}", beside the row's label, with nothing put back in their place.`,
    );
    // Only gone rows: nothing is said to be back anywhere.
    const gone = placeTypedCells(
      typed.filter((t) => t.on?.key === "code 2300" && t.column === 4),
      rows().filter((r) => r.key !== "code 2300"),
      SHEET,
      { start: 7, width: 6, notes: 5, heading: KEPT, check: CHECK },
    );
    expect(carriedWords(gone, KEPT, true)).toBe(
      `1 figure you typed over PROD's formulas on 1 row the new sheet does not have (2300 Sets) kept as a note under "${KEPT}", beside the row's label, with nothing put back in its place.`,
    );
  });

  it("puts nothing of the user's in the hidden check column on any row, kept rows and rows of their own included", () => {
    // A sheet from before checks: cells beside the table's rows start in G, where the new
    // output's check column is now; one row's label is gone, one row is the user's own.
    const typed = findTypedCells(
      sheet((cells) => {
        for (const line of cells) line.splice(CHECK, 1);
        cells[3][CHECK] = put("beside 2300");
        cells[4][CHECK] = put("beside total");
        cells.push(
          [],
          Array.from({ length: 8 }, (_, c) => put(c === CHECK || c === CHECK + 1 ? `own ${c}` : "")),
        );
      }),
      rows().map(({ check: _check, ...row }) => row),
      SHEET,
    );
    const without2300 = rows().filter((r) => r.key !== "code 2300");
    const carry = placeTypedCells(typed, without2300, SHEET, {
      start: 7,
      width: 6,
      notes: 5,
      heading: KEPT,
      check: CHECK,
    });
    expect(carry.cells.map((p) => [p.from.value, p.row, p.column])).toEqual([
      ["beside 2300", 8, CHECK + 1],
      ["beside total", 4, CHECK + 1],
      ["own 6", 10, CHECK + 1],
      ["own 7", 10, CHECK + 2],
    ]);
  });

  it("falls back to today's rule on a row whose check was deleted or typed over, and says so", () => {
    const edited = sheet((cells) => {
      cells[3][CHECK] = put(""); // 2300's check deleted
      cells[4][CHECK] = put("mine"); // the Grand total's typed over
      cells[3][1] = put("Sets (revised)"); // not told any more: replaced
      cells[3][4] = put(12500); // still told: a figure over a formula
      cells[4][1] = put("Total (mine)");
    });
    const typed = findTypedCells(edited, rows(), SHEET);
    expect(typed.map((t) => [t.kind, t.row, t.column, t.value])).toEqual([
      // PROD's cells of the rows, whoever wrote them: kept with the row if the new output drops it.
      ["row", 3, 1, "Sets (revised)"],
      ["row", 3, 2, 7],
      ["row", 3, 3, 7],
      ["over", 3, 4, 12500],
      ["row", 4, 1, "Total (mine)"],
      ["row", 4, 2, 7],
      ["row", 4, 3, 7],
      ["row", 4, 4, 7],
      // What the user typed in the check cell is theirs, kept as a cell beside the row.
      ["beside", 4, CHECK, "mine"],
    ]);
    const lost = lostChecks(edited, rows());
    expect(lost.map((r) => r.label)).toEqual(["2300 Sets", "Grand total"]);
    // Asked about before the replace, in plain words, even when nothing else was typed.
    const facts = {
      sheet: SHEET,
      what: "a budget comparison",
      reclaim: false,
      typed: [],
      // The new output has every row of the earlier one.
      carry: { cells: [], labels: [], end: 0, rows: new Set(rows().map((r) => r.key)) },
      keptHeading: KEPT,
      links: { cells: [], names: [] },
    };
    expect(replaceQuestion(facts)).toBeNull();
    // PROD's cells of those rows are not said to be typed: the words on the rows say what happens.
    const rowCells = typed.filter((t) => t.kind === "row");
    expect(replaceQuestion({ ...facts, typed: rowCells, lost })?.message).toBe(
      "PROD's hidden check of what it wrote is gone from 2 rows (2300 Sets, Grand total), so on them PROD cannot tell a label or formula you retyped from its own, and puts its own back; notes, cells beside the rows and figures typed over formulas are still kept. Comparing replaces it with this comparison.",
    );
  });

  it("says PROD's own is put back only on the rows whose check is gone that the new output has, and that it keeps the others as they read", () => {
    const edited = sheet((cells) => {
      cells[2][CHECK] = put(""); // 1100's check deleted
      cells[3][CHECK] = put(""); // 2300's too
    });
    const lost = lostChecks(edited, rows());
    const facts = (keys: readonly string[], inputs?: string) => ({
      sheet: SHEET,
      what: "a budget comparison",
      reclaim: false,
      typed: [],
      lost,
      carry: { cells: [], labels: [], end: 0, rows: new Set(keys) },
      keptHeading: KEPT,
      links: { cells: [], names: [] },
      ...(inputs === undefined ? {} : { inputs }),
    });
    const all = rows().map((r) => r.key);
    const asked = (keys: readonly string[], inputs?: string) => replaceQuestion(facts(keys, inputs))?.message;
    // 2300 filtered out of the new comparison: nothing of PROD's is put back there.
    expect(asked(all.filter((k) => k !== "code 2300"))).toBe(
      `PROD's hidden check of what it wrote is gone from 2 rows (1100 Story, 2300 Sets), so on them PROD cannot tell a label or formula you retyped from its own: on 1100 Story it puts its own back; the new sheet does not have 2300 Sets, so it keeps the row under "${KEPT}" by its label, its cells as they read (a formula pointing at cells of this sheet as its value); notes, cells beside the rows and figures typed over formulas are still kept. Comparing replaces it with this comparison.`,
    );
    expect(asked(all.filter((k) => !k.startsWith("code ")))).toBe(
      `PROD's hidden check of what it wrote is gone from 2 rows (1100 Story, 2300 Sets), so on them PROD cannot tell a label or formula you retyped from its own; the new sheet does not have them, so it keeps each under "${KEPT}" by its label, its cells as they read (a formula pointing at cells of this sheet as its value); notes, cells beside the rows and figures typed over formulas are still kept. Comparing replaces it with this comparison.`,
    );
    // The new output's rows not known (nothing typed was laid out): each rule of the rows it is true of.
    expect(
      replaceQuestion({ ...facts(all), carry: { cells: [], labels: [], end: 0, rows: null } })?.message,
    ).toBe(
      `PROD's hidden check of what it wrote is gone from 2 rows (1100 Story, 2300 Sets), so on them PROD cannot tell a label or formula you retyped from its own: where the new sheet has the row it puts its own back; a row it does not have it keeps under "${KEPT}" by its label, its cells as they read (a formula pointing at cells of this sheet as its value); notes, cells beside the rows and figures typed over formulas are still kept. Comparing replaces it with this comparison.`,
    );
    // The cells a sheet invites the user to change (the Incentive comparison's) are kept when not the pane's.
    const inputs = "a program's Settings or Exchange rate that is not the pane's";
    expect(asked(all, inputs)).toBe(
      "PROD's hidden check of what it wrote is gone from 2 rows (1100 Story, 2300 Sets), so on them PROD cannot tell a label or formula you retyped from its own, and puts its own back, except a program's Settings or Exchange rate that is not the pane's, which it keeps; notes, cells beside the rows and figures typed over formulas are still kept. Comparing replaces it with this comparison.",
    );
    expect(
      asked(
        all.filter((k) => k !== "code 1100"),
        inputs,
      ),
    ).toBe(
      `PROD's hidden check of what it wrote is gone from 2 rows (1100 Story, 2300 Sets), so on them PROD cannot tell a label or formula you retyped from its own: on 2300 Sets it puts its own back, except a program's Settings or Exchange rate that is not the pane's, which it keeps; the new sheet does not have 1100 Story, so it keeps the row under "${KEPT}" by its label, its cells as they read (a formula pointing at cells of this sheet as its value); notes, cells beside the rows and figures typed over formulas are still kept. Comparing replaces it with this comparison.`,
    );
  });

  describe("a row whose check is gone that the new output does not have (the total, left out)", () => {
    /** The total's check deleted; the user retyped its label, typed a figure over PROD's, wrote a formula of theirs and a note. */
    const edited = (): SheetCells => {
      const cells = sheet((c) => {
        c[4][CHECK] = put("");
        c[4][1] = put("Total (mine)");
        c[4][3] = put(12500);
        c[4][4] = put(7, "=C5*2");
        c[4][NOTES] = put("ask Ann");
      });
      const formats = cells.numberFormats.map((l, r) =>
        l.map((f, c) => (r === 4 && c === 2 ? NUMBER_FORMATS.money : f)),
      );
      return { ...cells, numberFormats: formats };
    };
    /** The new output: the title, the header and `keys`, 6 wide with notes in F and its check in G. */
    const newOutput = (keys: readonly string[] = ["code 1100", "code 2300"]): OwnRow[] => [
      { row: 0, key: "#title", label: "Budget comparison", width: 1, notes: null, check: CHECK },
      { row: 1, key: "#header", label: "the header", width: NOTES + 1, notes: null, check: CHECK },
      ...keys.map((key, i) => ({
        row: 2 + i,
        key,
        label: key,
        width: NOTES + 1,
        notes: NOTES,
        check: CHECK,
      })),
    ];
    const layout = { start: 5, width: NOTES + 1, notes: NOTES, heading: KEPT, check: CHECK };
    const over = `You typed 12,500 over "Approved (base)" (D5) in the earlier sheet, on a row the next sheet did not have: PROD kept it as this note and put nothing back.`;

    it("keeps it whole under the heading by its label, each cell of PROD's in its column as it reads: nothing retyped there is lost", () => {
      const cells = edited();
      const typed = findTypedCells(cells, rows(), SHEET);
      const carry = placeTypedCells(typed, newOutput(), SHEET, layout);
      expect(carry.labels.map((l) => [a1(l.row, l.column), l.cell])).toEqual([
        ["A6", { text: KEPT }],
        ["A7", { text: "Grand total" }],
      ]);
      expect(carry.cells.map((p) => [a1(p.row, p.column), p.cell, p.asValue, p.format, p.where])).toEqual([
        ["F7", { text: "ask Ann" }, false, "General", "kept"],
        ["B7", { text: "Total (mine)" }, false, "General", "kept"],
        // PROD's SUM and the user's =C5*2 point at cells of this sheet: their values, each in its format.
        ["C7", 7, true, NUMBER_FORMATS.money, "kept"],
        ["E7", 7, true, "General", "kept"],
        // The figure typed over PROD's formula is told: its note, past the hidden check column.
        ["H7", { text: over }, false, null, "kept"],
      ]);
      const facts = {
        sheet: SHEET,
        what: "a budget comparison",
        reclaim: false,
        typed,
        lost: lostChecks(cells, rows()),
        carry,
        keptHeading: KEPT,
        links: { cells: [], names: [] },
      };
      expect(replaceQuestion(facts)?.message).toBe(
        `You typed on it: 1 cell beside 1 row (Grand total); 1 figure typed over PROD's formulas (12,500 over "Approved (base)" of Grand total (D5)). 1 cell will be kept under "${KEPT}" (1 row the new sheet does not have: Grand total); 1 figure you typed over PROD's formulas on 1 row the new sheet does not have (Grand total) will be kept as a note under "${KEPT}", beside the row's label, with nothing put back in its place. PROD's hidden check of what it wrote is gone from 1 row (Grand total), so on it PROD cannot tell a label or formula you retyped from its own; the new sheet does not have it, so it keeps the row under "${KEPT}" by its label, its cells as they read (a formula pointing at cells of this sheet as its value); notes, cells beside the rows and figures typed over formulas are still kept. Comparing replaces it with this comparison.`,
      );
      expect(carriedWords(carry, KEPT, true)).toBe(
        `1 cell kept under "${KEPT}" (1 row the new sheet does not have: Grand total); 1 figure you typed over PROD's formulas on 1 row the new sheet does not have (Grand total) kept as a note under "${KEPT}", beside the row's label, with nothing put back in its place; 1 row whose check was gone that the new sheet does not have (Grand total) kept under "${KEPT}" by its label, its cells as they read (3 cells; formulas pointing at cells of this sheet as their values).`,
      );
      // Where the new output has the row, PROD's own is back: only the note and the figure's note are carried.
      const back = placeTypedCells(typed, newOutput(["code 1100", "row Grand total"]), SHEET, layout);
      expect(back.cells.map((p) => [a1(p.row, p.column), p.from.kind])).toEqual([
        ["F4", "note"],
        ["H4", "over"],
      ]);
      expect(back.labels).toEqual([]);
    });

    it("keeps it once when compared again and again, and puts its cells beside the row when the new output has it again", () => {
      const first = placeTypedCells(findTypedCells(edited(), rows(), SHEET), newOutput(), SHEET, layout);
      const spots = (carry: Carry) =>
        [...carry.labels, ...carry.cells]
          .sort((a, b) => a.row - b.row || a.column - b.column)
          .map((p) => [a1(p.row, p.column), p.cell]);
      /** What is found on the sheet `carry` was written on, its kept part read back (readKeptRows). */
      const found = (carry: Carry) => {
        const written = carriedSheet(carry);
        const earlier = [
          ...newOutput(),
          ...readKeptRows(written, KEPT, NOTES + 1, NOTES, () => ["row Grand total"]),
        ];
        return findTypedCells(written, earlier, SHEET);
      };
      const again = (carry: Carry, keys?: readonly string[]) =>
        placeTypedCells(found(carry), newOutput(keys), SHEET, layout);
      const second = again(first);
      const third = again(second);
      // The same kept row, the same cells in the same places, the money still money: no copy piles up.
      expect(spots(second)).toEqual(spots(first));
      expect(spots(third)).toEqual(spots(first));
      expect(third.cells.find((p) => p.column === 2)?.format).toBe(NUMBER_FORMATS.money);
      expect(typedWords(found(first))).toEqual([
        "2 cells beside 1 row (Grand total)",
        "3 cells on 1 row kept from an earlier sheet (Grand total)",
      ]);
      // The total is back: the note to the notes column, the rest beside it; PROD's own in its columns.
      const back = again(third, ["code 1100", "code 2300", "row Grand total"]);
      expect(back.labels).toEqual([]);
      expect(back.cells.map((p) => [a1(p.row, p.column), p.cell, p.where])).toEqual([
        ["F5", { text: "ask Ann" }, "back"],
        ["H5", { text: over }, "back"],
        ["I5", { text: "Total (mine)" }, "back"],
        ["J5", 7, "back"],
        ["K5", 7, "back"],
      ]);
      expect(carriedWords(back, KEPT, true)).toBe(
        `5 cells that were kept under "${KEPT}" moved back to the row the new sheet has again: Grand total.`,
      );
    });
  });

  it("names the rows the new output has, for the words on rows whose check is gone", () => {
    const carry = placeTypedCells([], rows().slice(0, 3), SHEET, {
      start: 7,
      width: 6,
      notes: 5,
      heading: KEPT,
    });
    expect([...(carry.rows ?? [])]).toEqual(["#title", "#header", "code 1100"]);
  });

  /** One row inserted between the two accounts: inside the total's SUM(C3:C4), which Excel widens. */
  const between = (n: number) => n + (n > 2 ? 1 : 0);

  it("reads PROD's formulas as PROD's after rows are inserted above, between its rows and inside a SUM", () => {
    const inside = sheet(undefined, between);
    expect(inside.formulas[5][2]).toBe("=SUM(C3:C5)");
    expect(inside.formulas[4][4]).toBe("=ROUND(C5-D5,2)");
    expect(findTypedCells(inside, rows(between), SHEET)).toEqual([]);
    const both = (n: number) => between(n) + 2;
    const moved = sheet(undefined, both);
    expect(findTypedCells(moved, rows(both), SHEET)).toEqual([]);
    expect(lostChecks(moved, rows(both))).toEqual([]);
  });

  it("reads PROD's formulas as PROD's after the user deleted a row PROD wrote: a SUM Excel shrank, a #REF! it left", () => {
    // 1100's row (3) deleted, as Excel deletes it (deleteRowsIn): the total's SUM(C3:C4) starts on
    // 2300's row, and its D3+D4 points at a row that is gone.
    const whole = sheet();
    const cut = <T>(lines: readonly (readonly T[])[]) => [...lines.slice(0, 2), ...lines.slice(3)];
    const moved = (f: CellValue) =>
      typeof f === "string" && f.startsWith("=") ? deleteRowsIn(f, SHEET, 2, 1, SHEET) : f;
    const deleted = {
      ...whole,
      values: cut(whole.values),
      formulas: cut(whole.formulas).map((l) => l.map(moved)),
      numberFormats: cut(whole.numberFormats),
    };
    expect(deleted.formulas[3].slice(2, 4)).toEqual(["=SUM(C3:C3)", "=#REF!+D3"]);
    const left = rows().flatMap((own) =>
      own.key === "code 1100" ? [] : [{ ...own, row: own.row > 2 ? own.row - 1 : own.row }],
    );
    expect(findTypedCells(deleted, left, SHEET)).toEqual([]);
    // The same by hand, with every row still there: the user's.
    const byHand = sheet((cells) => {
      cells[4][2] = put(7, "=SUM(C4:C4)");
      cells[4][3] = put(7, "=#REF!+D4");
    });
    expect(findTypedCells(byHand, rows(), SHEET).map((t) => [t.kind, a1(t.row, t.column)])).toEqual([
      ["over", "C5"],
      ["over", "D5"],
    ]);
  });

  it("tells a reference the user pointed elsewhere by hand, and says PROD's formula as it read then", () => {
    const edited = sheet((cells) => {
      cells[2][4] = put(7, "=ROUND(C3-D6,2)"); // 1100's difference against the total's D
      cells[4][4] = put(7, "=ROUND(C5-C5,2)"); // 2300's against its own C: another column
      cells[5][2] = put(7, "=SUM(C3:C4)"); // the total's SUM ends on the row inserted by hand
      cells[5][3] = put(7, "=$D$3+D5"); // Excel's own `$`s: where it points is what counts
    }, between);
    const typed = findTypedCells(edited, rows(between), SHEET);
    expect(typed.map((t) => [t.kind, a1(t.row, t.column), t.formula, t.prod, t.over])).toEqual([
      ["over", "E3", "=ROUND(C3-D6,2)", "=ROUND(C3-D3,2)", "Difference: Current"],
      ["over", "E5", "=ROUND(C5-C5,2)", "=ROUND(C5-D5,2)", "Difference: Current"],
      ["over", "C6", "=SUM(C3:C4)", "=SUM(C3:C5)", "Current"],
    ]);
    expect(overNote(typed[0])).toBe(
      `You changed PROD's formula in "Difference: Current" (E3) from =ROUND(C3-D3,2) to =ROUND(C3-D6,2) (it showed 7) in the earlier sheet; PROD's formula is back in its place.`,
    );
    expect(typedWords(typed)).toEqual([
      `3 of PROD's formulas pointed at other cells by hand ("Difference: Current" of 1100 Story (E3) from =ROUND(C3-D3,2) to =ROUND(C3-D6,2), "Difference: Current" of 2300 Sets (E5) from =ROUND(C5-D5,2) to =ROUND(C5-C5,2), "Current" of Grand total (C6) from =SUM(C3:C5) to =SUM(C3:C4))`,
    ]);
    const carry = placeTypedCells(typed, rows(), SHEET, { start: 7, width: 6, notes: 5, heading: KEPT });
    expect(carry.cells.map((p) => [a1(p.row, p.column), p.cell])).toEqual([
      ["F3", { text: overNote(typed[0]) }],
      ["F4", { text: overNote(typed[1]) }],
      ["F5", { text: overNote(typed[2]) }],
    ]);
    expect(carriedWords(carry, KEPT, false)).toBe(
      "3 cells you typed over PROD's labels, figures or formulas will be kept as notes beside their rows, with PROD's own back in their place.",
    );
  });

  it.each([
    ["as written", 0 as Placing],
    ["with a row inserted between its neighbours", between],
    ["with two rows inserted above", 2 as Placing],
  ])(
    "reads formulas on other rows pointing at a row whose check was deleted or typed over as PROD's (%s): its checked neighbours tell where PROD wrote it",
    (_how, at) => {
      const place = placing(at);
      for (const lost of ["", "my own words"]) {
        const edited = sheet((cells) => {
          cells[place(3)][CHECK] = put(lost); // 2300's check: the Grand total's formulas point at its row
        }, at);
        expect(edited.formulas[place(4)].slice(2, 4)).toEqual([
          `=SUM(C${place(2) + 1}:C${place(3) + 1})`,
          `=D${place(2) + 1}+D${place(3) + 1}`,
        ]);
        expect(findTypedCells(edited, rows(at), SHEET).filter((t) => t.kind === "over")).toEqual([]);
        expect(lostChecks(edited, rows(at)).map((r) => r.label)).toEqual(["2300 Sets"]);
      }
    },
  );

  it("still tells a reference pointed by hand at, or away from, a row whose check was deleted", () => {
    const edited = sheet((cells) => {
      cells[4][CHECK] = put(""); // 2300's check, on the sheet's row 5
      cells[2][4] = put(7, "=ROUND(C3-D5,2)"); // 1100's difference against 2300's D
      cells[5][2] = put(7, "=SUM(C3:C4)"); // the total's SUM no longer reaching 2300
      cells[5][3] = put(7, "=D3+D4"); // nor its other, pointed at the row inserted by hand
    }, between);
    // (2300's own cells are its "row" cells, kept with it if the new output drops it.)
    const typed = findTypedCells(edited, rows(between), SHEET).filter((t) => t.kind !== "row");
    expect(typed.map((t) => [t.kind, a1(t.row, t.column), t.formula, t.prod])).toEqual([
      ["over", "E3", "=ROUND(C3-D5,2)", "=ROUND(C3-D3,2)"],
      ["over", "C6", "=SUM(C3:C4)", "=SUM(C3:C5)"],
      ["over", "D6", "=D3+D4", "=D3+D5"],
    ]);
  });

  it("reads a reference to a row whose check was deleted as one to a row of the user's when its neighbours cannot tell", () => {
    // A row of the user's inserted with words in it (a row of PROD's to the panel, without a
    // check) and 2300's check deleted, between the same neighbours: either could be 2300.
    const edited = sheet((cells) => {
      cells[3][1] = put("my line");
      cells[4][CHECK] = put("");
    }, between);
    const mine: OwnRow = { ...rows(between)[2], row: 3, key: "row my line", label: "my line" };
    const typed = findTypedCells(edited, [...rows(between), mine], SHEET);
    expect(typed.filter((t) => t.kind === "over").map((t) => a1(t.row, t.column))).toEqual(["C6", "D6"]);
  });

  it("reads formulas pointing at a row whose label the user retyped as PROD's: the row is told by its check", () => {
    const edited = sheet((cells) => {
      cells[3][0] = put(2400);
    });
    const relabelled = rows().map((own) =>
      own.key === "code 2300" ? { ...own, key: "code 2400", label: "2400 Sets" } : own,
    );
    expect(findTypedCells(edited, relabelled, SHEET).map((t) => [a1(t.row, t.column), t.value])).toEqual([
      ["A4", 2400],
    ]);
  });

  it("tells a formula PROD wrote that reads back with Excel's _xlfn. prefix as PROD's", () => {
    const line: Cell[] = [{ text: "Rate" }, { formula: "=XLOOKUP(A1,C1:E1,F1:H1)" }];
    const own = oneRow(line);
    const read = (formula: string) => oneRowRead(line, ["Rate", 7], ["Rate", formula]);
    expect(findTypedCells(read("=_xlfn.XLOOKUP(A1,C1:E1,F1:H1)"), [own], SHEET)).toEqual([]);
    expect(findTypedCells(read("=_xlfn.XLOOKUP(A1,C1:E1,G1:I1)"), [own], SHEET)).toEqual([
      expect.objectContaining({ column: 1, prod: "=_xlfn.XLOOKUP(A1,C1:E1,F1:H1)" }),
    ]);
  });

  it("reads a sheet whose checks were written before PROD kept where formulas point as then", () => {
    const old = (edit?: Parameters<typeof sheet>[0], at: Placing = 0) => sheet(edit, at, oldCheckOf);
    expect(findTypedCells(old(), rows(), SHEET)).toEqual([]);
    const inside = old(undefined, between);
    expect(findTypedCells(inside, rows(between), SHEET)).toEqual([]);
    expect(lostChecks(inside, rows(between))).toEqual([]);
    // A label retyped and a formula of another shape are told as then; a reference pointed
    // elsewhere by hand is not (that check did not keep where it pointed): PROD's goes back.
    const edited = old((cells) => {
      cells[3][1] = put("Sets (revised)");
      cells[2][4] = put(14, "=C3*2");
      cells[3][4] = put(7, "=ROUND(C4-C4,2)");
    });
    expect(findTypedCells(edited, rows(), SHEET).map((t) => [a1(t.row, t.column), t.prod])).toEqual([
      ["E3", undefined],
      ["B4", undefined],
    ]);
  });

  it("falls back on every row when the check column is gone, and reads a sheet written before checks as before", () => {
    const edited = sheet((cells) => {
      for (const line of cells) line.splice(CHECK, 1);
      cells[3][1] = put("Sets (revised)");
    });
    // Nothing typed is told: only PROD's cells of each row, kept with it if the new output drops it.
    const typed = findTypedCells(edited, rows(0, null), SHEET);
    expect(typed.filter((t) => t.kind !== "row")).toEqual([]);
    expect(typed.filter((t) => t.row === 3).map((t) => t.value)).toEqual(["Sets (revised)", 7, 7, 7]);
    expect(lostChecks(edited, rows(0, null))).toHaveLength(5);
    const before = rows().map(({ check: _check, ...row }) => row);
    expect(findTypedCells(edited, before, SHEET)).toEqual([]);
    expect(lostChecks(edited, before)).toEqual([]);
  });
});

describe("telling a sheet whose check column was deleted from one written before checks", () => {
  /** A sheet as read: a note in A2, PROD's table to D (its width 4), and what is right of it. */
  const read = (note: string, right: CellValue, hiddenByProd?: number[]): SheetCells => {
    const values: CellValue[][] = [
      ["Scenario comparison", "", "", "", ""],
      [note, "", "", "", ""],
      ["Figure", "30 days", "35 days", "Your notes", right],
    ];
    return {
      row: 0,
      column: 0,
      values,
      formulas: values,
      numberFormats: values.map((l) => l.map(() => "General")),
      ...(hiddenByProd ? { hiddenByProd } : {}),
    };
  };
  const check = `${ROW_CHECK} 0a1b2c3d 0a1b2c3d 0a1b2c3d`;

  it("finds the check column where a row's check is", () => {
    expect(checkColumnOf(read("Figures of that moment.", check, [4]), 4, 1)).toBe(4);
  });

  it("says the checks are gone when PROD's hidden column is, even after the user edited or deleted the note", () => {
    // The column deleted: Excel keeps PROD_HIDDEN, holding none.
    expect(checkColumnOf(read("My own words.", "", []), 4, 1)).toBeNull();
    expect(checkColumnOf(read("", "", []), 4, 1)).toBeNull();
    // Its texts deleted, the column still there.
    expect(checkColumnOf(read("", "", [4]), 4, 1)).toBeNull();
    // Without the name (a name tool took it), the note still tells.
    expect(checkColumnOf(read(`Figures of that moment. ${CHECK_NOTE}`, ""), 4, 1)).toBeNull();
  });

  it("reads a sheet written before checks (no name, no note) as before", () => {
    expect(checkColumnOf(read("Figures of that moment.", ""), 4, 1)).toBeUndefined();
  });
});

describe("placing what the user typed in the new output", () => {
  /** The new rows: `width` wide with notes in its last column, accounts in `order`. */
  function newRows(width: number, order: string[]): OwnRow[] {
    return [
      { row: 0, key: "#title", label: "Budget comparison", width: 1, notes: null },
      { row: 1, key: "#header", label: "the header", width, notes: null },
      ...order.map((key, i) => ({ row: 2 + i, key, label: key, width, notes: width - 1 })),
    ];
  }

  it("puts each cell on the row of the same label, at the same offset right of a wider output", () => {
    const typed = findTypedCells(OLD, oldRows(), SHEET);
    const order = ["code 2300", "code 1100", "row Grand total"];
    const carry = placeTypedCells(typed, newRows(8, order), SHEET, {
      start: 6,
      width: 8,
      notes: 7,
      heading: KEPT,
    });
    const at = carry.cells.map((p) => [p.row, p.column, p.cell, p.where]);
    expect(at).toEqual([
      [0, 7, { text: "mine" }, "row"],
      [1, 8, { text: "Who" }, "row"],
      // 1100 is now the second account: its note in the notes column (H), "Ann" one right of it.
      [3, 7, { text: "check rights" }, "row"],
      [3, 8, { text: "Ann" }, "row"],
      // 2300's formula points into the sheet (A1): its value, one further right than before.
      [2, 9, 7, "row"],
      // The figure typed over the Difference: a note in the notes column, saying what it was.
      [
        2,
        7,
        {
          text: 'You typed 12,500 over "Difference: Current" (E4) in the earlier sheet; PROD\'s formula is back in its place.',
        },
        "row",
      ],
      // The user's own row, under the kept heading, in the same columns; its formula as written.
      [8, 1, { text: "total by hand" }, "kept"],
      [8, 7, { formula: "='Top Sheet'!H5*2" }, "kept"],
    ]);
    expect(carry.labels.map((l) => [l.row, l.cell])).toEqual([
      [6, { text: KEPT }],
      [7, { text: "Typed on rows of your own in the earlier sheet (row 7), in the same columns:" }],
    ]);
    expect(carry.cells.filter((p) => p.asValue).map((p) => p.from.formula)).toEqual(["=SUM(A1)"]);
  });

  it("keeps the offsets when the output gets narrower, and keeps the cells of a label gone under the heading", () => {
    const typed = findTypedCells(OLD, oldRows(), SHEET);
    const carry = placeTypedCells(typed, newRows(4, ["code 1100", "row Grand total"]), SHEET, {
      start: 5,
      width: 4,
      notes: 3,
      heading: KEPT,
    });
    const at = carry.cells.map((p) => [p.row, p.column, p.where]);
    expect(at).toEqual([
      [0, 7, "row"],
      [1, 4, "row"],
      [2, 3, "row"],
      [2, 4, "row"],
      // 2300 is not in this comparison: a row of its own under the heading, labelled.
      [6, 5, "kept"],
      [6, 3, "kept"],
      [8, 1, "kept"],
      [8, 7, "kept"],
    ]);
    expect(carry.labels.map((l) => [l.row, l.cell])).toEqual([
      [5, { text: KEPT }],
      [6, { text: "2300 Sets" }],
      [7, { text: "Typed on rows of your own in the earlier sheet (row 7), in the same columns:" }],
    ]);
    expect(carry.end).toBe(9);
    // The figure typed over 2300's Difference: its row is gone, so nothing of PROD's is back in
    // its place, and neither the note nor the words say so.
    expect(carry.cells.find((p) => p.from.kind === "over")?.cell).toEqual({
      text: `You typed 12,500 over "Difference: Current" (E4) in the earlier sheet, on a row the next sheet did not have: PROD kept it as this note and put nothing back.`,
    });
    expect(carriedWords(carry, KEPT, false)).toBe(
      `4 cells of yours will be carried to the rows with the same labels; 3 cells will be kept under "${KEPT}" (1 row the new sheet does not have: 2300 Sets); 1 figure you typed over PROD's formulas on 1 row the new sheet does not have (2300 Sets) will be kept as a note under "${KEPT}", beside the row's label, with nothing put back in its place; 1 formula of yours pointing at cells of this sheet (H4) will be carried as its value, as the rows move.`,
    );
  });

  it("reads the kept part back as PROD's, so comparing again keeps it once, under the same labels", () => {
    const typed = findTypedCells(OLD, oldRows(), SHEET);
    const rows = newRows(4, ["code 1100"]);
    const first = placeTypedCells(typed, rows, SHEET, { start: 5, width: 4, notes: 3, heading: KEPT });
    // The sheet as written: PROD's rows (blank here) and the carried cells.
    const sheet = carriedSheet(first);
    const again = findTypedCells(sheet, [...rows, ...readKeptRows(sheet, KEPT, 4, 3, codeKey)], SHEET);
    const second = placeTypedCells(again, rows, SHEET, { start: 5, width: 4, notes: 3, heading: KEPT });
    // The same headings and labels; the user's own row is named where it was on the sheet read.
    expect(second.labels.map((l) => l.cell)).toEqual([
      ...first.labels.slice(0, 2).map((l) => l.cell),
      { text: "Typed on rows of your own in the earlier sheet (row 9), in the same columns:" },
    ]);
    expect(second.cells.map((p) => [p.row, p.column])).toEqual(
      expect.arrayContaining(first.cells.map((p) => [p.row, p.column])),
    );
    expect(second.cells).toHaveLength(first.cells.length);
  });

  it("moves a kept row's cells back to its row when the new output has it again, notes to notes, beside to beside", () => {
    const typed = findTypedCells(OLD, oldRows(), SHEET);
    // 2300 left out: its cells are kept under the heading, on a row labelled "2300 Sets".
    const rows = newRows(4, ["code 1100"]);
    const first = placeTypedCells(typed, rows, SHEET, { start: 5, width: 4, notes: 3, heading: KEPT });
    const sheet = carriedSheet(first);
    const keptRows = readKeptRows(sheet, KEPT, 4, 3, codeKey);
    expect(keptRows.map((r) => [r.row, r.key, r.label])).toEqual([
      [5, "#kept", KEPT],
      [6, keptKey("code 2300"), "2300 Sets"],
      [7, "#loose", expect.stringMatching(/^Typed on rows of your own/) as string],
    ]);
    // 2300 is back, now the first account, in an output 6 wide with notes in F.
    const back = newRows(6, ["code 2300", "code 1100"]);
    const again = findTypedCells(sheet, [...rows, ...keptRows], SHEET);
    const second = placeTypedCells(again, back, SHEET, { start: 6, width: 6, notes: 5, heading: KEPT });
    const on2300 = second.cells.filter((p) => p.row === 2);
    expect(on2300.map((p) => [a1(p.row, p.column), p.cell, p.where])).toEqual([
      // The note on the figure typed over 2300's Difference went back to the notes column, and
      // the formula's value, one right of the old row's columns, one right of the new row's.
      ["F3", first.cells.find((p) => p.from.kind === "over")?.cell, "back"],
      ["H3", 7, "back"],
    ]);
    // The kept part keeps only the user's own row: 2300's label is gone from it.
    expect(second.labels.map((l) => l.cell)).toEqual([
      { text: KEPT },
      { text: "Typed on rows of your own in the earlier sheet (row 9), in the same columns:" },
    ]);
    expect(second.cells).toHaveLength(first.cells.length);
    expect(carriedWords(second, KEPT, true)).toBe(
      `4 cells of yours carried to the rows with the same labels; 2 cells that were kept under "${KEPT}" moved back to the row the new sheet has again: 2300 Sets; 2 cells kept under "${KEPT}".`,
    );
  });

  it("moves a kept row back to the one row its label could be, and keeps it when it could be two", () => {
    // "11 03 Story": account 11 03, or account 11 named "03 Story".
    const sheet = grid([[KEPT], ["11 03 Story", "", "", "note"]]);
    const rows = readKeptRows(sheet, KEPT, 3, 2, () => ["code 11", "code 11 03"]);
    const typed = findTypedCells(sheet, rows, SHEET);
    const place = (keys: string[]) =>
      placeTypedCells(typed, newRows(3, keys), SHEET, {
        start: 5,
        width: 3,
        notes: 2,
        heading: KEPT,
      }).cells.map((p) => [p.row, p.where]);
    expect(place(["code 11 03"])).toEqual([[2, "back"]]);
    expect(place(["code 1100", "code 11"])).toEqual([[3, "back"]]);
    expect(place(["code 11", "code 11 03"])).toEqual([[6, "kept"]]);
    expect(place(["code 1100"])).toEqual([[6, "kept"]]);
  });

  it("moves kept cells back beside what the user typed on that row since, never over it", () => {
    // 1100 has a note of its own now, and a kept row of 1100 (from an older sheet) has one too.
    const sheet = grid([
      ["Budget comparison"],
      ["Account", "Description", "Current", "Approved (base)", "Difference: Current", "Your notes"],
      [1100, "Story", "=C1", "=D1", "=E1", "new note"],
      [],
      [KEPT],
      ["1100 Story", "", "", "", "", "old note", "Ann"],
    ]);
    const rows = [...oldRows().slice(0, 3), ...readKeptRows(sheet, KEPT, 6, 5, codeKey)];
    const carry = placeTypedCells(findTypedCells(sheet, rows, SHEET), newRows(6, ["code 1100"]), SHEET, {
      start: 4,
      width: 6,
      notes: 5,
      heading: KEPT,
    });
    expect(carry.cells.map((p) => [a1(p.row, p.column), p.cell, p.where])).toEqual([
      ["F3", { text: "new note" }, "row"],
      ["G3", { text: "Ann" }, "back"],
      ["H3", { text: "old note" }, "back"],
    ]);
    expect(carry.labels).toEqual([]);
  });

  it.each(["=SUM(A1)", "+1", "@x", "-1", "'quoted"])("carries the text %s as text", (text) => {
    // Text as Excel gives it: the same in values and formulas, even when it begins with "=".
    const row: CellValue[] = ["Budget comparison", "", text];
    const cells: SheetCells = {
      row: 0,
      column: 0,
      values: [row],
      formulas: [row],
      numberFormats: [row.map(() => "General")],
    };
    const typed = findTypedCells(cells, oldRows(), SHEET);
    // As read: Excel gives text that looks like a formula as the value, with no formula.
    expect(typed.map((t) => t.formula)).toEqual([null]);
    const carry = placeTypedCells(typed, newRows(4, []), SHEET, {
      start: 3,
      width: 4,
      notes: 3,
      heading: KEPT,
    });
    expect(carry.cells.map((p) => p.cell)).toEqual([{ text }]);
  });

  it("carries each cell's number format with it, written with its value: a date, a percentage, money, text", () => {
    // 1100's note is a date (46000 is 12/9/2025), beside it 12%; 2300 has money beside it, a
    // date typed over its Difference, and text in a Text cell on the user's own row.
    const cells = grid(
      [
        ["Budget comparison"],
        ["Account", "Description", "Current", "Approved (base)", "Difference: Current", "Your notes"],
        [1100, "Story", "=C1", "=D1", "=E1", 46000, 0.12],
        [2300, "Sets", "=C2", "=D2", 46001, "", "", "=C4*2"],
        [],
        ["", "00123"],
      ],
      {
        F3: "m/d/yyyy",
        G3: "0%",
        E4: "m/d/yyyy",
        H4: NUMBER_FORMATS.money,
        B6: NUMBER_FORMATS.text,
      },
    );
    const typed = findTypedCells(cells, oldRows(), SHEET);
    expect(typed.map((t) => [a1(t.row, t.column), t.format])).toEqual([
      ["F3", "m/d/yyyy"],
      ["G3", "0%"],
      ["E4", "m/d/yyyy"],
      ["H4", NUMBER_FORMATS.money],
      ["B6", NUMBER_FORMATS.text],
    ]);
    const carry = placeTypedCells(typed, newRows(6, ["code 2300", "code 1100"]), SHEET, {
      start: 5,
      width: 6,
      notes: 5,
      heading: KEPT,
    });
    expect(carry.cells.map((p) => [a1(p.row, p.column), p.cell, p.format])).toEqual([
      ["F4", 46000, "m/d/yyyy"],
      ["G4", 0.12, "0%"],
      // The formula points into the sheet: its value, still money.
      ["H3", 7, NUMBER_FORMATS.money],
      // PROD's note on the date typed over the Difference is words: no date format on it.
      ["F3", { text: expect.stringContaining("You typed 46,001 over") as string }, null],
      ["B8", { text: "00123" }, NUMBER_FORMATS.text],
    ]);
    // Side by side, F4 and G4 go in one write, each with its format, as PROD's two headings of
    // the kept part (A6, A7) go in one, with none; PROD's note on F3 (words) has none.
    const blocks = carryBlocks(carry);
    expect(carry.labels.map((l) => a1(l.row, l.column))).toEqual(["A6", "A7"]);
    expect(blocks.map((b) => [a1(b.row, b.column), b.cells, b.cellFormats])).toEqual([
      ["F3", [[carry.cells[3].cell]], undefined],
      ["H3", [[7]], [[NUMBER_FORMATS.money]]],
      ["F4", [[46000, 0.12]], [["m/d/yyyy", "0%"]]],
      ["A6", carry.labels.map((l) => [l.cell]), undefined],
      ["B8", [[{ text: "00123" }]], [[NUMBER_FORMATS.text]]],
    ]);
  });

  it("keeps numbers and TRUE/FALSE as they were", () => {
    const cells = grid([["Budget comparison", "", 12.5, true]]);
    const carry = placeTypedCells(findTypedCells(cells, oldRows(), SHEET), newRows(4, []), SHEET, {
      start: 3,
      width: 4,
      notes: 3,
      heading: KEPT,
    });
    expect(carry.cells.map((p) => p.cell)).toEqual([12.5, true]);
  });
});

describe("a formula of the user's pointing into the sheet", () => {
  it.each([
    ["=E14*2", true],
    ["=$E$14", true],
    ["=SUM(E:E)", true],
    ["=SUM(14:14)", true],
    ["='Budget comparison'!E14", true],
    ["='budget comparison'!$E$14", true],
    ["='Top Sheet'!H5*2", false],
    ["=Globals!B4", false],
    ['="E14"&"x"', false],
    ["=LOG10(100)", false],
    ["=Contingency*2", false],
    ["='It''s'!A1+1", false],
    ["=SUM(Globals!E:E)", false],
    ["=SUM(Globals!1:1)+1", false],
    ["=Jan:Mar!B2", false],
    ["='Top Sheet:Budget comparison'!B2", true],
    ["='[Other.xlsx]Budget comparison'!E14", false],
    ["=[1]Globals!A1", false],
  ])("%s: %s", (formula, own) => {
    expect(refersToOwnCells(formula, SHEET)).toBe(own);
  });
});

describe("a property of the carry's writes", () => {
  it("writes exactly the carried cells, each with its value and format, in rectangles that never cover a cell not carried", () => {
    const spot = fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 }));
    const format = fc.option(fc.constantFrom("General", "m/d/yyyy", NUMBER_FORMATS.money), { nil: null });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(spot, fc.boolean(), format), {
          selector: ([[r, c]]) => `${r},${c}`,
          maxLength: 40,
        }),
        (spots) => {
          // Each spot is one of PROD's labels of the kept part, or a cell of the user's.
          const carry: Carry = { cells: [], labels: [], end: 8, rows: new Set() };
          const wanted = new Map<string, { cell: Cell; format: string | null }>();
          for (const [[row, column], label, f] of spots) {
            const cell: Cell = label ? { text: `label ${row},${column}` } : row * 10 + column;
            const format = label ? null : f;
            wanted.set(`${row},${column}`, { cell, format });
            if (label) carry.labels.push({ row, column, cell });
            else
              carry.cells.push({
                row,
                column,
                cell,
                format,
                where: "row",
                asValue: false,
                from: { kind: "note", row, column, on: null, value: "", formula: null, format: "General" },
              });
          }
          const written = new Map<string, { cell: Cell; format: string | null }>();
          for (const block of carryBlocks(carry)) {
            const width = block.cells[0].length;
            expect(block.cells.every((line) => line.length === width)).toBe(true);
            if (block.cellFormats)
              expect(block.cellFormats.map((line) => line.length)).toEqual(block.cells.map(() => width));
            block.cells.forEach((line, i) =>
              line.forEach((cell, j) => {
                const at = `${block.row + i},${block.column + j}`;
                // No cell written twice, none that is not carried (a gap blanked).
                expect(written.has(at)).toBe(false);
                written.set(at, { cell, format: block.cellFormats?.[i][j] ?? null });
              }),
            );
          }
          expect(written).toEqual(wanted);
        },
      ),
    );
  });

  it("writes 500 notes down a notes column in one write, where it took 500", () => {
    const carry: Carry = { cells: [], labels: [], end: 0, rows: new Set() };
    for (let row = 4; row < 504; row++)
      carry.cells.push({
        row,
        column: 6,
        cell: { text: `note ${row}` },
        format: "General",
        where: "row",
        asValue: false,
        from: { kind: "note", row, column: 6, on: null, value: "", formula: null, format: "General" },
      });
    const blocks = carryBlocks(carry);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ row: 4, column: 6 });
    expect(blocks[0].cells).toHaveLength(500);
  });
});

describe("a property of the placing", () => {
  const value = fc.oneof(fc.string({ minLength: 1, maxLength: 4 }), fc.integer(), fc.boolean());
  it("places every typed cell exactly once, never on a cell PROD writes, never two on one cell, and loses none", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 9 }),
        fc.integer({ min: 3, max: 9 }),
        fc.array(fc.constantFrom("a", "b", "c", "d", "e"), { minLength: 0, maxLength: 6 }),
        fc.array(fc.constantFrom("a", "b", "c", "d", "e"), { minLength: 0, maxLength: 6 }),
        // Rows kept from an earlier output under the kept heading, each of a label that may be back.
        fc.array(fc.constantFrom("a", "b", "c", "d", "e"), { minLength: 0, maxLength: 3 }),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 10 }),
            fc.integer({ min: 0, max: 12 }),
            value,
            fc.constantFrom("General", "m/d/yyyy", "0.00%", NUMBER_FORMATS.money),
          ),
          { maxLength: 40 },
        ),
        fc.array(fc.constantFrom("checked", "lost", "none"), { minLength: 6, maxLength: 6 }),
        (oldWidth, newWidth, oldKeys, newKeys, keptKeys, entries, checks) => {
          const formulas = new Map([[1, "Figure"]]);
          // Each old row as PROD wrote it: a label, a formula, figures, with its check (or none,
          // or one deleted) right of its notes; then what the user typed, over any of it.
          const cells: CellValue[][] = Array.from({ length: 11 }, () => Array<CellValue>(13).fill(""));
          const lines = oldKeys.map((key, i) =>
            Array.from({ length: oldWidth }, (_, c): Cell =>
              c === 0 ? { text: key } : c === 1 ? { formula: `=A${i + 2}` } : c === oldWidth - 1 ? null : c,
            ),
          );
          const old: OwnRow[] = oldKeys.map((key, i) => {
            const line = lines[i];
            line.forEach((c, j) => (cells[1 + i][j] = asRead(c).formula));
            const at = { sheet: SHEET, row: 1 + i, checked: new Set(oldKeys.map((_, k) => 1 + k)) };
            if (checks[i] === "checked") cells[1 + i][oldWidth] = rowCheck(line, oldWidth - 1, at).text;
            const check = checks[i] === "none" ? undefined : checks[i] === "lost" ? null : oldWidth;
            return { row: 1 + i, key, label: key, width: oldWidth, notes: oldWidth - 1, formulas, check };
          });
          keptKeys.forEach((key, i) =>
            old.push({
              row: 2 + oldKeys.length + i,
              key: keptKey(key),
              label: key,
              width: oldWidth,
              notes: oldWidth - 1,
              back: [key],
            }),
          );
          const formats: Record<string, string> = {};
          for (const [r, c, v, f] of entries) {
            cells[r][c] = v;
            formats[a1(r, c)] = f;
          }
          const read = grid(cells, formats);
          const typed = findTypedCells(read, old, SHEET);
          // Only what the user typed is told as typed, but for PROD's cells of a row whose check is
          // gone and of a kept row, which PROD cannot tell from the user's ("row").
          const whole = new Set([
            ...lostChecks(read, old).map((o) => o.row),
            ...old.filter((o) => o.back !== undefined).map((o) => o.row),
          ]);
          for (const t of typed)
            if (t.kind === "row") expect(whole.has(t.row)).toBe(true);
            else expect(entries.some(([r, c]) => r === t.row && c === t.column)).toBe(true);
          const rows: OwnRow[] = newKeys.map((key, i) => ({
            row: 1 + i,
            key,
            label: key,
            width: newWidth,
            notes: newWidth - 1,
            check: newWidth,
          }));
          const start = rows.length + 2;
          const carry = placeTypedCells(typed, rows, SHEET, {
            start,
            width: newWidth,
            notes: newWidth - 1,
            heading: KEPT,
            check: newWidth,
          });
          // Which row of its label an old row is (the nth goes to the nth), and whether the new output has it.
          const occurrence = (own: OwnRow) => old.filter((o) => o.key === own.key && o.row < own.row).length;
          const inNew = (own: OwnRow) => newKeys.filter((k) => k === own.key).length > occurrence(own);
          // On a row whose check is gone that the new output has, PROD's own is back: its "row" cells are not placed.
          const carried = typed.filter((t) => {
            const own = old.find((o) => o.row === t.row);
            return !(t.kind === "row" && own?.back === undefined && own !== undefined && inNew(own));
          });
          expect(carry.cells.map((p) => p.from)).toEqual(expect.arrayContaining(carried));
          expect(carry.cells).toHaveLength(carried.length);
          // No cell the user typed is lost: each is carried (itself, or PROD's note naming it), but
          // in PROD's columns where PROD cannot tell it from its own on a row the new output has
          // (its own is back, and the question says so) or on a sheet from before checks (read as
          // then), in the label's column (the row's label, which a kept row keeps), and where it
          // is what PROD wrote.
          const last = new Map(entries.map(([r, c]) => [`${r},${c}`, [r, c] as const]));
          for (const [r, c] of last.values()) {
            if (carry.cells.some((p) => p.from.row === r && p.from.column === c)) continue;
            const own = old.find((o) => o.row === r);
            if (own === undefined) throw new Error(`a cell of the user's own row ${r} was dropped`);
            expect(c < own.width && c !== own.notes).toBe(true);
            const asWritten = own.back === undefined ? asRead(lines[own.row - 1][c]).formula : null;
            const told = own.check !== undefined && !whole.has(r);
            const exempt =
              c === 0 ||
              (!told && own.back === undefined && (own.check === undefined || inNew(own))) ||
              (told && cells[r][c] === asWritten);
            expect(exempt).toBe(true);
          }
          const spots = [...carry.cells, ...carry.labels].map((p) => `${p.row},${p.column}`);
          expect(new Set(spots).size).toBe(spots.length);
          for (const p of carry.cells) {
            // A kept row's cells go back to the row of its label when the new output has it.
            const from = p.from.on;
            const keptFrom = from !== null && keptKeys.some((k) => keptKey(k) === from.key);
            const back = keptFrom && newKeys.filter((k) => keptKey(k) === from.key).length > from.occurrence;
            expect(p.where === "back").toBe(back);
            if (back) expect(keptKey(rows.find((r) => r.row === p.row)?.key ?? "")).toBe(from.key);
            // Each with the format it had, but PROD's note on a figure typed over a formula.
            expect(p.from.format).toBe(formats[a1(p.from.row, p.from.column)] ?? "General");
            expect(p.format).toBe(p.from.kind === "over" ? null : p.from.format);
            // Nothing of the user's in the hidden check column, on any row.
            expect(p.column).not.toBe(newWidth);
            const own = rows.find((r) => r.row === p.row);
            if (own)
              expect((p.column >= own.width && p.column !== own.check) || p.column === own.notes).toBe(true);
            else expect(p.row).toBeGreaterThanOrEqual(start);
          }
        },
      ),
    );
  });
  it("reads PROD's formulas as PROD's after rows are inserted anywhere, a row's check deleted or not, and tells any reference pointed elsewhere by hand", () => {
    /** A reference: the column's letter and the nth row PROD wrote (0-based). */
    const ref = fc.tuple(fc.constantFrom("B", "C", "D"), fc.nat());
    fc.assert(
      fc.property(
        // Each row PROD writes: a label, a figure, a difference of two cells and a SUM of a range.
        fc.array(fc.tuple(ref, ref, ref, ref), { minLength: 1, maxLength: 6 }),
        // Rows the user inserted before each of PROD's (and its own rows' cells left blank).
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 6, maxLength: 6 }),
        // A reference the user points elsewhere by hand: which row, formula and reference, and
        // to which row of the sheet or which other column.
        fc.option(fc.tuple(fc.nat(), fc.nat(3), fc.boolean(), fc.nat())),
        // A row whose check the user deleted, between two checked rows (when there are three).
        fc.option(fc.nat()),
        (specs, gaps, move, deleted) => {
          const n = specs.length;
          const at = (i: number) => i + gaps.slice(0, i + 1).reduce((a, b) => a + b, 0);
          const height = at(n - 1) + 1;
          type Ref = { column: string; row: number };
          /** The nth row's formulas with each reference on the sheet row `place` puts its row at. */
          const formulas = (refs: Ref[], place: (i: number) => number) => {
            const [a, b, c, d] = refs.map((r) => `${r.column}${place(r.row) + 1}`);
            return [`=ROUND(${a}-${b},2)`, `=SUM(${c}:${d})`];
          };
          const refsOf = (i: number): Ref[] => specs[i].map(([column, row]) => ({ column, row: row % n }));
          const line = (i: number, place: (i: number) => number): Cell[] => {
            const [difference, sum] = formulas(refsOf(i), place);
            return [{ text: `row ${i}` }, 100 * i, { formula: difference }, { formula: sum }, null];
          };
          const checked = new Set(specs.map((_, i) => i));
          const cells: CellValue[][] = Array.from({ length: height }, () => Array<CellValue>(6).fill(""));
          const own: OwnRow[] = specs.map((_, i) => {
            // Written with no rows inserted; read after the user inserted `gaps`.
            const check = rowCheck(
              line(i, (k) => k),
              4,
              { sheet: SHEET, row: i, checked },
            ).text;
            cells[at(i)] = [...line(i, at).map((c) => asRead(c).formula), check];
            return { row: at(i), key: `row ${i}`, label: `row ${i}`, width: 5, notes: 4, check: 5 };
          });
          const lost = deleted === null || n < 3 ? null : 1 + (deleted % (n - 2));
          if (lost !== null) cells[at(lost)][5] = "";
          // (PROD's cells of the row whose check is gone are its "row" cells: kept with it if dropped.)
          const told = () => findTypedCells(grid(cells), own, SHEET).filter((t) => t.kind !== "row");
          expect(told()).toEqual([]);
          if (move === null) return;
          const [which, index, byRow, to] = move;
          const i = which % n;
          // A row without its check is read by today's rule: a formula there is PROD's.
          fc.pre(i !== lost);
          const refs = refsOf(i);
          const pointed = refs.map((r) => ({ column: r.column, row: at(r.row) }));
          const was = pointed[index];
          // Another row of the sheet (PROD's or one inserted), or another column.
          pointed[index] = byRow
            ? { column: was.column, row: (was.row + 1 + (to % (height - 1 || 1))) % height }
            : { column: was.column === "B" ? "C" : "B", row: was.row };
          fc.pre(pointed[index].row !== was.row || pointed[index].column !== was.column);
          const formula = formulas(pointed, (r) => r)[index < 2 ? 0 : 1];
          const column = index < 2 ? 2 : 3;
          cells[at(i)][column] = formula;
          expect(told().map((t) => [t.kind, t.row, t.column, t.formula, t.prod])).toEqual([
            ["over", at(i), column, formula, asRead(line(i, at)[column]).formula],
          ]);
        },
      ),
    );
  });
});
