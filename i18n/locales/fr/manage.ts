import type en from '../en/manage';
import type { Catalog } from '../catalog-type';

// Chaînes françaises de la zone « manage ». Mêmes clés que en/manage.ts.
const manage: Catalog<typeof en> = {};

export default manage;
