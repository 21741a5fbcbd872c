/*
 * The add-in's Office entry (src/taskpane/index.tsx) with a stand-in for Office.js (issue 19):
 * remembered settings go to Excel on the web's storage partition, and a refused
 * setStartupBehavior is said in the pane instead of going unseen.
 */
import { act, screen } from "@testing-library/react";
import { browserStorage } from "../../src/taskpane/shell/columnMemory";

// The real module builds a worker with import.meta, which exists only in webpack's bundle.
jest.mock("../../src/taskpane/costReport/startReportWorker", () => ({
  startReportWorker: () => {
    throw new Error("no worker in these tests");
  },
}));

describe("the add-in's Office entry", () => {
  // The entry runs once per page, as in Excel: one start, checked for both of its duties.
  it("keeps settings in Excel on the web's storage partition, and says in the pane when Excel refuses to load PROD with the workbook", async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const refused = Promise.reject(new Error("denied by policy"));
    const setStartupBehavior = jest.fn(() => refused);
    Object.assign(globalThis, {
      Office: {
        onReady: (ready: () => void) => ready(),
        context: { partitionKey: "tenant-7", requirements: { isSetSupported: () => true } },
        addin: { setStartupBehavior },
        StartupBehavior: { load: "Load" },
      },
    });
    await act(async () => {
      await import("../../src/taskpane/index");
      await refused.catch(() => undefined);
    });
    expect(setStartupBehavior).toHaveBeenCalledWith("Load");
    expect(await screen.findByRole("status", {}, { timeout: 30_000 })).toHaveTextContent(
      "Excel did not agree to load PROD with this workbook (denied by policy). PROD's functions still work, but may recalculate slowly until you open this pane.",
    );
    expect(screen.getByRole("tablist", { name: "PROD panels" })).toBeInTheDocument();

    browserStorage()?.setItem("prod.bids.columns.x", "1");
    expect(localStorage.getItem("tenant-7/prod.bids.columns.x")).toBe("1");
    expect(localStorage.getItem("prod.bids.columns.x")).toBeNull();
  }, 90_000);
});
