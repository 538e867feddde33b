import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import {
  type SurveyItemKind,
  type SurveyOption,
  surveyComments,
  surveyInvitations,
  surveyQuestionnaires,
  surveyResponses,
  surveyWaveDemographics,
  surveyWaveItems,
  surveyWaves,
  surveyWaveUnits,
} from '../../../db/schema';
import { hashToken, tokenFor } from '../survey.tokens';

/**
 * A closed (or open) wave with synthetic answers written straight into the frozen tables, for
 * the results tests, the adversarial suite and the benchmark. Deterministic for a seed.
 */

export interface FixtureUnit {
  id: number;
  parentId: number | null;
  nameNl: string;
  kind?: string;
  entityId?: number | null;
  /** Respondents whose own unit this is. */
  respondents: number;
  /** Invited people (≥ respondents); default respondents + 20%. */
  invited?: number;
}

export interface FixtureItem {
  key: string;
  kind: SurveyItemKind;
  valueKey?: string | null;
  outcome?: boolean;
  options?: SurveyOption[];
  /** Share of respondents that skip it (0..1), default 0. */
  skip?: number;
}

export interface FixtureDemographic {
  key: string;
  options: SurveyOption[];
  k?: number;
}

export interface FixtureOptions {
  title?: string;
  status?: 'open' | 'closed';
  closesOn?: string;
  k?: number;
  units: FixtureUnit[];
  items: FixtureItem[];
  demographics?: FixtureDemographic[];
  seed?: number;
  /** Comments per respondent for each text item (0..1). */
  commentRate?: number;
  previousWaveId?: number | null;
  /** Invitation rows too (participation, submissions); tokens come from the returned key. */
  invitations?: boolean;
  batchSize?: number;
  /** Skip writing responses (the bench submits them through the API). */
  responses?: boolean;
}

export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/** The standard-module-like item set used by the bench and tests: `perValue` items per value + outcome. */
export function standardLikeItems(perValue: number, extra: FixtureItem[] = []): FixtureItem[] {
  const values = ['openheid', 'daadkracht', 'vertrouwen', 'wendbaarheid'];
  const items: FixtureItem[] = [];
  for (const v of values)
    for (let i = 1; i <= perValue; i++) items.push({ key: `${v}.${i}`, kind: 'agree5', valueKey: v });
  items.push({ key: 'engagement.1', kind: 'agree5', outcome: true });
  items.push({ key: 'engagement.2', kind: 'scale10', outcome: true });
  return [...items, ...extra];
}

export async function createFixtureWave(db: Db, o: FixtureOptions) {
  const random = rng(o.seed ?? 1);
  const [q] = await db
    .insert(surveyQuestionnaires)
    .values({ titleNl: `${o.title ?? 'Peiling'} (vragenlijst)` })
    .returning({ id: surveyQuestionnaires.id });
  const status = o.status ?? 'closed';
  const closesOn = o.closesOn ?? '2026-06-30';
  const tokenKey = 'dGVzdC10b2tlbi1rZXktdGVzdC10b2tlbi1rZXktMDA';
  const [wave] = await db
    .insert(surveyWaves)
    .values({
      questionnaireId: q!.id,
      titleNl: o.title ?? 'Peiling',
      titleEn: o.title ?? 'Survey',
      status,
      opensOn: '2026-06-01',
      closesOn,
      minGroupSize: o.k ?? 5,
      previousWaveId: o.previousWaveId ?? null,
      tokenKey,
      launchedAt: new Date('2026-06-01T06:00:00Z'),
      closedAt: status === 'closed' ? new Date(`${closesOn}T20:00:00Z`) : null,
    })
    .returning({ id: surveyWaves.id });
  const waveId = wave!.id;

  let slot = 0;
  const itemRows = await db
    .insert(surveyWaveItems)
    .values(
      o.items.map((it, i) => ({
        waveId,
        position: i + 1,
        slot: it.kind === 'text' ? null : ++slot,
        itemKey: it.key,
        sectionPosition: 1,
        sectionTitleNl: 'Onderdeel',
        sectionTitleEn: 'Section',
        kind: it.kind,
        textNl: `Stelling ${it.key}`,
        textEn: `Statement ${it.key}`,
        options: it.options ?? [],
        valueKey: (it.valueKey ?? null) as never,
        outcome: it.outcome ?? false,
        required: false,
      })),
    )
    .returning({ id: surveyWaveItems.id, slot: surveyWaveItems.slot, position: surveyWaveItems.position });
  const slots = slot;
  const demographics = o.demographics ?? [];
  if (demographics.length > 0)
    await db.insert(surveyWaveDemographics).values(
      demographics.map((d, i) => ({
        waveId,
        position: i + 1,
        key: d.key,
        labelNl: d.key,
        labelEn: d.key,
        options: d.options,
        minGroupSize: d.k ?? 10,
      })),
    );

  const byId = new Map(o.units.map((u) => [u.id, u]));
  const pathOf = (u: FixtureUnit): string =>
    u.parentId === null ? `/${u.id}/` : `${pathOf(byId.get(u.parentId)!)}${u.id}/`;
  const chunk = <T>(xs: T[], n: number) =>
    Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
  for (const part of chunk(o.units, 500)) {
    await db.insert(surveyWaveUnits).values(
      part.map((u) => ({
        waveId,
        unitId: u.id,
        parentId: u.parentId,
        path: pathOf(u),
        depth: pathOf(u).split('/').length - 3,
        kind: u.kind ?? 'team',
        code: `U${u.id}`,
        nameNl: u.nameNl,
        nameEn: u.nameNl,
        entityId: u.entityId ?? null,
        invited: u.invited ?? Math.ceil(u.respondents * 1.2),
      })),
    );
  }

  // Per-unit tendency so units differ; answers 1..5 around it.
  const batch = o.batchSize ?? 2000;
  let pending: Array<typeof surveyResponses.$inferInsert> = [];
  let comments: Array<typeof surveyComments.$inferInsert> = [];
  const textItems = itemRows.filter((r) => r.slot === null);
  let total = 0;
  const flush = async () => {
    if (pending.length) await db.insert(surveyResponses).values(pending);
    if (comments.length) await db.insert(surveyComments).values(comments);
    pending = [];
    comments = [];
  };
  const writeResponses = o.responses ?? true;
  for (const u of o.units) {
    const tilt = random() * 2 - 1;
    for (let r = 0; r < (writeResponses ? u.respondents : 0); r++) {
      const scores: Array<number | null> = new Array(slots).fill(null);
      const person = random() * 1.5 - 0.75 + tilt;
      let s = 0;
      for (const it of o.items) {
        if (it.kind === 'text') continue;
        const idx = s++;
        if (it.skip && random() < it.skip) continue;
        if (it.kind === 'agree5')
          scores[idx] = Math.max(1, Math.min(5, Math.round(3.4 + person + (random() - 0.5) * 2)));
        else if (it.kind === 'scale10')
          scores[idx] = Math.max(0, Math.min(10, Math.round(7 + person * 2 + (random() - 0.5) * 4)));
        else if (it.kind === 'single')
          scores[idx] = 1 + Math.floor(random() * Math.max(1, it.options?.length ?? 1));
        else scores[idx] = Math.floor(random() * (1 << Math.max(1, it.options?.length ?? 1)));
      }
      const demo = demographics.map((d) =>
        random() < 0.05 ? null : 1 + Math.floor(random() * d.options.length),
      );
      pending.push({
        waveId,
        unitId: u.id,
        entityId: u.entityId ?? null,
        submittedOn: '2026-06-10',
        scores: scores as number[],
        demographics: demo as number[],
      });
      for (const t of textItems) {
        if (random() < (o.commentRate ?? 0))
          comments.push({
            waveId,
            unitId: u.id,
            waveItemId: t.id,
            text: `Opmerking ${total} uit eenheid ${u.id}; mail me op jan${total}@voorbeeld.be of bel 0470 12 34 ${String(total % 100).padStart(2, '0')}`,
          });
      }
      total++;
      if (pending.length >= batch) await flush();
    }
  }
  await flush();

  if (o.invitations) {
    const rows: Array<typeof surveyInvitations.$inferInsert> = [];
    let person = 0;
    for (const u of o.units) {
      const invited = u.invited ?? Math.ceil(u.respondents * 1.2);
      for (let i = 0; i < invited; i++) {
        person++;
        rows.push({
          waveId,
          personId: null,
          unitId: u.id,
          tokenHash: hashToken(tokenFor(tokenKey, waveId, 1_000_000 + person)),
          answered: writeResponses && i < u.respondents,
          invitedAt: new Date('2026-06-01T06:00:00Z'),
        });
      }
    }
    for (const part of chunk(rows, 2000)) await db.insert(surveyInvitations).values(part);
  }
  await db.execute(sql`select 1`);
  return { waveId, tokenKey, slots, itemIds: itemRows.map((r) => r.id), respondents: total };
}

/** The tokens of a fixture wave's invitations, in the order they were created. */
export function fixtureTokens(tokenKey: string, waveId: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => tokenFor(tokenKey, waveId, 1_000_001 + i));
}

/**
 * A small organisation with a closed wave over it, as the results and adversarial tests use it:
 *
 *   D (domain, root)
 *   ├─ E1 (entity, 6 direct)  ├─ V1 (division, 4 direct) ─ T1 12 · T2 3 · T3 8
 *   │                         └─ V2 (division, 35)
 *   └─ E2 (entity, 20) ─ T4 7
 *
 * Real org units (so managers and coordinators are real), the wave's snapshot copies them.
 */
export async function createScenario(
  db: Db,
  prefix: string,
  opts: Partial<FixtureOptions> & {
    sizes?: Partial<Record<'E1' | 'V1' | 'T1' | 'T2' | 'T3' | 'V2' | 'E2' | 'T4', number>>;
  } = {},
) {
  const { orgUnits } = await import('../../../db/schema');
  const { eq } = await import('drizzle-orm');
  const insert = async (
    code: string,
    kind: 'policy_domain' | 'entity' | 'division' | 'team',
    parent?: { id: number; path: string; depth: number },
  ) => {
    const [row] = await db
      .insert(orgUnits)
      .values({
        parentId: parent?.id ?? null,
        kind,
        code: `${prefix}-${code}`,
        nameNl: `${prefix} ${code}`,
        path: '/',
        depth: parent ? parent.depth + 1 : 0,
      })
      .returning();
    const path = `${parent?.path ?? '/'}${row!.id}/`;
    await db.update(orgUnits).set({ path }).where(eq(orgUnits.id, row!.id));
    return { id: row!.id, path, depth: row!.depth };
  };
  const D = await insert('D', 'policy_domain');
  const E1 = await insert('E1', 'entity', D);
  const V1 = await insert('V1', 'division', E1);
  const T1 = await insert('T1', 'team', V1);
  const T2 = await insert('T2', 'team', V1);
  const T3 = await insert('T3', 'team', V1);
  const V2 = await insert('V2', 'division', E1);
  const E2 = await insert('E2', 'entity', D);
  const T4 = await insert('T4', 'team', E2);
  const s = { E1: 6, V1: 4, T1: 12, T2: 3, T3: 8, V2: 35, E2: 20, T4: 7, ...(opts.sizes ?? {}) };
  const unit = (
    name: keyof typeof s,
    u: { id: number },
    parent: { id: number } | null,
    kind: string,
    entity: { id: number } | null,
  ): FixtureUnit => ({
    id: u.id,
    parentId: parent?.id ?? null,
    nameNl: `${prefix} ${name}`,
    kind,
    entityId: entity?.id ?? null,
    respondents: s[name],
  });
  const units: FixtureUnit[] = [
    {
      id: D.id,
      parentId: null,
      nameNl: `${prefix} D`,
      kind: 'policy_domain',
      entityId: null,
      respondents: 5,
      invited: 6,
    },
    unit('E1', E1, D, 'entity', E1),
    unit('V1', V1, E1, 'division', E1),
    unit('T1', T1, V1, 'team', E1),
    unit('T2', T2, V1, 'team', E1),
    unit('T3', T3, V1, 'team', E1),
    unit('V2', V2, E1, 'division', E1),
    unit('E2', E2, D, 'entity', E2),
    unit('T4', T4, E2, 'team', E2),
  ];
  const wave = await createFixtureWave(db, {
    title: `${prefix} peiling`,
    items: standardLikeItems(2, [
      { key: 'remarks', kind: 'text' },
      { key: 'skipped', kind: 'agree5', valueKey: 'openheid', skip: 0.3 },
      {
        key: 'channel',
        kind: 'single',
        options: [
          { nl: 'A', en: 'A' },
          { nl: 'B', en: 'B' },
        ],
      },
    ]),
    demographics: [
      {
        key: 'age',
        options: [
          { nl: '<35', en: '<35' },
          { nl: '35-50', en: '35-50' },
          { nl: '>50', en: '>50' },
        ],
        k: 5,
      },
      {
        key: 'gender',
        options: [
          { nl: 'v', en: 'f' },
          { nl: 'm', en: 'm' },
        ],
        k: 5,
      },
    ],
    commentRate: 0.5,
    invitations: true,
    ...opts,
    units: opts.units ?? units,
  });
  return { ...wave, ids: { D, E1, V1, T1, T2, T3, V2, E2, T4 } };
}
