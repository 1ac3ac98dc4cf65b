import type { SessionUser } from '@caseflow/schema';
import type { Locale } from '../i18n/locales';
import { useLocale } from '../i18n/use-locale';
import { api, useSession } from './session';

/**
 * Keeps the screens' language and the signed-in user's profile language together (DESIGN §9):
 * signing in applies the profile's language when it has one (else saves the current one to it),
 * and a choice made while signed in is saved to the profile, which is what notifications and
 * surveys to a customer use. Returns the function that stops it (tests).
 */
export function syncLocaleWithProfile(): () => void {
  let lastUser: string | null = null;

  const save = (user: SessionUser, locale: Locale) => {
    const { token } = useSession.getState();
    if (!token) return;
    // Updated here at once so a second change does not race the first answer.
    useSession.getState().signIn(token, { ...user, locale });
    api.updateMe({ locale }).catch(() => {
      // Not saved (offline, signed out meanwhile): the screens keep the choice; the next one retries.
    });
  };

  const onSession = (user: SessionUser | null) => {
    const name = user?.username ?? null;
    if (name === lastUser) return;
    lastUser = name;
    if (!user) return;
    const current = useLocale.getState().locale;
    if (user.locale) {
      if (user.locale !== current) useLocale.getState().setLocale(user.locale);
    } else {
      save(user, current);
    }
  };

  const stopSession = useSession.subscribe((s) => onSession(s.user));
  const stopLocale = useLocale.subscribe((s, prev) => {
    if (s.locale === prev.locale) return;
    const user = useSession.getState().user;
    if (user && user.locale !== s.locale) save(user, s.locale);
  });
  onSession(useSession.getState().user);
  return () => {
    stopSession();
    stopLocale();
  };
}
