// The site loads under its Content-Security-Policy, with nothing but 127.0.0.1, within budget.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import { ROOT, serveDist } from './support/server.mjs';
import { useStudioSession } from './support/session.mjs';
import { AUTHORS_AND_BOOKS, importSql, openStudio, table } from './support/studio.mjs';

const session = useStudioSession();
const BUDGET_GZIP_BYTES = 1.5 * 1024 * 1024;

test('the studio starts under a CSP without unsafe-inline', async () => {
  const { page, url } = session;
  const response = await openStudio(page, url);
  const policy = response.headers()['content-security-policy'];
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(policy, /unsafe-inline/);
  assert.equal(response.headers()['x-content-type-options'], 'nosniff');
  assert.equal(await page.locator('.canvas-empty').isVisible(), true);
  assert.equal(await page.title(), 'Relvar: database design studio');
});

test('the first load transfers less than 1.5 MB gzip', async () => {
  const { page, url } = session;
  const bodies = [];
  page.on('response', async (response) => bodies.push(response.body().then((body) => [response.url(), body])));
  await openStudio(page, url);
  await page.waitForLoadState('networkidle');
  const loaded = await Promise.all(bodies);
  const gzipBytes = loaded.reduce((sum, [, body]) => sum + gzipSync(body, { level: 9 }).length, 0);
  assert.ok(loaded.some(([address]) => address.endsWith('.wasm')), 'the wasm module was fetched');
  assert.ok(gzipBytes < BUDGET_GZIP_BYTES, `first load is ${gzipBytes} bytes gzip`);
});

test('dist/ alone is the whole site: copied elsewhere and served with its _headers, it runs', async () => {
  const { browser } = session;
  const site = await mkdtemp(join(tmpdir(), 'relvar-pages-'));
  await cp(join(ROOT, 'dist'), site, { recursive: true });
  const files = await readdir(site);
  assert.ok(files.includes('_headers') && files.includes('index.html') && files.includes('favicon.svg'), files.join(', '));
  const pages = await serveDist(site);
  const page = await browser.context.newPage();
  try {
    const response = await openStudio(page, pages.url);
    assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
    await importSql(page, AUTHORS_AND_BOOKS);
    await table(page, 'book').waitFor();
    await page.reload();
    await table(page, 'book').waitFor();
  } finally {
    await page.close();
    await pages.close();
    await rm(site, { recursive: true, force: true });
  }
});
