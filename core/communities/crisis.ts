import list from './crisis-words.json';

// Crisis language in what a member writes (SPEC §4). Nothing leaves Cercle: the text is read here,
// against the reviewed list in crisis-words.json, in both languages whatever the page's.

/** Lower case, no accents, apostrophes and punctuation as spaces: "M’automutiler" → "m automutiler". */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** Simple endings a written word may add to the listed one ("suicidal" → "suicidale", "tuer" → "tuerai"). */
const ENDINGS = /^(?:s|es|e|ed|d|ing|er|ers|ee|ees|ez|ai|ait|ais|ions|iez|ent|aient|erai|eras|era)$/;

function sameWord(written: string, listed: string): boolean {
  if (written === listed) return true;
  // "suicider" written for "suicide", "dying"... only endings, never a different word sharing a start.
  if (written.startsWith(listed)) return ENDINGS.test(written.slice(listed.length));
  // A listed verb in its infinitive written with another ending: "tuer" → "tue", "tues".
  if (listed.length >= 4 && /(?:er|ir|re)$/.test(listed)) {
    const stem = listed.slice(0, -2);
    return written.startsWith(stem) && ENDINGS.test(written.slice(stem.length) || 'e');
  }
  return false;
}

const PHRASES: string[][] = [...new Set([...list.en, ...list.fr])].map(words).filter((p) => p.length > 0);

/** The listed phrases found in a text, as written in the list (empty when there are none). */
export function crisisPhrases(text: string): string[] {
  const w = words(text);
  const found: string[] = [];
  for (const phrase of PHRASES) {
    for (let i = 0; i + phrase.length <= w.length; i++) {
      if (phrase.every((p, k) => sameWord(w[i + k]!, p))) {
        found.push(phrase.join(' '));
        break;
      }
    }
  }
  return found;
}

/** Whether a text contains crisis language. */
export function hasCrisisLanguage(text: string): boolean {
  return crisisPhrases(text).length > 0;
}
