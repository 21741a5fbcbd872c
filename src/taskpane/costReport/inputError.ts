/**
 * An input the cost report could not use, with what to do about it. A module of its own: the
 * pane's input code (sources.ts) and the report worker's (reportJob.ts, reportProtocol.ts) both
 * throw it, and the pane shows it the same way wherever it was thrown.
 */
import { ProdError } from "../../engine/errors";

/**
 * An input the pane could not use, with what to do about it: bad input, like the engine's
 * ProdError, so the message bar shows it as something to fix rather than as a failure.
 */
export class InputError extends ProdError {
  constructor(message: string) {
    super("invalid", message);
  }
}
