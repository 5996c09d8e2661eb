// A PostgreSQL text-search query (the text form of a `tsquery`, as `tsquery::text` prints it),
// parsed so that the in-process search index (search-index.ts) can evaluate it against the
// lexemes PostgreSQL extracted from each group. The database stems the query (English and
// French); this module only reads the result: quoted lexemes joined by `!`, `&`, `|` and the
// phrase operators `<->` / `<N>`, with parentheses.

export type TsQuery =
  | { op: 'lexeme'; lexeme: string; suffix: string }
  | { op: 'not'; arg: TsQuery }
  | { op: 'and' | 'or'; left: TsQuery; right: TsQuery }
  | { op: 'phrase'; distance: number; left: TsQuery; right: TsQuery };

type Token = { t: 'lexeme'; lexeme: string; suffix: string } | { t: '!' | '&' | '|' | '(' | ')' } | { t: 'phrase'; distance: number };

export class TsQuerySyntaxError extends Error {}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ') {
      i++;
    } else if (c === "'") {
      // A quoted lexeme: '' stands for a quote and a backslash escapes the next character.
      let lexeme = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new TsQuerySyntaxError('unterminated lexeme');
        const ch = text[i]!;
        if (ch === '\\' && i + 1 < text.length) {
          lexeme += text[i + 1];
          i += 2;
        } else if (ch === "'" && text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else if (ch === "'") {
          i++;
          break;
        } else {
          lexeme += ch;
          i++;
        }
      }
      // Weights and prefix marks (`:*`, `:AB`) follow the closing quote.
      let suffix = '';
      if (text[i] === ':') {
        const m = /^:[*A-Da-d]+/.exec(text.slice(i));
        if (m) {
          suffix = m[0].slice(1);
          i += m[0].length;
        }
      }
      tokens.push({ t: 'lexeme', lexeme, suffix });
    } else if (c === '<') {
      const m = /^<(-|\d+)>/.exec(text.slice(i));
      if (!m) throw new TsQuerySyntaxError(`unexpected "<" at ${i}`);
      tokens.push({ t: 'phrase', distance: m[1] === '-' ? 1 : Number(m[1]) });
      i += m[0].length;
    } else if (c === '!' || c === '&' || c === '|' || c === '(' || c === ')') {
      tokens.push({ t: c });
      i++;
    } else {
      throw new TsQuerySyntaxError(`unexpected "${c}" at ${i}`);
    }
  }
  return tokens;
}

/**
 * Parses the text form of a tsquery; null for the empty query (a query of stop words alone).
 * Binding, tightest first: `!`, then the phrase operators, then `&`, then `|` (as PostgreSQL).
 */
export function parseTsQuery(text: string): TsQuery | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  let pos = 0;
  const peek = () => tokens[pos];

  const primary = (): TsQuery => {
    const tok = tokens[pos++];
    if (!tok) throw new TsQuerySyntaxError('unexpected end');
    if (tok.t === 'lexeme') return { op: 'lexeme', lexeme: tok.lexeme, suffix: tok.suffix };
    if (tok.t === '!') return { op: 'not', arg: primary() };
    if (tok.t === '(') {
      const inner = or();
      if (tokens[pos++]?.t !== ')') throw new TsQuerySyntaxError('missing ")"');
      return inner;
    }
    throw new TsQuerySyntaxError(`unexpected "${tok.t}"`);
  };
  const phrase = (): TsQuery => {
    let left = primary();
    for (let tok = peek(); tok?.t === 'phrase'; tok = peek()) {
      pos++;
      left = { op: 'phrase', distance: tok.distance, left, right: primary() };
    }
    return left;
  };
  // `a & b & c` and `a | b | c`, each binding looser than the one it is built on.
  const chain = (token: '&' | '|', op: 'and' | 'or', operand: () => TsQuery) => (): TsQuery => {
    let left = operand();
    while (peek()?.t === token) {
      pos++;
      left = { op, left, right: operand() };
    }
    return left;
  };
  const and = chain('&', 'and', phrase);
  const or = chain('|', 'or', and);

  const query = or();
  if (pos !== tokens.length) throw new TsQuerySyntaxError('unexpected text after the query');
  return simplify(query);
}

/**
 * Drops repeats: the English and French readings of a word are often the same lexeme
 * ('grief' | 'grief'), which would otherwise be looked up twice.
 */
function simplify(q: TsQuery): TsQuery {
  if (q.op === 'not') return { op: 'not', arg: simplify(q.arg) };
  if (q.op === 'and' || q.op === 'or') {
    const left = simplify(q.left);
    const right = simplify(q.right);
    return JSON.stringify(left) === JSON.stringify(right) ? left : { op: q.op, left, right };
  }
  return q;
}

/**
 * Whether the query needs more than which lexemes a document holds: word positions (phrases),
 * weights or prefixes. Such queries are left to the database.
 */
export function needsPositions(q: TsQuery): boolean {
  switch (q.op) {
    case 'lexeme':
      return q.suffix !== '';
    case 'not':
      return needsPositions(q.arg);
    case 'phrase':
      return true;
    default:
      return needsPositions(q.left) || needsPositions(q.right);
  }
}

/** The lexemes a document must hold for the query to count it (those not under a `!`). */
export function positiveLexemes(q: TsQuery, out = new Set<string>()): Set<string> {
  if (q.op === 'lexeme') out.add(q.lexeme);
  else if (q.op === 'and' || q.op === 'or' || q.op === 'phrase') {
    positiveLexemes(q.left, out);
    positiveLexemes(q.right, out);
  }
  return out;
}
