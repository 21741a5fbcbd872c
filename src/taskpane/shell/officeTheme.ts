/*
 * The pane in Excel's own theme (Microsoft's Office add-in design guidelines: an add-in's pane
 * follows the Office theme the user picked under File > Account > Office Theme). Black and Dark
 * Gray get Fluent's dark theme; Colorful, White and the system's light theme get the light one.
 *
 * Office.context.officeTheme gives the theme at start. Excel has no theme-changed event (Office's
 * OfficeThemeChanged is Outlook's, Mailbox 1.14), so the pane reads the theme again whenever it
 * comes back into use (the window gets the focus, or the pane is shown again). Excel on the web
 * may leave officeTheme undefined (office-js issue #6134): the browser's light/dark preference
 * stands in for it there.
 */
import { useEffect, useState } from "react";
import { type Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { usePaneReturn } from "./paneReturn";

/** The two looks of the pane. */
export type PaneThemeName = "light" | "dark";

/** Fluent's theme for each look. */
export const PANE_THEMES: Record<PaneThemeName, Theme> = { light: webLightTheme, dark: webDarkTheme };

/** What the pane reads of Office's theme. */
export type OfficeThemeColors = Partial<Pick<Office.OfficeTheme, "isDarkTheme" | "bodyBackgroundColor">>;

/** Relative luminance of a "#rrggbb" colour (WCAG 2.x), or undefined if it is not one. */
function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return undefined;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The pane's look for Office's theme: dark when Office says so (isDarkTheme) or, where a host
 * gives only colours, when the body is dark; the system's preference when Office says nothing.
 */
export function paneThemeFor(office: OfficeThemeColors | undefined, systemDark: boolean): PaneThemeName {
  if (office?.isDarkTheme !== undefined) return office.isDarkTheme ? "dark" : "light";
  const body = office?.bodyBackgroundColor ? luminance(office.bodyBackgroundColor) : undefined;
  if (body !== undefined) return body < 0.18 ? "dark" : "light";
  return systemDark ? "dark" : "light";
}

const DARK_QUERY = "(prefers-color-scheme: dark)";

/** Reads Office's theme now. */
function currentTheme(): PaneThemeName {
  const systemDark = typeof window.matchMedia === "function" && window.matchMedia(DARK_QUERY).matches;
  return paneThemeFor(Office.context?.officeTheme, systemDark);
}

/** The pane's look, following Office's theme as the user changes it. */
export function useOfficeTheme(): PaneThemeName {
  const [theme, setTheme] = useState<PaneThemeName>(currentTheme);
  usePaneReturn(() => setTheme(currentTheme()));
  useEffect(() => {
    const update = () => setTheme(currentTheme());
    const media = typeof window.matchMedia === "function" ? window.matchMedia(DARK_QUERY) : undefined;
    media?.addEventListener("change", update);
    return () => media?.removeEventListener("change", update);
  }, []);
  return theme;
}
