// English strings for the "signup" area. fr/signup.ts must have exactly the same keys.
const signup = {} as const;

export default signup;
