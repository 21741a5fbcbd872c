import fc from "fast-check";
import { Decimal } from "../../../src/engine/money";
import type { VendorBid } from "../../../src/engine/bids";
import { compareAll, PLAIN_TERMS } from "../../engine/bids/compareAll";
import { PortError, type Progress } from "../../../src/excel/port";
import { runComparison } from "../../../src/taskpane/bids/runComparison";

const d = (v: number) => new Decimal(v);

/** A clock that moves one "millisecond" each time it is read: slices end after a set number of steps. */
function countingClock() {
  let t = 0;
  return () => t++;
}

/** Three vendors of `lines` lines each, every line on its own item, one day each. */
function bigBid(lines: number): VendorBid[] {
  return ["A", "B", "C"].map((id, vi) => ({
    id,
    name: `Vendor ${id}`,
    terms: { ...PLAIN_TERMS, delivery: d(50) },
    lines: Array.from({ length: lines }, (_, i) => ({
      item: `Item ${i}`,
      qty: d(1),
      days: { held: d(1) },
      dayRate: d(100 + ((i + vi) % 3) * 5),
    })),
  }));
}

describe("the comparison in slices", () => {
  it("reports its progress between slices and pauses for the UI each time", async () => {
    const vendors = bigBid(200);
    const seen: Progress[] = [];
    let pauses = 0;
    const result = await runComparison(
      { vendors },
      { onProgress: (p) => seen.push(p) },
      {
        sliceMs: 50,
        now: countingClock(),
        pause: async () => {
          pauses++;
        },
      },
    );
    expect(pauses).toBeGreaterThan(5);
    expect(seen).toHaveLength(pauses);
    // Progress only moves forward and never passes the end.
    for (let i = 1; i < seen.length; i++) expect(seen[i].done).toBeGreaterThan(seen[i - 1].done);
    for (const p of seen) expect(p.done).toBeLessThanOrEqual(p.total);
    expect(seen.map((p) => p.label)).toEqual(expect.arrayContaining(["Matching items", "Costing items"]));
    expect(result.items).toHaveLength(200);
  });

  it("stops at the next step once cancelled, with the shell's cancelled error", async () => {
    const controller = new AbortController();
    let stepsAfterCancel = 0;
    const run = runComparison(
      { vendors: bigBid(200) },
      {
        signal: controller.signal,
        onProgress: () => {
          if (controller.signal.aborted) stepsAfterCancel++;
          controller.abort();
        },
      },
      { sliceMs: 10, now: countingClock(), pause: () => Promise.resolve() },
    );
    const error: unknown = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortError);
    expect((error as PortError).kind).toBe("cancelled");
    expect(stepsAfterCancel).toBe(0);
  });

  it("gives exactly the comparison of every step pulled at once, however it is sliced", async () => {
    const arbLine = fc.record({
      item: fc.integer({ min: 0, max: 8 }),
      rate: fc.integer({ min: 0, max: 100_000 }),
      qty: fc.integer({ min: 1, max: 5 }),
      days: fc.integer({ min: 0, max: 20 }),
    });
    const arbVendor = fc.record({
      lines: fc.array(arbLine, { minLength: 1, maxLength: 8 }),
      weekDays: fc.constantFrom(3, 4, 7),
      delivery: fc.integer({ min: 0, max: 50_000 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbVendor, { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 1, max: 30 }),
        async (vs, sliceMs) => {
          const vendors: VendorBid[] = vs.map((v, vi) => ({
            id: `v${vi}`,
            name: `Vendor ${vi}`,
            terms: { ...PLAIN_TERMS, weekDays: v.weekDays, delivery: d(v.delivery).div(100) },
            lines: v.lines.map((l) => ({
              item: `item ${l.item}`,
              qty: d(l.qty),
              days: { held: d(l.days) },
              dayRate: d(l.rate).div(100),
            })),
          }));
          const sliced = await runComparison(
            { vendors },
            {},
            { sliceMs, now: countingClock(), pause: () => Promise.resolve() },
          );
          expect(sliced).toEqual(compareAll({ vendors }));
        },
      ),
    );
  });
});
