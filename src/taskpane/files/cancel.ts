/**
 * Long work in the pane (reading a file, comparing bids) gives the pane its event loop back and
 * stops when the user presses Cancel, ending with the same PortError ("cancelled") as the
 * workbook's own long writes, so the shell shows every cancel alike.
 */
import { PortError } from "../../excel/port";

/** Gives the event loop back (a macrotask), so the pane repaints and Cancel can be pressed. */
export const yieldToPane = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The error cancelled work ends with. */
export function cancelledError(): PortError {
  return new PortError("cancelled", "The work was cancelled.");
}

/** Throws PortError ("cancelled") once the signal has aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}
