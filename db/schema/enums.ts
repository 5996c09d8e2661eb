import { pgEnum } from 'drizzle-orm/pg-core';

// The axes of SPEC §1. Each group has one value on each axis.
export const groupKind = pgEnum('group_kind', ['support_group', 'group_therapy', 'workshop', 'online_community']);
export const leadership = pgEnum('leadership', ['peer', 'professional', 'licensed']);
export const groupFormat = pgEnum('group_format', ['drop_in', 'closed', 'ongoing']);
export const dropInStyle = pgEnum('drop_in_style', ['open_forum', 'topic', 'speaker']);
export const delivery = pgEnum('delivery', ['in_person', 'online', 'hybrid']);
export const reach = pgEnum('reach', ['local', 'anywhere']);
export const costType = pgEnum('cost_type', ['free', 'pay_what_you_can', 'fee']);
export const feePer = pgEnum('fee_per', ['session', 'program']);
export const workshopActivity = pgEnum('workshop_activity', [
  'art',
  'writing',
  'music',
  'movement',
  'mindfulness',
  'gardening',
  'walking',
  'other',
]);
export const groupStatus = pgEnum('group_status', ['draft', 'published', 'archived']);
export const promotionMode = pgEnum('promotion_mode', ['automatic', 'manual']);

export const memberRole = pgEnum('member_role', ['owner', 'admin', 'facilitator']);
export const verificationStatus = pgEnum('verification_status', ['unverified', 'pending', 'verified', 'rejected']);

export const sessionStatus = pgEnum('session_status', ['scheduled', 'cancelled', 'postponed', 'moved_online']);
export const cohortStatus = pgEnum('cohort_status', ['open', 'confirmed', 'postponed', 'cancelled', 'completed']);
export const registrationStatus = pgEnum('registration_status', ['confirmed', 'waitlisted', 'cancelled']);
export const applicationStatus = pgEnum('application_status', [
  'applied',
  'accepted',
  'waitlisted',
  'declined',
  'withdrawn',
]);
export const attendanceStatus = pgEnum('attendance_status', ['present', 'absent', 'excused']);
export const questionType = pgEnum('question_type', ['text', 'choice', 'yes_no']);
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed']);
export const locale = pgEnum('locale', ['en', 'fr']);

export const GROUP_KINDS = groupKind.enumValues;
export const LEADERSHIPS = leadership.enumValues;
export const GROUP_FORMATS = groupFormat.enumValues;
export const DROP_IN_STYLES = dropInStyle.enumValues;
export const DELIVERIES = delivery.enumValues;
export const COST_TYPES = costType.enumValues;
export const WORKSHOP_ACTIVITIES = workshopActivity.enumValues;
export const SESSION_STATUSES = sessionStatus.enumValues;
export const LOCALES = locale.enumValues;
export const MEMBER_ROLES = memberRole.enumValues;
export type GroupKind = (typeof GROUP_KINDS)[number];
export type Leadership = (typeof LEADERSHIPS)[number];
export type GroupFormat = (typeof GROUP_FORMATS)[number];
export type Delivery = (typeof DELIVERIES)[number];
export type Locale = (typeof LOCALES)[number];
export type MemberRole = (typeof MEMBER_ROLES)[number];

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

// Online communities (SPEC §4).
export const communityMemberStatus = pgEnum('community_member_status', ['pending', 'member', 'declined', 'left', 'banned']);
export const communityRole = pgEnum('community_role', ['member', 'moderator']);
export const reactionKind = pgEnum('reaction_kind', ['support', 'thanks', 'me_too']);
export const REACTION_KINDS = reactionKind.enumValues;
export type ReactionKind = (typeof REACTION_KINDS)[number];
/** Why something was reported: what members choose from, and `crisis` raised by the crisis words. */
export const communityReportReason = pgEnum('community_report_reason', ['crisis', 'harassment', 'hate', 'spam', 'private_information', 'unsafe_advice', 'other']);
export const REPORT_REASONS = communityReportReason.enumValues.filter((r) => r !== 'crisis') as Exclude<(typeof communityReportReason.enumValues)[number], 'crisis'>[];
export type ReportReason = (typeof communityReportReason.enumValues)[number];
/** How a moderator closed a report. */
export const communityReportOutcome = pgEnum('community_report_outcome', ['removed', 'dismissed', 'muted', 'banned']);
