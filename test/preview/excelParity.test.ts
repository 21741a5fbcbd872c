/*
 * The preview computes what Excel computes (issue 18): booleans, IF handing a range on, typed
 * entries read as an en-US Excel reads them, and tables that grow when a person types under them.
 * Each expected value is what Excel 365 (en-US) shows for the same entry.
 */
import { loadProdFunctions } from "./loadProdFunctions";
import { MemoryWorkbook } from "../../src/preview/memoryWorkbook";
import { registerProdFunctions } from "../../src/preview/prodFunctionPlugin";
import { readTypedEntry } from "../../src/preview/excelSemantics";
import { personKeyFormula } from "../../src/taskpane/templates/buildPlan";
import { personKey } from "../../src/engine/people";
import type { WritePlan } from "../../src/excel/port";

beforeAll(async () => registerProdFunctions(await loadProdFunctions()));

/** A one-sheet workbook with `rows` typed from A1, as a person types them. */
function typed(rows: string[][]): MemoryWorkbook {
  const book = new MemoryWorkbook();
  rows.forEach((cells, r) => cells.forEach((input, c) => book.enter("Sheet1", r, c, input)));
  return book;
}

const shown = (book: MemoryWorkbook, row: number, column: number) => book.view("Sheet1", row, column).display;

describe("booleans work as in Excel", () => {
  it("reads TRUE and FALSE as constants, functions, typed entries and comparisons", async () => {
    const book = typed([
      ["Day", "12", "1"],
      ["Week", "60", "5"],
      [
        '=VLOOKUP("week",A1:B2,2,FALSE)',
        "=INDEX(B1:B2,MATCH(3,C1:C2,TRUE))",
        "=IF(FALSE,1,2)",
        "=AND(TRUE,TRUE())",
        "=FALSE()",
        "true",
        "=B1>B2",
        "=TRUE+1",
        '=IF(F3,"yes","no")',
      ],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A3:I3" })).values).toEqual([
      [60, 12, 2, true, false, true, false, 2, "yes"],
    ]);
    expect([shown(book, 2, 3), shown(book, 2, 5)]).toEqual(["TRUE", "TRUE"]);
  });
});

describe("ROUND rounds the number Excel shows, half away from zero", () => {
  it("rounds ties of the decimal, not of the binary double", async () => {
    const book = typed([
      [
        "=ROUND(1.005,2)",
        "=ROUND(-1.005,2)",
        "=ROUND(0.285,2)",
        "=ROUND(2.5,0)",
        "=ROUND(1234.5678,-2)",
        "=ROUND(1.2345,2.9)",
        "=ROUND(1%*12961.525,2)",
        '=ROUND("x",2)',
      ],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A1:H1" })).values).toEqual([
      [1.01, -1.01, 0.29, 3, 1200, 1.23, 129.62, "#VALUE!"],
    ]);
  });
});

describe("IF answers the argument it chooses, as it is", () => {
  it("hands a whole range on when the condition is one value, and broadcasts when it is an array", async () => {
    const book = typed([
      ["1", "x", '=SUM(IF(B1="x",A1:A3,0))', "=ROWS(IF(TRUE,A1:A3))", '=IF(A1:A3>1,"big","small")'],
      ["2"],
      ["3"],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "C1:E3" })).values).toEqual([
      [6, 3, "small"],
      ["", "", "big"],
      ["", "", "big"],
    ]);
  });

  it("passes a fringe list typed as text to PROD.FRINGE whole, and a fringe table as a table", async () => {
    const book = typed([
      ["Name", "Type", "Rate", "Cutoff"],
      ["SS", "%", "6.2%", "184500"],
      ["Fringes", "SS,MEDICARE", '=PROD.FRINGE(1000,IF(A3="Fringes",A1:D2,A3))'],
      ["SS,MEDICARE", "", '=PROD.FRINGE(1000,IF(A4="Fringes",A1:D2,A4))'],
    ]);
    // 6.2% of 1,000 from the table; 6.2% + 1.45% of 1,000 from the library names.
    expect(book.view("Sheet1", 2, 2).display).toBe("62");
    expect(book.view("Sheet1", 3, 2).display).toBe("76.5");
  });
});

describe("typed entries are read as an en-US Excel reads them", () => {
  it.each([
    ["7,000", 7000, "7,000"],
    ["$7,000", 7000, "$7,000"],
    ["$7,000.50", 7000.5, "$7,000.50"],
    ["-$7,000", -7000, "-$7,000"],
    ["(7,000)", -7000, "-7,000"],
    ["7%", 0.07, "7%"],
    ["7.5%", 0.075, "7.50%"],
    ["1/2/2026", 46024, "1/2/2026"],
    [" 12 ", 12, "12"],
    ["1e3", 1000, "1000"],
    ["'7,000", "7,000", "7,000"],
    ["'=A1", "=A1", "=A1"],
    ["1,2", "1,2", "1,2"],
    ["7,000 units", "7,000 units", "7,000 units"],
    ["SAG-AFTRA,PAYROLL-CA", "SAG-AFTRA,PAYROLL-CA", "SAG-AFTRA,PAYROLL-CA"],
  ])("%j is %j, shown %j", async (input, value, display) => {
    const book = typed([[input]]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A1" })).values).toEqual([[value]]);
    expect(shown(book, 0, 0)).toBe(display);
  });

  it("keeps the cell's own number format, and a Text cell's typing as text", async () => {
    const book = new MemoryWorkbook();
    await book.apply({
      owner: "test",
      sheets: [
        {
          name: "Sheet1",
          mode: "existing",
          blocks: [
            { row: 0, column: 0, cells: [[null, null]], columnFormats: ["#,##0.00_);(#,##0.00)", "@"] },
          ],
        },
      ],
    });
    book.enter("Sheet1", 0, 0, "$7,000");
    book.enter("Sheet1", 0, 1, "$7,000");
    expect((await book.readRange({ sheet: "Sheet1", address: "A1:B1" })).values).toEqual([[7000, "$7,000"]]);
    expect(shown(book, 0, 0)).toBe("7,000.00 ");
  });

  it('keeps the spaces typed around text, as Excel does: "Star " is not Star for SUMIFS, and a space is not a blank', async () => {
    // Excel stores typed text as typed (only a number or a date is read through its spaces), so
    // a Person typed "Star " is another person for the per-person caps' SUMIFS, and a cell with a
    // space is not "" (the Group column's test for a line in no group).
    const book = typed([
      ["Star", "Star ", " ", " Night shoot"],
      ["1", "2", "4", "8"],
      ['=SUMIFS(A2:D2,A1:D1,"Star")', "=LEN(B1)", '=C1=""', "=LEN(D1)", '=SUMIFS(A2:D2,A1:D1,"")'],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A1:E3" })).values).toEqual([
      ["Star", "Star ", " ", " Night shoot", ""],
      [1, 2, 4, 8, ""],
      [1, 5, false, 12, 0],
    ]);
  });

  it("reads the shapes Excel reads as numbers and nothing else", () => {
    expect(readTypedEntry("$1,234.5")).toEqual({ value: 1234.5, format: "$#,##0.00" });
    expect(readTypedEntry("Camera")).toEqual({ value: "Camera" });
    expect(readTypedEntry("=SUM(A1:A2)")).toEqual({ value: "=SUM(A1:A2)" });
  });
});

/** A sheet with a 2-row table Rates (Name | Hours | Days = Hours / 12) and a total under it. */
const ratesPlan = (): WritePlan => ({
  owner: "test",
  sheets: [
    {
      name: "Sheet1",
      mode: "existing",
      blocks: [
        {
          row: 0,
          column: 0,
          cells: [
            ["Name", "Hours", "Days"],
            ["Day", 12, { formula: "=Rates[@Hours]/12" }],
            ["Week", 60, { formula: "=Rates[@Hours]/12" }],
          ],
        },
        { row: 0, column: 5, cells: [[{ formula: "=ROWS(Rates[#All])" }, { formula: "=SUM(Rates[Days])" }]] },
      ],
      tables: [{ name: "Rates", row: 0, column: 0, rowCount: 3, columnCount: 3 }],
    },
  ],
});

describe("typing under a table grows it, as Excel's auto-expansion does", () => {
  it("takes the typed row into the table, its structured references and its calculated column", async () => {
    const book = new MemoryWorkbook();
    await book.apply(ratesPlan());
    book.enter("Sheet1", 3, 0, "Month");
    book.enter("Sheet1", 3, 1, "240");
    const table = await book.readTable("Rates");
    expect(table).toMatchObject({
      address: "A1:C4",
      rows: [
        ["Day", 12, 1],
        ["Week", 60, 5],
        ["Month", 240, 20],
      ],
    });
    expect((await book.readRange({ sheet: "Sheet1", address: "F1:G1" })).values).toEqual([[4, 26]]);
    expect(book.view("Sheet1", 3, 2).input).toBe("=Rates[@Hours]/12");
  });

  it("leaves the table alone for a cell cleared under it, or typed beside it", async () => {
    const book = new MemoryWorkbook();
    await book.apply(ratesPlan());
    book.enter("Sheet1", 3, 0, "");
    book.enter("Sheet1", 3, 4, "note");
    book.enter("Sheet1", 4, 0, "two rows down");
    expect((await book.readTable("Rates"))?.address).toBe("A1:C3");
  });

  it("refuses a typed formula Excel refuses, leaving the table as it was", async () => {
    const book = new MemoryWorkbook();
    await book.apply(ratesPlan());
    expect(() => book.enter("Sheet1", 3, 0, "=Rates[Nope]")).toThrow(/Nope/);
    expect((await book.readTable("Rates"))?.address).toBe("A1:C3");
  });
});

/*
 * Each expectation below is Excel 365 (en-US) as Microsoft documents it; the page is named above
 * each block (support.microsoft.com, "<name> function").
 */

describe("SUMIFS and COUNTIFS read numbers stored as text as Excel does", () => {
  // COUNTIF / SUMIFS: criteria "32", 32, ">32", "apples"; a criterion without an operator is
  // an equality, and a number typed as text in the range is equal to that number; an operator
  // (">=2500") compares numbers only; a wildcard ("25*") matches text only. Sums add numbers only.
  it("counts 100 and the text '100' for the criterion \"100\", and compares only numbers with >=", async () => {
    const book = typed([
      ["100", "'100", "100", "2510", "'2599", "'25-10"],
      [
        '=COUNTIFS(A1:C1,"100")',
        "=COUNTIFS(A1:C1,100)",
        '=SUMIFS(A1:C1,A1:C1,"100")',
        '=COUNTIFS(D1:F1,">=2500",D1:F1,"<=2599")',
        '=COUNTIF(D1:F1,"25*")',
        '=SUMIF(B1,"100")',
      ],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A2:F2" })).values).toEqual([
      [3, 3, 200, 1, 2, 0],
    ]);
  });
});

describe('the criteria "" and "=" tell a blank from a formula\'s "", as Excel does', () => {
  // COUNTBLANK (Microsoft): "Cells with formulas that return "" (empty text) are also counted";
  // COUNTIF(range,"") counts the same cells, blank or "". The criterion "=" (equal to nothing)
  // selects only the cells that hold nothing at all, "<>" every cell that holds something, a
  // formula's "" included. COUNTIFS (Microsoft): "If the criteria argument is a reference to an
  // empty cell, the COUNTIFS function treats the empty cell as a 0 value."
  it('sums and counts a formula\'s "" with "", not with "=", and reads an empty criterion cell as 0', async () => {
    const book = typed([
      ["", '=""', "x", "0"],
      ["1", "2", "4", "8"],
      [
        '=SUMIFS(A2:D2,A1:D1,"")',
        '=SUMIFS(A2:D2,A1:D1,"=")',
        '=SUMIFS(A2:D2,A1:D1,"<>")',
        '=COUNTIFS(A1:D1,"")',
        '=COUNTIF(A1:D1,"=")',
        '=SUMIF(A1:D1,"",A2:D2)',
        "=SUMIFS(A2:D2,A1:D1,Z9)",
        "=COUNTIF(A1:D1,Z9)",
      ],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A3:H3" })).values).toEqual([
      [3, 1, 14, 2, 1, 3, 8, 1],
    ]);
  });
});

describe("a criterion's text is matched as Excel matches it", () => {
  // COUNTIF (Microsoft): criteria "apples" or "32"; "?" one character, "*" any run, "~" before
  // either finds the character itself; text is compared without regard to case. Any other
  // character is itself: "Cam|Grip" is a description, not a choice of two. Excel compares
  // accented letters as different letters ("Café" is not "Cafe"). An operator before text
  // compares text in order (">=M" is text from M on) and never selects numbers.
  it('matches "|", "." and accents as themselves, ~* as a star, and orders text with < and >=', async () => {
    const book = typed([
      ["Cam|Grip", "Cam", "a.b", "axb", "Café", "Cafe", "5*", "50", "Mike", "zed", "7"],
      [
        '=COUNTIF(A1:K1,"Cam|Grip")',
        '=COUNTIF(A1:K1,"a.b")',
        '=COUNTIF(A1:K1,"café")',
        '=COUNTIF(A1:K1,"5~*")',
        '=COUNTIF(A1:K1,">=M")',
        '=COUNTIF(A1:K1,"<b")',
        '=COUNTIF(A1:K1,"<>cam*")',
      ],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A2:G2" })).values).toEqual([
      [1, 1, 1, 1, 2, 3, 9],
    ]);
  });
});

describe('a formula\'s "" is text, never a number, as in Excel', () => {
  // "How to correct a #VALUE! error" (Microsoft): arithmetic on a cell that holds text, a
  // formula's "" included, is #VALUE!; SUM ignores text in a reference; N of text is 0.
  it('answers #VALUE! for arithmetic on "", and 1 for a blank cell plus 1', async () => {
    const book = typed([
      ['=""', ""],
      ["=A1+1", "=A1*2", "=-A1", "=ROUND(A1,0)", "=SUM(A1,1)", "=N(A1)", '=A1&"x"', "=B1+1"],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A2:H2" })).values).toEqual([
      ["#VALUE!", "#VALUE!", "#VALUE!", "#VALUE!", 1, 0, "x", 1],
    ]);
  });
});

describe("comparing text with a number never reads the text as a number, as in Excel", () => {
  // Excel's comparison operators compare values of one kind; of different kinds, numbers come
  // before text and text before TRUE and FALSE (the order Excel sorts them in, "Sort data in a
  // range or table"): "10"=10 and "1/2/2026"=DATE(2026,1,2) are FALSE, text is compared as text.
  it("answers FALSE for text equal to a number or a date, and orders numbers before text", async () => {
    const book = typed([
      [
        '="10"=10',
        '="1/2/2026"=DATE(2026,1,2)',
        '="2026-01-02"<1',
        '="1/2/2026"="01/02/2026"',
        '="b">"A"',
        '=Z9=""',
        '="a"<TRUE',
      ],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A1:G1" })).values).toEqual([
      [false, false, false, false, true, true, true],
    ]);
  });
});

describe("date serials are read on Excel's calendar", () => {
  // "Excel incorrectly assumes that the year 1900 is a leap year" (Microsoft, for Lotus 1-2-3
  // compatibility): serial 1 is 1/1/1900, 60 is 2/29/1900 and 61 is 3/1/1900; serial 0 shows as
  // 1/0/1900, so YEAR, MONTH and DAY of a blank cell are 1900, 1 and 0.
  it("reads 0 as January 0, 1900 and 60 as February 29, 1900", async () => {
    const book = typed([
      [
        "=YEAR(Z9)",
        "=MONTH(Z9)",
        "=DAY(Z9)",
        "=DAY(59)",
        "=MONTH(60)",
        "=DAY(60)",
        "=DAY(61)",
        "=DATE(1900,1,1)",
      ],
      [
        '=TEXT(0,"m/d/yyyy")',
        '=TEXT(60,"mmm d, yyyy")',
        '=TEXT(1,"dddd")',
        "=YEAR(-1)",
        "=YEAR(DATE(2026,8,15))",
      ],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A1:H2" })).values).toEqual([
      [1900, 1, 0, 28, 2, 29, 1, 1],
      ["1/0/1900", "Feb 29, 1900", "Sunday", "#NUM!", 2026, "", "", ""],
    ]);
  });
});

describe("& writes a number as Excel does, to 15 significant digits", () => {
  // Excel keeps 15 significant digits of a number ("Excel specifications and limits": number
  // precision 15 digits), and joining it to text writes those: 0.1+0.2 is 0.3, 1/3 0.333333333333333.
  it("joins 0.1+0.2 as 0.3 and 2/3*1000 as 666.666666666667", async () => {
    const book = typed([['="x"&(0.1+0.2)', '=1/3&""', '="$"&2/3*1000', "=TRUE&1", '=Z9&"-"&1.5']]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A1:E1" })).values).toEqual([
      ["x0.3", "0.333333333333333", "$666.666666666667", "TRUE1", "-1.5"],
    ]);
  });
});

describe("the wildcard ? stands for exactly one character, as in Excel", () => {
  // COUNTIF: "Use the wildcard characters ... A question mark matches any single character."
  it('matches 25-01 but not 2501 for "25?01", and 2501 alone for "2501*" less "2501?*"', async () => {
    const book = typed([
      ["'25-01", "'2501", "'25101", "2501", "'D-114", "'D114"],
      [
        '=COUNTIF(A1:F1,"25?01")',
        '=COUNTIF(A1:F1,"2501*")-COUNTIF(A1:F1,"2501?*")',
        '=COUNTIF(A1:F1,"D?114")',
        '=COUNTIF(A1:F1,"d114")',
      ],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A2:D2" })).values).toEqual([[2, 1, 1, 1]]);
  });
});

describe("the per-person caps' key and its SUMIFS criterion compute as in Excel", () => {
  // COUNTIF: criteria compare text without regard to case, "*" and "?" are wildcards and "~"
  // escapes them; a criterion starting with "=" is an equality with the rest. SUBSTITUTE, UPPER and
  // UNICHAR(160) (the no-break space) are Excel's own. Excel tells accented letters apart.
  it('keys "Star ", "star" and a pasted no-break space as one person, and "Star*", ">A" and "Zoé" as their own', async () => {
    const persons = ["Star*", "Starling", "Star ", "star", ">A", "Zoé", "Zoe", "Star\u00a0"];
    const book = typed([persons]);
    persons.forEach((_, c) => {
      const column = String.fromCharCode(65 + c);
      book.enter("Sheet1", 1, c, personKeyFormula(`${column}1`));
      book.enter("Sheet1", 2, c, `=COUNTIFS($A$2:$H$2,"="&${column}2)`);
    });
    book.enter("Sheet1", 3, 0, '=COUNTIF(A1:H1,"Star*")');
    book.enter("Sheet1", 3, 1, '=COUNTIF(A1:H1,"Zoe")');
    const { values } = await book.readRange({ sheet: "Sheet1", address: "A2:H4" });
    expect(values[0]).toEqual([
      "P:STAR 1",
      "P:STARLING",
      "P:STAR",
      "P:STAR",
      "P:>A",
      "P:ZOÉ",
      "P:ZOE",
      "P:STAR",
    ]);
    expect(values[1]).toEqual([1, 1, 3, 3, 1, 1, 1, 3]);
    // The Person itself as a criterion: a pattern that takes in Starling, any case and spaces.
    expect(values[2].slice(0, 2)).toEqual([5, 1]);
  });
});

describe("UPPER maps each character to its one upper-case character, as Excel's", () => {
  // Excel's UPPER is Windows' LCMapStringEx(LCMAP_UPPERCASE): the Unicode simple case mapping
  // (UnicodeData.txt field 12), character for character. U+00DF ß and U+FB01 ﬁ have none (their
  // "SS" and "FI" are SpecialCasing.txt's full mapping, JavaScript's toUpperCase): Excel leaves
  // them as they are, where HyperFormula's UPPER gave "STRASSE".
  it.each([
    ["Straße", "STRAßE"],
    ["ﬁnn", "ﬁNN"],
    ["zoé łukasz", "ZOÉ ŁUKASZ"],
  ])("UPPER(%j) is %j", async (text, upper) => {
    const book = typed([[text, "=UPPER(A1)", "=LEN(B1)"]]);
    const { values } = await book.readRange({ sheet: "Sheet1", address: "B1:C1" });
    expect(values[0]).toEqual([upper, text.length]);
  });
});

describe("the engine keys a person as the template's Person key formula does", () => {
  // Incentives' per-person caps (payeeKey) and the template's fringe caps must count the same
  // people: the formula, computed by the preview, and personKey give the same key for each name.
  it.each([
    ["Star "],
    [" star"],
    ["Star\u00a0"],
    ["Mara\tVance"],
    ["Mara\r\nVance"],
    ["Mara  Vance"],
    ["Star*"],
    ["St?r~"],
    [">A"],
    ["-Star"],
    ["Zoé"],
    ["Łukasz Żak"],
    ["Straße"],
    ["ﬁnn"],
    ["\u00a0 \t"],
  ])("%j", async (person) => {
    const book = typed([[person]]);
    book.enter("Sheet1", 0, 1, personKeyFormula("A1"));
    const { values } = await book.readRange({ sheet: "Sheet1", address: "B1" });
    expect(values[0][0]).toBe(personKey(person));
  });
});

describe("approximate VLOOKUP and MATCH on text, as Excel searches a sorted column", () => {
  // VLOOKUP: "If lookup_value is smaller than the smallest value in the first column of
  // table_array, VLOOKUP returns the #N/A error value"; "Uppercase and lowercase text are
  // equivalent". MATCH type 1: the largest value less than or equal to lookup_value.
  it("finds the largest entry not after the text, any case, and #N/A before the first", async () => {
    const book = typed([
      ["apple", "1"],
      ["Banana", "2"],
      ["cherry", "3"],
      [
        '=VLOOKUP("bz",A1:B3,2,TRUE)',
        '=VLOOKUP("BANANA",A1:B3,2)',
        '=MATCH("c",A1:A3,1)',
        '=MATCH("zz",A1:A3)',
        '=VLOOKUP("a",A1:B3,2,TRUE)',
        '=MATCH("A",A1:A3,1)',
        '=HLOOKUP("a",A1:A1,1,TRUE)',
      ],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A4:G4" })).values).toEqual([
      [2, 2, 2, 3, "#N/A", "#N/A", "#N/A"],
    ]);
  });
});

describe("LOOKUP, as Excel's vector and array forms search", () => {
  // LOOKUP function (Microsoft's examples): vector form, Frequency 4.14 4.19 5.17 5.77 6.39 and
  // Color red orange yellow green blue: LOOKUP(4.19,...) = orange, LOOKUP(5.75,...) = yellow (the
  // largest value not greater), LOOKUP(7.66,...) = blue, LOOKUP(0,...) = #N/A (smaller than the
  // smallest). Array form: LOOKUP("C",{"a","b","c","d";1,2,3,4}) = 3 (wider than tall: the first
  // row searched, the last row answered) and LOOKUP("bump",{"a",1;"b",2;"c",3}) = 2 (the first
  // column searched, the last column answered). Text compares without regard to case.
  it("answers from the result vector, the last row or the last column, and #N/A before the first", async () => {
    const book = typed([
      ["4.14", "red"],
      ["4.19", "orange"],
      ["5.17", "yellow"],
      ["5.77", "green"],
      ["6.39", "blue"],
      [
        "=LOOKUP(4.19,A1:A5,B1:B5)",
        "=LOOKUP(5.75,A1:A5,B1:B5)",
        "=LOOKUP(7.66,A1:A5,B1:B5)",
        "=LOOKUP(0,A1:A5,B1:B5)",
        '=LOOKUP("C",{"a","b","c","d";1,2,3,4})',
        '=LOOKUP("bump",{"a",1;"b",2;"c",3})',
        "=LOOKUP(5.2,A1:A5)",
        "=LOOKUP(6,A1:B5)",
        '=LOOKUP("ORANGE",B2:B3,A2:A3)',
      ],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A6:I6" })).values).toEqual([
      ["orange", "yellow", "blue", "#N/A", 3, 2, 5.17, "green", 4.19],
    ]);
  });
});

describe("AND and OR read text as Excel does", () => {
  // AND / OR: "If an array or reference argument contains text or empty cells, those values are
  // ignored. If the specified range contains no logical values, AND returns the #VALUE! error
  // value." Text typed as an argument must read as TRUE or FALSE: AND("x") is #VALUE!.
  it('answers #VALUE! for AND("x") and OR("x",TRUE), reads "TRUE" typed in, and ignores text in a range', async () => {
    const book = typed([
      ["x", "TRUE", "", "0"],
      [
        '=AND("x")',
        '=OR("x",TRUE)',
        '=AND("TRUE",1)',
        '=OR("false",0)',
        "=AND(A1:B1)",
        "=OR(A1)",
        "=AND(A1,B1)",
        "=OR(C1,D1)",
        "=AND(A1:C1,D1)",
      ],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A2:I2" })).values).toEqual([
      ["#VALUE!", "#VALUE!", true, false, true, "#VALUE!", true, false, false],
    ]);
  });
});

describe("FILTER, as Excel filters: its third argument is the value when nothing is left", () => {
  // FILTER function (Microsoft's examples): =FILTER(array,include,[if_empty]) over Region | Sales
  // Rep | Product | Units in A5:D20; "include" is "a Boolean array whose height or width is the
  // same as the array"; =FILTER(A5:D20,C5:C20=H2,"") returns every Apple record, "and if there
  // are no apples, return an empty string"; (C5:C20=H1)*(A5:A20=H2) is Apple AND East,
  // (C5:C20=H1)+(A5:A20=H2) Apple OR East; "Otherwise, a #CALC! error will result, as Excel does
  // not currently support empty arrays"; an include value that is an error, or cannot be read as
  // a Boolean, makes FILTER an error.
  const data = [
    ["East", "Tom", "Apple", "6380"],
    ["West", "Fred", "Grape", "5619"],
    ["North", "Amy", "Pear", "4565"],
    ["South", "Sal", "Banana", "5323"],
    ["East", "Fritz", "Apple", "4394"],
    ["West", "Sravan", "Grape", "7195"],
    ["North", "Xi", "Pear", "5231"],
    ["South", "Hector", "Banana", "2427"],
    ["East", "Tom", "Banana", "4213"],
    ["West", "Fred", "Pear", "3239"],
    ["North", "Amy", "Grape", "6420"],
    ["South", "Sal", "Apple", "1310"],
    ["East", "Fritz", "Apple", "6274"],
    ["West", "Sravan", "Pear", "4894"],
    ["North", "Xi", "Grape", "7580"],
    ["South", "Hector", "Apple", "9814"],
  ];
  const book = () => {
    const wb = typed([
      ["", "", "", "", "", "", "", "Apple"],
      ["", "", "", "", "", "", "", "East"],
      [],
      ["Region", "Sales Rep", "Product", "Units"],
      ...data,
    ]);
    return wb;
  };
  const rows = async (wb: MemoryWorkbook, address: string) =>
    (await wb.readRange({ sheet: "Sheet1", address })).values;
  const asRows = (picked: string[][]) => picked.map((r) => [r[0], r[1], r[2], Number(r[3])]);
  /**
   * Each formula in column J, 20 rows apart (the preview keeps room for the whole array's rows
   * below a FILTER: README), and what each answers: its first `height` rows, `width` wide.
   */
  const answers = async (formulas: string[], height = 1, width = 1) => {
    const wb = book();
    formulas.forEach((formula, i) => wb.enter("Sheet1", 20 * i, 9, formula));
    return Promise.all(
      formulas.map((_f, i) =>
        rows(wb, `J${20 * i + 1}:${String.fromCharCode(74 + width - 1)}${20 * i + height}`),
      ),
    );
  };

  it("returns the rows whose include is TRUE, by one condition, AND (*) and OR (+), with if_empty unused", async () => {
    const [apple, appleAndEast, appleOrEast] = await answers(
      [
        '=FILTER(A5:D20,C5:C20=H1,"")',
        '=FILTER(A5:D20,(C5:C20=H1)*(A5:A20=H2),"")',
        '=FILTER(A5:D20,(C5:C20=H1)+(A5:A20=H2),"")',
      ],
      7,
      4,
    );
    const blank = ["", "", "", ""];
    expect(apple).toEqual([...asRows(data.filter((r) => r[2] === "Apple")), blank, blank]);
    expect(appleAndEast).toEqual([
      ...asRows(data.filter((r) => r[2] === "Apple" && r[0] === "East")),
      ...Array(4).fill(blank),
    ]);
    expect(appleOrEast).toEqual([...asRows(data.filter((r) => r[2] === "Apple" || r[0] === "East")), blank]);
  });

  it("answers if_empty when nothing is kept, #CALC! without it, and filters columns by a row", async () => {
    const found = await answers([
      '=FILTER(A5:D20,C5:C20="Kiwi","No results")',
      '=FILTER(A5:D20,C5:C20="Kiwi")',
      '=FILTER(A5:D20,C5:C20="Kiwi","")',
      '=FILTER(D5:D20,C5:C20="Kiwi",0)',
      "=SUM(FILTER(D5:D20,A5:A20=H2))",
    ]);
    expect(found).toEqual([[["No results"]], [["#CALC!"]], [[""]], [[0]], [[21261]]]);
    const [columns] = await answers(["=FILTER(A4:D4,{TRUE,FALSE,TRUE,FALSE})"], 1, 3);
    expect(columns).toEqual([["Region", "Product", ""]]);
    const wb = book();
    wb.enter("Sheet1", 0, 9, '=FILTER(A5:D20,C5:C20="Kiwi")');
    expect(wb.view("Sheet1", 0, 9).display).toBe("#CALC!");
  });

  it("answers #VALUE! for an include of another size or holding text, and an include's error as it is", async () => {
    // (An error fills the area the preview keeps for the spill: only the formula's cell is read.)
    const found = await answers([
      '=FILTER(A5:D20,C5:C10="Apple","")',
      '=FILTER(A5:A6,{"yes";"no"},"")',
      '=FILTER(A5:A6,IF(A5:A6="East",1,NA()),"")',
    ]);
    expect(found).toEqual([[["#VALUE!"]], [["#VALUE!"]], [["#N/A"]]]);
    const [numbers] = await answers(["=FILTER(A5:A8,{1;0;2;0})"], 3);
    expect(numbers).toEqual([["East"], ["North"], [""]]);
  });
});

describe("TEXT formats as Excel's number formats do", () => {
  // TEXT function: "#,##0.00", "0%", "mmm d, yyyy", "$#,##0", times with AM/PM, day names.
  it.each([
    ['=TEXT(1234.5,"#,##0.00")', "1,234.50"],
    ['=TEXT(1234.567,"#,##0")', "1,235"],
    ['=TEXT(0.256,"0%")', "26%"],
    ['=TEXT(0.2565,"0.0%")', "25.7%"],
    ['=TEXT(1234.5,"$#,##0")', "$1,235"],
    ['=TEXT(-1234.5,"$#,##0.00")', "-$1,234.50"],
    ['=TEXT(DATE(2026,3,5),"mmm d, yyyy")', "Mar 5, 2026"],
    ['=TEXT(DATE(2026,3,5),"m/d/yyyy")', "3/5/2026"],
    ['=TEXT(DATE(2026,3,5),"dddd, mmmm d")', "Thursday, March 5"],
    ['=TEXT(TIME(21,30,0),"h:mm AM/PM")', "9:30 PM"],
    ['=TEXT(TIME(9,5,7),"hh:mm:ss")', "09:05:07"],
    ['=TEXT("1234.5","#,##0.00")', "1,234.50"],
    ['=TEXT("Camera","0.00")', "Camera"],
  ])("%s is %j", async (formula, text) => {
    const book = typed([[formula]]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A1" })).values).toEqual([[text]]);
  });
});

describe("CONCAT and TEXTJOIN exist, as in Excel 2019 and 365", () => {
  // CONCAT function: text from several ranges and strings, no delimiter; TEXTJOIN skips empty
  // values when ignore_empty is TRUE.
  it("joins ranges row by row and values as Excel writes them", async () => {
    const book = typed([
      ["a", "1.5", ""],
      ["TRUE", "b", "c"],
      ['=CONCAT(A1:C2,"-",1/4)', '=TEXTJOIN(", ",TRUE,A1:C2)', '=CONCAT("x",1/0)'],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A3:C3" })).values).toEqual([
      ["a1.5TRUEbc-0.25", "a, 1.5, TRUE, b, c", "#DIV/0!"],
    ]);
  });
});

describe("a condition that is text is #VALUE!, as in Excel", () => {
  // IF / NOT: logical_test is a value that can be evaluated to TRUE or FALSE; text other than
  // "TRUE" and "FALSE" (the empty text "" included) cannot, and Excel answers #VALUE!. A blank
  // cell is FALSE.
  it('answers #VALUE! for IF("") and NOT(""), and reads blank, numbers and "TRUE"', async () => {
    const book = typed([
      [
        '=IF("",1,2)',
        "=IF(Z9,1,2)",
        '=IF("true",1,2)',
        "=IF(0.1,1,2)",
        '=NOT("")',
        "=NOT(0)",
        '=IF("x"="",1,2)',
      ],
      ['=IF(A3:B3="","none","some")', "", "", "", "", "", ""],
      ["", "x"],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A1:G1" })).values).toEqual([
      ["#VALUE!", 2, 1, 1, "#VALUE!", true, 2],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A2:B2" })).values).toEqual([["none", "some"]]);
  });
});

describe("dates, times and percents typed into a cell are read as Excel reads them", () => {
  const thisYear = new Date().getFullYear();
  /** Excel's serial of a date (1900 system). */
  const serial = (year: number, month: number, day: number) =>
    Date.UTC(year, month - 1, day) / 86_400_000 + 25_569;
  it.each([
    // Excel (en-US) reads a month and day without a year as that day of the current year.
    ["1/2", serial(thisYear, 1, 2), "2-Jan"],
    ["Jan 2", serial(thisYear, 1, 2), "2-Jan"],
    ["2-Mar", serial(thisYear, 3, 2), "2-Mar"],
    ["1/2/26", serial(2026, 1, 2), "1/2/2026"],
    ["1/2/2026 9:30 PM", serial(2026, 1, 2) + 21.5 / 24, "1/2/2026 9:30 PM"],
    ["9:30", 9.5 / 24, "9:30"],
    ["9:30 PM", 21.5 / 24, "9:30 PM"],
    ["9:30:15 am", (9.5 * 3600 + 15) / 86_400, "9:30:15 AM"],
    ["12:00 AM", 0, "12:00 AM"],
    ["12.5%", 0.125, "12.50%"],
  ])("%j is %j, shown %j", async (input, value, display) => {
    const book = typed([[input]]);
    const [[read]] = (await book.readRange({ sheet: "Sheet1", address: "A1" })).values;
    if (typeof value === "number") expect(read).toBeCloseTo(value, 10);
    else expect(read).toBe(value);
    expect(shown(book, 0, 0)).toBe(display);
  });

  it("reads text with VALUE as typing is read", async () => {
    const book = typed([['=VALUE("$1,000")', '=VALUE("9:30 PM")*24', '=VALUE("abc")', "=VALUE(TRUE)"]]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A1:D1" })).values).toEqual([
      [1000, 21.5, "#VALUE!", "#VALUE!"],
    ]);
  });
});

describe("renaming a table's header renames the column in every formula, as in Excel", () => {
  it("rewrites Rates[Hours] and [@Hours] to the new name and keeps computing", async () => {
    const book = new MemoryWorkbook();
    await book.apply(ratesPlan());
    book.enter("Sheet1", 0, 1, "Day hours");
    expect(book.view("Sheet1", 1, 2).input).toBe("=Rates[@[Day hours]]/12");
    book.enter("Sheet1", 0, 2, "Days worked");
    expect(book.view("Sheet1", 0, 6).input).toBe("=SUM(Rates[Days worked])");
    expect((await book.readRange({ sheet: "Sheet1", address: "F1:G1" })).values).toEqual([[3, 6]]);
    expect((await book.readTable("Rates"))?.headers).toEqual(["Name", "Day hours", "Days worked"]);
    // A name another column has gets a number; a blank header is Column1; both are text.
    book.enter("Sheet1", 0, 2, "name");
    book.enter("Sheet1", 0, 0, "");
    expect((await book.readTable("Rates"))?.headers).toEqual(["Column1", "Day hours", "name2"]);
    book.enter("Sheet1", 0, 1, "2026");
    expect((await book.readRange({ sheet: "Sheet1", address: "B1" })).values).toEqual([["2026"]]);
    expect(book.view("Sheet1", 2, 2).input).toBe("=Rates[@[2026]]/12");
    expect((await book.readRange({ sheet: "Sheet1", address: "C2:C3" })).values).toEqual([[1], [5]]);
  });
});
