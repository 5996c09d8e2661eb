// Where the OpenAPI document's descriptions come from: a schema marked `apiWords(key)` is described
// in the reader’s language by the words <key> of the API in the developers’ area (openapi.server.ts puts them in;
// `values` adds the list of values a parameter takes).
export const API_WORDS = 'x-words';
export const API_VALUES = 'x-values';

export function apiWords(key: string, values?: readonly string[]): Record<string, unknown> {
  return { [API_WORDS]: key, ...(values ? { [API_VALUES]: values } : {}) };
}
