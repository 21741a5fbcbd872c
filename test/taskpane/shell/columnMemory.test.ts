import { webStorageMappingStore } from "../../../src/taskpane/bids/mappingStore";
import { mappingMemory } from "../../../src/taskpane/costReport/sources";
import {
  browserStorage,
  columnMemory,
  setStoragePartition,
  type KeyValueStorage,
} from "../../../src/taskpane/shell/columnMemory";

const memory = (): KeyValueStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};

const headers = ["Item", "Qty", "Day rate"];

describe("remembering column mappings per file layout", () => {
  it("gives back the mapping saved for the same layout, case and spacing aside, and nothing for another", () => {
    const store = columnMemory(memory(), "test:", ["item", "qty", "dayRate"]);
    store.set(headers, { item: 0, qty: 1, dayRate: 2 });
    expect(store.get([" ITEM", "qty ", "Day  rate"])).toEqual({ item: 0, qty: 1, dayRate: 2 });
    expect(store.get(["Item", "Day rate"])).toBeUndefined();
  });

  it("ignores what it cannot trust in storage", () => {
    const storage = memory();
    const store = columnMemory(storage, "test:", ["item", "qty", "dayRate"]);
    storage.data.set("test:item|qty", "{not json");
    storage.data.set("test:item|qty|day rate", JSON.stringify({ item: 0, dayRate: -1, qty: 1.5, bogus: 3 }));
    storage.data.set("test:item|rate", JSON.stringify({ item: 0, qty: 2 }));
    expect(store.get(["Item", "Qty"])).toBeUndefined();
    expect(store.get(headers)).toEqual({ item: 0 });
    // A column past the header's end is not a column of this layout.
    expect(store.get(["Item", "Rate"])).toEqual({ item: 0 });
  });

  it("works without storage, and when storage throws", () => {
    expect(columnMemory(undefined, "test:", ["item"]).get(headers)).toBeUndefined();
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new Error("blocked");
      },
      setItem: () => {
        throw new Error("quota");
      },
    };
    const store = columnMemory(throwing, "test:", ["item"]);
    expect(() => store.set(headers, { item: 0 })).not.toThrow();
    expect(store.get(headers)).toBeUndefined();
  });

  it("keeps the keys of the first release, so mappings users confirmed before are still found", () => {
    const storage = memory();
    storage.data.set(
      "prod.bids.mapping.v1:item|qty|day rate",
      JSON.stringify({ item: 0, qty: 1, dayRate: 2 }),
    );
    storage.data.set("prod.costReport.ledger.v1:code|net", JSON.stringify({ account: 0, amount: 1 }));
    expect(webStorageMappingStore(storage).get(headers)).toEqual({ item: 0, qty: 1, dayRate: 2 });
    expect(mappingMemory(storage).get("ledger", ["Code", "Net"])).toEqual({ account: 0, amount: 1 });
    expect(mappingMemory(storage).get("pos", ["Code", "Net"])).toBeUndefined();
  });
});

describe("browserStorage in Excel on the web's storage partition", () => {
  afterEach(() => {
    setStoragePartition(undefined);
    localStorage.clear();
  });

  it("prefixes every key with the partition key the host gives", () => {
    setStoragePartition("tenant-42");
    const storage = browserStorage();
    storage?.setItem("prod.bids.mapping|a|b", "{}");
    expect(localStorage.getItem("tenant-42/prod.bids.mapping|a|b")).toBe("{}");
    expect(localStorage.getItem("prod.bids.mapping|a|b")).toBeNull();
    expect(storage?.getItem("prod.bids.mapping|a|b")).toBe("{}");
  });

  it("uses the keys as they are where the host has no partition (desktop), so saved mappings are found", () => {
    localStorage.setItem("prod.bids.mapping|a|b", "{}");
    setStoragePartition(undefined);
    expect(browserStorage()?.getItem("prod.bids.mapping|a|b")).toBe("{}");
  });
});
