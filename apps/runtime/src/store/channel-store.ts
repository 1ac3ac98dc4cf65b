import type { Channel } from '@caseflow/schema';
import type { CustomerRow, MessageRow } from './store';

/** A stored file of a message, without its bytes. */
export interface AttachmentRow {
  id: string;
  messageId: string;
  caseId: string;
  /** Already safe to show (safeFileName). */
  name: string;
  contentType: string;
  size: number;
  createdAt: number;
}
/** A stored file with its bytes. */
export interface AttachmentFile extends AttachmentRow {
  data: Buffer;
}

/** Attachments and the look-ups inbound channels need (DESIGN §10). Both dialects implement it. */
export interface ChannelStore {
  /** Throws StoreConflict on a taken id. */
  insertAttachment(file: AttachmentFile): Promise<AttachmentRow>;
  /** The file with its bytes, or null. */
  attachment(id: string): Promise<AttachmentFile | null>;
  /** The files of these messages (no bytes), by message, then creation, then id. */
  attachmentsOf(messageIds: readonly string[]): Promise<AttachmentRow[]>;
  /** One message by id, or null. */
  message(id: string): Promise<MessageRow | null>;
  /** The message a channel already delivered with this id, or null (deliveries are at least once). */
  messageByExternalId(channel: Channel, externalId: string): Promise<MessageRow | null>;
  /** The newest public message the customer sent on the case (it names the channel to answer on). */
  lastInbound(caseId: string): Promise<MessageRow | null>;
  /**
   * The customer an address belongs to: the oldest customer whose e-mail (any case) or phone
   * (as given, already normalised by the caller) is `address`; null when none.
   */
  customerByAddress(kind: 'email' | 'phone', address: string): Promise<CustomerRow | null>;
  /** The id of the case with this readable number, or null. */
  caseIdByNumber(number: number): Promise<string | null>;
}
