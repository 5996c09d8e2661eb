export * from './report-listing';
