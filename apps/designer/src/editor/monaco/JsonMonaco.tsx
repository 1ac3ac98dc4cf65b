import Editor from '@monaco-editor/react';
import { useEffect } from 'react';
import { useTheme } from '../../theme/useTheme';
import { monacoTheme, setJsonSchema } from './monaco-setup';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange?(value: string): void;
  schema?: unknown;
  readOnly?: boolean;
  height?: number | string;
}

/** JSON in monaco, checked against `schema` when given (e.g. the form meta-schema). */
export default function JsonMonaco({ id, label, value, onChange, schema, readOnly, height = 220 }: Props) {
  const path = `json://caseflow/${id}.json`;
  const theme = useTheme();
  useEffect(() => {
    if (schema) setJsonSchema(`caseflow://schemas/${id}`, path, schema);
  }, [id, path, schema]);
  return (
    <div className="json-editor">
      <Editor
        height={height}
        language="json"
        path={path}
        value={value}
        theme={monacoTheme(theme)}
        onChange={(v) => onChange?.(v ?? '')}
        options={{
          ariaLabel: label,
          readOnly,
          minimap: { enabled: false },
          fontSize: 12,
          tabSize: 2,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          fixedOverflowWidgets: true,
          lineNumbersMinChars: 3,
        }}
      />
    </div>
  );
}
