/* Vendor bid comparison (spec/taskpane.md section 3): the panel lives in ../bids. */
import { BidsPanel } from "../bids/BidsPanel";

export default BidsPanel;
