/** Nodes and edges of a version diff, named as the canvas names them. */
export const en = {
  'diffLabels.edge': '{from} → {to}',
  'diffLabels.edgeVia': '{from} → {to} ({via})',
  'diffLabels.edgeDefault': '{from} → {to} (default)',
  'diffLabels.edgeWhen': '{from} → {to} (when {when})',
  'diffLabels.unknown': '{id}',
  'diffLabels.changed': '{what}: {fields}',
} as const;

export const ptBR: Record<keyof typeof en, string> = {
  'diffLabels.edge': '{from} → {to}',
  'diffLabels.edgeVia': '{from} → {to} ({via})',
  'diffLabels.edgeDefault': '{from} → {to} (padrão)',
  'diffLabels.edgeWhen': '{from} → {to} (quando {when})',
  'diffLabels.unknown': '{id}',
  'diffLabels.changed': '{what}: {fields}',
};
