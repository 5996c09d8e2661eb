export * from './shared';
export * from './markdown';
export * from './save-article';
export * from './publish-article';
export * from './read-articles';
export * from './admin-articles';
export * from './comments';
export * from './subscriptions';
