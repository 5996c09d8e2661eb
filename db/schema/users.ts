import { pgTable, text, timestamp, boolean } from 'drizzle-orm/pg-core';
import { locale } from './enums';

// People with an account (organizers, facilitators, platform administrators).
// Participants who only sign up for groups need no account: see participants.ts.
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  name: text('name').notNull(),
  /** What communities show of the person: a nickname, never required to be a real name. */
  nickname: text('nickname'),
  image: text('image'),
  locale: locale('locale').notNull().default('en'),
  isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
