import { scaleLinear } from "d3";
import { achievement, type IndicatorDirection } from "../../../metrics/outcome-achievement";
import { ChartFrame, ChartSvg, type ChartCommonProps } from "./chart-frame";
import { BandSymbol, ChartLegend, HitArea, Mark, RowLabel, type LegendItem } from "./chart-marks";
import type { ChartTable } from "./chart-table";
import {
  CHART_COLORS,
  DEFAULT_BAND_LABELS,
  FONT,
  bandText,
  type Band,
  type BandLabels,
} from "./chart-theme";
import { r1, textWidth, wrapText } from "./chart-text";

/** An outcome indicator (绩效目标) at the cut-off. */
export interface BulletIndicator {
  key: string;
  label: string;
  /** Unit written after values, e.g. "天 days", "%"; may be empty. */
  unit?: string;
  baseline: number;
  target: number;
  /** The latest value up to the cut-off; null = no data. */
  actual: number | null;
  direction: IndicatorDirection;
  /** Status band, when the page has one (adds its symbol). */
  band?: Band | null;
  href?: string;
  /** Number format of this indicator's values (else the chart's). */
  format?: (value: number) => string;
}

export interface BulletChartText {
  indicatorHeader: string;
  baseline: string;
  target: string;
  actual: string;
  direction: string;
  achievement: string;
  higher: string;
  lower: string;
  noValue: string;
  /** Legend of the qualitative ranges. */
  rangeWorse: string;
  rangeProgress: string;
  rangeMet: string;
  bands: BandLabels;
  summarize: (met: number, total: number, noData: number) => string;
}

export const DEFAULT_BULLET_CHART_TEXT: BulletChartText = {
  indicatorHeader: "指标 Indicator",
  baseline: "基期 Baseline",
  target: "目标 Target",
  actual: "实际 Actual",
  direction: "方向 Direction",
  achievement: "完成度 Achievement",
  higher: "越高越好 Higher is better",
  lower: "越低越好 Lower is better",
  noValue: "—",
  rangeWorse: "差于基期 Worse than baseline",
  rangeProgress: "基期至目标 Baseline to target",
  rangeMet: "达到目标 Target met",
  bands: DEFAULT_BAND_LABELS,
  summarize: (met, total, noData) =>
    `${total} 项指标中 ${met} 项达到目标${noData > 0 ? `，${noData} 项无数据` : ""}。 ${met} of ${total} indicators met their target${noData > 0 ? `; ${noData} without data` : ""}.`,
};

export interface BulletChartProps extends ChartCommonProps {
  indicators: readonly BulletIndicator[];
  format?: (value: number) => string;
  /** Achievement as text (default: a whole percentage). */
  formatAchievement?: (value: number) => string;
  text?: Partial<BulletChartText>;
  width?: number;
}

const ROW = 52;
const TOP = 40;
const BAR_HEIGHT = 22;

/** Per-indicator scale: from min(0, values) to a little past the largest of baseline, target, actual. */
export function bulletScale(indicator: BulletIndicator, x0: number, x1: number) {
  const values = [
    indicator.baseline,
    indicator.target,
    ...(indicator.actual === null ? [] : [indicator.actual]),
  ];
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values);
  return scaleLinear()
    .domain([lo, hi === lo ? lo + 1 : hi + (hi - lo) * 0.12])
    .nice()
    .range([x0, x1]);
}

/** Geometry: label column, bullet span, value column, viewBox height. */
export function bulletLayout(indicators: readonly BulletIndicator[], width = 720) {
  const labelWidth = Math.min(
    200,
    Math.max(100, ...indicators.map((i) => textWidth(i.label, FONT.label) / 2 + 12)),
  );
  const valueWidth = 150;
  return {
    labelWidth,
    x0: labelWidth + 12,
    x1: width - valueWidth,
    valueX: width - valueWidth + 14,
    height: TOP + indicators.length * ROW + 8,
    rowY: (index: number) => TOP + index * ROW,
  };
}

/**
 * Outcome indicators as bullet charts: grey ranges (worse than baseline, baseline to target,
 * target met — their order follows the indicator's direction), a bar for the actual value,
 * a thick tick for the target and a thin one for the baseline, and the figures in words.
 */
export function BulletChart({
  indicators,
  format = (v) => String(v),
  formatAchievement = (v) => `${Math.round(v * 100)} %`,
  text: textOverrides,
  width = 720,
  labels,
  ...common
}: BulletChartProps) {
  const text = { ...DEFAULT_BULLET_CHART_TEXT, ...textOverrides };
  const layout = bulletLayout(indicators, width);
  const fmt = (i: BulletIndicator, v: number) =>
    `${(i.format ?? format)(v)}${i.unit ? ` ${i.unit}` : ""}`;
  const achieved = (i: BulletIndicator) =>
    i.actual === null ? null : achievement(i.actual, i.baseline, i.target, i.direction);
  const met = indicators.filter((i) => (achieved(i) ?? 0) >= 1).length;
  const noData = indicators.filter((i) => i.actual === null).length;

  const table: ChartTable = {
    caption: common.title,
    columns: [
      text.indicatorHeader,
      text.baseline,
      text.target,
      text.actual,
      text.direction,
      text.achievement,
    ],
    rows: indicators.map((i) => {
      const a = achieved(i);
      return [
        i.href ? { text: i.label, href: i.href } : i.label,
        { text: fmt(i, i.baseline), value: i.baseline },
        { text: fmt(i, i.target), value: i.target },
        { text: i.actual === null ? text.noValue : fmt(i, i.actual), value: i.actual },
        i.direction === "higher" ? text.higher : text.lower,
        { text: a === null ? text.noValue : formatAchievement(a), value: a },
      ];
    }),
  };

  const rangeSwatch = (fill: string) => (
    <rect width={18} height={12} y={-6} fill={fill} stroke={CHART_COLORS.axis} strokeWidth={0.5} />
  );
  const legend: LegendItem[] = [
    { key: "worse", label: text.rangeWorse, swatch: rangeSwatch(CHART_COLORS.rangeDark) },
    { key: "progress", label: text.rangeProgress, swatch: rangeSwatch(CHART_COLORS.rangeMid) },
    { key: "met", label: text.rangeMet, swatch: rangeSwatch(CHART_COLORS.rangeLight) },
    {
      key: "target",
      label: text.target,
      labelX: 12,
      swatch: <line x1={4} x2={4} y1={-8} y2={8} stroke={CHART_COLORS.ink} strokeWidth={3} />,
    },
  ];

  return (
    <ChartFrame
      {...common}
      labels={labels}
      table={table}
      derivedSummary={text.summarize(met, indicators.length, noData)}
      empty={indicators.length === 0}
    >
      <ChartSvg className="bullet-chart" width={width} height={layout.height} title={common.title}>
        <ChartLegend items={legend} x={layout.x0} y={12} swatchWidth={26} gap={10} labelX={24} />
        {indicators.map((indicator, index) => {
          const top = layout.rowY(index);
          const mid = top + ROW / 2;
          const scale = bulletScale(indicator, layout.x0, layout.x1);
          const [d0, d1] = scale.domain() as [number, number];
          const lowEdge = Math.min(indicator.baseline, indicator.target);
          const highEdge = Math.max(indicator.baseline, indicator.target);
          const ranges =
            indicator.direction === "higher"
              ? [CHART_COLORS.rangeDark, CHART_COLORS.rangeMid, CHART_COLORS.rangeLight]
              : [CHART_COLORS.rangeLight, CHART_COLORS.rangeMid, CHART_COLORS.rangeDark];
          const spans: [number, number][] = [
            [d0, lowEdge],
            [lowEdge, highEdge],
            [highEdge, d1],
          ];
          const a = achieved(indicator);
          const actualText =
            indicator.actual === null ? text.noValue : fmt(indicator, indicator.actual);
          const name =
            `${indicator.label}: ${text.actual} ${actualText}, ${text.target} ${fmt(indicator, indicator.target)}, ` +
            `${text.baseline} ${fmt(indicator, indicator.baseline)}, ${indicator.direction === "higher" ? text.higher : text.lower}` +
            (a === null ? "" : `, ${text.achievement} ${formatAchievement(a)}`) +
            (indicator.band ? `, ${bandText(indicator.band, text.bands)}` : "");
          const zero = scale(Math.max(d0, Math.min(0, d1)));
          return (
            <g key={indicator.key}>
              <Mark label={name} href={indicator.href} className="bullet">
                <HitArea y={top + 2} width={layout.x1 + 4} height={ROW - 4} />
                <g>
                  <RowLabel
                    lines={wrapText(indicator.label, layout.labelWidth, FONT.label, 2)}
                    x={layout.labelWidth}
                    y={mid}
                    lineHeight={15}
                    linked={Boolean(indicator.href)}
                  />
                  {spans.map(([from, to], i) =>
                    to > from ? (
                      <rect
                        key={i}
                        x={r1(scale(from))}
                        y={r1(mid - BAR_HEIGHT / 2)}
                        width={r1(scale(to) - scale(from))}
                        height={r1(BAR_HEIGHT)}
                        fill={ranges[i]}
                      />
                    ) : null,
                  )}
                  {indicator.actual !== null ? (
                    <rect
                      className="bullet-actual"
                      x={r1(Math.min(zero, scale(indicator.actual)))}
                      y={r1(mid - 4)}
                      width={r1(Math.max(1, Math.abs(scale(indicator.actual) - zero)))}
                      height={8}
                      fill={CHART_COLORS.accent}
                    />
                  ) : null}
                  <line
                    className="bullet-baseline"
                    x1={r1(scale(indicator.baseline))}
                    x2={r1(scale(indicator.baseline))}
                    y1={r1(mid - BAR_HEIGHT / 2 + 3)}
                    y2={r1(mid + BAR_HEIGHT / 2 - 3)}
                    stroke={CHART_COLORS.muted}
                    strokeWidth={1.5}
                    strokeDasharray="2 2"
                  />
                  <line
                    className="bullet-target"
                    x1={r1(scale(indicator.target))}
                    x2={r1(scale(indicator.target))}
                    y1={r1(mid - BAR_HEIGHT / 2 - 3)}
                    y2={r1(mid + BAR_HEIGHT / 2 + 3)}
                    stroke={CHART_COLORS.ink}
                    strokeWidth={3}
                  />
                </g>
              </Mark>
              <g aria-hidden="true">
                <text
                  x={r1(layout.x0)}
                  y={r1(mid + BAR_HEIGHT / 2 + 12)}
                  fontSize={FONT.small - 1}
                  fill={CHART_COLORS.muted}
                  aria-hidden="true"
                >
                  {(indicator.format ?? format)(d0)}
                </text>
                <text
                  x={r1(layout.x1)}
                  y={r1(mid + BAR_HEIGHT / 2 + 12)}
                  textAnchor="end"
                  fontSize={FONT.small - 1}
                  fill={CHART_COLORS.muted}
                  aria-hidden="true"
                >
                  {(indicator.format ?? format)(d1)}
                </text>
                {indicator.band ? (
                  <BandSymbol
                    band={indicator.band}
                    x={r1(layout.valueX)}
                    y={r1(mid - 7)}
                    size={10}
                  />
                ) : null}
                <text
                  x={r1(layout.valueX + (indicator.band ? 10 : 0))}
                  y={r1(mid - 7)}
                  dy="0.35em"
                  fontSize={FONT.tick}
                  fontWeight={600}
                  fill={CHART_COLORS.ink}
                  aria-hidden="true"
                >
                  {actualText}
                  {a === null ? "" : ` (${formatAchievement(a)})`}
                </text>
                <text
                  x={r1(layout.valueX)}
                  y={r1(mid + 9)}
                  dy="0.35em"
                  fontSize={FONT.small}
                  fill={CHART_COLORS.muted}
                  aria-hidden="true"
                >
                  {text.target} {fmt(indicator, indicator.target)}
                </text>
              </g>
            </g>
          );
        })}
      </ChartSvg>
    </ChartFrame>
  );
}
