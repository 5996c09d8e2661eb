import { pgEnum } from 'drizzle-orm/pg-core';
import {
  COST_TYPES,
  DELIVERIES,
  DROP_IN_STYLES,
  GROUP_FORMATS,
  GROUP_KINDS,
  LEADERSHIPS,
  LOCALES,
  MEMBER_ROLES,
  REACTION_KINDS,
  REPORT_REASONS_ALL,
  SESSION_STATUSES,
  VERIFICATION_STATUSES,
  WORKSHOP_ACTIVITIES,
} from './values';

export * from './values';

// The axes of SPEC §1. Each group has one value on each axis.
export const groupKind = pgEnum('group_kind', GROUP_KINDS);
export const leadership = pgEnum('leadership', LEADERSHIPS);
export const groupFormat = pgEnum('group_format', GROUP_FORMATS);
export const dropInStyle = pgEnum('drop_in_style', DROP_IN_STYLES);
export const delivery = pgEnum('delivery', DELIVERIES);
export const reach = pgEnum('reach', ['local', 'anywhere']);
export const costType = pgEnum('cost_type', COST_TYPES);
export const feePer = pgEnum('fee_per', ['session', 'program']);
export const workshopActivity = pgEnum('workshop_activity', WORKSHOP_ACTIVITIES);
export const groupStatus = pgEnum('group_status', ['draft', 'published', 'archived']);
export const promotionMode = pgEnum('promotion_mode', ['automatic', 'manual']);

export const memberRole = pgEnum('member_role', MEMBER_ROLES);
export const verificationStatus = pgEnum('verification_status', VERIFICATION_STATUSES);

export const sessionStatus = pgEnum('session_status', SESSION_STATUSES);
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
export const locale = pgEnum('locale', LOCALES);

// Online communities (SPEC §4).
export const communityMemberStatus = pgEnum('community_member_status', ['pending', 'member', 'declined', 'left', 'banned']);
export const communityRole = pgEnum('community_role', ['member', 'moderator']);
export const reactionKind = pgEnum('reaction_kind', REACTION_KINDS);
export const communityReportReason = pgEnum('community_report_reason', REPORT_REASONS_ALL);
/** How a moderator closed a report. */
export const communityReportOutcome = pgEnum('community_report_outcome', ['removed', 'dismissed', 'muted', 'banned']);
