import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { messagesFor } from './catalog';
import { DEFAULT_LOCALE } from './locales';
import { useLocale } from './use-locale';

/** Gives every screen below it the current language's messages and formats. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useLocale((s) => s.locale);
  return (
    <IntlProvider locale={locale} defaultLocale={DEFAULT_LOCALE} messages={messagesFor(locale)}>
      {children}
    </IntlProvider>
  );
}
