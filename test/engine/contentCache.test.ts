import { ContentCache } from "../../src/engine/contentCache";

describe("ContentCache: what a function made of its ranges, kept by their content", () => {
  const table = (rate: number) => [
    ["Name", "Rate"],
    ["SUI", rate],
  ];

  it("makes once for the same content passed as fresh copies, and again once a cell changes", () => {
    const cache = new ContentCache<number>(4);
    let made = 0;
    const make = () => ++made;
    expect(cache.get([table(0.034), "US-GA"], make)).toBe(1);
    expect(cache.get([table(0.034), "US-GA"], make)).toBe(1);
    expect(cache.get([table(0.031), "US-GA"], make)).toBe(2);
    expect(cache.get([table(0.034), "US-GA"], make)).toBe(1);
    expect(cache.get([table(0.034), "US-NM"], make)).toBe(3);
    expect(made).toBe(3);
  });

  it("sees an edit made to the very array it was last given", () => {
    const cache = new ContentCache<string>(4);
    const range = table(0.034);
    expect(cache.get([range], () => String(range[1][1]))).toBe("0.034");
    range[1][1] = 0.05;
    expect(cache.get([range], () => String(range[1][1]))).toBe("0.05");
  });

  it("keeps at most its limit, dropping the least recently used", () => {
    const cache = new ContentCache<number>(2);
    let made = 0;
    const make = () => ++made;
    cache.get([table(1)], make); // 1
    cache.get([table(2)], make); // 2
    cache.get([table(1)], make); // 1 used again: 2 is now the oldest
    cache.get([table(3)], make); // 3, drops 2
    expect(cache.get([table(1)], make)).toBe(1);
    expect(cache.get([table(2)], make)).toBe(4);
  });

  it("keeps nothing when make throws, and tells NaN and a blank cell apart", () => {
    const cache = new ContentCache<number>(4);
    expect(() =>
      cache.get([[[1]]], () => {
        throw new Error("bad table");
      }),
    ).toThrow("bad table");
    expect(cache.get([[[1]]], () => 7)).toBe(7);
    expect(cache.get([[[null]]], () => 8)).toBe(8);
    expect(cache.get([[[NaN]]], () => 9)).toBe(9);
    expect(cache.get([[[null]]], () => 10)).toBe(8);
  });
});
