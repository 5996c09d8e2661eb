export * from './search-input';
export * from './find-groups';
export * from './refresh-group-search';
export { resolvePlace, placeLabel, type Place, type PlaceMatch } from './gazetteer';
export { emptyFacets } from './facets';
export * from './list-topics';
export * from './alternatives';
