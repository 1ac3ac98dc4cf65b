import type { FlowDoc } from '../flow-document';
import type { EdgeRoute, FlowLayout } from './elk-layout';

/**
 * The routes of a fresh layout when the document's positions are exactly that layout (a flow
 * laid out, saved and opened again): the layout is deterministic, so its routes hold. Any
 * node moved by hand since gives no routes at all; those edges are drawn as plain steps. Pure.
 */
export function routesIfUnchanged(doc: FlowDoc, laid: FlowLayout): Record<string, EdgeRoute> {
  for (const node of doc.nodes) {
    const at = doc.layout?.[node.id];
    const fresh = laid.positions[node.id];
    if (!at || !fresh || at.x !== fresh.x || at.y !== fresh.y) return {};
  }
  return laid.routes;
}
