import { type FormEvent, useState } from 'react';
import { useT } from '../i18n/use-t';

/** What the form does: an owner's request, an admin's activation or an admin's rejection. */
export type ActivationStep = 'request' | 'activate' | 'reject';

const TEXT = {
  request: {
    title: 'activation.form.request',
    note: 'activation.form.requestNote',
    placeholder: 'activation.form.requestPlaceholder',
    explain: 'activation.form.requestExplain',
    submit: 'activation.form.requestSubmit',
  },
  activate: {
    title: 'activation.form.activate',
    note: 'activation.form.activateNote',
    placeholder: 'activation.form.activatePlaceholder',
    explain: 'activation.form.activateExplain',
    submit: 'activation.form.activateSubmit',
  },
  reject: {
    title: 'activation.form.reject',
    note: 'activation.form.rejectNote',
    placeholder: 'activation.form.rejectPlaceholder',
    explain: null,
    submit: 'activation.form.rejectSubmit',
  },
} as const;

/**
 * The note of one step towards going live. A request and a rejection must say why (the server
 * refuses an empty note too); an admin's activation may add one for the record.
 */
export function ActivationForm({
  step,
  version,
  busy,
  onSubmit,
  onCancel,
}: {
  step: ActivationStep;
  version: number;
  busy: boolean;
  onSubmit(note: string): void;
  onCancel(): void;
}) {
  const t = useT();
  const [note, setNote] = useState('');
  const text = TEXT[step];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(note.trim());
  };
  return (
    <form className="publish-bar" onSubmit={submit} aria-label={t(text.title, { version })}>
      <label className="grow">
        {t(text.note, { version })}
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t(text.placeholder)}
          required={step !== 'activate'}
          maxLength={2000}
          // biome-ignore lint/a11y/noAutofocus: the form opens on the owner's click to write this note
          autoFocus
        />
        {text.explain && <small className="muted">{t(text.explain, { version })}</small>}
      </label>
      <button
        className={step === 'reject' ? 'btn btn-danger' : 'btn btn-primary'}
        type="submit"
        disabled={busy || (step !== 'activate' && note.trim() === '')}
      >
        {t(text.submit, { version })}
      </button>
      <button className="btn" type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
