import type { FlowDoc } from './flow-document';

/** What is wrong with an imported file: a message id of editor.messages.ts (`editor.import.*`). */
export type ImportError = 'notJson' | 'notObject' | 'noNodes' | 'edgesNotList' | 'nodeWithoutId';

/** Result of reading an imported file: the flow, or what is wrong (`detail`: the parser's words). */
export type ImportResult = { ok: true; doc: FlowDoc } | { ok: false; error: ImportError; detail?: string };

/**
 * Reads a flow from JSON text. Accepts a bare definition or `{definition}` (as the API answers).
 * Only the shape needed to draw is checked here; validateFlow reports everything else. Pure.
 */
export function parseFlowJson(text: string, key?: string): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: 'notJson', detail: (e as Error).message };
  }
  if (typeof value === 'object' && value !== null && 'definition' in value)
    value = (value as { definition: unknown }).definition;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'notObject' };
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.nodes)) return { ok: false, error: 'noNodes' };
  if (v.edges !== undefined && !Array.isArray(v.edges)) return { ok: false, error: 'edgesNotList' };
  if (
    v.nodes.some((n) => typeof n !== 'object' || n === null || typeof (n as { id?: unknown }).id !== 'string')
  ) {
    return { ok: false, error: 'nodeWithoutId' };
  }
  const doc = {
    ...v,
    key: key ?? (typeof v.key === 'string' ? v.key : 'imported'),
    name: typeof v.name === 'string' ? v.name : (key ?? 'Imported flow'),
  } as FlowDoc;
  return { ok: true, doc };
}

/** The JSON text of a flow for export, stable and readable. Pure. */
export function flowToJson(doc: FlowDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Offers `text` as a file download named `filename`. */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
