/*
 * A store of the user's saved work rewritten at each save (savedStore.ts): a save that fails once
 * writing may have begun writes back what was saved before, without the save's Cancel, and says
 * whether it could; a refusal before anything was written is passed on as it is.
 */
import { PortError } from "../../../src/excel/port";
import { rewriteKeepingSaved } from "../../../src/taskpane/shell/savedStore";

const words = { restored: "Put back.", lost: "Not put back: undo." };

/** A store whose writes fail as `failures` says, in order; it records what it was given. */
function store(...failures: (PortError | null)[]) {
  const writes: [string[], boolean][] = [];
  const write = (items: string[], restoring: boolean) => {
    writes.push([items, restoring]);
    const failure = failures.shift() ?? null;
    return failure ? Promise.reject(failure) : Promise.resolve();
  };
  return { writes, write };
}

describe("rewriteKeepingSaved", () => {
  it("writes the new items once when the save succeeds", async () => {
    const { writes, write } = store();
    await rewriteKeepingSaved(write, ["a", "b"], ["a"], words);
    expect(writes).toEqual([[["a", "b"], false]]);
  });

  it.each(["host", "cancelled"] as const)(
    "writes the saved items back after a %s failure, as a write-back, and says so",
    async (kind) => {
      const { writes, write } = store(new PortError(kind, "Excel failed.", ["Scenarios"]));
      const error = await rewriteKeepingSaved(write, ["a", "b"], ["a"], words).catch((e: unknown) => e);
      expect(error).toEqual(new PortError(kind, "Excel failed. Put back.", ["Scenarios"]));
      expect((error as PortError).kind).toBe(kind);
      expect(writes).toEqual([
        [["a", "b"], false],
        [["a"], true],
      ]);
    },
  );

  it("says what to do when even the write-back fails", async () => {
    const failure = new PortError("host", "Excel failed.");
    const { write } = store(failure, new PortError("host", "Again."));
    await expect(rewriteKeepingSaved(write, ["b"], ["a"], words)).rejects.toThrow(
      "Excel failed. Not put back: undo.",
    );
  });

  it.each([
    ["a refusal before anything was written", new PortError("protected", "Protected.")],
    ["an error that is not the port's", new Error("bug")],
  ])("passes on %s as it is, writing nothing back", async (_what, failure) => {
    const writes: string[][] = [];
    const write = (items: string[]) => {
      writes.push(items);
      return Promise.reject(failure);
    };
    await expect(rewriteKeepingSaved(write, ["b"], ["a"], words)).rejects.toBe(failure);
    expect(writes).toEqual([["b"]]);
  });
});
