// English strings for the "listing" area. fr/listing.ts must have exactly the same keys.
const listing = {} as const;

export default listing;
