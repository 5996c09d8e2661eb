// The words of each area in both languages, apart from the words every page uses (en.ts, fr.ts).
// The server gives every instance all of them (i18n/index.ts); in the browser each area's words
// come with the code of the pages that use them (i18n/areas/).
import guideEn from './en/guide';
import guideFr from './fr/guide';
import listingEn from './en/listing';
import listingFr from './fr/listing';
import signupEn from './en/signup';
import signupFr from './fr/signup';
import communityEn from './en/community';
import communityFr from './fr/community';
import manageEn from './en/manage';
import manageFr from './fr/manage';
import runningEn from './en/running';
import runningFr from './fr/running';
import accountEn from './en/account';
import accountFr from './fr/account';
import organizeEn from './en/organize';
import organizeFr from './fr/organize';
import editorEn from './en/editor';
import editorFr from './fr/editor';
import adminEn from './en/admin';
import adminFr from './fr/admin';
import developersEn from './en/developers';
import developersFr from './fr/developers';
import articlesEn from './en/articles';
import articlesFr from './fr/articles';
import safetyEn from './en/safety';
import safetyFr from './fr/safety';

export const AREA_WORDS = {
  en: { guide: guideEn, listing: listingEn, signup: signupEn, community: communityEn, manage: manageEn, running: runningEn, account: accountEn, organize: organizeEn, editor: editorEn, admin: adminEn, developers: developersEn, articles: articlesEn, safety: safetyEn },
  fr: { guide: guideFr, listing: listingFr, signup: signupFr, community: communityFr, manage: manageFr, running: runningFr, account: accountFr, organize: organizeFr, editor: editorFr, admin: adminFr, developers: developersFr, articles: articlesFr, safety: safetyFr },
};

export type AreaWords = typeof AREA_WORDS.en;
export type AreaName = keyof AreaWords;
