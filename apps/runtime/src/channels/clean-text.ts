/**
 * Text from a channel made safe for either store: no NUL (PostgreSQL refuses it in text) or
 * other control characters but tab and newline. Pure.
 */
export function cleanText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}
