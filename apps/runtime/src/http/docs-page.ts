/** The subset of an OpenAPI document the docs page reads. */
interface OpenApiLike {
  info?: { title?: string; version?: string; description?: string };
  paths?: unknown;
}
type Operation = { summary?: string; tags?: string[]; security?: unknown[] } | undefined;
type Paths = Record<string, Record<string, Operation>>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * A self-contained HTML page (no CDN, no script) listing every operation of the OpenAPI
 * document, grouped by tag, with a link to the JSON document. Pure.
 */
export function docsPage(doc: OpenApiLike, specUrl = '/api/openapi.json'): string {
  const groups = new Map<string, string[]>();
  for (const [path, ops] of Object.entries((doc.paths ?? {}) as Paths)) {
    for (const method of METHODS) {
      const op = ops[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'other';
      const lock =
        op.security && op.security.length > 0 ? ' <span class="lock" title="bearer token">🔒</span>' : '';
      const row = `<tr><td class="m ${method}">${method.toUpperCase()}</td><td><code>/api${escapeHtml(path)}</code>${lock}</td><td>${escapeHtml(op.summary ?? '')}</td></tr>`;
      groups.set(tag, [...(groups.get(tag) ?? []), row]);
    }
  }
  const sections = [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, rows]) => `<h2>${escapeHtml(tag)}</h2><table>${rows.join('')}</table>`)
    .join('\n');
  const title = escapeHtml(doc.info?.title ?? 'API');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d2330}
h1{margin-bottom:.2rem}h2{margin-top:2rem;text-transform:capitalize;border-bottom:1px solid #dde}
table{border-collapse:collapse;width:100%}td{padding:.3rem .6rem;border-bottom:1px solid #eef;vertical-align:top}
td.m{font-weight:600;width:4.5rem}.get{color:#0a7d32}.post{color:#a05a00}.put{color:#2456b3}.delete{color:#b32424}
code{font-size:13px}.lock{font-size:11px}
</style></head><body>
<h1>${title} <small>${escapeHtml(doc.info?.version ?? '')}</small></h1>
<p>${escapeHtml(doc.info?.description ?? '')}</p>
<p>Machine-readable document: <a href="${escapeHtml(specUrl)}">${escapeHtml(specUrl)}</a>. Errors answer
<code>{"error":{"code","message","details?"}}</code>. Sign in with <code>POST /api/auth/login</code> and send
<code>Authorization: Bearer &lt;token&gt;</code>.</p>
${sections}
</body></html>`;
}
