/**
 * @jest-environment node
 */
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { PortError } from "../../../src/excel/port";
import type { FileCell } from "../../../src/taskpane/files/readFile";
import { zipEntries } from "../../../src/taskpane/files/zip";
import {
  isDateFormat,
  serialDateText,
  XlsxError,
  XlsxWorkbook,
  type SheetReadOptions,
} from "../../../src/taskpane/files/xlsx";
import { makeXlsx, type FixtureCell, type FixtureOptions } from "./xlsxFixture";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Every row of a sheet, with the batches it came in. */
async function readAll(
  data: ArrayBuffer | Uint8Array,
  sheet = 0,
  options: Partial<SheetReadOptions> = {},
): Promise<FileCell[][]> {
  const rows: FileCell[][] = [];
  await XlsxWorkbook.open(data).readSheet(sheet, {
    ...options,
    onRows: (batch, first) => {
      expect(first).toBe(rows.length);
      rows.push(...batch);
    },
  });
  return rows;
}

const one = (rows: FixtureCell[][], options?: FixtureOptions) => makeXlsx([{ name: "S", rows }], options);

describe("cell values", () => {
  it.each<[string, FixtureOptions]>([
    ["inline strings", {}],
    ["shared strings", { strings: "shared" }],
    ["an x: prefix on every element (Open XML SDK)", { strings: "shared", prefix: "x" }],
    ["stored, uncompressed parts", { strings: "shared", level: 0 }],
  ])("reads text, numbers, booleans, errors and formulas with %s", async (_what, options) => {
    const data = one(
      [
        ["Vendor", "Amount", "Taxable", "Check"],
        ["Panavision & Sons <LA>", 1234.56, true, { error: "#N/A" }],
        ['=HYPERLINK("x")', -250, false, { formula: "B2+B3", cached: 984.56 }],
        ["  padded  ", 0.1, null, { formula: 'A2&"!"', cached: "Panavision & Sons <LA>!" }],
      ],
      options,
    );
    expect(await readAll(data)).toEqual([
      ["Vendor", "Amount", "Taxable", "Check"],
      ["Panavision & Sons <LA>", 1234.56, true, "#N/A"],
      ['=HYPERLINK("x")', -250, false, 984.56],
      ["  padded  ", 0.1, null, "Panavision & Sons <LA>!"],
    ]);
  });

  it("reads numbers in date formats as ISO dates, and leaves other formats as numbers", async () => {
    const rows = await readAll(
      one([
        [
          { n: 46328, format: 14 }, // m/d/yyyy
          { n: 46328.604166666664, format: 22 }, // m/d/yyyy h:mm
          { n: 0.6041666666666666, format: 20 }, // h:mm: a time of day stays a number
          { n: 46328, format: "dd-mmm-yyyy" },
          { n: 46328, format: "[$-409]mmmm d, yyyy;@" },
          { n: 1.5, format: '#,##0.00 "days"' },
          { n: -3, format: "[Red]-#,##0.00" },
          { n: 30.25, format: "[h]:mm" },
          { n: 0.0725, format: 10 }, // 0.00%
        ],
      ]),
    );
    expect(rows).toEqual([
      [
        "2026-11-02",
        "2026-11-02T14:30:00",
        0.6041666666666666,
        "2026-11-02",
        "2026-11-02",
        1.5,
        -3,
        30.25,
        0.0725,
      ],
    ]);
  });

  it("reads formats from the workbook's own list, and a cell without a style as style 0", async () => {
    // Style 0 shows dates; style 1 uses custom format 164, an amount. A conditional format (dxf)
    // reuses id 164 for a date: it must not turn the amounts into dates.
    const styles = `<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts><cellXfs count="2"><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs><dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></dxf></dxfs></styleSheet>`;
    const sheet = `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1"><v>46328</v></c><c r="B1" s="0"><v>46328</v></c><c r="C1" s="1"><v>1250.5</v></c></row></sheetData></worksheet>`;
    expect(await readAll(withSheetXml(sheet, undefined, styles))).toEqual([
      ["2026-11-02", "2026-11-02", 1250.5],
    ]);
  });

  it("honours the 1904 date system", async () => {
    // The systems are 1,462 days apart: 2026-11-02 is 46328 in 1900 and 44866 in 1904.
    expect(await readAll(one([[{ n: 44866, format: 14 }]], { date1904: true }))).toEqual([["2026-11-02"]]);
  });

  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [60, "1900-02-29"], // Excel's phantom leap day, kept for Lotus 1-2-3
    [61, "1900-03-01"],
    [46328.99999999, "2026-11-03"], // rounds to the second, carrying into the next day
    [45658.5, "2025-01-01T12:00:00"],
  ])("dates serial %d as %s", (serial, iso) => {
    expect(serialDateText(serial, false)).toBe(iso);
  });

  it.each([
    ["m/d/yyyy", true],
    ["yyyy-mm-dd hh:mm", true],
    ["mmm-yy", true],
    ["h:mm AM/PM", false],
    ["[h]:mm:ss", false],
    ['0.00 "days"', false],
    ["#,##0.00_);[Red](#,##0.00)", false],
    ["General", false],
    ["\\d0", false],
  ])("knows whether %s is a date format (%s)", (code, date) => {
    expect(isDateFormat(code)).toBe(date);
  });
});

describe("layout", () => {
  it("keeps Excel's row and column numbers: gaps are empty, trailing blanks are left off", async () => {
    const data = one([["Account", null, "Amount"], [], [null, null, null], [2501, null, 100, null], []]);
    expect(await readAll(data)).toEqual([["Account", null, "Amount"], [], [], [2501, null, 100]]);
  });

  it("reads rows and cells written without their r attributes, and empty values as empty cells", async () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c><v>1</v></c><c t="inlineStr"><is><t>two</t></is></c><c><v></v></c><c t="b"><v> </v></c><c><v>5</v></c></row><row><c r="C2"><v>3</v></c></row></sheetData></worksheet>`;
    expect(await readAll(withSheetXml(sheet))).toEqual([
      [1, "two", null, null, 5],
      [null, null, 3],
    ]);
  });

  it("lists sheets in the workbook's tab order, with hidden ones marked", () => {
    const book = XlsxWorkbook.open(
      makeXlsx([
        { name: "GL Detail", rows: [["a"]] },
        { name: "Lookups", rows: [["b"]], hidden: true },
        { name: "Notes & <misc>", rows: [["c"]] },
      ]),
    );
    expect(book.sheets).toEqual([
      { name: "GL Detail", hidden: false },
      { name: "Lookups", hidden: true },
      { name: "Notes & <misc>", hidden: false },
    ]);
  });

  it("lists worksheets only: a chart sheet has no cells", async () => {
    const rel = (id: string, kind: string, target: string) =>
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}" Target="${target}"/>`;
    const bytes = zipSync({
      "xl/workbook.xml": strToU8(
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Variance chart" sheetId="1" r:id="rId1"/><sheet name="GL" sheetId="2" r:id="rId2"/></sheets></workbook>`,
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "chartsheet", "chartsheets/sheet1.xml")}${rel("rId2", "worksheet", "worksheets/sheet1.xml")}</Relationships>`,
      ),
      "xl/chartsheets/sheet1.xml": strToU8(
        `<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`,
      ),
      "xl/worksheets/sheet1.xml": strToU8(
        `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>`,
      ),
    });
    const book = XlsxWorkbook.open(bytes);
    expect(book.sheets).toEqual([{ name: "GL", hidden: false }]);
    expect(await readAll(bytes)).toEqual([[7]]);
  });

  it("joins rich-text runs, leaves phonetic guides out and decodes escapes", async () => {
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><rPr><b/></rPr><t>Grip </t></r><r><t xml:space="preserve">truck</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t>line 1_x000D_
line 2 &amp; _x005F_x000D_ &#169; &#x1F3AC;</t></si><si><t/></si></sst>`;
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row></sheetData></worksheet>`;
    expect(await readAll(withSheetXml(sheet, sst))).toEqual([
      ["Grip truck", "東京", "line 1\r\nline 2 & _x000D_ © 🎬", ""],
    ]);
  });
});

/** Whether XML 1.0 can hold the text (Excel escapes the rest as _xHHHH_). */
const xmlCanHold = (s: string) =>
  [...s].every((ch) => {
    const c = ch.codePointAt(0) ?? 0;
    return (
      c === 9 || c === 10 || c === 13 || (c >= 0x20 && c < 0xd800) || (c > 0xdfff && c < 0xfffe) || c > 0xffff
    );
  });

describe("streaming", () => {
  const cellArb: fc.Arbitrary<FixtureCell> = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc
      .double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 })
      .map((n) => (Object.is(n, -0) ? 0 : n)),
    fc.string({ unit: "binary", maxLength: 12 }).filter(xmlCanHold),
  );

  it("gives the same rows whatever size of slice the file is read in", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellArb, { maxLength: 6 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom<FixtureOptions["strings"]>("inline", "shared"),
        fc.integer({ min: 1, max: 300 }),
        async (grid, strings, sliceBytes) => {
          const data = one(grid, { strings });
          const whole = await readAll(data);
          expect(await readAll(data, 0, { sliceBytes })).toEqual(whole);
          // What went in comes out, but for the blanks the reader leaves off.
          const expected = grid.map((row) => {
            const cells = [...row];
            while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
            return cells;
          });
          while (expected.length > 0 && expected[expected.length - 1].length === 0) expected.pop();
          expect(whole).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });

  const ledger = (lines: number) =>
    one(
      [
        ["Account", "Vendor", "Amount"],
        ...Array.from({ length: lines }, (_, i) => [2500 + (i % 40), `Vendor ${i % 997}`, (i % 1000) / 4]),
      ],
      { strings: "shared" },
    );

  it("reports progress that only goes up, to 1, in batches that keep the row numbers", async () => {
    const progress: number[] = [];
    const batches: number[] = [];
    const rows: FileCell[][] = [];
    await XlsxWorkbook.open(ledger(20_000)).readSheet(0, {
      sliceBytes: 16 * 1024,
      holdMs: 0, // yield after every slice, however fast this machine is
      onProgress: (f) => progress.push(f),
      onRows: (batch, first) => {
        expect(first).toBe(rows.length);
        batches.push(batch.length);
        rows.push(...batch);
      },
    });
    expect(rows).toHaveLength(20_001);
    expect(rows[20_000]).toEqual([2500 + (19_999 % 40), `Vendor ${19_999 % 997}`, (19_999 % 1000) / 4]);
    expect(batches.length).toBeGreaterThan(3);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(1);
  });

  it("stops at Cancel, between slices", async () => {
    const controller = new AbortController();
    let rowsSeen = 0;
    const read = XlsxWorkbook.open(ledger(20_000)).readSheet(0, {
      sliceBytes: 16 * 1024,
      holdMs: 0,
      signal: controller.signal,
      onRows: (batch) => {
        rowsSeen += batch.length;
        controller.abort();
      },
    });
    await expect(read).rejects.toMatchObject({ constructor: PortError, kind: "cancelled" });
    expect(rowsSeen).toBeGreaterThan(0);
    expect(rowsSeen).toBeLessThan(20_001);
  });

  it("previews from the strings its first rows use, not the whole shared-string table", async () => {
    const rows: FixtureCell[][] = [["Account", "Description", "Amount"]];
    for (let i = 0; i < 5_000; i++) rows.push([2501, `Line ${i} of a long season`, i]);
    const bytes = new Uint8Array(one(rows, { strings: "shared" }));
    // Damage the second half of the compressed table: only a read that goes that far notices.
    const entry = zipEntries(bytes).get("xl/sharedStrings.xml")!;
    const start =
      entry.localHeaderOffset +
      30 +
      bytes[entry.localHeaderOffset + 26] +
      bytes[entry.localHeaderOffset + 28];
    bytes.fill(0xff, start + Math.floor(entry.compressedSize / 2), start + entry.compressedSize);

    const preview = await readAll(bytes, 0, { maxRows: 3, sliceBytes: 512 });
    expect(preview).toEqual([
      ["Account", "Description", "Amount"],
      [2501, "Line 0 of a long season", 0],
      [2501, "Line 1 of a long season", 1],
    ]);
    await expect(readAll(bytes, 0, { sliceBytes: 512 })).rejects.toThrow(/damaged/);
  });

  it("reads only as many rows as a preview needs", async () => {
    const rows = await readAll(ledger(20_000), 0, { maxRows: 30 });
    expect(rows).toHaveLength(30);
    expect(rows[29]).toEqual([2500 + 28, "Vendor 28", 28 / 4]);
  });
});

describe("files that are not workbooks", () => {
  it.each([
    ["text", strToU8("Account,Amount\n2501,100"), /no workbook inside it/],
    [
      "a password-protected workbook",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      /password-protected/,
    ],
    ["a ZIP without a workbook", zipSync({ "readme.txt": strToU8("hello") }), /no workbook part/],
    ["a workbook cut short", new Uint8Array(one([["a"]])).subarray(0, 200), /cut short or damaged/],
  ])("says so for %s", (_what, bytes, message) => {
    expect(() => XlsxWorkbook.open(bytes)).toThrow(XlsxError);
    expect(() => XlsxWorkbook.open(bytes)).toThrow(message);
  });

  it("says a damaged sheet part is damaged", async () => {
    const bytes = new Uint8Array(one([["a", 1]], { level: 6 }));
    const book = XlsxWorkbook.open(bytes);
    // Scribble over the compressed sheet part (the first entry written after the rels).
    const sheetAt = findLocalHeader(bytes, "xl/worksheets/sheet1.xml");
    const dataAt = sheetAt + 30 + "xl/worksheets/sheet1.xml".length;
    bytes.fill(0xff, dataAt, dataAt + 10);
    await expect(book.readSheet(0, { onRows: () => undefined })).rejects.toThrow(/damaged/);
  });
});

/** A workbook whose first sheet (and shared strings) are the given XML. */
function withSheetXml(sheetXml: string, sharedStringsXml?: string, stylesXml?: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "xl/workbook.xml": strToU8(
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    // An absolute target, as some writers use.
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(sheetXml),
  };
  // No relationship for the shared strings: the reader falls back to the usual part name.
  if (sharedStringsXml) files["xl/sharedStrings.xml"] = strToU8(sharedStringsXml);
  if (stylesXml) files["xl/styles.xml"] = strToU8(stylesXml);
  return zipSync(files);
}

/** Where a part's local header starts in a ZIP. */
function findLocalHeader(bytes: Uint8Array, name: string): number {
  const needle = strToU8(name);
  for (let i = 0; i < bytes.length - 30; i++) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && bytes[i + 3] === 4) {
      const nameLength = bytes[i + 26] | (bytes[i + 27] << 8);
      if (nameLength === needle.length && needle.every((b, k) => bytes[i + 30 + k] === b)) return i;
    }
  }
  throw new Error(`no part ${name}`);
}

describe("workbooks written by spreadsheet programs (test/fixtures/xlsx/README.md)", () => {
  const dir = path.join(__dirname, "../../fixtures/xlsx");
  const fixtures = fs.readdirSync(dir).filter((f) => f.endsWith(".xlsx"));

  it("has the fixtures", () => {
    expect(fixtures).toEqual(["ledger-libreoffice.xlsx", "openpyxl-1904.xlsx", "openpyxl-shared.xlsx"]);
  });

  it.each(fixtures)("reads %s as its generator wrote it", async (name) => {
    const bytes = fs.readFileSync(path.join(dir, name));
    const expected = JSON.parse(
      fs.readFileSync(path.join(dir, name.replace(/xlsx$/, "expected.json")), "utf8"),
    ) as {
      sheets: { name: string; rows: FileCell[][] }[];
    };
    const book = XlsxWorkbook.open(bytes);
    expect(book.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    for (const [i, sheet] of expected.sheets.entries()) {
      expect(await readAll(bytes, i)).toEqual(sheet.rows);
    }
  });
});
