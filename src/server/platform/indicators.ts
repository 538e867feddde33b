/**
 * What a module tells the monitor: the indicators it owns and, for a period, the figures behind them.
 * The monitor (src/server/modules/monitor) knows no module's tables; it asks every module that declares
 * `indicators` in its definition, rolls the figures up the organisation tree as it was at the snapshot,
 * plans their disclosure and stores them.
 */
import type { Db } from '../db/client';

export type Localised = { nl: string; en: string };

/** The programme's five objectives and four strategies, as numbered on the seed page. */
export type Objective = 1 | 2 | 3 | 4 | 5;
export type Strategy = 1 | 2 | 3 | 4;

/**
 * How a figure reads: `share` is a fraction 0–1, `mean` is on the scale the definition names, `count` is
 * a number of things, `rate` is per 100 staff of the unit.
 */
export type IndicatorUnit = 'share' | 'mean' | 'count' | 'rate';

export type IndicatorDefinition = {
  /** Stable and global: `<module>.<name>`, e.g. `entities.touchstone-use`. Used in URLs and open data. */
  key: string;
  objective: Objective | null;
  strategy: Strategy | null;
  label: Localised;
  definition: Localised;
  /** Where the figure comes from, in words a reader understands. */
  source: Localised;
  /** The rule that makes it safe to show, in words (the monitor enforces `minPeople`). */
  safety: Localised;
  unit: IndicatorUnit;
  /** For a `mean`: the scale it is on (1–5 when not given), so charts, targets and demo data fit it. */
  scale?: { min: number; max: number };
  /** Whether a higher value is better, worse, or neither (for traffic lights and trend arrows). */
  direction: 'higher' | 'lower' | 'none';
  /**
   * The fewest people a shown figure may be about; 0 when the figure is about no person (endorsements,
   * entities' plans). The monitor hides smaller groups and plans complementary hiding over the tree.
   */
  minPeople: number;
};

/** A period of the monitor: a calendar quarter in Brussels time, `end` exclusive. */
export type IndicatorPeriod = { key: string; start: Date; end: Date };

/**
 * One unit's own contribution to an indicator. The monitor sums `numerator`, `denominator` and `people`
 * over a unit's subtree (the unit's own staff and everything below it) and over the whole government;
 * the shown value is numerator / denominator (share, mean), numerator (count), or 100 × numerator /
 * denominator with the unit's staff as denominator (rate).
 */
export type AdditiveFigure = {
  kind: 'additive';
  indicatorKey: string;
  /** The unit the contribution belongs to directly; null for a contribution outside every unit. */
  unitId: number | null;
  numerator: number;
  denominator: number;
  /** How many people the contribution is about (respondents, learners, leaders), for the k rule. */
  people: number;
};

/**
 * A figure given as it is for one unit (or the whole government, unitId null): it is not summed, e.g. an
 * imported result of another instrument, or a figure only the whole government has.
 */
export type GivenFigure = {
  kind: 'given';
  indicatorKey: string;
  unitId: number | null;
  value: number;
  /** People it is about, when known; a given figure with fewer than the definition's minPeople is never shown. */
  people: number | null;
};

export type IndicatorFigure = AdditiveFigure | GivenFigure;

export type IndicatorProvider = {
  /** The indicators this module owns. Keys must be unique over all providers. */
  definitions(db: Db): Promise<IndicatorDefinition[]>;
  /** The figures for one period, for every unit that has any. */
  figures(db: Db, period: IndicatorPeriod): Promise<IndicatorFigure[]>;
};
