/* A payroll fringe preset and a year the library holds for every fringe of it. */
import { useMemo, useState } from "react";
import { FRINGE_PRESETS } from "../../engine/fringes/library";
import { presetYears } from "../templates/buildPlan";

/**
 * State for a preset picker with its year: the year offered follows the preset (NY's figures
 * exist for fewer years than CA's), falling back to the latest year held.
 */
export function usePresetYear(initialPreset: string, initialYear: number | null = null) {
  const [preset, setPreset] = useState(initialPreset);
  const [chosenYear, setYear] = useState<number | null>(initialYear);
  const years = useMemo(() => presetYears(preset), [preset]);
  const year = chosenYear !== null && years.includes(chosenYear) ? chosenYear : years[years.length - 1];
  return { preset, setPreset, years, year, setYear, description: FRINGE_PRESETS[preset]?.description };
}
