export * from './build-calendar';
export * from './group-calendar';
