// Designs that last and travel: saved in the browser after every edit, listed in the home view,
// started from templates, shared by a link that carries the layout, saved and opened as files;
// damaged links and files change nothing; no request leaves the page after it has loaded.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { launch } from './support/browser.mjs';
import { ROOT } from './support/server.mjs';
import { useStudioSession } from './support/session.mjs';
import { AUTHORS_AND_BOOKS, corpusFile, drag, importSql, openStudio, showPanel, table } from './support/studio.mjs';

const session = useStudioSession();
const FORMAT_1_FILE = join(ROOT, 'crates/relvar-share/tests/fixtures/format-1.relvar.json');
const FORMAT_2_FILE = join(ROOT, 'crates/relvar-share/tests/fixtures/format-2.relvar.json');
/** A design as builds before link version 2 saved it in the browser (the `r1.` link form). */
const R1_LINK_FILE = join(ROOT, 'crates/relvar-share/tests/fixtures/pg-sakila.r1.link');
/** The same as builds before link version 3 saved it (`r2.`: no preset dictionary). */
const R2_LINK_FILE = join(ROOT, 'crates/relvar-share/tests/fixtures/pg-sakila.r2.link');
/** The same as builds before the stored form `s1.` saved it (`r3.`, a share link). */
const R3_LINK_FILE = join(ROOT, 'crates/relvar-share/tests/fixtures/pg-sakila.r3.link');

async function stats(page) {
  return page.locator('#design-stats').textContent();
}

/** Where each table sits in the design (its box's top-left corner), by name. */
async function layout(page) {
  return page.locator('#canvas g.table').evaluateAll((tables) =>
    Object.fromEntries(tables.map((t) => {
      const body = t.querySelector('.table-body');
      return [t.dataset.tableName, `${body.getAttribute('x')},${body.getAttribute('y')}`];
    })));
}

/** Imports the two-table design and moves `book`, so the layout is the user's own. */
async function authorsAndBooksMoved(page, url) {
  await openStudio(page, url);
  await importSql(page, AUTHORS_AND_BOOKS);
  const header = await table(page, 'book').locator('.table-header').boundingBox();
  const from = { x: header.x + 20, y: header.y + 8 };
  await drag(page, from, { x: from.x + 130, y: from.y + 90 });
  return layout(page);
}

async function openDesigns(page) {
  await page.locator('#designs').click();
  await page.locator('#designs-dialog').waitFor();
}

async function designNames(page) {
  return page.locator('#design-list .design-open').allTextContents();
}

test('every edit is saved: after a reload the design and its layout are there', async () => {
  const { page, url } = session;
  const moved = await authorsAndBooksMoved(page, url);
  await page.reload();
  await table(page, 'book').waitFor();
  assert.match(await stats(page), /^2 tables/);
  assert.deepEqual(await layout(page), moved);
});

test('an edit made and the tab closed at once is there after reopening, though saving waits for a pause', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, AUTHORS_AND_BOOKS);
  await page.waitForTimeout(1500); // the import itself is saved by now
  // The click and the look at storage in one task: the edit is made, and not yet written.
  const unchanged = await page.evaluate(() => {
    const saved = () => JSON.stringify(Object.entries(localStorage)
      .filter(([key]) => key.startsWith('relvar.design.')));
    const before = saved();
    document.querySelector('#add-table').click();
    return saved() === before;
  });
  assert.ok(unchanged, 'the edit is written later, not in the task that makes it');
  await page.close();
  const reopened = await session.browser.context.newPage();
  session.page = reopened;
  await openStudio(reopened, url);
  await reopened.locator('#design-stats', { hasText: /^3 tables/ }).waitFor();
});

for (const [version, file] of [[1, R1_LINK_FILE], [2, R2_LINK_FILE], [3, R3_LINK_FILE]]) {
  test(`a design an earlier build saved in the browser (link version ${version}) still opens, and is saved again in this build's stored form`, async () => {
    const { page, url } = session;
    await openStudio(page, url);
    const saved = (await readFile(file, 'utf8')).trim();
    assert.ok(saved.startsWith(`r${version}.`));
    await page.evaluate(([payload, name]) => {
      localStorage.clear();
      localStorage.setItem('relvar.designs', JSON.stringify([{ id: 'old', name, updated: Date.now(), tables: 21 }]));
      localStorage.setItem('relvar.design.old', payload);
      localStorage.setItem('relvar.current', 'old');
    }, [saved, `Sakila (r${version})`]);
    await page.reload();
    await table(page, 'film').waitFor();
    assert.match(await stats(page), /^21 tables/);
    await page.locator('#add-table').click();
    await page.waitForFunction(() => localStorage.getItem('relvar.design.old').startsWith('s1.'));
    await page.reload();
    await table(page, 'film').waitFor();
    assert.match(await stats(page), /^22 tables/);
  });
}

test('designs are listed newest first; they open, rename, duplicate and delete after a confirmation', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, AUTHORS_AND_BOOKS);
  await openDesigns(page);
  await page.locator('.template[data-template="ecommerce"]').click();
  await page.locator('#designs-dialog').waitFor({ state: 'detached' });
  assert.match(await stats(page), /^10 tables/);

  await openDesigns(page);
  const names = await designNames(page);
  assert.equal(names.length, 2);
  assert.match(names[0], /^E-commerce \(10 tables/, 'the newest first');
  assert.match(names[1], /^author, book \(2 tables/, 'pasted DDL names the untitled design after its tables');
  await page.locator('#design-list .design-open').nth(1).click();
  assert.match(await stats(page), /^2 tables/);

  await openDesigns(page);
  const id = await page.locator('.design-row', { hasText: 'author, book' }).getAttribute('data-design-id');
  const untitled = page.locator(`.design-row[data-design-id="${id}"]`);
  await untitled.locator('.design-rename').click();
  await untitled.locator('.design-name').fill('Library');
  await untitled.locator('.design-name').press('Enter');
  await page.locator('.design-open', { hasText: /^Library \(2 tables/ }).waitFor();
  await page.locator('.design-row', { hasText: 'Library' }).locator('.design-duplicate').click();
  await page.locator('.design-open', { hasText: /^Library \(copy\)/ }).waitFor();
  assert.equal((await designNames(page)).length, 3);

  const copy = page.locator('.design-row', { hasText: 'Library (copy)' });
  await copy.locator('.design-delete').click();
  await copy.locator('.design-delete-keep').click();
  assert.equal((await designNames(page)).length, 3, 'Keep keeps it');
  await copy.locator('.design-delete').click();
  await copy.locator('.design-delete-confirm').click();
  await copy.waitFor({ state: 'detached' });
  assert.equal((await designNames(page)).length, 2);

  await page.reload();
  await openDesigns(page);
  assert.deepEqual((await designNames(page)).map((name) => name.split(' (')[0]).sort(), ['E-commerce', 'Library']);
});

test('every template starts a design with its tables', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  const expected = { blank: 0, 'prompt-library': 7, ecommerce: 10, saas: 9, blog: 8, sakila: 16 };
  for (const [template, tables] of Object.entries(expected)) {
    await openDesigns(page);
    await page.locator(`.template[data-template="${template}"]`).click();
    await page.waitForFunction((count) => document.querySelector('#design-stats').textContent.startsWith(`${count} tables`), tables);
    if (tables > 0) assert.ok(await page.locator('#canvas g.relationship').count() > 0, `${template} draws its relationships`);
  }
});

test('a shared link opens in a fresh browser as a new design with the same layout, and offers view only', async () => {
  const { page, url } = session;
  const moved = await authorsAndBooksMoved(page, url);
  await page.locator('#copy-link').click();
  await page.locator('#notice', { hasText: 'Link copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${url}/#r3.`), link.slice(0, 80));
  assert.ok(!link.slice(url.length).includes('?'), 'nothing of the design is in the path or query');
  const chars = Number((await page.locator('#notice').textContent()).match(/(\d+) characters/)[1]);
  assert.equal(chars, link.length);

  const other = await launch(url);
  try {
    const fresh = await other.context.newPage();
    await fresh.goto(link);
    await table(fresh, 'book').waitFor();
    assert.deepEqual(await layout(fresh), moved);
    assert.match(await fresh.locator('#notice').textContent(), /from a shared link as a new design/);
    assert.ok(!fresh.url().includes('#'), 'the link is taken out of the address once opened');
    await fresh.locator('#notice-view-only').click();
    await fresh.locator('#add-table').click();
    assert.match(await fresh.locator('#refusal').textContent(), /view only/);
    assert.match(await fresh.locator('#design-stats').textContent(), /^2 tables/);
    await fresh.locator('#view-only').uncheck();
    await fresh.locator('#add-table').click();
    assert.match(await fresh.locator('#design-stats').textContent(), /^3 tables/);
    await fresh.reload();
    await fresh.locator('#designs').click();
    assert.equal(await fresh.locator('#design-list .design-open').count(), 1, 'saved once, as a new design');
    assert.deepEqual(other.takeProblems(), []);
  } finally {
    await other.close();
  }
});

test('a link over 8,000 characters is copied with a warning, and the file is offered instead', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, corpusFile('ms_adventureworks-instawdb.sql'));
  await page.locator('#copy-link').click();
  const notice = page.locator('#notice', { hasText: 'Link copied' });
  await notice.waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.length > 8000, `AdventureWorks' link has ${link.length} characters`);
  assert.match(await notice.textContent(), /may be cut by mail and chat programs/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#notice-save-file').click()]);
  assert.match(download.suggestedFilename(), /\.relvar\.json$/);
});

test('a link leaves out a dump\'s rows of data, says so and offers the file, and opens as the schema', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, corpusFile('pg_northwind.sql'));
  await showPanel(page, 'export');
  await page.locator('#export-postgres').click();
  await page.locator('#export-text[data-state="current"]').waitFor();
  assert.match(await page.locator('#export-text').inputValue(), /Not written: 3362 imported statements \(table data\)/, 'the design itself keeps its rows');
  await page.locator('#copy-link').click();
  const notice = page.locator('#notice', { hasText: 'Link copied' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /leaves out the design's 3362 statements of data rows \(INSERT, COPY\), which a file keeps/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.length < 8000, `northwind's schema travels in ${link.length} characters`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#notice-save-file').click()]);
  assert.match(await readFile(await download.path(), 'utf8'), /INSERT INTO/, 'the file keeps the rows');

  await page.goto(`${url}/__test__/blank.html`);
  await page.goto(link);
  await page.locator('#notice', { hasText: 'from a shared link as a new design' }).waitFor();
  assert.match(await stats(page), /^14 tables/);
  await showPanel(page, 'export');
  await page.locator('#export-postgres').click();
  await page.locator('#export-text[data-state="current"]').waitFor();
  const ddl = await page.locator('#export-text').inputValue();
  assert.match(ddl, /CREATE TABLE employees/);
  assert.doesNotMatch(ddl, /table data/, 'the opened design has no rows to leave out');
});

test('a damaged or cut link gives a clear message and leaves the saved designs as they were', async () => {
  const { page, url } = session;
  const moved = await authorsAndBooksMoved(page, url);
  await page.locator('#copy-link').click();
  await page.locator('#notice', { hasText: 'Link copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  for (const damaged of [link.slice(0, -12), `${link.slice(0, -20)}AAAA${link.slice(-16)}`, `${url}/#r3.not-a-design`, `${url}/#r2.not-a-design`, `${url}/#r1.not-a-design`]) {
    await page.goto(`${url}/__test__/blank.html`);
    await page.goto(damaged);
    await page.locator('#notice', { hasText: 'This link could not be opened' }).waitFor();
    assert.match(await page.locator('#notice').textContent(), /Your saved designs are untouched/);
    await table(page, 'book').waitFor();
    assert.deepEqual(await layout(page), moved, 'the design saved before opens as it was');
    await openDesigns(page);
    assert.equal((await designNames(page)).length, 1);
    await page.locator('#designs-close').click();
  }
});

test('a design saved as a file opens as a new design, the same; files of formats 1 and 2 open; other files are refused', async () => {
  const { page, url } = session;
  const moved = await authorsAndBooksMoved(page, url);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-file').click()]);
  assert.equal(download.suggestedFilename(), 'author, book.relvar.json');
  const saved = await download.path();
  assert.equal(JSON.parse(await readFile(saved, 'utf8')).format_version, 6);

  await page.locator('#open-file').setInputFiles(saved);
  await page.locator('#notice', { hasText: 'from a file as a new design' }).waitFor();
  assert.deepEqual(await layout(page), moved);
  await openDesigns(page);
  assert.equal((await designNames(page)).length, 2);
  await page.locator('#designs-close').click();

  await page.locator('#open-file').setInputFiles(FORMAT_1_FILE);
  await page.locator('#notice', { hasText: /Opened “Rental \(format 1\)” from a file/ }).waitFor();
  assert.deepEqual(Object.keys(await layout(page)).sort(), ['public.film', 'public.rental']);

  await page.locator('#open-file').setInputFiles(FORMAT_2_FILE);
  await page.locator('#notice', { hasText: /Opened “Rental \(format 2\)” from a file/ }).waitFor();
  assert.deepEqual(Object.keys(await layout(page)).sort(), ['public.film', 'public.rental']);
  assert.match(await page.locator('#review-off').textContent(), /RV012/, 'the rules it switched off stay off');

  await page.locator('#open-file').setInputFiles(join(ROOT, 'package.json'));
  await page.locator('#notice', { hasText: 'package.json could not be opened' }).waitFor();
  assert.match(await page.locator('#notice').textContent(), /not a Relvar design file.*Nothing was changed/);
  assert.deepEqual(Object.keys(await layout(page)).sort(), ['public.film', 'public.rental']);
  await openDesigns(page);
  assert.equal((await designNames(page)).length, 4);
});

test('no request leaves the page after its static files have loaded', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await page.waitForLoadState('networkidle');
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await importSql(page, AUTHORS_AND_BOOKS);
  await page.locator('#add-table').click();
  await page.locator('#copy-link').click();
  await page.locator('#notice', { hasText: 'Link copied' }).waitFor();
  await Promise.all([page.waitForEvent('download'), page.locator('#save-file').click()]);
  await openDesigns(page);
  await page.locator('.template[data-template="blog"]').click();
  await showPanel(page, 'normalize');
  await page.locator('#sample-toggle').click();
  await page.locator('#sample-text').fill('a,b\n1,2\n2,2\n');
  await page.locator('#sample-discover').click();
  await page.locator('#sample-summary').waitFor();
  const sent = requests.filter((address) => !address.startsWith('blob:') && !address.startsWith('data:'));
  assert.deepEqual(sent, [], 'importing, editing, sharing, saving, templates and discovery ask no server');
});
