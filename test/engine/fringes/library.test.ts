import {
  FRINGE_LIBRARY,
  FRINGE_PRESETS,
  findLibraryFringe,
  libraryYears,
  splitYear,
} from "../../../src/engine/fringes/library";
import { ProdError } from "../../../src/engine/errors";

describe("the fringe library", () => {
  it("holds 2025 and 2026 figures for every statutory payroll tax", () => {
    for (const name of ["SS", "MEDICARE", "FUTA", "FUTA-CA", "CA-SUI", "CA-ETT"]) {
      expect(libraryYears(name)).toEqual([2025, 2026]);
    }
  });

  it("gives every entry a source URL and decimal-text rates", () => {
    for (const f of FRINGE_LIBRARY) {
      expect(f.source).toMatch(/^https?:\/\//);
      expect(f.rate).toMatch(/^\d+(\.\d+)?$/);
      if (f.cutoff !== null) expect(f.cutoff).toMatch(/^\d+(\.\d+)?$/);
      expect(f.description.length).toBeGreaterThan(10);
    }
  });

  it("holds each name and year once", () => {
    const keys = FRINGE_LIBRARY.map((f) => `${f.name}-${f.year}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    // reference.md 3.1: the figures the spec names
    ["SS", 2025, "0.062", "176100", true],
    ["SS", 2026, "0.062", "184500", true],
    ["MEDICARE", 2026, "0.0145", null, true],
    ["FUTA", 2026, "0.006", "7000", true],
    ["FUTA-CA", 2025, "0.018", "7000", true],
    ["CA-SUI", 2025, "0.034", "7000", true],
    ["CA-ETT", 2025, "0.001", "7000", true],
    ["SAG-AFTRA", 2025, "0.21", null, true],
    ["DGA-PENSION", 2026, "0.085", null, true],
    // projected, conflicting or not confirmed for the year: shipped, but marked
    ["FUTA-CA", 2026, "0.021", "7000", false],
    ["CA-SUI", 2026, "0.034", "7000", false],
    ["CA-ETT", 2026, "0.001", "7000", false],
    ["NY-SUI", 2026, "0.041", "13000", false],
    ["IATSE-IAP", 2026, "0.06", null, false],
  ])("%s %i is %s with cutoff %s (confirmed: %s)", (name, year, rate, cutoff, confirmed) => {
    const f = findLibraryFringe(name, year);
    expect([f.rate, f.cutoff, f.confirmed]).toEqual([rate, cutoff, confirmed]);
  });

  it("says in NY-SUI 2026 that its wage base is disputed", () => {
    expect(findLibraryFringe("NY-SUI", 2026).description).toMatch(/\$13,000.*\$17,600/);
  });

  it("ships no figure the reference does not have: no MPI hourly, DGA health or WGA", () => {
    const names = FRINGE_LIBRARY.map((f) => f.name);
    expect(names.some((n) => /MPI|WGA|HEALTH|NBF/.test(n))).toBe(false);
  });

  it("means the latest year held when no year is given", () => {
    expect(findLibraryFringe("SS").year).toBe(2026);
    expect(findLibraryFringe("ss").cutoff).toBe("184500");
  });

  it("answers a year it does not hold with #N/A listing the years it has", () => {
    expect(() => findLibraryFringe("NY-SUI", 2025)).toThrow(
      'Unknown fringe year "NY-SUI-2025". Did you mean NY-SUI-2026?',
    );
  });

  it("answers an unknown name with #N/A and close names", () => {
    let error: unknown;
    try {
      findLibraryFringe("MEDICAR");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProdError);
    expect((error as ProdError).kind).toBe("notFound");
    expect((error as ProdError).message).toMatch(/^Unknown fringe "MEDICAR"\. Did you mean MEDICARE\?/);
  });

  it("builds presets only from names the library holds", () => {
    expect(FRINGE_PRESETS["PAYROLL-US"].fringes).toEqual(["SS", "MEDICARE", "FUTA"]);
    expect(FRINGE_PRESETS["PAYROLL-CA"].fringes).toEqual(["SS", "MEDICARE", "FUTA-CA", "CA-SUI", "CA-ETT"]);
    expect(FRINGE_PRESETS["PAYROLL-NY"].fringes).toEqual(["SS", "MEDICARE", "FUTA", "NY-SUI"]);
    for (const preset of Object.values(FRINGE_PRESETS))
      for (const name of preset.fringes) expect(libraryYears(name).length).toBeGreaterThan(0);
  });

  it.each([
    ["SS-2025", "SS", 2025],
    [" futa-ca-2026 ", "FUTA-CA", 2026],
    ["CA-SUI", "CA-SUI", undefined],
  ])("reads the year of %p", (token, name, year) => {
    expect(splitYear(token)).toEqual({ name, year });
  });
});
