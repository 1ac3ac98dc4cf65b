import { useCallback } from 'react';
import { useIntl } from 'react-intl';

/** Values an ICU message may take: numbers for plurals, strings, dates. */
export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

/** `t(id, values)`: the current language's text for a message id (ICU MessageFormat). */
export function useT(): (id: string, values?: MessageValues) => string {
  const intl = useIntl();
  return useCallback((id: string, values?: MessageValues) => intl.formatMessage({ id }, values), [intl]);
}
