/**
 * Serves the built site for the end-to-end tests: `node scripts/serve.ts [dir] [port]`.
 * Astro 7's `astro preview` allows one preview per project, which rules out parallel test
 * runs; this static server (sirv, the one Vite's preview used) has no such limit and behaves
 * like a plain static host (index.html per folder, 404.html for misses).
 */
import { createServer } from 'node:http';
import sirv from 'sirv';
import { cliArgs } from './lib/cli.ts';

const { positionals } = cliArgs('serve', { allowPositionals: true });
const dir = positionals[0] ?? 'dist';
const port = Number(positionals[1] ?? 4321);
const serve = sirv(dir, { dev: false, etag: true });

createServer((req, res) => {
  serve(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    sirv(dir, { dev: false })(Object.assign(req, { url: '/404.html' }), res, () => {
      res.end('Not found');
    });
  });
}).listen(port, '127.0.0.1', () => console.log(`Serving ${dir} on http://127.0.0.1:${port}/`));
