import { HyperFormula, type CellValue } from "hyperformula";
import {
  excelName,
  registerProdFunctions,
  respill,
  type ProdFunction,
} from "../../src/preview/prodFunctionPlugin";
import { declaredFunctions } from "../build/declaredFunctions";
import { loadProdFunctions } from "./loadProdFunctions";
import { workedExamples, type WorkedExample } from "./workedExamples";

/** Excel shows 15 significant digits; the preview's engine keeps 14 (enough for cents on $1e11). */
const DIGITS = 14;
const comparable = (value: unknown) =>
  typeof value === "number" ? Number(value.toPrecision(DIGITS)) : value;

function newEngine(): HyperFormula {
  const hf = HyperFormula.buildEmpty({
    licenseKey: "gpl-v3",
    useArrayArithmetic: true,
    precisionRounding: DIGITS,
  });
  hf.addSheet("Args");
  hf.addSheet("Calc");
  return hf;
}

/** What a cell shows: a value, or an error with its message. */
function shown(value: CellValue): unknown {
  if (value !== null && typeof value === "object")
    return { error: value.value, message: value.message || undefined };
  return comparable(value);
}

/** The direct call's answer in the same shape: a block of values, or an error. */
function directAnswer(fn: ProdFunction, args: unknown[]): unknown[][] | { error: string; message?: string } {
  try {
    const answer = fn.implementation(...args);
    return Array.isArray(answer)
      ? (answer as unknown[][]).map((row) => row.map(comparable))
      : [[comparable(answer)]];
  } catch (thrown) {
    const error = thrown as CustomFunctions.Error;
    return { error: error.code, message: error.message || undefined };
  }
}

/** Puts each argument in cells of the Args sheet and returns the formula that refers to them. */
function enterArguments(hf: HyperFormula, name: string, args: readonly unknown[]): string {
  let next = 0;
  const refs = args.map((arg) => {
    const rows = Array.isArray(arg) ? (arg as unknown[][]) : [[arg]];
    const col = next; // each argument in its own block of columns, a blank column between
    next += rows[0].length + 1;
    // Text goes in with a leading apostrophe so the engine keeps it as typed ("10%" stays text).
    const content = rows.map((row) =>
      row.map((cell) => (typeof cell === "string" && cell !== "" ? `'${cell}` : cell)),
    );
    hf.setCellContents({ sheet: 0, col, row: 0 }, content as never);
    const start = hf.simpleCellAddressToString({ sheet: 0, col, row: 0 }, { includeSheetName: true });
    const end = hf.simpleCellAddressToString(
      { sheet: 0, col: col + rows[0].length - 1, row: rows.length - 1 },
      {},
    );
    return Array.isArray(arg) ? `${start}:${end}` : start;
  });
  return `=${name}(${refs.join(",")})`;
}

describe("the PROD functions in the preview's formula engine", () => {
  let functions: ProdFunction[];
  beforeAll(async () => {
    functions = await loadProdFunctions();
    registerProdFunctions(functions);
  });

  it("registers every @customfunction under its Excel name", () => {
    const names = HyperFormula.getRegisteredFunctionNames("enGB");
    for (const fn of functions) expect(names).toContain(excelName(fn.metadata));
    expect(functions.length).toBeGreaterThan(0);
  });

  it.each([
    ["=PROD.PAIDHOURS(12)", 14],
    ["=PROD.DAYPAY(PROD.HOURLY(750,10),12)", 954.55],
    ["=SUM(PROD.PAIDHOURS({10;12;13}))", 41],
    ["=PROD.EFC(62000,18000,25000)-PROD.ETC(100000,80000)", 85000],
    ['=PROD.FRINGE(150000,"CA-SUI-2025",,,,5)', 1190],
    // An argument left empty is omitted (Excel passes null), even for a range parameter.
    ['=PROD.FRINGE(150000,"CA-SUI-2025",,,,)', 238],
  ])("computes %s as typed in a cell: %p", (formula, expected) => {
    const hf = newEngine();
    hf.setCellContents({ sheet: 1, col: 0, row: 0 }, [[formula]]);
    expect(hf.getCellValue({ sheet: 1, col: 0, row: 0 })).toBe(expected);
  });

  it("lifts a scalar argument given a range, one answer per rule (Excel's lifting)", () => {
    const hf = newEngine();
    hf.setCellContents({ sheet: 0, col: 0, row: 0 }, [["CA"], ["STRAIGHT"], ["SAG-DAY"]]);
    hf.setCellContents({ sheet: 1, col: 0, row: 0 }, [["=PROD.PAIDHOURS(12, Args!A1:A3)"]]);
    expect(hf.getSheetValues(1)).toEqual([[14], [12], [15]]);
  });

  it("shows a bad row of a spill as that cell's error, message kept, and the other rows' answers", () => {
    const hf = newEngine();
    hf.setCellContents({ sheet: 0, col: 0, row: 0 }, [[8], ["ten"], [12]]);
    hf.setCellContents({ sheet: 1, col: 0, row: 0 }, [["=PROD.PAIDHOURS(Args!A1:A3)"]]);
    const column = hf.getSheetValues(1).map((row) => shown(row[0]));
    expect(column).toEqual([
      8,
      { error: "#VALUE!", message: 'hours (row 2) must be a number, got "ten"' },
      14,
    ]);
  });

  describe("gives the same answers as calling the functions directly, over their worked examples", () => {
    const cases = Object.entries(workedExamples).flatMap(([id, examples]) =>
      examples.map((example): [string, string, WorkedExample] => [id, example.says, example]),
    );
    it.each(cases)("PROD.%s: %s", (id, _says, example) => {
      const fn = functions.find((f) => f.metadata.id === id);
      if (!fn) throw new Error(`PROD.${id} is not declared in src/functions`);
      const hf = newEngine();
      hf.setCellContents({ sheet: 1, col: 0, row: 0 }, [
        [enterArguments(hf, excelName(fn.metadata), example.args)],
      ]);
      // Excel gives a scalar parameter the value of a one-cell range, not the range.
      const excelArgs = example.args.map((arg, i) =>
        fn.metadata.parameters[i]?.dimensionality !== "matrix" &&
        Array.isArray(arg) &&
        arg.length === 1 &&
        arg[0].length === 1
          ? (arg as unknown[][])[0][0]
          : arg,
      );
      const direct = directAnswer(fn, excelArgs);
      if (Array.isArray(direct)) {
        const values = hf.getSheetValues(1);
        const height = direct.length;
        const width = direct[0].length;
        const block = values.slice(0, height).map((row) => row.slice(0, width).map(shown));
        expect(block).toEqual(direct);
        // The spill is exactly the answer's size: nothing below or to the right of it.
        expect(values[height]?.[0] ?? null).toBeNull();
        expect(values[0][width] ?? null).toBeNull();
      } else {
        expect(shown(hf.getCellValue({ sheet: 1, col: 0, row: 0 }))).toEqual(direct);
      }
      if (example.expected !== undefined) expect(direct).toEqual(example.expected);
    });

    // A function that lands without worked examples here is listed, so the table grows with it.
    for (const id of declaredFunctions().filter((id) => !(id in workedExamples)))
      it.todo(`PROD.${id}: its worked examples`);
  });

  it("computes every line of a budget loaded whole, FRINGE on a formula with a fringe table range", () => {
    // Loaded whole, a formula's arguments are not computed when its spill is sized: the fringe
    // table's 3 rows must not be taken for the answer's height, or line 2's fringe blocks line 3's.
    const hf = HyperFormula.buildFromSheets(
      {
        Fringes: [
          ["Name", "Type", "Rate", "Cutoff"],
          ["SS", "%", 0.062, 184500],
          ["FUTA", "%", 0.006, 7000],
        ],
        Budget: [1000, 8000, 500].map((wages, i) => [
          wages,
          `=A${i + 1}*2`,
          `=PROD.FRINGE(B${i + 1},Fringes!$A$1:$D$3)`,
        ]),
      },
      { licenseKey: "gpl-v3" },
    );
    respill(hf);
    expect(hf.getSheetValues(hf.getSheetId("Budget") as number).map((row) => row[2])).toEqual([
      136, // 2,000 x 6.8%
      1034, // 16,000 x 6.2% + 7,000 x 0.6%
      68, // 1,000 x 6.8%
    ]);
  });
});

describe("calling conventions, as Excel calls custom functions", () => {
  const calls: unknown[][] = [];
  const fake = (
    id: string,
    params: ProdFunction["metadata"]["parameters"],
    result: "scalar" | "matrix",
    implementation: (...args: unknown[]) => unknown,
  ): ProdFunction => ({
    metadata: { id, name: id, parameters: params, result: { dimensionality: result } },
    implementation,
  });

  beforeAll(() => {
    registerProdFunctions([
      fake(
        "ECHO",
        [{ name: "a" }, { name: "b", dimensionality: "matrix" }, { name: "c", optional: true }],
        "scalar",
        (...args) => {
          calls.push(args);
          return 1;
        },
      ),
      fake("TWICE", [{ name: "x" }], "scalar", (x) => (x as number) * 2),
      fake("ROWS", [{ name: "n" }], "matrix", (n) => Array.from({ length: n as number }, (_, i) => [i + 1])),
      fake("FAIL", [{ name: "code" }], "scalar", (code) => {
        throw new CustomFunctions.Error(
          code as CustomFunctions.ErrorCode,
          code === "#DIV/0!" ? undefined : `because ${code}`,
        );
      }),
      fake("BUG", [], "scalar", () => {
        throw new TypeError("x is undefined");
      }),
    ]);
  });
  afterAll(async () => registerProdFunctions(await loadProdFunctions()));

  it("passes empty cells and omitted arguments as null, and a one-cell matrix argument as [[value]]", () => {
    const hf = newEngine();
    calls.length = 0;
    hf.setCellContents({ sheet: 0, col: 0, row: 0 }, [["=PROD.ECHO(B1, C1)", null, 5]]);
    expect(calls.at(-1)).toEqual([null, [[5]], null]);
  });

  it("passes a range to a matrix parameter as rows of cells, blanks as null", () => {
    const hf = newEngine();
    calls.length = 0;
    hf.setCellContents({ sheet: 0, col: 1, row: 0 }, [
      [1, "x"],
      [null, true],
    ]);
    hf.setCellContents({ sheet: 0, col: 0, row: 5 }, [['=PROD.ECHO(7, B1:C2, "t")']]);
    expect(calls.at(-1)).toEqual([
      7,
      [
        [1, "x"],
        [null, true],
      ],
      "t",
    ]);
  });

  it("calls a scalar function once per cell of a range and spills the answers (Excel's lifting)", () => {
    const hf = newEngine();
    hf.setCellContents({ sheet: 0, col: 0, row: 0 }, [[1], [2], [3]]);
    hf.setCellContents({ sheet: 0, col: 1, row: 0 }, [["=PROD.TWICE(A1:A3)"]]);
    expect(hf.getSheetValues(0).map((row) => row[1])).toEqual([2, 4, 6]);
  });

  it.each([
    ["#VALUE!", "VALUE", "because #VALUE!"],
    ["#N/A", "NA", "because #N/A"],
    ["#DIV/0!", "DIV_BY_ZERO", ""],
  ])("shows a thrown %s as that error with its message", (code, type, message) => {
    const hf = newEngine();
    hf.setCellContents({ sheet: 0, col: 0, row: 0 }, [[`=PROD.FAIL("${code}")`]]);
    expect(hf.getCellValue({ sheet: 0, col: 0, row: 0 })).toMatchObject({ value: code, type, message });
  });

  it("shows anything else thrown as PROD's own fault, not the user's", () => {
    const hf = newEngine();
    hf.setCellContents({ sheet: 0, col: 0, row: 0 }, [["=PROD.BUG()"]]);
    expect(hf.getCellValue({ sheet: 0, col: 0, row: 0 })).toMatchObject({
      value: "#VALUE!",
      message: "PROD preview internal error, please report it: x is undefined",
    });
  });

  it("answers an error in an argument with that error, without calling the function", () => {
    const hf = newEngine();
    calls.length = 0;
    hf.setCellContents({ sheet: 0, col: 0, row: 0 }, [["=1/0", "=PROD.ECHO(A1, 1)"]]);
    expect(hf.getCellValue({ sheet: 0, col: 1, row: 0 })).toMatchObject({ value: "#DIV/0!" });
    expect(calls).toEqual([]);
  });

  it("grows and shrinks a spill when its answer changes size, as Excel does", () => {
    const hf = newEngine();
    hf.setCellContents({ sheet: 0, col: 0, row: 0 }, [[2, "=PROD.ROWS(A1)"]]);
    expect(hf.getSheetValues(0).map((row) => row[1] ?? null)).toEqual([1, 2]);
    hf.setCellContents({ sheet: 0, col: 0, row: 0 }, [[4]]);
    expect(respill(hf)).toBe(1);
    expect(hf.getSheetValues(0).map((row) => row[1] ?? null)).toEqual([1, 2, 3, 4]);
    hf.setCellContents({ sheet: 0, col: 0, row: 0 }, [[1]]);
    respill(hf);
    expect(hf.getSheetValues(0).map((row) => row[1] ?? null)).toEqual([1]);
    expect(respill(hf)).toBe(0);
  });

  it("answers a wrong number of arguments with #N/A saying how many it takes", () => {
    const hf = newEngine();
    hf.setCellContents({ sheet: 0, col: 0, row: 0 }, [["=PROD.ECHO(1)"]]);
    expect(hf.getCellValue({ sheet: 0, col: 0, row: 0 })).toMatchObject({
      value: "#N/A",
      message: "PROD.ECHO takes 2 to 3 arguments, got 1.",
    });
  });
});
