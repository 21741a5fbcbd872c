/** Budget versions and their comparison (issue 21). */
export * from "./types";
export * from "./store";
export * from "./compare";
export * from "./lines";
