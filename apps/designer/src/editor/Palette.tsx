import type { NodeType } from '@caseflow/schema';
import { useT } from '../i18n/use-t';
import { NodeIcon } from './NodeIcon';
import { NODE_KINDS } from './node-catalog';

/** Drag-and-drop MIME type of a palette entry. */
export const PALETTE_MIME = 'application/x-caseflow-node';

/** The node palette: drag an entry onto the canvas, or click (or press Enter) to add it in view. */
export function Palette({ onAdd }: { onAdd(type: NodeType): void }) {
  const t = useT();
  return (
    <nav className="palette" aria-label={t('editor.palette')}>
      <h2>{t('editor.palette.title')}</h2>
      <ul>
        {NODE_KINDS.map((k) => (
          <li key={k.type}>
            <button
              type="button"
              className={`palette-item shape-${k.shape}`}
              draggable
              title={t(`node.hint.${k.type}`)}
              aria-label={t('editor.palette.add', { kind: t(`node.kind.${k.type}`) })}
              onDragStart={(e) => {
                e.dataTransfer.setData(PALETTE_MIME, k.type);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onClick={() => onAdd(k.type)}
            >
              <span className="palette-icon">
                <NodeIcon type={k.type} />
              </span>
              {t(`node.kind.${k.type}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
