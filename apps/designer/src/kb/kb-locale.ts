import type { KbLocale } from '@caseflow/schema';
import { useLocale } from '../i18n/use-locale';

/** The knowledge-base language of the screens' language (the same two). */
export function useKbLocale(): KbLocale {
  return useLocale((s) => s.locale);
}
