export * from './guide-input';
export * from './rank-kinds';
export * from './find-matches';
export * from './list-topics';
