// English strings for the "email" area. fr/email.ts must have exactly the same keys.
const email = {} as const;

export default email;
