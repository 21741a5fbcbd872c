/*
 * Answer the shell's yes/no dialog. Fluent's modal (tabster) can leave the previous test's
 * aria-hidden marks behind in jsdom, so the dialog is found from its message and its buttons are
 * queried including hidden ones, scoped to the dialog (the progress bar has a Cancel too).
 */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

async function findDialog(message: RegExp | string): Promise<HTMLElement> {
  const text = await screen.findByText(message);
  const dialog = text.closest<HTMLElement>('[role="dialog"], [role="alertdialog"]');
  if (!dialog) throw new Error(`no dialog around "${String(message)}"`);
  return dialog;
}

export async function answerDialog(message: RegExp | string, button: string): Promise<void> {
  const dialog = await findDialog(message);
  await userEvent.click(within(dialog).getByRole("button", { name: button, hidden: true }));
}

/**
 * The dialog's buttons in order. Fluent's dialog focuses the first: the answer that keeps the
 * user's work comes first when the other replaces it.
 */
export async function dialogButtons(message: RegExp | string): Promise<string[]> {
  const dialog = await findDialog(message);
  return within(dialog)
    .getAllByRole("button", { hidden: true })
    .map((b) => b.textContent ?? "");
}
