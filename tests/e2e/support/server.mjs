// Serves dist/ on 127.0.0.1 the way Cloudflare Pages would, applying the rules in dist/_headers,
// so the app runs under its real Content-Security-Policy. Test-only pages live under /__test__/.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const DIST = join(ROOT, 'dist');
const TEST_FILES = {
  '/__test__/blank.html': { path: null, body: '<!doctype html><link rel="icon" href="data:,"><title>blank</title><body></body>' },
  '/__test__/mermaid.min.js': { path: join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js') },
};
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Parses Cloudflare's _headers format into [{ pattern: RegExp, headers: [[name, value]] }]. */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp('^' + line.trim().split('*').map(escapeRegExp).join('.*') + '$');
      rules.push({ pattern, headers: [] });
    } else if (rules.length > 0) {
      const colon = line.indexOf(':');
      rules.at(-1).headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

function escapeRegExp(text) {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** Starts the server on a free port for the site in `root` (dist/ unless given); resolves to { url, close }. */
export async function serveDist(root = DIST) {
  const rules = parseHeaders(await readFile(join(root, '_headers'), 'utf8'));
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    try {
      const testFile = TEST_FILES[path];
      if (testFile) {
        const body = testFile.path ? await readFile(testFile.path) : testFile.body;
        response.writeHead(200, { 'content-type': TYPES[extname(path)] });
        return response.end(body);
      }
      const file = path === '/' ? 'index.html' : normalize(path).replace(/^\/+/, '');
      if (file.startsWith('..')) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const body = await readFile(join(root, file));
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      for (const rule of rules) {
        if (rule.pattern.test(path)) for (const [name, value] of rule.headers) headers[name.toLowerCase()] = value;
      }
      response.writeHead(200, headers);
      response.end(body);
    } catch (error) {
      response.writeHead(error.code === 'ENOENT' ? 404 : 500, { 'content-type': 'text/plain' });
      response.end(String(error.message));
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => server.close(done)),
  };
}
