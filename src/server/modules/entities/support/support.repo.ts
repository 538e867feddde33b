import { and, eq, notInArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import { type SupportRequestStatus, supportItems, supportRequests } from '../../../db/schema';

export type ItemRow = typeof supportItems.$inferSelect;
export type ItemValues = Omit<typeof supportItems.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function listItems(db: Db, includeInactive: boolean): Promise<ItemRow[]> {
  return db
    .select()
    .from(supportItems)
    .where(includeInactive ? undefined : eq(supportItems.active, true))
    .orderBy(supportItems.titleNl, supportItems.id);
}

export async function findItem(db: Db, id: number): Promise<ItemRow | undefined> {
  const [row] = await db.select().from(supportItems).where(eq(supportItems.id, id));
  return row;
}

/**
 * The item's row, locked until the transaction ends: every request for the item and every acceptance
 * takes this lock first, so two of them (in one process or in several on one PostgreSQL server) cannot
 * both count the same last place as free.
 */
export async function lockItem(db: Db, id: number): Promise<ItemRow | undefined> {
  const [row] = await db.select().from(supportItems).where(eq(supportItems.id, id)).for('update');
  return row;
}

export async function insertItem(db: Db, values: ItemValues): Promise<ItemRow> {
  const [row] = await db.insert(supportItems).values(values).returning();
  return row!;
}

export async function updateItem(db: Db, id: number, values: ItemValues): Promise<ItemRow | undefined> {
  const [row] = await db
    .update(supportItems)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(supportItems.id, id))
    .returning();
  return row;
}

/** Places held per item in a quarter: every request except a declined or withdrawn one holds a place. */
export async function takenByItem(db: Db, quarter: string): Promise<Map<number, number>> {
  const rows = await queryRows<{ item_id: number; n: number }>(
    db,
    sql`select item_id, count(*)::int as n from support_requests
        where quarter = ${quarter} and status not in ('declined', 'withdrawn') group by item_id`,
  );
  return new Map(rows.map((r) => [r.item_id, r.n]));
}

export async function countHeld(db: Db, itemId: number, quarter: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(supportRequests)
    .where(
      and(
        eq(supportRequests.itemId, itemId),
        eq(supportRequests.quarter, quarter),
        notInArray(supportRequests.status, ['declined', 'withdrawn']),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Requests accepted (or further along) for the item in the quarter. */
export async function countAccepted(db: Db, itemId: number, quarter: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from support_requests
        where item_id = ${itemId} and quarter = ${quarter}
          and status in ('accepted', 'planned', 'delivered', 'evaluated')`,
  );
  return rows[0]!.n;
}

export type RequestRow = {
  id: number;
  item_id: number;
  item_title_nl: string;
  item_title_en: string;
  entity_id: number;
  entity_name_nl: string;
  entity_name_en: string | null;
  quarter: string;
  status: SupportRequestStatus;
  note: string;
  requested_by: number | null;
  requested_by_name: string | null;
  decline_reason: string | null;
  planned_on: string | null;
  delivered_at: string | Date | null;
  rating: number | null;
  evaluation_comment: string | null;
  synthetic: boolean;
  created_at: string | Date;
  updated_at: string | Date;
};

const requestSelect = sql`select r.id, r.item_id, i.title_nl as item_title_nl, i.title_en as item_title_en,
    r.entity_id, e.name_nl as entity_name_nl, e.name_en as entity_name_en, r.quarter, r.status, r.note,
    r.requested_by, a.display_name as requested_by_name, r.decline_reason, r.planned_on::text as planned_on,
    r.delivered_at, r.rating, r.evaluation_comment, r.synthetic, r.created_at, r.updated_at
  from support_requests r
  join support_items i on i.id = r.item_id
  join org_units e on e.id = r.entity_id
  left join accounts a on a.id = r.requested_by`;

/** Requests of the given entities (null: all), newest first. */
export async function listRequests(
  db: Db,
  filter: { entityIds: number[] | null; status?: SupportRequestStatus; entityId?: number },
): Promise<RequestRow[]> {
  if (filter.entityIds !== null && filter.entityIds.length === 0) return [];
  const conditions = [sql`true`];
  if (filter.entityIds !== null)
    conditions.push(
      sql`r.entity_id in (${sql.join(
        filter.entityIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  if (filter.status) conditions.push(sql`r.status = ${filter.status}`);
  if (filter.entityId) conditions.push(sql`r.entity_id = ${filter.entityId}`);
  return queryRows<RequestRow>(
    db,
    sql`${requestSelect} where ${sql.join(conditions, sql` and `)}
        order by r.created_at desc, r.id desc limit 500`,
  );
}

export async function findRequest(db: Db, id: number, forUpdate = false): Promise<RequestRow | undefined> {
  if (forUpdate)
    // Locks the request itself: two steps on one request (two admins accepting) run one after the other.
    await queryRows(db, sql`select id from support_requests where id = ${id} for update`);
  const rows = await queryRows<RequestRow>(db, sql`${requestSelect} where r.id = ${id}`);
  return rows[0];
}

export async function insertRequest(
  db: Db,
  values: {
    itemId: number;
    entityId: number;
    quarter: string;
    note: string;
    requestedBy: number | null;
    status?: SupportRequestStatus;
    plannedOn?: string | null;
    rating?: number | null;
    evaluationComment?: string | null;
    synthetic?: boolean;
  },
): Promise<number> {
  const [row] = await db.insert(supportRequests).values(values).returning({ id: supportRequests.id });
  return row!.id;
}

export async function updateRequest(
  db: Db,
  id: number,
  values: Partial<
    Pick<
      typeof supportRequests.$inferInsert,
      'status' | 'declineReason' | 'plannedOn' | 'deliveredAt' | 'rating' | 'evaluationComment'
    >
  >,
) {
  await db
    .update(supportRequests)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(supportRequests.id, id));
}

export async function findEntity(db: Db, entityId: number) {
  const rows = await queryRows<{ id: number; name_nl: string; name_en: string | null }>(
    db,
    sql`select id, name_nl, name_en from org_units where id = ${entityId} and kind = 'entity'`,
  );
  return rows[0];
}

export type MailRecipient = { account_id: number; email: string; locale: 'nl' | 'en' };

/**
 * Both sides of a request: the coordinator who asked and the entity's other coordinators, and the programme
 * admins who keep the offer. Disabled accounts get nothing.
 */
export async function mailRecipients(
  db: Db,
  entityId: number,
  requestedBy: number | null,
): Promise<{ entity: MailRecipient[]; programme: MailRecipient[] }> {
  const entity = await queryRows<MailRecipient>(
    db,
    sql`select distinct a.id as account_id, a.email, a.locale from accounts a
        where not a.disabled and (a.id = ${requestedBy}::int or exists (
          select 1 from account_roles r where r.account_id = a.id
            and r.role = 'entity_coordinator' and r.scope_unit_id = ${entityId}))
        order by a.id`,
  );
  const programme = await queryRows<MailRecipient>(
    db,
    sql`select distinct a.id as account_id, a.email, a.locale from accounts a
        join account_roles r on r.account_id = a.id
        where not a.disabled and r.role = 'programme_admin'
        order by a.id`,
  );
  return { entity, programme };
}

export async function countItems(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from support_items`);
  return rows[0]!.n;
}

export async function findEntityIdByCode(db: Db, code: string): Promise<number | undefined> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from org_units where code = ${code} and kind = 'entity'`,
  );
  return rows[0]?.id;
}

/** Requests delivered in [since, until) per entity (evaluated ones included): the monitor's strategy 3 figure. */
export async function deliveredPerEntity(db: Db, since: Date, until: Date) {
  return queryRows<{ entity_id: number; n: number }>(
    db,
    sql`select entity_id, count(*)::int as n from support_requests
        where status in ('delivered', 'evaluated')
          and delivered_at >= ${since.toISOString()}::timestamptz
          and delivered_at < ${until.toISOString()}::timestamptz
        group by entity_id`,
  );
}
