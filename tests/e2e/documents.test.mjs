// The data dictionary: its Markdown's neighbourhood diagrams render in Mermaid itself; its HTML
// file, downloaded and opened from disk, holds no script, describes every table, and axe-core
// finds no violation in it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { renderWithMermaid } from './support/mermaid.mjs';
import { useStudioSession } from './support/session.mjs';
import { corpusFile, importSql, openStudio, showPanel } from './support/studio.mjs';

const session = useStudioSession();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function exported(page, tab) {
  await showPanel(page, 'export');
  await page.locator(tab).click();
  await page.locator('#export-text[data-state="current"]').waitFor();
  return page.locator('#export-text').inputValue();
}

test('the data dictionary in Markdown: a section per table, each neighbourhood rendered by Mermaid', async () => {
  const { page, url, browser } = session;
  await openStudio(page, url);
  await importSql(page, corpusFile('my_sakila-schema.sql'));
  const markdown = await exported(page, '#export-dictionary');
  assert.match(markdown, /^# Data dictionary: /);
  assert.match(markdown, /\n## film\\_actor\n/);
  assert.match(markdown, /\n\| actor\\_id \| `int unsigned` \| {2}\| no \| PK, FK \| actor\.actor\\_id \| {2}\| internal \|/);
  assert.match(markdown, /\n\| email \| `varchar\(50\)` \| `NULL` \| yes \| {2}\| {2}\| {2}\| confidential \(email\) \|/);
  const diagrams = [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((found) => found[1]);
  assert.equal(diagrams.length, 16, 'one neighbourhood per table');
  const rendered = await renderWithMermaid(browser, url, ...diagrams);
  assert.ok(rendered[0].includes('actor'), 'the rendered diagram names the tables');
});

test('the data dictionary as HTML opens from disk without script and passes axe-core', async () => {
  const { page, url, browser } = session;
  await openStudio(page, url);
  await importSql(page, corpusFile('pg_pagila-schema.sql'));
  await exported(page, '#export-dictionary-html');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-download').click()]);
  assert.equal(download.suggestedFilename(), 'relvar-dictionary.html');
  const html = await readFile(await download.path(), 'utf8');
  const folder = await mkdtemp(join(tmpdir(), 'relvar-dictionary-'));
  const file = join(folder, 'relvar-dictionary.html');
  await writeFile(file, html);
  const opened = await browser.context.newPage();
  try {
    await opened.goto(pathToFileURL(file).href);
    assert.match(await opened.title(), /^Data dictionary: /);
    assert.equal(await opened.locator('script').count(), 0);
    assert.equal(await opened.locator('main section').count(), 71);
    assert.equal(await opened.locator('section svg[role="img"]').count(), 71, 'each neighbourhood drawn');
    await opened.evaluate(axeSource);
    const results = await opened.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const violations = results.violations.map(
      (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`,
    );
    assert.deepEqual(violations, []);
  } finally {
    await opened.close();
  }
});
