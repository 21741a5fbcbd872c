import { errors } from "../../src/engine/errors";
import { elementwise, guard, toCustomFunctionError } from "../../src/functions/runtime";

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
