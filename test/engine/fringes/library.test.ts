/**
 * The fringe library against domain/figures-audit.md (December 2026): each figure with the source
 * the audit read, each correction of its section 10 that has a source, and effective dating.
 */
import {
  FRINGE_LIBRARY,
  FRINGE_PRESETS,
  entryName,
  findLibraryFringe,
  libraryYears,
  periodWords,
  splitWhen,
} from "../../../src/engine/fringes/library";
import { ProdError } from "../../../src/engine/errors";

/** The error a call throws. */
function thrown(call: () => unknown): ProdError {
  try {
    call();
  } catch (e) {
    return e as ProdError;
  }
  throw new Error("expected an error");
}

describe("the fringe library", () => {
  it("holds 2025 and 2026 figures for every statutory payroll tax", () => {
    for (const name of ["SS", "MEDICARE", "FUTA", "FUTA-CA", "CA-SUI", "CA-ETT", "NY-SUI"]) {
      expect(libraryYears(name)).toEqual([2025, 2026]);
    }
  });

  it("gives every entry a source URL, the source's name in words, dates and decimal-text rates", () => {
    for (const f of FRINGE_LIBRARY) {
      // Only a rate the user fills in from their own payroll company may have no web page.
      if (f.rate !== null || f.source !== "") expect(f.source).toMatch(/^https:\/\//);
      expect(f.sourceName.length).toBeGreaterThan(10);
      expect(f.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.to > f.from).toBe(true);
      // A rate the user fills in is null (fillIn.test.ts); every other is decimal text.
      if (f.rate !== null) expect(f.rate).toMatch(/^\d+(\.\d+)?$/);
      if (f.cutoff !== null) expect(f.cutoff).toMatch(/^\d+(\.\d+)?$/);
      expect(f.description.length).toBeGreaterThan(10);
      // Research shorthand is for the audit, not for a payroll accountant.
      expect(f.description).not.toMatch(/\[[PSLCU]\]|reference\.md|audit/);
    }
  });

  it("never has two entries of one name in force on the same day", () => {
    for (const name of new Set(FRINGE_LIBRARY.map((f) => f.name))) {
      const held = FRINGE_LIBRARY.filter((f) => f.name === name).sort((a, b) => (a.from < b.from ? -1 : 1));
      for (let i = 1; i < held.length; i++)
        expect([name, held[i - 1].to < held[i].from]).toEqual([name, true]);
    }
  });

  // figures-audit.md sections 1-4: the figures and the primary source each is cited to.
  it.each([
    // Audit 1, SSA (10.13: cite SSA, not EY).
    ["SS-2025", "0.062", "176100", true, "ssa.gov"],
    ["SS-2026", "0.062", "184500", true, "ssa.gov"],
    // Audit 1, IRS Pub 80 section 7 (10.13).
    ["MEDICARE-2026", "0.0145", null, true, "p80-007"],
    // Audit 1, IRS Topic 759 (10.13).
    ["FUTA-2026", "0.006", "7000", true, "irs.gov/taxtopics/tc759"],
    // Audit 2, DOL ETA final 2025 credit reductions (10.8, 10.13).
    ["FUTA-CA-2025", "0.018", "7000", true, "oui.doleta.gov"],
    // Audit 2 and 10.8: a floor until DOL fixes 2026; kept unconfirmed.
    ["FUTA-CA-2026", "0.021", "7000", false, "oui.doleta.gov"],
    // Audit 2, EDD; 10.7: 2026 confirmed by EDD's 2025-12-18 notice.
    ["CA-SUI-2025", "0.034", "7000", true, "edd.ca.gov"],
    ["CA-SUI-2026", "0.034", "7000", true, "california-edd-announces-2026"],
    ["CA-ETT-2025", "0.001", "7000", true, "edd.ca.gov"],
    ["CA-ETT-2026", "0.001", "7000", true, "california-edd-announces-2026"],
    // Audit 3 and 10.1: NY DOL; 2025 base $12,800 (Labor Law 518); 2026 base $17,600 (NYS-45).
    ["NY-SUI-2025", "0.041", "12800", true, "dol.ny.gov"],
    ["NY-SUI-2026", "0.041", "17600", true, "n-y-releases-2026"],
    // Audit 4 and 10.2: sagaftraplans.org theatrical reporting: 21%, $232,000 per performer per picture.
    ["SAG-AFTRA-2025", "0.21", "232000", true, "sagaftraplans.org/employers/agreements/theatrical-reporting"],
    // Audit 4 and 10.2: background actors 20.5%.
    ["SAG-AFTRA-BG-2025", "0.205", "232000", true, "sagaftraplans.org"],
    // Audit 4 and 10.4: 21% until 6/30/2026, 22% reported from 7/1/2026 (not on the plans' table).
    ["SAG-AFTRA-2026", "0.21", "232000", true, "sagaftraplans.org"],
    ["SAG-AFTRA@2026-07-01", "0.22", "232000", false, "sagaftraplans.org"],
    // Audit 4 and 10.2: TV ceilings per episode raised in 2023, exact values not found.
    ["SAG-AFTRA-TV-30-2025", "0.21", "25000", false, "sagaftraplans.org/node/458"],
    ["SAG-AFTRA-TV-60-2025", "0.21", "35000", false, "sagaftraplans.org/node/458"],
    // Audit 4 and 10.5: dgaplans.org, 8.5% since 7/1/2021; unconfirmed under the 2026 BA.
    ["DGA-PENSION-2026", "0.085", null, true, "dgaplans.org"],
    ["DGA-PENSION@2026-07-01", "0.085", null, false, "dgaplans.org"],
    // Audit 4 and 10.5: Network 8.75% only from 7/1/2025 (dgaplans.org Fall 2025 newsletter).
    ["DGA-PENSION-NETWORK@2025-06-30", "0.085", null, true, "dgaplans.org"],
    ["DGA-PENSION-NETWORK@2025-07-01", "0.0875", null, true, "dgaplans.org/?p=9265"],
    // Audit 4: the 2024 BA IAP percentage was not found.
    ["IATSE-IAP-2026", "0.06", null, false, "lawinsider.com"],
    // Audit 4, 9.3 and 10.12: MPI's 2024-27 schedule not found; a forum figure, to confirm.
    ["MPI-2026", "14.63", null, false, "mpiphp.org"],
    // Audit 9.6 and 10.12: Georgia 2.64% (SB 160, via EY) + 0.06% (O.C.G.A. 34-8-181) on $9,500.
    ["GA-SUI-2026", "0.027", "9500", false, "dol.georgia.gov"],
    // Audit 3 and 9.6: MCTMT by zone (tax.ny.gov; rates as listed by payroll companies).
    ["NY-MCTMT-2026", "0.006", null, false, "tax.ny.gov/bus/mctmt"],
    ["NY-MCTMT-ZONE2-2026", "0.0034", null, false, "tax.ny.gov/bus/mctmt"],
    // Audit 9.7 and 10.12: CRA figures reported by taag.ca and hmid.ca (CAD, outside Quebec).
    ["CPP-2025", "0.0595", "71300", false, "canada-pension-plan-cpp"],
    ["CPP-2026", "0.0595", "74600", false, "canada-pension-plan-cpp"],
    ["CPP2-2025", "0.04", "81200", false, "canada-pension-plan-cpp"],
    ["CPP2-2026", "0.04", "85000", false, "canada-pension-plan-cpp"],
    ["EI-2025", "0.02296", "65700", false, "employment-insurance-ei"],
    ["EI-2026", "0.02282", "68900", false, "employment-insurance-ei"],
  ])("%s is %s with cutoff %s (confirmed: %s), cited to %s", (token, rate, cutoff, confirmed, source) => {
    const { name, when } = splitWhen(token);
    const f = findLibraryFringe(name, when);
    expect([f.rate, f.cutoff, f.confirmed]).toEqual([rate, cutoff, confirmed]);
    expect(f.source).toContain(source);
  });

  // Audit 9.7: CPP is owed above the $3,500 basic exemption; CPP2 only between the two ceilings.
  it.each([
    ["CPP-2025", "3500"],
    ["CPP-2026", "3500"],
    ["CPP2-2025", "71300"],
    ["CPP2-2026", "74600"],
  ])("%s starts at %s a person", (token, threshold) => {
    const { name, when } = splitWhen(token);
    expect(findLibraryFringe(name, when).threshold).toBe(threshold);
  });

  it("describes FUTA-CA 2026 as a floor: at least 2.1%", () => {
    expect(findLibraryFringe("FUTA-CA", 2026).description).toMatch(/at least 2\.1%/);
  });

  it("says where the SAG-AFTRA ceiling is counted: per performer per picture, or per episode", () => {
    expect(findLibraryFringe("SAG-AFTRA", 2025).description).toMatch(/\$232,000 per performer per picture/);
    expect(findLibraryFringe("SAG-AFTRA-TV-60", 2025).description).toMatch(
      /per performer for a one-hour episode/,
    );
  });

  it("means the latest entry held when no date is given", () => {
    expect(entryName(findLibraryFringe("SS"))).toBe("SS-2026");
    expect(findLibraryFringe("ss").cutoff).toBe("184500");
    expect(entryName(findLibraryFringe("SAG-AFTRA"))).toBe("SAG-AFTRA@2026-07-01");
  });

  it("answers a year no entry covers on 1 January with #N/A listing the entries", () => {
    const e = thrown(() => findLibraryFringe("NY-SUI", 2024));
    expect(e.kind).toBe("notFound");
    expect(e.message).toBe(
      "PROD has no rate for NY-SUI-2024 (1 January 2024). Known: NY-SUI-2025, NY-SUI-2026",
    );
  });

  it("answers an unknown dated name with #N/A listing the known dates", () => {
    const e = thrown(() => findLibraryFringe("SAG-AFTRA", { date: "2020-03-01" }));
    expect(e.kind).toBe("notFound");
    expect(e.message).toBe(
      "PROD has no rate for SAG-AFTRA@2020-03-01. Known: SAG-AFTRA@2022-07-01 to 2026-06-30, SAG-AFTRA@2026-07-01 to 2027-06-30",
    );
  });

  it("answers an unknown name with #N/A and close names", () => {
    const e = thrown(() => findLibraryFringe("MEDICAR"));
    expect(e).toBeInstanceOf(ProdError);
    expect(e.kind).toBe("notFound");
    expect(e.message).toMatch(/^Unknown fringe "MEDICAR"\. Did you mean MEDICARE\?/);
  });

  it("builds presets only from names the library holds", () => {
    expect(FRINGE_PRESETS["PAYROLL-US"].fringes).toEqual(["SS", "MEDICARE", "FUTA"]);
    expect(FRINGE_PRESETS["PAYROLL-CA"].fringes).toEqual(["SS", "MEDICARE", "FUTA-CA", "CA-SUI", "CA-ETT"]);
    expect(FRINGE_PRESETS["PAYROLL-NY"].fringes).toEqual(["SS", "MEDICARE", "FUTA", "NY-SUI"]);
    expect(FRINGE_PRESETS["PAYROLL-GA"].fringes).toEqual(["SS", "MEDICARE", "FUTA", "GA-SUI"]);
    expect(FRINGE_PRESETS["PAYROLL-CANADA"].fringes).toEqual(["CPP", "CPP2", "EI"]);
    for (const preset of Object.values(FRINGE_PRESETS))
      for (const name of preset.fringes) expect(libraryYears(name).length).toBeGreaterThan(0);
  });

  it("names the years a guild entry can be asked for by: those whose 1 January it covers", () => {
    expect(libraryYears("SAG-AFTRA")).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(libraryYears("DGA-PENSION-NETWORK")).toEqual([2022, 2023, 2024, 2025, 2026]);
  });

  it.each([
    ["SS-2025", "SS", { year: 2025 }],
    [" futa-ca-2026 ", "FUTA-CA", { year: 2026 }],
    ["CA-SUI", "CA-SUI", undefined],
    ["sag-aftra@2026-08-15", "SAG-AFTRA", { date: "2026-08-15" }],
    ["PAYROLL-CA @ 2026-01-31", "PAYROLL-CA", { date: "2026-01-31" }],
  ])("reads when %p asks for", (token, name, when) => {
    expect(splitWhen(token)).toEqual({ name, when });
  });

  it.each(["SS@2026-02-30", "SS@15/08/2026", "SS@", "SS@2026-8-1"])(
    "refuses the date of %p with #VALUE!",
    (token) => {
      const e = thrown(() => splitWhen(token));
      expect(e.kind).toBe("invalid");
      expect(e.message).toMatch(
        /^fringes ".*": write the date after @ as year-month-day, like SAG-AFTRA@2026-08-15/,
      );
    },
  );

  it("says when an entry is in force in words", () => {
    expect(periodWords(findLibraryFringe("SS", 2026))).toBe("2026 (calendar year)");
    expect(periodWords(findLibraryFringe("DGA-PENSION-NETWORK", { date: "2025-12-01" }))).toBe(
      "Jul 1, 2025 to Jun 30, 2026",
    );
  });
});
