import type { FlowDoc } from './flow-document';

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s) => typeof s === 'string') : []);

/**
 * A draft as the editor can show it. The runtime keeps any JSON object as a draft and lists its
 * problems, but the canvas and the panels read a flow as the schema shapes it: a task's
 * outcomes as a list, an approval's approvers and an action's action as objects. A field
 * missing or of the wrong kind gets its empty value here (a list, an object, ''), so the draft
 * opens and its problems panel says what to fix; entries of `nodes` and `edges` that are not
 * objects with a string id (nodes) or string ends (edges) cannot be drawn and are left out.
 * Answers `doc` itself when nothing needed changing. Pure.
 */
export function editableDoc(doc: FlowDoc): FlowDoc {
  const raw = doc as unknown as Loose;
  let changed = false;
  const nodes = (Array.isArray(raw.nodes) ? raw.nodes : []).flatMap((n: unknown) => {
    if (!isObject(n) || typeof n.id !== 'string' || typeof n.type !== 'string') return [];
    const fixed = editableNode(n);
    if (fixed !== n) changed = true;
    return [fixed];
  });
  const edges = (Array.isArray(raw.edges) ? raw.edges : []).filter(
    (e: unknown) => isObject(e) && typeof e.from === 'string' && typeof e.to === 'string',
  );
  if (!Array.isArray(raw.nodes) || nodes.length !== raw.nodes.length) changed = true;
  if (raw.edges !== undefined && (!Array.isArray(raw.edges) || edges.length !== raw.edges.length)) {
    changed = true;
  }
  const layout = raw.layout === undefined || isObject(raw.layout) ? raw.layout : undefined;
  if (layout !== raw.layout) changed = true;
  if (!changed) return doc;
  return { ...raw, nodes, ...(raw.edges === undefined ? {} : { edges }), layout } as unknown as FlowDoc;
}

/** One node with the fields the editor reads set to their empty value where they are unusable. */
function editableNode(n: Loose): Loose {
  const patch: Loose = {};
  switch (n.type) {
    case 'task':
      if (!Array.isArray(n.outcomes) || strings(n.outcomes).length !== n.outcomes.length) {
        patch.outcomes = strings(n.outcomes);
      }
      if (typeof n.title !== 'string') patch.title = '';
      if (n.assign !== undefined && !isObject(n.assign)) patch.assign = {};
      break;
    case 'approval':
      if (!isObject(n.approvers)) patch.approvers = {};
      else if (n.approvers.users !== undefined && !Array.isArray(n.approvers.users)) {
        patch.approvers = { ...n.approvers, users: strings(n.approvers.users) };
      }
      if (n.policy !== undefined && !isObject(n.policy)) patch.policy = { kind: 'any' };
      break;
    case 'action':
      if (!isObject(n.action)) patch.action = { kind: 'set', values: {} };
      break;
    case 'survey':
      if (typeof n.survey !== 'string') patch.survey = '';
      break;
  }
  if (n.sla !== undefined && !isObject(n.sla)) patch.sla = undefined;
  return Object.keys(patch).length === 0 ? n : { ...n, ...patch };
}
