import {
  vendorNameKey,
  webStorageMappingStore,
  webStorageTermsStore,
} from "../../../src/taskpane/bids/mappingStore";
import {
  BLANK_TERMS,
  newVendorDraft,
  renameVendor,
  withRememberedTerms,
} from "../../../src/taskpane/bids/vendorDraft";
import type { KeyValueStorage } from "../../../src/taskpane/shell/columnMemory";

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe("remembered bid mappings with per-week day columns", () => {
  const headers = ["Item", "Qty", "Week 1 days", "Week 2 days", "Day rate"];

  it("gives the week columns back only when they were chosen", () => {
    const storage = memoryStorage();
    const store = webStorageMappingStore(storage);
    store.set(headers, { item: 0, qty: 1, weekColumns: [2, 3], dayRate: 4 });
    expect(store.get(headers)).toEqual({ item: 0, qty: 1, weekColumns: [2, 3], dayRate: 4 });
    // The user chose no days at all for this layout: the week columns are not brought back.
    store.set(headers, { item: 0, dayRate: 4 });
    expect(store.get(headers)).toEqual({ item: 0, dayRate: 4 });
  });
});

describe("remembered vendor terms", () => {
  it("are one vendor's whatever the case and spacing of its name", () => {
    const store = webStorageTermsStore(memoryStorage());
    store.set("ScreenLight  & Grip", { ...BLANK_TERMS, weekDays: "4", discount: "15%" });
    expect(store.get(" screenlight & GRIP ")).toEqual({ ...BLANK_TERMS, weekDays: "4", discount: "15%" });
    expect(store.get("Gearhead")).toBeUndefined();
    expect(vendorNameKey("  A  b ")).toBe("a b");
  });

  it("are not used when what is stored is not terms, or storage fails", () => {
    const storage = memoryStorage();
    const store = webStorageTermsStore(storage);
    storage.data.set("prod.bids.terms.v1:acme", '{"weekDays":4}');
    storage.data.set("prod.bids.terms.v1:beta", "not json");
    expect(store.get("Acme")).toBeUndefined();
    expect(store.get("Beta")).toBeUndefined();
    const failing = webStorageTermsStore({
      getItem: () => {
        throw new Error("blocked");
      },
      setItem: () => {
        throw new Error("full");
      },
    });
    expect(() => failing.set("Acme", BLANK_TERMS)).not.toThrow();
    expect(failing.get("Acme")).toBeUndefined();
  });
});

describe("a vendor's terms follow its name while the user has typed none", () => {
  it("takes a remembered vendor's terms on the way to another name only while the name is that vendor's", () => {
    const storage = memoryStorage();
    const terms = webStorageTermsStore(storage);
    terms.set("Acme", { ...BLANK_TERMS, weekDays: "3" });
    const draft = withRememberedTerms(
      newVendorDraft("v1", "quote", "quote.csv", [], webStorageMappingStore(storage)),
      terms,
    );
    expect(draft.terms).toEqual(BLANK_TERMS);
    // Typing "Acme Rentals" letter by letter passes through "Acme".
    const atAcme = renameVendor(draft, "Acme", terms);
    expect([atAcme.terms.weekDays, atAcme.termsFrom]).toEqual(["3", "Acme"]);
    const past = renameVendor(atAcme, "Acme R", terms);
    expect([past.terms, past.termsFrom]).toEqual([BLANK_TERMS, undefined]);
    // Terms typed by the user stay through any rename.
    const typed = { ...past, terms: { ...BLANK_TERMS, discount: "5" } };
    expect(renameVendor(typed, "Acme", terms).terms.discount).toBe("5");
  });
});
