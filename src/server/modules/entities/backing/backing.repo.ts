import { desc, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import { endorsements } from '../../../db/schema';

export type EndorsementRow = typeof endorsements.$inferSelect;
export type EndorsementValues = Omit<typeof endorsements.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function list(db: Db, onlyPublic: boolean): Promise<EndorsementRow[]> {
  return db
    .select()
    .from(endorsements)
    .where(onlyPublic ? eq(endorsements.public, true) : undefined)
    .orderBy(desc(endorsements.endorsedOn), desc(endorsements.id));
}

export async function find(db: Db, id: number): Promise<EndorsementRow | undefined> {
  const [row] = await db.select().from(endorsements).where(eq(endorsements.id, id));
  return row;
}

export async function insert(db: Db, values: EndorsementValues): Promise<EndorsementRow> {
  const [row] = await db.insert(endorsements).values(values).returning();
  return row!;
}

export async function update(db: Db, id: number, values: EndorsementValues) {
  const [row] = await db
    .update(endorsements)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(endorsements.id, id))
    .returning();
  return row;
}

export async function remove(db: Db, id: number): Promise<boolean> {
  const rows = await db
    .delete(endorsements)
    .where(eq(endorsements.id, id))
    .returning({ id: endorsements.id });
  return rows.length > 0;
}

export async function count(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from endorsements`);
  return rows[0]!.n;
}

/** Public endorsements and commitments dated in [since, until) (Brussels days), public ones only: the register leaves the server no other way. */
export async function publicCountBetween(db: Db, since: string, until: string) {
  return queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from endorsements
        where public and endorsed_on >= ${since}::date and endorsed_on < ${until}::date`,
  );
}
