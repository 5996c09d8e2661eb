import type en from '../en/guide';
import type { Catalog } from '../catalog-type';

// Chaînes françaises de la zone « guide ». Mêmes clés que en/guide.ts.
const guide: Catalog<typeof en> = {};

export default guide;
