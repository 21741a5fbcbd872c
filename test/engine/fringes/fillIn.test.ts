/**
 * Rates a user fills in (issue 14, section 2; figures-audit.md 9.3-9.5, 9.8 and 10.12): workers'
 * compensation by class, the payroll company's fee, DGA health, the IATSE National Benefit Funds'
 * daily rate. PROD has no figure it can stand behind, so the row is shipped without a rate and,
 * while the rate is blank, every answer says so in words: never a silent 0, never a crash.
 */
import { ProdError } from "../../../src/engine/errors";
import { FRINGE_LIBRARY, findLibraryFringe } from "../../../src/engine/fringes/library";
import { fromDefinition, requireRates } from "../../../src/engine/fringes/fringe";
import {
  FRINGE_TABLE_COLUMNS,
  confirmedWords,
  fringeTableRows,
  parseFringeTable,
  statusWords,
} from "../../../src/engine/fringes/table";

const header = ["Name", "Type", "Rate", "Cutoff"];

/** The message of the #VALUE! a call throws. */
function refusal(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(ProdError);
    expect((e as ProdError).kind).toBe("invalid");
    return (e as ProdError).message;
  }
  throw new Error("expected a refusal");
}

describe("a fringe table row whose rate the user has not filled in", () => {
  // Desktop Excel passes an empty cell of a range as 0, the web as "" or null: all three are
  // "no rate yet", so both hosts answer alike (spec/functions.md, conventions).
  it.each([[""], [null], [0], ["  "]])("reads a Rate of %p as not filled in, not as 0%", (blank) => {
    const [wc] = parseFringeTable([header, ["WC 9610", "%", blank, ""]]);
    expect(wc.missingRate).toEqual({
      who: "table row 2 (WC 9610)",
      how: "has no rate yet: type it in the Rate column (a % fringe as 4.8% or 0.048, the other types in dollars)",
      todo: "type it in your fringe table",
    });
    expect(wc.rate.isZero()).toBe(true);
  });

  it("reads a filled-in rate as before", () => {
    const [wc] = parseFringeTable([header, ["WC 9610", "%", "4.8%", ""]]);
    expect([wc.missingRate, wc.rate.toString()]).toEqual([null, "0.048"]);
  });

  it("is refused by requireRates with the row named, so FRINGE says what to type", () => {
    const fringes = parseFringeTable([
      header,
      ["SUI", "%", 0.034, 7000],
      ["WC 9610", "%", "", ""],
      ["Payroll fee", "%", 0, ""],
    ]);
    expect(refusal(() => requireRates(fringes))).toBe(
      "fringes table row 3 (WC 9610) has no rate yet: type it in the Rate column (a % fringe as 4.8% or 0.048, the other types in dollars); also table row 4 (Payroll fee)",
    );
  });

  it("lets a set whose rates are all filled in through", () => {
    const fringes = parseFringeTable([header, ["SUI", "%", 0.034, 7000]]);
    expect(() => requireRates(fringes)).not.toThrow();
  });
});

describe("library entries the user fills in or confirms (figures-audit.md 9 and 10.12)", () => {
  const fillIns = FRINGE_LIBRARY.filter((d) => d.rate === null);

  it("ships workers' comp, the payroll fee, DGA health, the IATSE National Benefit Funds, the Teamsters' IAP and SAG-AFTRA's and the DGA's commercial pension and health as rates to fill in", () => {
    expect([...new Set(fillIns.map((d) => `${d.name} ${d.type}`))].sort()).toEqual([
      "DGA-COMMERCIALS %",
      "DGA-HEALTH %",
      "IATSE-NBF DAY",
      "NM-SUI %",
      "PAYROLL-FEE %",
      "SAG-AFTRA-COMMERCIALS %",
      "TEAMSTERS-IAP %",
      "WORKERS-COMP %",
    ]);
  });

  it("never marks a rate to fill in as confirmed, and says where to get it", () => {
    for (const d of fillIns) {
      expect(d.confirmed).toBe(false);
      expect(d.description).toMatch(/type/i);
      expect(d.sourceName).not.toBe("");
    }
  });

  it("writes a rate to fill in as a blank Rate cell that says so in the Confirmed column", () => {
    const wc = findLibraryFringe("WORKERS-COMP", 2026);
    const row = fringeTableRows([wc])[0];
    const at = (column: string) => row[FRINGE_TABLE_COLUMNS.indexOf(column as never)];
    expect(at("Rate")).toBeNull();
    expect(at("Confirmed")).toBe(statusWords(wc));
    expect(statusWords(wc)).toBe(
      "fill in: type your own rate in Rate (the description says where to get it)",
    );
    // Read back, the row is a rate to fill in, not 0%.
    expect(parseFringeTable([[...FRINGE_TABLE_COLUMNS], row])[0].missingRate?.how).toMatch(
      /^has no rate yet/,
    );
  });

  it("refuses a rate to fill in used by name in a formula, saying how to give it a rate", () => {
    expect(refusal(() => requireRates([fromDefinition(findLibraryFringe("WORKERS-COMP", 2026))]))).toBe(
      "fringes WORKERS-COMP-2026 has no rate PROD can give: it is yours to fill in. Add a row to your fringe table (Name WORKERS-COMP, Type %) and type your rate in its Rate column",
    );
  });

  it("keeps the confirmed words of figures PROD gives", () => {
    expect(statusWords(findLibraryFringe("SS", 2026))).toBe(confirmedWords(true));
    expect(statusWords(findLibraryFringe("FUTA-CA", 2026))).toBe(confirmedWords(false));
  });

  // figures-audit.md 4 and 11: the 2024-27 MPI schedule was not found; the one recent figure is a
  // forum report of $14.63 an hour (Sept 2024). Shipped as a figure to confirm, dated by the 2024
  // Basic Agreement (Aug 1, 2024 to Jul 31, 2027), for IATSE and Teamsters Local 399 crews alike.
  it("MPI: $14.63 an hour, not confirmed, in force from Aug 1, 2024 under the 2024 Basic Agreement", () => {
    const mpi = findLibraryFringe("MPI", { date: "2025-03-01" });
    expect([mpi.type, mpi.rate, mpi.cutoff, mpi.confirmed, mpi.from, mpi.to]).toEqual([
      "HOUR",
      "14.63",
      null,
      false,
      "2024-08-01",
      "2027-07-31",
    ]);
    expect(mpi.description).toMatch(/Teamsters Local 399/);
    expect(mpi.sourceName).toMatch(/forum/);
  });
});
