import type { Locale } from '@caseflow/schema';

/*
 * Canned responses' part of the Store (Store['responses']). A deployment holds a few hundred at
 * most (the commands cap them), so `list` answers all of them and callers filter by access.
 * Both sides pass store/contract/responses.contract.ts.
 */

export interface ResponseRow {
  id: string;
  title: string;
  /** Text with `{{FEEL}}` placeholders. */
  body: string;
  /** Groups whose agents may use it; empty: every agent. */
  groups: string[];
  locale: Locale;
  createdAt: number;
  createdBy: string | null;
  updatedAt: number;
  updatedBy: string | null;
}

export type ResponsePatch = Partial<
  Pick<ResponseRow, 'title' | 'body' | 'groups' | 'locale' | 'updatedAt' | 'updatedBy'>
>;

export interface ResponseStore {
  create(row: ResponseRow): Promise<ResponseRow>;
  get(id: string): Promise<ResponseRow | null>;
  /** Every response, by title then id. */
  list(): Promise<ResponseRow[]>;
  count(): Promise<number>;
  update(id: string, patch: ResponsePatch): Promise<ResponseRow | null>;
  /** Answers whether a row was deleted. */
  delete(id: string): Promise<boolean>;
}
