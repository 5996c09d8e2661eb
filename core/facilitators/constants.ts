// Limits of the facilitator forms, shared by the core actions and the pages (no server imports).
export const DISPLAY_NAME_MAX = 120;
export const CREDENTIALS_MAX = 300;
export const BIO_MAX = 4000;
export const LICENCE_NUMBER_MAX = 60;
export const LICENCE_BODY_MAX = 200;
export const LICENCE_JURISDICTION_MAX = 100;
