import fc from "fast-check";
import { Decimal, roundCents, sum } from "../../../src/engine/money";
import {
  comparisonDetail,
  itemBidNotes,
  lineCost,
  type BidLine,
  type LineDetail,
  type VendorBid,
  type VendorTerms,
} from "../../../src/engine/bids";
import { compareAll, PLAIN_TERMS } from "./compareAll";

const d = (v: string | number) => new Decimal(v);
const cents = (v: Decimal) => v.toFixed(2);
const vendor = (id: string, lines: BidLine[], t: Partial<VendorTerms> = {}): VendorBid => ({
  id,
  name: `Vendor ${id}`,
  terms: { ...PLAIN_TERMS, ...t },
  lines,
});
const figures = (l: LineDetail) => [l.gross, l.discount, l.net, l.lossDamage, l.tax, l.landed].map(cents);

describe("line detail per vendor (issue 17: check a figure against the quote)", () => {
  // reference.md 6.5 for the camera; the C-stands have awkward cents on purpose.
  const schedule = { byWeek: [d(5), d(5), d(2)] };
  const a = vendor("A", [{ item: "Camera package", qty: d(1), dayRate: d(2500), notes: "Avail. 3/4" }], {
    weekDays: 3,
    discount: d("0.1"),
    delivery: d(600),
    taxRate: d("0.095"),
  });
  const b = vendor(
    "B",
    [
      { item: "Alexa 35 pkg", qty: d(1), dayRate: d(2200) },
      { item: "C-Stands", qty: d(3), dayRate: d("33.33"), days: { held: d(5) }, notes: "w/ sandbags" },
    ],
    { weekDays: 4, discount: d("0.15"), lossDamage: d("0.025"), taxRate: d("0.095"), pickup: d("75.5") },
  );
  const overrides = [{ vendorId: "B", itemKey: "alexa 35 package", matchTo: "camera package" }];
  const comparison = compareAll({ vendors: [a, b], schedule, overrides });
  const detail = comparisonDetail(comparison);

  it("gives quantity, rate, days, billed days under the week convention and each charge, in cents", () => {
    const [camera] = detail[0].lines;
    expect(camera.line.item).toBe("Camera package");
    expect(camera.fromSchedule).toBe(true);
    expect(camera.billedDays.toString()).toBe("8"); // 3 + 3 + 2 on a 3-day week
    expect(figures(camera)).toEqual(["20000.00", "2000.00", "18000.00", "0.00", "1710.00", "19710.00"]);
    const [alexa, stands] = detail[1].lines;
    expect(alexa.billedDays.toString()).toBe("10"); // 4 + 4 + 2 on a 4-day week
    expect(stands.fromSchedule).toBe(false);
    expect(stands.billedDays.toString()).toBe("4"); // 5 days held, a 4-day week
    // 3 x 33.33 x 4 = 399.96; -15% = 339.966; L&D 2.5% = 8.49915; tax 9.5% = 32.29677;
    // landed 380.76192. Each figure rounded alone would add up to 380.77: the tax is shown as
    // 32.29 so the row foots to the landed cost (rounded once) to the cent.
    expect(figures(stands)).toEqual(["399.96", "59.99", "339.97", "8.50", "32.29", "380.76"]);
    expect(cents(roundCents(comparison.items[1].bids[1]!.cost.landed))).toBe("380.76");
  });

  it("adds each vendor's lines, delivery and pickup up to its total", () => {
    expect(detail.map((v) => [cents(v.orderCharges), cents(v.rounding), cents(v.total)])).toEqual([
      ["600.00", "0.00", "20310.00"],
      ["75.50", "0.00", cents(roundCents(comparison.summaries[1].total))],
    ]);
  });

  it("keeps each line with the item it was compared as, and the vendor's own wording and notes", () => {
    expect(detail[1].lines.map((l) => [comparison.items[l.item].name, l.line.item])).toEqual([
      ["Camera package", "Alexa 35 pkg"],
      ["C-Stands", "C-Stands"],
    ]);
    expect(comparison.items.map((item) => item.bids.map((bid) => bid && itemBidNotes(bid)))).toEqual([
      ["Avail. 3/4", ""],
      [undefined, "w/ sandbags"],
    ]);
  });

  it("joins the notes of a vendor's several lines for one item", () => {
    const twice = compareAll({
      schedule: { held: d(1) },
      vendors: [
        vendor("A", [
          { item: "Dolly", qty: d(1), dayRate: d(300), notes: "track extra" },
          { item: "Dolly", qty: d(1), dayRate: d(300) },
          { item: "Dolly", qty: d(1), dayRate: d(300), notes: "\tweekend only" },
        ]),
        vendor("B", [{ item: "Dolly", qty: d(1), dayRate: d(280) }]),
      ],
    });
    expect(itemBidNotes(twice.items[0].bids[0]!)).toBe("track extra; \tweekend only");
  });

  describe("foots to the landed cost to the cent", () => {
    const arbLine = fc.record({
      item: fc.integer({ min: 0, max: 4 }),
      rate: fc.integer({ min: 0, max: 5_000_000 }),
      rateScale: fc.constantFrom(100, 1000),
      days: fc.integer({ min: 0, max: 30 }),
      qty: fc.integer({ min: 0, max: 25 }),
    });
    const arbVendor = fc.record({
      lines: fc.array(arbLine, { minLength: 1, maxLength: 6 }),
      weekDays: fc.constantFrom(3, 4, 5, 7),
      discount: fc.integer({ min: 0, max: 1000 }),
      lossDamage: fc.integer({ min: 0, max: 200 }),
      taxRate: fc.integer({ min: 0, max: 1250 }),
      delivery: fc.integer({ min: 0, max: 100_000 }),
      taxable: fc.boolean(),
    });

    it("per line, per item and per vendor, each figure within a cent of its exact value", () => {
      fc.assert(
        fc.property(fc.array(arbVendor, { minLength: 2, maxLength: 3 }), (vs) => {
          const r = compareAll({
            vendors: vs.map((v, vi) =>
              vendor(
                String(vi),
                v.lines.map((l) => ({
                  item: `item ${l.item}`,
                  qty: d(l.qty),
                  dayRate: d(l.rate).div(l.rateScale),
                  days: { held: d(l.days) },
                })),
                {
                  weekDays: v.weekDays,
                  discount: d(v.discount).div(1000),
                  lossDamage: d(v.lossDamage).div(1000),
                  taxRate: d(v.taxRate).div(10000),
                  taxableByDefault: v.taxable,
                  delivery: d(v.delivery).div(100),
                },
              ),
            ),
          });
          comparisonDetail(r).forEach((vd, vi) => {
            for (const l of vd.lines) {
              expect(l.gross.minus(l.discount).eq(l.net)).toBe(true);
              expect(l.net.plus(l.lossDamage).plus(l.tax).eq(l.landed)).toBe(true);
              for (const x of figures(l)) expect(d(x).decimalPlaces()).toBeLessThanOrEqual(2);
              const exact = lineCost(l.line, r.vendors[vi].terms);
              expect(exact.gross.eq(l.line.qty.times(l.line.dayRate).times(l.billedDays))).toBe(true);
              const pairs: Array<[Decimal, Decimal]> = [
                [l.gross, exact.gross],
                [l.discount, exact.discount],
                [l.lossDamage, exact.lossDamage],
                [l.tax, exact.tax],
                [l.landed, exact.landed],
              ];
              for (const [shown, value] of pairs) expect(shown.minus(value).abs().lte("0.01")).toBe(true);
            }
            // Each item's lines add up to the landed cost the item table shows for it.
            r.items.forEach((item, i) => {
              const bid = item.bids[vi];
              const shown = sum(vd.lines.filter((l) => l.item === i).map((l) => l.landed));
              expect(shown.eq(bid ? roundCents(bid.cost.landed) : 0)).toBe(true);
            });
            const lines = sum(vd.lines.map((l) => l.landed));
            expect(lines.plus(vd.orderCharges).plus(vd.rounding).eq(vd.total)).toBe(true);
            expect(vd.total.eq(roundCents(r.summaries[vi].total))).toBe(true);
            // Rounding only takes up what rounding each item to the cent left over.
            expect(vd.rounding.abs().lte(d("0.005").times(r.items.length + 2))).toBe(true);
          });
        }),
      );
    });
  });
});
