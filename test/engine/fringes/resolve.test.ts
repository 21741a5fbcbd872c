import { ProdError } from "../../../src/engine/errors";
import { resolveFringes } from "../../../src/engine/fringes/resolve";

const labels = (spec: unknown) => resolveFringes(spec).map((f) => f.label);

function failure(spec: unknown): ProdError {
  try {
    resolveFringes(spec);
  } catch (e) {
    expect(e).toBeInstanceOf(ProdError);
    return e as ProdError;
  }
  throw new Error("expected the fringes to be refused");
}

describe("the fringes argument", () => {
  it.each([
    ["SS", ["SS-2026"]],
    ["SS-2025", ["SS-2025"]],
    [" ss , Medicare,FUTA-CA ", ["SS-2026", "MEDICARE-2026", "FUTA-CA-2026"]],
    ["PAYROLL-US", ["SS-2026", "MEDICARE-2026", "FUTA-2026"]],
    ["PAYROLL-CA", ["SS-2026", "MEDICARE-2026", "FUTA-CA-2026", "CA-SUI-2026", "CA-ETT-2026"]],
    ["PAYROLL-CA-2025", ["SS-2025", "MEDICARE-2025", "FUTA-CA-2025", "CA-SUI-2025", "CA-ETT-2025"]],
    ["PAYROLL-NY", ["SS-2026", "MEDICARE-2026", "FUTA-2026", "NY-SUI-2026"]],
    ["PAYROLL-US,SAG-AFTRA-2025", ["SS-2026", "MEDICARE-2026", "FUTA-2026", "SAG-AFTRA@2022-07-01"]],
    [[["PAYROLL-US"]], ["SS-2026", "MEDICARE-2026", "FUTA-2026"]],
  ])("reads %p", (spec, expected) => {
    expect(labels(spec)).toEqual(expected);
  });

  it("reads a column or a row of names, skipping empty cells", () => {
    expect(labels([["SS"], [""], ["MEDICARE"], [0], [null]])).toEqual(["SS-2026", "MEDICARE-2026"]);
    expect(labels([["SS", "CA-SUI-2025"]])).toEqual(["SS-2026", "CA-SUI-2025"]);
  });

  it("reads a range that starts with the header as a fringe table", () => {
    expect(
      labels([
        ["Name", "Type", "Rate", "Cutoff"],
        ["MPI", "HOUR", 14.63, ""],
      ]),
    ).toEqual(["MPI"]);
  });

  it("reads a table's data without its header (an Excel table referenced by name) in header order", () => {
    const fringes = resolveFringes([
      ["SUI", "%", 0.034, 7000, "state UI"],
      ["MPI", "HOUR", 14.63, "", "MPI P&H"],
    ]);
    expect(fringes.map((f) => [f.label, f.type, f.rate.toString(), f.cutoff?.toString() ?? null])).toEqual([
      ["SUI", "%", "0.034", "7000"],
      ["MPI", "HOUR", "14.63", null],
    ]);
    expect(labels([["MPI", "HOUR", 14.63, ""]])).toEqual(["MPI"]);
  });

  it("names the row of a bad headerless table as the sheet shows it, header counted", () => {
    expect(
      failure([
        ["SUI", "%", 0.034, 7000],
        ["MPI", "HOUR", "n/a", ""],
      ]).message,
    ).toBe('fringes table row 3 (MPI): Rate must be a number, got "n/a"');
  });

  it("parses the same table once: thousands of FRINGE cells share it", () => {
    const table = () => [
      ["Name", "Type", "Rate", "Cutoff"],
      ["SUI", "%", 0.034, 7000],
    ];
    expect(resolveFringes(table())).toBe(resolveFringes(table()));
    const edited = table();
    edited[1][2] = 0.031;
    expect(resolveFringes(edited)[0].rate.toString()).toBe("0.031");
  });

  it("keeps a bounded number of parsed tables: a long-unused one is parsed again", () => {
    const tableWithRate = (rate: number) => [
      ["Name", "Type", "Rate", "Cutoff"],
      ["X", "%", rate, ""],
    ];
    const first = resolveFringes(tableWithRate(0.5));
    expect(resolveFringes(tableWithRate(0.5))).toBe(first);
    for (let i = 1; i <= 100; i++) resolveFringes(tableWithRate(i / 1000));
    const again = resolveFringes(tableWithRate(0.5));
    expect(again).not.toBe(first);
    expect(again[0].rate.toString()).toBe("0.5");
  });

  it("reads a table edited after it was read, even when the very same array is passed again", () => {
    const table: unknown[][] = [
      ["Name", "Type", "Rate", "Cutoff"],
      ["SUI", "%", 0.034, 7000],
    ];
    expect(resolveFringes(table)[0].cutoff?.toString()).toBe("7000");
    table[1][3] = 7500;
    expect(resolveFringes(table)[0].cutoff?.toString()).toBe("7500");
    expect(labels("SS")).toEqual(["SS-2026"]);
    expect(labels([["SS"]])).toEqual(["SS-2026"]);
    expect(resolveFringes(table)[0].cutoff?.toString()).toBe("7500");
  });

  it("answers an unknown name with #N/A and the close names", () => {
    const e = failure("SS,MEDICAR");
    expect(e.kind).toBe("notFound");
    expect(e.message).toMatch(
      /^Unknown fringe "MEDICAR"\. Did you mean MEDICARE\? Known: PAYROLL-US, PAYROLL-CA, PAYROLL-NY, PAYROLL-GA, PAYROLL-CANADA, SS, MEDICARE, /,
    );
  });

  it("answers a year the library lacks with #N/A", () => {
    const e = failure("PAYROLL-NY-2024");
    expect(e.kind).toBe("notFound");
    expect(e.message).toMatch(/SS-2025.*SS-2026/);
  });

  it("reads a dated name and a dated preset: the rate in force on that day", () => {
    expect(labels("SAG-AFTRA@2026-06-30,DGA-PENSION@2026-08-15")).toEqual([
      "SAG-AFTRA@2022-07-01",
      "DGA-PENSION@2026-07-01",
    ]);
    expect(labels("PAYROLL-CA@2025-08-15")).toEqual([
      "SS-2025",
      "MEDICARE-2025",
      "FUTA-CA-2025",
      "CA-SUI-2025",
      "CA-ETT-2025",
    ]);
  });

  it("answers a dated name no entry covers with #N/A listing the known dates", () => {
    const e = failure("SAG-AFTRA@2030-01-01");
    expect(e.kind).toBe("notFound");
    expect(e.message).toMatch(
      /^PROD has no rate for SAG-AFTRA@2030-01-01\. Known: SAG-AFTRA@2022-07-01 to 2026-06-30/,
    );
  });

  it.each([
    ["a fringe listed twice", "PAYROLL-US,SS-2025", "fringes lists SS twice: each fringe may appear once"],
    ["nothing", "", "fringes is required, got a blank cell"],
    ["a number", 0.062, "fringes must be fringe names"],
    [
      "a block without a header",
      [
        ["SS", "%"],
        ["MEDICARE", "%"],
      ],
      "fringes is a range of several rows and columns, so it must be a fringe table",
    ],
  ])("refuses %s with #VALUE!", (_case, spec, message) => {
    const e = failure(spec);
    expect(e.kind).toBe("invalid");
    expect(e.message).toContain(message);
  });
});
