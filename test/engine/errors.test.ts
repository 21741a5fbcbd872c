import { closeNames, errors } from "../../src/engine/errors";

describe("the message catalogue", () => {
  it("names the argument and what was wrong", () => {
    expect(errors.belowMinimum("hours", 0, -2).message).toBe("hours must be 0 or more, got -2");
    expect(errors.sizeMismatch("hours", 3, "wages", 4).message).toBe(
      "hours has 3 cells but wages has 4: they must be the same size",
    );
    expect(errors.sizeMismatch("accounts", 1, "amounts", 2).message).toBe(
      "accounts has 1 cell but amounts has 2: they must be the same size",
    );
  });

  it("lists the known names for an unknown one, closest first", () => {
    const e = errors.unknownName("fringe", "MEDICAR", ["SS", "MEDICARE", "FUTA"]);
    expect(e.kind).toBe("notFound");
    expect(e.message).toBe('Unknown fringe "MEDICAR". Did you mean MEDICARE? Known: SS, MEDICARE, FUTA');
  });

  it("says which row of its argument an error is about, for a spill answered row by row", () => {
    expect(errors.required("hours").messageInRow(2)).toBe("hours (row 2) is required, got a blank cell");
    expect(errors.divideByZero("weights", "add up to 0").messageInRow(3)).toBe(
      "weights (row 3) add up to 0: cannot divide by zero",
    );
    // An error that is not about one argument keeps its message.
    const unknown = errors.unknownName("rule", "NY", ["CA"]);
    expect(unknown.messageInRow(2)).toBe(unknown.message);
  });

  it("suggests only names that are close", () => {
    expect(closeNames("CA-SUI", ["CA-SUI", "CA-ETT", "NY-SUI", "MEDICARE"])).toEqual(["CA-SUI", "NY-SUI"]);
    expect(closeNames("XYZZY", ["SS", "MEDICARE"])).toEqual([]);
    expect(closeNames("MEDIKARE", ["SS", "MEDICARE"])).toEqual(["MEDICARE"]);
    expect(closeNames("MEDI", ["SS", "MEDICARE"])).toEqual(["MEDICARE"]);
  });

  it("suggests nothing for a long text unlike every name, and a name a long text starts with", () => {
    const long = "$," + "8:1.5,".repeat(3000);
    expect(closeNames(long, ["SS", "MEDICARE", "TV"])).toEqual([]);
    expect(closeNames(`MEDICARE ${long}`, ["SS", "MEDICARE"])).toEqual(["MEDICARE"]);
  });
});
