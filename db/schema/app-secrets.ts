import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Secrets the app generates for itself on first start (e.g. the key that signs manage links),
// shared by every process on the same database. Set SECRET_KEY to manage it yourself instead.
export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
