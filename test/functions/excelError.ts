/** The Excel error a PROD function call throws (its code and message); fails the test if it returns. */
export function excelError(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}
