export * from './constants';
export * from './list-licence-reviews';
export * from './review-licence';
export * from './list-listing-reports';
export * from './resolve-listing-report';
export * from './get-admin-overview';
export * from './make-platform-admin';
export * from './set-organization-verification';
