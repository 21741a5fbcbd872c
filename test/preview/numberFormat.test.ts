import { formatValue } from "../../src/preview/numberFormat";
import { NUMBER_FORMATS } from "../../src/excel/port";

describe("cells show their values as Excel would", () => {
  it.each([
    [1234567.891, NUMBER_FORMATS.money, "1,234,567.89 "],
    [-1200, NUMBER_FORMATS.money, "(1,200.00)"],
    [0, NUMBER_FORMATS.money, "0.00 "],
    [0.005, NUMBER_FORMATS.money, "0.01 "],
    [184500.4, NUMBER_FORMATS.moneyWhole, "184,500 "],
    [-99.5, NUMBER_FORMATS.moneyWhole, "(100)"],
    [0.062, NUMBER_FORMATS.percent, "6.20%"],
    [0.0145, "0.0%", "1.5%"],
    [12.5, NUMBER_FORMATS.quantity, "12.5"],
    [12, NUMBER_FORMATS.quantity, "12"],
    [12, "#,##0.##", "12."],
    [1234.567, "#,##0.##", "1,234.57"],
    [46023, "mm/dd/yyyy", "01/01/2026"],
    [46054, "d-mmm-yy", "1-Feb-26"],
    [68.18181818181819, "General", "68.18181818"],
    [105000, undefined, "105000"],
    [-3.5, "0.00", "-3.50"],
    [7, '"Week "0', "Week 7"],
    [0, '#,##0;(#,##0);"-"', "-"],
    // Half-cent values that binary toFixed rounds down; Excel (and PROD) round them up.
    [1.005, NUMBER_FORMATS.money, "1.01 "],
    [2.675, NUMBER_FORMATS.money, "2.68 "],
    [-1.045, "0.00", "-1.05"],
  ])("shows %p formatted %p as %p", (value, format, shown) => {
    expect(formatValue(value, format)).toBe(shown);
  });

  it.each([
    ["=cmd|x", NUMBER_FORMATS.text, "=cmd|x"],
    ["Story & Rights", NUMBER_FORMATS.money, "Story & Rights"],
    [true, undefined, "TRUE"],
    [null, NUMBER_FORMATS.money, ""],
  ])("shows %p as it is", (value, format, shown) => {
    expect(formatValue(value, format)).toBe(shown);
  });
});
