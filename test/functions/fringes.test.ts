import { fringe, fringeDetail, fringeRate } from "../../src/functions/fringes";
import { excelError } from "./excelError";
import { findLibraryFringe } from "../../src/engine/fringes/library";

const table = [
  ["Name", "Type", "Rate", "Cutoff"],
  ["SUI", "%", "3.4%", 7000],
  ["MPI", "HOUR", 14.63, ""],
];

describe("PROD.FRINGE", () => {
  it.each([
    [250000, "PAYROLL-CA-2025", 14914.2],
    [250000, "PAYROLL-CA-2026", 15456],
    [250000, "PAYROLL-CA", 15456],
    [60000, "PAYROLL-CA-2025", 4961],
  ])("reference.md 3.5: $%i with %s = $%d", (wages, fringes, expected) => {
    expect(fringe([[wages]], [[fringes]])).toEqual([[expected]]);
  });

  it("caps SUI at the first $7,000 across one person's lines (reference.md 3.6)", () => {
    expect(fringe([[8000], [32000], [4000]], [["CA-SUI-2025"]])).toEqual([[238], [0], [0]]);
  });

  it("uses prior wages: a person already paid $180,000 this year owes SS only up to $184,500", () => {
    expect(fringe([[10000]], [["SS"]], 180000)).toEqual([[279]]);
  });

  it("charges MPI $14.63 x 12 hours = $175.56 from a fringe table (reference.md 3.7)", () => {
    expect(
      fringe(
        [[0]],
        [
          ["Name", "Type", "Rate", "Cutoff"],
          ["MPI", "HOUR", 14.63, ""],
        ],
        null,
        [[12]],
      ),
    ).toEqual([[175.56]]);
  });

  it("charges MPI on a 12-hour Day unit when given days only: 3 days = $526.68", () => {
    expect(fringe([[0]], table, null, undefined, [[3]])).toEqual([[526.68]]);
  });

  it("takes hours per line beside the wages column (SUI $238 capped once, MPI per hour)", () => {
    expect(fringe([[3000], [5000]], table, null, [[50], [60]])).toEqual([[833.5], [1013.8]]);
  });

  it("applies one hours cell to every line", () => {
    expect(fringe([[0], [0]], table, null, [[12]])).toEqual([[175.56], [175.56]]);
  });

  it("reads a row of wages as one person's lines too, counts blank wages as 0, and accepts money text", () => {
    expect(fringe([["$8,000.00", "", 4000]], [["CA-SUI-2025"]])).toEqual([[238], [0], [0]]);
  });

  it("charges a per-day fringe on days", () => {
    expect(
      fringe(
        [[0]],
        [
          ["Name", "Type", "Rate", "Cutoff"],
          ["NBF", "DAY", 137, ""],
        ],
        null,
        undefined, // Excel passes null for an omitted argument; the type says undefined
        [[5]],
      ),
    ).toEqual([[685]]);
  });

  it.each([
    ["text wages", "#VALUE!", 'wages must be a number, got "lots"', () => fringe([["lots"]], [["SS"]])],
    ["negative wages", "#VALUE!", "wages must be 0 or more, got -5", () => fringe([[-5]], [["SS"]])],
    [
      "a negative line",
      "#VALUE!",
      "wages line 2 must be 0 or more, got -5",
      () => fringe([[5], [-5]], [["SS"]]),
    ],
    [
      "negative prior wages",
      "#VALUE!",
      "prior_wages must be 0 or more, got -1",
      () => fringe([[5]], [["SS"]], -1),
    ],
    [
      "negative hours",
      "#VALUE!",
      "hours must be 0 or more, got -2",
      () => fringe([[0]], table, null, [[-2]]),
    ],
    [
      "mismatched hours",
      "#VALUE!",
      "hours has 2 cells but wages has 3: they must be the same size",
      () => fringe([[1], [2], [3]], table, null, [[1], [2]]),
    ],
    [
      "mismatched days",
      "#VALUE!",
      "days has 3 cells but wages has 2: they must be the same size",
      () => fringe([[1], [2]], [["SS"]], null, undefined, [[1], [2], [3]]),
    ],
    [
      "a per-hour fringe without hours",
      "#VALUE!",
      "hours is required: MPI is a per-hour fringe (or give days: 12 hours a day)",
      () => fringe([[100]], table),
    ],
    [
      "a block of wages",
      "#VALUE!",
      "wages must be a single column (one person's lines), not a block of several columns",
      () =>
        fringe(
          [
            [1, 2],
            [3, 4],
          ],
          [["SS"]],
        ),
    ],
    [
      "a table with a non-numeric rate",
      "#VALUE!",
      'fringes table row 2 (SS): Rate must be a number, got "six"',
      () =>
        fringe(
          [[1]],
          [
            ["Name", "Type", "Rate", "Cutoff"],
            ["SS", "%", "six", ""],
          ],
        ),
    ],
    [
      "a table with a missing column",
      "#VALUE!",
      "fringes table has no Type column: its first row must be the header Name | Type | Rate | Cutoff",
      () =>
        fringe(
          [[1]],
          [
            ["Name", "Rate", "Cutoff"],
            ["SS", 0.062, ""],
          ],
        ),
    ],
  ])("answers %s with %s", (_case, code, message, call) => {
    expect(excelError(call)).toMatchObject({ code, message });
  });

  it("answers an unknown fringe name with #N/A listing close names", () => {
    const e = excelError(() => fringe([[1000]], [["PAYROL-CA"]]));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/^Unknown fringe "PAYROL-CA"\. Did you mean PAYROLL-CA/);
  });
});

describe("PROD.FRINGERATE", () => {
  it("adds the percent rates: PAYROLL-US = 8.25%", () => {
    expect(fringeRate([["PAYROLL-US"]])).toEqual([[0.0825]]);
  });

  it("leaves per-hour fringes out of the combined rate", () => {
    expect(fringeRate(table)).toEqual([[0.034]]);
  });

  it("gives the effective rate at each wage, caps included (reference.md 3.5)", () => {
    const [[high], [low]] = fringeRate([["PAYROLL-CA-2025"]], [[250000], [60000]]);
    expect(high).toBeCloseTo(0.059657, 6);
    expect(low).toBeCloseTo(0.0826833, 6);
  });

  it("answers $0 wages with #DIV/0!", () => {
    expect(excelError(() => fringeRate([["SS"]], [[0]])).code).toBe("#DIV/0!");
  });
});

describe("guild ceilings and dated names (figures-audit.md 4, 9.10, 10.2-10.5)", () => {
  // sagaftraplans.org theatrical reporting: 21% up to $232,000 per performer per picture.
  it("FRINGE(2000000, SAG-AFTRA-2025) = 48,720.00, not 420,000", () => {
    expect(fringe([[2000000]], [["SAG-AFTRA-2025"]])).toEqual([[48720]]);
  });

  it("counts a performer's earlier pay on the picture toward the ceiling", () => {
    expect(fringe([[100000]], [["SAG-AFTRA-2025"]], 200000)).toEqual([[6720]]);
  });

  it("gives the rate in force on a date: DGA Network 8.5% to June 30, 2025, 8.75% from July 1", () => {
    expect(fringe([[10000]], [["DGA-PENSION-NETWORK@2025-06-30"]])).toEqual([[850]]);
    expect(fringe([[10000]], [["DGA-PENSION-NETWORK@2025-07-01"]])).toEqual([[875]]);
  });

  it("keeps the calendar-year names: SAG-AFTRA-2026 is the rate on 1 January 2026", () => {
    expect(fringe([[1000]], [["SAG-AFTRA-2026"]])).toEqual([[210]]);
    expect(fringe([[1000]], [["SAG-AFTRA@2026-08-15"]])).toEqual([[220]]);
  });

  it("answers an unknown dated name with #N/A listing the known dates", () => {
    const e = excelError(() => fringe([[1000]], [["SAG-AFTRA@2019-01-01"]]));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe(
      "PROD has no rate for SAG-AFTRA@2019-01-01. Known: SAG-AFTRA@2022-07-01 to 2026-06-30, SAG-AFTRA@2026-07-01 to 2027-06-30",
    );
  });

  it("FRINGEDETAIL names the entry used and marks a figure that is not confirmed in words", () => {
    expect(fringeDetail([[1000]], [["SAG-AFTRA@2026-08-15"]])[1][0]).toBe(
      "SAG-AFTRA@2026-07-01 (not confirmed: check with your payroll company)",
    );
  });
});

describe("PROD.FRINGEDETAIL", () => {
  it("explains the $250,000 California example line by line (reference.md 3.5, 2026)", () => {
    expect(fringeDetail([[250000]], [["PAYROLL-CA"]])).toEqual([
      ["Fringe", "Type", "Rate", "Base", "Cutoff", "Amount"],
      ["SS-2026", "%", 0.062, 184500, 184500, 11439],
      ["MEDICARE-2026", "%", 0.0145, 250000, "", 3625],
      ["FUTA-CA-2026 (not confirmed: check with your payroll company)", "%", 0.021, 7000, 7000, 147],
      ["CA-SUI-2026", "%", 0.034, 7000, 7000, 238],
      ["CA-ETT-2026", "%", 0.001, 7000, 7000, 7],
      ["Total", "", "", "", "", 15456],
    ]);
  });

  it("shows the base actually subject across a fringe range with prior wages", () => {
    expect(fringeDetail([[8000], [32000], [4000]], [["CA-SUI-2025"]], 3000)).toEqual([
      ["Fringe", "Type", "Rate", "Base", "Cutoff", "Amount"],
      ["CA-SUI-2025", "%", 0.034, 4000, 7000, 136],
      ["Total", "", "", "", "", 136],
    ]);
  });

  it("shows hours as the base of a per-hour fringe", () => {
    expect(fringeDetail([[0]], table, null, [[70]])).toEqual([
      ["Fringe", "Type", "Rate", "Base", "Cutoff", "Amount"],
      ["SUI", "%", 0.034, 0, 7000, 0],
      ["MPI", "HOUR", 14.63, 70, "", 1024.1],
      ["Total", "", "", "", "", 1024.1],
    ]);
  });

  it("answers bad input like FRINGE does", () => {
    expect(excelError(() => fringeDetail([["lots"]], [["SS"]]))).toMatchObject({
      code: "#VALUE!",
      message: 'wages must be a number, got "lots"',
    });
  });
});

describe("people: lines that pay several people (spec/functions.md; issue 14)", () => {
  it("FRINGE(150000, CA-SUI-2025, , , , 5) = 1,190.00: each of the five is capped at $7,000", () => {
    expect(fringe([[150000]], [["CA-SUI-2025"]], null, null as never, null as never, [[5]])).toEqual([
      [1190],
    ]);
  });

  it("a 4-grip line, 4 x 25 days x $450 under PAYROLL-CA-2025, is 4,926.50, not 3,813.50", () => {
    expect(fringe([[45000]], [["PAYROLL-CA-2025"]], null, null as never, null as never, [[4]])).toEqual([
      [4926.5],
    ]);
    expect(fringe([[45000]], [["PAYROLL-CA-2025"]])).toEqual([[3813.5]]);
  });

  it("takes prior wages as what each person was already paid", () => {
    expect(fringe([[20000]], [["CA-SUI-2025"]], 6000, null as never, null as never, [[4]])).toEqual([[136]]);
  });

  it("takes a column of people beside a column of lines", () => {
    expect(
      fringe([[4000], [40000]], [["CA-SUI-2025"]], null, null as never, null as never, [[2], [4]]),
    ).toEqual([[136], [816]]);
  });

  it("left out (null) is one person", () => {
    expect(fringe([[150000]], [["CA-SUI-2025"]], null, null as never, null as never, null as never)).toEqual([
      [238],
    ]);
  });

  it.each([
    [[[0]], /^people must be 1 or more, got 0/],
    [[[-2]], /^people must be 1 or more, got -2/],
    [[[2.5]], /^people must be a whole number of people, got 2\.5/],
    [[["four"]], /^people must be a number, got "four"/],
    // An empty cell: desktop Excel passes 0, the web a blank; both are refused alike.
    [[[""]], /^people is a blank cell: give how many people/],
    [[[null]], /^people is a blank cell: give how many people/],
    [[[4], [0]], /^people line 2 must be 1 or more, got 0/],
    [[[4], [4], [4]], /^people has 3 cells but wages has 2/],
  ])("refuses people = %j with #VALUE! naming people", (people, message) => {
    const e = excelError(() =>
      fringe(
        [[1000], [2000]].slice(0, people.length === 1 ? 1 : 2),
        [["SS"]],
        null,
        null as never,
        null as never,
        people,
      ),
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(message);
  });

  it("refuses more than 12 different crew sizes in one column", () => {
    const wages = Array.from({ length: 13 }, () => [1000]);
    const people = Array.from({ length: 13 }, (_, i) => [i + 1]);
    const e = excelError(() => fringe(wages, [["SS"]], null, null as never, null as never, people));
    expect(e.message).toMatch(/^people has 13 different numbers of people/);
  });

  it("FRINGEDETAIL shows each person's base and the headcount: 7,000 x 5 people", () => {
    expect(fringeDetail([[150000]], [["CA-SUI-2025"]], null, null as never, null as never, [[5]])).toEqual([
      ["Fringe", "Type", "Rate", "Base", "Cutoff", "Amount"],
      ["CA-SUI-2025", "%", 0.034, "7,000 x 5 people", 7000, 1190],
      ["Total", "", "", "", "", 1190],
    ]);
  });

  it("FRINGEDETAIL on lines of different crew sizes shows the base of all the people", () => {
    const detail = fringeDetail([[4000], [40000]], [["CA-SUI-2025"]], null, null as never, null as never, [
      [2],
      [4],
    ]);
    expect(detail[1][3]).toBe("28,000 for all the people");
  });
});

describe("rates the user fills in: workers' comp by class, the payroll fee (issue 14, section 2)", () => {
  const crew = [
    ["Name", "Type", "Rate", "Cutoff"],
    ["CA-SUI", "%", 0.034, 7000],
    ["WC 9610 crew", "%", "", ""],
  ];
  const filled = [crew[0], crew[1], ["WC 9610 crew", "%", "4.8%", ""]];
  const waiting =
    "fringes table row 3 (WC 9610 crew) has no rate yet: type it in the Rate column (a % fringe as 4.8% or 0.048, the other types in dollars)";

  it("FRINGE says in words which rate to type while it is blank, not a silent 0", () => {
    expect(excelError(() => fringe([[10000]], crew))).toMatchObject({ code: "#VALUE!", message: waiting });
  });

  it("answers the same on desktop Excel, which passes the empty Rate cell as 0", () => {
    const desktop = [crew[0], crew[1], ["WC 9610 crew", "%", 0, 0]];
    expect(excelError(() => fringe([[10000]], desktop))).toMatchObject({ code: "#VALUE!", message: waiting });
  });

  it("charges the rate once typed: $10,000 x (3.4% of the first $7,000 + 4.8%) = 718.00", () => {
    expect(fringe([[10000]], filled)).toEqual([[718]]);
  });

  it("FRINGERATE refuses the set too: a combined rate without the blank one would be wrong", () => {
    expect(excelError(() => fringeRate(crew))).toMatchObject({ code: "#VALUE!", message: waiting });
  });

  it("FRINGEDETAIL shows the others and says which rate is missing, with no total", () => {
    expect(fringeDetail([[10000]], crew)).toEqual([
      ["Fringe", "Type", "Rate", "Base", "Cutoff", "Amount"],
      ["CA-SUI", "%", 0.034, 7000, 7000, 238],
      ["WC 9610 crew (no rate yet: type it in your fringe table)", "%", "", 10000, "", "no rate yet"],
      ["Total not known until WC 9610 crew has a rate", "", "", "", "", ""],
    ]);
  });

  it("a library rate to fill in, named in a formula, is refused saying how to give it a rate", () => {
    expect(excelError(() => fringe([[10000]], [["PAYROLL-CA,WORKERS-COMP"]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/^fringes WORKERS-COMP-2026 has no rate PROD can give/),
    });
  });
});

/*
 * Fringes charged between a threshold and a cutoff, per person and counting prior wages (issue 14,
 * section 2; figures-audit.md 9.6, 9.7): Canada's CPP above its $3,500 basic exemption, CPP2
 * between the two ceilings, EI; Georgia SUI; New York MCTMT. Canadian figures are in Canadian
 * dollars, from the Canada Revenue Agency as reported by taag.ca and hmid.ca (not confirmed).
 */
describe("Canada 2026 (figures-audit.md 9.7: CPP 5.95% from $3,500 to $74,600, CPP2 4% to $85,000, EI 2.282% to $68,900)", () => {
  it.each([
    // (74,600 - 3,500) x 5.95% = 4,230.45, the 2026 maximum.
    [100000, "CPP-2026", 4230.45],
    // (85,000 - 74,600) x 4% = 416.00.
    [100000, "CPP2-2026", 416],
    // 68,900 x 2.282% = 1,572.298.
    [100000, "EI-2026", 1572.3],
    // 4,230.45 + 416 + 1,572.298 = 6,218.748.
    [100000, "PAYROLL-CANADA-2026", 6218.75],
    // (50,000 - 3,500) x 5.95% = 2,766.75.
    [50000, "CPP-2026", 2766.75],
    // Below the basic exemption nothing is owed.
    [3000, "CPP-2026", 0],
    // Below the first ceiling CPP2 owes nothing.
    [74600, "CPP2-2026", 0],
    // 2025: (71,300 - 3,500) x 5.95% = 4,034.10; (81,200 - 71,300) x 4% = 396; 65,700 x 2.296% = 1,508.472.
    [100000, "PAYROLL-CANADA-2025", 5938.57],
  ])("$%i under %s = %d", (wages, fringes, expected) => {
    expect(fringe([[wages]], [[fringes]])).toEqual([[expected]]);
  });

  it("counts what the person was already paid this year: $10,000 more after $70,000", () => {
    // CPP: 70,000 to 74,600 = 4,600 x 5.95% = 273.70; CPP2: 74,600 to 80,000 = 5,400 x 4% = 216;
    // EI: 70,000 is past 68,900, nothing.
    expect(fringe([[10000]], [["PAYROLL-CANADA-2026"]], 70000)).toEqual([[489.7]]);
  });

  it("reaches the exemption once across one person's lines", () => {
    // 2,000 is under 3,500; the second 2,000 takes the total to 4,000: 500 x 5.95% = 29.75.
    expect(fringe([[2000], [2000]], [["CPP-2026"]])).toEqual([[0], [29.75]]);
  });

  it("gives each person of a line their own exemption and ceilings: 2 people sharing $100,000", () => {
    // Each earns 50,000: 2 x 2,766.75.
    expect(fringe([[100000]], [["CPP-2026"]], null, undefined, undefined, [[2]])).toEqual([[5533.5]]);
  });

  it("FRINGEDETAIL shows CPP2's band in the Cutoff column and the earnings charged as its base", () => {
    expect(fringeDetail([[100000]], [["CPP2-2026"]])).toEqual([
      ["Fringe", "Type", "Rate", "Base", "Cutoff", "Amount"],
      [
        "CPP2-2026 (not confirmed: check with your payroll company)",
        "%",
        0.04,
        10400,
        "74,600 to 85,000",
        416,
      ],
      ["Total", "", "", "", "", 416],
    ]);
  });

  it("carries the exemption into a fringe table the pane writes, and reads it back", () => {
    const table = [
      ["Name", "Type", "Rate", "Cutoff", "Threshold"],
      ["CPP", "%", 0.0595, 74600, 3500],
    ];
    expect(fringe([[50000]], table)).toEqual([[2766.75]]);
    expect(findLibraryFringe("CPP", 2026).threshold).toBe("3500");
  });

  it("reads the Threshold of a table passed without its header, in the pane's column order", () => {
    const row = ["CPP", "%", 0.0595, 74600, 3500, "2026 (calendar year)", "x", "y", "z"];
    expect(fringe([[50000]], [row])).toEqual([[2766.75]]);
  });

  it.each([
    [
      ["CPP", "%", 0.0595, 74600, 80000],
      "fringes table row 2 (CPP): Threshold 80000 must be below the Cutoff 74600: wages are charged between the two",
    ],
    [
      ["NBF", "DAY", 30, "", 100],
      "fringes table row 2 (NBF): Threshold applies only to % fringes; leave it blank for DAY",
    ],
    [["CPP", "%", 0.0595, 74600, -1], "fringes table row 2 (CPP): Threshold must be 0 or more, got -1"],
  ])("refuses a bad Threshold naming the row: %p", (row, message) => {
    expect(
      excelError(() => fringe([[1000]], [["Name", "Type", "Rate", "Cutoff", "Threshold"], row])),
    ).toMatchObject({ code: "#VALUE!", message });
  });
});

describe("Georgia and New York (figures-audit.md 9.6)", () => {
  it("GA-SUI-2026: 2.64% + 0.06% assessment = 2.7% of the first $9,500 = 256.50", () => {
    expect(fringe([[20000]], [["GA-SUI-2026"]])).toEqual([[256.5]]);
    // SS 1,240 + Medicare 290 + FUTA 42 + GA SUI 256.50.
    expect(fringe([[20000]], [["PAYROLL-GA-2026"]])).toEqual([[1828.5]]);
  });

  it("NY-MCTMT-2026: 0.60% of all New York City payroll, no cap: $100,000 = 600.00", () => {
    expect(fringe([[100000]], [["NY-MCTMT-2026"]])).toEqual([[600]]);
    expect(fringe([[100000]], [["NY-MCTMT-ZONE2-2026"]])).toEqual([[340]]);
  });
});
