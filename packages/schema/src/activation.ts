import { z } from 'zod';
import { VersionNumber } from './limits';

/*
 * Publish → activate made explicit (issue #14): a process owner asks for a published version to
 * go live with a note; an admin activates it (settling the request) or rejects it, with a note.
 */

/** The longest note of a request or a decision. */
export const ACTIVATION_NOTE_MAX = 2000;

const Note = z.string().trim().max(ACTIVATION_NOTE_MAX);

/** `POST /flows/:key/activation-requests`: which version should go live, and why. */
export const ActivationRequestCreate = z.object({
  version: VersionNumber,
  note: Note.min(1, { message: 'say why this version should go live' }),
});
export type ActivationRequestCreate = z.infer<typeof ActivationRequestCreate>;

/** `POST /flows/:key/activation-requests/:id/reject`: why the version does not go live. */
export const ActivationRejection = z.object({
  note: Note.min(1, { message: 'say why the request is rejected' }),
});
export type ActivationRejection = z.infer<typeof ActivationRejection>;

/** `POST /flows/:key/activate`: the version, and the admin's note (kept on the settled request). */
export const ActivateRequest = z.object({ version: VersionNumber, note: Note.default('') });
export type ActivateRequest = z.infer<typeof ActivateRequest>;

export const ActivationRequestStatus = z.enum(['pending', 'activated', 'rejected']);
export type ActivationRequestStatus = z.infer<typeof ActivationRequestStatus>;

/** A request to activate a version, with who asked and who decided, when and why. */
export const ActivationRequest = z.object({
  id: z.string(),
  flow: z.string(),
  version: z.number().int(),
  status: ActivationRequestStatus,
  note: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type ActivationRequest = z.infer<typeof ActivationRequest>;
