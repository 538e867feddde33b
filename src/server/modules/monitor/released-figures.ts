/**
 * What the monitor lets out: the figures of stored snapshots after disclosure planning, with their targets
 * and traffic lights. The dashboard, the management report and the open data all read through this one
 * shape, so none of them can show a figure the others hide.
 */
import type { IndicatorDefinition } from '../../platform/indicators';

/** Who reads: `public` is open data (only indicators marked public, only government-wide and entity rows). */
export type Audience = 'public' | 'staff';

export type TrafficLight = 'green' | 'amber' | 'red';

export type SnapshotPeriod = {
  /** `2026-Q4` */
  key: string;
  start: Date;
  /** Exclusive. */
  end: Date;
  takenAt: Date;
  /** Seeded demo history rather than measured. */
  synthetic: boolean;
};

export type ReleasedFigure = {
  indicatorKey: string;
  periodKey: string;
  /** Null: the whole government. */
  unitId: number | null;
  unitCode: string | null;
  unitName: string | null;
  /** The unit's kind as it was at the snapshot (entity, division, team…); null for the government. */
  unitKind: string | null;
  /** Null when hidden (fewer than k people, or hidden so that no smaller group can be derived). */
  value: number | null;
  hidden: boolean;
  /** People the figure is about; null when hidden or unknown. */
  people: number | null;
  target: number | null;
  light: TrafficLight | null;
};

export type CatalogueEntry = IndicatorDefinition & {
  /** `computed` by a module, or `imported` from another instrument (then `instrument` names it). */
  origin: 'computed' | 'imported';
  instrument: string | null;
  /** Marked by the programme admin for open data. */
  public: boolean;
};
