export * from './build-calendar';
export * from './group-calendar';
export * from './session-sequence';
export * from './my-calendar';
