/**
 * Vendor bid comparison (reference.md section 6, spec/taskpane.md section 3): the one entry point
 * the pane imports.
 */
export * from "./types";
export * from "./landed";
export * from "./matching";
export * from "./compare";
export * from "./mapping";
export * from "./awardTarget";
export * from "./detail";
