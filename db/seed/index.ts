import { count, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { groups, organizations } from '../schema';
import { seedDemoData } from './demo';
import { seedTopics } from './topics';

export { seedTopics, TOPIC_TREE, TOPIC_SLUGS } from './topics';
export { seedArticles, SEED_ARTICLES } from './articles';
export { seedDemoData, DEMO_GROUPS, DEMO_SESSION_WINDOW_DAYS } from './demo';

// Serializes concurrent seeding on one PostgreSQL database (any constant shared by the app).
const SEED_LOCK_KEY = 4_208_312;

/**
 * Start-up seeding. The topic taxonomy is always brought up to date (idempotent). The demo data
 * is inserted only into a database with no organizations and no groups at all; a database that
 * already holds anything is never touched. Returns true when the demo data was inserted.
 */
export async function seedIfEmpty(db: Database, options: { now: Date }): Promise<boolean> {
  await seedTopics(db);
  return db.transaction(async (tx) => {
    // Two processes starting together: the second waits here, then finds the data and stops.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const [orgCount] = await tx.select({ n: count() }).from(organizations);
    const [groupCount] = await tx.select({ n: count() }).from(groups);
    if ((orgCount?.n ?? 0) > 0 || (groupCount?.n ?? 0) > 0) return false;
    await seedDemoData(tx, options);
    return true;
  });
}
