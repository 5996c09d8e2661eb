import { pgTable, text, uuid, integer, index, type AnyPgColumn } from 'drizzle-orm/pg-core';

// Two-level taxonomy of topics (SPEC §6). A topic with a parent is a sub-topic.
export const topics = pgTable(
  'topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    parentId: uuid('parent_id').references((): AnyPgColumn => topics.id, { onDelete: 'cascade' }),
    labelEn: text('label_en').notNull(),
    labelFr: text('label_fr').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index().on(t.parentId)],
);
