import { useT } from '../i18n/use-t';

/** An error message announced to screen readers; renders nothing without a message. */
export function ErrorBanner({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="banner banner-error" role="alert">
      {message}
    </div>
  );
}

/** A polite status line ("Saved", "Loading…"). */
export function StatusLine({ message }: { message: string | null | undefined }) {
  return (
    <output className="status-line" aria-live="polite">
      {message ?? ''}
    </output>
  );
}

/** A coloured pill for a status word (open, breached, resolved…). */
export function Badge({ value, tone }: { value: string; tone?: string }) {
  return <span className={`badge badge-${tone ?? value}`}>{value}</span>;
}

/** The shown-while-loading placeholder. */
export function Loading() {
  const t = useT();
  return (
    <p className="muted" aria-busy="true">
      {t('common.loading')}
    </p>
  );
}
