import type { GroupKind } from '../../schema/values';

/** One language of a guide Cercle ships with. */
export interface SeedArticleText {
  slug: string;
  title: string;
  summary: string;
  body: string;
}

export interface SeedArticle {
  key: string;
  topics: string[];
  kinds: GroupKind[];
  en: SeedArticleText;
  fr: SeedArticleText;
}
