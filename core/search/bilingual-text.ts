import { sql, type SQL } from 'drizzle-orm';

// Full-text search in both of Cercle's languages, whatever the page's: a document holds its words
// stemmed in English and in French (accents dropped), and a query is read both ways. Groups and
// community posts are searched the same way.

/** The words a person typed, as a query in English and in French (`websearch` or `plain` syntax). */
export function bilingualQuery(text: string, syntax: 'websearch' | 'plain' = 'websearch'): SQL {
  const fn = sql.raw(syntax === 'websearch' ? 'websearch_to_tsquery' : 'plainto_tsquery');
  return sql`${fn}('english', unaccent(${text})) || ${fn}('french', unaccent(${text}))`;
}

/** A text as a document of words in English and in French. */
export function bilingualDocument(text: string | SQL): SQL {
  return sql`to_tsvector('english', unaccent(${text})) || to_tsvector('french', unaccent(${text}))`;
}
