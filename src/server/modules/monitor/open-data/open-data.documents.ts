/**
 * The open data's files: the released figures as CSV and JSON, and the DCAT-AP catalogue that describes
 * them as JSON-LD and Turtle. Pure functions of what the monitor released to everybody; the service makes
 * sure only audience `public` figures reach them, and these drop any hidden figure once more.
 */
import type { CatalogueEntry, ReleasedFigure } from '../released-figures';

export const LICENCE = {
  uri: 'https://data.vlaanderen.be/id/licentie/modellicentie-gratis-hergebruik/v1.0',
  name: {
    nl: 'Modellicentie Gratis Hergebruik',
    en: 'Model licence for free reuse (Modellicentie Gratis Hergebruik)',
  },
};

export const PUBLISHER = {
  name: 'Agentschap Overheidspersoneel',
  homepage: 'https://www.vlaanderen.be/agentschap-overheidspersoneel',
};

const QUARTERLY = 'http://publications.europa.eu/resource/authority/frequency/QUARTERLY';
const FILE_TYPES = {
  csv: {
    format: 'http://publications.europa.eu/resource/authority/file-type/CSV',
    mediaType: 'https://www.iana.org/assignments/media-types/text/csv',
  },
  json: {
    format: 'http://publications.europa.eu/resource/authority/file-type/JSON',
    mediaType: 'https://www.iana.org/assignments/media-types/application/json',
  },
} as const;

export type OpenDataInput = {
  /** Absolute base of the site, without a trailing slash. */
  baseUrl: string;
  /** Only entries marked public. */
  catalogue: CatalogueEntry[];
  /** Audience `public` figures: government-wide and entity rows. */
  figures: ReleasedFigure[];
  entities: { code: string; name: string }[];
  texts: {
    title: { nl: string; en: string };
    description: { nl: string; en: string };
    figures: { nl: string; en: string };
  };
  entityTitle: (name: string) => { nl: string; en: string };
  modified: Date | null;
};

export type OpenFigure = {
  indicator: string;
  label_nl: string;
  label_en: string;
  unit: CatalogueEntry['unit'];
  period: string;
  scope: 'government' | 'entity';
  entity_code: string | null;
  entity_name: string | null;
  value: number;
  people: number | null;
};

/** Published rows: public indicators only, government or entity only, and never a hidden figure. */
export function openFigures(
  catalogue: CatalogueEntry[],
  figures: ReleasedFigure[],
  entityCode?: string,
): OpenFigure[] {
  const entries = new Map(catalogue.filter((e) => e.public).map((e) => [e.key, e]));
  const rows: OpenFigure[] = [];
  for (const f of figures) {
    const entry = entries.get(f.indicatorKey);
    if (!entry || f.hidden || f.value === null) continue;
    const scope = f.unitId === null ? 'government' : f.unitKind === 'entity' ? 'entity' : null;
    if (!scope) continue;
    if (entityCode !== undefined && (scope !== 'entity' || f.unitCode !== entityCode)) continue;
    rows.push({
      indicator: f.indicatorKey,
      label_nl: entry.label.nl,
      label_en: entry.label.en,
      unit: entry.unit,
      period: f.periodKey,
      scope,
      entity_code: scope === 'entity' ? f.unitCode : null,
      entity_name: scope === 'entity' ? f.unitName : null,
      value: f.value,
      people: f.people,
    });
  }
  return rows.sort(
    (a, b) =>
      a.indicator.localeCompare(b.indicator) ||
      a.period.localeCompare(b.period) ||
      (a.entity_code ?? '').localeCompare(b.entity_code ?? ''),
  );
}

const csvField = (value: unknown) => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading formula character would run in a spreadsheet; a quote makes it text.
  const guarded = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
};

export const FIGURE_COLUMNS = [
  'indicator',
  'label_nl',
  'label_en',
  'unit',
  'period',
  'scope',
  'entity_code',
  'entity_name',
  'value',
  'people',
] as const;

export function figuresCsv(rows: OpenFigure[]): string {
  const lines = [FIGURE_COLUMNS.join(',')];
  for (const row of rows) lines.push(FIGURE_COLUMNS.map((c) => csvField(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function figuresJson(rows: OpenFigure[]) {
  return { licence: LICENCE.uri, publisher: PUBLISHER.name, figures: rows };
}

export const figuresUrl = (base: string, format: 'csv' | 'json') =>
  `${base}/api/public/open-data/figures.${format}`;
export const entityFiguresUrl = (base: string, code: string, format: 'csv' | 'json') =>
  `${base}/api/public/open-data/entities/${encodeURIComponent(code)}/figures.${format}`;

const lang = (text: { nl: string; en: string }) => [
  { '@value': text.nl, '@language': 'nl' },
  { '@value': text.en, '@language': 'en' },
];

/** The DCAT-AP catalogue as a JSON-LD document (compacted, with its own context). */
export function catalogueJsonLd(input: OpenDataInput) {
  const base = input.baseUrl;
  const publisher = {
    '@id': `${base}/open-data#publisher`,
    '@type': 'foaf:Agent',
    'foaf:name': PUBLISHER.name,
    'foaf:homepage': { '@id': PUBLISHER.homepage },
  };
  const licence = { '@id': LICENCE.uri, '@type': 'dct:LicenseDocument', 'dct:title': lang(LICENCE.name) };
  const distribution = (
    id: string,
    url: string,
    format: 'csv' | 'json',
    title: { nl: string; en: string },
  ) => ({
    '@id': id,
    '@type': 'dcat:Distribution',
    'dct:title': lang(title),
    'dcat:accessURL': { '@id': url },
    'dcat:downloadURL': { '@id': url },
    'dct:format': { '@id': FILE_TYPES[format].format },
    'dcat:mediaType': { '@id': FILE_TYPES[format].mediaType },
    'dct:license': { '@id': LICENCE.uri },
  });
  const dataset = (id: string, title: { nl: string; en: string }, urls: { csv: string; json: string }) => ({
    '@id': id,
    '@type': 'dcat:Dataset',
    'dct:title': lang(title),
    'dct:description': lang(input.texts.description),
    'dct:publisher': { '@id': publisher['@id'] },
    'dct:license': { '@id': LICENCE.uri },
    'dct:accrualPeriodicity': { '@id': QUARTERLY },
    'dcat:keyword': [
      { '@value': 'waarden', '@language': 'nl' },
      { '@value': 'Vlaamse overheid', '@language': 'nl' },
      { '@value': 'values', '@language': 'en' },
    ],
    'dcat:landingPage': { '@id': `${base}/open-data` },
    ...(input.modified
      ? { 'dct:modified': { '@value': input.modified.toISOString(), '@type': 'xsd:dateTime' } }
      : {}),
    'dcat:distribution': (['csv', 'json'] as const).map((format) =>
      distribution(`${id}-${format}`, urls[format], format, {
        nl: `${title.nl} (${format.toUpperCase()})`,
        en: `${title.en} (${format.toUpperCase()})`,
      }),
    ),
  });
  const datasets = [
    dataset(`${base}/open-data#figures`, input.texts.figures, {
      csv: figuresUrl(base, 'csv'),
      json: figuresUrl(base, 'json'),
    }),
    ...input.entities.map((entity) =>
      dataset(`${base}/open-data#entity-${encodeURIComponent(entity.code)}`, input.entityTitle(entity.name), {
        csv: entityFiguresUrl(base, entity.code, 'csv'),
        json: entityFiguresUrl(base, entity.code, 'json'),
      }),
    ),
  ];
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@graph': [
      {
        '@id': `${base}/open-data#catalogue`,
        '@type': 'dcat:Catalog',
        'dct:title': lang(input.texts.title),
        'dct:description': lang(input.texts.description),
        'dct:publisher': { '@id': publisher['@id'] },
        'dct:license': { '@id': LICENCE.uri },
        'foaf:homepage': { '@id': `${base}/open-data` },
        'dcat:dataset': datasets.map((d) => ({ '@id': d['@id'] })),
      },
      publisher,
      licence,
      ...datasets,
    ],
  };
}

/**
 * The same catalogue as Turtle: the JSON-LD turned into triples by a JSON-LD processor, written by n3, so
 * the two documents cannot say different things.
 */
export async function catalogueTurtle(input: OpenDataInput): Promise<string> {
  const [{ default: jsonld }, { Parser, Writer }] = await Promise.all([import('jsonld'), import('n3')]);
  const document = catalogueJsonLd(input);
  const nquads = (await jsonld.toRDF(document as object, {
    format: 'application/n-quads',
    // The context is inline; nothing may be fetched from the network while answering a request.
    documentLoader: async (url: string) => {
      throw new Error(`no remote JSON-LD context allowed: ${url}`);
    },
  })) as unknown as string;
  const writer = new Writer({ prefixes: { ...document['@context'] } });
  writer.addQuads(new Parser({ format: 'N-Quads' }).parse(nquads));
  return new Promise((resolve, reject) =>
    writer.end((error, result) => (error ? reject(error) : resolve(result))),
  );
}
