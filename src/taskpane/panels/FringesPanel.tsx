import { Coming } from "./Coming";

/** Fringes and rates (spec/taskpane.md section 2). */
export default function FringesPanel() {
  return (
    <Coming
      title="Fringes and rates"
      description="browse the fringe library, copy a preset into the workbook and work out day pay."
    />
  );
}
