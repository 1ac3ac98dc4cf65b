/** Messages of canned responses in the agent's reply box. */
export const en = {
  'responses.open': 'Canned responses (Alt+R)',
  'responses.title': 'Canned responses',
  'responses.filter': 'Find a canned response',
  'responses.none': 'No canned response matches.',
  'responses.hint': '↑ ↓ to choose, Enter to insert, Esc to close.',
} as const;

export const ptBR: Record<keyof typeof en, string> = {
  'responses.open': 'Respostas prontas (Alt+R)',
  'responses.title': 'Respostas prontas',
  'responses.filter': 'Encontrar uma resposta pronta',
  'responses.none': 'Nenhuma resposta pronta corresponde.',
  'responses.hint': '↑ ↓ para escolher, Enter para inserir, Esc para fechar.',
};
