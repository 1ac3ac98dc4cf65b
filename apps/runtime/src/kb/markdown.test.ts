import { describe, expect, it } from 'vitest';
import { plainText, renderMarkdown } from './markdown';

/**
 * The elements and attributes of rendered HTML. Text never holds a raw "<" (it is escaped), so
 * every "<" opens a real tag: what a browser would build from it.
 */
function elements(html: string): Array<{ tag: string; attrs: Record<string, string> }> {
  expect(html).not.toMatch(/<(?![a-z/])/i);
  return [...html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)].map((m) => ({
    tag: m[1]!.toLowerCase(),
    attrs: Object.fromEntries(
      [...m[2]!.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!.toLowerCase(), a[2] ?? '']),
    ),
  }));
}

const SAFE_TAGS = new Set(['p', 'a', 'img', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'h1', 'br']);

function expectInert(html: string): void {
  for (const { tag, attrs } of elements(html)) {
    expect(SAFE_TAGS.has(tag), `<${tag}>`).toBe(true);
    for (const [name, value] of Object.entries(attrs)) {
      expect(name.startsWith('on'), `attribute ${name}`).toBe(false);
      if (name === 'href' || name === 'src') expect(value).toMatch(/^(https?:|mailto:)/);
      expect(['href', 'src', 'alt', 'title', 'rel', 'start']).toContain(name);
    }
  }
}

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown(
      '# Lost card\n\nFreeze it **now**: [app](https://bank.example/app)\n\n- one\n- two',
    );
    expect(html).toContain('<h1>Lost card</h1>');
    expect(html).toContain('<strong>now</strong>');
    expect(html).toContain('<a href="https://bank.example/app" rel="noopener noreferrer nofollow">app</a>');
    expect(html).toContain('<li>one</li>');
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['an inline event attribute', '<img src=x onerror="alert(1)">'],
    ['a javascript: link', '[click](javascript:alert(1))'],
    ['an encoded javascript: link', '[click](jav&#x61;script:alert(1))'],
    ['a data: link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a javascript: autolink', '<javascript:alert(1)>'],
    ['an svg with onload', '<svg onload=alert(1)>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['a javascript: image', '![x](javascript:alert(1))'],
    ['a link with a title breaking out', '[x](https://a.example "a\\" onmouseover=\\"alert(1)")'],
  ])('renders %s inert', (_name, body) => {
    expectInert(renderMarkdown(body));
  });

  it('sees a raw event attribute as unsafe (the check itself can fail)', () => {
    expect(() => expectInert('<img src="x" onerror="alert(1)">')).toThrow();
    expect(() => expectInert('<a href="javascript:alert(1)">x</a>')).toThrow();
  });

  it('keeps only https images', () => {
    expect(renderMarkdown('![a](http://x.example/a.png)')).not.toContain('<img src="http:');
    expect(renderMarkdown('![a](https://x.example/a.png)')).toContain(
      '<img src="https://x.example/a.png" alt="a" />',
    );
  });
});

describe('plainText', () => {
  it('answers the readable text without Markdown marks', () => {
    expect(plainText('# Title\n\nSome **bold** and `code`.\n\n- item')).toBe(
      'Title\nSome bold and code.\nitem',
    );
  });
});
