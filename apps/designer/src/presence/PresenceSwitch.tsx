import type { PresenceStatus } from '@caseflow/schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../auth/session';
import { useT } from '../i18n/use-t';
import { awayAfterMinutes, createIdleWatcher, MINUTES_CHANGED } from './idle-watcher';

const STATUSES: PresenceStatus[] = ['online', 'away', 'offline'];

/**
 * The signed-in agent's presence in the header (PUT /agents/:me/presence). After the minutes
 * chosen on the account page without activity an online agent is set away, and online again
 * when they come back (only if it was this switch that set them away). Renders nothing for
 * users routing does not know as agents (GET /agents/:me answers 404).
 */
export function PresenceSwitch({ username }: { username: string }) {
  const t = useT();
  const [status, setStatus] = useState<PresenceStatus | null>(null);
  const [minutes, setMinutes] = useState(awayAfterMinutes);
  const current = useRef(status);
  current.current = status;
  const autoAway = useRef(false);

  useEffect(() => {
    let live = true;
    api.getAgent(username).then(
      (agent) => live && setStatus(agent.presence),
      () => live && setStatus(null),
    );
    return () => {
      live = false;
    };
  }, [username]);

  const change = useCallback(
    async (next: PresenceStatus) => {
      const before = current.current;
      setStatus(next);
      try {
        setStatus((await api.setPresence(username, next)).presence);
      } catch {
        setStatus(before);
      }
    },
    [username],
  );

  useEffect(() => {
    const reread = () => setMinutes(awayAfterMinutes());
    window.addEventListener(MINUTES_CHANGED, reread);
    window.addEventListener('storage', reread);
    return () => {
      window.removeEventListener(MINUTES_CHANGED, reread);
      window.removeEventListener('storage', reread);
    };
  }, []);

  useEffect(() => {
    if (minutes === 0) return;
    const watcher = createIdleWatcher({
      idleMs: minutes * 60_000,
      target: window,
      onIdle() {
        if (current.current !== 'online') return;
        autoAway.current = true;
        void change('away');
      },
      onActive() {
        if (!autoAway.current) return;
        autoAway.current = false;
        if (current.current === 'away') void change('online');
      },
    });
    return () => watcher.stop();
  }, [minutes, change]);

  if (status === null) return null;
  return (
    <select
      aria-label={t('presence.label')}
      className={`presence presence-${status}`}
      data-presence={status}
      value={status}
      onChange={(e) => {
        autoAway.current = false;
        void change(e.target.value as PresenceStatus);
      }}
    >
      {STATUSES.map((s) => (
        <option key={s} value={s}>
          {t('presence.status', { status: s })}
        </option>
      ))}
    </select>
  );
}
