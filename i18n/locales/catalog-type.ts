/** The shape of a translated catalog: the same keys as the English one, any strings. */
export type Catalog<T> = { readonly [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
