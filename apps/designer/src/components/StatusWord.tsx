import { useT } from '../i18n/use-t';

const KNOWN = new Set([
  'open',
  'resolved',
  'cancelled',
  'rejected',
  'failed',
  'claimed',
  'offered',
  'completed',
  'escalated',
  'running',
  'paused',
  'warning',
  'met',
  'breached',
  'pending',
]);

/** A status pill in the reader's language (the colour follows the status itself). */
export function StatusWord({ value }: { value: string }) {
  const t = useT();
  return (
    <span className={`badge badge-${value}`}>{KNOWN.has(value) ? t(`work.status.${value}`) : value}</span>
  );
}
