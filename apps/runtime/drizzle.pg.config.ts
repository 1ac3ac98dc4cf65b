import { defineConfig } from 'drizzle-kit';

/** drizzle-kit config for the PostgreSQL migrations (`npx drizzle-kit generate --config drizzle.pg.config.ts`). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/pg/schema*.ts',
  out: './drizzle/pg',
});
