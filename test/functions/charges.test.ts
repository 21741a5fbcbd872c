import fc from "fast-check";
import { acctsum, contingency } from "../../src/functions/charges";

const col = (values: unknown[]) => values.map((v) => [v]);

// A small feature budget (reference.md 2.1 accounts): story, producer, production, post, insurance.
const accounts = col([1101, "12-01", 2501, "3301-00", 5001, 6701]);
const amounts = col([50000, 60000, 120000, 80000, 40000, 7000]);

describe("PROD.ACCTSUM", () => {
  it.each([
    ["2000-4999", 200000],
    ["1100-1999", 110000],
    ["1100-7999,!6700", 350000],
    ["!6700", 350000],
    ["6700", 7000],
    ["2500-2599", 120000],
    ["9000-9999", 0],
  ])("adds the lines in %p", (filter, expected) => {
    expect(acctsum(amounts, accounts, [[filter]])).toBe(expected);
  });

  it("reads a separated code by its leading digits: 25-01 is within 2500-2599", () => {
    expect(acctsum([[100], [200]], [["25-01"], ["26-01"]], [["2500-2599"]])).toBe(100);
  });

  it("sums AICP sections by letter", () => {
    expect(acctsum(col([1000, 2000, 500]), col(["A", "K114", "L"]), [["A-K"]])).toBe(3000);
  });

  it("adds in decimal, to the cent", () => {
    expect(acctsum(col([0.1, 0.2, "$1,000.005"]), col([2000, 2001, 2002]), [["2000-2999"]])).toBe(1000.31);
  });

  it("counts blank amounts as 0 and skips empty rows", () => {
    expect(acctsum(col([100, null, "", 0]), col([2000, 2001, null, 0]), [["!6700"]])).toBe(100);
  });

  it("answers ranges of different sizes with #VALUE!", () => {
    expect(() => acctsum(col([1, 2, 3]), col([2000, 2001]), [["2000"]])).toThrow(
      expect.objectContaining({
        code: "#VALUE!",
        message: "accounts has 2 cells but amounts has 3: they must be the same size",
      }),
    );
  });

  it("answers a malformed filter with #VALUE! naming the filter", () => {
    expect(() => acctsum(amounts, accounts, [["20x0-"]])).toThrow(
      expect.objectContaining({
        code: "#VALUE!",
        message: expect.stringMatching(/^filter is not an account filter: .* in "20x0-"/),
      }),
    );
  });

  it("answers a text amount with #VALUE! naming the cell", () => {
    expect(() => acctsum(col([100, "TBD"]), col([2000, 2001]), [["2000-2999"]])).toThrow(
      expect.objectContaining({ code: "#VALUE!", message: 'amounts (cell 2) must be a number, got "TBD"' }),
    );
  });

  it("adds up to the plain sum over a filter and its complement", () => {
    const line = fc.record({
      account: fc.oneof(fc.integer({ min: 1000, max: 9999 }), fc.constant(null)),
      cents: fc.integer({ min: -10_000_000, max: 10_000_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 3000 }),
        (lines, from, width) => {
          const filter = `${from}-${Math.min(9999, from + width)}`;
          const amts = col(lines.map((l) => l.cents / 100));
          const accts = col(lines.map((l) => l.account));
          const inside = acctsum(amts, accts, [[filter]]);
          const outside = acctsum(amts, accts, [[`!${filter}`]]);
          const total = lines.reduce((t, l) => t + l.cents, 0);
          expect(Math.round(inside * 100) + Math.round(outside * 100)).toBe(total);
        },
      ),
    );
  });
});

describe("PROD.CONTINGENCY", () => {
  // reference.md 7: $2.0M budget, less story ($50k) and post ($200k) = $1.75M net insurable.
  const budgetAccounts = col([1101, 1201, 2000, 5000, 5200, 6501, 6800]);
  const budget = col([50000, 60000, 1_615_000, 150000, 50000, 25000, 50000]);

  it("charges 0.70% insurance on $1,750,000 net of story and post: $12,250", () => {
    expect(contingency(budget, 0.007, budgetAccounts, [["1100,5000-5999"]])).toBe(12250);
  });

  it("saves $945 when producer fees, publicity and overhead are also left out: $11,305", () => {
    expect(contingency(budget, "0.70%", budgetAccounts, [["1100-1299,5000-5999,6500,6800"]])).toBe(11305);
  });

  it("takes the excluded accounts from a range of cells", () => {
    expect(contingency(budget, 0.007, budgetAccounts, col([1100, "5000-5999", null]))).toBe(12250);
  });

  it("charges 10% contingency on the whole budget without accounts", () => {
    expect(contingency(budget, 0.1, null as unknown as unknown[][], null as unknown as unknown[][])).toBe(
      200000,
    );
  });

  it("charges only production with an exclusion of everything else", () => {
    expect(contingency(budget, "10%", budgetAccounts, [["!2000-4999"]])).toBe(161500);
  });

  it.each([
    [-0.1, "rate must be 0 or more, got -0.1"],
    [10, "rate must be a fraction such as 0.1 or a percent such as 10% (100% at most), got 10"],
    ["ten", 'rate must be a number, got "ten"'],
  ])("answers the rate %p with #VALUE!", (rate, message) => {
    expect(() => contingency(budget, rate, budgetAccounts, [["6700"]])).toThrow(
      expect.objectContaining({ code: "#VALUE!", message }),
    );
  });

  it("asks for accounts when exclude is given without them", () => {
    expect(() => contingency(budget, 0.1, null as unknown as unknown[][], [["6700"]])).toThrow(
      expect.objectContaining({
        code: "#VALUE!",
        message: "accounts is required when exclude is given: give the account of each amount",
      }),
    );
  });

  it("answers a malformed exclude with #VALUE! naming it", () => {
    expect(() => contingency(budget, 0.1, budgetAccounts, [["20x0-"]])).toThrow(
      expect.objectContaining({
        code: "#VALUE!",
        message: expect.stringMatching(/^exclude is not an account filter/),
      }),
    );
  });
});
