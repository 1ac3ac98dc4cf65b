import { defineConfig } from 'drizzle-kit';

/** drizzle-kit config for the SQLite migrations (`npx drizzle-kit generate --config drizzle.sqlite.config.ts`). */
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/store/sqlite/schema*.ts',
  out: './drizzle/sqlite',
});
