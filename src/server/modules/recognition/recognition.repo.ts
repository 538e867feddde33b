import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import {
  type RecognitionEmailMode,
  type RecognitionKind,
  type RecognitionVisibility,
  recognitionMessages,
  recognitionMessageValues,
  recognitionPreferences,
  recognitionReports,
  type ValueKey,
} from '../../db/schema';
import { entityOf, withinSomeEntity } from '../../platform/org-tree';

export type PersonPlacement = {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  language: 'nl' | 'en';
  status: string;
  unit_id: number | null;
  entity_id: number | null;
};

export async function findPerson(db: Db, personId: number): Promise<PersonPlacement | undefined> {
  const rows = await queryRows<PersonPlacement>(
    db,
    sql`select p.id, p.first_name, p.last_name, p.email, p.language, p.status, p.unit_id,
          ${entityOf(sql`u.path`)} as entity_id
        from people p left join org_units u on u.id = p.unit_id
        where p.id = ${personId}`,
  );
  return rows[0];
}

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Active colleagues whose first or last name starts with the query (or any word of a composed last name,
 * "De Smet", "Peeters-Janssens"); a match in the middle of a name ("Ev" in Lieven) is noise. Those in the searcher's own
 * entity come first. Each carries the names of its units from the entity down, so equal names in
 * different teams can be told apart.
 */
export async function searchColleagues(db: Db, q: string, me: number, entityId: number | null) {
  const start = `${escapeLike(q)}%`;
  const wordStart = `% ${escapeLike(q)}%`;
  return queryRows<{
    id: number;
    name: string;
    unit_name_nl: string | null;
    unit_name_en: string | null;
    unit_path: { nl: string; en: string | null }[];
  }>(
    db,
    sql`select p.id, p.first_name || ' ' || p.last_name as name, u.name_nl as unit_name_nl, u.name_en as unit_name_en,
          coalesce((select json_agg(json_build_object('nl', a.name_nl, 'en', a.name_en) order by a.depth)
             from org_units a where u.path like a.path || '%' and a.kind <> 'policy_domain'), '[]'::json) as unit_path
        from people p join org_units u on u.id = p.unit_id
        where p.status = 'active' and p.id <> ${me}
          and (p.first_name ilike ${start} or p.last_name ilike ${start}
               or (p.first_name || ' ' || p.last_name) ilike ${start}
               or (' ' || translate(p.last_name, '-', ' ')) ilike ${wordStart})
        order by (${entityId}::int is not null and u.path like
                   (select e.path from org_units e where e.id = ${entityId}::int) || '%') desc,
                 p.last_name, p.first_name, p.id
        limit 20`,
  );
}

export async function insertMessage(
  db: Db,
  input: {
    senderPersonId: number;
    recipientPersonId: number;
    unitId: number;
    entityId: number | null;
    kind: RecognitionKind;
    body: string;
    visibility: RecognitionVisibility;
    values: ValueKey[];
    notified: boolean;
  },
) {
  const [row] = await db
    .insert(recognitionMessages)
    .values({
      senderPersonId: input.senderPersonId,
      recipientPersonId: input.recipientPersonId,
      unitId: input.unitId,
      entityId: input.entityId,
      kind: input.kind,
      body: input.body,
      senderVisibility: input.visibility,
      visibility: input.visibility,
      notifiedAt: input.notified ? new Date() : null,
    })
    .returning();
  await db
    .insert(recognitionMessageValues)
    .values(input.values.map((valueKey) => ({ messageId: row!.id, valueKey })));
  return row!;
}

/** The ids of a unit's ancestors and itself, from its materialised path ('/1/7/42/'): primary-key lookups, no LIKE scan. */
const pathIds = (path: SQL) => sql`string_to_array(trim(both '/' from ${path}), '/')::int[]`;

/**
 * Whether person `viewer` is "the recipient's manager" for message row `m`: they manage the message's
 * unit or an ancestor of it, and no unit between that one and the message's unit has a manager other
 * than the recipient (a manager's own manager is the one above). Used inside the visibility predicate.
 */
const isRecipientsManager = (viewer: number) => sql`(${viewer} <> m.recipient_person_id and exists (
  select 1 from org_units mu
  join unit_managers um on um.person_id = ${viewer} and um.unit_id = any(${pathIds(sql`mu.path`)})
  join org_units anc on anc.id = um.unit_id
  where mu.id = m.unit_id
    and not exists (
      select 1 from unit_managers um2 join org_units mid on mid.id = um2.unit_id
      where um2.unit_id = any(${pathIds(sql`mu.path`)})
        and mid.depth > anc.depth and um2.person_id <> m.recipient_person_id)))`;

/** A cheap, index-friendly superset of the units whose messages `viewer` may see as manager or colleague. */
const candidateUnits = (viewer: number) => sql`(m.unit_id in (
    select c.id from unit_managers um join org_units a on a.id = um.unit_id
    join org_units c on c.path like a.path || '%'
    where um.person_id = ${viewer})
  or m.unit_id = (select p.unit_id from people p where p.id = ${viewer}))`;

const isTeamColleague = (viewer: number) =>
  sql`exists (select 1 from people tp where tp.id = ${viewer} and tp.unit_id = m.unit_id and tp.status = 'active')`;

/** Everything person `viewer` may read, besides their own messages: the policy in SQL form. */
export const visibleToOthers = (viewer: number) => sql`(
  (m.visibility in ('manager', 'team') and ${isRecipientsManager(viewer)})
  or (m.visibility = 'team' and ${isTeamColleague(viewer)}))`;

export const visibleTo = (viewer: number) =>
  sql`(m.sender_person_id = ${viewer} or m.recipient_person_id = ${viewer} or ${visibleToOthers(viewer)})`;

export type MessageRow = {
  id: number;
  kind: RecognitionKind;
  body: string;
  visibility: RecognitionVisibility;
  sender_visibility: RecognitionVisibility;
  created_at: string | Date;
  hidden_at: string | Date | null;
  entity_id: number | null;
  unit_id: number;
  sender_person_id: number;
  sender_name: string;
  recipient_person_id: number;
  recipient_name: string;
  values: ValueKey[] | string;
};

const messageSelect = sql`select m.id, m.kind, m.body, m.visibility, m.sender_visibility, m.created_at, m.hidden_at,
    m.entity_id, m.unit_id,
    m.sender_person_id, s.first_name || ' ' || s.last_name as sender_name,
    m.recipient_person_id, r.first_name || ' ' || r.last_name as recipient_name,
    coalesce((select json_agg(v.value_key order by v.value_key) from recognition_message_values v
      where v.message_id = m.id), '[]'::json) as values
  from recognition_messages m
  join people s on s.id = m.sender_person_id
  join people r on r.id = m.recipient_person_id`;

export async function listMessages(
  db: Db,
  viewer: number,
  box: 'received' | 'sent' | 'feed',
  limit: number,
  offset: number,
) {
  const where =
    box === 'received'
      ? sql`m.recipient_person_id = ${viewer}`
      : box === 'sent'
        ? sql`m.sender_person_id = ${viewer}`
        : sql`m.sender_person_id <> ${viewer} and m.recipient_person_id <> ${viewer}
            and m.visibility <> 'private' and ${candidateUnits(viewer)} and ${visibleToOthers(viewer)}`;
  const filter = sql`m.hidden_at is null and ${where}`;
  const rows = await queryRows<MessageRow>(
    db,
    sql`${messageSelect} where ${filter} order by m.created_at desc, m.id desc limit ${limit} offset ${offset}`,
  );
  const count = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from recognition_messages m where ${filter}`,
  );
  return { rows, total: count[0]!.n };
}

/** One message if `viewer` may read it (not hidden); undefined otherwise. */
export async function findVisibleMessage(db: Db, viewer: number, id: number) {
  const rows = await queryRows<MessageRow>(
    db,
    sql`${messageSelect} where m.id = ${id} and m.hidden_at is null and ${visibleTo(viewer)}`,
  );
  return rows[0];
}

export async function findMessage(db: Db, id: number, lock = false) {
  const rows = await queryRows<MessageRow>(
    db,
    sql`${messageSelect} where m.id = ${id} ${lock ? sql`for update of m` : sql``}`,
  );
  return rows[0];
}

export async function setVisibility(db: Db, id: number, visibility: RecognitionVisibility) {
  await db.update(recognitionMessages).set({ visibility }).where(eq(recognitionMessages.id, id));
}

export async function hasOpenReport(db: Db, messageId: number, accountId: number) {
  const rows = await db
    .select({ id: recognitionReports.id })
    .from(recognitionReports)
    .where(
      and(
        eq(recognitionReports.messageId, messageId),
        eq(recognitionReports.reporterAccountId, accountId),
        isNull(recognitionReports.resolvedAt),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertReport(db: Db, messageId: number, accountId: number, reason: string) {
  await db.insert(recognitionReports).values({ messageId, reporterAccountId: accountId, reason });
}

/** Messages with open reports, in the given entities (null: all). */
export async function listReportedMessages(db: Db, entityIds: number[] | null) {
  const scope =
    entityIds === null
      ? sql`true`
      : entityIds.length === 0
        ? sql`false`
        : sql`m.entity_id in (${sql.join(
            entityIds.map((e) => sql`${e}`),
            sql`, `,
          )})`;
  const messages = await queryRows<MessageRow>(
    db,
    sql`${messageSelect}
        where ${scope} and exists (select 1 from recognition_reports rr where rr.message_id = m.id and rr.resolved_at is null)
        order by m.created_at asc limit 200`,
  );
  const ids = messages.map((m) => m.id);
  const reports =
    ids.length === 0
      ? []
      : await db
          .select({
            id: recognitionReports.id,
            messageId: recognitionReports.messageId,
            reason: recognitionReports.reason,
            createdAt: recognitionReports.createdAt,
          })
          .from(recognitionReports)
          .where(and(inArray(recognitionReports.messageId, ids), isNull(recognitionReports.resolvedAt)));
  return { messages, reports };
}

export async function resolveReports(
  db: Db,
  messageId: number,
  accountId: number,
  resolution: 'kept' | 'hidden',
  note: string,
) {
  const rows = await db
    .update(recognitionReports)
    .set({ resolvedAt: new Date(), resolvedBy: accountId, resolution, note: note || null })
    .where(and(eq(recognitionReports.messageId, messageId), isNull(recognitionReports.resolvedAt)))
    .returning({ id: recognitionReports.id });
  if (resolution === 'hidden')
    await db
      .update(recognitionMessages)
      .set({ hiddenAt: new Date(), hiddenBy: accountId })
      .where(eq(recognitionMessages.id, messageId));
  return rows.length;
}

export async function getEmailMode(db: Db, personId: number): Promise<RecognitionEmailMode> {
  const rows = await db
    .select({ emailMode: recognitionPreferences.emailMode })
    .from(recognitionPreferences)
    .where(eq(recognitionPreferences.personId, personId));
  return rows[0]?.emailMode ?? 'immediate';
}

export async function setEmailMode(db: Db, personId: number, emailMode: RecognitionEmailMode) {
  await db
    .insert(recognitionPreferences)
    .values({ personId, emailMode })
    .onConflictDoUpdate({
      target: recognitionPreferences.personId,
      set: { emailMode, updatedAt: new Date() },
    });
}

/** Messages not yet told of, for recipients who chose the weekly digest; locks them for the run. */
export async function takeDigestMessages(db: Db) {
  return queryRows<{
    id: number;
    recipient_person_id: number;
    kind: RecognitionKind;
    sender_name: string;
    email: string;
    language: 'nl' | 'en';
  }>(
    db,
    sql`update recognition_messages m set notified_at = now()
        from people r, people s, recognition_preferences pref
        where r.id = m.recipient_person_id and s.id = m.sender_person_id
          and pref.person_id = m.recipient_person_id and pref.email_mode = 'weekly'
          and m.notified_at is null and m.hidden_at is null and r.status = 'active'
        returning m.id, m.recipient_person_id, m.kind, s.first_name || ' ' || s.last_name as sender_name,
          r.email, r.language`,
  );
}

export type UnitRow = {
  id: number;
  parent_id: number | null;
  name_nl: string;
  name_en: string | null;
  kind: string;
  depth: number;
  path: string;
};

export async function findUnit(db: Db, id: number): Promise<UnitRow | undefined> {
  const rows = await queryRows<UnitRow>(
    db,
    sql`select id, parent_id, name_nl, name_en, kind, depth, path from org_units where id = ${id}`,
  );
  return rows[0];
}

export async function listUnitsByIds(db: Db, ids: number[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return queryRows<UnitRow>(
    db,
    sql`select id, parent_id, name_nl, name_en, kind, depth, path from org_units
        where id in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )}) order by name_nl, id`,
  );
}

/** Every unit that lies within an entity (the entity included), with its place in the org chart. */
export async function unitsWithinEntities(db: Db): Promise<UnitRow[]> {
  return queryRows<UnitRow>(
    db,
    sql`select u.id, u.parent_id, u.name_nl, u.name_en, u.kind, u.depth, u.path from org_units u
        where ${withinSomeEntity(sql`u.path`)}
        order by u.depth, u.name_nl, u.id`,
  );
}

/**
 * Per active person with a unit today: how many visible appreciations they received per value, over their
 * whole history. The person id only groups rows here; the service turns it into counts per unit.
 */
export async function appreciationsPerRecipient(db: Db) {
  return queryRows<{ person_id: number; unit_id: number; value_key: ValueKey; n: number }>(
    db,
    sql`select m.recipient_person_id as person_id, p.unit_id, v.value_key, count(*)::int as n
        from recognition_messages m
        join people p on p.id = m.recipient_person_id
        join recognition_message_values v on v.message_id = m.id
        where m.kind = 'appreciation' and m.hidden_at is null and p.status = 'active' and p.unit_id is not null
        group by m.recipient_person_id, p.unit_id, v.value_key`,
  );
}

/**
 * For the monitor's period [start, end): per recipient's current unit and value, the appreciations sent in
 * the period (not hidden) and how many people received them; and the active staff per unit.
 */
export async function periodAppreciations(db: Db, start: Date, end: Date) {
  const received = await queryRows<{
    unit_id: number;
    value_key: ValueKey;
    messages: number;
    recipients: number;
  }>(
    db,
    sql`select p.unit_id, v.value_key, count(*)::int as messages,
               count(distinct m.recipient_person_id)::int as recipients
          from recognition_messages m
          join people p on p.id = m.recipient_person_id
          join recognition_message_values v on v.message_id = m.id
         where m.kind = 'appreciation' and m.hidden_at is null
           and m.created_at >= ${start} and m.created_at < ${end}
           and p.status = 'active' and p.unit_id is not null
         group by p.unit_id, v.value_key`,
  );
  const staff = await queryRows<{ unit_id: number; n: number }>(
    db,
    sql`select unit_id, count(*)::int as n from people
         where status = 'active' and unit_id is not null group by unit_id`,
  );
  return { received, staff };
}
