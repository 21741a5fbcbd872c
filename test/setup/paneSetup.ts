/*
 * jsdom lacks a few browser APIs Fluent UI v9 calls (matchMedia for reduced motion, ResizeObserver
 * for overflow); give it inert ones, and add Testing Library's DOM matchers.
 */
import "@testing-library/jest-dom";

// A pane test file may opt into the node environment (`@jest-environment node`): no window there.
const hasWindow = typeof window !== "undefined";

if (hasWindow && !window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (hasWindow && !("ResizeObserver" in window)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver: ResizeObserverStub });
}
