/*
 * The `CustomFunctions` global that Excel provides to the functions runtime, as far as PROD uses
 * it: the Error class with its code and message, the error codes, and `associate`, which the
 * custom-functions-metadata webpack plugin appends to every functions file to register each
 * function under its id. Outside Excel (the Node and jsdom tests, the browser preview) this one
 * definition stands in for it; Excel's own global is never replaced.
 */

/** A PROD function as Excel calls it. */
export type CustomFunctionImplementation = (...args: unknown[]) => unknown;

/** Every function registered with `CustomFunctions.associate`, by its id (`EFC`, `FRINGE`, ...). */
export const associatedFunctions = new Map<string, CustomFunctionImplementation>();

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

function associate(idOrMappings: string | Record<string, CustomFunctionImplementation>, fn?: unknown): void {
  const mappings = typeof idOrMappings === "string" ? { [idOrMappings]: fn } : idOrMappings;
  for (const [id, implementation] of Object.entries(mappings)) {
    if (typeof implementation === "function")
      associatedFunctions.set(id.toUpperCase(), implementation as CustomFunctionImplementation);
  }
}

if (!("CustomFunctions" in globalThis)) {
  Object.assign(globalThis, {
    CustomFunctions: { Error: CustomFunctionsError, ErrorCode, associate },
  });
}
