import { useEffect, useId, useRef, useState } from 'react';

export type Series = { key: string; label: string; values: (number | null)[] };

// Distinct by lightness too (not hue alone), and the legend and the table beside the chart carry the figures.
const FILLS = ['#333332', '#ffe615', '#0055cc', '#8a9299'];

/**
 * A small grouped bar chart in SVG: an image with a title and a short description for assistive technology.
 * The exact figures are always in the data table shown beside it, which is what screen readers should use.
 */
export function BarChart({
  title,
  description,
  labels,
  series,
  max: fixedMax,
  format = String,
}: {
  title: string;
  description: string;
  labels: string[];
  series: Series[];
  max?: number;
  format?: (value: number) => string;
}) {
  const id = useId();
  const figure = useRef<HTMLElement>(null);
  const width = useDrawingWidth(figure);
  const height = 220;
  const left = 44;
  const bottom = 28;
  const top = 8;
  const plotHeight = height - bottom - top;
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = fixedMax ?? Math.max(1, ...values);
  const groupWidth = (width - left - 4) / Math.max(1, labels.length);
  const barWidth = Math.max(1, (groupWidth * 0.8) / Math.max(1, series.length));
  const ticks = [0, 0.5, 1].map((f) => f * max);
  // Label every n-th bucket so labels never overlap: about 56 px per label at 12 px type.
  const every = Math.max(1, Math.ceil(labels.length / Math.max(2, Math.floor((width - left) / 56))));
  return (
    <figure className="chart" ref={figure}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart__svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((tick) => {
          const y = top + plotHeight - (tick / max) * plotHeight;
          return (
            <g key={tick}>
              <line x1={left} x2={width} y1={y} y2={y} stroke="#c4cbd2" strokeWidth={1} />
              <text x={left - 4} y={y + 4} textAnchor="end" fontSize={12} fill="#545b61">
                {format(Math.round(tick * 10) / 10)}
              </text>
            </g>
          );
        })}
        {labels.map((label, i) => {
          const x0 = left + i * groupWidth + groupWidth * 0.1;
          return (
            <g key={label}>
              {series.map((s, j) => {
                const value = s.values[i];
                if (value === null || value === undefined) return null;
                const h = (value / max) * plotHeight;
                return (
                  <rect
                    key={s.key}
                    x={x0 + j * barWidth}
                    y={top + plotHeight - h}
                    width={barWidth}
                    height={h}
                    fill={FILLS[j % FILLS.length]}
                    stroke="#333332"
                    strokeWidth={0.5}
                  />
                );
              })}
              {i % every === 0 ? (
                <text
                  x={x0 + (groupWidth * 0.8) / 2}
                  y={height - 10}
                  textAnchor="middle"
                  fontSize={12}
                  fill="#333332"
                >
                  {label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart__legend">
        {series.map((s, j) => (
          <span key={s.key} className="chart__key">
            <span
              className="chart__swatch"
              style={{ background: FILLS[j % FILLS.length] }}
              aria-hidden="true"
            />
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/**
 * The chart is drawn at the width it is shown at (one unit is one CSS pixel), so its labels keep a
 * readable size on a phone instead of shrinking with a scaled-down drawing.
 */
function useDrawingWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.round(entry?.contentRect.width ?? 0);
      if (next > 0) setWidth(Math.max(240, next));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
