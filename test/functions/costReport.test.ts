import { efc } from "../../src/functions/costReport";

describe("PROD.EFC", () => {
  it("adds actual, commitments and ETC (reference.md 5.1: 62,000 + 18,000 + 25,000)", () => {
    expect(efc([[62000]], [[18000]], [[25000]])).toEqual([[105000]]);
  });

  it("spills one EFC per account row and counts blanks as 0", () => {
    expect(efc([[100.1], [200]], [[null], [0.2]], [[""], [1.005]])).toEqual([[100.1], [201.21]]);
  });

  it("answers text with #VALUE! naming the argument", () => {
    expect(() => efc([["lots"]], [[0]], [[0]])).toThrow(
      expect.objectContaining({ code: "#VALUE!", message: 'actual_to_date must be a number, got "lots"' }),
    );
  });
});
