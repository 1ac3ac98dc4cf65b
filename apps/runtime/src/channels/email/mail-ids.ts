import { parseCaseNumber } from '@caseflow/schema';

/*
 * Threading (DESIGN §10): our outgoing mail carries Message-IDs that name the case, so a reply's
 * In-Reply-To / References find it; a subject that names a case number (`[REQ-000123]`) is the
 * fallback of mail clients that drop those headers. deliverInboundMessage still checks that the
 * case is the sender's own.
 */

/** The Message-ID of an outgoing message of a case: `<cf.{caseId}.{messageId}@{domain}>`. */
export function caseMessageId(caseId: string, messageId: string, domain: string): string {
  return `<cf.${caseId}.${messageId}@${domain}>`;
}

const OURS = /^<?cf\.([A-Za-z0-9_-]{1,64})\.[A-Za-z0-9._-]{1,80}@[^>\s]+>?$/;

/** The case our Message-ID names, or null. */
export function caseOfMessageId(id: string): string | null {
  return OURS.exec(id.trim())?.[1] ?? null;
}

/** The case the newest of our Message-IDs among In-Reply-To and References names, or null. */
export function caseFromReferences(
  inReplyTo: string | undefined,
  references: string | string[] | undefined,
): string | null {
  const refs = [inReplyTo ?? '', ...(Array.isArray(references) ? references : [references ?? ''])]
    .flatMap((r) => r.split(/\s+/))
    .filter(Boolean)
    .slice(0, 100);
  for (const ref of refs) {
    const caseId = caseOfMessageId(ref);
    if (caseId) return caseId;
  }
  return null;
}

/** The case number a subject names in brackets (`Re: [REQ-000123] Lost card`), or null. */
export function caseNumberInSubject(subject: string | undefined): number | null {
  const m = /\[(REQ-\d{1,15})\]/i.exec(subject ?? '');
  return m ? parseCaseNumber(m[1]!) : null;
}

/** Whether a Message-ID is one of ours (mail we sent coming back: a loop). */
export function isOurMessageId(id: string | undefined): boolean {
  return id !== undefined && caseOfMessageId(id) !== null;
}
