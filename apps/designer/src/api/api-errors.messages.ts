/**
 * What an API error means, said in the reader's language (by its `code`, else its status).
 * The runtime's own message is English and names the exact thing; it follows in brackets.
 */
export const en = {
  'apiError.network': 'The server cannot be reached. Check your connection and try again.',
  'apiError.validation': 'Some of what was sent is not valid.',
  'apiError.malformed-json': 'The request could not be read.',
  'apiError.unauthorized': 'Your session has ended. Sign in again.',
  'apiError.invalid-credentials': 'The user name or password is wrong.',
  'apiError.account-inactive': 'This account is switched off. Ask an administrator.',
  'apiError.forbidden': 'You are not allowed to do this.',
  'apiError.not-found': 'This no longer exists, or you cannot see it.',
  'apiError.conflict': 'Someone changed this in the meantime. Reload and try again.',
  'apiError.draft-conflict': 'Someone else saved this flow in the meantime.',
  'apiError.event-not-allowed': 'The case is not at a step where this can be done.',
  'apiError.not-eligible': 'This cannot be done for whom or what was chosen.',
  'apiError.flow-invalid': 'The flow still has problems to fix.',
  'apiError.incident': 'The flow failed at this step; an administrator has been told.',
  'apiError.payload-too-large': 'This is too large to send.',
  'apiError.upload-quota': 'You have sent too many files for now. Try again later.',
  'apiError.unsupported-media-type': 'This kind of content is not accepted.',
  'apiError.busy': 'The server is busy. Try again in a few seconds.',
  'apiError.too-many-streams': 'Too many windows are open with live updates. Close some and reload.',
  'apiError.too-many-chats': 'Too many chats were started from here. Try again later.',
  'apiError.too-many-messages': 'Too many messages in a short time. Wait a moment.',
  'apiError.status.429': 'Too many attempts. Wait a moment and try again.',
  'apiError.status.5xx':
    'Something went wrong on the server. Try again; if it keeps happening, tell an administrator.',
  'apiError.other': 'The request was refused.',
};

export const ptBR: typeof en = {
  'apiError.network': 'Não foi possível falar com o servidor. Verifique sua conexão e tente de novo.',
  'apiError.validation': 'Parte do que foi enviado não é válida.',
  'apiError.malformed-json': 'Não foi possível ler a solicitação.',
  'apiError.unauthorized': 'Sua sessão terminou. Entre novamente.',
  'apiError.invalid-credentials': 'Usuário ou senha incorretos.',
  'apiError.account-inactive': 'Esta conta está desativada. Fale com um administrador.',
  'apiError.forbidden': 'Você não tem permissão para fazer isto.',
  'apiError.not-found': 'Isto não existe mais, ou você não pode vê-lo.',
  'apiError.conflict': 'Alguém alterou isto enquanto isso. Recarregue e tente de novo.',
  'apiError.draft-conflict': 'Outra pessoa salvou este fluxo enquanto isso.',
  'apiError.event-not-allowed': 'O caso não está numa etapa em que isto possa ser feito.',
  'apiError.not-eligible': 'Isto não pode ser feito para quem ou o que foi escolhido.',
  'apiError.flow-invalid': 'O fluxo ainda tem problemas a corrigir.',
  'apiError.incident': 'O fluxo falhou nesta etapa; um administrador foi avisado.',
  'apiError.payload-too-large': 'Isto é grande demais para enviar.',
  'apiError.upload-quota': 'Você enviou arquivos demais por enquanto. Tente mais tarde.',
  'apiError.unsupported-media-type': 'Este tipo de conteúdo não é aceito.',
  'apiError.busy': 'O servidor está ocupado. Tente de novo em alguns segundos.',
  'apiError.too-many-streams':
    'Há janelas demais abertas com atualização ao vivo. Feche algumas e recarregue.',
  'apiError.too-many-chats': 'Muitas conversas foram iniciadas daqui. Tente mais tarde.',
  'apiError.too-many-messages': 'Mensagens demais em pouco tempo. Aguarde um momento.',
  'apiError.status.429': 'Tentativas demais. Aguarde um momento e tente de novo.',
  'apiError.status.5xx': 'Algo deu errado no servidor. Tente de novo; se continuar, avise um administrador.',
  'apiError.other': 'A solicitação foi recusada.',
};
