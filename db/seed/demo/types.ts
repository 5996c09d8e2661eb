import type { AccessibilityFeature, GroupKind, Leadership, GroupFormat, Delivery } from '../../schema';

/** Text in English and/or French; a missing language is stored as null. */
export interface Txt {
  en?: string;
  fr?: string;
}

export type OrgKey = 'entraide' | 'lumiere' | 'harbourview';

export type FacilitatorKey =
  | 'marieClaude'
  | 'david'
  | 'jamal'
  | 'robert'
  | 'sophie'
  | 'elise'
  | 'genevieve'
  | 'isabelle'
  | 'luc'
  | 'anne'
  | 'nadia'
  | 'priya'
  | 'michael'
  | 'grace';

export type VenueKey =
  | 'ottawaCentretown'
  | 'ottawaWestboro'
  | 'ottawaVanier'
  | 'ottawaGlebe'
  | 'ottawaOrleans'
  | 'ottawaLansdowne'
  | 'gatineauHull'
  | 'gatineauAylmer'
  | 'gatineauMaloney'
  | 'montrealPlateau'
  | 'montrealRosemont'
  | 'montrealNdg'
  | 'montrealVerdun'
  | 'montrealVilleray'
  | 'torontoClinic'
  | 'torontoAnnex'
  | 'torontoLeslieville'
  | 'torontoScarborough'
  | 'torontoHighPark';

export interface OrganizationDef {
  key: OrgKey;
  slug: string;
  nameEn: string;
  nameFr: string;
  descriptionEn: string;
  descriptionFr: string;
  website: string;
  email: string;
  phone: string;
  city: string;
  region: string;
}

export interface FacilitatorDef {
  key: FacilitatorKey;
  org: OrgKey;
  displayName: string;
  leadership: Leadership;
  credentials: Txt;
  bio: Txt;
  licence?: {
    number: string;
    body: string;
    jurisdiction: string;
    status: 'verified' | 'pending';
    /** Days before `now` the administrator reviewed it (verified only). */
    reviewedDaysAgo?: number;
    note?: string;
  };
}

export interface VenueDef {
  name: string;
  street: string;
  city: string;
  province: 'ON' | 'QC';
  postalCode: string;
  latitude: number;
  longitude: number;
  timeZone: string;
}

export type Cost =
  | { type: 'free' }
  | { type: 'pay_what_you_can'; suggestedCents: number }
  | { type: 'fee'; cents: number; per: 'session' | 'program'; currency: string };

export const FREE: Cost = { type: 'free' };
export const pwyc = (dollars: number): Cost => ({ type: 'pay_what_you_can', suggestedCents: Math.round(dollars * 100) });
export const fee = (dollars: number, per: 'session' | 'program', currency = 'CAD'): Cost => ({
  type: 'fee',
  cents: Math.round(dollars * 100),
  per,
  currency,
});

export interface Speaker {
  name: string;
  bio: Txt;
}

export type SessionOverride =
  | { index: number; status: 'cancelled' | 'moved_online'; reason: string }
  | { index: number; status: 'postponed'; reason: string; shiftDays: number };

export interface DropInPlan {
  /** RFC 5545 rule without DTSTART, e.g. FREQ=WEEKLY;BYDAY=TU. */
  rrule: string;
  /** Local start time, HH:mm. */
  time: string;
  minutes: number;
  /** Topic-style drop-ins: one topic per session, in turn. */
  topics?: Txt[];
  /** Speaker-style drop-ins: one guest per session, in turn. */
  speakers?: Speaker[];
  /** Session-level capacity by occurrence index (0 = the next session). */
  capacities?: Record<number, number>;
  overrides?: SessionOverride[];
  /** Sessions alternate between these two language sets. */
  alternateLanguages?: [string[], string[]];
  /** Occurrence index (from the next one) skipped as a schedule exception. */
  skipIndex?: number;
  /** A one-off extra session, outside the schedule. */
  extra?: { inDays: number; time: string; minutes: number; topic?: Txt };
}

export interface ModuleDef {
  title: Txt;
  summary: Txt;
}

export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

export interface CohortPlan {
  /** Days from today to the earliest possible first session (moved forward to `day`). */
  inDays: number;
  day: Weekday;
  time: string;
  minutes: number;
  /** Every other week when 2. */
  interval?: number;
  capacity: number;
  minimum?: number;
  lateJoinUntilSession?: number;
  /** Index of a weekly slot skipped (holiday), the program continues the week after. */
  skipIndex?: number;
}

export interface ClosedPlan {
  modules: ModuleDef[];
  cohorts: CohortPlan[];
}

export type QuestionDef =
  | { type: 'text'; label: Txt; required?: boolean }
  | { type: 'yes_no'; label: Txt; required?: boolean }
  | { type: 'choice'; label: Txt; required?: boolean; options: { value: string; label: Txt }[] };

export interface GroupDef {
  slug: string;
  org: OrgKey;
  kind: GroupKind;
  leadership: Leadership;
  format: GroupFormat;
  style?: 'open_forum' | 'topic' | 'speaker';
  delivery: Delivery;
  /** Residents of these regions only (reach=local); absent = anywhere. */
  regions?: string[];
  cost: Cost;
  insuranceReceipts?: boolean;
  coveredBy?: Txt;
  activity?: 'art' | 'writing' | 'music' | 'movement' | 'mindfulness' | 'gardening' | 'walking' | 'other';
  noNeedToTalk?: boolean;
  materials?: Txt;
  title: Txt;
  summary: Txt;
  description: Txt;
  whatToExpect?: Txt;
  eligibility?: Txt;
  treatmentFocus?: Txt;
  audience?: Txt;
  rules?: Txt;
  ageMin?: number;
  ageMax?: number;
  gender?: 'any' | 'women' | 'men' | 'nonbinary' | 'women_and_nonbinary' | 'men_and_nonbinary';
  languages: string[];
  faith?: string;
  accessibility?: AccessibilityFeature[];
  cameraOptional?: boolean;
  maxSize?: number;
  /** In-person and hybrid groups meet here; online groups have none. */
  venue?: VenueKey;
  /** Time zone of an online group (in-person groups take their venue's). */
  timeZone?: string;
  /** An in-person group that keeps a video link for sessions moved online. */
  fallbackOnlineUrl?: boolean;
  topics: string[];
  facilitators: FacilitatorKey[];
  signupCutoffMinutes?: number;
  sessionCapacity?: number;
  intakeScreening?: boolean;
  attendanceTracked?: boolean;
  autoAccept?: boolean;
  /** A closed group whose facilitator calls each applicant (the form asks for a phone number). */
  callsApplicants?: boolean;
  autoApprove?: boolean;
  manualWaitlist?: boolean;
  dropIn?: DropInPlan;
  closed?: ClosedPlan;
  questions?: QuestionDef[];
}
