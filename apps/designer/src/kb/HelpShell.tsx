import { Link, Outlet } from 'react-router-dom';
import { useSession } from '../auth/session';
import { VisitorChatPanel } from '../chat/VisitorChatPanel';
import { Layout } from '../components/Layout';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useT } from '../i18n/use-t';

/**
 * The frame of the help centre: the signed-in layout for a signed-in user, else a public header
 * (language and sign-in) and the visitors' live chat — the help centre needs no account.
 */
export function HelpShell() {
  const signedIn = useSession((s) => s.user !== null);
  const t = useT();
  if (signedIn) return <Layout />;
  return (
    <div className="app">
      <header className="app-header">
        <Link className="brand" to="/help">
          <span aria-hidden="true">◆</span> {t('kb.help.title')}
        </Link>
        <div className="app-menu">
          <div className="user">
            <LanguageSwitch />
            <Link to="/login">{t('kb.signIn')}</Link>
          </div>
        </div>
      </header>
      <main className="app-main">
        <Outlet />
      </main>
      <VisitorChatPanel />
    </div>
  );
}
