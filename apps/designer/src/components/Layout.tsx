import { isCustomerOnlyRoles } from '@caseflow/schema';
import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { navFor } from '../auth/navigation';
import { hasRole, useSession } from '../auth/session';
import { ChatPanel } from '../chat/ChatPanel';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useT } from '../i18n/use-t';
import { PresenceSwitch } from '../presence/PresenceSwitch';
import { ThemeSwitch } from '../theme/ThemeSwitch';
import { PriorityNav } from './PriorityNav';

/**
 * The signed-in frame: header with role-aware navigation, language, theme, the user and
 * sign-out, then the page. The navigation keeps to one line, the entries that do not fit behind
 * "More" (PriorityNav). On a phone the navigation and the user's controls fold behind a menu
 * button (styles.css: `.app-header` below 760 px), which closes again on navigation.
 */
export function Layout() {
  const user = useSession((s) => s.user);
  const signOut = useSession((s) => s.signOut);
  const navigate = useNavigate();
  const location = useLocation();
  const t = useT();
  const [open, setOpen] = useState(false);
  const items = navFor(user?.roles ?? [], user?.groups ?? []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page closes the menu
  useEffect(() => setOpen(false), [location.pathname]);
  return (
    <div className="app">
      <header className={`app-header${open ? ' menu-open' : ''}`}>
        <a className="brand" href="/" aria-label={t('nav.home')}>
          <span aria-hidden="true">◆</span> Caseflow
        </a>
        <button
          type="button"
          className="btn btn-ghost menu-button"
          aria-expanded={open}
          aria-controls="app-menu"
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">☰</span> {t('nav.menu')}
        </button>
        <div className="app-menu" id="app-menu">
          <PriorityNav items={items} />
          <div className="user">
            {user && hasRole(user, 'agent') && <PresenceSwitch username={user.username} />}
            <LanguageSwitch />
            <ThemeSwitch />
            <NavLink
              to="/account"
              className="muted"
              title={t('nav.account', { roles: user?.roles.map((r) => t(`role.${r}`)).join(', ') })}
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
        </div>
      </header>
      <main className="app-main">
        <Outlet />
      </main>
      {user && isCustomerOnlyRoles(user.roles) && <ChatPanel />}
    </div>
  );
}
