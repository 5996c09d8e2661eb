import type en from '../en/search';
import type { Catalog } from '../catalog-type';

// Chaînes françaises de la zone « search ». Mêmes clés que en/search.ts.
const search: Catalog<typeof en> = {};

export default search;
