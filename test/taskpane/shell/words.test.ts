import { count } from "../../../src/taskpane/shell/words";
import { PRESET_OPTIONS, RULE_OPTIONS } from "../../../src/taskpane/shell/optionLabels";

describe("the pane's words", () => {
  it.each([
    [0, "0 rows"],
    [1, "1 row"],
    [2, "2 rows"],
    [1500, "1,500 rows"],
  ])("counts %p as %p", (n, words) => {
    expect(count(n, "row")).toBe(words);
  });

  it("says a code's meaning beside it", () => {
    expect(PRESET_OPTIONS).toContainEqual({
      value: "PAYROLL-CA",
      label: "PAYROLL-CA: California employer payroll taxes",
    });
    expect(RULE_OPTIONS).toContainEqual({ value: "CA", label: "CA: Non-union crew in California" });
  });
});
