/** The editor's pickers: durations, groups, calendars, templates, connections, flows. */
export const en = {
  'pickers.duration.amount': '{label}: how many',
  'pickers.duration.unit': '{label}: unit',
  'pickers.duration.none': 'None',
  'pickers.duration.minutes': '{count, plural, one {minute} other {minutes}}',
  'pickers.duration.hours': '{count, plural, one {hour} other {hours}}',
  'pickers.duration.days': '{count, plural, one {day} other {days}}',
  'pickers.duration.weeks': '{count, plural, one {week} other {weeks}}',
  'pickers.duration.unreadable': 'Written as {iso}; pick a duration to replace it.',
  'pickers.duration.amountError': 'A whole number above zero',
  'pickers.notListed': '{value} (not in this installation)',
  'pickers.typedHint': 'The list could not be loaded: type the name.',
  'pickers.pickOne': 'Pick one',
  'pickers.calendar.roundTheClock': 'Round the clock (calendar time)',
  'pickers.calendar.business': 'Business hours: {name}',
  'pickers.calendar.asFlow': 'As the flow: {calendar}',
  'pickers.flow.option': '{name} ({key})',
  'pickers.article.option':
    '{title}{audience, select, agents { (agents only)} customers { (signed-in customers)} other {}}',
} as const;

export const ptBR: Record<keyof typeof en, string> = {
  'pickers.duration.amount': '{label}: quantos',
  'pickers.duration.unit': '{label}: unidade',
  'pickers.duration.none': 'Nenhum',
  'pickers.duration.minutes': '{count, plural, one {minuto} other {minutos}}',
  'pickers.duration.hours': '{count, plural, one {hora} other {horas}}',
  'pickers.duration.days': '{count, plural, one {dia} other {dias}}',
  'pickers.duration.weeks': '{count, plural, one {semana} other {semanas}}',
  'pickers.duration.unreadable': 'Escrito como {iso}; escolha uma duração para substituir.',
  'pickers.duration.amountError': 'Um número inteiro maior que zero',
  'pickers.notListed': '{value} (não existe nesta instalação)',
  'pickers.typedHint': 'Não foi possível carregar a lista: digite o nome.',
  'pickers.pickOne': 'Escolha um',
  'pickers.calendar.roundTheClock': '24 horas por dia (tempo corrido)',
  'pickers.calendar.business': 'Horário comercial: {name}',
  'pickers.calendar.asFlow': 'Como o fluxo: {calendar}',
  'pickers.article.option':
    '{title}{audience, select, agents { (só agentes)} customers { (clientes conectados)} other {}}',
  'pickers.flow.option': '{name} ({key})',
};
