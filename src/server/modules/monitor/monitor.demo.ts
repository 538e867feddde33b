/**
 * The monitor's part of the demo: four quarters of synthetic history (marked synthetic) for every indicator in
 * the catalogue, so trends show on a fresh start, and a few government-wide targets so lights show. The
 * figures are plausible, not measured: drawn per unit from its staff with a slow upward drift. Idempotent:
 * a period already taken is never replaced.
 */
import type { Db } from '../../db/client';
import type { IndicatorDefinition, IndicatorFigure } from '../../platform/indicators';
import type { DemoContext } from '../../platform/module';
import * as repo from './monitor.repo';
import { type FigureSource, listPeriods, takeSnapshot } from './monitor.service';
import { lastEndedPeriod, shiftPeriod } from './periods';
import { STAFF_INDICATOR, staffIndicators } from './staff.indicators';

const HISTORY = 4;

/** A stable number in [0, 1) from a text: the same demo on every start. */
function noise(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

function syntheticFigures(step: number): FigureSource {
  return async (definitions, tree, period) =>
    definitions.flatMap((definition: IndicatorDefinition): IndicatorFigure[] =>
      tree
        .filter((u) => u.staff > 0)
        .map((u) => {
          const r = noise(`${definition.key}|${u.id}|${period.key}`);
          const base = { kind: 'additive' as const, indicatorKey: definition.key, unitId: u.id };
          if (definition.key === STAFF_INDICATOR)
            return { ...base, numerator: u.staff, denominator: 1, people: u.staff };
          const people = Math.max(0, Math.round(u.staff * (0.55 + 0.3 * r)));
          switch (definition.unit) {
            case 'share': {
              const p = Math.min(1, Math.max(0, 0.42 + 0.05 * step + 0.2 * (r - 0.5)));
              return { ...base, numerator: Math.round(people * p), denominator: people, people };
            }
            case 'mean': {
              const { min, max } = definition.scale ?? DEFAULT_SCALE;
              const mean = min + (max - min) * (0.52 + 0.03 * step + 0.15 * (r - 0.5));
              return { ...base, numerator: people * mean, denominator: people, people };
            }
            case 'rate': {
              const count = Math.round(u.staff * (0.15 + 0.03 * step) * (0.5 + r));
              return { ...base, numerator: count, denominator: u.staff, people: count };
            }
            default: {
              const count = Math.round(u.staff * (0.08 + 0.02 * step) * (0.5 + r));
              return { ...base, numerator: count, denominator: 1, people: count };
            }
          }
        }),
    );
}

const DEFAULT_SCALE = { min: 1, max: 5 };

/** Indicators the demo publishes as open data (those present in the catalogue). */
const DEMO_PUBLIC_INDICATORS = [
  'survey.participation',
  'entities.own-words-focus',
  'entities.plan-coverage',
  'entities.endorsements',
  'stories.published',
  'contact.chat-service-level',
  'content.pages-useful',
];

export async function seedMonitorDemo(db: Db, context: DemoContext): Promise<void> {
  const providers = context.indicators?.length ? context.indicators : [staffIndicators];
  const last = lastEndedPeriod(new Date()).key;
  const taken = new Set((await listPeriods(db)).map((p) => p.key));
  for (let step = 0; step < HISTORY; step++) {
    const key = shiftPeriod(last, step - (HISTORY - 1)).key;
    if (taken.has(key)) continue;
    await takeSnapshot(db, providers, key, { synthetic: true, source: syntheticFigures(step) });
  }
  const targets = new Set((await repo.listTargets(db)).map((t) => t.indicatorKey));
  for (const indicator of await repo.listIndicators(db)) {
    const { unit, direction, key } = indicator.definition;
    if (targets.has(key) || direction === 'none' || !indicator.active) continue;
    if (unit === 'share')
      await repo.insertTarget(db, { indicatorKey: key, entityId: null, target: 0.6, margin: 0.08 });
    else if (unit === 'mean') {
      const { min, max } = indicator.definition.scale ?? DEFAULT_SCALE;
      await repo.insertTarget(db, {
        indicatorKey: key,
        entityId: null,
        target: min + 0.625 * (max - min),
        margin: 0.05 * (max - min),
      });
    }
  }
  // Open data starts with the figures about no person or about large groups only, so that /open-data shows
  // what it is for on a fresh start; the admin changes the choice in the catalogue.
  if (!(await repo.listIndicators(db)).some((indicator) => indicator.public))
    for (const key of DEMO_PUBLIC_INDICATORS) await repo.setPublic(db, key, true);
}
