import { compileFlow } from '@caseflow/engine';
import { lazy, Suspense, useDeferredValue, useMemo } from 'react';
import { useT } from '../i18n/use-t';
import type { FlowDoc } from './flow-document';

const JsonMonaco = lazy(() => import('./monaco/JsonMonaco'));

/** Compiles the flow in the browser; answers the config JSON or why it cannot compile. Pure. */
export function compiledConfig(
  doc: FlowDoc,
): { ok: true; json: string; states: number } | { ok: false; error: string } {
  try {
    const compiled = compileFlow(doc);
    const states = (compiled.config.states as Record<string, unknown> | undefined) ?? {};
    return { ok: true, json: JSON.stringify(compiled.config, null, 2), states: Object.keys(states).length };
  } catch (e) {
    const problems = (e as { problems?: Array<{ message: string }> }).problems;
    const detail = problems?.length ? `: ${problems.map((p) => p.message).join('; ')}` : '';
    return { ok: false, error: `${(e as Error).message}${detail}` };
  }
}

/** The compiled XState machine config of the current document, read-only. */
export function CompiledView({ doc }: { doc: FlowDoc }) {
  const t = useT();
  const deferred = useDeferredValue(doc);
  const result = useMemo(() => compiledConfig(deferred), [deferred]);
  if (!result.ok) {
    return (
      <div className="compiled">
        <p className="banner banner-error" role="alert">
          {t('compiled.error', { reason: result.error })}
        </p>
      </div>
    );
  }
  return (
    <div className="compiled">
      <p className="muted">{t('compiled.intro', { states: result.states })}</p>
      <Suspense fallback={<pre className="code">{result.json}</pre>}>
        <JsonMonaco
          id="compiled-machine"
          label={t('compiled.label')}
          value={result.json}
          readOnly
          height="calc(100vh - 260px)"
        />
      </Suspense>
    </div>
  );
}
