/* A typed value's problem shown on its own field (Fluent Field: red, and the control described by it). */

/** A Field's error state and message for a problem in words, or nothing when there is none. */
export function problemProps(problem: string | null | undefined) {
  return problem ? { validationState: "error" as const, validationMessage: problem } : {};
}
