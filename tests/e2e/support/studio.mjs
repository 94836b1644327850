// Helpers that drive the studio the way a person does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server.mjs';

export const CORPUS = join(ROOT, '../shared/corpus');

export function corpusFile(name) {
  return readFileSync(join(CORPUS, 'sql', name), 'utf8');
}

/** The create_table count MANIFEST.tsv records for a corpus file. */
export function manifestTableCount(name) {
  const [header, ...rows] = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const columns = header.split('\t');
  const row = rows.map((line) => line.split('\t')).find((cells) => cells[0] === name);
  return Number(row[columns.indexOf('create_table')]);
}

export async function openStudio(page, url) {
  const response = await page.goto(url);
  await page.locator('#import-button').waitFor();
  return response;
}

/**
 * Pastes text into a text box the way a person does: clipboard, then Ctrl+A, Ctrl+V. Playwright's
 * `fill` takes about 30 s for 240 KB in a textarea (the page itself takes 12 ms), so big texts
 * arrive this way.
 */
export async function pasteInto(page, selector, text) {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.locator(selector).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  // A text box's value has its line breaks as LF alone, whatever was pasted (CRLF from SQL Server).
  await page.waitForFunction(
    ([where, length]) => document.querySelector(where).value.length === length,
    [selector, text.replace(/\r\n?/g, '\n').length],
  );
}

/** Opens a side panel by its tab in the activity bar: tables, views, review, workload,
 * normalize, enums, decisions, import or export. */
export async function showPanel(page, id) {
  const tab = page.locator(`#tab-${id}`);
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await page.locator(`#panel-${id}:not([hidden])`).waitFor();
}

/** Pastes text into the import box (see `pasteInto`), its panel opened first. */
export async function pasteIntoImportBox(page, text) {
  await showPanel(page, 'import');
  await pasteInto(page, '#import-text', text);
}

export async function importSql(page, text) {
  await pasteIntoImportBox(page, text);
  const before = await page.evaluate(() => document.querySelector('#import-summary')?.textContent ?? null);
  await page.locator('#import-button').click();
  await page.waitForFunction(
    (previous) => {
      const summary = document.querySelector('#import-summary');
      return summary && summary.textContent !== previous;
    },
    before,
  );
  // The review runs once the browser is idle after the imported design is drawn.
  await page.locator('#review-panel[data-state="current"]').waitFor({ state: 'attached' });
  return page.locator('#import-summary').textContent();
}

export function tableBody(page, qualifiedName) {
  return page.locator(`g.table[data-table-name="${qualifiedName}"] .table-body`);
}

export async function viewportTransform(page) {
  return page.locator('#viewport').getAttribute('transform');
}

/** The middle of the canvas, in page coordinates. */
export async function canvasCenter(page) {
  const box = await page.locator('#canvas').boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A point on the canvas with no table or edge under it. */
export async function emptyCanvasPoint(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('#canvas').getBoundingClientRect();
    for (let y = canvas.top + 20; y < canvas.bottom - 60; y += 17) {
      for (let x = canvas.left + 20; x < canvas.right - 120; x += 23) {
        if (document.elementFromPoint(x, y)?.id === 'canvas') return { x, y };
      }
    }
    return null;
  });
}

/** Two tables without a relationship: the smallest design to draw one in. */
export const AUTHORS_AND_BOOKS = `CREATE TABLE author (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE book (id bigint PRIMARY KEY, title text NOT NULL, author_id bigint NOT NULL, editor_id bigint);
`;

export function table(page, qualifiedName) {
  return page.locator(`#canvas g.table[data-table-name="${qualifiedName}"]`);
}

export function columnRow(page, tableName, columnName) {
  return table(page, tableName).locator(`g.column[data-column="${columnName}"] .column-row`);
}

export async function centreOf(locator) {
  const box = await locator.boundingBox();
  assert.ok(box, 'the element is on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses at one point, moves to another in steps, releases. */
export async function drag(page, from, to, { steps = 8, modifiers = [] } = {}) {
  for (const key of modifiers) await page.keyboard.down(key);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
  for (const key of modifiers) await page.keyboard.up(key);
}

/** Clicks a table's header, with modifier keys held if given. */
export async function clickTable(page, qualifiedName, modifiers = []) {
  const header = table(page, qualifiedName).locator('.table-header');
  await header.click({ modifiers });
}

/** The DDL the export panel shows for a dialect tab; the panel that was open is open again after. */
export async function exportedDdl(page, tab = '#export-postgres') {
  const open = await page.locator('.activity-tab[aria-selected="true"]').getAttribute('id');
  await showPanel(page, 'export');
  await page.locator(tab).click();
  await page.locator('#export-text[data-state="current"]').waitFor();
  const ddl = await page.locator('#export-text').inputValue();
  if (open !== 'tab-export') await showPanel(page, open.replace(/^tab-/, ''));
  return ddl;
}

/** The top-left corner of a table on screen. */
export async function tableCorner(page, qualifiedName) {
  const box = await table(page, qualifiedName).locator('.table-body').boundingBox();
  return { x: box.x, y: box.y };
}

/** Brings a table into view at a readable zoom through the search box (which also selects it). */
export async function showTable(page, name) {
  await page.locator('#search').fill(name);
  await page.locator('#search').press('Enter');
  await page.locator(`#canvas g.table[data-table-name$="${name}"] g.column`).first().waitFor();
}
