/*
 * Plain-words messages for what can go wrong, with what to do next (spec/taskpane.md: errors
 * are shown in the pane in plain words, never as a console line).
 */
import { ProdError } from "../../engine/errors";
import { PortError } from "../../excel/port";

/** A message for the MessageBar: a short title and a sentence on what to do next. */
export interface PaneMessage {
  intent: "error" | "warning" | "success" | "info";
  title: string;
  body: string;
}

const NEXT_STEP: Record<PortError["kind"], { title: string; next: string }> = {
  sheetExists: {
    title: "A sheet with that name is already there",
    next: "PROD leaves your sheets alone: rename or remove it, or let PROD use new sheet names.",
  },
  nameExists: {
    title: "A name is already used in this workbook",
    next: "Rename it in Formulas > Name Manager, or let PROD use new names.",
  },
  notFound: {
    title: "Not found",
    next: "Check the sheet or table name, or pick it again.",
  },
  wouldOverwrite: {
    title: "That would write over your cells",
    next: "Move what is there, or confirm that PROD may write over it.",
  },
  notOwned: {
    title: "That sheet was not made by PROD",
    next: "PROD only replaces sheets it made. Rename your sheet, or use new names.",
  },
  protected: {
    title: "That sheet is protected",
    next: "To let PROD write there, unprotect it in Excel (Review > Unprotect Sheet, with its password if it has one) and try again.",
  },
  cancelled: { title: "Cancelled", next: "Nothing more was written." },
  host: {
    title: "Excel could not make the change",
    next: "Try again; if it keeps failing, close other dialogs in Excel (a cell being edited blocks changes).",
  },
};

/** Turn anything thrown into a message for the user. */
export function describeError(error: unknown): PaneMessage {
  if (error instanceof PortError) {
    const { title, next } = NEXT_STEP[error.kind];
    return {
      intent: error.kind === "cancelled" ? "info" : "error",
      title,
      body: error.kind === "cancelled" ? next : `${error.message} ${next}`,
    };
  }
  if (error instanceof ProdError) {
    // Bad input (a setting, a column, a file): the message already says what to fix.
    return { intent: "error", title: "Check the input", body: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    intent: "error",
    title: "Something went wrong",
    body: `${message} Try again; if it keeps happening, please report it with what you did.`,
  };
}
