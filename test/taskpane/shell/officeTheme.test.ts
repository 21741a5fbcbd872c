import { paneThemeFor } from "../../../src/taskpane/shell/officeTheme";

describe("the pane's look follows Office's theme", () => {
  it.each([
    ["Black (isDarkTheme)", { isDarkTheme: true, bodyBackgroundColor: "#262626" }, false, "dark"],
    ["Colorful (isDarkTheme false)", { isDarkTheme: false, bodyBackgroundColor: "#ffffff" }, true, "light"],
    ["a dark body colour, no isDarkTheme", { bodyBackgroundColor: "#444444" }, false, "dark"],
    ["a light body colour, no isDarkTheme", { bodyBackgroundColor: "#F3F2F1" }, true, "light"],
  ] as const)("%s", (_name, office, systemDark, expected) => {
    expect(paneThemeFor(office, systemDark)).toBe(expected);
  });

  it.each([
    [true, "dark"],
    [false, "light"],
  ] as const)(
    "uses the system's preference (dark %p) where Office gives no theme (Excel on the web)",
    (dark, look) => {
      expect(paneThemeFor(undefined, dark)).toBe(look);
      expect(paneThemeFor({ bodyBackgroundColor: "not a colour" }, dark)).toBe(look);
    },
  );
});
