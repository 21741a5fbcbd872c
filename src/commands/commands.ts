/*
 * Runs in the shared runtime when the add-in starts. PROD's functions recalculate much more
 * slowly in some hosts while the runtime is not loaded (office-js issue #6936), so once the
 * user has opened PROD in a workbook, ask Excel to load the add-in with that document from then
 * on: the runtime is then there before the first recalculation.
 */
Office.onReady(async () => {
  if (Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) {
    await Office.addin.setStartupBehavior(Office.StartupBehavior.load);
  }
});
