import { z } from 'zod';
import { LOCALES } from '../../db/schema/enums';

// The guide's questions and answers (SPEC §2). Pure: shared by core and by the pages (browser too).

export const GUIDE_QUESTIONS = {
  talk: ['ready', 'listen_first', 'not_ready'],
  structure: ['structured', 'flexible'],
  treatment: ['treatment', 'treatment_insured', 'peer'],
  schedule: ['predictable', 'unpredictable', 'odd_hours'],
  budget: ['free', 'modest', 'flexible'],
  anonymity: ['anonymous', 'not_needed'],
  place: ['in_person', 'online', 'far', 'either'],
  sameLoss: ['exact', 'general'],
} as const;

export type GuideQuestion = keyof typeof GUIDE_QUESTIONS;
export const GUIDE_QUESTION_IDS = Object.keys(GUIDE_QUESTIONS) as GuideQuestion[];

export const guideAnswers = z.object({
  talk: z.enum(GUIDE_QUESTIONS.talk).optional(),
  structure: z.enum(GUIDE_QUESTIONS.structure).optional(),
  treatment: z.enum(GUIDE_QUESTIONS.treatment).optional(),
  schedule: z.enum(GUIDE_QUESTIONS.schedule).optional(),
  budget: z.enum(GUIDE_QUESTIONS.budget).optional(),
  anonymity: z.enum(GUIDE_QUESTIONS.anonymity).optional(),
  place: z.enum(GUIDE_QUESTIONS.place).optional(),
  sameLoss: z.enum(GUIDE_QUESTIONS.sameLoss).optional(),
});
export type GuideAnswers = z.infer<typeof guideAnswers>;

/** What the guide asks besides the ranking questions, so that the groups it shows are real matches. */
export const guideWhere = z.object({
  /** What brings the person here, in their own words: read with the search lexicon (a topic, kinds, a crisis). */
  words: z.string().trim().max(200).optional(),
  topic: z
    .string()
    .trim()
    .max(80)
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  language: z.enum(LOCALES).optional(),
  city: z.string().trim().max(100).optional(),
  /**
   * The person's age, when they give it: groups for an age group (teens, young adults, seniors)
   * are suggested only to someone whose age fits. A number or its text (from the address).
   */
  age: z.coerce.number().int().min(0).max(120).optional(),
});
export type GuideWhere = z.infer<typeof guideWhere>;

