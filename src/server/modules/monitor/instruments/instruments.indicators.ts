/**
 * Imported instruments as an indicator provider: their indicators join the monitor's catalogue, their
 * values in force reach the snapshot as given figures. A figure about fewer people than the indicator's
 * minimum is left out here already, so no path can show it.
 */
import type { Db } from '../../../db/client';
import type {
  IndicatorDefinition,
  IndicatorFigure,
  IndicatorPeriod,
  IndicatorProvider,
} from '../../../platform/indicators';
import * as repo from './instruments.repo';

export async function definitions(db: Db): Promise<IndicatorDefinition[]> {
  const rows = await repo.indicatorsWithInstrument(db);
  return rows.map(({ indicator, instrument }) => ({
    key: indicator.key,
    objective: (indicator.objective ?? null) as IndicatorDefinition['objective'],
    strategy: (indicator.strategy ?? null) as IndicatorDefinition['strategy'],
    label: { nl: indicator.labelNl, en: indicator.labelEn },
    definition: {
      nl: indicator.definitionNl || indicator.labelNl,
      en: indicator.definitionEn || indicator.labelEn,
    },
    source: {
      nl: `${instrument.nameNl} (${instrument.owner}), ingevoerd door het programmateam`,
      en: `${instrument.nameEn} (${instrument.owner}), imported by the programme team`,
    },
    safety: {
      nl: `Alleen getoond als het cijfer over minstens ${indicator.minPeople} mensen gaat.`,
      en: `Shown only when the figure is about at least ${indicator.minPeople} people.`,
    },
    unit: indicator.unit,
    direction: indicator.direction,
    minPeople: indicator.minPeople,
  }));
}

export async function figures(db: Db, period: IndicatorPeriod): Promise<IndicatorFigure[]> {
  const rows = await repo.figuresOfPeriod(db, period.key);
  return rows
    .filter((r) => r.minPeople === 0 || (r.people !== null && r.people >= r.minPeople))
    .map((r) => ({ kind: 'given', indicatorKey: r.key, unitId: r.unitId, value: r.value, people: r.people }));
}

export const instrumentsIndicators: IndicatorProvider = { definitions, figures };
