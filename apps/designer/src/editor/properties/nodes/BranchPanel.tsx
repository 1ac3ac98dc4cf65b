import { useT } from '../../../i18n/use-t';
import type { DocNodeOf } from '../../flow-document';

/** A parallel fork or its join: nothing to set but where the edges go. */
export function BranchPanel({ node }: { node: DocNodeOf<'parallel' | 'join'> }) {
  const t = useT();
  return <p className="muted">{t(node.type === 'parallel' ? 'props.parallel.hint' : 'props.join.hint')}</p>;
}
