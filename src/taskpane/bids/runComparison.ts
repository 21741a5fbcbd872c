/**
 * Runs the engine's step-wise comparison without freezing Excel (spec/taskpane.md, general rules:
 * "Long work shows progress and can be cancelled; the pane never freezes Excel").
 *
 * The pane shares its thread with Excel on the web and with the pane's own rendering, so it
 * works in slices: it pulls steps from {@link comparisonSteps} for a few dozen milliseconds, then
 * reports progress and waits for a macrotask, so the progress bar paints and a click on Cancel
 * gets through. The engine stays pure; pausing and cancelling happen here.
 */
import { comparisonSteps, type Comparison, type ComparisonInput } from "../../engine/bids";
import type { RunOptions } from "../../excel/port";
import { throwIfCancelled, yieldToPane } from "../files/cancel";

/** How the comparison is paced; tests pass a counting clock and a pause they control. */
export interface ComparisonPacing {
  /** Longest slice of work between two pauses, in milliseconds. @default 40 */
  sliceMs?: number;
  /** The clock slices are measured with. @default performance.now */
  now?: () => number;
  /** Gives the UI its turn. @default a macrotask (setTimeout 0) */
  pause?: () => Promise<void>;
}

/**
 * Compares the bids in slices, reporting progress between slices and stopping at the next step
 * once `options.signal` aborts. Resolves to the comparison the engine's `comparisonSteps(input)` ends with.
 *
 * @throws PortError (cancelled) when the signal aborts; ProdError from the engine for bad input
 */
export async function runComparison(
  input: ComparisonInput,
  options: RunOptions = {},
  pacing: ComparisonPacing = {},
): Promise<Comparison> {
  const { sliceMs = 40, now = () => performance.now(), pause = yieldToPane } = pacing;
  const { signal, onProgress } = options;
  const steps = comparisonSteps(input);
  let sliceStart = now();
  for (;;) {
    throwIfCancelled(signal);
    const next = steps.next();
    if (next.done) return next.value;
    if (now() - sliceStart >= sliceMs) {
      const { done, total, stage } = next.value;
      onProgress?.({ done, total, label: stage });
      await pause();
      sliceStart = now();
    }
  }
}
