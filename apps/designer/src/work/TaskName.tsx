import type { Task } from '@caseflow/schema';
import { StatusWord } from '../components/StatusWord';
import { useT } from '../i18n/use-t';

/**
 * A task as lists and the case page name it: an approval marked as one, its title, and its
 * status in the reader's language (offered while routing holds it for the reader).
 */
export function TaskName({ task }: { task: Pick<Task, 'kind' | 'title' | 'status'> & { offer?: unknown } }) {
  const t = useT();
  return (
    <>
      {task.kind === 'approval' && (
        <>
          <span className="badge badge-info">{t('node.kind.approval')}</span>{' '}
        </>
      )}
      {task.title} <StatusWord value={task.offer ? 'offered' : task.status} task />
    </>
  );
}
