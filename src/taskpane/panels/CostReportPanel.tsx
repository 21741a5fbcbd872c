import { Coming } from "./Coming";

/** The weekly cost report (spec/taskpane.md section 4); replaced when the cost-report panel lands. */
export default function CostReportPanel() {
  return (
    <Coming
      title="Cost report"
      description="build the weekly cost report from the budget, the ledger and open purchase orders."
    />
  );
}
