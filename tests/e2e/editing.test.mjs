// Editing on the canvas and in the inspector: every edit lands in the exported DDL and undo
// takes it back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useStudioSession } from './support/session.mjs';
import {
  AUTHORS_AND_BOOKS, centreOf, clickTable, columnRow, drag, exportedDdl, importSql, openStudio, showPanel, table, tableCorner,
} from './support/studio.mjs';

const session = useStudioSession();
const BOOK_REFERENCES_AUTHOR = /FOREIGN KEY \(author_id\) REFERENCES (public\.)?author \(id\)/;

async function openAuthorsAndBooks(page, url) {
  await openStudio(page, url);
  await importSql(page, AUTHORS_AND_BOOKS);
}

async function connect(page, from, to) {
  const handle = table(page, from.table).locator(`g.column[data-column="${from.column}"] circle.connector`);
  await table(page, from.table).locator('.table-header').hover();
  await drag(page, await centreOf(handle), await centreOf(columnRow(page, to.table, to.column)));
}

test('dragging from a column to another table\'s column creates a foreign key; undo removes it', async () => {
  const { page, url } = session;
  await openAuthorsAndBooks(page, url);
  assert.doesNotMatch(await exportedDdl(page), BOOK_REFERENCES_AUTHOR);
  await connect(page, { table: 'book', column: 'author_id' }, { table: 'author', column: 'id' });
  const relationship = page.locator('#canvas g.relationship');
  await relationship.waitFor();
  assert.equal(await relationship.getAttribute('data-parent-end'), 'one', 'author_id is NOT NULL: exactly one author');
  assert.equal(await relationship.getAttribute('data-child-end'), 'zero-or-many');
  assert.match(await exportedDdl(page), BOOK_REFERENCES_AUTHOR);
  assert.match(await page.locator('#relationship-editor').textContent(), /book references author/);
  await page.keyboard.press('Control+Z');
  await relationship.waitFor({ state: 'detached' });
  assert.doesNotMatch(await exportedDdl(page), BOOK_REFERENCES_AUTHOR);
  await page.keyboard.press('Control+Y');
  assert.match(await exportedDdl(page), BOOK_REFERENCES_AUTHOR);
});

test('a nullable foreign key is drawn zero-or-one, dashed; actions edited in the inspector reach the DDL', async () => {
  const { page, url } = session;
  await openAuthorsAndBooks(page, url);
  await connect(page, { table: 'book', column: 'editor_id' }, { table: 'author', column: 'id' });
  const relationship = page.locator('#canvas g.relationship');
  await relationship.waitFor();
  assert.equal(await relationship.getAttribute('data-parent-end'), 'zero-or-one');
  assert.equal(await relationship.locator('.edge').getAttribute('stroke-dasharray'), '6 4');
  await page.locator('#on-delete').selectOption('SET NULL');
  await page.locator('#on-update').selectOption('CASCADE');
  assert.match(await exportedDdl(page), /FOREIGN KEY \(editor_id\) REFERENCES (public\.)?author \(id\) ON DELETE SET NULL ON UPDATE CASCADE/);
  await page.locator('#relationship-delete').click();
  await relationship.waitFor({ state: 'detached' });
  assert.doesNotMatch(await exportedDdl(page), /editor_id\) REFERENCES/);
});

test('the inspector renames a table, adds and types a column, makes it part of the key; undo steps back', async () => {
  const { page, url } = session;
  await openAuthorsAndBooks(page, url);
  await clickTable(page, 'book');
  await page.locator('#table-name').fill('novel');
  await page.locator('#table-name').press('Enter');
  await table(page, 'novel').waitFor();
  await page.locator('#add-column').click();
  const newest = page.locator('#columns-editor li').last();
  await newest.locator('input.column-name').fill('isbn');
  await newest.locator('input.column-name').press('Enter');
  await newest.locator('input.column-type').fill('varchar(13)');
  await newest.locator('input.column-type').press('Enter');
  await newest.locator('input[type=checkbox]').first().check();
  const ddl = await exportedDdl(page);
  assert.match(ddl, /CREATE TABLE (public\.)?novel \(/);
  assert.match(ddl, /isbn varchar\(13\) NOT NULL/);
  assert.match(ddl, /PRIMARY KEY \(id, isbn\)/);
  assert.equal(await columnRow(page, 'novel', 'isbn').locator('..').getAttribute('data-markers'), 'pk');
  for (let step = 0; step < 5; step += 1) await page.locator('#undo').click();
  await table(page, 'book').waitFor();
  assert.doesNotMatch(await exportedDdl(page), /isbn/);
});

test('a name already taken is refused with a message and the design is unchanged', async () => {
  const { page, url } = session;
  await openAuthorsAndBooks(page, url);
  await clickTable(page, 'book');
  await page.locator('#table-name').fill('author');
  await page.locator('#table-name').press('Enter');
  await page.locator('#refusal').waitFor();
  assert.match(await page.locator('#refusal').textContent(), /author/);
  await table(page, 'book').waitFor();
  assert.equal(await page.locator('#table-name').inputValue(), 'author', 'what the user typed is kept');
});

test('Delete removes the selected table with its relationships, Ctrl+D duplicates, undo restores, Backspace deletes too', async () => {
  const { page, url } = session;
  await openAuthorsAndBooks(page, url);
  await connect(page, { table: 'book', column: 'author_id' }, { table: 'author', column: 'id' });
  await page.locator('#canvas g.relationship').waitFor();
  await clickTable(page, 'author');
  await page.keyboard.press('Delete');
  await table(page, 'author').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#canvas g.relationship').count(), 0);
  await page.keyboard.press('Control+Z');
  await page.locator('#canvas g.relationship').waitFor();
  await clickTable(page, 'book');
  await page.keyboard.press('Control+D');
  await table(page, 'book_copy').waitFor();
  assert.match(await exportedDdl(page), /CREATE TABLE (public\.)?book_copy \(/);
  assert.match(await page.locator('#design-stats').textContent(), /^3 tables/);
  // The copy is selected; Backspace deletes as Delete does.
  await page.keyboard.press('Backspace');
  await table(page, 'book_copy').waitFor({ state: 'detached' });
  assert.match(await page.locator('#design-stats').textContent(), /^2 tables/);
});

test('the toolbar adds a table and an enum the columns can use', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await page.locator('#add-table').click();
  await table(page, 'table').waitFor();
  assert.equal(await page.locator('#table-name').inputValue(), 'table', 'the new table is selected');
  await showPanel(page, 'enums');
  await page.locator('#add-enum').click();
  const values = page.locator('#enum-values');
  await values.fill('draft\npublished');
  await values.press('Tab');
  await page.locator('#add-column').click();
  const newest = page.locator('#columns-editor li').last();
  await newest.locator('input.column-type').fill('status_1');
  await newest.locator('input.column-type').press('Enter');
  const ddl = await exportedDdl(page);
  assert.match(ddl, /CREATE TYPE status_1 AS ENUM \('draft', 'published'\);/);
  assert.match(ddl, /column_2 status_1/);
});

test('notes and subject areas: a note holds text; an area moves its tables together', async () => {
  const { page, url } = session;
  await openAuthorsAndBooks(page, url);
  await page.locator('#add-note').click();
  await page.locator('#note-text').fill('Books may have no editor yet.');
  await page.locator('#note-text').press('Tab');
  await page.locator('#canvas g.note text', { hasText: 'Books may have no editor yet.' }).waitFor();
  await clickTable(page, 'author');
  await clickTable(page, 'book', ['Shift']);
  await page.locator('#add-area').click();
  const handle = page.locator('#canvas g.area .area-handle');
  await handle.waitFor();
  const before = await Promise.all(['author', 'book'].map((name) => tableCorner(page, name)));
  const grab = await centreOf(handle);
  await drag(page, grab, { x: grab.x + 60, y: grab.y + 40 });
  const after = await Promise.all(['author', 'book'].map((name) => tableCorner(page, name)));
  for (const [index, corner] of after.entries()) {
    assert.ok(Math.abs(corner.x - before[index].x - 60) < 1.5 && Math.abs(corner.y - before[index].y - 40) < 1.5, JSON.stringify({ before, after }));
  }
  await page.locator('#undo').click();
  const undone = await tableCorner(page, 'author');
  assert.ok(Math.abs(undone.x - before[0].x) < 0.5, 'one undo moves the whole area back');
});
