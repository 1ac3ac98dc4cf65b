import type { MessagingChannel } from '@caseflow/schema';

/*
 * WhatsApp and SMS accounts' part of the Store (Store['messaging']): one row per channel.
 * Secrets are sealed (connections/secret-box.ts) before they reach the store.
 */

export interface MessagingAccountRow {
  channel: MessagingChannel;
  connection: string;
  sender: string;
  webhookUrl: string | null;
  /** Sealed webhook signing secret. */
  secret: string;
  /** Sealed verify token (WhatsApp), or null. */
  verifyToken: string | null;
  updatedAt: number;
  updatedBy: string | null;
}

export interface MessagingStore {
  getAccount(channel: MessagingChannel): Promise<MessagingAccountRow | null>;
  /** By channel. */
  listAccounts(): Promise<MessagingAccountRow[]>;
  /** Inserts or replaces the channel's row. */
  putAccount(row: MessagingAccountRow): Promise<MessagingAccountRow>;
}
