// Gestures on the canvas: drag a table (undoable), pan the background, zoom around the cursor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useStudioSession } from './support/session.mjs';
import {
  canvasCenter, clickTable, corpusFile, emptyCanvasPoint, importSql, openStudio, table, tableBody, viewportTransform,
} from './support/studio.mjs';

const session = useStudioSession();

async function openPagila(page, url) {
  await openStudio(page, url);
  await importSql(page, corpusFile('pg_pagila-schema.sql'));
}

function near(actual, expected, tolerance, what) {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);
}

test('dragging a table moves it and the edges that join it; undo puts it back', async () => {
  const { page, url } = session;
  await openPagila(page, url);
  const actor = tableBody(page, 'public.actor');
  const before = await actor.boundingBox();
  const edge = page.locator('.edge[data-fk="public.film_actor->public.actor"]');
  const edgeBefore = await edge.getAttribute('d');
  const grab = { x: before.x + before.width / 2, y: before.y + before.height / 2 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 150, grab.y + 90, { steps: 8 });
  await page.mouse.up();
  const after = await actor.boundingBox();
  near(after.x, before.x + 150, 1.5, 'x after drag');
  near(after.y, before.y + 90, 1.5, 'y after drag');
  assert.notEqual(await edge.getAttribute('d'), edgeBefore, 'the edge follows the table');
  await page.locator('#undo').click();
  const undone = await actor.boundingBox();
  near(undone.x, before.x, 0.5, 'x after undo');
  near(undone.y, before.y, 0.5, 'y after undo');
  await page.keyboard.press('Control+Shift+Z');
  near((await actor.boundingBox()).x, after.x, 0.5, 'x after redo');
});

test('dragging the background pans every table by the same amount', async () => {
  const { page, url } = session;
  await openPagila(page, url);
  const tables = ['public.actor', 'public.staff'].map((name) => tableBody(page, name));
  const before = await Promise.all(tables.map((table) => table.boundingBox()));
  const start = await emptyCanvasPoint(page);
  assert.ok(start, 'found an empty spot on the canvas');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 120, start.y + 70, { steps: 6 });
  await page.mouse.up();
  const after = await Promise.all(tables.map((table) => table.boundingBox()));
  for (const [index, box] of after.entries()) {
    near(box.x, before[index].x + 120, 0.5, 'panned x');
    near(box.y, before[index].y + 70, 0.5, 'panned y');
    near(box.width, before[index].width, 0.01, 'width unchanged by panning');
  }
});

test('the wheel zooms around the cursor', async () => {
  const { page, url } = session;
  await openPagila(page, url);
  const table = tableBody(page, 'public.customer');
  const before = await table.boundingBox();
  const transformBefore = await viewportTransform(page);
  const zoomBefore = await page.locator('#zoom-level').textContent();
  const cursor = await canvasCenter(page);
  await page.mouse.move(cursor.x, cursor.y);
  await page.mouse.wheel(0, -400);
  await page.waitForFunction((previous) => document.querySelector('#viewport').getAttribute('transform') !== previous, transformBefore);
  const after = await table.boundingBox();
  const ratio = after.width / before.width;
  near(ratio, Math.exp(400 * 0.0015), 0.02, 'zoom factor');
  near(after.x, cursor.x + (before.x - cursor.x) * ratio, 1, 'x stays anchored at the cursor');
  near(after.y, cursor.y + (before.y - cursor.y) * ratio, 1, 'y stays anchored at the cursor');
  assert.notEqual(await page.locator('#zoom-level').textContent(), zoomBefore);
  await page.locator('#zoom-fit').click();
  assert.equal(await viewportTransform(page), transformBefore, 'Fit returns to the fitted view');
});

test('an edit redraws only what it changed: every other table and line keeps its element', async () => {
  const { page, url } = session;
  await openPagila(page, url);
  await clickTable(page, 'public.actor');
  await page.waitForTimeout(500); // the selection outline drawn, the review settled
  // Each drawn table and line by name, with its markup; the elements are marked as seen.
  const drawn = () => page.evaluate(() => {
    const named = (selector, name) => [...document.querySelectorAll(selector)].map((element) => ({
      name: name(element), markup: element.outerHTML.replace(' data-seen="1"', ''), seen: element.dataset.seen === '1',
    }));
    const items = [
      ...named('#canvas g.table', (group) => group.dataset.tableName),
      ...named('#canvas g.relationship', (group) => group.querySelector('.edge').getAttribute('data-fk')),
    ];
    for (const element of document.querySelectorAll('#canvas g.table, #canvas g.relationship')) element.dataset.seen = '1';
    return items;
  });
  const items = await drawn();
  assert.ok(items.length > 40, `${items.length} tables and lines drawn`);
  const before = new Map();
  for (const item of items) before.set(item.name, [...(before.get(item.name) ?? []), item.markup]);
  // A name of the same length, so no box changes size and no other line changes its way.
  await page.locator('#table-name').fill('aktor');
  await page.locator('#table-name').press('Enter');
  await table(page, 'public.aktor').waitFor();
  await page.waitForTimeout(500);
  const after = await drawn();
  assert.equal(after.length, items.length);
  const redrawn = after.filter((item) => !item.seen);
  for (const item of redrawn) {
    assert.ok(!(before.get(item.name) ?? []).includes(item.markup), `${item.name} was drawn again with the same markup`);
  }
  const names = redrawn.map((item) => item.name);
  assert.ok(names.includes('public.aktor') && names.includes('public.film_actor->public.aktor'), names.join(', '));
  // Beyond the table and its line, only tables whose review findings the new name changed.
  assert.ok(redrawn.length <= 4, `${redrawn.length} of ${after.length} drawn again: ${names.join(', ')}`);
});
