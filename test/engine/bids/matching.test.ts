import { normalizeItemName } from "../../../src/engine/bids";

describe("item names match across vendors by a predictable key", () => {
  it.each([
    ["4x4 Floppies w/ Stands", "4X4 floppy with stand"],
    ["C-Stand", "c stands"],
    ["Arri Alexa 35 Pkg.", "ARRI ALEXA 35 package"],
    ["Batteries", "battery"],
    ["Sandbags (25 lb)", "sandbag 25 lb"],
    ["Apple Boxes", "apple box"],
    ["Grip & Electric truck", "grip and electric trucks"],
    ["Dolly w/o track", "dolly without track"],
    ["Fresnel 2K + stand", "fresnel 2k and stand"],
    ["Crème brûlée lens", "creme brulee lens"],
  ])("%s matches %s", (a, b) => {
    expect(normalizeItemName(a)).toBe(normalizeItemName(b));
  });

  it.each([
    ["Master Prime 2.8", "Master Prime 28"],
    ["Dolly track", "Track dolly"],
    ["Lens", "Lens kit"],
    ["Glass", "Glas"],
  ])("%s does not match %s", (a, b) => {
    expect(normalizeItemName(a)).not.toBe(normalizeItemName(b));
  });

  it.each([
    ["  Combo   Stand ", "combo stand"],
    ["Lenses", "lens"],
    ["Bus", "bus"],
    ["Dimmer boxes", "dimmer box"],
    ["Floppies", "floppy"],
    ["Master Prime 2.8", "master prime 2.8"],
    ["18K HMI", "18k hmi"],
  ])("%s becomes %s", (input, key) => {
    expect(normalizeItemName(input)).toBe(key);
  });
});
