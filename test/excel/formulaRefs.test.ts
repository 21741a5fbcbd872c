import {
  deleteColumnsIn,
  deleteRowsIn,
  insertRowsIn,
  formulaRefs,
  formulaShape,
  ownReferences,
  refersInto,
  refersToSheet,
} from "../../src/excel/formulaRefs";
import { hiddenColumnsFormula, hiddenColumnsOf } from "../../src/excel/port";

describe("formulaRefs: what a formula refers to", () => {
  it.each([
    ["='Budget comparison'!$E$12", [{ sheets: ["Budget comparison"], address: "$E$12" }]],
    ["=SUM(Globals!B3:B9)*2", [{ sheets: ["Globals"], address: "B3:B9" }]],
    ["='O''Brien''s sheet'!B2", [{ sheets: ["O'Brien's sheet"], address: "B2" }]],
    [
      "=Jan:Mar!B2+'Wk 1:Wk 3'!C4",
      [
        { sheets: ["Jan", "Mar"], address: "B2" },
        { sheets: ["Wk 1", "Wk 3"], address: "C4" },
      ],
    ],
    ["='Top, Sheet'!E:E", [{ sheets: ["Top, Sheet"], address: "E:E" }]],
    ["=Résumé!A1", [{ sheets: ["Résumé"], address: "A1" }]],
  ])("reads the sheet references of %s", (formula, references) => {
    expect(formulaRefs(formula).references).toEqual(references);
  });

  it("reads references on the formula's own sheet as having no sheet", () => {
    expect(formulaRefs("=SUM(E5:E9)+$B$2*SUM(C:C)+Rate").references).toEqual([
      { sheets: [], address: "E5:E9" },
      { sheets: [], address: "$B$2" },
      { sheets: [], address: "C:C" },
    ]);
  });

  it("finds no reference in text constants, error values or other workbooks", () => {
    expect(
      formulaRefs(
        `="'Budget comparison'!E12"&#REF!&[1]Budget!A1+'[Book.xlsx]Budget comparison'!A1+'C:\\x\\[B.xlsx]Top'!A1`,
      ).references,
    ).toEqual([]);
    expect(formulaRefs("=#REF!$A$1").references).toEqual([]);
  });

  it("lists the bare words (names, tables, cells), not functions", () => {
    expect(formulaRefs("=SUM(Lines[Total])+BudgetTotal*A1 + IF (x, 1)").words).toEqual([
      "Lines",
      "BudgetTotal",
      "A1",
      "x",
      "1",
    ]);
  });
});

describe("refersToSheet", () => {
  it("tells a sheet from one whose name it begins, any case, quoted or not", () => {
    expect(refersToSheet("='Budget comparison 2'!E12", "Budget comparison")).toBe(false);
    expect(refersToSheet("='budget COMPARISON'!E12", "Budget comparison")).toBe(true);
    expect(refersToSheet("=Budget!A1", "Budget")).toBe(true);
    expect(refersToSheet("=Budget2!A1", "Budget")).toBe(false);
  });

  it("does not take a name that merely contains the sheet's name for a reference", () => {
    expect(refersToSheet("=Budget_comparison_total*2", "Budget_comparison")).toBe(false);
    expect(refersToSheet('="Budget comparison"', "Budget comparison")).toBe(false);
  });

  it("counts a table on the sheet, or a name given as referring to it", () => {
    expect(refersToSheet("=SUM(Lines[Total])", "Budget", ["lines"])).toBe(true);
    expect(refersToSheet("=SUM(OtherLines[Total])", "Budget", ["Lines"])).toBe(false);
  });

  it("counts either end of a 3-D reference", () => {
    expect(refersToSheet("=SUM(Jan:Mar!B2)", "mar")).toBe(true);
  });
});

describe("refersInto", () => {
  const e12 = { row: 11, column: 4, rowCount: 1, columnCount: 1 };
  it("counts a reference that overlaps the area, not one beside it", () => {
    expect(refersInto("=SUM('Budget comparison'!E1:E20)", "Budget comparison", e12)).toBe(true);
    expect(refersInto("='Budget comparison'!F12", "Budget comparison", e12)).toBe(false);
    expect(refersInto("='Budget comparison'!12:12", "Budget comparison", e12)).toBe(true);
  });

  it("counts a reference without a sheet only in a formula on the sheet itself", () => {
    expect(refersInto("=E12*2", "Budget comparison", e12)).toBe(false);
    expect(refersInto("=E12*2", "Budget comparison", e12, [], "budget comparison")).toBe(true);
    expect(refersInto("=E13*2", "Budget comparison", e12, [], "Budget comparison")).toBe(false);
  });

  it("counts a reference that is no A1 address (a sheet-level name) as a link", () => {
    expect(refersInto("='Budget comparison'!LocalTotal", "Budget comparison", e12)).toBe(true);
  });
});

describe("formulaShape: a formula with its references left out, to tell the user's from PROD's", () => {
  it.each([
    // Excel moves references when the user inserts or deletes rows elsewhere: the same shape.
    ["=ROUND(C12-D12,2)", "=ROUND(C13-D13,2)"],
    ["=SUM(C5:C9)", "=SUM(C5:C10)"],
    ["=C10+C15", "=C11+C17"],
    [
      "=ROUND(SUMIFS('PROD versions'!$G:$G,'PROD versions'!$A:$A,2),2)",
      "=ROUND(SUMIFS('PROD versions'!$G:$G,'PROD versions'!$A:$A,2),2)",
    ],
    ["=Jan:Mar!B2", "=Jan:Mar!B3"],
    // Excel drops quotes a sheet name does not need, and reads names without regard to case.
    ["=SUM('Budget'!$C$2:$C$9)", "=SUM(Budget!$C$2:$C$9)"],
    ["='Top Sheet'!H5+'Jan 1:Mar 1'!B2", "='top sheet'!H6+'Jan 1:Mar 1'!B3"],
    // Case and spaces outside text constants are not the formula's (Excel reads them so).
    ["=round(c12 - d12, 2)", "=ROUND(C12-D12,2)"],
    // A function newer than Excel 2007 may read back with the prefix it has in the file.
    ["=XLOOKUP(A5,B:B,C:C)", "=_xlfn.XLOOKUP(A5,B:B,C:C)"],
    ["=SUM(SORT(C5:C9))", "=SUM(_xlfn._xlws.SORT(C5:C9))"],
    ["=FILTER(C5:C9,D5:D9>0)", "=_xlws.FILTER(C5:C9,D5:D9>0)"],
  ])("%s and %s have the same shape", (a, b) => {
    expect(formulaShape(a)).toBe(formulaShape(b));
  });

  it.each([
    // Another function, operator, constant, sheet, name or text: the user's formula.
    ["=ROUND(C12-D12,2)", "=ROUND(C12+D12,2)"],
    ["=ROUND(C12-D12,2)", "=ROUND(C12-D12,0)"],
    ["=ROUND(C12-D12,2)", "=C12-D12"],
    ["=SUM(C5:C9)", "=AVERAGE(C5:C9)"],
    ["=C12*1.1", "=C12*1.2"],
    ['=IF(C12=0,"",E12/C12)', '=IF(C12=0,"n/a",E12/C12)'],
    ['=IF(C12=0,"a b",1)', '=IF(C12=0,"A B",1)'],
    ["=Globals!B3", "=Rates!B3"],
    ["='Top Sheet'!H5", "='TopSheet'!H5"],
    ["=Globals!Rate", "=Globals!Rebate"],
    ["=C12*Rate", "=C12*Rebate"],
    ["=C12", "=C12:D12"],
    // A prefix inside text, or a name that merely ends like one, is the formula's own.
    ['="_xlfn.X"', '="X"'],
    ["=MY_XLFN.RATE", "=RATE"],
  ])("%s and %s have different shapes", (a, b) => {
    expect(formulaShape(a)).not.toBe(formulaShape(b));
  });

  it("writes each address as # and keeps the rest", () => {
    expect(formulaShape("='Top Sheet'!$H$5+SUM(E:E)*Rate")).toBe("=TOP SHEET!#+SUM(#:#)*RATE");
    expect(formulaShape('=A1&" x "&B2')).toBe('=#&" x "&#');
  });
});

describe("deleteColumnsIn: a formula as Excel rewrites it when columns of a sheet are deleted", () => {
  it.each([
    // Column K (10) of "Budget comparison" deleted.
    [
      "a whole column deleted: the name keeps #REF! after its sheet",
      "='Budget comparison'!$K:$K",
      "='Budget comparison'!#REF!",
    ],
    ["a column right of it moves left", "='Budget comparison'!$M:$M", "='Budget comparison'!$L:$L"],
    ["a column left of it stays", "='Budget comparison'!$A$1", "='Budget comparison'!$A$1"],
    ["a range across it shrinks", "=SUM('Budget comparison'!J2:L9)", "=SUM('Budget comparison'!J2:K9)"],
    [
      "a range starting in it shrinks from the left",
      "='Budget comparison'!K2:M2",
      "='Budget comparison'!K2:L2",
    ],
    [
      "a range ending in it shrinks from the right",
      "='Budget comparison'!$H$2:$K$2",
      "='Budget comparison'!$H$2:$J$2",
    ],
    [
      "another sheet's reference stays",
      "=Other!K5+'Budget comparison'!L5",
      "=Other!K5+'Budget comparison'!K5",
    ],
    ["whole rows stay", "=SUM('Budget comparison'!3:5)", "=SUM('Budget comparison'!3:5)"],
    [
      "text that looks like a reference stays",
      `="'Budget comparison'!K5"&'Budget comparison'!K5`,
      `="'Budget comparison'!K5"&'Budget comparison'!#REF!`,
    ],
    [
      "each area of a union on its own",
      "='Budget comparison'!$K:$K,'Budget comparison'!$M:$M",
      "='Budget comparison'!#REF!,'Budget comparison'!$L:$L",
    ],
  ])("%s", (_case, formula, rewritten) => {
    expect(deleteColumnsIn(formula, "Budget comparison", 10, 1)).toBe(rewritten);
  });

  it("moves a reference without a sheet only in a formula on the sheet itself", () => {
    expect(deleteColumnsIn("=K5+M5", "Budget comparison", 10, 1, "Budget comparison")).toBe("=#REF!+L5");
    expect(deleteColumnsIn("=K5+M5", "Budget comparison", 10, 1, "Top Sheet")).toBe("=K5+M5");
  });

  it("deletes several columns at once (B:C of B2:E2 leaves B2:C2)", () => {
    expect(deleteColumnsIn("=S!B2:E2", "S", 1, 2)).toBe("=S!B2:C2");
    expect(deleteColumnsIn("=S!$B:$C", "S", 1, 2)).toBe("=S!#REF!");
  });
});

describe("insertRowsIn: a formula as Excel rewrites it when rows of a sheet are inserted", () => {
  it.each([
    // Two rows inserted at row 6 (0-based 5) of "Budget comparison": rows 6 on move down by two.
    ["a row above it stays", "='Budget comparison'!C5", "='Budget comparison'!C5"],
    [
      "a row at or below it moves down",
      "='Budget comparison'!$C$6+'Budget comparison'!C9",
      "='Budget comparison'!$C$8+'Budget comparison'!C11",
    ],
    ["a range across it widens", "=SUM('Budget comparison'!C5:C9)", "=SUM('Budget comparison'!C5:C11)"],
    [
      "a range ending on the row above stays",
      "=SUM('Budget comparison'!C2:C5)",
      "=SUM('Budget comparison'!C2:C5)",
    ],
    [
      "a range starting on it moves down whole",
      "=SUM('Budget comparison'!C6:C9)",
      "=SUM('Budget comparison'!C8:C11)",
    ],
    ["whole rows across it widen", "=SUM('Budget comparison'!$4:$6)", "=SUM('Budget comparison'!$4:$8)"],
    ["whole columns stay", "=SUM('Budget comparison'!C:C)", "=SUM('Budget comparison'!C:C)"],
    [
      "another sheet's reference stays",
      "=Other!C9+'Budget comparison'!C9",
      "=Other!C9+'Budget comparison'!C11",
    ],
    [
      "text that looks like a reference stays",
      `="'Budget comparison'!C9"&'Budget comparison'!C9`,
      `="'Budget comparison'!C9"&'Budget comparison'!C11`,
    ],
  ])("%s", (_case, formula, rewritten) => {
    expect(insertRowsIn(formula, "Budget comparison", 5, 2)).toBe(rewritten);
  });

  it("moves a reference without a sheet only in a formula on the sheet itself", () => {
    expect(insertRowsIn("=ROUND(C9-D9,2)", "S", 5, 1, "S")).toBe("=ROUND(C10-D10,2)");
    expect(insertRowsIn("=ROUND(C9-D9,2)", "S", 5, 1, "Top Sheet")).toBe("=ROUND(C9-D9,2)");
  });

  it("makes a reference pushed past the sheet's last row #REF!, and a range to that row keeps it", () => {
    expect(insertRowsIn("=S!C1048576+SUM(S!C5:C1048576)", "S", 5, 1)).toBe("=S!#REF!+SUM(S!C5:C1048576)");
  });
});

describe("deleteRowsIn: a formula as Excel rewrites it when rows of a sheet are deleted", () => {
  it.each([
    // Rows 6 and 7 (0-based 5, 6) of "S" deleted.
    ["a row above them stays", "=S!C5", "=S!C5"],
    ["a row below them moves up", "=S!$C$9", "=S!$C$7"],
    ["a row deleted is #REF!", "=S!C6+S!C9", "=S!#REF!+S!C7"],
    ["a range across them shrinks", "=SUM(S!C5:C9)", "=SUM(S!C5:C7)"],
    ["a range starting in them shrinks from the top", "=SUM(S!C7:C9)", "=SUM(S!C6:C7)"],
    ["a range ending in them shrinks from the bottom", "=SUM(S!C2:C6)", "=SUM(S!C2:C5)"],
    ["a range wholly in them is #REF!", "=SUM(S!C6:C7)", "=SUM(S!#REF!)"],
    ["whole rows in them are #REF!", "=S!$6:$7", "=S!#REF!"],
    ["whole columns stay", "=SUM(S!C:C)", "=SUM(S!C:C)"],
  ])("%s", (_case, formula, rewritten) => {
    expect(deleteRowsIn(formula, "S", 5, 2)).toBe(rewritten);
  });

  it("moves a reference without a sheet only in a formula on the sheet itself", () => {
    expect(deleteRowsIn("=C6+C9", "S", 5, 1, "S")).toBe("=#REF!+C8");
    expect(deleteRowsIn("=C6+C9", "S", 5, 1, "Top Sheet")).toBe("=C6+C9");
  });

  it("undoes an insert: rows inserted then deleted leave every formula as it was", () => {
    for (const formula of ["=SUM(S!C5:C9)", "=S!C6+S!$C$9", "=S!$4:$6", "=Other!C9"])
      expect(deleteRowsIn(insertRowsIn(formula, "S", 5, 2), "S", 5, 2)).toBe(formula);
  });
});

describe("PROD_HIDDEN: the name of the columns PROD hid on a sheet", () => {
  it("names each column whole, and reads back where Excel moved them, less a deleted one", () => {
    const formula = hiddenColumnsFormula("Budget comparison", [10, 12]);
    expect(formula).toBe("='Budget comparison'!$K:$K,'Budget comparison'!$M:$M");
    expect(hiddenColumnsOf(formula)).toEqual([10, 12]);
    expect(hiddenColumnsOf(deleteColumnsIn(formula, "Budget comparison", 10, 1))).toEqual([11]);
    expect(hiddenColumnsOf("='Budget comparison'!#REF!")).toEqual([]);
    expect(hiddenColumnsFormula("Checks", [2])).toBe("=Checks!$C:$C");
  });
});

describe("a formula's references to its own sheet", () => {
  it("has the same shape whether it names its own sheet or not, and not another's", () => {
    const sheet = "Budget comparison";
    expect(formulaShape("='Budget comparison'!C6-D6", sheet)).toBe(formulaShape("=C6-D6", sheet));
    expect(formulaShape("='budget COMPARISON'!C6-D6", sheet)).toBe(formulaShape("=C6-D6"));
    expect(formulaShape("='Budget comparison 2'!C6-D6", sheet)).not.toBe(formulaShape("=C6-D6"));
    // Without its sheet's name, a reference naming it is told apart as before.
    expect(formulaShape("='Budget comparison'!C6-D6")).not.toBe(formulaShape("=C6-D6"));
  });

  it("lists where each points, in order: a cell, a range, whole columns and rows, its own sheet named", () => {
    const formula = "=ROUND($C$6-D6,2)+SUM(C5:C9)+SUM(E:E)+SUM($4:$5)+'Plan'!D6*Globals!B3*Rate";
    expect(ownReferences(formula, "Plan").map((r) => [r.address, r.ends])).toEqual([
      ["$C$6", [{ row: 5, column: 2 }]],
      ["D6", [{ row: 5, column: 3 }]],
      [
        "C5:C9",
        [
          { row: 4, column: 2 },
          { row: 8, column: 2 },
        ],
      ],
      [
        "E:E",
        [
          { row: null, column: 4 },
          { row: null, column: 4 },
        ],
      ],
      [
        "$4:$5",
        [
          { row: 3, column: null },
          { row: 4, column: null },
        ],
      ],
      ["D6", [{ row: 5, column: 3 }]],
    ]);
    // Where each address is in the text: the sheet's name is not part of it.
    for (const r of ownReferences(formula, "Plan")) expect(formula.slice(...r.at)).toBe(r.address);
    expect(ownReferences('="C6"&XLOOKUP(A1,Lines[Code],Lines[Total])&Other!C6', "Plan")).toEqual([
      { at: [14, 16], address: "A1", ends: [{ row: 0, column: 0 }] },
    ]);
  });
});
