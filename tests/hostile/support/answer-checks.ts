/** An answer as the fuzz saw it. */
export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/**
 * Things an answer must never show: stack frames, password hashes, source paths; in errors also
 * SQL, database and JavaScript error texts. Each is reported only when the request did not itself contain the matched text
 * (an echoed subject that reads "select * from cases" is data, not a leak).
 */
const ANY_ANSWER_LEAKS: Array<[string, RegExp]> = [
  ['a stack frame', /\bat (?:async )?[^\s()"]*\s?\(?(?:file:\/\/|node:|\/)[^\s()"]+:\d+:\d+\)?/],
  ['a stack trace', /\\n\s+at\s/],
  ['a password hash', /scrypt\$\d+\$|\$2[aby]\$\d\d\$|\$argon2/],
  ['a password hash field', /"password_?hash"/i],
  ['a source path', /\/node_modules\/|apps\/runtime\/(?:src|dist)\/|\.pnpm\//],
];
/** Only looked for in error answers: a flow or catalog text may say "select the card from…". */
const ERROR_LEAKS: Array<[string, RegExp]> = [
  ['SQL text', /\b(?:select\s[^"]{0,300}?\sfrom|insert\s+into|update\s+"?\w+"?\s+set|delete\s+from)\s/i],
  ['a failed-query message', /\bfailed query\b/i],
  ['an SQLite error', /\bSQLITE_[A-Z_]+\b|\bno such (?:table|column)\b/],
  [
    'a PostgreSQL error',
    /\binvalid input syntax for\b|\bsyntax error at or near\b|\bviolates [\w-]+ constraint\b|\bduplicate key value\b|\brelation "[^"]+" does not exist\b|\binvalid byte sequence\b|\bunsupported Unicode escape sequence\b|\bout of range for type\b/i,
  ],
  ['a JavaScript error name', /\b(?:TypeError|ReferenceError|RangeError|SyntaxError): /],
];

/**
 * Why `answer` is not acceptable for `sentText` (everything the request carried: URL, headers,
 * body), or an empty list: no 5xx; a 4xx is JSON `{error:{code,message}}`; nothing internal
 * (see the leak patterns) and none of `secrets` in the body.
 */
export function problemsOf(answer: Answer, sentText: string, secrets: readonly string[]): string[] {
  const problems: string[] = [];
  if (answer.status >= 500 || answer.status < 200) problems.push(`answered ${answer.status}`);
  if (answer.status >= 400 && answer.status < 500) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.text);
    } catch {
      parsed = undefined;
    }
    const error = (parsed as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    if (typeof error?.code !== 'string' || typeof error.message !== 'string') {
      problems.push(`a ${answer.status} without a JSON {error:{code,message}} body`);
    }
  }
  const leaks = answer.status >= 400 ? [...ANY_ANSWER_LEAKS, ...ERROR_LEAKS] : ANY_ANSWER_LEAKS;
  for (const [what, pattern] of leaks) {
    const found = pattern.exec(answer.text)?.[0];
    if (found && !sentText.includes(found))
      problems.push(`shows ${what}: ${JSON.stringify(found.slice(0, 120))}`);
  }
  for (const secret of secrets) {
    if (secret && answer.text.includes(secret)) problems.push('shows a configured secret');
  }
  return problems;
}
