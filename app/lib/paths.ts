import type { Locale } from '../../i18n';

// Every page has one path per locale. Route ids are `${locale}:${page}`, which lets the
// language switch find the same page in the other language.
export const PAGES = {
  home: { en: '/en', fr: '/fr', file: 'routes/home.tsx' },
  groups: { en: '/en/groups', fr: '/fr/groupes', file: 'routes/groups.tsx' },
  group: { en: '/en/groups/:slug', fr: '/fr/groupes/:slug', file: 'routes/group.tsx' },
  kinds: { en: '/en/kinds-of-groups', fr: '/fr/types-de-groupes', file: 'routes/kinds.tsx' },
  guide: { en: '/en/guide', fr: '/fr/guide', file: 'routes/guide.tsx' },
  developers: { en: '/en/developers', fr: '/fr/developpeurs', file: 'routes/developers.tsx' },
  browseSafely: { en: '/en/browse-safely', fr: '/fr/naviguer-en-securite', file: 'routes/browse-safely.tsx' },
  articles: { en: '/en/articles', fr: '/fr/articles', file: 'routes/articles.tsx' },
  article: { en: '/en/articles/:slug', fr: '/fr/articles/:slug', file: 'routes/article.tsx' },
  articleSubscription: { en: '/en/articles/subscription/:token', fr: '/fr/articles/abonnement/:token', file: 'routes/article-subscription.tsx' },
  guideResults: { en: '/en/guide/results', fr: '/fr/guide/resultats', file: 'routes/guide-results.tsx' },
  groupReport: { en: '/en/groups/:slug/report', fr: '/fr/groupes/:slug/signaler', file: 'routes/group-report.tsx' },
  sessionSignup: {
    en: '/en/groups/:slug/sessions/:sessionId/sign-up',
    fr: '/fr/groupes/:slug/rencontres/:sessionId/inscription',
    file: 'routes/session-signup.tsx',
  },
  cohortApply: {
    en: '/en/groups/:slug/cohorts/:cohortId/apply',
    fr: '/fr/groupes/:slug/cohortes/:cohortId/demande',
    file: 'routes/cohort-apply.tsx',
  },
  // Online communities: the space of a group of kind online_community.
  community: { en: '/en/groups/:slug/community', fr: '/fr/groupes/:slug/communaute', file: 'routes/community.tsx' },
  communityPost: {
    en: '/en/groups/:slug/community/posts/:post',
    fr: '/fr/groupes/:slug/communaute/publications/:post',
    file: 'routes/community-post.tsx',
  },
  communityNewPost: {
    en: '/en/groups/:slug/community/new-post',
    fr: '/fr/groupes/:slug/communaute/nouvelle-publication',
    file: 'routes/community-new-post.tsx',
  },
  communityRequests: {
    en: '/en/groups/:slug/community/requests',
    fr: '/fr/groupes/:slug/communaute/demandes',
    file: 'routes/community-requests.tsx',
  },
  communityPeople: {
    en: '/en/groups/:slug/community/people',
    fr: '/fr/groupes/:slug/communaute/personnes',
    file: 'routes/community-people.tsx',
  },
  communityMessages: {
    en: '/en/groups/:slug/community/messages',
    fr: '/fr/groupes/:slug/communaute/messages',
    file: 'routes/community-messages.tsx',
  },
  communityConversation: {
    en: '/en/groups/:slug/community/messages/:conversation',
    fr: '/fr/groupes/:slug/communaute/messages/:conversation',
    file: 'routes/community-conversation.tsx',
  },
  communityModeration: {
    en: '/en/groups/:slug/community/moderation',
    fr: '/fr/groupes/:slug/communaute/moderation',
    file: 'routes/community-moderation.tsx',
  },
  manage: { en: '/en/manage/:token', fr: '/fr/gerer/:token', file: 'routes/manage.tsx' },
  unsubscribe: { en: '/en/unsubscribe/:token', fr: '/fr/desabonnement/:token', file: 'routes/unsubscribe.tsx' },
  // Organizer accounts.
  signIn: { en: '/en/account/sign-in', fr: '/fr/compte/connexion', file: 'routes/account-sign-in.tsx' },
  signUp: { en: '/en/account/sign-up', fr: '/fr/compte/creer', file: 'routes/account-sign-up.tsx' },
  checkEmail: { en: '/en/account/check-email', fr: '/fr/compte/verifiez-vos-courriels', file: 'routes/account-check-email.tsx' },
  forgotPassword: { en: '/en/account/forgot-password', fr: '/fr/compte/mot-de-passe-oublie', file: 'routes/account-forgot-password.tsx' },
  resetPassword: { en: '/en/account/reset-password', fr: '/fr/compte/nouveau-mot-de-passe', file: 'routes/account-reset-password.tsx' },
  signOut: { en: '/en/account/sign-out', fr: '/fr/compte/deconnexion', file: 'routes/account-sign-out.tsx' },
  account: { en: '/en/account', fr: '/fr/compte', file: 'routes/account.tsx' },
  accountDeleted: { en: '/en/account/deleted', fr: '/fr/compte/supprime', file: 'routes/account-deleted.tsx' },
  // Organizations (organizer area): the list, one organization's pages, invitations.
  organize: { en: '/en/organize', fr: '/fr/organiser', file: 'routes/organize-home.tsx' },
  orgHome: { en: '/en/organize/:org', fr: '/fr/organiser/:org', file: 'routes/organize-org.tsx' },
  orgProfile: { en: '/en/organize/:org/profile', fr: '/fr/organiser/:org/profil', file: 'routes/organize-profile.tsx' },
  orgMembers: { en: '/en/organize/:org/members', fr: '/fr/organiser/:org/membres', file: 'routes/organize-members.tsx' },
  // Group editor.
  orgGroups: { en: '/en/organize/:org/groups', fr: '/fr/organiser/:org/groupes', file: 'routes/organize-groups.tsx' },
  orgGroupNew: { en: '/en/organize/:org/groups/new', fr: '/fr/organiser/:org/groupes/nouveau', file: 'routes/organize-group-new.tsx' },
  orgGroupEdit: { en: '/en/organize/:org/groups/:group', fr: '/fr/organiser/:org/groupes/:group', file: 'routes/organize-group-edit.tsx' },
  orgGroupSchedule: {
    en: '/en/organize/:org/groups/:group/schedule',
    fr: '/fr/organiser/:org/groupes/:group/horaire',
    file: 'routes/organize-group-schedule.tsx',
  },
  orgGroupCohorts: {
    en: '/en/organize/:org/groups/:group/cohorts',
    fr: '/fr/organiser/:org/groupes/:group/cohortes',
    file: 'routes/organize-group-cohorts.tsx',
  },
  orgInvitation: { en: '/en/invitations/:token', fr: '/fr/invitations/:token', file: 'routes/organize-invitation.tsx' },
  // Running sessions and cohorts, the dashboard and the audit log (organizer area).
  orgDashboard: { en: '/en/organize/:org/dashboard', fr: '/fr/organiser/:org/tableau-de-bord', file: 'routes/organize-dashboard.tsx' },
  orgSession: { en: '/en/organize/:org/sessions/:session', fr: '/fr/organiser/:org/rencontres/:session', file: 'routes/organize-session.tsx' },
  orgCheckIn: {
    en: '/en/organize/:org/sessions/:session/check-in',
    fr: '/fr/organiser/:org/rencontres/:session/presences',
    file: 'routes/organize-checkin.tsx',
  },
  orgCohort: { en: '/en/organize/:org/cohorts/:cohort', fr: '/fr/organiser/:org/cohortes/:cohort', file: 'routes/organize-cohort.tsx' },
  orgAudit: { en: '/en/organize/:org/audit', fr: '/fr/organiser/:org/journal', file: 'routes/organize-audit.tsx' },
  orgModeration: { en: '/en/organize/:org/moderation', fr: '/fr/organiser/:org/moderation', file: 'routes/organize-moderation.tsx' },
  // Facilitator profiles and licences (organizer area), and the platform admin area.
  orgFacilitators: { en: '/en/organize/:org/facilitators', fr: '/fr/organiser/:org/animateurs', file: 'routes/organize-facilitators.tsx' },
  admin: { en: '/en/admin', fr: '/fr/admin', file: 'routes/admin-home.tsx' },
  adminLicences: { en: '/en/admin/licences', fr: '/fr/admin/permis', file: 'routes/admin-licences.tsx' },
  adminReports: { en: '/en/admin/reports', fr: '/fr/admin/signalements', file: 'routes/admin-reports.tsx' },
  adminOrganizations: { en: '/en/admin/organizations', fr: '/fr/admin/organismes', file: 'routes/admin-organizations.tsx' },
  adminArticles: { en: '/en/admin/articles', fr: '/fr/admin/articles', file: 'routes/admin-articles.tsx' },
  adminArticleNew: { en: '/en/admin/articles/new', fr: '/fr/admin/articles/nouveau', file: 'routes/admin-article.tsx' },
  adminArticle: { en: '/en/admin/articles/:article/:lang', fr: '/fr/admin/articles/:article/:lang', file: 'routes/admin-article.tsx' },
  adminComments: { en: '/en/admin/comments', fr: '/fr/admin/commentaires', file: 'routes/admin-comments.tsx' },
} as const;

export type Page = keyof typeof PAGES;

/**
 * The areas whose pages share a frame: a layout route (`file`) that checks who may enter, loads the
 * area's navigation once, and shows it around each of its `pages`. The check-in page of a session
 * stays out of the organizer's frame: it is used at the door, on a phone, with nothing around it.
 */
export const FRAMES = {
  organize: {
    file: 'routes/organize-frame.tsx',
    pages: [
      'orgHome',
      'orgProfile',
      'orgMembers',
      'orgGroups',
      'orgGroupNew',
      'orgGroupEdit',
      'orgGroupSchedule',
      'orgGroupCohorts',
      'orgDashboard',
      'orgSession',
      'orgCohort',
      'orgAudit',
      'orgModeration',
      'orgFacilitators',
    ],
  },
  admin: {
    file: 'routes/admin-frame.tsx',
    pages: ['admin', 'adminLicences', 'adminReports', 'adminOrganizations', 'adminArticles', 'adminArticleNew', 'adminArticle', 'adminComments'],
  },
} as const satisfies Record<string, { file: string; pages: readonly Page[] }>;

export type Frame = keyof typeof FRAMES;

/** The route id of an area's frame: not a page's (`parseRouteId` gives null for it). */
export function frameId(locale: Locale, frame: Frame): string {
  return `${locale}:frame-${frame}`;
}

export function routeId(locale: Locale, page: Page): string {
  return `${locale}:${page}`;
}

export function parseRouteId(id: string): { locale: Locale; page: Page } | null {
  const [locale, page] = id.split(':');
  if ((locale === 'en' || locale === 'fr') && page && page in PAGES) return { locale, page: page as Page };
  return null;
}

/** The path of a page in a locale, with its `:params` filled in. */
export function pathTo(locale: Locale, page: Page, params: Record<string, string | undefined> = {}): string {
  return PAGES[page][locale].replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** The locale a URL path is in, from its first segment. */
export function localeOfPath(pathname: string): Locale | null {
  const first = pathname.split('/')[1];
  return first === 'en' || first === 'fr' ? first : null;
}

/**
 * A page's path as a regular expression (each `:param` one segment; a trailing slash allowed), with
 * `suffix`, the source of a regular expression, allowed after it (`(\\.data)?` for data requests).
 */
export function pathPattern(path: string, suffix = ''): RegExp {
  return new RegExp(`^${path.replace(/:[a-zA-Z]+/g, '[^/]+')}${suffix}/?$`);
}

/** Pages with a person's or an organization's data (their route files start with these): never stored, never indexed. */
export const PRIVATE_FILES = ['routes/manage', 'routes/unsubscribe', 'routes/account', 'routes/organize', 'routes/admin', 'routes/community', 'routes/article-subscription'];

export function isPrivatePage(page: Page): boolean {
  return PRIVATE_FILES.some((f) => PAGES[page].file.startsWith(f));
}
