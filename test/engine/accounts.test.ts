import fc from "fast-check";
import {
  accountKey,
  categoryCode,
  filterFromCells,
  parseAccount,
  parseAccountFilter,
  tryParseAccount,
} from "../../src/engine/accounts";

describe("account codes", () => {
  it.each([
    [2501, "2501"],
    ["2501", "2501"],
    ["25-01", "2501"],
    ["2501-00", "2501"],
    ["2501.00", "2501"],
    [" 25 01 ", "2501"],
    [2501.01, "2501"],
    ["D", "D"],
    ["d114", "D114"],
    ["D-114", "D114"],
    [250, "250"],
  ])("reads %p as account %s", (cell, key) => {
    const account = parseAccount(cell, "accounts");
    expect(account && accountKey(account)).toBe(key);
  });

  it("treats 2501, 25-01 and 2501-00 as the same account", () => {
    const key = (v: unknown) => {
      const account = parseAccount(v, "accounts");
      return account && accountKey(account);
    };
    expect(new Set([2501, "25-01", "2501-00"].map(key))).toEqual(new Set(["2501"]));
    expect(key(2502)).not.toBe(key(2501));
  });

  it.each([null, undefined, "", "  ", 0])("reads %p (an empty cell) as no account", (cell) => {
    expect(parseAccount(cell, "accounts")).toBeUndefined();
  });

  it.each([
    ["Total", 'accounts (cell 4) must be an account code such as 2501, 25-01 or D114, got "Total"'],
    [-5, "accounts (cell 4) must be an account code such as 2501, 25-01 or D114, got -5"],
    [true, "accounts (cell 4) must be an account code such as 2501, 25-01 or D114, got TRUE"],
    ["00-00", 'accounts (cell 4) must be an account code such as 2501, 25-01 or D114, got "00-00"'],
  ])("refuses %p, naming the cell", (cell, message) => {
    expect(() => parseAccount(cell, "accounts (cell 4)")).toThrow(message);
  });
});

describe("reading account codes in bulk without throwing", () => {
  it.each([2501, "25-01", "D-114", " 2501-00 "])("reads %p as parseAccount does", (cell) => {
    expect(tryParseAccount(cell)).toEqual(parseAccount(cell, "accounts"));
  });

  it.each(["Total", "Misc", "2501A", -5, true, "00-00", null, ""])(
    "gives no account for %p instead of throwing",
    (cell) => {
      expect(tryParseAccount(cell)).toBeUndefined();
    },
  );
});

describe("an account's category", () => {
  it.each([
    ["2501", "2500"],
    ["2500", "2500"],
    ["1199", "1100"],
    ["D114", "D"],
    ["D", "D"],
  ])("places %s in category %s (its hundred, or its AICP section)", (key, category) => {
    expect(categoryCode(key)).toBe(category);
  });
});

describe("account filters", () => {
  const account = (v: unknown) => parseAccount(v, "accounts");
  const matches = (filter: string, v: unknown) => parseAccountFilter(filter, "filter").matches(account(v));

  it.each([
    ["2000-4999", 2000, true],
    ["2000-4999", 4999, true],
    ["2000-4999", 5000, false],
    ["2000-4999", 1999, false],
    ["2500-2599", "25-01", true],
    ["2500-2599", "2501-00", true],
    ["1100-7999,!6700", 6500, true],
    ["1100-7999,!6700", 6701, false],
    ["1100-7999,!6700", "67-05", false],
    ["1100-7999,!6700", 8000, false],
    ["6700", 6799, true],
    ["6700", 6800, false],
    ["2501", 2501, true],
    ["2501", 2502, false],
    ["!6700", 1100, true],
    ["!6700", 6710, false],
    ["A-K", "D114", true],
    ["a-k", "L", false],
    ["A-K", 2000, false],
    ["2000-4999", "D", false],
    [" 2000 - 4999 , ! 3050 ", 3000, true],
    [" 2000 - 4999 , ! 3050 ", 3050, false],
  ])("%p selects %p: %p", (filter, cell, expected) => {
    expect(matches(filter, cell)).toBe(expected);
  });

  it("selects lines without an account only when the filter is made of exclusions", () => {
    expect(parseAccountFilter("!6700", "filter").matches(undefined)).toBe(true);
    expect(parseAccountFilter("1100-7999,!6700", "filter").matches(undefined)).toBe(false);
  });

  it.each([
    ["20x0-", 'filter is not an account filter: an incomplete range or item in "20x0-"'],
    ["20x0", 'filter is not an account filter: not an account number or section letter in "20x0"'],
    ["4999-2000", 'filter is not an account filter: a range that runs backwards in "4999-2000"'],
    ["2000,,3000", "filter is not an account filter: an empty item"],
    ["!", "filter is not an account filter: an incomplete range or item"],
    ["A-4999", "filter is not an account filter: not an account number or section letter"],
    ["1-2-3", "filter is not an account filter: an incomplete range or item"],
  ])("refuses the malformed filter %p, naming it", (filter, message) => {
    expect(() => parseAccountFilter(filter, "filter")).toThrow(message);
  });

  it("asks for a filter when it is blank", () => {
    expect(() => parseAccountFilter("  ", "filter")).toThrow("filter is required, got a blank cell");
  });

  it("reads a range of filter cells as items joined by commas, skipping empty cells", () => {
    const filter = filterFromCells([1100, "", null, 0, "5000-5999"], "exclude");
    expect(filter.text).toBe("1100,5000-5999");
    expect(filter.matches(account(5200))).toBe(true);
    expect(filter.matches(account(1150))).toBe(true);
    expect(filter.matches(account(2000))).toBe(false);
  });

  it("never selects an account by both a filter and its exclusion-only complement", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 99999 }),
        (a, b, acct) => {
          const text = `${Math.min(a, b)}-${Math.max(a, b)}`;
          const inside = parseAccountFilter(text, "filter").matches(account(acct));
          const outside = parseAccountFilter(`!${text}`, "filter").matches(account(acct));
          expect(inside).not.toBe(outside);
        },
      ),
    );
  });
});
