import { type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { IntlProvider } from 'react-intl';
import { messagesFor } from './catalog';
import { DEFAULT_LOCALE, type Locale } from './locales';

/** Renders a screen in tests the way the app does: inside the language provider. */
export function renderWithI18n(ui: ReactElement, locale: Locale = 'en'): RenderResult {
  return render(
    <IntlProvider locale={locale} defaultLocale={DEFAULT_LOCALE} messages={messagesFor(locale)}>
      {ui}
    </IntlProvider>,
  );
}
