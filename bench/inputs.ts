/**
 * Generated inputs shared by the bench sections: a 6-fringe table as a line producer keeps it in
 * the workbook, one person's detail lines, and the PROD functions as Excel would call them.
 */
import "../src/preview/customFunctionsGlobal";
import path from "node:path";
import { loadProdFunctions } from "../test/preview/loadProdFunctions";
import type { ProdFunction } from "../src/preview/prodFunctionPlugin";
import { COMPILED, REPO } from "./lib";

/**
 * A California crew fringe table, header first (spec/functions.md "Fringes"): six percent
 * fringes, four of them capped. Rates as fractions, a blank cutoff as "" (as Excel on the web passes it).
 */
export const FRINGE_TABLE: (string | number)[][] = [
  ["Name", "Type", "Rate", "Cutoff"],
  ["SS", "%", 0.062, 184500],
  ["MEDICARE", "%", 0.0145, ""],
  ["FUTA", "%", 0.006, 7000],
  ["CA-SUI", "%", 0.034, 7000],
  ["CA-ETT", "%", 0.001, 7000],
  ["WORKERS-COMP", "%", 0.025, ""],
];

/**
 * The PROD functions as the add-in registers them: metadata generated from the JSDoc of every
 * src/functions file, implementations from the compiled copy the bench runs.
 */
export function loadFunctions(): Promise<ProdFunction[]> {
  return loadProdFunctions({
    root: REPO,
    load: (sourceFile) =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(path.join(COMPILED, path.relative(REPO, sourceFile)).replace(/\.ts$/, ".js")) as Record<
        string,
        unknown
      >,
  });
}
