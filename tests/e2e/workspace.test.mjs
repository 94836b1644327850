// The workspace: the activity bar's panels, the side column's width, the Tables panel, no
// sideways scrolling at 1280x720; dialogs close on Escape, keep the focus inside and give it
// back; pasted DDL names the design it fills, unless the person named it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useStudioSession } from './support/session.mjs';
import { bigPostgresSchema } from '../bench/support/big-schema.mjs';
import { AUTHORS_AND_BOOKS, importSql, openStudio, showPanel } from './support/studio.mjs';

const session = useStudioSession();

const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');
const openName = (page) => page.locator('.design-row[data-open="true"] .design-open').textContent();

async function openDesigns(page) {
  await page.locator('#designs').click();
  await page.locator('#designs-dialog').waitFor();
}

test('Escape closes the Designs dialog and the shortcut sheet; Tab stays inside; the focus goes back', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, AUTHORS_AND_BOOKS);
  await page.locator('#designs').focus();
  await openDesigns(page);
  assert.ok(await page.locator('#designs-dialog').evaluate((dialog) => dialog.contains(document.activeElement)), 'the focus moved in');
  // Tab and Shift+Tab go round inside the dialog, never to the page behind it.
  const seen = new Set();
  for (let step = 0; step < 30; step++) {
    await page.keyboard.press(step < 15 ? 'Tab' : 'Shift+Tab');
    assert.ok(await page.locator('#designs-dialog').evaluate((dialog) => dialog.contains(document.activeElement)), `Tab ${step} stays inside`);
    seen.add(await focusedId(page) || await page.evaluate(() => document.activeElement.textContent));
  }
  assert.ok(seen.has('designs-close'), 'Tab reaches the Close button');
  // Keys inside the dialog are the dialog's: Delete and Ctrl+Z do not edit the design behind it.
  await page.keyboard.press('Control+z');
  assert.match(await page.locator('#design-stats').textContent(), /^2 tables/);
  await page.keyboard.press('Escape');
  await page.locator('#designs-dialog').waitFor({ state: 'detached' });
  assert.equal(await focusedId(page), 'designs', 'the focus is back on the button that opened it');

  await page.locator('#shortcuts').click();
  await page.locator('#shortcut-sheet').waitFor();
  assert.equal(await focusedId(page), 'shortcut-close');
  await page.keyboard.press('Escape');
  await page.locator('#shortcut-sheet').waitFor({ state: 'detached' });
  assert.equal(await focusedId(page), 'shortcuts');
});

test('pasted DDL names an untitled design after its database, schema or tables; a name given stays', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, '-- MySQL dump 10.13\n--\n-- Host: localhost    Database: shop_7\n-- ------\nCREATE TABLE item (id int PRIMARY KEY);\n');
  await openDesigns(page);
  assert.match(await openName(page), /^shop_7 \(/);
  await page.keyboard.press('Escape');

  // A new untitled design, filled from plain DDL: named after its tables.
  await openDesigns(page);
  await page.locator('.template[data-template="blank"]').click();
  await page.locator('#designs-dialog').waitFor({ state: 'detached' });
  await importSql(page, AUTHORS_AND_BOOKS);
  await openDesigns(page);
  assert.match(await openName(page), /^author, book \(/);

  // Renamed by the person, the design keeps its name when DDL is pasted into it. A change to the
  // list while a name is being typed (an autosave landing, a design duplicated) leaves the name
  // field open with what was typed.
  const row = page.locator('.design-row[data-open="true"]');
  await row.locator('.design-rename').click();
  await row.locator('.design-duplicate').click();
  await page.locator('.design-row').nth(2).waitFor();
  await row.locator('.design-name').fill('Lib');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('relvar.designs') ?? '[]').some((entry) => entry.tables === 2));
  await row.locator('.design-name').press('End');
  await row.locator('.design-name').pressSequentially('rary');
  await row.locator('.design-name').press('Enter');
  await page.locator('.design-open', { hasText: /^Library/ }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('#designs-dialog').waitFor({ state: 'detached' });
  await importSql(page, 'CREATE TABLE shelf (id int PRIMARY KEY);');
  await openDesigns(page);
  assert.match(await openName(page), /^Library \(/);
  await page.keyboard.press('Escape');
  assert.match(await page.locator('#design-stats').textContent(), /^1 tables?/, 'the paste did fill it');
});

test('the activity bar opens one panel at a time; the choice and the side column\'s width survive a reload', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, AUTHORS_AND_BOOKS);
  const tabs = await page.locator('.activity-tab').evaluateAll((buttons) => buttons.map((button) => button.id));
  assert.deepEqual(tabs, ['tab-tables', 'tab-views', 'tab-review', 'tab-workload', 'tab-normalize', 'tab-enums', 'tab-decisions', 'tab-versions', 'tab-import', 'tab-export']);
  for (const id of ['review', 'tables', 'export', 'workload']) {
    await page.locator(`#tab-${id}`).click();
    assert.deepEqual(await page.locator('.panel-host:not([hidden])').evaluateAll((hosts) => hosts.map((host) => host.id)), [`panel-${id}`]);
    assert.equal(await page.locator(`#tab-${id}`).getAttribute('aria-selected'), 'true');
  }
  // The arrow keys move between the tabs, and do not nudge the selected table.
  await page.locator('#tab-workload').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#tab-normalize').getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-normalize');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.locator('#tab-review').getAttribute('aria-selected'), 'true');
  // What was typed in a panel stays when another is shown.
  await showPanel(page, 'workload');
  await page.locator('#workload-input').fill('SELECT * FROM book WHERE author_id = 1');
  await showPanel(page, 'tables');
  await showPanel(page, 'workload');
  assert.equal(await page.locator('#workload-input').inputValue(), 'SELECT * FROM book WHERE author_id = 1');
  // The side column's edge: dragged, and by the arrow keys.
  const width = () => page.locator('.sidebar').evaluate((side) => side.getBoundingClientRect().width);
  const before = await width();
  const edge = await page.locator('#side-edge').boundingBox();
  await page.mouse.move(edge.x + 3, edge.y + 200);
  await page.mouse.down();
  await page.mouse.move(edge.x + 103, edge.y + 200, { steps: 5 });
  await page.mouse.up();
  assert.ok(Math.abs(await width() - (before + 100)) <= 2, `dragged from ${before} to ${await width()}`);
  await page.locator('#side-edge').focus();
  await page.keyboard.press('ArrowLeft');
  assert.ok(Math.abs(await width() - (before + 80)) <= 2);
  const kept = await width();
  await page.reload();
  await page.locator('#tab-workload[aria-selected="true"]').waitFor();
  assert.equal(await width(), kept);
});

test('the Tables panel lists every table; filter, sort, and a click selects the table and shows it', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, bigPostgresSchema(139).sql);
  await showPanel(page, 'tables');
  assert.equal(await page.locator('#tables-summary').textContent(), '139 tables');
  assert.equal(await page.locator('.tables-row').count(), 139);
  const names = await page.locator('.table-pick').allTextContents();
  assert.deepEqual(names, [...names].sort((a, b) => a.split('.').at(-1).localeCompare(b.split('.').at(-1))), 'by name');
  // Sorted by relationships, the counts come down.
  await page.locator('#tables-sort').selectOption('relationships');
  const counts = await page.locator('.tables-row td:nth-child(3)').allTextContents();
  assert.deepEqual(counts.map(Number), counts.map(Number).sort((a, b) => b - a));
  // Filtered by a column's name.
  await page.locator('#tables-filter').fill(names[5].split('.').at(-1));
  const filtered = await page.locator('.table-pick').allTextContents();
  assert.ok(filtered.length >= 1 && filtered.length < 139, filtered.join(' '));
  assert.match(await page.locator('#tables-summary').textContent(), /^\d+ of 139 tables match/);
  await page.locator('.table-pick').first().click();
  await page.locator('#table-name').waitFor();
  assert.equal(await page.locator('#table-name').inputValue(), filtered[0].split('.').at(-1));
  assert.match(await page.locator('.tables-row').first().getAttribute('class'), /selected/);
  // Hidden, the list waits; shown again, it holds the edits made meanwhile.
  await page.locator('#tables-filter').fill('');
  await page.locator('#tables-sort').selectOption('name');
  await showPanel(page, 'review');
  await page.locator('#add-table').click();
  await page.locator('#table-name').fill('aaa_added_while_hidden');
  await page.locator('#table-name').press('Enter');
  await showPanel(page, 'tables');
  assert.equal(await page.locator('#tables-summary').textContent(), '140 tables');
  assert.equal(await page.locator('.table-pick').first().textContent(), 'aaa_added_while_hidden');
});

test('at 1280x720 with a 139-table design nothing scrolls sideways', async () => {
  const { page, url } = session;
  await page.setViewportSize({ width: 1280, height: 720 });
  await openStudio(page, url);
  await importSql(page, bigPostgresSchema(139).sql);
  for (const id of ['tables', 'views', 'review', 'import', 'export', 'normalize', 'enums']) {
    await showPanel(page, id);
    const overflowing = await page.evaluate(() => [document.documentElement, document.body, ...document.querySelectorAll('.toolbar, .sidebar, .activity-bar')]
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${element.className || element.tagName} ${element.scrollWidth} > ${element.clientWidth}`));
    assert.deepEqual(overflowing, [], `with ${id} open`);
  }
});

test('an empty studio offers three starts: paste DDL, open a file, a template', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await showPanel(page, 'tables');
  await page.locator('#empty-starts').waitFor();
  await page.locator('#start-paste').click();
  assert.equal(await page.locator('#tab-import').getAttribute('aria-selected'), 'true');
  // The box takes the focus in the frame after its panel is shown.
  await page.waitForFunction(() => document.activeElement?.id === 'import-text', null, { timeout: 2000 });
  await showPanel(page, 'review');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#start-file').click()]);
  assert.ok(chooser.isMultiple(), 'the import panel\'s file picker');
  assert.equal(await page.locator('#tab-import').getAttribute('aria-selected'), 'true');
  await page.locator('#start-template').click();
  await page.locator('#designs-dialog #template-list').waitFor();
  await page.locator('.template[data-template="blog"]').click();
  await page.locator('#empty-starts').waitFor({ state: 'detached' });
});

test('enums are a compact list, filtered by name, with an editor for the one chosen', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  const enums = Array.from({ length: 43 }, (_, i) => `CREATE TYPE kind_${i} AS ENUM ('a${i}', 'b${i}', 'c');`);
  await importSql(page, `${enums.join('\n')}\nCREATE TABLE thing (id int PRIMARY KEY, kind kind_7 NOT NULL, other kind_7);\n`);
  await showPanel(page, 'enums');
  assert.equal(await page.locator('#enums-summary').textContent(), '43 enums');
  assert.equal(await page.locator('.enum-row').count(), 43);
  assert.equal(await page.locator('#panel-enums textarea').count(), 0, 'no editor until one is chosen');
  assert.equal(await page.locator('.enum-row[data-enum="kind_7"] .status').textContent(), '3 values · 2 columns');
  await page.locator('#enums-filter').fill('KIND_1');
  assert.equal(await page.locator('#enums-summary').textContent(), '11 of 43 enums');
  await page.locator('#enums-filter').fill('kind_7');
  await page.locator('.enum-row[data-enum="kind_7"] .enum-pick').click();
  assert.equal(await page.locator('#enum-values').inputValue(), 'a7\nb7\nc');
  assert.equal(await page.locator('#enum-users').textContent(), 'Used by thing.kind, thing.other');
  // Renamed, the editor follows it and the columns use the new name.
  await page.locator('#enum-name').fill('thing_kind');
  await page.locator('#enum-name').press('Enter');
  await page.locator('#enums-filter').fill('');
  await page.locator('.enum-row[data-enum="thing_kind"] .enum-pick[aria-pressed="true"]').waitFor();
  assert.equal(await page.locator('#enum-users').textContent(), 'Used by thing.kind, thing.other');
  // In use, it cannot be deleted, and says why; a new one is chosen at once.
  await page.locator('#enum-delete').click();
  assert.match(await page.locator('#refusal').textContent(), /thing_kind/);
  await page.locator('#add-enum').click();
  await page.locator('.enum-row[data-enum="status_44"] .enum-pick[aria-pressed="true"]').waitFor();
  await page.locator('#enum-delete').click();
  await page.locator('.enum-row[data-enum="status_44"]').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#enum-editor').count(), 0);
});

test('on a wide window the inspector has its own column at the right; selecting never narrows the canvas', async () => {
  const { page, url } = session;
  await page.setViewportSize({ width: 1680, height: 1000 });
  await openStudio(page, url);
  await importSql(page, AUTHORS_AND_BOOKS);
  const column = page.locator('.inspector-column #inspector');
  await column.waitFor();
  const canvas = () => page.locator('#canvas').boundingBox();
  const before = await canvas();
  const side = await page.locator('.inspector-column').boundingBox();
  assert.ok(side.x >= before.x + before.width - 1, 'right of the canvas');
  await page.locator('#canvas g.table[data-table-name="book"] .table-header').click();
  await page.locator('.inspector-column #table-name').waitFor();
  assert.deepEqual(await canvas(), before, 'the canvas keeps its size');
  assert.equal(await page.locator('.sidebar #inspector').count(), 0);
  // Narrower, it goes back to the top of the side column, still editing the selection.
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.locator('.sidebar #table-name').waitFor();
  assert.equal(await page.locator('.inspector-column').count(), 0);
});
