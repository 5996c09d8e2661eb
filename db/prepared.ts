import type { Database } from './client';

/**
 * A prepared statement built once per database handle (and so named once per connection on
 * PostgreSQL), for the queries on the busiest paths: `const find = perDatabase((db) => db.select()…prepare('name'))`,
 * then `find(ctx.db).execute(values)`.
 */
export function perDatabase<T>(build: (db: Database) => T): (db: Database) => T {
  const built = new WeakMap<Database, T>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) built.set(db, (statement = build(db)));
    return statement;
  };
}
