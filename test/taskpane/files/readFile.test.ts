/**
 * @jest-environment node
 */
// Reading files needs no DOM; Node has TextEncoder/TextDecoder, which jsdom lacks.
import {
  detectDelimiter,
  FileReadError,
  fileKind,
  parseCsv,
  readSheetFile,
} from "../../../src/taskpane/files/readFile";
import { guessMapping, readBidRows } from "../../../src/engine/bids";
import { makeXlsx } from "./xlsxFixture";
import { describeError } from "../../../src/taskpane/shell/messages";

const bytes = (text: string) => {
  const u8 = new TextEncoder().encode(text);
  return u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength) as ArrayBuffer;
};

describe("reading CSV bids", () => {
  it("keeps every cell as the text the file holds, quotes and commas included", () => {
    expect(parseCsv('\uFEFFItem,Day rate\r\n"Alexa 35, full pkg","$2,500.00"\r\n=1+1,10%\r\n')).toEqual([
      ["Item", "Day rate"],
      ["Alexa 35, full pkg", "$2,500.00"],
      ["=1+1", "10%"],
    ]);
  });

  it("detects semicolon and tab separators", () => {
    expect(parseCsv("Item;Rate\nDolly;300")).toEqual([
      ["Item", "Rate"],
      ["Dolly", "300"],
    ]);
    expect(parseCsv("Item\tRate\nDolly\t300")).toEqual([
      ["Item", "Rate"],
      ["Dolly", "300"],
    ]);
  });

  it.each([
    ["a tab file with a comma in the amount", "Acct\tAmount\n2501\t1,250.00", "\t"],
    [
      "a 3-column tab file with one comma in a description and one in an amount",
      "Acct\tDescription\tAmount\n2501\tDolly, crane\t1,250.00",
      "\t",
    ],
    [
      "a comma file with a semicolon in a description",
      'Acct,Description,Amount\n2501,"Grip; key",1\n3301,Lens,2',
      ",",
    ],
    ["a bar file", "Acct|Amount\n2501|1,250.00\n3301|9", "|"],
    ["a single column", "Acct\n2501", ","],
  ])("detects the delimiter of %s", (_what, text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it("splits a tab file by tabs even when its amounts have commas", () => {
    expect(parseCsv("Acct\tAmount\n2501\t1,250.00")).toEqual([
      ["Acct", "Amount"],
      ["2501", "1,250.00"],
    ]);
  });

  it("reads an empty file as no rows", async () => {
    expect((await readSheetFile("empty.csv", bytes(""))).sheets[0].rows).toEqual([]);
  });
});

describe("reading XLSX bids", () => {
  it("reads every sheet with numbers as numbers and text as text", async () => {
    const data = makeXlsx([
      {
        name: "Quote",
        rows: [
          ["Item", "Qty", "Day rate", "Taxable"],
          ["=cmd|' /C calc'!A0", 2, 2500.5, true],
        ],
      },
      { name: "Terms", rows: [["Discount", "10%"]] },
    ]);
    const file = await readSheetFile("acme.xlsx", data);
    expect(file.sheets.map((s) => s.name)).toEqual(["Quote", "Terms"]);
    expect(file.sheets[0].rows).toEqual([
      ["Item", "Qty", "Day rate", "Taxable"],
      ["=cmd|' /C calc'!A0", 2, 2500.5, true],
    ]);
  });

  it("leaves out hidden sheets, as the vendor's reader in Excel would not see them", async () => {
    const data = makeXlsx([
      { name: "Rates", rows: [["lookup"]], hidden: true },
      { name: "Quote", rows: [["Item", "Day rate"]] },
    ]);
    expect((await readSheetFile("acme.xlsx", data)).sheets.map((s) => s.name)).toEqual(["Quote"]);
  });

  it("says what to do with a file that is not really a workbook", async () => {
    await expect(readSheetFile("broken.xlsx", bytes("not a zip"))).rejects.toThrow(FileReadError);
    await expect(readSheetFile("broken.xlsx", bytes("not a zip"))).rejects.toThrow(/save it as .xlsx or CSV/);
  });
});

/** A copy of a workbook's bytes with `count` bytes from the first `marker` scribbled over. */
function scribble(data: ArrayBuffer, marker: string, count: number): ArrayBuffer {
  const u8 = new Uint8Array(data.slice(0));
  const at = Buffer.from(u8).indexOf(marker);
  for (let i = at; i < at + count; i++) u8[i] ^= 0x55;
  return u8.buffer;
}

// Issue 17: a corrupt .xlsx said "Something went wrong ... please report it". A damaged file is
// the file's fault, not the pane's: the message says what is wrong with it and what to do.
describe("a corrupt .xlsx is answered in plain words", () => {
  const quote = (level: 0 | 6) =>
    makeXlsx(
      [
        {
          name: "Quote",
          rows: [
            ["Item", "Day rate"],
            ["Dolly", 300],
          ],
        },
      ],
      { level },
    );
  it.each([
    [
      "an empty file",
      () => new ArrayBuffer(0),
      /could not be read as an Excel workbook: it is empty \(0 bytes\)/,
    ],
    ["a file cut short", () => quote(6).slice(0, 300), /is cut short or damaged/],
    ["a renamed text file", () => bytes("Item,Day rate\nDolly,300"), /there is no workbook inside it/],
    // Stored (not compressed) parts: only their checksum tells the damage.
    ["a damaged sheet", () => scribble(quote(0), "<sheetData", 40), /the sheet data .* is damaged/],
    ["a damaged sheet list", () => scribble(quote(0), "<sheets", 40), /the workbook part .* is damaged/],
    ["a damaged compressed sheet", () => scribble(quote(6), "xl/worksheets/sheet1.xml", 60), /is damaged/],
  ])("%s", async (_case, make, words) => {
    const error = await readSheetFile("bid.xlsx", make()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileReadError);
    const message = describeError(error);
    expect(message.body).toMatch(words);
    expect(message.body).toMatch(/Open it in Excel and save it as \.xlsx or CSV/);
    expect(message.body).not.toMatch(/report it|went wrong|EOF|ZIP/i);
    expect(message.title).not.toMatch(/went wrong/);
  });
});

it.each([
  ["bid.csv", "csv"],
  ["BID.XLSX", "xlsx"],
  ["quote.tsv", "csv"],
  ["quote.pdf", undefined],
])("knows %s is %s", (name, kind) => {
  expect(fileKind(name)).toBe(kind);
});

it("turns away a PDF with what to do instead", async () => {
  await expect(readSheetFile("quote.pdf", bytes("%PDF"))).rejects.toThrow(/not a CSV or .xlsx file/);
});

describe("1,000-line bid files", () => {
  const header = ["Item", "Qty", "Days", "Day rate", "Taxable"];
  const lines = Array.from({ length: 1000 }, (_, i) => [
    `Item ${i}`,
    1 + (i % 3),
    "5+5+2",
    100 + i,
    i % 2 === 0,
  ]);

  it.each([
    ["CSV", "big.csv", () => bytes([header, ...lines].map((row) => row.join(",")).join("\n"))],
    ["XLSX", "big.xlsx", () => makeXlsx([{ name: "Bid", rows: [header, ...lines] }])],
  ])("reads every line of a %s and maps it without a problem", async (_kind, name, make) => {
    const file = await readSheetFile(name, make());
    const rows = file.sheets[0].rows;
    const read = readBidRows(rows.slice(1), guessMapping(rows[0]));
    expect(read.problems).toEqual([]);
    expect(read.lines).toHaveLength(1000);
    expect(read.lines[999]).toMatchObject({ item: "Item 999", row: 1001 });
    expect(read.lines[999].dayRate.toString()).toBe("1099");
    expect(read.lines[999].taxable).toBe(false);
  });
});
