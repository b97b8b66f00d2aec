/**
 * The framework's floor for bench/public-read.ts: a minimal Fastify + pg server answering one
 * indexed row (`GET /row/:id` → the plan's id and title by primary key) as JSON, with a pool of
 * the app's size (10). Run as its own process: DATABASE_URL, PORT.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
app.get<{ Params: { id: string } }>('/row/:id', async (req) => {
  const { rows } = await pool.query({ name: 'row', text: 'select id, title from plans where id = $1', values: [Number(req.params.id)] });
  return rows[0];
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
console.log('floor listening');
