import { useEffect, useState } from 'react';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { DURATION_UNITS, type DurationUnit, durationFromIso, durationToIso } from './duration-input';

/**
 * A duration as an owner says it — an amount and a unit, "2 hours" — writing ISO-8601
 * (`PT2H`) underneath. `optional` adds "None" to the units, which gives undefined. A value no
 * unit holds whole (`PT30S`, `P1M`) is shown as written until the owner picks another.
 */
export function DurationField(props: {
  label: string;
  value: string | undefined;
  onChange(iso: string | undefined): void;
  optional?: boolean;
  hint?: string;
}) {
  const t = useT();
  const f = useFormat();
  const parsed = durationFromIso(props.value);
  const [draft, setDraft] = useState(() => draftOf(props.value));
  // A value from outside (undo, another node) replaces the draft; the owner's own edit keeps
  // the unit picked ("120 hours" does not jump to "5 days" while typed).
  useEffect(() => {
    setDraft((d) => (isoOf(d) === props.value ? d : draftOf(props.value)));
  }, [props.value]);
  const amount = draft.amount;
  // A required duration never shows "None": an empty one waits for its amount in hours.
  const unit = draft.unit === 'none' && !props.optional ? 'hours' : draft.unit;
  const count = Number(amount) || 0;
  const amountError = unit !== 'none' && amount !== '' && isoOf({ amount, unit }) === null;

  const change = (next: Draft) => {
    setDraft(next);
    if (next.unit === 'none') props.onChange(undefined);
    else {
      const iso = isoOf(next);
      if (iso) props.onChange(iso);
    }
  };
  return (
    <fieldset className={`field duration-field${amountError ? ' field-invalid' : ''}`}>
      <legend>{props.label}</legend>
      <div className="duration-inputs">
        <input
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          aria-label={t('pickers.duration.amount', { label: props.label })}
          aria-invalid={amountError || undefined}
          value={unit === 'none' ? '' : amount}
          onChange={(e) => change({ amount: e.target.value, unit: unit === 'none' ? 'hours' : unit })}
        />
        <select
          aria-label={t('pickers.duration.unit', { label: props.label })}
          value={unit}
          onChange={(e) => {
            const next = e.target.value as DurationUnit | 'none';
            change({ amount: amount === '' || amountError ? '1' : amount, unit: next });
          }}
        >
          {props.optional && <option value="none">{t('pickers.duration.none')}</option>}
          {DURATION_UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`pickers.duration.${u}`, { count })}
            </option>
          ))}
        </select>
      </div>
      {props.value && !parsed && (
        <small className="muted">{t('pickers.duration.unreadable', { iso: props.value })}</small>
      )}
      {props.value && parsed && <small className="muted">{f.isoDuration(props.value)}</small>}
      {amountError && <small className="field-error">{t('pickers.duration.amountError')}</small>}
      {props.hint && <small className="muted">{props.hint}</small>}
    </fieldset>
  );
}

interface Draft {
  amount: string;
  unit: DurationUnit | 'none';
}

/** What the inputs show for a value: its amount and unit; empty hours for one no unit holds. */
function draftOf(iso: string | undefined): Draft {
  const parsed = durationFromIso(iso);
  if (parsed) return { amount: String(parsed.amount), unit: parsed.unit };
  return { amount: '', unit: iso ? 'hours' : 'none' };
}

function isoOf(d: Draft): string | null {
  return d.unit === 'none' ? null : durationToIso({ amount: Number(d.amount), unit: d.unit });
}
