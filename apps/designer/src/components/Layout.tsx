import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { navFor } from '../auth/navigation';
import { useSession } from '../auth/session';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useT } from '../i18n/use-t';
import { ThemeSwitch } from '../theme/ThemeSwitch';

/** The signed-in frame: header with role-aware navigation, theme, the user and sign-out, then the page. */
export function Layout() {
  const user = useSession((s) => s.user);
  const signOut = useSession((s) => s.signOut);
  const navigate = useNavigate();
  const t = useT();
  const items = navFor(user?.roles ?? []);
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="/" aria-label={t('nav.home')}>
          <span aria-hidden="true">◆</span> Caseflow
        </a>
        <nav aria-label={t('nav.main')}>
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{t(item.labelId)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="user">
          <LanguageSwitch />
          <ThemeSwitch />
          <NavLink
            to="/account"
            className="muted"
            title={t('nav.account', { roles: user?.roles.join(', ') })}
          >
            {user?.username}
          </NavLink>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              void signOut();
              navigate('/login');
            }}
          >
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
