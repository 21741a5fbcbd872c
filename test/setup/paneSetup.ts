/*
 * jsdom lacks a few browser APIs Fluent UI v9 calls (matchMedia for reduced motion, ResizeObserver
 * for overflow); give it inert ones, and add Testing Library's DOM matchers.
 */
import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";

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

// CI runs the whole suite on 2 cores, where a Fluent dialog or a React transition can take longer
// than Testing Library's default 1 s to appear. These waits are for the UI to settle, not
// performance checks, so give them room instead of failing at random under load.
configure({ asyncUtilTimeout: 5000 });

// Rendering Fluent in jsdom is slow on a loaded 2-core CI machine: a user flow (open the pane,
// fill a form, confirm a dialog) can take over Jest's 5 s default there without anything wrong.
jest.setTimeout(30_000);
