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

/** The statuses a customer's request (their case) can be in. */
const REQUEST = new Set(['open', 'resolved', 'cancelled', 'rejected', 'failed']);

/** Task statuses whose words differ from a case's (Portuguese "tarefa aberta", "caso aberto"). */
const TASK = new Set(['open', 'cancelled']);

/**
 * A status pill in the reader's language (the colour follows the status itself). `request`: the
 * status of a customer's request, worded to agree with it (Portuguese "solicitação aberta");
 * `task`: a task's ("tarefa aberta").
 */
export function StatusWord({ value, request, task }: { value: string; request?: boolean; task?: boolean }) {
  const t = useT();
  const word =
    request && REQUEST.has(value)
      ? t(`request.status.${value}`)
      : task && TASK.has(value)
        ? t(`task.status.${value}`)
        : KNOWN.has(value)
          ? t(`work.status.${value}`)
          : value;
  return <span className={`badge badge-${value}`}>{word}</span>;
}
