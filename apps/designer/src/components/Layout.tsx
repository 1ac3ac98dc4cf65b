import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { navFor } from '../auth/navigation';
import { useSession } from '../auth/session';
import { ThemeSwitch } from '../theme/ThemeSwitch';

/** The signed-in frame: header with role-aware navigation, theme, the user and sign-out, then the page. */
export function Layout() {
  const user = useSession((s) => s.user);
  const signOut = useSession((s) => s.signOut);
  const navigate = useNavigate();
  const items = navFor(user?.roles ?? []);
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="/" aria-label="Caseflow home">
          <span aria-hidden="true">◆</span> Caseflow
        </a>
        <nav aria-label="Main">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="user">
          <ThemeSwitch />
          <NavLink to="/account" className="muted" title={`${user?.roles.join(', ')} · account and password`}>
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
            Sign out
          </button>
        </div>
      </header>
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
