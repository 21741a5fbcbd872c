/*
 * The Incentives panel's reads and writes through the real Office.js adapter over the
 * office-addin-mock Excel: explaining a program over a 5,000-line budget takes one read; the
 * "Incentive comparison" sheet is written in a fixed number of syncs with live PROD.INCENTIVE /
 * INCENTIVENET formulas over the budget's columns; PROD's own comparison is replaced, one whose
 * mark is gone is taken back only after a yes, and a sheet of the user's is never written to.
 * Before a replace, what the user typed on the comparison and the links to it are named in one
 * question; a no writes nothing, a yes carries the typed cells to the row of the same program.
 */
import { TAG_COLUMNS } from "../../src/engine/incentives/tags";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { NUMBER_FORMATS } from "../../src/excel/port";
import { COMPARISON_SHEET, KEPT_HEADING } from "../../src/taskpane/incentives/comparisonSheet";
import { CHECK_NOTE, YOUR_NOTES } from "../../src/taskpane/shell/userWork";
import { compareIncentives, explain, readBudget } from "../../src/taskpane/incentives/runIncentives";
import { selectedBudget } from "../../src/taskpane/incentives/budgetRange";
import { commonBudget } from "../fixtures/incentiveBudget";
import { countLinkSyncs } from "../taskpane/fakePort";
import { MockBook, mockExcel } from "./mockExcel";

const LINES = 5_000;
const yes = () => Promise.resolve(true);
const no = () => Promise.resolve(false);
const programs = [
  { name: "US-GA", settings: "", exchangeRate: null },
  { name: "US-NM", settings: "", exchangeRate: null },
  { name: "CAN-BC", settings: "", exchangeRate: null },
];

/** The worked examples' budget, then its lines repeated with no amount up to 5,000 lines. */
function setup(headings: string[] = ["Account", "Description", "Total", ...TAG_COLUMNS]) {
  const book = new MockBook();
  const excel = mockExcel(book);
  const port = new OfficeWorkbook({ run: excel.run });
  const example = commonBudget();
  const rows: (string | number)[][] = [headings];
  for (let i = 0; i < LINES; i++) {
    const line = example[i % example.length];
    rows.push([1000 + i, line.label, i < example.length ? line.amount : 0, ...line.tags]);
  }
  book.addSheet("Budget", rows);
  const ref = { sheet: "Budget", address: `A1:K${LINES + 1}` };
  return { book, excel, port, ref };
}

describe("explaining a program over a 5,000-line tagged budget", () => {
  it("reads the range in one sync and gives the worked example's figures, naming sheet rows", async () => {
    const { excel, port, ref } = setup();
    const budget = await readBudget(port, ref);
    expect(excel.state.syncs).toBe(1);
    const ga = explain(budget, programs[0]);
    expect([ga.gross.toNumber(), ga.net.toNumber()]).toEqual([2400000, 2160000]);
    expect(budget.rowOf(ga.excluded[0].row)).toBe(2);
    expect(budget.cells).toEqual({
      label: `Budget!A1:K${LINES + 1}`,
      amounts: `'Budget'!$C$2:$C$${LINES + 1}`,
      tags: `'Budget'!$D$2:$K$${LINES + 1}`,
    });
  });

  it("refuses a range without Where and Class headings, in words", async () => {
    const { port, ref } = setup(["Account", "Description", "Total", "Place", "Payee"]);
    await expect(readBudget(port, ref)).rejects.toThrow(
      `The first row of Budget!A1:K${LINES + 1} has no heading for Where, Class.`,
    );
  });

  it("names the sheet row of a bad tag", async () => {
    const { book, port, ref } = setup();
    book.write("Budget", 6, 6, "Sometimes");
    await expect(readBudget(port, ref)).rejects.toThrow(
      /^Budget!A1:K5001: row 7 Class must be one of WRITER, /,
    );
  });
});

describe("the Incentive comparison sheet", () => {
  it("is written in a fixed number of syncs with live formulas over the budget's columns", async () => {
    const { book, excel, port, ref } = setup();
    const written = await compareIncentives(port, ref, programs, yes);
    expect(
      written?.programs.map((p) => [p.name, p.result.gross.toNumber(), p.result.net.toNumber()]),
    ).toEqual([
      ["US-GA", 2400000, 2160000],
      ["US-NM", 1719750, 1719750],
      ["CAN-BC", 1294720, 1294720],
    ]);
    // The budget (1), PROD's marks (1) and the sheets (1), then apply: check (1) + one write.
    expect(excel.state.syncs).toBe(5);
    const tags = `'Budget'!$D$2:$K$${LINES + 1}`;
    const amounts = `'Budget'!$C$2:$C$${LINES + 1}`;
    expect(book.cell(COMPARISON_SHEET, "B3")?.content).toBe(`=ROUND(SUM(${amounts}),2)`);
    expect(book.cell(COMPARISON_SHEET, "A6")?.content).toBe("US-GA");
    expect(book.cell(COMPARISON_SHEET, "F6")?.content).toBe(
      `=IF($E6="",PROD.INCENTIVE($A6,${amounts},${tags},$D6),PROD.INCENTIVE($A6,${amounts},${tags},$D6,$E6))`,
    );
    expect(book.cell(COMPARISON_SHEET, "G8")?.content).toBe(
      `=IF($E8="",PROD.INCENTIVENET($A8,${amounts},${tags},$D8),PROD.INCENTIVENET($A8,${amounts},${tags},$D8,$E8))`,
    );
    expect(book.cell(COMPARISON_SHEET, "H7")?.content).toBe("=ROUND($B$3-G7,2)");
    expect(String(book.cell(COMPARISON_SHEET, "J6")?.content)).toMatch(
      /^Georgia sale price 0.90 .*; assumed: audit fees/,
    );

    // Again: PROD's own sheet is replaced: one more sync, to clear it first; the sheet read for
    // what the user typed on it (3: its used range, then its values and formulas) and the links
    // to it asked for (1: the sheet's own formulas answer at once).
    const before = excel.state.syncs;
    await compareIncentives(port, ref, programs.slice(0, 2), yes);
    expect(excel.state.syncs - before).toBe(10);
    expect(book.cell(COMPARISON_SHEET, "A8")?.content ?? "").toBe("");
  });

  it("writes figures, and says so, when the tag columns are not side by side in order", async () => {
    const { book, port, ref } = setup([
      "Account",
      "Description",
      "Total",
      ...TAG_COLUMNS.slice(0, 3),
      "Payee2",
    ]);
    book.write("Budget", 0, 6, "Class");
    book.write("Budget", 0, 9, "Pay form");
    book.write("Budget", 0, 10, "Note");
    // Where | Payee | Residency | Class | Phase | Flags | Pay form | Note: Pay form is out of order.
    const written = await compareIncentives(port, ref, programs.slice(0, 2), yes);
    expect(written?.live).toBe(false);
    expect(book.cell(COMPARISON_SHEET, "F6")?.content).toEqual(expect.any(Number));
    expect(String(book.cell(COMPARISON_SHEET, "A2")?.content)).toMatch(/not formulas/);
  });

  it("takes back a comparison whose mark is gone only after a yes, and leaves a sheet of the user's alone", async () => {
    const { book, port, ref } = setup();
    await compareIncentives(port, ref, programs, yes);
    book.names = [];
    const asked: string[] = [];
    const refused = await compareIncentives(port, ref, programs.slice(0, 2), (_question, sheet) => {
      asked.push(sheet);
      return no();
    });
    expect(refused).toBeNull();
    expect(asked).toEqual([COMPARISON_SHEET]);
    expect(book.cell(COMPARISON_SHEET, "A8")?.content).toBe("CAN-BC");
    await compareIncentives(port, ref, programs.slice(0, 2), yes);
    expect(book.cell(COMPARISON_SHEET, "A8")?.content ?? "").toBe("");

    book.addSheet("Incentive comparison 2", [["my own notes"]]);
    book.names = [];
    book.write(COMPARISON_SHEET, 0, 0, "Mine now");
    const written = await compareIncentives(port, ref, programs.slice(0, 2), yes);
    expect(written?.sheetName).toBe("Incentive comparison 3");
    expect(book.values("Incentive comparison 2", 0, 0, 1, 1)).toEqual([["my own notes"]]);
    expect(book.cell(COMPARISON_SHEET, "A1")?.content).toBe("Mine now");
  });
});

/** Every sheet's cells, sizes and settings, and the workbook's names: to hold a Cancel to nothing written. */
function snapshot(book: MockBook): string {
  const sheets = book.sheets.map((s) => ({ ...s, cells: [...s.cells], columnWidths: [...s.columnWidths] }));
  return JSON.stringify({ sheets, names: book.names, active: book.active });
}

describe("what the user typed on the Incentive comparison, and links to it", () => {
  const asking = (answer: boolean, questions: string[]) => (question: { title: string; message: string }) => {
    questions.push(`${question.title} ${question.message}`);
    return Promise.resolve(answer);
  };

  it("names a note and a cell beside a program's row in one question; Cancel writes nothing, Replace carries them to the same program", async () => {
    const { book, excel, port, ref } = setup();
    await compareIncentives(port, ref, programs, () => Promise.reject(new Error("asked")));
    expect(book.cell(COMPARISON_SHEET, "K5")?.content).toBe(YOUR_NOTES);
    // A note on US-NM (row 7) and a date beside it (12/9/2025); a note on CAN-BC, which the next
    // comparison drops.
    book.setCell(COMPARISON_SHEET, "K7", { kind: "value", content: "ask the film office" });
    // (L is PROD's hidden check of each row: what is beside the row starts at M.)
    book.setCell(COMPARISON_SHEET, "M7", { kind: "value", content: 46000, format: "m/d/yyyy" });
    book.setCell(COMPARISON_SHEET, "K8", { kind: "value", content: "too far" });
    const before = snapshot(book);
    const questions: string[] = [];
    const next = [programs[1], programs[0]];
    expect(await compareIncentives(port, ref, next, asking(false, questions))).toBeNull();
    expect(snapshot(book)).toBe(before);
    expect(questions).toEqual([
      `Replace "Incentive comparison"? You typed on it: 3 cells beside 2 rows (US-NM, CAN-BC). 2 cells of yours will be carried to the rows with the same labels; 1 cell will be kept under "${KEPT_HEADING}" (1 row the new sheet does not have: CAN-BC). Comparing replaces it with this comparison.`,
    ]);

    const syncs = excel.state.syncs;
    const written = await compareIncentives(port, ref, next, asking(true, questions));
    // As a replace with nothing typed (10, below): the question and the carry add no sync.
    expect(excel.state.syncs - syncs).toBe(10);
    // US-NM is now the first program (row 6): its note and the cell beside it went with it.
    const line = (r: number) => book.values(COMPARISON_SHEET, r, 0, 1, 13)[0];
    const row = (r: number) => [...line(r).slice(0, 11), line(r)[12]];
    expect([row(5)[0], ...row(5).slice(10)]).toEqual(["US-NM", "ask the film office", 46000]);
    // Still a date: its format went with it, in the same write.
    expect(book.cell(COMPARISON_SHEET, "M6")?.format).toBe("m/d/yyyy");
    expect([row(6)[0], ...row(6).slice(10)]).toEqual(["US-GA", "", ""]);
    expect(book.values(COMPARISON_SHEET, 8, 0, 2, 11)).toEqual([
      [KEPT_HEADING, "", "", "", "", "", "", "", "", "", ""],
      ["CAN-BC", "", "", "", "", "", "", "", "", "", "too far"],
    ]);
    expect(written?.carried).toBe(
      `2 cells of yours carried to the rows with the same labels; 1 cell kept under "${KEPT_HEADING}" (1 row the new sheet does not have: CAN-BC).`,
    );

    // CAN-BC compared again: its note goes back to its row's notes, and the kept part is gone.
    const again = await compareIncentives(port, ref, programs, yes);
    expect([row(7)[0], row(7)[10]]).toEqual(["CAN-BC", "too far"]);
    expect([row(6)[0], ...row(6).slice(10)]).toEqual(["US-NM", "ask the film office", 46000]);
    expect(book.values(COMPARISON_SHEET, 8, 0, 4, 1).flat()).not.toContain(KEPT_HEADING);
    expect(again?.carried).toBe(
      `2 cells of yours carried to the rows with the same labels; 1 cell that was kept under "${KEPT_HEADING}" moved back to the row the new sheet has again: CAN-BC.`,
    );
  });

  it("reads the programs under a blank row and a row of the user's inserted among them as PROD's, names only the user's row, in no more syncs", async () => {
    const { book, excel, port, ref } = setup();
    await compareIncentives(port, ref, programs, () => Promise.reject(new Error("asked")));
    // US-GA, US-NM and CAN-BC on rows 6 to 8; the user inserts a blank row and one of their own
    // (Insert Sheet Rows) above US-NM, and a note on CAN-BC, now row 10.
    book.insertRows(COMPARISON_SHEET, 6, 2);
    book.setCell(COMPARISON_SHEET, "B8", { kind: "value", content: "Utah, if the rebate passes" });
    book.setCell(COMPARISON_SHEET, "E8", { kind: "value", content: 1.1 });
    book.setCell(COMPARISON_SHEET, "K10", { kind: "value", content: "too far" });
    expect(book.cell(COMPARISON_SHEET, "H9")?.content).toBe("=ROUND($B$3-G9,2)");
    const questions: string[] = [];
    const syncs = excel.state.syncs;
    const written = await compareIncentives(port, ref, programs, asking(true, questions));
    // As any replace asked about (10).
    expect(excel.state.syncs - syncs).toBe(10);
    expect(questions).toEqual([
      `Replace "Incentive comparison"? You typed on it: 1 cell beside 1 row (CAN-BC); 2 cells on rows of your own (B8, E8). 1 cell of yours will be carried to the rows with the same labels; 2 cells will be kept under "${KEPT_HEADING}". Comparing replaces it with this comparison.`,
    ]);
    expect(book.values(COMPARISON_SHEET, 5, 0, 3, 1).flat()).toEqual(["US-GA", "US-NM", "CAN-BC"]);
    expect(book.cell(COMPARISON_SHEET, "K8")?.content).toBe("too far");
    expect(book.values(COMPARISON_SHEET, 9, 0, 3, 5)).toEqual([
      [KEPT_HEADING, "", "", "", ""],
      ["Typed on rows of your own in the earlier sheet (row 8), in the same columns:", "", "", "", ""],
      ["", "Utah, if the rebate passes", "", "", 1.1],
    ]);
    expect(written?.carried).toBe(
      `1 cell of yours carried to the rows with the same labels; 2 cells kept under "${KEPT_HEADING}".`,
    );
  });

  it("names a formula on another sheet that links to it, even with nothing typed on it", async () => {
    const { book, port, ref } = setup();
    await compareIncentives(port, ref, programs, () => Promise.reject(new Error("asked")));
    book.addSheet("Summary", []);
    book.setCell("Summary", "A1", { kind: "formula", content: "='Incentive comparison'!G6" });
    const before = snapshot(book);
    const questions: string[] = [];
    expect(await compareIncentives(port, ref, programs.slice(0, 2), asking(false, questions))).toBeNull();
    expect(snapshot(book)).toBe(before);
    expect(questions).toEqual([
      `Replace "Incentive comparison"? The formula in Summary!A1 refers to "Incentive comparison". After the replace it points at the same cells, which may then hold other figures. Comparing replaces it with this comparison.`,
    ]);
    const written = await compareIncentives(port, ref, programs.slice(0, 2), asking(true, questions));
    expect(written?.carried).toBe("");
    expect(book.cell(COMPARISON_SHEET, "A8")?.content ?? "").toBe("");
  });

  it("asks nothing when nothing was typed and nothing links to it", async () => {
    const { excel, port, ref } = setup();
    await compareIncentives(port, ref, programs, () => Promise.reject(new Error("asked")));
    const linkSyncs = countLinkSyncs(port, excel);
    const syncs = excel.state.syncs;
    const written = await compareIncentives(port, ref, programs.slice(0, 2), () =>
      Promise.reject(new Error("asked")),
    );
    expect(written?.carried).toBe("");
    // A replace as before (6), the sheet read for what was typed on it (3: its used range, then
    // its values and formulas), and the links asked for (1: the sheet's own formulas answer).
    expect(linkSyncs).toEqual([1]);
    expect(excel.state.syncs - syncs).toBe(10);
  });

  it("says PROD's checks are gone when the user deleted its hidden column and the note's sentence on it, and keeps a column the user hid hidden, in no more syncs", async () => {
    const { book, excel, port, ref } = setup();
    await compareIncentives(port, ref, programs, () => Promise.reject(new Error("asked")));
    // L is PROD's hidden check; the user hides N, deletes L and rewrites the note (A2).
    expect(book.sheet(COMPARISON_SHEET).hiddenColumns).toEqual(new Set([11]));
    book.sheet(COMPARISON_SHEET).hiddenColumns.add(13);
    book.deleteColumns(COMPARISON_SHEET, 11, 1);
    const note = book.cell(COMPARISON_SHEET, "A2")!;
    note.content = String(note.content).replace(` ${CHECK_NOTE}`, "");
    const questions: string[] = [];
    const syncs = excel.state.syncs;
    await compareIncentives(port, ref, programs, asking(true, questions));
    // As any replace asked about (10).
    expect(excel.state.syncs - syncs).toBe(10);
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatch(/PROD's hidden check of what it wrote is gone from \d+ rows \(/);
    // Its check back in L, hidden; the user's column, now M, still hidden.
    expect(String(book.cell(COMPARISON_SHEET, "L6")?.content)).toMatch(/^PROD check/);
    expect(book.sheet(COMPARISON_SHEET).hiddenColumns).toEqual(new Set([11, 12]));
  });

  it("asks once when an older comparison (no notes column) lost its mark and has a cell typed beside a row", async () => {
    const { book, port, ref } = setup();
    await compareIncentives(port, ref, programs, () => Promise.reject(new Error("asked")));
    book.names = [];
    // As written before the notes column and the row checks: no "Your notes", no check column.
    book.setCell(COMPARISON_SHEET, "K5", { kind: "value", content: "" });
    for (let r = 1; r <= 8; r++) book.setCell(COMPARISON_SHEET, `L${r}`, { kind: "value", content: "" });
    const note = book.cell(COMPARISON_SHEET, "A2")!;
    note.content = String(note.content).replace(` ${CHECK_NOTE}`, "");
    book.sheet(COMPARISON_SHEET).names = [];
    book.setCell(COMPARISON_SHEET, "K6", { kind: "value", content: "checked" });
    const questions: string[] = [];
    const written = await compareIncentives(port, ref, programs.slice(0, 2), asking(true, questions));
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatch(
      /^Replace "Incentive comparison"\? .*You typed on it: 1 cell beside 1 row \(US-GA\)\. .*Replace it only if it is PROD's comparison/,
    );
    // Beside the older table's last heading (J), it stays beside the new one's (after the notes).
    expect(book.values(COMPARISON_SHEET, 4, 10, 2, 3)).toEqual([
      [YOUR_NOTES, expect.stringMatching(/^PROD check/), ""],
      ["", expect.stringMatching(/^PROD check/), "checked"],
    ]);
    expect(written?.carried).toBe("1 cell of yours carried to the rows with the same labels.");
  });
});

describe("the budget read again (the panel keeps the range it read)", () => {
  const gross = (budget: Awaited<ReturnType<typeof readBudget>>) =>
    explain(budget, programs[0]).gross.toNumber();

  it("reads it again in one sync, with an amount changed, and what it showed kept for the next read", async () => {
    const { book, excel, port, ref } = setup();
    const first = await readBudget(port, ref);
    expect(first.range).toEqual({
      ...ref,
      seen: { headings: book.values("Budget", 0, 0, 1, 11)[0], below: expect.any(String) },
    });
    // B3 stages, equipment and locations: $2,200,000 -> $1,200,000 (row 11).
    book.write("Budget", 10, 2, 1200000);
    const syncs = excel.state.syncs;
    const again = await readBudget(port, first.range);
    expect(excel.state.syncs - syncs).toBe(1);
    expect([gross(first), gross(again)]).toEqual([2400000, 2100000]);
    expect(again.range).toEqual(first.range);
  });

  it("reads it again when only the figures of a total row under it changed", async () => {
    const { book, port, ref } = setup();
    book.write("Budget", LINES + 1, 1, "Total");
    book.write("Budget", LINES + 1, 2, 10000000);
    const first = await readBudget(port, ref);
    book.write("Budget", LINES + 1, 2, 9000000);
    await expect(readBudget(port, first.range)).resolves.toMatchObject({ cells: first.cells });
  });

  it("refuses it in words when its sheet is gone", async () => {
    const { book, port, ref } = setup();
    const first = await readBudget(port, ref);
    book.deleteSheet("Budget");
    await expect(readBudget(port, first.range)).rejects.toThrow(
      `The budget PROD read before, Budget!A1:K${LINES + 1}, is gone: the workbook has no sheet "Budget" now (deleted or renamed). Select the whole budget with its headings row, then press "Use the selection".`,
    );
  });

  it("refuses it in words when it no longer starts with its headings (a row inserted above)", async () => {
    const { book, port, ref } = setup();
    const first = await readBudget(port, ref);
    book.write("Budget", 0, 2, "Budget");
    await expect(readBudget(port, first.range)).rejects.toThrow(
      `The budget PROD read before, Budget!A1:K${LINES + 1}, no longer starts with the headings it had (Account, Description, Total, Where, Payee, Residency, Class, Pay form, Phase, Flags, People): rows or columns may have been inserted or deleted, so PROD did not read it.`,
    );
  });

  it("refuses it in words when a line is under it now (a line inserted inside, or typed just below)", async () => {
    const { book, port, ref } = setup();
    const first = await readBudget(port, ref);
    book.write("Budget", LINES + 1, 2, 5000);
    await expect(readBudget(port, first.range)).rejects.toThrow(
      `The row under the budget PROD read before, Budget!A1:K${LINES + 1}, has changed since: lines may have been added or deleted`,
    );
    // The selection taken again reads it with the new line under it left out, as selected.
    await expect(readBudget(port, ref)).resolves.toMatchObject({
      range: { seen: { below: expect.any(String) } },
    });
  });
});

describe("the selection as the budget", () => {
  it("is refused in words when it is on the comparison PROD wrote", async () => {
    const { book, port, ref } = setup();
    await compareIncentives(port, ref, programs.slice(0, 2), yes);
    book.selection = { sheet: COMPARISON_SHEET, address: "K7" };
    await expect(selectedBudget(port)).rejects.toThrow(
      `The selection (${COMPARISON_SHEET}!K7) is on "${COMPARISON_SHEET}", the comparison PROD wrote, not a budget, so PROD did not read it.`,
    );
    book.selection = ref;
    await expect(selectedBudget(port)).resolves.toEqual(ref);
  });
});

describe("the Settings and Exchange rate cells the user changed on the Incentive comparison", () => {
  const asking = (answer: boolean, questions: string[]) => (question: { title: string; message: string }) => {
    questions.push(`${question.title} ${question.message}`);
    return Promise.resolve(answer);
  };
  const never = () => Promise.reject(new Error("asked"));

  it("names each in the one question; Cancel writes nothing; Replace keeps them, text as text, and the figures use them, in no more syncs", async () => {
    const { book, excel, port, ref } = setup();
    await compareIncentives(port, ref, programs, never);
    // US-GA (row 6) sold at 0.88; CAN-BC (row 8) at 1.4 Canadian dollars to the dollar.
    book.setCell(COMPARISON_SHEET, "D6", { kind: "value", content: "SALE=0.88" });
    book.setCell(COMPARISON_SHEET, "E8", { kind: "value", content: 1.4 });
    const before = snapshot(book);
    const questions: string[] = [];
    expect(await compareIncentives(port, ref, programs, asking(false, questions))).toBeNull();
    expect(snapshot(book)).toBe(before);
    expect(questions).toEqual([
      `Replace "Incentive comparison"? You changed on it: US-GA's Settings (D6) is "SALE=0.88", the pane had blank; CAN-BC's Exchange rate (E8) is 1.4, the pane had blank. The new comparison keeps your values and its figures use them. Comparing replaces it with this comparison.`,
    ]);

    const syncs = excel.state.syncs;
    const written = await compareIncentives(port, ref, programs, asking(true, questions));
    // As a replace with nothing changed (10): the cells were read with what the user typed.
    expect(excel.state.syncs - syncs).toBe(10);
    expect(written?.kept.map((k) => `${k.program} ${k.heading} ${k.address}`)).toEqual([
      "US-GA Settings D6",
      "CAN-BC Exchange rate E8",
    ]);
    expect(book.cell(COMPARISON_SHEET, "D6")).toMatchObject({ kind: "value", content: "SALE=0.88" });
    expect(book.cell(COMPARISON_SHEET, "E8")).toMatchObject({ kind: "value", content: 1.4 });
    expect(book.cell(COMPARISON_SHEET, "E6")?.content ?? "").toBe("");
    // The figures the pane reports are the sheet's: Georgia's $2,400,000 sold at 0.88.
    const budget = await readBudget(port, ref);
    const bc = explain(budget, { name: "CAN-BC", settings: "", exchangeRate: 1.4 });
    expect(
      written?.programs.map((p) => [p.name, p.result.gross.toNumber(), p.result.net.toNumber()]),
    ).toEqual([
      ["US-GA", 2400000, 2112000],
      ["US-NM", 1719750, 1719750],
      ["CAN-BC", bc.gross.toNumber(), bc.net.toNumber()],
    ]);
    // British Columbia's credits are rates of spend, so the figures stand; the rate is used (no
    // "no exchange rate given" assumption in the row's notes any more).
    expect(written?.programs[2].result.exchangeRate.toNumber()).toBe(1.4);
    expect(String(book.cell(COMPARISON_SHEET, "J8")?.content)).not.toMatch(/no exchange rate given/);
    expect(String(before)).toMatch(/no exchange rate given: budget amounts taken as CAD/);

    // Compared again with the pane's fields set to the kept values: nothing to ask.
    const following = [
      { ...programs[0], settings: "SALE=0.88" },
      programs[1],
      { ...programs[2], exchangeRate: 1.4 },
    ];
    expect((await compareIncentives(port, ref, following, never))?.kept).toEqual([]);
  });

  it("keeps the Settings and Exchange rate changed on programs no longer compared under the heading, with their programs, saying nothing was put back, beside a setting kept in place on a program still compared, in no more syncs", async () => {
    const { book, excel, port, ref } = setup();
    // CAN-BC (row 8) written at 1.37 Canadian dollars to the dollar by the pane.
    const withRate = [programs[0], programs[1], { ...programs[2], exchangeRate: 1.37 }];
    await compareIncentives(port, ref, withRate, never);
    // The user changes Georgia's settings (row 6, compared again), New Mexico's (row 7, blank as
    // PROD wrote it) and British Columbia's rate (row 8); the next comparison drops both.
    book.setCell(COMPARISON_SHEET, "D6", { kind: "value", content: "SALE=0.88" });
    book.setCell(COMPARISON_SHEET, "D7", { kind: "value", content: "STAGE=YES" });
    book.setCell(COMPARISON_SHEET, "E8", { kind: "value", content: 1.4 });
    const next = [programs[0], { name: "US-NY", settings: "", exchangeRate: null }];
    const before = snapshot(book);
    const questions: string[] = [];
    expect(await compareIncentives(port, ref, next, asking(false, questions))).toBeNull();
    expect(snapshot(book)).toBe(before);
    expect(questions).toEqual([
      `Replace "Incentive comparison"? You typed on it: 1 cell typed where PROD left its cell blank ("STAGE=YES" in "Settings" of US-NM (D7)); 1 of PROD's labels or figures retyped (1.4 over "Exchange rate" of CAN-BC (E8)). 1 cell will be kept under "${KEPT_HEADING}" (1 row the new sheet does not have: US-NM); 1 cell you typed over PROD's labels, figures or formulas on 1 row the new sheet does not have (CAN-BC) will be kept as a note under "${KEPT_HEADING}", beside the row's label, with nothing put back in its place. You changed on it: US-GA's Settings (D6) is "SALE=0.88", the pane had blank. The new comparison keeps your value and its figures use it. Comparing replaces it with this comparison.`,
    ]);
    expect(questions[0]).not.toMatch(/PROD's (own|formula) (is )?back/);

    const syncs = excel.state.syncs;
    const written = await compareIncentives(port, ref, next, asking(true, questions));
    expect(excel.state.syncs - syncs).toBe(10);
    // Georgia keeps its settings in place, and its figures use them; New York is new (row 7).
    expect(book.values(COMPARISON_SHEET, 5, 0, 2, 4)).toEqual([
      ["US-GA", "Georgia Entertainment Industry Investment Act", "USD", "SALE=0.88"],
      ["US-NY", expect.any(String), "USD", ""],
    ]);
    expect(written?.programs.map((p) => [p.name, p.result.net.toNumber()])).toEqual([
      ["US-GA", 2112000],
      ["US-NY", written?.programs[1].result.net.toNumber()],
    ]);
    // Under the heading, a row per program dropped, labelled by it: New Mexico's settings as
    // typed (text), British Columbia's rate as a note that says nothing was put back.
    expect(book.values(COMPARISON_SHEET, 8, 0, 3, 1).flat()).toEqual([KEPT_HEADING, "US-NM", "CAN-BC"]);
    expect(book.cell(COMPARISON_SHEET, "M10")).toMatchObject({ kind: "value", content: "STAGE=YES" });
    expect(book.cell(COMPARISON_SHEET, "K11")?.content).toBe(
      `You retyped PROD's "Exchange rate" (E8) as 1.4 in the earlier sheet, on a row the next sheet did not have: PROD kept it as this note and put nothing back.`,
    );
    expect(written?.kept.map((k) => `${k.program} ${k.heading}`)).toEqual(["US-GA Settings"]);
    expect(written?.carried).toBe(
      `1 cell kept under "${KEPT_HEADING}" (1 row the new sheet does not have: US-NM); 1 cell you typed over PROD's labels, figures or formulas on 1 row the new sheet does not have (CAN-BC) kept as a note under "${KEPT_HEADING}", beside the row's label, with nothing put back in its place.`,
    );
  });

  it("takes settings and a rate changed in the pane, unasked, where the sheet's cells are as PROD wrote them, in no more syncs; a row whose check is gone asks as before, and is kept whole, once, when the new comparison drops it", async () => {
    const { book, excel, port, ref } = setup();
    await compareIncentives(port, ref, programs, never);
    // The pane now sells Georgia's credit at 0.88 and has a Canadian dollar rate of 1.37.
    const pane = [
      { ...programs[0], settings: "SALE=0.88" },
      programs[1],
      { ...programs[2], exchangeRate: 1.37 },
    ];
    const syncs = excel.state.syncs;
    const written = await compareIncentives(port, ref, pane, never);
    expect(excel.state.syncs - syncs).toBe(10);
    expect(written?.kept).toEqual([]);
    expect(book.cell(COMPARISON_SHEET, "D6")?.content).toBe("SALE=0.88");
    expect(book.cell(COMPARISON_SHEET, "E8")?.content).toBe(1.37);
    expect(
      written?.programs.map((p) => [p.name, p.result.net.toNumber(), p.result.exchangeRate.toNumber()]),
    ).toEqual([
      ["US-GA", 2112000, 1],
      ["US-NM", 1719750, 1],
      ["CAN-BC", 1294720, 1.37],
    ]);

    // British Columbia's check deleted: its rate cannot be told from one the user typed, so a
    // rate that differs from the pane's is asked about, and kept on Replace.
    book.setCell(COMPARISON_SHEET, "L8", { kind: "value", content: "" });
    const questions: string[] = [];
    const asked = excel.state.syncs;
    const again = await compareIncentives(
      port,
      ref,
      [pane[0], pane[1], { ...pane[2], exchangeRate: 1.5 }],
      asking(true, questions),
    );
    // Not that PROD puts its own back: the rate that is not the pane's is kept.
    expect(questions).toEqual([
      `Replace "Incentive comparison"? PROD's hidden check of what it wrote is gone from 1 row (CAN-BC), so on it PROD cannot tell a label or formula you retyped from its own, and puts its own back, except a program's Settings or Exchange rate that is not the pane's, which it keeps; notes, cells beside the rows and figures typed over formulas are still kept. You changed on it: CAN-BC's Exchange rate (E8) is 1.37, the pane had 1.5. The new comparison keeps your value and its figures use it. Comparing replaces it with this comparison.`,
    ]);
    expect(again?.programs[2].exchangeRate).toBe(1.37);
    const askedSyncs = excel.state.syncs - asked;

    // British Columbia's check deleted again, the user retypes its name and its timing, and
    // British Columbia is no longer compared: PROD cannot tell what the user retyped there, so
    // the row is kept whole under the heading, as it reads, not dropped.
    book.setCell(COMPARISON_SHEET, "L8", { kind: "value", content: "" });
    book.setCell(COMPARISON_SHEET, "B8", { kind: "value", content: "BC (our reading)" });
    book.setCell(COMPARISON_SHEET, "I8", { kind: "value", content: "after audit, about 18 months" });
    // What Excel shows of its formulas (the mock does not calculate).
    const shown = { F8: 1618400, G8: 1294720, H8: 6905280 };
    for (const [address, result] of Object.entries(shown)) {
      const cell = book.cell(COMPARISON_SHEET, address)!;
      cell.result = result;
    }
    const before = snapshot(book);
    expect(await compareIncentives(port, ref, [pane[0], pane[1]], asking(false, questions))).toBeNull();
    expect(snapshot(book)).toBe(before);
    expect(questions[1]).toBe(
      `Replace "Incentive comparison"? PROD's hidden check of what it wrote is gone from 1 row (CAN-BC), so on it PROD cannot tell a label or formula you retyped from its own; the new sheet does not have it, so it keeps the row under "${KEPT_HEADING}" by its label, its cells as they read (a formula pointing at cells of this sheet as its value); notes, cells beside the rows and figures typed over formulas are still kept. Comparing replaces it with this comparison.`,
    );
    const start = excel.state.syncs;
    const kept = await compareIncentives(port, ref, [pane[0], pane[1]], asking(true, questions));
    // In the syncs of any replace asked about.
    expect(excel.state.syncs - start).toBe(askedSyncs);
    const heading = book.values(COMPARISON_SHEET, 0, 0, 20, 1).findIndex((r) => r[0] === KEPT_HEADING);
    expect(heading).toBe(8);
    // By its label, each cell in its column: the name and timing as retyped, the rate, and the
    // figures of its formulas (which point at cells of this row) as the values they showed.
    expect(book.values(COMPARISON_SHEET, heading + 1, 0, 1, 12)).toEqual([
      [
        "CAN-BC",
        "BC (our reading)",
        "CAD",
        "",
        1.37,
        1618400,
        1294720,
        6905280,
        "after audit, about 18 months",
        "none",
        "",
        "",
      ],
    ]);
    expect(book.cell(COMPARISON_SHEET, `G${heading + 2}`)).toMatchObject({
      kind: "value",
      format: NUMBER_FORMATS.money,
    });
    expect(kept?.carried).toBe(
      `1 row whose check was gone that the new sheet does not have (CAN-BC) kept under "${KEPT_HEADING}" by its label, its cells as they read (8 cells; formulas pointing at cells of this sheet as their values).`,
    );
    // Compared again: the kept row is read as kept, and kept once, as it is.
    const keptRow = book.values(COMPARISON_SHEET, heading + 1, 0, 1, 12);
    const third = await compareIncentives(port, ref, [pane[0], pane[1]], asking(true, questions));
    expect(questions[3]).toBe(
      `Replace "Incentive comparison"? You typed on it: 8 cells on 1 row kept from an earlier sheet (CAN-BC). 8 cells will be kept under "${KEPT_HEADING}" (1 row the new sheet does not have: CAN-BC). Comparing replaces it with this comparison.`,
    );
    expect(third?.carried).toBe(
      `8 cells kept under "${KEPT_HEADING}" (1 row the new sheet does not have: CAN-BC).`,
    );
    expect(book.values(COMPARISON_SHEET, 0, 0, 20, 1).filter((r) => r[0] === "CAN-BC")).toHaveLength(1);
    expect(book.values(COMPARISON_SHEET, heading + 1, 0, 1, 12)).toEqual(keptRow);
  });

  it("keeps the user's formula in a rate cell as written", async () => {
    const { book, port, ref } = setup();
    await compareIncentives(port, ref, programs, never);
    book.addSheet("Rates", [["CAD", 1.37]]);
    book.setCell(COMPARISON_SHEET, "E8", { kind: "formula", content: "=Rates!$B$1", result: 1.37 });
    const questions: string[] = [];
    const written = await compareIncentives(port, ref, programs, asking(true, questions));
    expect(questions[0]).toMatch(
      /CAN-BC's Exchange rate \(E8\) is 1\.37 \(your formula =Rates!\$B\$1\), the pane had blank\./,
    );
    expect(book.cell(COMPARISON_SHEET, "E8")).toMatchObject({ kind: "formula", content: "=Rates!$B$1" });
    expect(written?.programs[2].exchangeRate).toBe(1.37);
  });

  it("names a label retyped and a formula of the user's over PROD's by the rows' checks, keeps each as a note with PROD's own back, and leaves a changed setting in place", async () => {
    const { book, excel, port, ref } = setup();
    await compareIncentives(port, ref, programs, never);
    // Gross, net and net cost are formulas; the Settings and Exchange rate cells are the user's to change.
    expect(book.sheet(COMPARISON_SHEET).hiddenColumns).toEqual(new Set([11]));
    expect(String(book.cell(COMPARISON_SHEET, "L6")?.content)).toMatch(/^PROD check/);
    const syncs = excel.state.syncs;
    await compareIncentives(port, ref, programs, never);
    const unchanged = excel.state.syncs - syncs;
    book.setCell(COMPARISON_SHEET, "B7", { kind: "value", content: "New Mexico (our reading)" });
    book.setCell(COMPARISON_SHEET, "G8", { kind: "formula", content: "=F8*0.9", result: 1165248 });
    book.setCell(COMPARISON_SHEET, "D6", { kind: "value", content: "SALE=0.88" });
    const before = snapshot(book);
    const questions: string[] = [];
    expect(await compareIncentives(port, ref, programs, asking(false, questions))).toBeNull();
    expect(snapshot(book)).toBe(before);
    expect(questions).toEqual([
      `Replace "Incentive comparison"? You typed on it: 1 formula of yours written over PROD's formulas (=F8*0.9 over "Net cash" of CAN-BC (G8)); 1 of PROD's labels or figures retyped ("New Mexico (our reading)" over "Name" of US-NM (B7)). 2 cells you typed over PROD's labels, figures or formulas will be kept as notes beside their rows, with PROD's own back in their place. You changed on it: US-GA's Settings (D6) is "SALE=0.88", the pane had blank. The new comparison keeps your value and its figures use it. Comparing replaces it with this comparison.`,
    ]);

    const start = excel.state.syncs;
    await compareIncentives(port, ref, programs, asking(true, questions));
    expect(excel.state.syncs - start).toBe(unchanged);
    expect(book.values(COMPARISON_SHEET, 5, 3, 1, 1)).toEqual([["SALE=0.88"]]);
    expect(book.values(COMPARISON_SHEET, 6, 1, 1, 1)).toEqual([["New Mexico Film Production Tax Credit"]]);
    expect(book.cell(COMPARISON_SHEET, "G8")?.content).toMatch(/^=IF\(\$E8="",PROD\.INCENTIVENET/);
    expect([book.cell(COMPARISON_SHEET, "K7")?.content, book.cell(COMPARISON_SHEET, "K8")?.content]).toEqual([
      `You retyped PROD's "Name" (B7) as "New Mexico (our reading)" in the earlier sheet; PROD's own is back in its place.`,
      `You wrote the formula =F8*0.9 (it showed 1,165,248) over "Net cash" (G8) in the earlier sheet; PROD's formula is back in its place.`,
    ]);
    expect(book.cell(COMPARISON_SHEET, "K6")?.content ?? "").toBe("");
  });

  it("names PROD's net cost pointed at the gross credit by hand, with PROD's formula, and keeps it as a note with PROD's back, in the syncs of a replace", async () => {
    const { book, excel, port, ref } = setup();
    await compareIncentives(port, ref, programs, never);
    const syncs = excel.state.syncs;
    await compareIncentives(port, ref, programs, never);
    const unchanged = excel.state.syncs - syncs;
    expect(book.cell(COMPARISON_SHEET, "H7")?.content).toBe("=ROUND($B$3-G7,2)");
    // The budget less the gross credit, not the net cash: the same formula, pointed elsewhere.
    book.setCell(COMPARISON_SHEET, "H7", { kind: "formula", content: "=ROUND($B$3-F7,2)", result: 1000 });
    const before = snapshot(book);
    const questions: string[] = [];
    expect(await compareIncentives(port, ref, programs, asking(false, questions))).toBeNull();
    expect(snapshot(book)).toBe(before);
    expect(questions).toEqual([
      `Replace "Incentive comparison"? You typed on it: 1 of PROD's formulas pointed at other cells by hand ("Net cost of the budget" of US-NM (H7) from =ROUND($B$3-G7,2) to =ROUND($B$3-F7,2)). 1 cell you typed over PROD's labels, figures or formulas will be kept as a note beside its row, with PROD's own back in its place. Comparing replaces it with this comparison.`,
    ]);
    const start = excel.state.syncs;
    await compareIncentives(port, ref, programs, asking(true, questions));
    expect(excel.state.syncs - start).toBe(unchanged);
    expect(book.cell(COMPARISON_SHEET, "H7")?.content).toBe("=ROUND($B$3-G7,2)");
    expect(book.cell(COMPARISON_SHEET, "K7")?.content).toBe(
      `You changed PROD's formula in "Net cost of the budget" (H7) from =ROUND($B$3-G7,2) to =ROUND($B$3-F7,2) (it showed 1,000) in the earlier sheet; PROD's formula is back in its place.`,
    );
  });

  it.each<[string, string, string | number, string]>([
    [
      "a rate of abc",
      "E7",
      "abc",
      `The Exchange rate of US-NM on "Incentive comparison" (E7) cannot be used: "abc" must be a number above 0`,
    ],
    [
      "a negative rate",
      "E7",
      -1.4,
      `The Exchange rate of US-NM on "Incentive comparison" (E7) cannot be used: -1.4 must be a number above 0`,
    ],
    [
      "a rate of 0",
      "E8",
      0,
      `The Exchange rate of CAN-BC on "Incentive comparison" (E8) cannot be used: 0 must be a number above 0`,
    ],
    [
      "settings of text =1",
      "D6",
      "=1",
      `The Settings of US-GA on "Incentive comparison" (D6) cannot be used: settings names , which US-GA does not read`,
    ],
  ])(
    "refuses %s in words naming the program and the cell, asking nothing and writing nothing",
    async (_what, address, content, words) => {
      const { book, port, ref } = setup();
      await compareIncentives(port, ref, programs, never);
      book.setCell(COMPARISON_SHEET, address, { kind: "value", content });
      const before = snapshot(book);
      await expect(compareIncentives(port, ref, programs, never)).rejects.toThrow(words);
      expect(snapshot(book)).toBe(before);
    },
  );
});
