// Time columns: the `defaultNow()` defaults are the database's own clock, and that is the right
// one for them: they only record when a row was written (audit trail, created_at/updated_at of
// rows written by better-auth or by hand) and nothing compares them with a caller's time. Every
// row core writes whose time matters to a decision (outbox attempts, registrations, sessions,
// search rows) gets `ctx.now` explicitly (docs/architecture.md, "Time").
export * from './enums';
export * from './users';
export * from './auth';
export * from './organizations';
export * from './facilitators';
export * from './topics';
export * from './groups';
export * from './schedules';
export * from './cohorts';
export * from './sessions';
export * from './participants';
export * from './intake-questions';
export * from './registrations';
export * from './attendance';
export * from './outbox';
export * from './audit-log';
export * from './listing-reports';
export * from './app-secrets';
export * from './group-search';
export * from './request-limits';
export * from './communities';
export * from './articles';
