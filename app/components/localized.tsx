import type { Bilingual } from '../../core/text';
import { pick } from '../../core/text';
import type { Locale } from '../../i18n';

/**
 * Bilingual text in the page's language, or in the other language marked with `lang` so that
 * screen readers pronounce it correctly.
 */
export function Localized({
  text,
  locale,
  as: Tag = 'span',
  className,
  id,
}: {
  text: Bilingual;
  locale: Locale;
  as?: 'span' | 'p' | 'div' | 'h1' | 'h2' | 'h3';
  className?: string;
  id?: string;
}) {
  const chosen = pick(text, locale);
  if (!chosen) return null;
  return (
    <Tag id={id} className={className} lang={chosen.lang === locale ? undefined : chosen.lang === 'fr' ? 'fr-CA' : 'en-CA'}>
      {chosen.text}
    </Tag>
  );
}

/** Multi-paragraph text (blank lines separate paragraphs). */
export function Paragraphs({ text, locale }: { text: Bilingual; locale: Locale }) {
  const chosen = pick(text, locale);
  if (!chosen) return null;
  const lang = chosen.lang === locale ? undefined : chosen.lang === 'fr' ? 'fr-CA' : 'en-CA';
  return (
    <div lang={lang}>
      {chosen.text.split(/\n\s*\n/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
    </div>
  );
}
