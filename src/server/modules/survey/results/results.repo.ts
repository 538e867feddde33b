import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import type { SurveyItemKind, SurveyOption } from '../../../db/schema';

/** All SQL of the results module. Results read only the wave's frozen tables. */

export type WaveRow = {
  id: number;
  titleNl: string;
  titleEn: string;
  status: 'draft' | 'open' | 'closed';
  opensOn: string;
  closesOn: string;
  k: number;
  previousWaveId: number | null;
  closedAt: string | null;
};

const waveColumns = sql`id, title_nl as "titleNl", title_en as "titleEn", status, opens_on::text as "opensOn",
  closes_on::text as "closesOn", min_group_size as "k", previous_wave_id as "previousWaveId",
  closed_at::text as "closedAt"`;

export async function findWave(db: Db, waveId: number): Promise<WaveRow | undefined> {
  const rows = await queryRows<WaveRow>(
    db,
    sql`select ${waveColumns} from survey_waves where id = ${waveId}`,
  );
  return rows[0];
}

/** Waves that have results or participation to show (launched), newest first. */
export async function listLaunchedWaves(db: Db): Promise<WaveRow[]> {
  return queryRows<WaveRow>(
    db,
    sql`select ${waveColumns} from survey_waves where status in ('open','closed') order by closes_on desc, id desc`,
  );
}

export type SnapshotUnitRow = {
  unitId: number;
  parentId: number | null;
  path: string;
  depth: number;
  kind: string;
  code: string;
  nameNl: string;
  nameEn: string | null;
  entityId: number | null;
  invited: number;
};

export async function loadSnapshotUnits(db: Db, waveId: number): Promise<SnapshotUnitRow[]> {
  return queryRows<SnapshotUnitRow>(
    db,
    sql`select unit_id as "unitId", parent_id as "parentId", path, depth, kind, code, name_nl as "nameNl",
      name_en as "nameEn", entity_id as "entityId", invited
      from survey_wave_units where wave_id = ${waveId} order by depth, unit_id`,
  );
}

export type WaveItemRow = {
  id: number;
  position: number;
  slot: number | null;
  itemKey: string;
  sectionPosition: number;
  sectionTitleNl: string;
  sectionTitleEn: string;
  kind: SurveyItemKind;
  textNl: string;
  textEn: string;
  options: SurveyOption[];
  valueKey: string | null;
  objective: number | null;
  outcome: boolean;
};

export async function loadWaveItems(db: Db, waveId: number): Promise<WaveItemRow[]> {
  return queryRows<WaveItemRow>(
    db,
    sql`select id, position, slot, item_key as "itemKey", section_position as "sectionPosition",
      section_title_nl as "sectionTitleNl", section_title_en as "sectionTitleEn", kind, text_nl as "textNl",
      text_en as "textEn", options, value_key as "valueKey", objective, outcome
      from survey_wave_items where wave_id = ${waveId} order by position`,
  );
}

export type DemographicRow = {
  position: number;
  key: string;
  labelNl: string;
  labelEn: string;
  options: SurveyOption[];
  k: number;
};

export async function loadDemographics(db: Db, waveId: number): Promise<DemographicRow[]> {
  return queryRows<DemographicRow>(
    db,
    sql`select position, key, label_nl as "labelNl", label_en as "labelEn", options, min_group_size as "k"
      from survey_wave_demographics where wave_id = ${waveId} order by position`,
  );
}

/**
 * The wave's responses as compact text (unit id, scores, demographics): parsing a comma list is
 * much cheaper than letting the driver parse two arrays per row, and this is the one big read.
 */
export async function loadResponses(
  db: Db,
  waveId: number,
): Promise<Array<{ u: number; s: string; d: string }>> {
  return queryRows(
    db,
    sql`select unit_id as u, array_to_string(scores, ',', '') as s, array_to_string(demographics, ',', '') as d
      from survey_responses where wave_id = ${waveId}`,
  );
}

export async function loadComments(
  db: Db,
  waveId: number,
  unitIds: number[],
): Promise<Array<{ waveItemId: number; text: string }>> {
  if (unitIds.length === 0) return [];
  return queryRows(
    db,
    sql`select wave_item_id as "waveItemId", text from survey_comments
      where wave_id = ${waveId} and unit_id in (${sql.join(
        unitIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
  );
}

/** Per snapshot unit (own unit, not subtree): invitations and answered invitations. */
export async function participationCounts(
  db: Db,
  waveId: number,
): Promise<Array<{ unitId: number; invited: number; answered: number }>> {
  return queryRows(
    db,
    sql`select unit_id as "unitId", count(*)::int as invited, (count(*) filter (where answered))::int as answered
      from survey_invitations where wave_id = ${waveId} group by unit_id`,
  );
}

/** A bare GROUP BY of the same data the heatmap reads (the benchmark's baseline). */
export async function bareGroupBy(db: Db, waveId: number): Promise<number> {
  const rows = await queryRows<{ c: number }>(
    db,
    sql`select count(*)::int as c from (
      select r.unit_id, u.slot, count(u.v) as n, avg(u.v) as mean
      from survey_responses r, unnest(r.scores) with ordinality as u(v, slot)
      where r.wave_id = ${waveId} group by r.unit_id, u.slot) g`,
  );
  return rows[0]?.c ?? 0;
}

/** Closed waves whose close fell in [start, end), the last to close first (for the monitor's periods). */
export async function closedWavesBetween(db: Db, start: Date, end: Date): Promise<WaveRow[]> {
  return queryRows<WaveRow>(
    db,
    sql`select ${waveColumns} from survey_waves
         where status = 'closed' and closed_at >= ${start} and closed_at < ${end}
         order by closed_at desc, id desc`,
  );
}

/** The largest k of any closed wave (null when none closed yet). */
export async function largestClosedK(db: Db): Promise<number | null> {
  const rows = await queryRows<{ k: number | null }>(
    db,
    sql`select max(min_group_size)::int as k from survey_waves where status = 'closed'`,
  );
  return rows[0]?.k ?? null;
}
