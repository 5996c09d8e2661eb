import { pgTable, text, uuid, integer, boolean, jsonb, unique } from 'drizzle-orm/pg-core';
import { questionType } from './enums';
import { groups } from './groups';

export type ChoiceOption = { value: string; labelEn: string | null; labelFr: string | null };

// Questions a group asks at sign-up (drop-in) or in an application (closed group).
export const intakeQuestions = pgTable(
  'intake_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    type: questionType('type').notNull(),
    labelEn: text('label_en'),
    labelFr: text('label_fr'),
    options: jsonb('options').$type<ChoiceOption[]>().notNull().default([]),
    required: boolean('required').notNull().default(false),
  },
  (t) => [unique('intake_questions_group_position').on(t.groupId, t.position)],
);
