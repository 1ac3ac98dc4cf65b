import { useId } from 'react';
import { useT } from '../../i18n/use-t';
import type { FlowDoc } from '../flow-document';
import { flowSignals } from './flow-signals';

/**
 * A signal name: the names this flow already uses are offered as the owner types (a wait and
 * the step that sends its signal must agree on one spelling); a new name may be typed.
 */
export function SignalField(props: {
  label: string;
  value: string | undefined;
  doc: FlowDoc;
  /** The node being edited, whose own signal is not offered back to it. */
  nodeId: string;
  onChange(value: string): void;
}) {
  const t = useT();
  const id = useId();
  const listId = `${id}-signals`;
  const signals = flowSignals(props.doc, props.nodeId);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        list={listId}
        value={props.value ?? ''}
        autoComplete="off"
        onChange={(e) => props.onChange(e.target.value)}
      />
      <datalist id={listId}>
        {signals.map((s) => (
          <option key={s.name} value={s.name}>
            {t('pickers.signal.used', { where: s.usedBy.join(', ') })}
          </option>
        ))}
      </datalist>
      <small className="muted">{t('pickers.signal.hint')}</small>
    </div>
  );
}
