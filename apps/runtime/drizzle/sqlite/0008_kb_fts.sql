-- The knowledge base's full-text index (rowid = kb_docs.id plus the locale, audience and kind
-- bits of store/sqlite/fts-rowid.ts). Columns hold terms the runtime's analyser made (stemmed,
-- accent-folded), so the tokenizer only splits on spaces. Contentless: kb_docs keeps the text;
-- prefix indexes make "bloq*" as cheap as a term.
CREATE VIRTUAL TABLE `kb_fts` USING fts5(title, tags, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='2 3 4');
