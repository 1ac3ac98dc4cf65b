import { messagesFor } from '../i18n/catalog';
import type { Locale } from '../i18n/locales';
import type { ApiError } from './api-error';

/** The message id saying what an error means: by its code, else by its status. Pure. */
export function errorMeaningId(e: ApiError, messages: Record<string, string>): string {
  const byCode = `apiError.${e.code}`;
  if (byCode in messages) return byCode;
  if (e.status === 429) return 'apiError.status.429';
  if (e.status >= 500) return 'apiError.status.5xx';
  return 'apiError.other';
}

/**
 * An API error as a person reads it in `locale`. The runtime answers in English, naming the
 * exact thing ("the task is held by ivan"), which English readers get as it is; readers of
 * another language get what it means in theirs first, with the runtime's words after it.
 */
export function errorText(e: ApiError, locale: Locale): string {
  if (locale === 'en') return e.describe();
  const messages = messagesFor(locale);
  return `${messages[errorMeaningId(e, messages)]} (${e.describe()})`;
}
