import { Coming } from "./Coming";

/** Budget templates (spec/taskpane.md section 1). */
export default function TemplatesPanel() {
  return (
    <Coming
      title="Budget templates"
      description="pick a chart of accounts, fill the globals and insert a live budget."
    />
  );
}
