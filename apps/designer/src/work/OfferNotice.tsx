import type { Task } from '@caseflow/schema';
import { useState } from 'react';
import { useServerNow } from '../api/server-clock';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';

/**
 * A task routing offered to the signed-in agent: until when it waits for them, and the two
 * answers — accept it (a claim: then it is theirs, nothing lapses) or decline it with a reason
 * (it goes to the next agent). Left alone, it lapses and goes to the next agent anyway.
 */
export function OfferNotice({
  task,
  busy,
  onAccept,
  onDecline,
}: {
  task: Task & { offer: NonNullable<Task['offer']> };
  busy: boolean;
  onAccept: () => void;
  onDecline: (reason: string) => void;
}) {
  const t = useT();
  const f = useFormat();
  const now = useServerNow(10_000);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const until = task.offer.expiresAt;
  return (
    <section className="offer-notice" aria-label={t('task.offer.label', { task: task.title })}>
      <p>
        {until
          ? t('task.offer.until', { time: f.clock(until, now), relative: f.relative(until, now) })
          : t('task.offer.open')}
      </p>
      {declining ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) onDecline(reason.trim());
          }}
        >
          <label className="grow">
            {t('task.offer.why')}
            <input value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="btn" disabled={busy || !reason.trim()}>
            {t('task.offer.decline')}
          </button>
          <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => setDeclining(false)}>
            {t('task.offer.back')}
          </button>
        </form>
      ) : (
        <div className="button-row">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={onAccept}>
            {t('task.offer.accept')}
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => setDeclining(true)}>
            {t('task.offer.declineOpen')}
          </button>
        </div>
      )}
    </section>
  );
}
