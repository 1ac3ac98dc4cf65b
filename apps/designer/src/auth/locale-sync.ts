import type { SessionUser } from '@caseflow/schema';
import type { Locale } from '../i18n/locales';
import { useLocale } from '../i18n/use-locale';
import { api, useSession } from './session';

/**
 * Keeps the screens' language and the signed-in user's profile language together (DESIGN §9).
 * At sign-in: a language picked on this page before signing in is saved to the profile; else
 * the profile's language wins over this browser's; a profile with none gets only a choice this
 * browser remembers, never a guess from the browser's languages. A choice made while signed in
 * is saved to the profile, which is what notifications and surveys to a customer use. At
 * sign-out the profile's language gives way to the browser's own. Returns the function that
 * stops it (tests).
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
    const wasSignedIn = lastUser !== null;
    lastUser = name;
    const screens = useLocale.getState();
    if (!user) {
      if (wasSignedIn && screens.source === 'profile') screens.reset();
      else screens.settle();
      return;
    }
    if (screens.source === 'choice') {
      if (user.locale !== screens.locale) save(user, screens.locale);
    } else if (user.locale) {
      if (user.locale !== screens.locale || screens.source !== 'profile') screens.applyProfile(user.locale);
    } else if (screens.source === 'stored') {
      save(user, screens.locale);
    }
    // The choice now lives in the profile: a later sign-in of someone else does not take it.
    useLocale.getState().settle();
  };

  const stopSession = useSession.subscribe((s) => onSession(s.user));
  const stopLocale = useLocale.subscribe((s, prev) => {
    if (s.locale === prev.locale || s.source !== 'choice') return;
    const user = useSession.getState().user;
    if (user && user.locale !== s.locale) save(user, s.locale);
  });
  onSession(useSession.getState().user);
  return () => {
    stopSession();
    stopLocale();
  };
}
