import { eng, fra } from 'stopword';
import { distance } from 'fastest-levenshtein';
import en from './lexicon/en.json';
import fr from './lexicon/fr.json';
import type { GroupKind } from '../../db/schema/enums';
import { TOPIC_TREE } from '../../db/seed/topics';

// How a search reads the words people use for their situation ("lost my husband", « mon bébé est
// décédé ») against the lexicon files (lexicon/en.json, lexicon/fr.json): which topics and kinds of
// group the words point to, which words that reading used, and whether they signal a crisis.
// Pure: the database is not involved (find-groups.ts turns the reading into a search).

export interface LexiconEntry {
  topics?: string[];
  kinds?: string[];
  crisis?: boolean;
  phrases: string[];
  /** A class of words of the same file, one of which must also be in the query. */
  with?: string;
  /**
   * Topics this reading says more precisely than, when both are read: "my dad killed himself" is
   * about suicide loss before the loss of a parent; "my son drinks" about families and friends
   * before alcohol. Those topics are then left out of the reading.
   */
  over?: string[];
}

export interface Lexicon {
  language: string;
  classes: Record<string, string[]>;
  entries: LexiconEntry[];
}

const SUB_TOPICS: ReadonlySet<string> = new Set(TOPIC_TREE.flatMap((p) => p.children.map((c) => c.slug)));

export const LEXICONS = { en, fr } as unknown as Record<'en' | 'fr', Lexicon>;

/** Words too common to search by, in English and French, and words every request for help holds. */
const DOMAIN_STOP_WORDS = [
  'help', 'need', 'needs', 'looking', 'look', 'find', 'someone', 'something', 'please', 'group', 'groups', 'problem', 'problems',
  'issue', 'issues', 'dealing', 'deal', 'cope', 'coping', 'going', 'through', 'really', 'just', 'get', 'got', 'im', 'ive', 'dont',
  'aide', 'besoin', 'cherche', 'trouver', 'quelqu', 'groupe', 'groupes', 'probleme', 'problemes', 'vraiment', 'juste', 'svp',
];
const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
export const STOP_WORDS: ReadonlySet<string> = new Set([...eng, ...fra, ...DOMAIN_STOP_WORDS].flatMap((w) => fold(w).split(/[^a-z0-9]+/)).filter(Boolean));

/** Lower-case, accent-free words of a text ("J'ai perdu" → j, ai, perdu). */
export function wordsOf(text: string): string[] {
  return fold(text).split(/[^a-z0-9]+/).filter(Boolean);
}

export const isStopWord = (w: string) => STOP_WORDS.has(w) || w.length < 2;

/**
 * Whether a query word stands for a lexicon word: the same, a plural of it (or the reverse), or a
 * typo away — one edit from five letters, two from eight.
 */
export function sameWord(query: string, word: string): boolean {
  if (query === word) return true;
  const [short, long] = query.length <= word.length ? [query, word] : [word, query];
  if (short.length >= 3 && long.length === short.length + 1 && long.startsWith(short) && /[sx]$/.test(long)) return true;
  if (short.length < 5) return false;
  return distance(query, word) <= (short.length >= 8 ? 2 : 1);
}

export interface Concept {
  topics: string[];
  kinds: GroupKind[];
  /** Positions in the query's words of the words this reading used. */
  words: number[];
  /** Read from a relation and an event ("my son" + "drinks"): says who the person is to what happened. */
  related: boolean;
}

export interface Understanding {
  /** The query's words (lower-case, accent-free). */
  words: string[];
  concepts: Concept[];
  /** Positions of the words no concept used, stop words left out: searched as text. */
  rest: number[];
  crisis: boolean;
}

interface CompiledPhrase {
  /** The phrase's words that must be in the query. */
  required: string[];
}
interface CompiledEntry {
  entry: LexiconEntry;
  phrases: CompiledPhrase[];
  with: string[] | null;
}

function compilePhrase(phrase: string): CompiledPhrase {
  const words = wordsOf(phrase);
  const content = words.filter((w) => !isStopWord(w));
  // "en finir" is two words of which one is small: both are needed, or "finir" alone would match.
  return { required: content.length >= 2 ? content : words };
}

const compiled = new Map<Lexicon, CompiledEntry[]>();
function compile(lexicon: Lexicon): CompiledEntry[] {
  let out = compiled.get(lexicon);
  if (!out) {
    out = lexicon.entries.map((entry) => ({
      entry,
      phrases: entry.phrases.map(compilePhrase),
      with: entry.with ? (lexicon.classes[entry.with] ?? []).map(fold) : null,
    }));
    compiled.set(lexicon, out);
  }
  return out;
}

/** Positions in `words` of each of `required`, or null when one is missing. */
/** Positions in `words` of each of `required` (the same word first, else a plural or typo), or null when one is missing. */
function find(words: string[], required: string[]): { at: number[]; fuzzy: number } | null {
  const at: number[] = [];
  let fuzzy = 0;
  for (const r of required) {
    let i = words.findIndex((w, k) => !at.includes(k) && w === r);
    if (i < 0) {
      i = words.findIndex((w, k) => !at.includes(k) && sameWord(w, r));
      fuzzy++;
    }
    if (i < 0) return null;
    at.push(i);
  }
  return { at, fuzzy };
}

/**
 * Reads a query with the lexicons, the page's language first. Longer readings win: in "my dad
 * died", "dad" with a word of loss (loss of a parent) comes before "died" alone (grief). A word
 * of a class ("died", "drinks") can serve several readings; a phrase's own words serve one.
 */
export function understand(query: string, locale: 'en' | 'fr'): Understanding {
  const words = wordsOf(query);
  const lexicons = locale === 'fr' ? [LEXICONS.fr, LEXICONS.en] : [LEXICONS.en, LEXICONS.fr];
  type Candidate = { entry: LexiconEntry; own: number[]; shared: number[]; fuzzy: number; order: number };
  const candidates: Candidate[] = [];
  let order = 0;
  for (const lexicon of lexicons) {
    for (const c of compile(lexicon)) {
      order++;
      for (const p of c.phrases) {
        const found = find(words, p.required);
        if (!found) continue;
        const own = found.at;
        let shared: number[] = [];
        if (c.with) {
          const i = words.findIndex((w, k) => !own.includes(k) && c.with!.some((x) => sameWord(w, x)));
          if (i < 0) continue;
          shared = [i];
        }
        candidates.push({ entry: c.entry, own, shared, fuzzy: found.fuzzy, order });
      }
    }
  }
  // Longer readings first, then those read from the words as typed rather than through a typo.
  candidates.sort((a, b) => b.own.length + b.shared.length - (a.own.length + a.shared.length) || a.fuzzy - b.fuzzy || a.order - b.order);
  const owned = new Set<number>();
  const used = new Set<number>();
  const concepts: Concept[] = [];
  let crisis = false;
  const overruled = new Set<string>();
  for (const c of candidates) {
    if (c.own.some((i) => owned.has(i))) continue;
    for (const i of c.own) owned.add(i);
    for (const i of [...c.own, ...c.shared]) used.add(i);
    if (c.entry.crisis) crisis = true;
    for (const t of c.entry.over ?? []) overruled.add(t);
    concepts.push({
      topics: c.entry.topics ?? [],
      kinds: (c.entry.kinds ?? []) as GroupKind[],
      words: [...c.own, ...c.shared].sort((a, b) => a - b),
      related: Boolean(c.entry.with),
    });
  }
  // A topic whose sub-topic was also read adds nothing ("dad died": loss of a parent, not grief too).
  const topics = concepts.flatMap((c) => c.topics);
  const kept = concepts
    .map((c) => ({ ...c, topics: c.topics.filter((t) => !overruled.has(t) && !topics.some((o) => o.startsWith(`${t}-`))) }))
    .filter((c) => c.topics.length || c.kinds.length);
  // The same topic or kind read twice is one concept.
  const merged: Concept[] = [];
  for (const c of kept) {
    const same = merged.find((m) => m.topics.join() === c.topics.join() && m.kinds.join() === c.kinds.join());
    if (same) same.words = [...new Set([...same.words, ...c.words])].sort((a, b) => a - b);
    else merged.push(c);
  }
  const rest = words.flatMap((w, i) => (used.has(i) || isStopWord(w) ? [] : [i]));
  return { words, concepts: merged, rest, crisis };
}

/**
 * One topic for a person's own words (the guide asks for one): the reading that says who they are
 * to what happened first ("my son drinks": families and friends, before alcohol), then the most
 * specific. With the kinds of group the words name, and whether they signal a crisis.
 */
export function readOwnWords(text: string, locale: 'en' | 'fr'): { topic: string | null; kinds: GroupKind[]; crisis: boolean } {
  const u = understand(text, locale);
  const withTopics = u.concepts.filter((c) => c.topics.length);
  const specific = (c: Concept) => Number(c.topics.some((t) => SUB_TOPICS.has(t)));
  const best = [...withTopics].sort((a, b) => Number(b.related) - Number(a.related) || specific(b) - specific(a))[0];
  const topic = best ? (best.topics.find((t) => SUB_TOPICS.has(t)) ?? best.topics[0]!) : null;
  return { topic, kinds: [...new Set(u.concepts.flatMap((c) => c.kinds))], crisis: u.crisis };
}
