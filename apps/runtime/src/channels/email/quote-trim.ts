/*
 * Quoted-reply trimming: a reply keeps only what the customer wrote now, not the whole thread
 * their mail client quoted below it (the history is already on the case).
 */

/** Lines that start the quoted part in common clients, in English and Portuguese. */
const QUOTE_HEADERS = [
  /^On .{1,200} wrote:\s*$/i,
  /^Em .{1,200} escreveu:\s*$/i,
  /^-{2,}\s*Original Message\s*-{2,}\s*$/i,
  /^-{2,}\s*Mensagem original\s*-{2,}\s*$/i,
  /^-{2,}\s*Forwarded message\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
  /^(From|De):\s.{1,300}$/i,
];

/**
 * The new text of a reply: cut at the first quote header (when one line before it ends a
 * header spread over two lines, as Gmail wraps "On … <x@y>\nwrote:", that line goes too),
 * trailing `>` lines and a trailing `-- ` signature. Never answers an empty text when the mail
 * had one: a mail that is all quote keeps its text. Pure; linear in the text.
 */
export function trimQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const joined = i + 1 < lines.length ? `${line} ${lines[i + 1]!.trim()}` : line;
    if (QUOTE_HEADERS.some((re) => re.test(line))) {
      end = i;
      break;
    }
    if (/^On .{1,200}$/i.test(line) && /^On .{1,300} wrote:\s*$/i.test(joined)) {
      end = i;
      break;
    }
  }
  let kept = lines.slice(0, end);
  while (kept.length > 0 && (kept.at(-1)!.trim() === '' || kept.at(-1)!.trimStart().startsWith('>')))
    kept.pop();
  const signature = kept.findIndex((l) => l === '-- ' || l === '--');
  if (signature > 0) kept = kept.slice(0, signature);
  const result = kept.join('\n').trim();
  return result || text.trim();
}
