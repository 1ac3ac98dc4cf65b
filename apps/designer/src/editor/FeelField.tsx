import { lazy, Suspense, useId } from 'react';
import type { ScopeName } from './feel-scope';

const FeelMonaco = lazy(() => import('./monaco/FeelMonaco'));

interface Props {
  label: string;
  value: string;
  scope: ScopeName[];
  onChange(value: string): void;
  multiline?: boolean;
  error?: string;
}

/** A labelled FEEL expression field; a plain input stands in while monaco loads. */
export function FeelField({ label, value, scope, onChange, multiline, error }: Props) {
  const id = useId().replace(/:/g, '');
  return (
    <div className="field">
      <span className="field-label" id={`${id}-label`}>
        {label} <small className="muted">FEEL</small>
      </span>
      <Suspense
        fallback={
          <input aria-labelledby={`${id}-label`} value={value} onChange={(e) => onChange(e.target.value)} />
        }
      >
        <FeelMonaco
          id={id}
          label={label}
          value={value}
          scope={scope}
          onChange={onChange}
          multiline={multiline}
        />
      </Suspense>
      {error && <small className="field-error">{error}</small>}
    </div>
  );
}
