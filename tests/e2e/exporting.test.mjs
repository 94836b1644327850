// Exports: PostgreSQL DDL that re-imports to the same diagram, and Mermaid that Mermaid itself
// parses and renders; both copied to the clipboard and downloaded.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { useStudioSession } from './support/session.mjs';
import { renderWithMermaid } from './support/mermaid.mjs';
import { corpusFile, importSql, openStudio, showPanel } from './support/studio.mjs';

const session = useStudioSession();

async function exported(page, tab) {
  await showPanel(page, 'export');
  await page.locator(tab).click();
  await page.locator('#export-text[data-state="current"]').waitFor();
  return page.locator('#export-text').inputValue();
}

async function copiedAndDownloaded(page, fileName) {
  assert.equal(await page.locator('#export-preview-note').count(), 0, 'the box shows the whole text');
  const text = await page.locator('#export-text').inputValue();
  await page.locator('#export-copy').click();
  await page.locator('#export-status').filter({ hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-download').click()]);
  assert.equal(download.suggestedFilename(), fileName);
  assert.equal(await readFile(await download.path(), 'utf8'), text);
}

test('PostgreSQL DDL has every table and key, copies, downloads, and imports back unchanged', async () => {
  const { page, url } = session;
  const sql = corpusFile('pg_pagila-schema.sql');
  await openStudio(page, url);
  await importSql(page, sql);
  const ddl = await exported(page, '#export-postgres');
  for (const [, name] of sql.matchAll(/^CREATE TABLE public\.(\w+) \(/gm)) assert.ok(ddl.includes(`CREATE TABLE public.${name} (`), name);
  assert.ok(ddl.includes('CONSTRAINT film_actor_pkey PRIMARY KEY (actor_id, film_id)'));
  assert.ok(ddl.includes(
    'CONSTRAINT rental_inventory_id_fkey FOREIGN KEY (inventory_id) REFERENCES public.inventory (inventory_id) ON DELETE RESTRICT ON UPDATE CASCADE',
  ));
  assert.equal(ddl.match(/FOREIGN KEY/g).length, sql.match(/FOREIGN KEY/g).length);
  await copiedAndDownloaded(page, 'relvar-design.postgres.sql');

  const summary = await importSql(page, ddl);
  assert.match(summary, /^71 tables, 37 foreign keys from \d+ statements: .* Read as PostgreSQL \(detected\)\.$/);
  assert.equal(await page.locator('#export-warnings').count(), 0, 'nothing lost exporting a PostgreSQL design to PostgreSQL');
  const withoutComments = (text) => text.split('\n').filter((line) => !line.startsWith('--')).join('\n');
  assert.equal(withoutComments(await exported(page, '#export-postgres')), withoutComments(ddl), 'exporting the re-imported design gives the same DDL');
});

const HOSTILE = `CREATE TABLE customer (id int PRIMARY KEY, "E-mail Address" text, "1st" text, "naïve" text);
CREATE TABLE "order" (id int PRIMARY KEY, customer_id int REFERENCES customer, total numeric(10,2) NOT NULL);
CREATE TABLE audit."Event Log" (at timestamp with time zone, "order%" int NOT NULL UNIQUE REFERENCES "order");`;

test('Mermaid accepts the diagram of tables with names it cannot take bare', async () => {
  const { page, url, browser } = session;
  await openStudio(page, url);
  await importSql(page, HOSTILE);
  const diagram = await exported(page, '#export-mermaid');
  const [rendered] = await renderWithMermaid(browser, url, diagram);
  for (const name of ['audit.Event Log', 'customer', 'order']) assert.ok(rendered.includes(name), name);
});

test('Mermaid erDiagram parses and renders in Mermaid itself', async () => {
  const { page, url, browser } = session;
  await openStudio(page, url);
  await importSql(page, corpusFile('pg_pagila-schema.sql'));
  const diagram = await exported(page, '#export-mermaid');
  assert.match(diagram, /^erDiagram\n/);
  assert.match(diagram, /\n {4}film_actor \{\n {8}integer actor_id PK, FK\n/);
  assert.match(diagram, /\n {4}actor \|\|--o\{ film_actor : "film_actor_actor_id_fkey"\n/);
  assert.equal(diagram.match(/ : "/g).length, 37);
  await copiedAndDownloaded(page, 'relvar-design.mmd');

  const [rendered] = await renderWithMermaid(browser, url, diagram);
  assert.ok(rendered.includes('film_actor'), 'the rendered diagram names the tables');
});

test('a big export shows its first 2,000 lines; Copy and Download give all of it', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  const tables = Array.from({ length: 400 }, (_, index) => `CREATE TABLE t${index} (id bigint PRIMARY KEY, name text NOT NULL, note text);`);
  await importSql(page, tables.join('\n'));
  const shown = await exported(page, '#export-postgres');
  assert.equal(shown.split('\n').length - 1, 2000, 'the box holds 2,000 whole lines');
  const note = await page.locator('#export-preview-note').textContent();
  const total = Number(note.match(/of (\d+) lines/)?.[1]);
  assert.ok(total > 2000, note);
  await page.locator('#export-copy').click();
  await page.locator('#export-status').filter({ hasText: 'Copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith(shown), 'the copy begins with what the box shows');
  const pieces = copied.split('\n');
  assert.equal(copied.endsWith('\n') ? pieces.length - 1 : pieces.length, total, 'the note counts the lines of the whole text');
  assert.match(copied, /CREATE TABLE (public\.)?t399 \(/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-download').click()]);
  assert.equal(await readFile(await download.path(), 'utf8'), copied);
});
