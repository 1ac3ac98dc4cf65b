import { ATTACHMENT_LIMITS, type Attachment } from '@caseflow/schema';
import { useEffect, useState } from 'react';
import { api } from '../auth/session';
import { errorMessage } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { fileSizeText, refusalOf } from './attachment-files';

/**
 * The files of a message: each a button that downloads it with the reader's token (a plain link
 * cannot send it) under its own name.
 */
export function AttachmentLinks({ attachments }: { attachments: readonly Attachment[] }) {
  const t = useT();
  const { locale } = useFormat();
  const [error, setError] = useState<string | null>(null);
  if (attachments.length === 0) return null;
  async function download(a: Attachment) {
    setError(null);
    try {
      const url = URL.createObjectURL(await api.attachment(a.id));
      const link = document.createElement('a');
      link.href = url;
      link.download = a.name;
      link.click();
      // After the click has handed the file to the browser's download.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <ul className="attachments" aria-label={t('attachment.list')}>
      {attachments.map((a) => (
        <li key={a.id}>
          <button type="button" className="btn-link" onClick={() => void download(a)}>
            {a.name}
          </button>{' '}
          <small className="muted">{fileSizeText(a.size, locale)}</small>
        </li>
      ))}
      {error && (
        <li role="alert" className="field-error">
          {error}
        </li>
      )}
    </ul>
  );
}

/**
 * Files to send with a message: chosen with the system's picker, each checked as the runtime
 * would check it (size, type, how many), listed with a way to take it back.
 */
export function AttachmentPicker({
  files,
  onChange,
  disabled,
}: {
  files: readonly File[];
  onChange: (files: File[]) => void;
  disabled?: boolean;
}) {
  const t = useT();
  const { locale } = useFormat();
  const [refusals, setRefusals] = useState<string[]>([]);
  // Emptied by the parent (the message went): what was refused goes with it.
  useEffect(() => {
    if (files.length === 0) setRefusals([]);
  }, [files.length]);
  function choose(list: FileList | null) {
    const next = [...files];
    const refused: string[] = [];
    for (const file of list ? [...list] : []) {
      const refusal = refusalOf(file, locale);
      if (refusal) refused.push(t(refusal.id, refusal.values));
      else if (next.length >= ATTACHMENT_LIMITS.files) {
        refused.push(t('attachment.tooMany', { count: ATTACHMENT_LIMITS.files }));
        break;
      } else next.push(file);
    }
    setRefusals(refused);
    onChange(next);
  }
  return (
    <div className="attachment-picker">
      <label className="btn">
        {t('attachment.add')}
        <input
          type="file"
          multiple
          className="sr-only"
          disabled={disabled}
          onChange={(e) => {
            choose(e.target.files);
            e.target.value = '';
          }}
        />
      </label>
      {files.length > 0 && (
        <ul className="attachments">
          {files.map((file) => (
            <li key={`${file.name}-${file.size}-${file.lastModified}`}>
              {file.name} <small className="muted">{fileSizeText(file.size, locale)}</small>{' '}
              <button
                type="button"
                className="btn-link"
                aria-label={t('attachment.remove', { name: file.name })}
                onClick={() => onChange(files.filter((f) => f !== file))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      {refusals.map((r) => (
        <p key={r} role="alert" className="field-error">
          {r}
        </p>
      ))}
    </div>
  );
}
