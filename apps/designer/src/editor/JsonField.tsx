import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { useT } from '../i18n/use-t';

const JsonMonaco = lazy(() => import('./monaco/JsonMonaco'));

interface Props {
  label: string;
  value: unknown;
  onChange(value: unknown): void;
  schema?: unknown;
  height?: number;
}

/**
 * A labelled JSON value edited as text in monaco. The value is committed only when the text
 * parses, so a half-typed object never reaches the document; the parse error is shown.
 */
export function JsonField({ label, value, onChange, schema, height }: Props) {
  const t = useT();
  const id = useId().replace(/:/g, '');
  const [text, setText] = useState(() => JSON.stringify(value ?? {}, null, 2));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Follow outside changes (undo, another panel) unless the text already means the same value.
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(value ?? {})) return current;
      } catch {
        // The user is mid-edit with invalid JSON; an outside change still wins.
      }
      return JSON.stringify(value ?? {}, null, 2);
    });
  }, [value]);
  function change(next: string) {
    setText(next);
    try {
      const parsed = JSON.parse(next);
      setError(null);
      onChange(parsed);
    } catch (e) {
      setError(t('json.invalid', { reason: (e as Error).message }));
    }
  }
  return (
    <div className="field">
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <Suspense
        fallback={
          <textarea
            aria-labelledby={`${id}-label`}
            rows={8}
            value={text}
            onChange={(e) => change(e.target.value)}
          />
        }
      >
        <JsonMonaco id={id} label={label} value={text} onChange={change} schema={schema} height={height} />
      </Suspense>
      {error && <small className="field-error">{error}</small>}
    </div>
  );
}
