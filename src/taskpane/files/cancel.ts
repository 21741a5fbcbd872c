/** Long file reads give the pane its event loop back and stop when the user presses Cancel. */

/** The user pressed Cancel while a file was being read. */
export class ReadCancelled extends Error {
  override readonly name = "ReadCancelled";
  constructor() {
    super("The import was cancelled.");
  }
}

/** Gives the event loop back, so the pane repaints and Cancel can be pressed. */
export const yieldToPane = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Throws {@link ReadCancelled} once the signal has aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ReadCancelled();
}
