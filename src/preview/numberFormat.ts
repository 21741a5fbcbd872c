/*
 * Shows a cell's value the way Excel would with its number format, for the formats PROD writes
 * (money with parentheses for negatives, whole money, percents, quantities, text, dates) and the
 * usual custom-format syntax behind them: up to four sections `positive;negative;zero;text`,
 * `0` and `#` digits, `,` thousands, `%`, `_x` padding, `"quoted"` and `\` literals.
 */

import { fromNumber } from "../engine/money";

/** Splits a format into its sections at `;` outside quotes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      current += ch + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** Excel's General format: up to 10 significant digits, no thousands separators. */
function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9))
    return value
      .toExponential(5)
      .replace(/\.?0+e/, "e")
      .toUpperCase();
  return String(Number(value.toPrecision(10)));
}

/** Month names as Excel (en-US) shows them under "mmmm" ("mmm" is the first three letters). */
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** A day of Excel's calendar: month 1-12, weekday 0 (Sunday) to 6. */
export interface SerialDate {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

/**
 * An Excel date serial (1900 system, as on Windows and the web) as the day Excel shows for it.
 * Excel counts a 29 February 1900 ("Excel incorrectly assumes that the year 1900 is a leap year",
 * Microsoft, kept for Lotus 1-2-3): serial 1 is 1/1/1900, 60 is 2/29/1900, 61 is 3/1/1900, and 0
 * is 1/0/1900 (what a blank cell shows as a date). Weekdays run on from serial 1, a Sunday.
 */
export function serialDate(serial: number): SerialDate {
  const days = Math.floor(serial);
  const weekday = (((days + 6) % 7) + 7) % 7;
  if (days === 0) return { year: 1900, month: 1, day: 0, weekday };
  if (days === 60) return { year: 1900, month: 2, day: 29, weekday };
  const date = new Date(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday };
}

/** Date and time codes of a format section, quoted text and `\x` literals kept whole. */
const DATE_TIME_TOKEN = /"[^"]*"|\\.|yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p/gi;

/**
 * A date/time section (`m/d/yyyy`, `mmm d, yyyy`, `h:mm AM/PM`, `dddd`). As in Excel, `m` and `mm`
 * are minutes right after an hour code or right before a seconds code, else the month; with
 * AM/PM the hours run 1-12. Times are shown to the second Excel rounds them to.
 */
function formatDateTime(value: number, section: string): string {
  const date = serialDate(value);
  const seconds = Math.round((value - Math.floor(value)) * 86_400);
  const [hour, minute, second] = [
    Math.floor(seconds / 3600) % 24,
    Math.floor(seconds / 60) % 60,
    seconds % 60,
  ];
  const tokens = [...section.matchAll(DATE_TIME_TOKEN)];
  const codes = tokens
    .map((t) => t[0].toLowerCase())
    .filter((t) => !t.startsWith('"') && !t.startsWith("\\"));
  const twelveHour = codes.some((c) => c === "am/pm" || c === "a/p");
  const isMinute = (i: number) => {
    const before = codes[i - 1];
    const after = codes[i + 1];
    return before?.startsWith("h") || after?.startsWith("s");
  };
  const pad = (n: number) => String(n).padStart(2, "0");
  let code = -1;
  return section.replace(DATE_TIME_TOKEN, (token) => {
    if (token.startsWith('"')) return token.slice(1, -1);
    if (token.startsWith("\\")) return token.slice(1);
    code++;
    const lower = token.toLowerCase();
    switch (lower) {
      case "yyyy":
        return String(date.year);
      case "yy":
        return pad(date.year % 100);
      case "mmmmm":
        return MONTHS[date.month - 1][0];
      case "mmmm":
        return MONTHS[date.month - 1];
      case "mmm":
        return MONTHS[date.month - 1].slice(0, 3);
      case "mm":
        return pad(isMinute(code) ? minute : date.month);
      case "m":
        return String(isMinute(code) ? minute : date.month);
      case "dddd":
        return DAYS[date.weekday];
      case "ddd":
        return DAYS[date.weekday].slice(0, 3);
      case "dd":
        return pad(date.day);
      case "d":
        return String(date.day);
      case "hh":
      case "h": {
        const shown = twelveHour ? hour % 12 || 12 : hour;
        return lower === "hh" ? pad(shown) : String(shown);
      }
      case "ss":
        return pad(second);
      case "s":
        return String(second);
      case "am/pm":
        return hour < 12 ? "AM" : "PM";
      default:
        return hour < 12 ? "A" : "P";
    }
  });
}

/** Formats a non-negative number with one numeric section such as `#,##0.00_)` or `0.0%`. */
function formatSection(value: number, section: string): string {
  if (/[dmyhs]/i.test(section.replace(/"[^"]*"|\\./g, "")) && !/[#0?]/.test(section))
    return formatDateTime(value, section);
  const percent = /%/.test(section.replace(/"[^"]*"/g, ""));
  const scaled = percent ? value * 100 : value;
  // The digit pattern: from the first digit placeholder to the last.
  const match = /[#0?][#0?,]*(\.[#0?]*)?/.exec(
    section.replace(/"[^"]*"|\\./g, (m) => "\u0000".repeat(m.length)),
  );
  let digits = "";
  if (match) {
    const pattern = match[0];
    const decimals = match[1] ?? "";
    const minDecimals = (decimals.match(/0/g) ?? []).length;
    const maxDecimals = Math.max(0, decimals.length - 1);
    const grouped = pattern.includes(",");
    const minInteger = (pattern.split(".")[0].match(/0/g) ?? []).length;
    // Rounded as Excel shows it: the 15-digit value, half away from zero (binary toFixed shows
    // 1.005 as 1.00).
    let [int, frac = ""] = fromNumber(scaled).toFixed(maxDecimals).split(".");
    frac = frac.replace(/0+$/, "").padEnd(minDecimals, "0");
    if (int === "0" && minInteger === 0) int = "";
    int = int.padStart(minInteger, "0");
    if (grouped) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    // Excel keeps the point even when no decimals show ("#,##0.##" shows 12 as "12.").
    digits = decimals ? `${int}.${frac}` : int;
    section = section.slice(0, match.index) + "\u0001" + section.slice(match.index + pattern.length);
  }
  let out = "";
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === "\u0001") out += digits;
    else if (ch === "_") {
      out += " ";
      i++;
    } else if (ch === "\\") {
      out += section[i + 1] ?? "";
      i++;
    } else if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === "*") i++;
    else out += ch;
  }
  return out;
}

/** The text Excel shows for `value` under number format `format` (General when absent). */
export function formatValue(value: string | number | boolean | null, format?: string | null): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const parts = format ? sections(format) : [];
  if (typeof value === "string") {
    const textSection = parts[3] ?? (parts.length === 1 && parts[0].includes("@") ? parts[0] : undefined);
    return textSection ? textSection.replace(/@/g, value).replace(/"/g, "") : value;
  }
  if (!format || /^general$/i.test(format) || format === "@") return general(value);
  if (value < 0 && parts.length >= 2) return formatSection(-value, parts[1]);
  if (value === 0 && parts.length >= 3) return formatSection(0, parts[2]);
  const text = formatSection(Math.abs(value), parts[0]);
  return value < 0 ? `-${text}` : text;
}
