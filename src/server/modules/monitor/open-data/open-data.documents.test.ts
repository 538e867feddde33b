import { describe, expect, it } from 'vitest';
import type { CatalogueEntry, ReleasedFigure } from '../released-figures';
import {
  catalogueJsonLd,
  catalogueTurtle,
  figuresCsv,
  LICENCE,
  type OpenDataInput,
  openFigures,
  PUBLISHER,
} from './open-data.documents';

const entry = (key: string, isPublic: boolean): CatalogueEntry => ({
  key,
  objective: 3,
  strategy: null,
  label: { nl: `NL ${key}`, en: `EN ${key}` },
  definition: { nl: 'd', en: 'd' },
  source: { nl: 's', en: 's' },
  safety: { nl: 'v', en: 's' },
  unit: 'share',
  direction: 'higher',
  minPeople: 5,
  origin: 'computed',
  instrument: null,
  public: isPublic,
});

const figure = (over: Partial<ReleasedFigure>): ReleasedFigure => ({
  indicatorKey: 'a.public',
  periodKey: '2026-Q3',
  unitId: null,
  unitCode: null,
  unitName: null,
  unitKind: null,
  value: 0.5,
  hidden: false,
  people: 100,
  target: null,
  light: null,
  ...over,
});

const catalogue = [entry('a.public', true), entry('b.internal', false)];
const figures = [
  figure({}),
  figure({
    unitId: 1,
    unitCode: 'OVO1',
    unitName: 'Alfa, "het" agentschap',
    unitKind: 'entity',
    value: 0.6,
    people: 40,
  }),
  figure({
    unitId: 2,
    unitCode: 'OVO2',
    unitName: 'Beta',
    unitKind: 'entity',
    value: 0.41,
    hidden: true,
    people: 3,
  }),
  figure({ unitId: 3, unitCode: 'DIV', unitName: 'Afdeling', unitKind: 'division', value: 0.7, people: 30 }),
  figure({ indicatorKey: 'b.internal', value: 0.99 }),
];

const input: OpenDataInput = {
  baseUrl: 'https://waarden.example.be',
  catalogue,
  figures,
  entities: [
    { code: 'OVO1', name: 'Alfa' },
    { code: 'OVO2', name: 'Beta' },
  ],
  texts: {
    title: { nl: 'Titel', en: 'Title' },
    description: { nl: 'Beschrijving', en: 'Description' },
    figures: { nl: 'Cijfers', en: 'Figures' },
  },
  entityTitle: (name) => ({ nl: `Cijfers van ${name}`, en: `Figures of ${name}` }),
  modified: new Date('2026-10-01T00:00:00Z'),
};

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

type Triple = { s: string; p: string; o: string };

function checkCatalogue(triples: Triple[]) {
  const objects = (s: string, p: string) => triples.filter((t) => t.s === s && t.p === p).map((t) => t.o);
  const ofType = (type: string) => triples.filter((t) => t.p === RDF_TYPE && t.o === type).map((t) => t.s);
  const [catalogueId] = ofType(`${DCAT}Catalog`);
  expect(catalogueId).toBe('https://waarden.example.be/open-data#catalogue');
  expect(objects(catalogueId!, `${DCT}license`)).toEqual([LICENCE.uri]);
  const [publisher] = objects(catalogueId!, `${DCT}publisher`);
  expect(objects(publisher!, 'http://xmlns.com/foaf/0.1/name')).toEqual([PUBLISHER.name]);
  const datasets = objects(catalogueId!, `${DCAT}dataset`);
  expect(datasets).toHaveLength(3);
  expect(ofType(`${DCAT}Dataset`).sort()).toEqual([...datasets].sort());
  for (const dataset of datasets) {
    expect(objects(dataset, `${DCT}accrualPeriodicity`)).toEqual([
      'http://publications.europa.eu/resource/authority/frequency/QUARTERLY',
    ]);
    expect(objects(dataset, `${DCT}license`)).toEqual([LICENCE.uri]);
    const distributions = objects(dataset, `${DCAT}distribution`);
    expect(distributions).toHaveLength(2);
    for (const distribution of distributions) {
      expect(objects(distribution, RDF_TYPE)).toEqual([`${DCAT}Distribution`]);
      expect(objects(distribution, `${DCAT}downloadURL`)[0]).toMatch(
        /^https:\/\/waarden\.example\.be\/api\/public\/open-data\/.*figures\.(csv|json)$/,
      );
      expect(objects(distribution, `${DCT}license`)).toEqual([LICENCE.uri]);
      expect(objects(distribution, `${DCT}format`)[0]).toMatch(/file-type\/(CSV|JSON)$/);
    }
  }
  expect(objects('https://waarden.example.be/open-data#entity-OVO1', `${DCAT}distribution`)).toContain(
    'https://waarden.example.be/open-data#entity-OVO1-csv',
  );
}

describe('open data documents', () => {
  it('publish public indicators only, government and entities only, and never a hidden figure', () => {
    const rows = openFigures(catalogue, figures);
    expect(rows.map((r) => [r.indicator, r.scope, r.entity_code, r.value])).toEqual([
      ['a.public', 'government', null, 0.5],
      ['a.public', 'entity', 'OVO1', 0.6],
    ]);
    expect(openFigures(catalogue, figures, 'OVO2')).toEqual([]);
    const csv = figuresCsv(rows);
    expect(csv.split('\r\n')[0]).toBe(
      'indicator,label_nl,label_en,unit,period,scope,entity_code,entity_name,value,people',
    );
    expect(csv).toContain('"Alfa, ""het"" agentschap"');
    expect(csv).not.toContain('0.41');
    expect(csv).not.toContain('0.99');
  });

  it('describes the data as DCAT-AP in JSON-LD that a JSON-LD processor reads', async () => {
    const { default: jsonld } = await import('jsonld');
    const document = catalogueJsonLd(input);
    const expanded = await jsonld.expand(document as object);
    expect(expanded.length).toBeGreaterThan(3);
    const nquads = (await jsonld.toRDF(document as object, {
      format: 'application/n-quads',
    })) as unknown as string;
    const { Parser } = await import('n3');
    const quads = new Parser({ format: 'N-Quads' }).parse(nquads);
    checkCatalogue(quads.map((q) => ({ s: q.subject.value, p: q.predicate.value, o: q.object.value })));
  });

  it('says the same in Turtle, which n3 parses', async () => {
    const turtle = await catalogueTurtle(input);
    expect(turtle).toContain('@prefix dcat:');
    const { Parser } = await import('n3');
    const quads = new Parser({ format: 'Turtle' }).parse(turtle);
    checkCatalogue(quads.map((q) => ({ s: q.subject.value, p: q.predicate.value, o: q.object.value })));
    const titles = quads.filter(
      (q) => q.predicate.value === `${DCT}title` && q.subject.value.endsWith('#catalogue'),
    );
    expect(titles.map((q) => [q.object.value, 'language' in q.object ? q.object.language : ''])).toEqual(
      expect.arrayContaining([
        ['Titel', 'nl'],
        ['Title', 'en'],
      ]),
    );
  });
});
