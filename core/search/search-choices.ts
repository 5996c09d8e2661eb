// The fixed choices of a search, without its schema: the browser's search form reads them, and must
// not load zod to do so.

export const WEEKDAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening'] as const;
export const GENDERS = ['any', 'women', 'men', 'nonbinary', 'women_and_nonbinary', 'men_and_nonbinary'] as const;
export const SORTS = ['relevance', 'soonest', 'distance', 'newest'] as const;
/** "Starts within" choices offered with counts; any other number of days can be asked for. */
export const STARTS_WITHIN_CHOICES = [7, 14, 30] as const;
export const MAX_PER_PAGE = 100;
export const DEFAULT_RADIUS_KM = 25;

export type Weekday = (typeof WEEKDAYS)[number];
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];
export type Sort = (typeof SORTS)[number];
