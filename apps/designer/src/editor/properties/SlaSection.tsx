import type { NodeSla } from '@caseflow/schema';
import { useT } from '../../i18n/use-t';
import { DurationField } from '../pickers/DurationField';
import { CalendarPicker, RecipientsPicker, useCalendarLabel } from '../pickers/Pickers';
import { WarnAtField } from '../pickers/WarnAtField';
import { CheckField, SelectField } from './fields';

type SlaInput = Partial<NodeSla> & { target: string };

/** SLA of a task or approval: target (in business or calendar time), warnings, breach behaviour. */
export function SlaSection({
  sla,
  flowCalendar,
  tiers,
  onChange,
}: {
  sla: SlaInput | undefined;
  /** The flow's calendar, which an SLA without its own follows. */
  flowCalendar: string | undefined;
  /** The flow's tiers, which may be told of a breach. */
  tiers: ReadonlyArray<{ id: string; name: string }>;
  onChange(sla: SlaInput | undefined): void;
}) {
  const t = useT();
  const calendarLabel = useCalendarLabel();
  return (
    <fieldset>
      <legend>{t('props.sla')}</legend>
      <CheckField
        label={t('props.sla.has')}
        checked={sla !== undefined}
        onChange={(on) => onChange(on ? { target: 'PT4H', onBreach: 'escalate' } : undefined)}
      />
      {sla && (
        <>
          <DurationField
            label={t('props.sla.target')}
            value={sla.target}
            onChange={(target) => onChange({ ...sla, target: target ?? sla.target })}
          />
          <CalendarPicker
            label={t('props.countedIn')}
            value={sla.calendar ?? ''}
            empty={t('pickers.calendar.asFlow', { calendar: calendarLabel(flowCalendar ?? '24x7') })}
            onChange={(c) => onChange({ ...sla, calendar: c || undefined })}
          />
          <WarnAtField value={sla.warnAt} onChange={(warnAt) => onChange({ ...sla, warnAt })} />
          <SelectField
            label={t('props.sla.onBreach')}
            value={sla.onBreach ?? 'escalate'}
            options={
              [
                ['escalate', t('props.sla.escalate')],
                ['notify', t('props.sla.notify')],
                ['edge', t('props.sla.edge')],
              ] as const
            }
            onChange={(onBreach) => onChange({ ...sla, onBreach })}
          />
          {sla.onBreach === 'notify' && (
            <RecipientsPicker
              label={t('props.sla.recipients')}
              hint={t('props.sla.recipients.hint')}
              tiers={tiers}
              value={sla.notify}
              onChange={(notify) => onChange({ ...sla, notify })}
            />
          )}
        </>
      )}
    </fieldset>
  );
}
