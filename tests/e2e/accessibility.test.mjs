// Accessibility: axe-core finds no serious or critical violation in the studio with a design
// open and a table selected, in both themes, with each side panel, a focus view and the command
// palette shown; panels are reachable by keyboard.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { useStudioSession } from './support/session.mjs';
import { clickTable, corpusFile, importSql, openStudio, showPanel } from './support/studio.mjs';

const session = useStudioSession();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((violation) => ['serious', 'critical'].includes(violation.impact))
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
}

for (const theme of ['light', 'dark']) {
  test(`axe-core: no serious or critical violation with a design open and a table selected (${theme})`, async () => {
    const { page, url } = session;
    await openStudio(page, url);
    await importSql(page, corpusFile('pg_pagila-schema.sql'));
    await page.locator('#theme').selectOption(theme);
    await clickTable(page, 'public.film');
    await page.locator('#table-name').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await page.keyboard.press('Shift+?');
    await page.locator('#shortcut-sheet').waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'with the shortcut sheet open');
    await page.keyboard.press('Escape');
    await page.locator('#shortcut-sheet').waitFor({ state: 'detached' });
    // Each side panel, and the canvas showing a focus view.
    const panels = await page.locator('.activity-tab').evaluateAll((tabs) => tabs.map((tab) => tab.id.replace(/^tab-/, '')));
    for (const panel of panels) {
      await showPanel(page, panel);
      assert.deepEqual(await seriousViolations(page), [], `with the ${panel} panel open`);
    }
    await page.locator('#canvas').focus();
    await page.keyboard.press('v');
    await page.locator('#view-bar').waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'in a focus view');
    await page.keyboard.press('Control+k');
    await page.locator('#command-palette').waitFor();
    await page.keyboard.type('focus');
    assert.deepEqual(await seriousViolations(page), [], 'with the command palette open');
  });
}

test('the toolbar, the inspector and the canvas are reachable with Tab', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, corpusFile('pg_pagila-schema.sql'));
  await clickTable(page, 'public.film');
  await page.locator('#undo').focus();
  const reached = new Set();
  for (let press = 0; press < 600 && reached.size < 5; press += 1) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.id ?? '');
    if (['undo', 'add-table', 'table-name', 'canvas', 'search'].includes(id)) reached.add(id);
  }
  for (const id of ['add-table', 'table-name', 'canvas', 'search']) assert.ok(reached.has(id), `${id} reachable by Tab: ${[...reached]}`);
});
