import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { useTheme } from '../../theme/useTheme';
import type { ScopeName } from '../feel-scope';
import { checkFeelModel, dropModelScope, monacoTheme, registerFeel, setModelScope } from './monaco-setup';

interface Props {
  id: string;
  label: string;
  value: string;
  scope: ScopeName[];
  onChange(value: string): void;
  multiline?: boolean;
}

/** A FEEL expression in monaco: colouring, completion of names in scope, errors underlined. */
export default function FeelMonaco({ id, label, value, scope, onChange, multiline }: Props) {
  const path = `feel://${id}.feel`;
  const modelRef = useRef<Parameters<OnMount>[0] | null>(null);
  const theme = useTheme();
  useEffect(() => {
    setModelScope(path, scope);
    const model = modelRef.current?.getModel();
    if (model) {
      setModelScope(model.uri.toString(), scope);
      checkFeelModel(model);
    }
  }, [path, scope]);
  useEffect(() => () => dropModelScope(path), [path]);
  return (
    <div className={`feel-editor${multiline ? ' multiline' : ''}`}>
      <Editor
        height={multiline ? 96 : 30}
        language="feel"
        path={path}
        value={value}
        theme={monacoTheme(theme)}
        beforeMount={() => registerFeel()}
        onMount={(editor) => {
          modelRef.current = editor;
          const model = editor.getModel();
          if (model) {
            setModelScope(model.uri.toString(), scope);
            checkFeelModel(model);
          }
        }}
        onChange={(v) => {
          const model = modelRef.current?.getModel();
          if (model) checkFeelModel(model);
          onChange(v ?? '');
        }}
        options={{
          ariaLabel: label,
          minimap: { enabled: false },
          lineNumbers: 'off',
          glyphMargin: false,
          folding: false,
          lineDecorationsWidth: 4,
          lineNumbersMinChars: 0,
          scrollBeyondLastLine: false,
          wordWrap: multiline ? 'on' : 'off',
          overviewRulerLanes: 0,
          renderLineHighlight: 'none',
          scrollbar: {
            vertical: multiline ? 'auto' : 'hidden',
            horizontal: 'hidden',
            alwaysConsumeMouseWheel: false,
          },
          fontSize: 13,
          automaticLayout: true,
          fixedOverflowWidgets: true,
          quickSuggestions: true,
        }}
      />
    </div>
  );
}
