import { z } from 'zod';

/** The languages every screen, notification and survey exists in (DESIGN §9). */
export const LOCALES = ['en', 'pt-BR'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;
export const DEFAULT_LOCALE: Locale = 'en';

/** Whether `value` is one of the supported locales. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The supported locale a language tag names: exactly, or by language whatever the region
 * ("pt-PT" → pt-BR, "en-GB" → en); undefined for another language. Pure.
 */
export function matchLocale(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase();
  const exact = LOCALES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split(/[-_]/)[0];
  return LOCALES.find((l) => l.toLowerCase().split('-')[0] === language);
}

/**
 * The supported locale an `Accept-Language` header prefers (RFC 9110 quality values; a
 * language matches whatever its region: "pt-PT" picks pt-BR, "en-GB" en), else `fallback`. Pure.
 */
export function localeFromAcceptLanguage(
  header: string | null | undefined,
  fallback: Locale = DEFAULT_LOCALE,
): Locale {
  if (!header) return fallback;
  const ranges = header
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      const quality = q === undefined ? 1 : Number(q);
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return fallback;
}
