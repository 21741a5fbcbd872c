/*
 * What every panel gets from the shell: the workbook port, the one error surface, the one
 * progress bar (with cancel) and a way to ask the user a yes/no question. Panels take these from
 * context so UI tests can hand in a fake port and check what is shown.
 */
import { createContext, useContext } from "react";
import type { Progress, RunOptions, WorkbookPort } from "../../excel/port";

/** A yes/no question to the user (e.g. before writing over cells PROD does not own). */
export interface Question {
  title: string;
  message: string;
  /** Label of the "yes" button. @default "Continue" */
  confirmLabel?: string;
  /** Label of the "no" button. @default "Cancel" */
  cancelLabel?: string;
  /**
   * "Yes" replaces or loses something the user has: the dialog opens with the focus (and the
   * primary look) on "no", so a reflex Enter keeps the work.
   */
  destructive?: boolean;
}

/** The shell's services, as panels see them. */
export interface Pane {
  port: WorkbookPort;
  /** Show an error (or a plain message) in the pane's MessageBar. */
  showError(error: unknown): void;
  /** Show a success or information note in the same place. */
  showNote(message: string): void;
  /** Clear the message bar. */
  clearMessage(): void;
  /**
   * Run long work with the progress bar and a Cancel button. Errors are shown in the message bar
   * (a cancel as a note); resolves to the work's result, or undefined if it failed or was cancelled.
   */
  runLong<T>(label: string, work: (options: RunOptions) => Promise<T>): Promise<T | undefined>;
  /** Ask a yes/no question; resolves true for yes. */
  ask(question: Question): Promise<boolean>;
  /** The running long task, if any (panels disable their buttons meanwhile). */
  busy: Progress | null;
}

export const PaneContext = createContext<Pane | null>(null);

/** The shell's services; panels are rendered only inside the shell. */
export function usePane(): Pane {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error("usePane() must be used inside <PaneShell>");
  return pane;
}
