/**
 * Open data: only what the monitor releases to everybody (audience `public`: indicators the admin marked
 * public, government-wide and entity rows, hidden cells without value) and nothing else.
 */
import type { Db } from '../../../db/client';
import { AppError } from '../../../http/errors';
import { translator } from '../../../http/i18n';
import * as monitor from '../monitor.service';
import {
  catalogueJsonLd,
  catalogueTurtle,
  figuresCsv,
  figuresJson,
  type OpenDataInput,
  type OpenFigure,
  openFigures,
} from './open-data.documents';

async function released(db: Db) {
  const [catalogue, figures, periods] = await Promise.all([
    monitor.catalogue(db),
    monitor.releasedFigures(db, { audience: 'public', unitKinds: ['entity'], government: true }),
    monitor.listPeriods(db),
  ]);
  const open = catalogue.filter((e) => e.public);
  const rows = openFigures(open, figures);
  const entities = new Map<string, string>();
  for (const row of rows)
    if (row.entity_code) entities.set(row.entity_code, row.entity_name ?? row.entity_code);
  return {
    catalogue: open,
    figures,
    rows,
    entities: [...entities]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    periods: periods.map((p) => p.key).sort(),
    modified: periods.reduce<Date | null>(
      (latest, p) => (!latest || p.takenAt > latest ? p.takenAt : latest),
      null,
    ),
  };
}

export async function index(db: Db) {
  const data = await released(db);
  return {
    indicators: data.catalogue.map((e) => ({
      key: e.key,
      label: e.label,
      unit: e.unit,
      direction: e.direction,
    })),
    entities: data.entities,
    periods: [...new Set(data.rows.map((r) => r.period))].sort(),
  };
}

const file = (rows: OpenFigure[], format: 'csv' | 'json') =>
  format === 'csv'
    ? { type: 'text/csv; charset=utf-8', body: figuresCsv(rows) }
    : { type: 'application/json; charset=utf-8', body: JSON.stringify(figuresJson(rows)) };

export async function figures(db: Db, format: 'csv' | 'json') {
  return file((await released(db)).rows, format);
}

export async function entityFigures(db: Db, code: string, format: 'csv' | 'json') {
  const data = await released(db);
  if (!data.entities.some((e) => e.code === code)) throw new AppError('NOT_FOUND');
  return file(
    data.rows.filter((r) => r.entity_code === code),
    format,
  );
}

export async function catalogue(db: Db, baseUrl: string, format: 'jsonld' | 'ttl') {
  const data = await released(db);
  const nl = translator('nl');
  const en = translator('en');
  const both = (key: string, params: Record<string, unknown> = {}) => ({
    nl: nl(key, params),
    en: en(key, params),
  });
  const input: OpenDataInput = {
    baseUrl,
    catalogue: data.catalogue,
    figures: data.figures,
    entities: data.entities,
    texts: {
      title: both('monitor-io.openData.title'),
      description: both('monitor-io.openData.description'),
      figures: both('monitor-io.openData.figures'),
    },
    entityTitle: (name) => both('monitor-io.openData.entityFigures', { name }),
    modified: data.modified,
  };
  return format === 'jsonld'
    ? { type: 'application/ld+json; charset=utf-8', body: JSON.stringify(catalogueJsonLd(input)) }
    : { type: 'text/turtle; charset=utf-8', body: await catalogueTurtle(input) };
}
