// Reading the diagram: selecting (click, Shift/Ctrl click, box, Ctrl+A), moving a selection,
// nudging, fitting, searching, collapsing, the minimap, Space-drag panning, the shortcut sheet,
// themes, and drawing only what is in view on a big design.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useStudioSession } from './support/session.mjs';
import {
  centreOf, clickTable, corpusFile, showTable, drag, emptyCanvasPoint, importSql, openStudio, table, tableCorner, viewportTransform,
} from './support/studio.mjs';

const session = useStudioSession();

async function openPagila(page, url) {
  await openStudio(page, url);
  await importSql(page, corpusFile('pg_pagila-schema.sql'));
}

const selectedNames = (page) => page.locator('#canvas g.table.selected').evaluateAll((groups) => groups.map((group) => group.dataset.tableName).sort());

test('Shift-drag selects the tables in a box; dragging one moves them all as one undoable edit', async () => {
  const { page, url } = session;
  await openPagila(page, url);
  const actor = await table(page, 'public.actor').locator('.table-body').boundingBox();
  const category = await table(page, 'public.category').locator('.table-body').boundingBox();
  const left = Math.min(actor.x, category.x) - 8;
  const top = Math.min(actor.y, category.y) - 8;
  const right = Math.max(actor.x + actor.width, category.x + category.width) + 8;
  const bottom = Math.max(actor.y + actor.height, category.y + category.height) + 8;
  await drag(page, { x: left, y: top }, { x: right, y: bottom }, { modifiers: ['Shift'] });
  const selected = await selectedNames(page);
  assert.ok(selected.includes('public.actor') && selected.includes('public.category'), selected.join());
  const before = await Promise.all(selected.map((name) => tableCorner(page, name)));
  const grab = await centreOf(table(page, 'public.actor').locator('.table-header'));
  await drag(page, grab, { x: grab.x + 70, y: grab.y + 30 });
  const after = await Promise.all(selected.map((name) => tableCorner(page, name)));
  after.forEach((corner, index) => {
    assert.ok(Math.abs(corner.x - before[index].x - 70) < 1.5 && Math.abs(corner.y - before[index].y - 30) < 1.5, selected[index]);
  });
  await page.keyboard.press('Control+Z');
  const undone = await Promise.all(selected.map((name) => tableCorner(page, name)));
  undone.forEach((corner, index) => assert.ok(Math.abs(corner.x - before[index].x) < 0.5, 'one undo for the whole move'));
});

test('Shift/Ctrl click add to the selection, Esc clears it, Ctrl+A selects all, arrows nudge', async () => {
  const { page, url } = session;
  await openPagila(page, url);
  await clickTable(page, 'public.actor');
  await clickTable(page, 'public.film', ['Shift']);
  await clickTable(page, 'public.staff', ['Control']);
  assert.deepEqual(await selectedNames(page), ['public.actor', 'public.film', 'public.staff']);
  await clickTable(page, 'public.film', ['Shift']);
  assert.deepEqual(await selectedNames(page), ['public.actor', 'public.staff']);
  const before = await tableCorner(page, 'public.actor');
  const scale = Number((await viewportTransform(page)).match(/scale\(([\d.]+)\)/)[1]);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  const after = await tableCorner(page, 'public.actor');
  assert.ok(Math.abs(after.x - before.x - 10 * scale) < 0.6 && Math.abs(after.y - before.y - 50 * scale) < 0.6, JSON.stringify({ before, after, scale }));
  await page.keyboard.press('Escape');
  assert.deepEqual(await selectedNames(page), []);
  await page.keyboard.press('Control+A');
  assert.equal((await selectedNames(page)).length, await page.locator('#canvas g.table').count());
  assert.match(await page.locator('#selection-summary').textContent(), /tables selected/);
});

test('F fits the design after panning and zooming; search jumps to a table and selects it', async () => {
  const { page, url } = session;
  await openPagila(page, url);
  const fitted = await viewportTransform(page);
  const start = await emptyCanvasPoint(page);
  await drag(page, start, { x: start.x + 300, y: start.y + 200 });
  await page.mouse.wheel(0, 600);
  assert.notEqual(await viewportTransform(page), fitted);
  await page.locator('#canvas').focus();
  await page.keyboard.press('f');
  assert.equal(await viewportTransform(page), fitted);
  await page.locator('#search').fill('rental_dat');
  await page.locator('#search-results button', { hasText: 'rental.rental_date' }).click();
  assert.deepEqual(await selectedNames(page), ['public.rental']);
  const canvas = await page.locator('#canvas').boundingBox();
  const found = await centreOf(table(page, 'public.rental').locator('.table-body'));
  assert.ok(Math.abs(found.x - (canvas.x + canvas.width / 2)) < 2 && Math.abs(found.y - (canvas.y + canvas.height / 2)) < 2, 'centred');
  assert.match(await page.locator('#zoom-level').textContent(), /^(8\d|9\d|1\d\d)%$/, 'zoomed in enough to read');
});

test('while the view pans the drawn picture moves as it is, and is drawn again for the new view on release', async () => {
  const { page, url } = session;
  await openPagila(page, url);
  const drawnBefore = await viewportTransform(page);
  const cornerBefore = await tableCorner(page, 'public.film');
  await table(page, 'public.film').evaluate((group) => { group.__seenBefore = true; });
  const start = await emptyCanvasPoint(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 120, start.y + 70, { steps: 6 });
  const picture = await page.locator('.canvas-picture').evaluate((element) => element.style.transform);
  assert.match(picture, /^matrix\(1, 0, 0, 1, 120, 70\)$/, 'the picture is moved by a transform');
  assert.equal(await viewportTransform(page), drawnBefore, 'nothing was drawn again while panning');
  assert.ok(await table(page, 'public.film').evaluate((group) => group.__seenBefore === true), 'the same elements are on screen');
  const cornerDuring = await tableCorner(page, 'public.film');
  assert.ok(Math.abs(cornerDuring.x - cornerBefore.x - 120) < 0.6 && Math.abs(cornerDuring.y - cornerBefore.y - 70) < 0.6, 'the tables follow the pointer');
  await page.mouse.up();
  assert.equal(await page.locator('.canvas-picture').evaluate((element) => element.style.transform), '', 'released, the picture is not moved');
  assert.notEqual(await viewportTransform(page), drawnBefore, 'released, the diagram is drawn for the new view');
  const cornerAfter = await tableCorner(page, 'public.film');
  assert.ok(Math.abs(cornerAfter.x - cornerDuring.x) < 0.01 && Math.abs(cornerAfter.y - cornerDuring.y) < 0.01, 'where the pan left it');
});

test('collapsing a table leaves its key columns; Space-drag pans even over a table', async () => {
  const { page, url } = session;
  await openPagila(page, url);
  await showTable(page, 'film');
  const rows = () => table(page, 'public.film').locator('g.column').evaluateAll((columns) => columns.map((column) => column.dataset.column));
  assert.ok((await rows()).includes('description'));
  await page.locator('#table-collapse').click();
  const collapsed = await rows();
  assert.ok(!collapsed.includes('description') && collapsed.includes('film_id') && collapsed.includes('language_id'), collapsed.join());
  const before = await tableCorner(page, 'public.film');
  const on = await centreOf(table(page, 'public.film').locator('.table-header'));
  await page.locator('#canvas').focus();
  await page.keyboard.down(' ');
  await drag(page, on, { x: on.x + 40, y: on.y + 25 });
  await page.keyboard.up(' ');
  const after = await tableCorner(page, 'public.film');
  assert.ok(Math.abs(after.x - before.x - 40) < 0.6 && Math.abs(after.y - before.y - 25) < 0.6, 'the view panned');
  await page.locator('#undo').click();
  assert.ok((await rows()).includes('description'), 'undo expanded the table again');
  assert.deepEqual(await tableCorner(page, 'public.film'), after, 'panning was not an edit: undo undid the collapse only');
});

test('pressing the minimap moves the view there; ? opens the shortcut sheet and Esc closes it', async () => {
  const { page, url } = session;
  await openPagila(page, url);
  const before = await viewportTransform(page);
  const minimap = await page.locator('#minimap').boundingBox();
  await page.mouse.click(minimap.x + minimap.width - 10, minimap.y + minimap.height - 10);
  assert.notEqual(await viewportTransform(page), before);
  const frame = await page.locator('#minimap-view').boundingBox();
  assert.ok(frame.x + frame.width / 2 > minimap.x + minimap.width / 2, 'the view frame moved right');
  await page.locator('#canvas').focus();
  await page.keyboard.press('Shift+?');
  await page.locator('#shortcut-sheet').waitFor();
  assert.match(await page.locator('#shortcut-sheet').textContent(), /Ctrl\+Shift\+Z/);
  assert.match(await page.locator('#shortcut-sheet').textContent(), /Delete, Backspace/);
  await page.keyboard.press('Escape');
  await page.locator('#shortcut-sheet').waitFor({ state: 'detached' });
});

test('the theme follows the system and the switch overrides it; the drawing changes colour', async () => {
  const { page, url } = session;
  await page.emulateMedia({ colorScheme: 'dark' });
  await openPagila(page, url);
  const html = page.locator('html');
  assert.equal(await html.getAttribute('data-theme'), 'dark');
  const body = table(page, 'public.actor').locator('.table-body');
  const darkFill = await body.getAttribute('fill');
  await page.locator('#theme').selectOption('light');
  assert.equal(await html.getAttribute('data-theme'), 'light');
  assert.notEqual(await body.getAttribute('fill'), darkFill);
  await page.reload();
  await page.locator('#import-button').waitFor();
  assert.equal(await html.getAttribute('data-theme'), 'light', 'the choice is remembered');
  await page.locator('#theme').selectOption('system');
  assert.equal(await html.getAttribute('data-theme'), 'dark');
});

function bigSchema(count) {
  const lines = [];
  for (let index = 0; index < count; index += 1) {
    const parent = index > 0 ? `, parent_id bigint REFERENCES t${Math.floor(index / 2)}(id)` : '';
    lines.push(`CREATE TABLE t${index} (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamp${parent});`);
  }
  return lines.join('\n');
}

test('a 2,000-table design draws only what is near the view, with less detail far out', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, bigSchema(2000));
  assert.match(await page.locator('#design-stats').textContent(), /^2000 tables · 1999 relationships/);
  assert.equal(await page.locator('#canvas').getAttribute('data-detail'), 'boxes', 'the whole design fits only as boxes');
  assert.equal(await page.locator('#canvas rect.table-body.far').count(), 2000, 'fitted, everything is in view, one element a table');
  assert.equal(await page.locator('#canvas .column').count(), 0, 'no rows at this zoom');
  assert.equal(await page.locator('#canvas path.far-edges').count(), 1, 'far out, the lines are one path');
  const box = await page.locator('#canvas rect.table-body.far[data-table-name="t0"]').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.equal(await page.locator('#table-name').inputValue(), 't0', 'a box is selected by a click even far out');
  await page.locator('#search').fill('t1234');
  await page.locator('#search').press('Enter');
  assert.equal(await page.locator('#canvas').getAttribute('data-detail'), 'full');
  const drawn = await page.locator('#canvas g.table').count();
  assert.ok(drawn > 0 && drawn < 400, `${drawn} tables drawn near the view`);
  assert.equal(await page.locator('#canvas rect.table-body.far').count(), 0);
  await table(page, 't1234').locator('g.column[data-column="parent_id"]').waitFor();
});
