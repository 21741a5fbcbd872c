/*
 * A chart of the in-memory workbook drawn over the grid where Excel would float it: the data's
 * first column holds the categories, its first row the series names, each further column a
 * series (the port's ChartSpec). Bars for every kind: enough to read the figures, not Excel.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { CellValue, ChartSpec } from "../excel/port";

const useStyles = makeStyles({
  chart: {
    position: "absolute",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
    overflow: "hidden",
  },
});

const COLORS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000"];

/** Props of one chart: its spec, the values of its source range and its box on the grid. */
export interface SheetChartProps {
  spec: ChartSpec;
  data: CellValue[][];
  box: { left: number; top: number; width: number; height: number };
}

export function SheetChart({ spec, data, box }: SheetChartProps) {
  const styles = useStyles();
  const [header = [], ...rows] = data;
  const series = header.slice(1).map(String);
  const categories = rows
    .filter((r) => r[0] !== "")
    .map((r) => ({ label: String(r[0]), values: r.slice(1).map((v) => (typeof v === "number" ? v : 0)) }));
  const all = categories.flatMap((c) => c.values);
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const span = max - min || 1;
  const titleHeight = 28;
  const labelWidth = Math.min(160, box.width * 0.4);
  const plotWidth = box.width - labelWidth - 16;
  const band = (box.height - titleHeight - 8) / Math.max(1, categories.length);
  const bar = Math.max(2, (band * 0.7) / Math.max(1, series.length));
  const x = (v: number) => labelWidth + ((v - min) / span) * plotWidth;
  return (
    <div className={styles.chart} style={box} role="img" aria-label={`Chart: ${spec.title}`}>
      <svg width={box.width} height={box.height}>
        <text x={box.width / 2} y={18} textAnchor="middle" fontSize={13} fontWeight={600}>
          {spec.title}
        </text>
        <line x1={x(0)} x2={x(0)} y1={titleHeight} y2={box.height - 4} stroke="#888" />
        {categories.map((c, i) => {
          const y = titleHeight + i * band;
          return (
            <g key={i}>
              <text x={labelWidth - 4} y={y + band / 2 + 4} textAnchor="end" fontSize={11}>
                {c.label.length > 24 ? `${c.label.slice(0, 23)}…` : c.label}
              </text>
              {c.values.map((v, s) => (
                <rect
                  key={s}
                  x={Math.min(x(0), x(v))}
                  y={y + band * 0.15 + s * bar}
                  width={Math.abs(x(v) - x(0))}
                  height={bar}
                  fill={COLORS[s % COLORS.length]}
                >
                  <title>{`${series[s] ?? ""} ${c.label}: ${v.toLocaleString("en-US")}`}</title>
                </rect>
              ))}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
