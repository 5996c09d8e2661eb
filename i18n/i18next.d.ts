import type { CatalogData } from './instances';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: CatalogData };
  }
}
