import { useEffect, useId, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { splitList } from '../properties/fields';
import { warnAtFractions, warnAtPercents } from './warn-at';

/**
 * When an SLA warns, in percent of its target ("50, 80"); the flow keeps fractions. The typed
 * text stays while it means the same warnings, so "80, 5" is not reordered under the cursor
 * on the way to "80, 50".
 */
export function WarnAtField(props: { value: readonly number[] | undefined; onChange(v: number[]): void }) {
  const t = useT();
  const id = useId();
  const shown = warnAtPercents(props.value).join(', ');
  const [text, setText] = useState(shown);
  useEffect(() => {
    setText((typed) =>
      warnAtPercents(warnAtFractions(splitList(typed))).join(', ') === shown ? typed : shown,
    );
  }, [shown]);
  return (
    <div className="field">
      <label htmlFor={id}>{t('props.sla.warnAt')}</label>
      <input
        id={id}
        value={text}
        inputMode="decimal"
        onChange={(e) => {
          setText(e.target.value);
          props.onChange(warnAtFractions(splitList(e.target.value)));
        }}
      />
      <small className="muted">{t('props.sla.warnAt.hint')}</small>
    </div>
  );
}
