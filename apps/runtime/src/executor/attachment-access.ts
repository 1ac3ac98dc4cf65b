import { isCustomerOnly } from '../auth/roles';
import type { AttachmentFile } from '../store/channel-store';
import type { Store, UserRow } from '../store/store';
import { isOwnRequest } from './customer-case';
import { notFound } from './errors';

/**
 * The file `user` asked for, checked like its case: staff read any case's files; a customer
 * only the files of public messages on their own top-level cases. Everything else is 404, so
 * an id confirms nothing.
 */
export async function readAttachment(store: Store, user: UserRow, id: string): Promise<AttachmentFile> {
  const file = await store.channels.attachment(id);
  if (!file) throw notFound('attachment', id);
  if (isCustomerOnly(user)) {
    const [kase, message] = await Promise.all([
      store.cases.get(file.caseId),
      store.channels.message(file.messageId),
    ]);
    if (!isOwnRequest(user.customerId, kase) || !message || message.visibility !== 'public')
      throw notFound('attachment', id);
  }
  return file;
}
