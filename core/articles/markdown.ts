import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// An article's body is Markdown written by an administrator: headings (from level 2; the page's
// title is the level 1), paragraphs, lists, quotes, emphasis, links and rules, rendered by
// markdown-it without raw HTML, then sanitized so that only these tags and safe links remain.

const md = new MarkdownIt('commonmark', { html: false, linkify: true, typographer: true }).disable(['image', 'code', 'fence', 'html_block', 'html_inline']);

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'blockquote', 'a', 'hr', 'code'],
  allowedAttributes: { a: ['href'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // A level 1 heading in the body becomes a level 2: a page has one title.
  transformTags: { h1: 'h2', h5: 'h4', h6: 'h4' },
  disallowedTagsMode: 'discard',
};

/** The sanitized HTML of an article's Markdown body. */
export function renderArticleBody(body: string): string {
  return sanitizeHtml(md.render(body), ALLOWED).trim();
}
