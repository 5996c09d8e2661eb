import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// What members write is a Markdown subset — bold, italics, lists, links, quotes — rendered by
// markdown-it with every other rule off (no raw HTML, images, headings, tables or code blocks),
// then sanitized: whatever got through, only these tags and safe links remain.

const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true }).enable([
  'paragraph',
  'newline',
  'emphasis',
  'list',
  'blockquote',
  'link',
  'autolink',
  'linkify',
  'escape',
  'entity',
  'text_join',
]);

const ALLOWED = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'blockquote', 'a'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Links written by members are not endorsed and open nothing of this page to the target.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener' }) },
  disallowedTagsMode: 'discard' as const,
};

/** The sanitized HTML of a member's text. */
export function renderMemberText(body: string): string {
  return sanitizeHtml(md.render(body), ALLOWED).trim();
}

/** Plain text (a private message) as HTML that shows it as written: escaped, its line breaks kept. */
export function renderPlainText(text: string): string {
  return `<p>${md.utils.escapeHtml(text).replace(/\n/g, '<br>')}</p>`;
}
