/**
 * The floor for the HTTP benchmark: a plain node:http server on postgres.js that answers each
 * screen's address by sending the statements the app's page sends for it (recorded by
 * bench/http.ts through the app's own query functions, waves and all) and writing their rows as
 * JSON. No framework, no rendering: what the database and the driver cost.
 *
 * `tsx bench/floor-server.ts <statements.json> <port>` (started and stopped by `npm run bench -- --http …`).
 */
import fs from 'node:fs';
import http from 'node:http';
import postgres from 'postgres';
import type { Recording } from './screens';

interface FloorRoutes {
  /** exact paths, e.g. "/queues" */
  fixed: Record<string, Recording>;
  /** "/cases/<id>" by id */
  cases: Record<string, Recording>;
}

async function main() {
  const [file, port] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!file || !port || !url) throw new Error('usage: DATABASE_URL=… tsx bench/floor-server.ts <statements.json> <port>');
  const routes = JSON.parse(fs.readFileSync(file, 'utf8')) as FloorRoutes;
  const sql = postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE || 10), onnotice: () => {} });
  const run = async (recording: Recording) => {
    const rows: unknown[] = [];
    for (const wave of recording) {
      const results = await Promise.all(
        wave.map(async (statements) => {
          const out: unknown[] = [];
          for (const s of statements) out.push(await sql.unsafe(s.sql, s.params as never[]));
          return out;
        }),
      );
      rows.push(results);
    }
    return rows;
  };
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const recording = routes.fixed[path] ?? (path.startsWith('/cases/') ? routes.cases[path.slice('/cases/'.length)] : undefined);
    if (!recording) {
      res.writeHead(404).end();
      return;
    }
    run(recording).then(
      (rows) => {
        const body = JSON.stringify(rows);
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }).end(body);
      },
      (e: Error) => {
        res.writeHead(500).end(e.message);
      },
    );
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(port), '127.0.0.1', () => console.log(`floor listening on ${port}`));
  const stop = () => server.close(() => sql.end().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(`floor server failed: ${(e as Error).message}`);
  process.exit(1);
});
