import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { RouteOutput } from '../../../shared/api/contract';
import type { monitorApi, PointOut } from '../../../shared/api/monitor';
import { currentLocale } from '../../app/i18n';
import { paths } from '../../app/paths';
import { hasRole, useMe } from '../../app/session';
import './monitor.css';

export type Dashboard = RouteOutput<typeof monitorApi.routes.dashboard>;
export type DashboardIndicator = Dashboard['indicators'][number];
export type IndicatorUnit = DashboardIndicator['unit'];

export function MonitorNav() {
  const { t } = useTranslation();
  const me = useMe().data;
  const items: { to: string; label: string }[] = [
    { to: paths.monitor, label: t('monitor.nav.dashboard') },
    { to: paths.monitorCatalogue, label: t('monitor.nav.catalogue') },
  ];
  if (hasRole(me, 'programme_admin'))
    items.push({ to: paths.monitorTargets, label: t('monitor.nav.targets') });
  return (
    <nav className="mon-subnav" aria-label={t('monitor.nav.link')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A figure as its unit reads: a share as a percentage, a mean with two decimals, a count whole. */
export function formatFigure(value: number, unit: IndicatorUnit): string {
  const locale = currentLocale() === 'en' ? 'en-GB' : 'nl-BE';
  if (unit === 'share')
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  if (unit === 'count') return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** The light as a word and a shape, never by colour alone. */
export function Light({ light }: { light: PointOut['light'] }) {
  const { t } = useTranslation();
  if (!light) return null;
  const shape = { green: '●', amber: '▲', red: '■' }[light];
  return (
    <span className={`mon-light mon-light--${light}`}>
      <span aria-hidden="true">{shape} </span>
      {t(`monitor.dashboard.light.${light}`)}
    </span>
  );
}

/**
 * A trend line in SVG: an image with a title and description; the figures are in the table that always
 * follows it, which is what screen readers should use. Hidden points leave a gap.
 */
export function TrendChart({
  title,
  periods,
  series,
  unit,
}: {
  title: string;
  periods: string[];
  series: { label: string; points: PointOut[]; dashed?: boolean }[];
  unit: IndicatorUnit;
}) {
  const { t } = useTranslation();
  const id = useId();
  const width = 320;
  const height = 140;
  const left = 48;
  const right = 8;
  const top = 10;
  const bottom = 24;
  const values = series.flatMap((s) => s.points.map((p) => p.value).filter((v): v is number => v !== null));
  const max = unit === 'share' ? 1 : Math.max(1, ...values) * 1.1;
  const x = (i: number) =>
    left + (periods.length <= 1 ? 0 : (i * (width - left - right)) / (periods.length - 1));
  const y = (v: number) => top + (height - top - bottom) * (1 - v / max);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      className="mon-chart"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{t('monitor.dashboard.trendDescription')}</desc>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line
            x1={left}
            x2={width - right}
            y1={y(f * max)}
            y2={y(f * max)}
            stroke="#c4cbd2"
            strokeWidth={1}
          />
          <text x={left - 4} y={y(f * max) + 4} textAnchor="end" fontSize={11} fill="#545b61">
            {formatFigure(f * max, unit)}
          </text>
        </g>
      ))}
      {periods.map((p, i) => (
        <text key={p} x={x(i)} y={height - 6} textAnchor="middle" fontSize={11} fill="#545b61">
          {p}
        </text>
      ))}
      {series.map((s, si) => {
        const byPeriod = new Map(s.points.map((p) => [p.periodKey, p.value]));
        const segments: string[] = [];
        let current = '';
        periods.forEach((p, i) => {
          const v = byPeriod.get(p);
          if (v === null || v === undefined) {
            if (current) segments.push(current);
            current = '';
            return;
          }
          current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
        });
        if (current) segments.push(current);
        const color = si === 0 ? '#333332' : '#0055cc';
        return (
          <g key={s.label}>
            {segments.map((d) => (
              <path
                key={d}
                d={d}
                fill="none"
                stroke={color}
                strokeWidth={2}
                strokeDasharray={s.dashed ? '5 3' : undefined}
              />
            ))}
            {periods.map((p, i) => {
              const v = byPeriod.get(p);
              return v === null || v === undefined ? null : (
                <circle key={p} cx={x(i)} cy={y(v)} r={3} fill={color} />
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
