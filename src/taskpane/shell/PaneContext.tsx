/*
 * What every panel gets from the shell: the workbook port, the pane's one message (a result, an
 * error or a note), the one progress bar (with Cancel) and a way to ask the user a yes/no question.
 * Panels take these from context so UI tests can hand in a fake port and check what is shown.
 *
 * Where the message and the progress appear: next to the action that started them, not at the top
 * of the pane (an Insert button sits 900 px below the top). A panel puts `<PaneStatus at="copy" />`
 * under its action and takes the services with `usePane("copy")`; what those services show appears
 * there, is announced, and takes the focus (scrolled into view). `usePane()` uses the slot
 * `<PaneStatus />`; when no slot of that name is on screen the shell shows it under the panel.
 */
import { createContext, useContext, useMemo } from "react";
import type { Progress, RunOptions, WorkbookPort } from "../../excel/port";
import { type PaneMessage, describeError } from "./messages";

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
  /** Show an error (in plain words, with what to do next) at this panel's status slot. */
  showError(error: unknown): void;
  /** Show a success note at the same place. */
  showNote(message: string): void;
  /** Show that it was done, with something the user must know (a warning), at the same place. */
  showWarning(message: string): void;
  /** Clear the message; call it when an action starts (the focus returns here on Dismiss). */
  clearMessage(): void;
  /**
   * Run long work with the progress bar and a Cancel button at the status slot. Errors are shown
   * there (a cancel as a note); resolves to the work's result, or undefined if it failed or was
   * cancelled.
   */
  runLong<T>(label: string, work: (options: RunOptions) => Promise<T>): Promise<T | undefined>;
  /** Ask a yes/no question; resolves true for yes. Focus returns to where it was after the answer. */
  ask(question: Question): Promise<boolean>;
  /** The running long task, if any (panels disable their buttons meanwhile). */
  busy: Progress | null;
}

/** The status slot `usePane()` and `<PaneStatus />` use when they are given no name. */
export const PANEL_STATUS = "panel";

/** What the pane shows, and where. */
export interface PaneStatusState {
  /** The slot it is shown at. */
  at: string;
  message: PaneMessage | null;
  busy: Progress | null;
  /** Counts what was shown, so the same message shown twice is announced and focused again. */
  shown: number;
}

/** The shell's side of the services: each call names the slot its output goes to. */
export interface Shell {
  port: WorkbookPort;
  busy: Progress | null;
  show(at: string, message: PaneMessage): void;
  clear(at: string): void;
  runLong<T>(at: string, label: string, work: (options: RunOptions) => Promise<T>): Promise<T | undefined>;
  ask(question: Question): Promise<boolean>;
}

/** What a status slot needs from the shell. */
export interface StatusSlots {
  status: PaneStatusState;
  /** Marks a slot as on screen; returns the function that takes it off. */
  register(at: string): () => void;
  /** Dismiss the message; focus returns to what started it. */
  dismiss(): void;
  /** Cancel the running work. */
  cancel(): void;
}

export const ShellContext = createContext<Shell | null>(null);
/** A Pane handed in as it is, whatever slot is asked for: UI tests give a panel a fake one. */
export const PaneContext = createContext<Pane | null>(null);
export const StatusContext = createContext<StatusSlots | null>(null);

/**
 * The shell's services; panels are rendered only inside the shell. `at` names the
 * `<PaneStatus at>` next to the action that uses them. @default PANEL_STATUS
 */
export function usePane(at: string = PANEL_STATUS): Pane {
  const shell = useContext(ShellContext);
  const given = useContext(PaneContext);
  const pane = useMemo(
    () =>
      shell && {
        port: shell.port,
        busy: shell.busy,
        ask: shell.ask,
        showError: (error: unknown) => shell.show(at, describeError(error)),
        showNote: (body: string) => shell.show(at, { intent: "success", title: "Done", body }),
        showWarning: (body: string) =>
          shell.show(at, { intent: "warning", title: "Done, with a warning", body }),
        clearMessage: () => shell.clear(at),
        runLong: <T,>(label: string, work: (options: RunOptions) => Promise<T>) =>
          shell.runLong(at, label, work),
      },
    [shell, at],
  );
  const services = given ?? pane;
  if (!services) throw new Error("usePane() must be used inside <PaneShell>");
  return services;
}
