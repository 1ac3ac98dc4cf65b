import { useRef } from 'react';
import { Link } from 'react-router-dom';
import { useEditor } from './EditorContext';
import { isDirty } from './editor-store';

interface Props {
  flowKey: string;
  busy: boolean;
  onSave(): void;
  onValidate(): void;
  onPublish(): void;
  onLayout(): void;
  onFit(): void;
  onImport(text: string): void;
  onExport(): void;
  heat: boolean;
  onHeat(): void;
}

/** The editor's command bar: save, validate, publish, undo/redo, layout, zoom, import/export. */
export function Toolbar(p: Props) {
  const past = useEditor((s) => s.past);
  const future = useEditor((s) => s.future);
  const undo = useEditor((s) => s.undo);
  const redo = useEditor((s) => s.redo);
  const dirty = useEditor(isDirty);
  const name = useEditor((s) => s.doc.name);
  const file = useRef<HTMLInputElement>(null);
  const lastUndo = past[past.length - 1]?.name;
  const nextRedo = future[0]?.name;
  return (
    <div className="toolbar" role="toolbar" aria-label="Flow editor">
      <div className="toolbar-title">
        <strong>{name}</strong>
        <code className="muted">{p.flowKey}</code>
        {dirty && <span className="badge badge-warning">unsaved</span>}
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          className="btn"
          onClick={undo}
          disabled={!lastUndo}
          title={lastUndo ? `Undo ${lastUndo} (Ctrl+Z)` : 'Nothing to undo'}
        >
          ↶ Undo
        </button>
        <button
          type="button"
          className="btn"
          onClick={redo}
          disabled={!nextRedo}
          title={nextRedo ? `Redo ${nextRedo} (Ctrl+Y)` : 'Nothing to redo'}
        >
          ↷ Redo
        </button>
      </div>
      <div className="toolbar-group">
        <button type="button" className="btn" onClick={p.onLayout} title="Auto-layout (Shift+L)">
          Auto-layout
        </button>
        <button type="button" className="btn" onClick={p.onFit} title="Zoom to fit (Shift+1)">
          Zoom to fit
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={p.heat}
          onClick={p.onHeat}
          title="Show how cases went through each step"
        >
          Heat map
        </button>
      </div>
      <div className="toolbar-group">
        <button type="button" className="btn" onClick={() => file.current?.click()}>
          Import JSON
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Flow JSON file to import"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) p.onImport(await f.text());
            e.target.value = '';
          }}
        />
        <button type="button" className="btn" onClick={p.onExport}>
          Export JSON
        </button>
        <Link className="btn" to={`/flows/${p.flowKey}/versions`}>
          Versions
        </Link>
      </div>
      <div className="toolbar-group toolbar-end">
        <button type="button" className="btn" onClick={p.onValidate} disabled={p.busy}>
          Validate
        </button>
        <button
          type="button"
          className="btn"
          onClick={p.onSave}
          disabled={p.busy}
          title="Save draft (Ctrl+S)"
        >
          Save draft
        </button>
        <button type="button" className="btn btn-primary" onClick={p.onPublish} disabled={p.busy}>
          Publish
        </button>
      </div>
    </div>
  );
}
