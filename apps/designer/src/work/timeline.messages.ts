/** Timeline entries as sentences (work/timeline-presenter.ts), staff side. */
export const en = {
  'timeline.case.opened':
    '{who} opened the case ({channel, select, email {e-mail} chat {chat} phone {phone} web {portal} sms {SMS} whatsapp {WhatsApp} social {social media} api {API} other {{channel}}})',
  'timeline.case.cancelled': '{who} cancelled the case',
  'timeline.case.cancelledBecause': '{who} cancelled the case: “{reason}”',
  'timeline.case.closed':
    'The case was closed: {outcome, select, resolved {resolved} cancelled {cancelled} rejected {rejected} failed {failed} other {{outcome}}}',
  'timeline.node.entered': 'Reached “{node}”',
  'timeline.node.left': 'Left “{node}”',
  'timeline.task.created': 'Task “{task}” created for {group}',
  'timeline.approval.created': 'Approval “{task}” asked of {assignee}',
  'timeline.task.claimed': '{who} took “{task}”',
  'timeline.task.completed': '{who} completed “{task}” as “{outcome}”',
  'timeline.task.escalated': '“{task}” moved up from {from} to {to}: {reason}',
  'timeline.task.escalatedSla': '“{task}” moved up from {from} to {to}: its SLA was breached',
  'timeline.task.escalatedCaseSla':
    '“{task}” moved up from {from} to {to}: the case SLA “{sla}” was breached',
  'timeline.task.cancelled': '“{task}” was cancelled',
  'timeline.task.delegated': '{who} handed “{task}” to {to}',
  'timeline.task.assigned': '“{task}” went to {to} ({group} queue)',
  'timeline.task.declined': '{from} declined “{task}”: {reason}',
  'timeline.task.offer-expired': '{from} did not take up “{task}” in time; it goes to the next agent',
  'timeline.task.overflowed':
    '“{task}” moved from the {from} queue to {to} {reason, select, queue {because too much work was waiting} other {after waiting too long}}',
  'timeline.task.routing-skipped':
    '“{task}” waits to be claimed: its skill requirement could not be worked out',
  'timeline.approval.vote':
    '{who} voted {vote, select, approve {to approve} reject {to reject} other {{vote}}}',
  'timeline.sla.started': '{sla}: within {within}, due {due}',
  'timeline.sla.paused': '{sla} paused while waiting',
  'timeline.sla.resumed': '{sla} running again, due {due}',
  'timeline.sla.warning': '{sla} is at risk ({percent}% of its time used)',
  'timeline.sla.ofTask': 'The time limit of “{task}”',
  'timeline.sla.breached': '{sla} was missed',
  'timeline.sla.met': '{sla} met, in {took}',
  'timeline.message.customer': '{who} wrote a message',
  'timeline.message.agent': '{who} replied',
  'timeline.signal': '{who} reported “{name}”',
  'timeline.notify': 'Notification “{template}” sent to {to}',
  'timeline.http': 'Called an external system at “{node}”',
  'timeline.survey.sent': '{kind} survey sent to the customer',
  'timeline.survey.answered': 'The customer answered the {kind} survey: {score}',
  'timeline.subflow.started': 'Started the sub-process “{node}”',
  'timeline.subflow.done': 'The sub-process “{node}” finished: {result}',
  'timeline.customer.updated': 'The customer profile was updated',
  'timeline.customer.merged': '{who} merged contact {from} into customer {into}: this case is theirs now',
  'timeline.case.followUp':
    '{reopened, select, true {Reopens {number}: the customer wrote again soon after it closed} other {Follow-up of {number}: the customer wrote again after it closed}}',
  'timeline.case.continued':
    '{reopened, select, true {The customer wrote again: reopened as {number}} other {The customer wrote again: continued in {number}}}',
  'timeline.other': '{type}',
  'timeline.someone.system': 'Caseflow',
  'timeline.someone.customer': 'The customer',
} as const;

export const ptBR: Record<keyof typeof en, string> = {
  'timeline.case.opened':
    '{who} abriu o caso ({channel, select, email {e-mail} chat {chat} phone {telefone} web {portal} sms {SMS} whatsapp {WhatsApp} social {redes sociais} api {API} other {{channel}}})',
  'timeline.case.cancelled': '{who} cancelou o caso',
  'timeline.case.cancelledBecause': '{who} cancelou o caso: “{reason}”',
  'timeline.case.closed':
    'O caso foi encerrado: {outcome, select, resolved {resolvido} cancelled {cancelado} rejected {recusado} failed {com falha} other {{outcome}}}',
  'timeline.node.entered': 'Chegou a “{node}”',
  'timeline.node.left': 'Saiu de “{node}”',
  'timeline.task.created': 'Tarefa “{task}” criada para {group}',
  'timeline.approval.created': 'Aprovação “{task}” pedida a {assignee}',
  'timeline.task.claimed': '{who} assumiu “{task}”',
  'timeline.task.completed': '{who} concluiu “{task}” como “{outcome}”',
  'timeline.task.escalated': '“{task}” subiu de {from} para {to}: {reason}',
  'timeline.task.escalatedSla': '“{task}” subiu de {from} para {to}: o SLA da tarefa estourou',
  'timeline.task.escalatedCaseSla': '“{task}” subiu de {from} para {to}: o SLA “{sla}” do caso estourou',
  'timeline.task.cancelled': '“{task}” foi cancelada',
  'timeline.task.delegated': '{who} passou “{task}” para {to}',
  'timeline.task.assigned': '“{task}” foi para {to} (fila {group})',
  'timeline.task.declined': '{from} recusou “{task}”: {reason}',
  'timeline.task.offer-expired': '{from} não assumiu “{task}” a tempo; ela vai para o próximo atendente',
  'timeline.task.overflowed':
    '“{task}” passou da fila {from} para {to} {reason, select, queue {porque havia trabalho demais esperando} other {depois de esperar demais}}',
  'timeline.task.routing-skipped':
    '“{task}” aguarda alguém assumir: não foi possível calcular as habilidades exigidas',
  'timeline.approval.vote':
    '{who} votou {vote, select, approve {por aprovar} reject {por recusar} other {{vote}}}',
  'timeline.sla.started': '{sla}: em até {within}, prazo {due}',
  'timeline.sla.paused': '{sla} pausado enquanto aguarda',
  'timeline.sla.resumed': '{sla} correndo de novo, prazo {due}',
  'timeline.sla.warning': '{sla} está em risco ({percent}% do tempo usado)',
  'timeline.sla.ofTask': 'O prazo de “{task}”',
  'timeline.sla.breached': '{sla} foi estourado',
  'timeline.sla.met': '{sla} cumprido, em {took}',
  'timeline.message.customer': '{who} escreveu uma mensagem',
  'timeline.message.agent': '{who} respondeu',
  'timeline.signal': '{who} informou “{name}”',
  'timeline.notify': 'Notificação “{template}” enviada para {to}',
  'timeline.http': 'Chamou um sistema externo em “{node}”',
  'timeline.survey.sent': 'Pesquisa {kind} enviada ao cliente',
  'timeline.survey.answered': 'O cliente respondeu à pesquisa {kind}: {score}',
  'timeline.subflow.started': 'Iniciou o subprocesso “{node}”',
  'timeline.subflow.done': 'O subprocesso “{node}” terminou: {result}',
  'timeline.customer.updated': 'O perfil do cliente foi atualizado',
  'timeline.customer.merged': '{who} mesclou o contato {from} no cliente {into}: este caso agora é dele',
  'timeline.case.followUp':
    '{reopened, select, true {Reabre {number}: o cliente escreveu de novo logo depois do encerramento} other {Continuação de {number}: o cliente escreveu de novo depois do encerramento}}',
  'timeline.case.continued':
    '{reopened, select, true {O cliente escreveu de novo: reaberto como {number}} other {O cliente escreveu de novo: continua em {number}}}',
  'timeline.other': '{type}',
  'timeline.someone.system': 'Caseflow',
  'timeline.someone.customer': 'O cliente',
};
