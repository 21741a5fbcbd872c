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
  if (eocd < 0) throw new ZipError("it is not a ZIP archive (an .xlsx file is one)");
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    throw new ZipError("it is a ZIP64 archive (over 4 GB), which the pane does not read");
  }
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_SIGNATURE) {
      throw new ZipError("its table of contents is damaged");
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
    throw new ZipError(`the part ${entry.name} is damaged`);
  }
  // The local header's own name and extra lengths, which may differ from the central directory's.
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ZipError(`the part ${entry.name} is cut short`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipError(
      `the part ${entry.name} uses a compression method (${entry.method}) Excel does not write`,
    );
  }
  return bytes.subarray(start, start + entry.compressedSize);
}

/** A whole entry's bytes, for the small parts of a workbook. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const stored = storedBytes(bytes, entry);
  if (entry.method === 0) return stored;
  try {
    return inflateSync(stored, { out: new Uint8Array(entry.size) });
  } catch (e) {
    throw new ZipError(`the part ${entry.name} is damaged (${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * Inflates an entry in slices of `sliceBytes` compressed bytes, handing each piece of output to
 * `onData` and awaiting `between(doneFraction)` after every slice (where the caller may yield to
 * the pane, report progress and check for Cancel).
 */
export async function streamEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  onData: (chunk: Uint8Array, final: boolean) => void,
  between: (fraction: number) => Promise<void>,
  sliceBytes = 64 * 1024,
): Promise<void> {
  const stored = storedBytes(bytes, entry);
  const inflater = entry.method === 8 ? new Inflate(onData) : undefined;
  if (stored.length === 0) {
    onData(new Uint8Array(0), true);
    return;
  }
  for (let at = 0; at < stored.length; at += sliceBytes) {
    const slice = stored.subarray(at, at + sliceBytes);
    const final = at + sliceBytes >= stored.length;
    try {
      if (inflater) inflater.push(slice, final);
      else onData(slice, final);
    } catch (e) {
      if (!(e instanceof Error) || e instanceof ZipError || !("code" in e)) throw e;
      throw new ZipError(`the part ${entry.name} is damaged (${e.message})`);
    }
    await between(Math.min(1, (at + slice.length) / stored.length));
  }
}
