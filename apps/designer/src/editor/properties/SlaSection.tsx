import type { NodeSla } from '@caseflow/schema';
import { CheckField, ListField, SelectField, TextField } from './fields';

type SlaInput = Partial<NodeSla> & { target: string };

const BREACH = [
  ['escalate', 'Escalate to the next tier'],
  ['notify', 'Notify recipients'],
  ['edge', 'Leave by the "sla-breached" edge'],
] as const;

/** SLA of a task or approval: target, warnings, breach behaviour and recipients. */
export function SlaSection({
  sla,
  onChange,
}: {
  sla: SlaInput | undefined;
  onChange(sla: SlaInput | undefined): void;
}) {
  return (
    <fieldset>
      <legend>SLA</legend>
      <CheckField
        label="Has an SLA"
        checked={sla !== undefined}
        onChange={(on) => onChange(on ? { target: 'PT4H', onBreach: 'escalate' } : undefined)}
      />
      {sla && (
        <>
          <TextField
            label="SLA target (ISO-8601 duration)"
            value={sla.target}
            onChange={(target) => onChange({ ...sla, target })}
            error={
              /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(sla.target)
                ? null
                : 'e.g. PT30M, PT4H, P1D'
            }
          />
          <ListField
            label="Warn at (fractions)"
            hint="e.g. 0.5, 0.8"
            value={(sla.warnAt ?? []).map(String)}
            onChange={(v) => onChange({ ...sla, warnAt: v.map(Number).filter((n) => n > 0 && n < 1) })}
          />
          <SelectField
            label="On breach"
            value={sla.onBreach ?? 'escalate'}
            options={BREACH}
            onChange={(onBreach) => onChange({ ...sla, onBreach })}
          />
          <TextField
            label="SLA calendar"
            value={sla.calendar}
            placeholder="flow calendar"
            onChange={(c) => onChange({ ...sla, calendar: c || undefined })}
          />
          {sla.onBreach === 'notify' && (
            <ListField
              label="Notify on breach"
              hint="group:supervisors, user:ann, assignee"
              value={sla.notify}
              onChange={(notify) => onChange({ ...sla, notify })}
            />
          )}
        </>
      )}
    </fieldset>
  );
}
