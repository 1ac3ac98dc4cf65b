import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/api/health', (c) => c.json({ status: 'ok', db: 'sqlite' }));
const port = Number(process.env.PORT ?? 3000);
serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' });
console.log(`caseflow runtime listening on http://localhost:${port}`);
