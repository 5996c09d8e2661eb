import type en from '../en/signup';
import type { Catalog } from '../catalog-type';

// Chaînes françaises de la zone « signup ». Mêmes clés que en/signup.ts.
const signup: Catalog<typeof en> = {};

export default signup;
