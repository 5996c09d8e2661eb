// The values of the enumerations that pages show, without drizzle: code that runs in the browser
// imports them from here (db/schema/enums.ts builds the database's enums from the same lists).

// The axes of SPEC §1. Each group has one value on each axis.
export const GROUP_KINDS = ['support_group', 'group_therapy', 'workshop', 'online_community'] as const;
export const LEADERSHIPS = ['peer', 'professional', 'licensed'] as const;
export const GROUP_FORMATS = ['drop_in', 'closed', 'ongoing'] as const;
export const DROP_IN_STYLES = ['open_forum', 'topic', 'speaker'] as const;
export const DELIVERIES = ['in_person', 'online', 'hybrid'] as const;
export const COST_TYPES = ['free', 'pay_what_you_can', 'fee'] as const;
export const WORKSHOP_ACTIVITIES = ['art', 'writing', 'music', 'movement', 'mindfulness', 'gardening', 'walking', 'other'] as const;
export const MEMBER_ROLES = ['owner', 'admin', 'facilitator'] as const;
export const VERIFICATION_STATUSES = ['unverified', 'pending', 'verified', 'rejected'] as const;
export const SESSION_STATUSES = ['scheduled', 'cancelled', 'postponed', 'moved_online'] as const;
export const LOCALES = ['en', 'fr'] as const;
export const REACTION_KINDS = ['support', 'thanks', 'me_too'] as const;
/** Why something was reported: what members choose from, and `crisis` raised by the crisis words. */
export const REPORT_REASONS_ALL = ['crisis', 'harassment', 'hate', 'spam', 'private_information', 'unsafe_advice', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS_ALL)[number];
export const REPORT_REASONS = REPORT_REASONS_ALL.filter((r) => r !== 'crisis') as Exclude<ReportReason, 'crisis'>[];

export type GroupKind = (typeof GROUP_KINDS)[number];
export type Leadership = (typeof LEADERSHIPS)[number];
export type GroupFormat = (typeof GROUP_FORMATS)[number];
export type Delivery = (typeof DELIVERIES)[number];
export type Locale = (typeof LOCALES)[number];
export type MemberRole = (typeof MEMBER_ROLES)[number];
export type ReactionKind = (typeof REACTION_KINDS)[number];

// Venue accessibility features a group can offer (SPEC §1 "accessibility of the venue").
export const ACCESSIBILITY_FEATURES = [
  'step_free',
  'accessible_washroom',
  'hearing_loop',
  'asl',
  'lsq',
  'captions',
  'scent_free',
  'quiet_room',
] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];
