/*
 * The `CustomFunctions` global that Excel provides to the functions runtime, as far as PROD
 * uses it: the Error class with its code and message, and the error codes.
 */
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

Object.assign(globalThis, {
  CustomFunctions: { Error: CustomFunctionsError, ErrorCode, associate: () => undefined },
});
