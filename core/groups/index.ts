export * from './list-groups';
export * from './get-group';
export * from './public-group';
export * from './slugs';
