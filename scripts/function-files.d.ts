/** Paths relative to the project root (`./src/functions/x.ts`) of every file declaring a @customfunction, sorted. */
export function functionFiles(root?: string): string[];
