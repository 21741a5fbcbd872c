/*
 * Answer the shell's yes/no dialog. Fluent's modal (tabster) can leave the previous test's
 * aria-hidden marks behind in jsdom, so the dialog is found from its message and its buttons are
 * queried including hidden ones, scoped to the dialog (the progress bar has a Cancel too).
 */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

export async function answerDialog(message: RegExp | string, button: string): Promise<void> {
  const text = await screen.findByText(message);
  const dialog = text.closest<HTMLElement>('[role="dialog"], [role="alertdialog"]');
  if (!dialog) throw new Error(`no dialog around "${String(message)}"`);
  await userEvent.click(within(dialog).getByRole("button", { name: button, hidden: true }));
}
