// English strings for the "search" area. fr/search.ts must have exactly the same keys.
const search = {} as const;

export default search;
