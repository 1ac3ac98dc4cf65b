import { useEffect, useState } from 'react';
import type { Customer360 } from '../api/api';
import { api } from '../auth/session';
import { ErrorBanner } from '../components/Status';
import { errorMessage } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { CustomerPicker, type Found, type PickerLabels } from '../work/CustomerPicker';

const PICKER: PickerLabels = {
  label: 'c360.merge.pick',
  hint: 'c360.merge.pickHint',
  none: 'c360.merge.none',
  chosen: 'c360.merge.chosen',
};

/**
 * "Merge another contact into this one…" on a customer's 360 page (staff): pick the other
 * contact, read what moves (its cases, its e-mail and phone, which of them this customer takes),
 * confirm; `onMerged` runs once the runtime merged them (it checks who may merge and what).
 */
export function MergeContact({ target, onMerged }: { target: Customer360; onMerged(): void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [source, setSource] = useState<Found | null>(null);
  const [preview, setPreview] = useState<Customer360 | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setPreview(null);
    setError(null);
    if (!source) return;
    let live = true;
    api.getCustomer(source.id).then(
      (c) => live && setPreview(c),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [source]);

  const close = () => {
    setOpen(false);
    setSource(null);
  };
  const merge = async () => {
    if (!source) return;
    setBusy(true);
    setError(null);
    try {
      await api.mergeCustomer(target.id, source.id);
      close();
      onMerged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <button type="button" className="btn" onClick={() => setOpen(true)}>
        {t('c360.merge.open')}
      </button>
    );
  }
  return (
    <section className="card merge-contact" aria-labelledby="merge-h">
      <h2 id="merge-h">{t('c360.merge.title', { name: target.name })}</h2>
      <CustomerPicker value={source} onChange={setSource} labels={PICKER} exclude={target.id} />
      <ErrorBanner message={error} />
      {preview && <MergePreview source={preview} target={target} />}
      <div className="btn-row">
        <button type="button" className="btn btn-danger" disabled={!preview || busy} onClick={merge}>
          {t('c360.merge.confirm')}
        </button>
        <button type="button" className="btn" onClick={close}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}

/** What a merge of `source` into `target` moves, in words. */
function MergePreview({ source, target }: { source: Customer360; target: Customer360 }) {
  const t = useT();
  const identities = [
    source.email && { address: source.email, adopted: !target.email },
    source.phone && { address: source.phone, adopted: !target.phone },
  ].filter((x): x is { address: string; adopted: boolean } => Boolean(x));
  return (
    <div data-testid="merge-preview">
      <p>
        {t('c360.merge.moves', {
          source: source.name,
          target: target.name,
          cases: source.cases.length,
          messages: source.messages.length,
        })}
      </p>
      {identities.length > 0 && (
        <ul className="plain">
          {identities.map((i) => (
            <li key={i.address}>
              {t(i.adopted ? 'c360.merge.adopted' : 'c360.merge.kept', {
                address: i.address,
                target: target.name,
              })}
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t('c360.merge.after', { source: source.name })}</p>
    </div>
  );
}
