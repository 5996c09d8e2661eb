// English strings for the "manage" area. fr/manage.ts must have exactly the same keys.
const manage = {} as const;

export default manage;
