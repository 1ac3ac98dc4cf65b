import { feelSyntaxError } from '@caseflow/engine';
import { loader } from '@monaco-editor/react';
// Only the editor core, the features the FEEL and JSON fields use and the JSON language: the
// full 'monaco-editor' entry brings every language and feature (a 3.3 MB chunk).
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/editor/browser/coreCommands';
import 'monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget';
import 'monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/esm/vs/editor/contrib/comment/browser/comment';
import 'monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/esm/vs/editor/contrib/find/browser/findController';
import 'monaco-editor/esm/vs/editor/contrib/folding/browser/folding';
import 'monaco-editor/esm/vs/editor/contrib/format/browser/formatActions';
import 'monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/esm/vs/editor/contrib/placeholderText/browser/placeholderText.contribution';
import 'monaco-editor/esm/vs/editor/contrib/readOnlyMessage/browser/contribution';
import 'monaco-editor/esm/vs/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/esm/vs/editor/contrib/tokenization/browser/tokenization';
import 'monaco-editor/esm/vs/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/esm/vs/editor/common/standaloneStrings';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codiconStyles';
import 'monaco-editor/esm/vs/language/json/monaco.contribution';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker?worker';
import type { Theme } from '../../theme/theme-store';
import type { ScopeName } from '../feel-scope';
import { FEEL_FUNCTIONS, FEEL_KEYWORDS, feelConfiguration, feelMonarch } from './feel-language';

// Monaco is bundled from the package (no CDN): workers come from Vite's ?worker imports.
self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};
loader.config({ monaco });

/** Names in scope per editor model (by model URI), fed by each FEEL field. */
const scopes = new Map<string, ScopeName[]>();

/** Tells the completion provider and the checker what one model may read. */
export function setModelScope(uri: string, names: ScopeName[]): void {
  scopes.set(uri, names);
}

export function dropModelScope(uri: string): void {
  scopes.delete(uri);
}

/** Underlines the first FEEL syntax error of a model at the engine's character offsets. */
export function checkFeelModel(model: monaco.editor.ITextModel): void {
  const names = (scopes.get(model.uri.toString()) ?? []).map((n) => n.label.split('.')[0]!);
  const text = model.getValue();
  const error = text.trim() === '' ? null : feelSyntaxError(text, [...new Set(names)]);
  if (!error) {
    monaco.editor.setModelMarkers(model, 'feel', []);
    return;
  }
  const start = model.getPositionAt(error.from);
  const end = model.getPositionAt(Math.max(error.to, error.from + 1));
  monaco.editor.setModelMarkers(model, 'feel', [
    {
      severity: monaco.MarkerSeverity.Error,
      message: error.message,
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    },
  ]);
}

let registered = false;

/** Registers the FEEL language (colouring, brackets, completion) once. */
export function registerFeel(): typeof monaco {
  if (registered) return monaco;
  registered = true;
  monaco.languages.register({ id: 'feel' });
  monaco.languages.setMonarchTokensProvider('feel', feelMonarch);
  monaco.languages.setLanguageConfiguration('feel', feelConfiguration);
  monaco.languages.registerCompletionItemProvider('feel', {
    triggerCharacters: ['.'],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const line = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const dotted = /([\w.-]+)$/.exec(line)?.[1] ?? '';
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: position.column - dotted.length,
        endColumn: word.endColumn,
      };
      const names = scopes.get(model.uri.toString()) ?? [];
      return {
        suggestions: [
          ...names.map((n) => ({
            label: n.label,
            kind: monaco.languages.CompletionItemKind.Variable,
            detail: n.detail,
            insertText: n.label,
            range,
          })),
          ...FEEL_KEYWORDS.map((k) => ({
            label: k,
            kind: monaco.languages.CompletionItemKind.Keyword,
            insertText: k,
            range,
          })),
          ...FEEL_FUNCTIONS.map((f) => ({
            label: f,
            kind: monaco.languages.CompletionItemKind.Function,
            insertText: `${f}($0)`,
            insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
            range,
          })),
        ],
      };
    },
  });
  return monaco;
}

/** The app's surface colour per theme (styles.css `--surface`): monaco takes hex, not CSS variables. */
const SURFACE: Record<Theme, string> = { light: '#ffffff', dark: '#1a1f29' };
let themesDefined = false;

/** The monaco theme for the app's `theme`: monaco's own, drawn on the app's surface colour. */
export function monacoTheme(theme: Theme): string {
  if (!themesDefined) {
    themesDefined = true;
    for (const t of ['light', 'dark'] as const) {
      monaco.editor.defineTheme(`caseflow-${t}`, {
        base: t === 'dark' ? 'vs-dark' : 'vs',
        inherit: true,
        rules: [],
        colors: { 'editor.background': SURFACE[t], 'editorGutter.background': SURFACE[t] },
      });
    }
  }
  return `caseflow-${theme}`;
}

/** Points monaco's JSON checker at `schema` for models whose URI matches `fileMatch`. */
export function setJsonSchema(uri: string, fileMatch: string, schema: unknown): void {
  const json = monaco.languages.json.jsonDefaults;
  const others = (json.diagnosticsOptions.schemas ?? []).filter((s) => s.uri !== uri);
  json.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    schemas: [...others, { uri, fileMatch: [fileMatch], schema }],
  });
}

export { monaco };
