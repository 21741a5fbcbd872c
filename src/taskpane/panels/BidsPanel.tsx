import { Coming } from "./Coming";

/** Vendor bid comparison (spec/taskpane.md section 3); replaced when the bids panel lands. */
export default function BidsPanel() {
  return (
    <Coming
      title="Vendor bids"
      description="compare two or more vendors' bids for the same need and write the award into the budget."
    />
  );
}
