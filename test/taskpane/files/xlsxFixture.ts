import { strToU8, zipSync } from "fflate";

/** Escapes text for XML, and a literal `_xHHHH_` as Excel does (`_x005F_` is an underscore). */
const xml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/_(?=x[0-9a-fA-F]{4}_)/g, "_x005F_");

/** Column letters of a 0-based index. */
export const col = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : col(Math.floor(i / 26) - 1) + col(i % 26);

/** A cell the fixture can write. */
export type FixtureCell =
  | string
  | number
  | boolean
  | null
  /** A number shown in a number format: a built-in id (14 = m/d/yyyy) or a custom code. */
  | { n: number; format: number | string }
  | { error: string }
  /** A formula with its cached result (t="str" for text). */
  | { formula: string; cached: number | string };

export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
  hidden?: boolean;
}

export interface FixtureOptions {
  /** Where text goes: inline strings (default) or the shared-string table. */
  strings?: "inline" | "shared";
  /** A namespace prefix on every SpreadsheetML element, as the Open XML SDK writes ("x"). */
  prefix?: string;
  date1904?: boolean;
  /** 0 stores the parts uncompressed. */
  level?: 0 | 6;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * A minimal but valid .xlsx, built here so the tests need no spreadsheet writer: one or more
 * sheets of numbers, text (inline or shared), booleans, errors, formulas with cached values and
 * numbers in date or other number formats.
 */
export function makeXlsx(sheets: FixtureSheet[], options: FixtureOptions = {}): ArrayBuffer {
  const p = options.prefix ? `${options.prefix}:` : "";
  const ns = options.prefix ? `xmlns:${options.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const formats: string[] = [];
  const styles: number[] = [0]; // numFmtId per cellXfs entry; entry 0 is General
  const styleOf = (format: number | string): number => {
    let id: number;
    if (typeof format === "number") id = format;
    else {
      const known = formats.indexOf(format);
      id = 164 + (known >= 0 ? known : formats.push(format) - 1);
    }
    const at = styles.indexOf(id);
    return at >= 0 ? at : styles.push(id) - 1;
  };
  const text = (ref: string, v: string) => {
    if (options.strings !== "shared")
      return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${xml(v)}</${p}t></${p}is></${p}c>`;
    if (!sharedIndex.has(v)) sharedIndex.set(v, shared.push(v) - 1);
    return `<${p}c r="${ref}" t="s"><${p}v>${sharedIndex.get(v)}</${p}v></${p}c>`;
  };
  const cell = (v: FixtureCell, ref: string): string => {
    if (v === null) return "";
    if (typeof v === "number") return `<${p}c r="${ref}"><${p}v>${v}</${p}v></${p}c>`;
    if (typeof v === "boolean") return `<${p}c r="${ref}" t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
    if (typeof v === "string") return text(ref, v);
    if ("error" in v) return `<${p}c r="${ref}" t="e"><${p}v>${xml(v.error)}</${p}v></${p}c>`;
    if ("formula" in v) {
      const t = typeof v.cached === "string" ? ` t="str"` : "";
      return `<${p}c r="${ref}"${t}><${p}f>${xml(v.formula)}</${p}f><${p}v>${xml(String(v.cached))}</${p}v></${p}c>`;
    }
    return `<${p}c r="${ref}" s="${styleOf(v.format)}"><${p}v>${v.n}</${p}v></${p}c>`;
  };

  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
  };
  sheets.forEach((s, si) => {
    const rows = s.rows
      .map(
        (row, r) =>
          `<${p}row r="${r + 1}">${row.map((v, c) => cell(v, `${col(c)}${r + 1}`)).join("")}</${p}row>`,
      )
      .join("");
    files[`xl/worksheets/sheet${si + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}worksheet ${ns}><${p}sheetData>${rows}</${p}sheetData></${p}worksheet>`,
    );
  });
  const rels = sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(
    `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`,
  );
  if (shared.length > 0) {
    rels.push(
      `<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`,
    );
    files["xl/sharedStrings.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}sst ${ns} count="${shared.length}" uniqueCount="${shared.length}">${shared
        .map((v) => `<${p}si><${p}t xml:space="preserve">${xml(v)}</${p}t></${p}si>`)
        .join("")}</${p}sst>`,
    );
  }
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  files["xl/styles.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}styleSheet ${ns}><${p}numFmts count="${formats.length}">${formats
      .map((f, i) => `<${p}numFmt numFmtId="${164 + i}" formatCode="${xml(f).replace(/"/g, "&quot;")}"/>`)
      .join(
        "",
      )}</${p}numFmts><${p}cellStyleXfs count="1"><${p}xf numFmtId="14"/></${p}cellStyleXfs><${p}cellXfs count="${styles.length}">${styles
      .map((id) => `<${p}xf numFmtId="${id}" applyNumberFormat="1"/>`)
      .join("")}</${p}cellXfs></${p}styleSheet>`,
  );
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${
      options.date1904 ? `<${p}workbookPr date1904="1"/>` : ""
    }<${p}sheets>${sheets
      .map(
        (s, i) =>
          `<${p}sheet name="${xml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`,
      )
      .join("")}</${p}sheets></${p}workbook>`,
  );
  const zipped = zipSync(files, { level: options.level ?? 6 });
  return zipped.buffer.slice(zipped.byteOffset, zipped.byteOffset + zipped.byteLength) as ArrayBuffer;
}
