import { StatusWord } from '../components/StatusWord';
import type { FlowDoc } from '../editor/flow-document';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { slaSubject } from './sim-names';
import type { SimSession } from './sim-session';

/** The simulated case's SLA clocks: what each counts (by name), its target in words and the time left. */
export function SimSlas({
  doc,
  clocks,
  now,
}: {
  doc: FlowDoc;
  clocks: ReturnType<SimSession['slaClocks']>;
  now: number;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <section aria-labelledby="sim-slas">
      <h3 id="sim-slas">{t('sim.slas')}</h3>
      {clocks.length === 0 && <p className="muted">{t('sim.noSlas')}</p>}
      <ul className="plain">
        {clocks.map((c) => {
          const subject = slaSubject(doc, c);
          const left = c.dueAt === null ? null : new Date(c.dueAt).getTime() - now;
          return (
            <li key={c.slaId}>
              <StatusWord value={c.status} /> {t(`sim.sla.${subject.kind}`, { name: subject.name })}{' '}
              <small className="muted">{t('sim.sla.target', { target: f.isoDuration(c.target) })}</small>{' '}
              {(c.status === 'running' || c.status === 'warning') && left !== null && (
                <small>
                  {left >= 0
                    ? t('sim.sla.dueIn', { span: f.duration(left) })
                    : t('sim.sla.overdue', { span: f.duration(-left) })}
                </small>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
