import { ProdError } from "../../../src/engine/errors";
import { FRINGE_PRESETS, findLibraryFringe } from "../../../src/engine/fringes/library";
import {
  FRINGE_TABLE_COLUMNS,
  fringeTableRows,
  hasFringeTableColumns,
  isFringeTableHeader,
  parseFringeTable,
} from "../../../src/engine/fringes/table";

const header = ["Name", "Type", "Rate", "Cutoff"];
const view = (rows: unknown[][]) =>
  parseFringeTable(rows).map((f) => [f.label, f.type, f.rate.toString(), f.cutoff?.toString() ?? null]);

/** The message of the error `parse` throws (and that it is a #VALUE! kind). */
function failure(rows: unknown[][]): string {
  try {
    parseFringeTable(rows);
  } catch (e) {
    expect(e).toBeInstanceOf(ProdError);
    expect((e as ProdError).kind).toBe("invalid");
    return (e as ProdError).message;
  }
  throw new Error("expected the table to be refused");
}

describe("reading a fringe table", () => {
  it("reads rates as fractions, percent cells and percent text", () => {
    expect(
      view([
        header,
        ["FICA", "%", 0.062, 176100],
        ["MED", "%", "1.45%", ""],
        ["SUI", "%", "0.034", "$7,000"],
      ]),
    ).toEqual([
      ["FICA", "%", "0.062", "176100"],
      ["MED", "%", "0.0145", null],
      ["SUI", "%", "0.034", "7000"],
    ]);
  });

  it.each([[""], [null], [0], ["  "]])("reads a cutoff of %p as no cap (Excel's empty cell)", (blank) => {
    expect(view([header, ["MED", "%", 0.0145, blank]])).toEqual([["MED", "%", "0.0145", null]]);
  });

  it("matches the header ignoring case, spaces and column order, and ignores extra columns", () => {
    expect(
      view([
        [" rate", "NAME ", "Description", "Cut Off", "type"],
        [0.034, "SUI", "state UI", 7000, " % "],
      ]),
    ).toEqual([["SUI", "%", "0.034", "7000"]]);
  });

  it("reads the flat types, money text rates, and a six-day week", () => {
    const fringes = parseFringeTable([
      header,
      ["MPI", "hour", "$14.63", ""],
      ["NBF", "Day", 137, ""],
      ["WK6", "week/6", 500, ""],
      ["Fee", "FLAT", 10, ""],
    ]);
    expect(fringes.map((f) => [f.label, f.type, f.rate.toString(), f.daysPerWeek.toString()])).toEqual([
      ["MPI", "HOUR", "14.63", "5"],
      ["NBF", "DAY", "137", "5"],
      ["WK6", "WEEK", "500", "6"],
      ["Fee", "FLAT", "10", "5"],
    ]);
  });

  it("skips empty rows (blank on the web, 0 on desktop)", () => {
    expect(
      view([header, ["", "", "", ""], [0, 0, 0, 0], ["SUI", "%", 0.034, 7000], [null, null, null, null]]),
    ).toEqual([["SUI", "%", "0.034", "7000"]]);
  });

  it("marks the user's own fringes as confirmed: they are the user's figures", () => {
    expect(parseFringeTable([header, ["MPI", "HOUR", 14.63, ""]])[0]).toMatchObject({
      confirmed: true,
      source: "fringe table",
    });
  });

  it.each([
    [
      "a missing column",
      [
        ["Name", "Type", "Rate"],
        ["SUI", "%", 0.034],
      ],
      "fringes table has no Cutoff column: its first row must be the header Name | Type | Rate | Cutoff",
    ],
    [
      "a non-numeric rate",
      [header, ["SUI", "%", 0.034, 7000], ["MPI", "HOUR", "abc", ""]],
      'fringes table row 3 (MPI): Rate must be a number, got "abc"',
    ],
    [
      "a negative rate",
      [header, ["MPI", "HOUR", -1, ""]],
      "fringes table row 2 (MPI): Rate must be 0 or more, got -1",
    ],
    [
      "a percent typed as a whole number",
      [header, ["SS", "%", 6.2, ""]],
      "fringes table row 2 (SS): Rate 6.2 is over 100%: write a percent fringe as 0.062 or 6.2%",
    ],
    [
      "an unknown type",
      [header, ["MPI", "hr", 14.63, ""]],
      'fringes table row 2 (MPI): Type must be %, HOUR, DAY, WEEK or FLAT, got "hr"',
    ],
    ["a blank name", [header, ["", "%", 0.01, ""]], "fringes table row 2: Name is blank"],
    [
      "a text cutoff",
      [header, ["SUI", "%", 0.034, "seven grand"]],
      'fringes table row 2 (SUI): Cutoff must be a number, got "seven grand"',
    ],
    [
      "a negative cutoff",
      [header, ["SUI", "%", 0.034, -7000]],
      "fringes table row 2 (SUI): Cutoff must be 0 or more, got -7000",
    ],
    [
      "a cutoff on a flat fringe",
      [header, ["MPI", "HOUR", 14.63, 100]],
      "fringes table row 2 (MPI): Cutoff applies only to % fringes; leave it blank for HOUR",
    ],
    [
      "a name used twice",
      [header, ["SUI", "%", 0.034, 7000], ["sui", "%", 0.03, 7000]],
      "fringes table row 3 (sui): the name is already used on row 2",
    ],
    ["no fringes", [header, ["", "", "", ""]], "fringes table has no fringes below its header row"],
  ])("refuses %s with #VALUE! naming the row", (_case, rows, message) => {
    expect(failure(rows)).toBe(message);
  });

  it("recognises the header row", () => {
    expect(isFringeTableHeader(["name", "type", "rate", "cutoff"])).toBe(true);
    expect(isFringeTableHeader(["SS", "MEDICARE"])).toBe(false);
  });

  it.each([
    [["Name", "Type", "Rate", "Cutoff"], true],
    [["Description", "cut off", " RATE", "type", "name"], true],
    [["Name", "Type", "Rate"], false],
    [["Name", "Type", "Rate", 0], false],
  ])("offers a table with header %p as a fringe table: %p", (headers, offered) => {
    expect(hasFringeTableColumns(headers)).toBe(offered);
  });

  it("writes library fringes as a table it reads back unchanged", () => {
    const library = FRINGE_PRESETS["PAYROLL-CA"].fringes.map((name) => findLibraryFringe(name, 2026));
    const back = parseFringeTable([[...FRINGE_TABLE_COLUMNS], ...fringeTableRows(library)]);
    expect(back.map((f) => [f.label, f.rate.toString(), f.cutoff?.toString() ?? null])).toEqual(
      library.map((f) => [f.name, f.rate, f.cutoff]),
    );
  });

  it("fills a user's table in its own column order, leaving columns the library has nothing for blank", () => {
    const ss = findLibraryFringe("SS", 2026);
    expect(fringeTableRows([ss], ["Cutoff", "Notes", "Name", "rate", " Type "])).toEqual([
      [184500, null, "SS", 0.062, "%"],
    ]);
  });

  it("writes CPP's basic exemption in the Threshold column, beside its cutoff", () => {
    expect(fringeTableRows([findLibraryFringe("CPP", 2026)])[0].slice(0, 5)).toEqual([
      "CPP",
      "%",
      0.0595,
      74600,
      3500,
    ]);
    const back = parseFringeTable([
      [...FRINGE_TABLE_COLUMNS],
      ...fringeTableRows([findLibraryFringe("CPP", 2026)]),
    ]);
    expect([back[0].threshold?.toString(), back[0].cutoff?.toString()]).toEqual(["3500", "74600"]);
  });

  it("writes when it is in force, confirmation and source next to each rate, in words", () => {
    expect(fringeTableRows([findLibraryFringe("MEDICARE", 2026)])[0].slice(0, 8)).toEqual([
      "MEDICARE",
      "%",
      0.0145,
      null,
      null,
      "2026 (calendar year)",
      "confirmed",
      "IRS Publication 80, section 7 (employer Medicare; the extra 0.9% is employee-only): https://taxmap.ntis.gov/taxmap/pubs/p80-007.htm",
    ]);
    expect(fringeTableRows([findLibraryFringe("SAG-AFTRA", { date: "2026-08-15" })])[0].slice(5, 7)).toEqual([
      "Jul 1, 2026 to Jun 30, 2027",
      "not confirmed: check with your payroll company",
    ]);
  });
});
