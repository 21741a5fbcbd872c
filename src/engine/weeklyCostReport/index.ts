/** The weekly cost report engine: build, ledger mapping, cut-offs and amounts. */
export * from "./types";
export { buildCostReport, type BuildOptions } from "./build";
export { parseDate, serialToIso, dateSerial, type Cutoff, type DateOrder } from "./cutoff";
export { amountFromNumber, amountFromText, amountToDecimal, type Amount } from "./amount";
export * from "./mapping";
/** The key under which a confirmed column mapping is remembered (shared with the bids import). */
export { headerSignature } from "../bids/mapping";
