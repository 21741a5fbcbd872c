import { rental } from "../../src/functions/charges";

describe("PROD.RENTAL", () => {
  it.each([
    ["Vendor A", 2500, 3, 20000],
    ["Vendor B", 2200, 4, 22000],
  ])("reproduces the bid of reference.md 6.5: %s gross", (_vendor, rate, weekDays, gross) => {
    expect(rental([[rate]], [[5], [5], [2]], [[weekDays]])).toEqual([[gross]]);
  });

  it("takes the weeks as a row too, blank weeks as 0 days", () => {
    expect(rental([[2500]], [[5, 5, 2, null, ""]], [[3]])).toEqual([[20000]]);
  });

  it("bills every day held without a weekly deal", () => {
    expect(rental([[2500]], [[12]], null as unknown as unknown[][])).toEqual([[30000]]);
  });

  it("bills every day held when week_days is an empty cell on desktop Excel (0), as on the web", () => {
    expect(rental([[2500]], [[12]], [[0]])).toEqual([[30000]]);
    expect(rental([[2500], [2200]], [[12]], [[3], [0]])).toEqual([[15000], [26400]]);
  });

  it("bills 12 days held on a 3-day week as 6 days", () => {
    expect(rental([[2500]], [[12]], [[3]])).toEqual([[15000]]);
  });

  it("prices vendors side by side from columns of rates and week conventions", () => {
    expect(rental([[2500], [2200]], [[5], [5], [2]], [[3], [4]])).toEqual([[20000], [22000]]);
  });

  it("rounds once, at the end, to the cent", () => {
    expect(rental([[33.335]], [[3]], [[7]])).toEqual([[100.01]]);
  });

  it.each([
    [[[-2500]], [[12]], [[3]], "day_rate must be 0 or more, got -2500"],
    [[["lots"]], [[12]], [[3]], 'day_rate must be a number, got "lots"'],
    [[[2500]], [[-1]], [[3]], "days must be 0 or more, got -1"],
    [[[2500]], [[5], [9]], [[3]], "days (week 2) must be 7 or less: a week has 7 days, got 9"],
    [[[2500]], [[5], ["x"]], [[3]], 'days (week 2) must be a number, got "x"'],
    [[[2500]], [[12]], [[-3]], "week_days must be more than 0, got -3"],
    [[[2500]], [[12]], [[8]], "week_days must be 7 or less, got 8"],
    [
      [[2500], [2200]],
      [[12]],
      [[3], [4], [5]],
      "week_days has 3 cells but day_rate has 2: they must be the same size",
    ],
  ])("answers bad input with #VALUE! (%p, %p, %p)", (rate, days, weekDays, message) => {
    expect(() => rental(rate, days, weekDays)).toThrow(expect.objectContaining({ code: "#VALUE!", message }));
  });
});
