import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/*
 * Article bodies are Markdown written by staff and read by anyone, so they are rendered on the
 * server in two guarded steps: markdown-it with raw HTML off (an article's "<script>" is text),
 * then sanitize-html with an allow-list, so that whatever markdown-it lets through — a
 * `javascript:` link, an attribute — cannot run in a reader's browser.
 */

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    's',
    'code',
    'pre',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title'],
    th: ['style'],
    td: ['style'],
    ol: ['start'],
  },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
  },
  disallowedTagsMode: 'discard',
};
// `rel` is added by the transform after the allow-list, so it must be allowed too.
SANITIZE.allowedAttributes = { ...SANITIZE.allowedAttributes, a: ['href', 'title', 'rel'] };

/** The body as safe HTML: no script, event attribute or script URL survives. Pure. */
export function renderMarkdown(body: string): string {
  return sanitizeHtml(md.render(body), SANITIZE);
}

/** The readable text of a Markdown body (for the index and snippets), blocks on their own lines. Pure. */
export function plainText(body: string): string {
  const out: string[] = [];
  const walk = (tokens: ReturnType<typeof md.parse>) => {
    for (const t of tokens) {
      if (t.type === 'inline' && t.children) walk(t.children);
      else if (t.type === 'text' || t.type === 'code_inline') out.push(t.content);
      else if (t.type === 'code_block' || t.type === 'fence') out.push(`\n${t.content}\n`);
      else if (t.type === 'softbreak' || t.type === 'hardbreak') out.push(' ');
      else if (t.type === 'image') out.push(t.content);
      else if (t.block && t.nesting === -1) out.push('\n');
    }
  };
  walk(md.parse(body, {}));
  return out
    .join('')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
