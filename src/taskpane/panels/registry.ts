/*
 * The pane's panels, in navigation order. Each loads on first use (its own bundle chunk), so the
 * pane opens quickly; the Bids and Cost report panels are replaced by their own modules as those
 * land (issues for vendor bids and the weekly cost report).
 */
import { type ComponentType, type LazyExoticComponent, lazy } from "react";

/** The panels the pane knows. */
export type PanelId = "templates" | "fringes" | "bids" | "costReport" | "versions" | "whatif" | "incentives";

/** One navigation entry. */
export interface PanelEntry {
  id: PanelId;
  label: string;
  Component: LazyExoticComponent<ComponentType> | ComponentType;
}

export const PANELS: readonly PanelEntry[] = [
  { id: "templates", label: "Templates", Component: lazy(() => import("./TemplatesPanel")) },
  { id: "fringes", label: "Fringes", Component: lazy(() => import("./FringesPanel")) },
  { id: "bids", label: "Bids", Component: lazy(() => import("./BidsPanel")) },
  { id: "costReport", label: "Cost report", Component: lazy(() => import("./CostReportPanel")) },
  { id: "versions", label: "Versions", Component: lazy(() => import("./VersionsPanel")) },
  { id: "whatif", label: "What-if", Component: lazy(() => import("./WhatIfPanel")) },
  { id: "incentives", label: "Incentives", Component: lazy(() => import("./IncentivesPanel")) },
];
