import './kb.css';
/**
 * An article body as the runtime rendered it. The HTML comes from the runtime's Markdown
 * renderer and its sanitiser (markdown-it with raw HTML off, then sanitize-html with an
 * allow-list), so it carries no script, event attribute or script URL; the page's
 * Content-Security-Policy refuses inline script besides.
 */
export function ArticleHtml({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server (kb/markdown.ts)
  return <div className="kb-article-body" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A search snippet: escaped text with `<mark>` around matches (kb/snippet.ts on the runtime). */
export function Snippet({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped on the server, only <mark> added
  return <p className="kb-snippet muted" dangerouslySetInnerHTML={{ __html: html }} />;
}
