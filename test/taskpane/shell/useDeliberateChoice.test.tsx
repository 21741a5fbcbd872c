import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { useDeliberateChoice } from "../../../src/taskpane/shell/useDeliberateChoice";

/** A select that loads what is chosen, as the Cost report's input picker does. */
function Picker({ loaded }: { loaded: string[] }) {
  const [chosen, setChosen] = useState("");
  const choice = useDeliberateChoice(chosen, (value) => {
    setChosen(value);
    loaded.push(value);
  });
  const { shown, waiting, ...handlers } = choice;
  return (
    <>
      <label htmlFor="source">Budget</label>
      <select id="source" value={shown} {...handlers}>
        <option value="">Pick…</option>
        <option value="A">Sheet A</option>
        <option value="B">Sheet B</option>
      </select>
      {waiting && <p>Press Enter to use it.</p>}
    </>
  );
}

/** What a closed select does on an arrow key: its value moves on, with a change event. */
function arrowTo(select: HTMLElement, value: string) {
  fireEvent.keyDown(select, { key: "ArrowDown" });
  fireEvent.change(select, { target: { value } });
}

describe("a drop-down that loads what is chosen", () => {
  it("does nothing while the user arrows through it, and loads on Enter", () => {
    const loaded: string[] = [];
    render(<Picker loaded={loaded} />);
    const select = screen.getByLabelText("Budget");
    arrowTo(select, "A");
    arrowTo(select, "B");
    expect(loaded).toEqual([]);
    expect(select).toHaveValue("B");
    expect(screen.getByText("Press Enter to use it.")).toBeInTheDocument();
    fireEvent.keyDown(select, { key: "Enter" });
    expect(loaded).toEqual(["B"]);
    expect(screen.queryByText("Press Enter to use it.")).not.toBeInTheDocument();
  });

  it("acts at once on a pick with the mouse", () => {
    const loaded: string[] = [];
    render(<Picker loaded={loaded} />);
    const select = screen.getByLabelText("Budget");
    fireEvent.keyDown(select, { key: "ArrowDown" });
    fireEvent.pointerDown(select);
    fireEvent.change(select, { target: { value: "A" } });
    expect(loaded).toEqual(["A"]);
  });

  it("puts the chosen value back when the user leaves without Enter", () => {
    const loaded: string[] = [];
    render(<Picker loaded={loaded} />);
    const select = screen.getByLabelText("Budget");
    arrowTo(select, "A");
    fireEvent.blur(select);
    expect(select).toHaveValue("");
    expect(loaded).toEqual([]);
  });
});
