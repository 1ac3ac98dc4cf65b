import { cleanText } from '../clean-text';
import { e164 } from '../phone-number';

/*
 * A Twilio incoming SMS (form parameters), read with bounds: the signature only says Twilio
 * sent it, and the parameters reach the store (the message id in a unique index, the text in a
 * message row). Twilio's own limits are far below these.
 */

/** Longest text stored from one SMS (a concatenated SMS is at most 1,600 characters). */
export const MAX_SMS_BODY = 20_000;
/** Longest provider message id kept (Twilio's SIDs are 34 characters). */
export const MAX_SMS_ID = 200;
/** Most media one MMS carries (Twilio: 10). */
export const MAX_SMS_MEDIA = 10;

/** One customer message out of a Twilio webhook. */
export interface TwilioInbound {
  /** E.164 phone of the sender. */
  phone: string;
  /** MessageSid (or the older SmsSid): retried deliveries carry the same one. */
  externalId: string;
  body: string;
}

/** A parameter that is missing or out of bounds, named as Twilio names it. */
export interface TwilioProblem {
  path: string;
  message: string;
}

/**
 * The message of a Twilio webhook's parameters, or the problem with them: From must be a phone
 * number, MessageSid present and short, Body at most MAX_SMS_BODY characters, NumMedia a count
 * up to MAX_SMS_MEDIA. Control characters are dropped from the text; an empty text says how
 * many media came (which are never fetched). Pure.
 */
export function twilioMessage(params: ReadonlyArray<[string, string]>): TwilioInbound | TwilioProblem {
  const field = (name: string) => params.find(([k]) => k === name)?.[1];
  const phone = e164(field('From') ?? '');
  if (!phone) return { path: 'From', message: 'not E.164' };
  const externalId = field('MessageSid') ?? field('SmsSid');
  if (!externalId) return { path: 'MessageSid', message: 'required' };
  if (externalId.length > MAX_SMS_ID)
    return { path: 'MessageSid', message: `at most ${MAX_SMS_ID} characters` };
  const text = cleanText(field('Body') ?? '');
  if (text.length > MAX_SMS_BODY) return { path: 'Body', message: `at most ${MAX_SMS_BODY} characters` };
  const numMedia = field('NumMedia') ?? '0';
  if (!/^\d{1,2}$/.test(numMedia) || Number(numMedia) > MAX_SMS_MEDIA) {
    return { path: 'NumMedia', message: `a count from 0 to ${MAX_SMS_MEDIA}` };
  }
  const media = Number(numMedia);
  return {
    phone,
    externalId,
    body: text.trim() || (media > 0 ? `[${media} media]` : '[empty]'),
  };
}
