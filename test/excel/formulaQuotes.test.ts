/*
 * The one scanner of quoted runs in a formula (src/excel/formulaQuotes.ts) that formulaRefs.ts and
 * the preview's structured references share: a doubled quote stays inside its run, a quote of the
 * other kind is text there, and nothing quoted is rewritten.
 */
import { outsideQuotes, quotedEnd } from "../../src/excel/formulaQuotes";

const upper = (code: string) => code.toUpperCase();

describe("quotedEnd", () => {
  it.each([
    ['"a""b"&x', 0, 6],
    ["'O''Brien'!A1", 0, 10],
    ["'It''s ''quoted'''!B2", 0, 18],
    // A quote of the other kind is text inside a run.
    ['"don\'t"&x', 0, 7],
    ["'say \"hi\"'!A1", 0, 10],
    ['=A1&""', 4, 6],
    // Never closed: it runs to the end.
    ['="open', 1, 6],
    ['="ends with ""', 1, 14],
  ])("finds the end of the run in %s opened at %i: %i", (formula, start, end) => {
    expect(quotedEnd(formula, start)).toBe(end);
  });
});

describe("outsideQuotes", () => {
  it("rewrites only the code, keeping text constants with doubled quotes as written", () => {
    expect(outsideQuotes('=if(a1="say ""hi""",b1,"")', upper)).toBe('=IF(A1="say ""hi""",B1,"")');
  });

  it("keeps a sheet name with an apostrophe inside ('O''Brien') as written", () => {
    expect(outsideQuotes("=sum('O''Brien'!a1:a3)+'x y'!b2", upper)).toBe("=SUM('O''Brien'!A1:A3)+'x y'!B2");
  });

  it("keeps sheet names with the code when only text constants are quoted runs", () => {
    expect(outsideQuotes("='o''brien'!a1&\"it's\"", upper, '"')).toBe("='O''BRIEN'!A1&\"it's\"");
  });

  it("leaves a formula without quotes to the rewrite whole, and an unclosed run as it is", () => {
    expect(outsideQuotes("=a1+b2", upper)).toBe("=A1+B2");
    expect(outsideQuotes('=a1&"open', upper)).toBe('=A1&"open');
  });
});
