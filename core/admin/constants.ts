// Values of the admin forms, shared by the core actions and the pages (no server imports).
export const REVIEW_NOTE_MAX = 2000;
export const LISTING_REPORT_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type ListingReportStatus = (typeof LISTING_REPORT_STATUSES)[number];
