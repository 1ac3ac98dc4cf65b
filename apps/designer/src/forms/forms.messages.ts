/** Form errors that state the rule a value broke (forms/form-model.ts `fieldRules`). */
export const en = {
  'form.rule.required': '{field} is required',
  'form.rule.number': '{field} must be a number',
  'form.rule.integer': '{field} must be a whole number',
  'form.rule.email': '{field} must be an email address, like name@example.com',
  'form.rule.min': '{field} must be at least {limit, number}',
  'form.rule.max': '{field} must be at most {limit, number}',
  'form.rule.minLength': '{field} needs at least {limit, plural, one {# character} other {# characters}}',
  'form.rule.maxLength': '{field} takes at most {limit, plural, one {# character} other {# characters}}',
  'form.rule.pattern': '{field} must match the pattern {pattern}',
  'form.rule.described': '{field} does not have the expected format: {description}',
  'form.rule.enum': '{field} must be one of: {options}',
  'form.fixFields': 'Please correct the highlighted fields.',
  'form.choose': 'Choose…',
} as const;

export const ptBR: Record<keyof typeof en, string> = {
  'form.rule.required': '{field} é obrigatório',
  'form.rule.number': '{field} deve ser um número',
  'form.rule.integer': '{field} deve ser um número inteiro',
  'form.rule.email': '{field} deve ser um e-mail, como nome@exemplo.com',
  'form.rule.min': '{field} deve ser no mínimo {limit, number}',
  'form.rule.max': '{field} deve ser no máximo {limit, number}',
  'form.rule.minLength':
    '{field} precisa de pelo menos {limit, plural, =0 {# caracteres} one {# caractere} other {# caracteres}}',
  'form.rule.maxLength':
    '{field} aceita no máximo {limit, plural, =0 {# caracteres} one {# caractere} other {# caracteres}}',
  'form.rule.pattern': '{field} deve seguir o padrão {pattern}',
  'form.rule.described': 'O campo {field} não está no formato esperado: {description}',
  'form.rule.enum': '{field} deve ser uma destas opções: {options}',
  'form.fixFields': 'Corrija os campos destacados.',
  'form.choose': 'Escolha…',
};
