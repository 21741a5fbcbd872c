/**
 * Fringes charged between a threshold and a cutoff, per person and counting prior wages (issue 14,
 * section 2; figures-audit.md 9.6, 9.7): Canada's CPP above its $3,500 basic exemption, CPP2
 * between the two ceilings, EI; Georgia SUI; New York MCTMT. Canadian figures are in Canadian
 * dollars, from the Canada Revenue Agency as reported by taag.ca and hmid.ca (not confirmed).
 */
import { fringe, fringeDetail } from "../../src/functions/fringes";
import { findLibraryFringe } from "../../src/engine/fringes/library";

/** The Excel error a call throws. */
function excelError(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}

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
