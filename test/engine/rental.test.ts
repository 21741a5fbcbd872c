import fc from "fast-check";
import { Decimal } from "../../src/engine/money";
import { billedDaysByWeek, billedDaysHeld, daysByWeek, rentalCost } from "../../src/engine/rental";

const d = (n: number) => new Decimal(n);

describe("the N-day week", () => {
  it.each([
    [12, 3, 6],
    [7, 3, 3],
    [8, 3, 4],
    [10, 3, 6],
    [14, 4, 8],
    [2, 3, 2],
    [0, 3, 0],
    [12, 7, 12],
    [2.5, 3, 2.5],
  ])("bills %p days held on a %p-day week as %p days", (held, weekDays, billed) => {
    expect(billedDaysHeld(d(held), d(weekDays)).toNumber()).toBe(billed);
  });

  it("bills weeks of 5, 5 and 2 days on a 3-day week as 8 days", () => {
    expect(billedDaysByWeek([d(5), d(5), d(2)], d(3)).toNumber()).toBe(8);
  });

  it.each([
    ["Vendor A", 2500, 3, "20000"],
    ["Vendor B", 2200, 4, "22000"],
  ])("prices %s of reference.md 6.5 (weeks of 5, 5, 2 days)", (_vendor, rate, weekDays, gross) => {
    expect(rentalCost(d(rate), { byWeek: [d(5), d(5), d(2)] }, d(weekDays)).toFixed()).toBe(gross);
  });

  it("never bills more days than held, and never more for fewer days held", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 7 }), (held, weekDays) => {
        const billed = billedDaysHeld(d(held), d(weekDays));
        expect(billed.lte(held)).toBe(true);
        expect(billedDaysHeld(d(held + 1), d(weekDays)).gte(billed)).toBe(true);
      }),
    );
  });

  it.each([
    [{ held: d(12) }, "7+5"],
    [{ held: d(14) }, "7+7"],
    [{ held: d(0) }, ""],
    [{ byWeek: [d(5), d(5), d(2), d(0)] }, "5+5+2"],
    [{ byWeek: [d(0), d(5)] }, "0+5"],
  ])("writes %j week by week as %s", (days, weeks) => {
    expect(
      daysByWeek(days)
        .map((w) => w.toString())
        .join("+"),
    ).toBe(weeks);
  });

  it("bills days held as their weeks, under every week convention", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 7 }), (held, weekDays) => {
        const weeks = daysByWeek({ held: d(held) });
        expect(billedDaysByWeek(weeks, d(weekDays)).toFixed()).toBe(
          billedDaysHeld(d(held), d(weekDays)).toFixed(),
        );
      }),
    );
  });
});
