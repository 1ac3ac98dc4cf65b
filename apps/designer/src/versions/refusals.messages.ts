/** Why a case cannot move to another version (the dry run's refusals), by refusal code. */
export const en = {
  'refusal.not-found': 'No case of this flow has this number.',
  'refusal.other-version': 'The case is on version {version}.',
  'refusal.closed':
    'The case is {status, select, resolved {resolved} cancelled {cancelled} rejected {rejected} failed {failed} other {closed}}.',
  'refusal.unknown-node': 'It waits at “{node}”, which the plan does not know.',
  'refusal.node-removed': 'It waits at “{node}”, which the new version removed: choose where such cases go.',
  'refusal.node-changed': 'It waits at “{node}”, which the new version changed: confirm or choose its step.',
  'refusal.other-branch':
    '“{node}” would move to “{target}”, which is {fork, select, none {outside any parallel block} other {in branch {branch} of “{fork}”}} in the new version.',
  'refusal.task-elsewhere': 'Task “{task}” belongs to “{node}”, where the case does not wait.',
  'refusal.tier-missing': 'Task “{task}” is at tier {tier}, which the new version does not have.',
  'refusal.votes-decide':
    '{count, plural, one {The # vote already cast on “{node}” decides} other {The # votes already cast on “{node}” decide}} it under the new rule ({policy}), so it would never move on.',
  'refusal.task-sla-missing':
    'The SLA clock of “{node}” is running, and its step in the new version has no SLA.',
  'refusal.case-sla-missing': 'The case SLA “{sla}” is running, and the new version has no such SLA.',
  'refusal.case-sla-pause':
    'The case SLA “{sla}” is paused, and the new version does not pause it where the case waits.',
  'refusal.cannot-hold': 'The new version cannot hold the case ({message}).',
} as const;

export const ptBR: Record<keyof typeof en, string> = {
  'refusal.not-found': 'Nenhum caso deste fluxo tem este número.',
  'refusal.other-version': 'O caso está na versão {version}.',
  'refusal.closed':
    'O caso está {status, select, resolved {resolvido} cancelled {cancelado} rejected {rejeitado} failed {com falha} other {encerrado}}.',
  'refusal.unknown-node': 'Ele aguarda em “{node}”, que o plano não conhece.',
  'refusal.node-removed':
    'Ele aguarda em “{node}”, que a nova versão removeu: escolha para onde vão esses casos.',
  'refusal.node-changed': 'Ele aguarda em “{node}”, que a nova versão alterou: confirme ou escolha a etapa.',
  'refusal.other-branch':
    '“{node}” iria para “{target}”, que fica {fork, select, none {fora de qualquer bloco paralelo} other {no ramo {branch} de “{fork}”}} na nova versão.',
  'refusal.task-elsewhere': 'A tarefa “{task}” pertence a “{node}”, onde o caso não aguarda.',
  'refusal.tier-missing': 'A tarefa “{task}” está no nível {tier}, que a nova versão não tem.',
  'refusal.votes-decide':
    '{count, plural, =0 {Os # votos já dados em “{node}” decidem} one {O # voto já dado em “{node}” decide} other {Os # votos já dados em “{node}” decidem}} a aprovação pela nova regra ({policy}), e o caso nunca seguiria.',
  'refusal.task-sla-missing': 'O SLA de “{node}” está correndo, e a etapa na nova versão não tem SLA.',
  'refusal.case-sla-missing': 'O SLA do caso “{sla}” está correndo, e a nova versão não tem esse SLA.',
  'refusal.case-sla-pause':
    'O SLA do caso “{sla}” está pausado, e a nova versão não o pausa onde o caso aguarda.',
  'refusal.cannot-hold': 'A nova versão não consegue receber o caso ({message}).',
};
