// English strings for the "guide" area. fr/guide.ts must have exactly the same keys.
const guide = {} as const;

export default guide;
