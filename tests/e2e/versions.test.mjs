// Versions and comparisons: save a version, edit as a person does (rename a column, add a table,
// change a type), compare, see the marks on the canvas and the list beside, download the Flyway
// files (a zip whose files are the scripts shown); versions stay after a reload.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { test } from 'node:test';
import { launch } from './support/browser.mjs';
import { useStudioSession } from './support/session.mjs';
import { AUTHORS_AND_BOOKS, clickTable, importSql, openStudio, showPanel, table } from './support/studio.mjs';

const session = useStudioSession();

/** The files of a zip archive by name, read through each local file header. */
function unzip(bytes) {
  const files = {};
  let at = 0;
  while (bytes.readUInt32LE(at) === 0x04034b50) {
    const method = bytes.readUInt16LE(at + 8);
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extraLength = bytes.readUInt16LE(at + 28);
    const name = bytes.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extraLength;
    const data = bytes.subarray(start, start + size);
    files[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at = start + size;
  }
  return files;
}

async function setColumn(page, tableName, row, field, value) {
  await clickTable(page, tableName);
  const input = page.locator('#columns-editor li').nth(row).locator(`input.column-${field}`);
  await input.fill(value);
  await input.press('Enter');
}

test('a version compared with the edited design marks the canvas, lists the changes and downloads Flyway files', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, AUTHORS_AND_BOOKS);
  await showPanel(page, 'versions');
  assert.equal(await page.locator('#versions-summary').textContent(), 'No versions yet.');
  await page.locator('#version-note').fill('as imported');
  await page.locator('#save-version-button').click();
  await page.locator('#versions-list .version[data-version="v1"]').waitFor();
  assert.equal(await page.locator('#versions-summary').textContent(), '1 version');

  await setColumn(page, 'book', 1, 'name', 'headline');
  await setColumn(page, 'author', 1, 'type', 'varchar(200)');
  await page.locator('#add-table').click();
  await table(page, 'table').waitFor();

  await showPanel(page, 'versions');
  await page.locator('#compare-format').selectOption('flyway');
  await page.locator('#compare-description').fill('rename title');
  await page.locator('#compare-description').press('Tab');
  await page.locator('.version[data-version="v1"] .version-compare').click();
  await page.locator('#comparison-changes li').first().waitFor();

  const changes = await page.locator('#comparison-changes li').allTextContents();
  assert.deepEqual(changes.sort(), [
    'column author.name: type text → varchar(200)',
    'column book.headline: renamed from title',
    'table table added (1 columns)',
  ]);
  // The canvas draws the marks in its next frame.
  await page.locator('#canvas g.table[data-change]').first().waitFor();
  assert.equal(await table(page, 'table').getAttribute('data-change'), 'added');
  assert.equal(await table(page, 'book').getAttribute('data-change'), 'changed');
  const headline = table(page, 'book').locator('g.column[data-column="headline"]');
  assert.equal(await headline.getAttribute('data-change'), 'changed');
  const untouched = table(page, 'book').locator('g.column[data-column="id"]');
  assert.equal(await untouched.getAttribute('data-change'), null);

  const up = await page.locator('#comparison-up').textContent();
  assert.match(up, /ALTER TABLE book RENAME COLUMN title TO headline;/);
  assert.match(up, /ALTER TABLE author ALTER COLUMN name TYPE varchar\(200\) USING name::varchar\(200\);/);
  assert.match(up, /CREATE TABLE "table"/);
  const down = await page.locator('#comparison-down').textContent();
  assert.match(down, /RENAME COLUMN headline TO title;/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#download-migration').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'V1__rename_title.zip');
  const files = unzip(await readFile(await download.path()));
  assert.deepEqual(Object.keys(files), ['V1__rename_title.sql', 'U1__rename_title.sql']);
  assert.equal(files['V1__rename_title.sql'], up);
  assert.equal(files['U1__rename_title.sql'], down);

  // The same change written for SQL Server, in its own forms.
  await page.locator('#compare-dialect').selectOption('mssql');
  await page.locator('.version[data-version="v1"] .version-compare').click();
  await page.locator('#comparison-title', { hasText: 'SQL Server' }).waitFor();
  const forSqlServer = await page.locator('#comparison-up').textContent();
  assert.match(forSqlServer, /EXEC sp_rename N'book\.title', N'headline', 'COLUMN';\nGO/);
  assert.match(forSqlServer, /ALTER TABLE author ALTER COLUMN \[name\] nvarchar\(200\) NOT NULL;/);
  assert.doesNotMatch(forSqlServer, /RENAME COLUMN|ADD COLUMN/);
  await page.locator('#compare-dialect').selectOption('');

  // Marks stay until cleared, and say when the design moved on.
  await setColumn(page, 'author', 1, 'name', 'full_name');
  await showPanel(page, 'versions');
  await page.locator('#comparison-stale').waitFor();
  await page.locator('#clear-comparison').click();
  await page.locator('#canvas g.table[data-change]').first().waitFor({ state: 'detached' });

  await page.reload();
  await table(page, 'book').waitFor();
  await showPanel(page, 'versions');
  await page.locator('#versions-list .version[data-version="v1"]').waitFor();
  assert.equal(await page.locator('.version[data-version="v1"] .version-note').textContent(), 'as imported');
});

test('a pasted schema is compared by name: a dropped and an added column are offered as a rename, applied once confirmed', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, AUTHORS_AND_BOOKS);
  await showPanel(page, 'versions');
  await page.locator('.compare-schema summary').click();
  await page.locator('#compare-schema-text').fill(AUTHORS_AND_BOOKS.replace('title text', 'heading text'));
  await page.locator('#compare-dialect').selectOption('mysql');
  await page.locator('#compare-schema').click();
  await page.locator('#comparison-changes li').first().waitFor();
  const changes = await page.locator('#comparison-changes').textContent();
  assert.match(changes, /column title may be heading renamed/);
  assert.match(await page.locator('#comparison-title').textContent(), /MySQL\/MariaDB/);
  assert.match(await page.locator('#comparison-up').textContent(), /DROP COLUMN heading/);
  assert.match(await page.locator('#comparison-risks').textContent(), /heading/);
  // Confirmed, the candidate is a rename: the scripts rename the column and drop nothing.
  await page.locator('#comparison-changes .rename-confirm').click();
  await page.waitForFunction(() => /RENAME COLUMN/.test(document.querySelector('#comparison-up')?.textContent ?? ''));
  assert.match(await page.locator('#comparison-up').textContent(), /RENAME COLUMN `?heading`? TO `?title`?/);
  assert.doesNotMatch(await page.locator('#comparison-up').textContent(), /DROP COLUMN/);
  assert.doesNotMatch(await page.locator('#comparison-changes').textContent(), /may be/);
  assert.equal(await page.locator('.rename-confirm').count(), 0);
});

test('a migration folder or a catalog document is the schema compared with the design', async () => {
  const { page, url } = session;
  const root = await mkdtemp(join(tmpdir(), 'relvar-compare-'));
  try {
    const folder = join(root, 'live-migrations');
    await mkdir(folder);
    await writeFile(join(folder, '0002_isbn.up.sql'), 'ALTER TABLE book ADD COLUMN isbn text;\n');
    await writeFile(join(folder, '0001_init.up.sql'), AUTHORS_AND_BOOKS);
    await writeFile(join(folder, '0001_init.down.sql'), 'DROP TABLE book;\nDROP TABLE author;\n');
    await writeFile(join(folder, 'README.md'), '# run with migrate\n');
    await openStudio(page, url);
    await importSql(page, AUTHORS_AND_BOOKS);
    await showPanel(page, 'versions');
    await page.locator('.compare-schema summary').click();
    await page.locator('#compare-schema-folder').setInputFiles(folder);
    await page.locator('#comparison-changes li').first().waitFor();
    // The folder's schema (both files run in order) has isbn; the design has not.
    assert.match(await page.locator('#comparison-changes').textContent(), /isbn/);
    assert.match(await page.locator('#comparison-up').textContent(), /DROP COLUMN isbn/);
    assert.match(await page.locator('#comparison-down').textContent(), /ADD COLUMN isbn text/);
    const note = await page.locator('#compare-schema-files-note').textContent();
    assert.match(note, /^2 files joined in the order they run; left out: /);
    assert.match(note, /live-migrations\/README\.md \(not an SQL file\)/);
    assert.match(note, /0001_init\.down\.sql \(a down migration\)/);
    assert.match(await page.locator('#compare-schema-text').inputValue(), /-- source: live-migrations\/0001_init\.up\.sql/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  // The JSON a catalog query prints of the live database: its author has a column more.
  const catalog = JSON.stringify({
    relvar_catalog: 1,
    engine: 'postgres',
    database: 'live',
    tables: [
      {
        schema: 'public', name: 'author',
        columns: [{ position: 1, name: 'id', type: 'bigint', nullable: false },
          { position: 2, name: 'name', type: 'text', nullable: false },
          { position: 3, name: 'born', type: 'date', nullable: true }],
        primary_key: { name: 'author_pkey', columns: ['id'] },
      },
      {
        schema: 'public', name: 'book',
        columns: [{ position: 1, name: 'id', type: 'bigint', nullable: false },
          { position: 2, name: 'title', type: 'text', nullable: false },
          { position: 3, name: 'author_id', type: 'bigint', nullable: false },
          { position: 4, name: 'editor_id', type: 'bigint', nullable: true }],
        primary_key: { name: 'book_pkey', columns: ['id'] },
      },
    ],
  });
  await page.locator('#compare-schema-text').fill(catalog);
  await page.locator('#compare-schema').click();
  await page.waitForFunction(() => /born/.test(document.querySelector('#comparison-up')?.textContent ?? ''));
  assert.match(await page.locator('#comparison-up').textContent(), /DROP COLUMN born/);
  assert.doesNotMatch(await page.locator('#comparison-up').textContent(), /isbn/);
});

test('two versions compared with each other: what changed between them, not since', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, AUTHORS_AND_BOOKS);
  await showPanel(page, 'versions');
  await page.locator('#save-version-button').click();
  await page.locator('.version[data-version="v1"]').waitFor();
  await setColumn(page, 'book', 1, 'name', 'headline');
  await showPanel(page, 'versions');
  await page.locator('#save-version-button').click();
  await page.locator('.version[data-version="v2"]').waitFor();
  // A change after v2 is not between the two versions.
  await page.locator('#add-table').click();
  await table(page, 'table').waitFor();

  await showPanel(page, 'versions');
  await page.locator('#compare-to').selectOption('v2');
  const compare = page.locator('.version[data-version="v1"] .version-compare');
  assert.equal(await compare.textContent(), 'Compare with version v2');
  assert.equal(await compare.getAttribute('aria-label'), 'Compare version v1 with version v2');
  await compare.click();
  await page.locator('#comparison-changes li').first().waitFor();
  assert.deepEqual(await page.locator('#comparison-changes li').allTextContents(), ['column book.headline: renamed from title']);
  assert.match(await page.locator('#comparison-title').textContent(), /version v1 → version v2/);
  assert.match(await page.locator('#comparison-up').textContent(), /ALTER TABLE book RENAME COLUMN title TO headline;/);

  await page.locator('#compare-to').selectOption('');
  await compare.click();
  await page.locator('#comparison-changes li', { hasText: 'table table added' }).waitFor();
});

test('a link carries the design alone, or its versions too when asked', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, AUTHORS_AND_BOOKS);
  await showPanel(page, 'versions');
  await page.locator('#version-name').fill('launch');
  await page.locator('#save-version-button').click();
  await page.locator('.version[data-version="launch"]').waitFor();
  await page.locator('#copy-link').click();
  await page.locator('#notice', { hasText: 'Link copied' }).waitFor();
  const alone = await page.evaluate(() => navigator.clipboard.readText());
  await page.locator('#copy-link-versions').click();
  await page.waitForFunction((previous) => navigator.clipboard.readText().then((text) => text !== previous), alone);
  const withVersions = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(withVersions.length > alone.length);

  const other = await launch(url);
  try {
    const fresh = await other.context.newPage();
    for (const [link, versions] of [[alone, 'No versions yet.'], [withVersions, '1 version']]) {
      await fresh.goto(link);
      await table(fresh, 'book').waitFor();
      await showPanel(fresh, 'versions');
      await fresh.locator('#versions-summary', { hasText: versions }).waitFor();
    }
    await fresh.locator('.version[data-version="launch"]').waitFor();
    assert.deepEqual(other.takeProblems(), []);
  } finally {
    await other.close();
  }
});
