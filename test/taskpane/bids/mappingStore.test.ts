import { webStorageMappingStore, type KeyValueStorage } from "../../../src/taskpane/bids/mappingStore";

const memory = (): KeyValueStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};

describe("remembering column mappings per file layout", () => {
  it("gives back the mapping saved for the same layout, and nothing for another", () => {
    const store = webStorageMappingStore(memory());
    store.set("item|qty|day rate", { item: 0, qty: 1, dayRate: 2 });
    expect(store.get("item|qty|day rate")).toEqual({ item: 0, qty: 1, dayRate: 2 });
    expect(store.get("item|day rate")).toBeUndefined();
  });

  it("ignores what it cannot trust in storage", () => {
    const storage = memory();
    const store = webStorageMappingStore(storage);
    storage.data.set("prod.bids.mapping.v1:a", "{not json");
    storage.data.set("prod.bids.mapping.v1:b", JSON.stringify({ item: 0, dayRate: -1, qty: 1.5, bogus: 3 }));
    expect(store.get("a")).toBeUndefined();
    expect(store.get("b")).toEqual({ item: 0 });
  });

  it("works without storage, and when storage throws", () => {
    expect(webStorageMappingStore(undefined).get("x")).toBeUndefined();
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new Error("blocked");
      },
      setItem: () => {
        throw new Error("quota");
      },
    };
    const store = webStorageMappingStore(throwing);
    expect(() => store.set("x", { item: 0 })).not.toThrow();
    expect(store.get("x")).toBeUndefined();
  });
});
