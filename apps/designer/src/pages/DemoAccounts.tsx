import { useEffect, useState } from 'react';
import { adminApi, type DemoAccount } from '../admin/admin-api';
import { useT } from '../i18n/use-t';

/**
 * The demo's logins, listed on the login page only when the runtime says it runs the demo
 * (GET /api/demo answers 404 otherwise, and nothing shows). Picking one fills the form through
 * `onPick`.
 */
export function DemoAccounts({ onPick }: { onPick(username: string, password: string): void }) {
  const t = useT();
  const [accounts, setAccounts] = useState<DemoAccount[]>([]);
  useEffect(() => {
    let live = true;
    adminApi
      .demoAccounts()
      .then((d) => live && setAccounts(d.accounts))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (accounts.length === 0) return null;
  const password = accounts.find((a) => a.password)?.password ?? '';
  return (
    <section className="card demo-accounts" aria-labelledby="demo-h">
      <h2 id="demo-h">{t('demo.title')}</h2>
      <p className="muted">{t('demo.intro', { password })}</p>
      <ul className="plain-list">
        {accounts.map((a) => {
          const role = a.roles[0] ?? 'agent';
          const who =
            role === 'agent' ? t('demo.who.agent', { groups: a.groups.join(', ') }) : t(`demo.who.${role}`);
          return (
            <li key={a.username}>
              <button
                type="button"
                className="btn btn-ghost"
                disabled={a.password === null}
                title={t('demo.use', { name: a.displayName ?? a.username })}
                // The name is the username the button shows (WCAG 2.5.3); who it is comes as its description.
                aria-describedby={`demo-${a.username}`}
                onClick={() => a.password && onPick(a.username, a.password)}
              >
                <strong>{a.username}</strong>
              </button>{' '}
              <span id={`demo-${a.username}`}>
                {a.displayName} — <span className="muted">{who}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
