import type en from '../en/email';
import type { Catalog } from '../catalog-type';

// Chaînes françaises de la zone « email ». Mêmes clés que en/email.ts.
const email: Catalog<typeof en> = {};

export default email;
