import fc from "fast-check";
import { Decimal, roundCents, sum } from "../../../src/engine/money";
import {
  calculateFringes,
  combinedRate,
  effectiveRate,
  roundRunning,
} from "../../../src/engine/fringes/calculate";
import type { Fringe } from "../../../src/engine/fringes/fringe";
import { resolveFringes } from "../../../src/engine/fringes/resolve";

const d = (v: string | number) => new Decimal(v);
const lines = (...wages: number[]) => wages.map((w) => ({ wages: d(w) }));
const percent = (rate: Decimal, cutoff: Decimal | null): Fringe => ({
  label: "P",
  type: "%",
  rate,
  cutoff,
  threshold: null,
  daysPerWeek: d(5),
  confirmed: true,
  source: "test",
  missingRate: null,
});
const money = (s: Decimal) => s.toFixed(2);

describe("worked example A (reference.md 3.5): one $250,000 person in California", () => {
  it.each([
    ["PAYROLL-CA-2025", 250000, "14914.20", ["10918.20", "3625.00", "126.00", "238.00", "7.00"]],
    ["PAYROLL-CA-2026", 250000, "15456.00", ["11439.00", "3625.00", "147.00", "238.00", "7.00"]],
    ["PAYROLL-CA-2025", 60000, "4961.00", ["3720.00", "870.00", "126.00", "238.00", "7.00"]],
  ])("%s on $%i is $%s", (preset, wages, total, parts) => {
    const result = calculateFringes(resolveFringes(preset), lines(wages), d(0));
    expect(money(result.total)).toBe(total);
    expect(result.byFringe.map((b) => money(b.amount))).toEqual(parts);
  });

  it.each([
    ["PAYROLL-CA-2025", 250000, "0.0597"],
    ["PAYROLL-CA-2026", 250000, "0.0618"],
    ["PAYROLL-CA-2025", 60000, "0.0827"],
  ])("%s on $%i has an effective rate of %s", (preset, wages, rate) => {
    expect(effectiveRate(resolveFringes(preset), d(wages), d(0)).toDecimalPlaces(4).toString()).toBe(rate);
  });
});

describe("worked example B (reference.md 3.6): fringe ranges", () => {
  const sui = resolveFringes("CA-SUI-2025");

  it("caps SUI at the first $7,000 across one person's lines: $238, not $612", () => {
    const result = calculateFringes(sui, lines(8000, 32000, 4000), d(0));
    expect(result.lines.map(money)).toEqual(["238.00", "0.00", "0.00"]);
    expect(money(result.total)).toBe("238.00");
  });

  it("charges $612 only when each line is treated as its own person (the HappyBudget mistake)", () => {
    const perLine = [8000, 32000, 4000].map((w) => calculateFringes(sui, lines(w), d(0)).total);
    expect(money(sum(perLine))).toBe("612.00");
  });

  it("counts prior wages toward the cap: $5,000 already paid leaves $2,000 subject", () => {
    const result = calculateFringes(sui, lines(1500, 1500), d(5000));
    expect(result.lines.map(money)).toEqual(["51.00", "17.00"]);
    expect(result.byFringe[0].base.toString()).toBe("2000");
  });

  it("charges nothing once prior wages are past the cutoff", () => {
    expect(money(calculateFringes(sui, lines(9000), d(7000)).total)).toBe("0.00");
  });
});

describe("worked example C (reference.md 3.7): flat per-hour and per-day fringes", () => {
  // The $14.63/hr MPI rate is forum-reported [F]: it is not in the library, so it comes in a table.
  const mpi = resolveFringes([
    ["Name", "Type", "Rate", "Cutoff"],
    ["MPI", "HOUR", 14.63, ""],
  ]);

  it.each([
    [12, "175.56"],
    [60, "877.80"],
    [70, "1024.10"],
  ])("MPI $14.63 x %i hours = $%s", (hours, amount) => {
    expect(money(calculateFringes(mpi, [{ wages: d(0), hours: d(hours) }], d(0)).total)).toBe(amount);
  });

  it("IAP: 6% of scale $50/hr x 12 hours = $36", () => {
    expect(money(calculateFringes(resolveFringes("IATSE-IAP"), lines(600), d(0)).total)).toBe("36.00");
  });

  it("charges a per-day fringe per day and a per-week fringe per five days", () => {
    const set = resolveFringes([
      ["Name", "Type", "Rate", "Cutoff"],
      ["NBF", "DAY", 137, ""],
      ["WK", "WEEK", 500, ""],
      ["WK6", "WEEK/6", 600, ""],
    ]);
    const result = calculateFringes(set, [{ wages: d(0), days: d(3) }], d(0));
    expect(result.byFringe.map((b) => money(b.amount))).toEqual(["411.00", "300.00", "300.00"]);
  });

  it("foots a six-day-week fringe split over lines to the whole week's amount, half cents included", () => {
    const week6 = resolveFringes([
      ["Name", "Type", "Rate", "Cutoff"],
      ["WK6", "WEEK/6", 0.03, ""],
    ]);
    const split = calculateFringes(
      week6,
      [
        { wages: d(0), days: d(1) },
        { wages: d(0), days: d(2) },
      ],
      d(0),
    );
    // 0.03 x 1/6 = 0.005 -> 0.01 after line 1; 0.03 x 3/6 = 0.015 -> 0.02 after line 2.
    expect(split.lines.map(money)).toEqual(["0.01", "0.01"]);
    expect(money(calculateFringes(week6, [{ wages: d(0), days: d(3) }], d(0)).total)).toBe("0.02");
  });

  it("charges a flat fringe once per person, on the first line", () => {
    const fee = resolveFringes([
      ["Name", "Type", "Rate", "Cutoff"],
      ["Check fee", "FLAT", 10, ""],
    ]);
    expect(calculateFringes(fee, lines(100, 200, 300), d(0)).lines.map(money)).toEqual([
      "10.00",
      "0.00",
      "0.00",
    ]);
  });

  it("charges a per-hour fringe 12 hours a day when only days are given (MMB's Day unit)", () => {
    const result = calculateFringes(mpi, [{ wages: d(0), days: d(2) }], d(0));
    expect(money(result.total)).toBe("351.12");
    expect(result.byFringe[0].base.toString()).toBe("24");
  });

  it("prefers the hours given over the 12-hour day", () => {
    expect(money(calculateFringes(mpi, [{ wages: d(0), hours: d(14), days: d(1) }], d(0)).total)).toBe(
      "204.82",
    );
  });

  it("asks for days when a per-day fringe has none", () => {
    const nbf = resolveFringes([
      ["Name", "Type", "Rate", "Cutoff"],
      ["NBF", "DAY", 137, ""],
    ]);
    expect(() => calculateFringes(nbf, [{ wages: d(0), hours: d(12) }], d(0))).toThrow(
      "days is required: NBF is a per-day fringe",
    );
  });

  it("asks for hours when a per-hour fringe has none, instead of charging 0", () => {
    expect(() => calculateFringes(mpi, lines(1000), d(0))).toThrow(
      "hours is required: MPI is a per-hour fringe",
    );
  });
});

describe("rates", () => {
  it("adds the percent rates of a set: PAYROLL-US 2026 = 8.25%", () => {
    expect(combinedRate(resolveFringes("PAYROLL-US")).toString()).toBe("0.0825");
  });

  it("refuses a rate for a set with no percent fringe", () => {
    const flat = resolveFringes([
      ["Name", "Type", "Rate", "Cutoff"],
      ["MPI", "HOUR", 14.63, ""],
    ]);
    expect(() => combinedRate(flat)).toThrow("fringes has no % fringes");
  });

  it("answers an effective rate on $0 with #DIV/0!", () => {
    expect(() => effectiveRate(resolveFringes("SS"), d(0), d(0))).toThrow(
      expect.objectContaining({ kind: "divZero" }),
    );
  });
});

describe("roundRunning", () => {
  it("rounds half-cent parts so they add up to the rounded total", () => {
    expect(roundRunning([d("0.005"), d("0.005"), d("0.005")]).map(money)).toEqual(["0.01", "0.00", "0.01"]);
  });
});

// Money in cents, rates in hundredths of a basis point: the shapes real budgets have.
const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => d(c).div(100));
const rate = fc.integer({ min: 0, max: 1_000_000 }).map((r) => d(r).div(1_000_000));
const cutoff = fc.option(cents(50_000_000), { nil: null });

describe("properties of percent fringes", () => {
  it("a capped fringe never exceeds rate x cutoff for one person, whatever the split of lines", () => {
    fc.assert(
      fc.property(
        rate,
        cents(50_000_000),
        fc.array(cents(50_000_000), { minLength: 1, maxLength: 8 }),
        cents(50_000_000),
        (r, c, wages, prior) => {
          const result = calculateFringes(
            [percent(r, c)],
            wages.map((w) => ({ wages: w })),
            prior,
          );
          // The exact base never passes the cutoff, so the rounded total never passes the rounded cap.
          expect(result.byFringe[0].base.lte(c)).toBe(true);
          expect(result.total.lte(roundCents(r.times(c)))).toBe(true);
          expect(sum(result.lines).eq(result.total)).toBe(true);
          expect(result.lines.every((l) => !l.isNeg())).toBe(true);
        },
      ),
    );
  });

  it("splitting one person's wages into lines never changes their total fringe, to the cent", () => {
    const fringe = fc.tuple(rate, cutoff).map(([r, c]) => percent(r, c));
    fc.assert(
      fc.property(
        fc.array(fringe, { minLength: 1, maxLength: 5 }),
        fc.array(cents(50_000_000), { minLength: 1, maxLength: 8 }),
        cents(50_000_000),
        (set, wages, prior) => {
          const split = calculateFringes(
            set,
            wages.map((w) => ({ wages: w })),
            prior,
          );
          const whole = calculateFringes(set, [{ wages: sum(wages) }], prior);
          // Each line is rounded from the running total, so the column foots to the unsplit total
          // exactly (separately rounded lines could drift by a cent per line).
          expect(sum(split.lines).eq(whole.total)).toBe(true);
          expect(split.total.eq(whole.total)).toBe(true);
        },
      ),
    );
  });

  it("splitting wages, hours and days into lines never changes the total of a mixed fringe set", () => {
    const flatType = fc.constantFrom("HOUR", "DAY", "WEEK", "FLAT") as fc.Arbitrary<Fringe["type"]>;
    const flat = fc
      .tuple(flatType, cents(100_000), fc.integer({ min: 1, max: 7 }))
      .map(([type, r, days]): Fringe => ({ ...percent(r, null), type, daysPerWeek: d(days) }));
    const anyFringe = fc.oneof(
      fc.tuple(rate, cutoff).map(([r, c]) => percent(r, c)),
      flat,
    );
    const line = fc.record({
      wages: cents(5_000_000),
      hours: fc.integer({ min: 0, max: 2000 }).map((h) => d(h).div(10)),
      days: fc.integer({ min: 0, max: 14 }).map((n) => d(n)),
    });
    fc.assert(
      fc.property(
        fc.array(anyFringe, { minLength: 1, maxLength: 6 }),
        fc.array(line, { minLength: 1, maxLength: 8 }),
        cents(50_000_000),
        (set, lines, prior) => {
          const split = calculateFringes(set, lines, prior);
          const whole = calculateFringes(
            set,
            [
              {
                wages: sum(lines.map((l) => l.wages)),
                hours: sum(lines.map((l) => l.hours)),
                days: sum(lines.map((l) => l.days)),
              },
            ],
            prior,
          );
          expect(sum(split.lines).toFixed(2)).toBe(whole.total.toFixed(2));
        },
      ),
    );
  });

  it("roundRunning keeps every part within a cent of its exact amount and sums to the rounded total", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }).map((n) => d(n).div(1000))), (amounts) => {
        const parts = roundRunning(amounts);
        expect(sum(parts).eq(roundCents(sum(amounts)))).toBe(true);
        parts.forEach((p, i) => expect(p.minus(amounts[i]).abs().lte("0.01")).toBe(true));
      }),
    );
  });
});

describe("lines that pay several people (spec/functions.md `people`; figures-audit.md 8.1)", () => {
  const crew = (wages: number, people: number) => [{ wages: d(wages), people }];

  // Issue 14: "Grips, 4 x 25 days x $450" under PAYROLL-CA-2025. Each grip is paid $11,250, so each
  // reaches the $7,000 FUTA-CA / SUI / ETT cutoff: 4 x (126 + 238 + 7) + 7.65% of $45,000.
  it("caps FUTA-CA, SUI and ETT per grip: 4 x 25 days x $450 is 4,926.50, not 3,813.50", () => {
    const payroll = resolveFringes("PAYROLL-CA-2025");
    expect(money(calculateFringes(payroll, crew(4 * 25 * 450, 4), d(0)).total)).toBe("4926.50");
    expect(money(calculateFringes(payroll, crew(4 * 25 * 450, 1), d(0)).total)).toBe("3813.50");
  });

  it("FRINGE(150000, CA-SUI-2025, , , , 5) = 1,190.00: five people each capped at $7,000", () => {
    const result = calculateFringes(resolveFringes("CA-SUI-2025"), crew(150000, 5), d(0));
    expect(money(result.total)).toBe("1190.00");
    expect(result.people).toBe(5);
    expect(result.byFringe[0].base.toString()).toBe("35000");
  });

  it("counts prior wages per person: 4 people with $6,000 each already paid leave $1,000 each", () => {
    const result = calculateFringes(resolveFringes("CA-SUI-2025"), crew(20000, 4), d(6000));
    expect(money(result.total)).toBe("136.00");
  });

  it("splits hours and days evenly, so per-hour and per-day fringes cost what one person's would", () => {
    const set = resolveFringes([
      ["Name", "Type", "Rate", "Cutoff"],
      ["MPI", "HOUR", 14.635, ""],
      ["NBF", "DAY", 137, ""],
    ]);
    // 14.635 x 1 hour is a half cent: the split must not lose it (3 x 1/3 hour is exactly 1 hour).
    const result = calculateFringes(set, [{ wages: d(0), hours: d(1), days: d(25), people: 3 }], d(0));
    expect(result.byFringe.map((b) => b.base.toString())).toEqual(["1", "25"]);
    // 14.635 + 137 x 25 = 3,439.635, rounded once, half away from zero.
    expect(money(result.total)).toBe("3439.64");
  });

  it("charges a flat fringe once per person", () => {
    const fee = resolveFringes([
      ["Name", "Type", "Rate", "Cutoff"],
      ["Check fee", "FLAT", 10, ""],
    ]);
    expect(money(calculateFringes(fee, crew(1000, 4), d(0)).total)).toBe("40.00");
  });

  it("on a column of lines, a smaller line's people are among a larger line's", () => {
    // Prep by 2 grips ($4,000), shoot by 4 ($40,000): grips 1-2 have $2,000 then $10,000 each,
    // grips 3-4 $10,000 each. All four reach the $7,000 SUI cutoff: 4 x $238.
    const result = calculateFringes(
      resolveFringes("CA-SUI-2025"),
      [
        { wages: d(4000), people: 2 },
        { wages: d(40000), people: 4 },
      ],
      d(0),
    );
    expect(result.lines.map(money)).toEqual(["136.00", "816.00"]);
    expect(result.people).toBeNull();
  });
});

describe("properties of lines that pay several people", () => {
  const people = fc.integer({ min: 1, max: 12 });
  const fringe = fc.tuple(rate, cutoff).map(([r, c]) => percent(r, c));

  it("people = 1 is the one-person fringe range: rate x the running wages under the cutoff", () => {
    // The model written out: after each line, rate x (min(prior + paid, cutoff) - min(prior, cutoff)),
    // summed over the fringes, rounded once; a line's fringe is the change in that total.
    const under = (paid: Decimal, c: Decimal | null) => (c === null || paid.lte(c) ? paid : c);
    fc.assert(
      fc.property(
        fc.array(fringe, { minLength: 1, maxLength: 5 }),
        fc.array(cents(50_000_000), { minLength: 1, maxLength: 6 }),
        cents(50_000_000),
        (set, wages, prior) => {
          const one = calculateFringes(
            set,
            wages.map((w) => ({ wages: w, people: 1 })),
            prior,
          );
          let paid = prior;
          const totals = wages.map((w) => {
            paid = paid.plus(w);
            return roundCents(
              sum(set.map((f) => f.rate.times(under(paid, f.cutoff).minus(under(prior, f.cutoff))))),
            );
          });
          expect(one.lines.map(money)).toEqual(
            totals.map((t, i) => money(i === 0 ? t : t.minus(totals[i - 1]))),
          );
        },
      ),
    );
  });

  it("is each person's fringe worked out alone, summed, rounded once", () => {
    fc.assert(
      fc.property(
        fc.array(fringe, { minLength: 1, maxLength: 5 }),
        cents(50_000_000),
        cents(50_000_000),
        people,
        (set, wages, prior, n) => {
          const crew = calculateFringes(set, [{ wages: wages.times(n), people: n }], prior);
          // One person paid `wages`: their exact amounts, n times.
          const one = calculateFringes(set, [{ wages }], prior);
          expect(crew.total.eq(roundCents(sum(one.byFringe.map((b) => b.amount)).times(n)))).toBe(true);
        },
      ),
    );
  });

  it("splitting a line across people never gives less than one person with the same total", () => {
    fc.assert(
      fc.property(
        fc.array(fringe, { minLength: 1, maxLength: 5 }),
        cents(50_000_000),
        cents(50_000_000),
        people,
        (set, wages, prior, n) => {
          const crew = calculateFringes(set, [{ wages, people: n }], prior);
          const one = calculateFringes(set, [{ wages }], prior);
          expect(crew.total.gte(one.total)).toBe(true);
          // And never more than the uncapped rate on the wages.
          expect(crew.total.lte(roundCents(sum(set.map((f) => f.rate)).times(wages)))).toBe(true);
        },
      ),
    );
  });
});
