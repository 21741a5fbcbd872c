import fc from "fast-check";
import { allocateFunction as allocate } from "../../src/functions/charges";

const col = (values: unknown[]) => values.map((v) => [v]);
const toCents = (parts: number[][]) => parts.flat().map((p) => Math.round(p * 100));

describe("PROD.ALLOCATE", () => {
  it("splits 100.00 three ways as 33.34, 33.33, 33.33", () => {
    expect(allocate(100, col([1, 1, 1]))).toEqual([[33.34], [33.33], [33.33]]);
  });

  it("gives left-over cents to the largest remainders", () => {
    // Exact shares 0.125, 0.625, 0.25 cents of 1.00 split 1:5:2 -> 12.5, 62.5, 25 cents.
    expect(allocate(1, col([1, 5, 2]))).toEqual([[0.13], [0.62], [0.25]]);
  });

  it("amortizes a season's 250,000 over 6 episodes, one a double: the singles' larger remainders get the 3 left-over cents", () => {
    expect(allocate(250000, [[1, 1, 1, 1, 1, 2]])).toEqual([
      [35714.29, 35714.29, 35714.29, 35714.28, 35714.28, 71428.57],
    ]);
  });

  it("spills in the shape of the weights: a row gives a row", () => {
    expect(allocate(10, [[1, 1]])).toEqual([[5, 5]]);
    expect(allocate(10, col([1, 1]))).toEqual([[5], [5]]);
  });

  it("gives a zero or blank weight exactly 0.00, never a left-over cent", () => {
    expect(allocate(0.05, col([1, 0, 1, null, "", 1]))).toEqual([[0.02], [0], [0.02], [0], [0], [0.01]]);
  });

  it("splits a credit (a negative total) exactly like a cost", () => {
    expect(allocate(-100, col([1, 1, 1]))).toEqual([[-33.34], [-33.33], [-33.33]]);
  });

  it("rounds the total to the cent first: 100.005 is shared as 100.01", () => {
    expect(allocate(100.005, col([1, 1]))).toEqual([[50.01], [50]]);
  });

  it("reads percent weights", () => {
    expect(allocate(1000, col(["60%", "40%"]))).toEqual([[600], [400]]);
  });

  it("refuses a negative weight, saying how to share a credit", () => {
    expect(() => allocate(100, col([1, -1]))).toThrow(
      expect.objectContaining({
        code: "#VALUE!",
        message: "weights (cell 2) must be 0 or more, got -1: to share out a credit, make the total negative",
      }),
    );
  });

  it("answers weights that add up to 0 with #DIV/0!", () => {
    expect(() => allocate(100, col([0, null]))).toThrow(expect.objectContaining({ code: "#DIV/0!" }));
  });

  it.each([
    ["TBD", col([1]), 'total must be a number, got "TBD"'],
    [100, col([1, "half"]), 'weights (cell 2) must be a number, got "half"'],
  ])("answers bad input with #VALUE! (%p, %p)", (total, weights, message) => {
    expect(() => allocate(total, weights)).toThrow(expect.objectContaining({ code: "#VALUE!", message }));
  });

  it("always adds up exactly to the total, each part within a cent of its exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        // Fractional weights as a user types them (up to 3 decimals). Arbitrary doubles would include
        // subnormals such as 6.4e-323, which Excel cannot hold and whose shortest printed form is
        // not their binary value, so the float oracle below would disagree with any decimal reader.
        fc.array(
          fc.oneof(
            fc.integer({ min: 0, max: 1000 }),
            fc.integer({ min: 0, max: 100_000 }).map((n) => n / 1000),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (totalCents, weights) => {
          const weightSum = weights.reduce((a, b) => a + b, 0);
          fc.pre(weightSum > 0);
          const parts = toCents(allocate(totalCents / 100, col(weights)));
          expect(parts.reduce((a, b) => a + b, 0)).toBe(totalCents);
          parts.forEach((part, i) => {
            expect(Math.abs(part - (totalCents * weights[i]) / weightSum)).toBeLessThan(1 + 1e-6);
            if (weights[i] === 0) expect(part).toBe(0);
          });
        },
      ),
    );
  });
});
