import type en from '../en/listing';
import type { Catalog } from '../catalog-type';

// Chaînes françaises de la zone « listing ». Mêmes clés que en/listing.ts.
const listing: Catalog<typeof en> = {};

export default listing;
