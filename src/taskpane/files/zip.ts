/**
 * Reading entries of a ZIP archive (an .xlsx is one) that is already in memory, one entry at a
 * time, so a large entry can be inflated in slices with the pane's event loop given back between
 * them. Only what .xlsx files use is supported: stored (0) and deflated (8) entries, found through
 * the central directory (PKWARE APPNOTE 6.3.10, sections 4.3.12 and 4.3.16).
 *
 * Not supported, with a plain message: ZIP64 archives (over 4 GB or 65,535 entries; no ledger
 * export comes near either) and encrypted entries.
 */
import { Inflate, inflateSync } from "fflate";

/** An archive the reader cannot use; the message says why, in words for the user. */
export class ZipError extends Error {
  override readonly name = "ZipError";
}

/** One file in the archive, as its central directory describes it. */
export interface ZipEntry {
  /** Path inside the archive, e.g. "xl/worksheets/sheet1.xml". */
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
  /** The CRC-32 of the entry's uncompressed bytes (APPNOTE 4.4.7): a damaged part fails it. */
  readonly crc: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const UTF8 = new TextDecoder("utf-8");

/** The entries of a ZIP archive, by name. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is the last thing in the file, before a comment of up
  // to 65,535 bytes.
  let eocd = -1;
  for (let i = bytes.length - EOCD_MIN; i >= Math.max(0, bytes.length - EOCD_MIN - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    // An .xlsx is a ZIP archive: one starts with a local header, and ends with the list of its
    // parts. Say which of the usual reasons it is, in the user's words (issue 17).
    if (bytes.length === 0) throw new ZipError("it is empty (0 bytes)");
    if (bytes.length >= 4 && view.getUint32(0, true) === LOCAL_SIGNATURE)
      throw new ZipError(
        "it is cut short or damaged: the end of the file, which lists its parts, is missing",
      );
    throw new ZipError("there is no workbook inside it (it may be a CSV or another file renamed .xlsx)");
  }
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    throw new ZipError("it is over 4 GB or has over 65,535 parts, which the pane does not read");
  }
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_SIGNATURE) {
      throw new ZipError("it is damaged: its list of parts cannot be read");
    }
    const flags = view.getUint16(p + 8, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const name = UTF8.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (flags & 1) throw new ZipError("it is encrypted");
    entries.set(name, {
      name,
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
      crc: view.getUint32(p + 16, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The stored (maybe compressed) bytes of an entry. */
function storedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw new ZipError(`${partWords(entry.name)} is damaged`);
  }
  // The local header's own name and extra lengths, which may differ from the central directory's.
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length)
    throw new ZipError(`${partWords(entry.name)} is cut short`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipError(
      `${partWords(entry.name)} is packed in a way (method ${entry.method}) Excel does not write`,
    );
  }
  return bytes.subarray(start, start + entry.compressedSize);
}

/** A part of a workbook as the user can picture it: "the sheet data (xl/worksheets/sheet1.xml)". */
function partWords(name: string): string {
  const what = /^xl\/worksheets\//i.test(name)
    ? "the sheet data"
    : /^xl\/workbook\.xml$/i.test(name)
      ? "the workbook part (its list of sheets)"
      : /sharedStrings/i.test(name)
        ? "the text of the cells"
        : "the part";
  return `${what} (${name})`;
}

/** CRC-32 (ISO 3309, the ZIP checksum) of each byte value, for {@link crc32}. */
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** Continues a CRC-32 over more bytes (start with 0). */
function crc32(crc: number, data: Uint8Array): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * Checks the bytes read against the entry's size and checksum: a stored (not compressed) part
 * that was damaged reads without an error, and would be taken as the file's content (a lost
 * header row, a workbook with no sheets) unless checked.
 */
function checkEntry(entry: ZipEntry, size: number, crc: number): void {
  if (size !== entry.size || crc !== entry.crc) throw new ZipError(`${partWords(entry.name)} is damaged`);
}

/** The message for a part that would not inflate (fflate's own words are for programmers). */
function damaged(entry: ZipEntry, e: unknown): ZipError {
  if (e instanceof ZipError) return e;
  if (!(e instanceof Error) || !("code" in e)) throw e;
  return new ZipError(`${partWords(entry.name)} is damaged`);
}

/** A whole entry's bytes, for the small parts of a workbook. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const stored = storedBytes(bytes, entry);
  let data: Uint8Array;
  try {
    data = entry.method === 0 ? stored : inflateSync(stored, { out: new Uint8Array(entry.size) });
  } catch (e) {
    throw damaged(entry, e);
  }
  checkEntry(entry, data.length, crc32(0, data));
  return data;
}

/**
 * Inflates an entry in slices of `sliceBytes` compressed bytes, handing each piece of output to
 * `onData` and awaiting `between(doneFraction)` after every slice (where the caller may yield to
 * the pane, report progress and check for Cancel). The output's checksum is checked at the end:
 * a damaged part throws a ZipError after its last piece, and the caller drops what it read.
 */
export async function streamEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  onData: (chunk: Uint8Array, final: boolean) => void,
  between: (fraction: number) => Promise<void>,
  sliceBytes = 64 * 1024,
): Promise<void> {
  const stored = storedBytes(bytes, entry);
  let size = 0;
  let crc = 0;
  const counted = (chunk: Uint8Array, final: boolean) => {
    size += chunk.length;
    crc = crc32(crc, chunk);
    onData(chunk, final);
  };
  const inflater = entry.method === 8 ? new Inflate(counted) : undefined;
  if (stored.length === 0) {
    counted(new Uint8Array(0), true);
    checkEntry(entry, size, crc);
    return;
  }
  for (let at = 0; at < stored.length; at += sliceBytes) {
    const slice = stored.subarray(at, at + sliceBytes);
    const final = at + sliceBytes >= stored.length;
    try {
      if (inflater) inflater.push(slice, final);
      else counted(slice, final);
    } catch (e) {
      throw damaged(entry, e);
    }
    await between(Math.min(1, (at + slice.length) / stored.length));
  }
  checkEntry(entry, size, crc);
}
