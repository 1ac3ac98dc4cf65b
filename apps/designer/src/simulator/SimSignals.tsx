import type { FlowDoc } from '../editor/flow-document';
import type { CaseSlaEvent } from '../editor/pickers/sla-events';
import { useT } from '../i18n/use-t';
import { simCaseEvents, simSignals } from './sim-signals';

/**
 * What may happen to the simulated case from outside, as buttons: each signal the flow's wait
 * nodes listen for (those the case waits for now first, with the steps that wait), and the
 * case events its SLAs count on, such as an agent's first answer. Nothing is typed.
 */
export function SimSignals({
  doc,
  waiting,
  onSignal,
  onEvent,
}: {
  doc: FlowDoc;
  waiting: readonly string[];
  onSignal(name: string): void;
  onEvent(name: CaseSlaEvent): void;
}) {
  const t = useT();
  const signals = simSignals(doc, waiting);
  const events = simCaseEvents(doc);
  return (
    <section aria-labelledby="sim-signals">
      <h3 id="sim-signals">{t('sim.signals')}</h3>
      {signals.length === 0 && events.length === 0 && <p className="muted">{t('sim.signals.none')}</p>}
      <ul className="plain sim-signals">
        {signals.map((s) => (
          <li key={s.name}>
            <button
              type="button"
              className={s.waitingNow ? 'btn btn-small btn-primary' : 'btn btn-small'}
              onClick={() => onSignal(s.name)}
            >
              {t('sim.signal.send', { signal: s.name })}
            </button>{' '}
            <small className="muted">
              {s.waitingNow
                ? t('sim.signal.waitingNow', { steps: s.waitedAt.join(', ') || '—' })
                : t('sim.signal.notNow', { steps: s.waitedAt.join(', ') })}
            </small>
          </li>
        ))}
        {events.map((e) => (
          <li key={e}>
            <button type="button" className="btn btn-small" onClick={() => onEvent(e)}>
              {t(`sim.event.${e}`)}
            </button>{' '}
            <small className="muted">{t('sim.event.hint')}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
