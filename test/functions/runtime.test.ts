import { errors } from "../../src/engine/errors";
import { isOmitted } from "../../src/engine/money";
import { elementwise, guard, omitted, toCustomFunctionError } from "../../src/functions/runtime";

describe("engine errors become Excel errors", () => {
  it.each([
    [errors.notANumber("wages", "abc"), "#VALUE!", 'wages must be a number, got "abc"'],
    [
      errors.unknownName("rule", "CX", ["CA", "SAG-DAY"]),
      "#N/A",
      'Unknown rule "CX". Did you mean CA? Known: CA, SAG-DAY',
    ],
    [errors.divideByZero("guaranteed_hours"), "#DIV/0!", undefined],
  ])("maps %p", (error, code, message) => {
    const mapped = toCustomFunctionError(error);
    expect(mapped).toBeInstanceOf(CustomFunctions.Error);
    expect(mapped.code).toBe(code);
    expect(mapped.message || undefined).toBe(message);
  });

  it("reports a bug as PROD's fault, not the user's", () => {
    const mapped = toCustomFunctionError(new TypeError("x is undefined"));
    expect(mapped.code).toBe("#VALUE!");
    expect(mapped.message).toBe("PROD internal error, please report it: x is undefined");
  });

  it("keeps messages within what Excel shows", () => {
    const long = errors.unknownName(
      "fringe",
      "Q",
      Array.from({ length: 80 }, (_, i) => `FRINGE-${i}`),
    );
    expect(toCustomFunctionError(long).message?.length).toBeLessThanOrEqual(255);
  });

  it("guard throws the mapped error", () => {
    expect(() =>
      guard(() => {
        throw errors.required("hours");
      }),
    ).toThrow(expect.objectContaining({ code: "#VALUE!", message: "hours is required, got a blank cell" }));
  });
});

describe("the result check: #NUM! for a result too large for a cell", () => {
  const NUM = expect.objectContaining({ code: "#NUM!", message: expect.stringMatching(/too large/) });

  it.each([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN])(
    "a single %p fails the call",
    (n) => {
      expect(() => guard(() => n)).toThrow(NUM);
    },
  );

  it("replaces only the cells of a spill that are not finite; text and finite numbers stay", () => {
    expect(
      guard(() => [
        ["Total", 1, Number.POSITIVE_INFINITY],
        [Number.NaN, "", 2],
      ]),
    ).toEqual([
      ["Total", 1, NUM],
      [NUM, "", 2],
    ]);
  });
});

describe("elementwise", () => {
  const add = (values: unknown[]) => (values as number[]).reduce((a, b) => a + b, 0);

  it("broadcasts single cells over columns", () => {
    expect(
      elementwise(
        [
          { name: "a", value: [[1], [2], [3]] },
          { name: "b", value: [[10]] },
        ],
        add,
      ),
    ).toEqual([[11], [12], [13]]);
  });

  it("treats a row like a column", () => {
    expect(
      elementwise(
        [
          { name: "a", value: [[1, 2]] },
          { name: "b", value: 5 },
        ],
        add,
      ),
    ).toEqual([[6], [7]]);
  });

  const checked = (values: unknown[]) => {
    for (const v of values) if (v === null) throw errors.required("hours");
    for (const v of values) if ((v as number) < 0) throw errors.belowMinimum("rate", 0, v);
    return add(values);
  };
  const shown = (cell: unknown) =>
    cell instanceof CustomFunctions.Error ? { code: cell.code, message: cell.message || undefined } : cell;

  it("keeps the good rows of a spill and puts a bad row's error in its own cell, naming the row", () => {
    const out = elementwise(
      [
        { name: "hours", value: [[8], [null], [12]] },
        { name: "rate", value: 1 },
      ],
      checked,
    );
    expect(out.map((row) => row.map(shown))).toEqual([
      [9],
      [{ code: "#VALUE!", message: "hours (row 2) is required, got a blank cell" }],
      [13],
    ]);
  });

  it("does not name a row when the error is about an argument given as one cell", () => {
    const out = elementwise(
      [
        { name: "hours", value: [[8], [12]] },
        { name: "rate", value: -1 },
      ],
      checked,
    );
    expect(out.map((row) => row.map(shown))).toEqual([
      [{ code: "#VALUE!", message: "rate must be 0 or more, got -1" }],
      [{ code: "#VALUE!", message: "rate must be 0 or more, got -1" }],
    ]);
  });

  it("maps every row's error with the one mapper: #N/A, #DIV/0! and PROD's own faults", () => {
    const out = elementwise([{ name: "x", value: [[1], [2], [3]] }], ([x]) => {
      if (x === 1) throw errors.unknownName("rule", "NY", ["SAG-DAY"]);
      if (x === 2) throw errors.divideByZero("x");
      throw new TypeError("oops");
    });
    expect(out.map((row) => row.map(shown))).toEqual([
      [{ code: "#N/A", message: 'Unknown rule "NY". Known: SAG-DAY' }],
      [{ code: "#DIV/0!", message: undefined }],
      [{ code: "#VALUE!", message: "PROD internal error, please report it: oops" }],
    ]);
  });

  it("fails a call of one result with its error, as a single cell shows it", () => {
    expect(() => elementwise([{ name: "hours", value: [[null]] }], checked)).toThrow(
      "hours is required, got a blank cell",
    );
  });

  it("rejects ranges of different sizes, naming both", () => {
    expect(() =>
      elementwise(
        [
          { name: "a", value: [[1], [2]] },
          { name: "b", value: [[1], [2], [3]] },
        ],
        add,
      ),
    ).toThrow("b has 3 cells but a has 2: they must be the same size");
  });
});

describe("omitted: an optional argument left out, or pointing only at empty cells", () => {
  it.each<[unknown, boolean, boolean]>([
    [null, true, true],
    [[[null]], true, true],
    [[[null], [""]], true, true],
    [[[0], [0]], false, true],
    [[[0], ["2000-2999"]], false, false],
    [[[12]], false, false],
  ])("%j: blank-only %p, with desktop's 0 as empty %p", (value, blankOnly, zeroToo) => {
    expect(omitted(value)).toBe(blankOnly);
    expect(omitted(value, isOmitted)).toBe(zeroToo);
  });
});
