/** An agent's own presence: the header switch and the away-after-inactivity setting. */
export const en = {
  'presence.label': 'My presence',
  'presence.status': '{status, select, online {Online} away {Away} offline {Offline} other {{status}}}',
  'presence.prefs.title': 'Presence',
  'presence.prefs.body':
    'While you are online, work can be routed to you. After a while without activity on this page you show as away, and online again when you come back; signing out sets you offline.',
  'presence.prefs.minutes': 'Away after minutes without activity (0: never)',
  'presence.prefs.saved': 'Saved for this browser.',
} as const;

export const ptBR: Record<keyof typeof en, string> = {
  'presence.label': 'Minha presença',
  'presence.status':
    '{status, select, online {Disponível} away {Ausente} offline {Offline} other {{status}}}',
  'presence.prefs.title': 'Presença',
  'presence.prefs.body':
    'Enquanto você está disponível, trabalho pode ser encaminhado a você. Depois de um tempo sem atividade nesta página você aparece como ausente, e disponível de novo quando volta; sair da conta deixa você offline.',
  'presence.prefs.minutes': 'Ausente após minutos sem atividade (0: nunca)',
  'presence.prefs.saved': 'Salvo neste navegador.',
};
