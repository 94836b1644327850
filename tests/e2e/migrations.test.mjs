// Opening migration files and folders through the import panel's pickers, and pasting what a
// catalog query prints: the tables in version order, places in files, the design's name.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { useStudioSession } from './support/session.mjs';
import { importSql, openStudio } from './support/studio.mjs';

const session = useStudioSession();

/** Distinct random version numbers, ascending, spanning the 9/10 and 99/100 boundaries. */
function versions(count) {
  const chosen = new Set([9, 10]);
  while (chosen.size < count) chosen.add(randomInt(1, 400));
  return [...chosen].sort((a, b) => a - b);
}

function shuffled(items) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(0, i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Migrations whose k-th table references the (k-1)-th, so a missing or misordered one shows. */
function migrationTexts(count) {
  return Array.from({ length: count }, (_, k) =>
    k === 0
      ? 'CREATE TABLE m_0 (id int PRIMARY KEY);\n'
      : `-- migration ${k}\nCREATE TABLE m_${k} (\n  id int PRIMARY KEY,\n  prev_id int REFERENCES m_${k - 1} (id)\n);\n`,
  );
}

async function waitForReport(page, before) {
  await page.waitForFunction(
    (previous) => {
      const summary = document.querySelector('#import-summary');
      return summary && summary.textContent !== previous;
    },
    before,
  );
  return page.locator('#import-summary').textContent();
}

async function designName(page) {
  await page.locator('#designs').click();
  const label = await page.locator('.design-row[data-open="true"] .design-open').textContent();
  await page.locator('#designs-close').click();
  return label.replace(/ \(\d+ tables?, .*$/, '');
}

test('several Flyway files picked in any order import in version order', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  const numbers = versions(7);
  const texts = migrationTexts(numbers.length);
  const names = numbers.map((n, k) => (k % 2 ? `V${n}__step_${k}.sql` : `V${n}_1__step_${k}.sql`));
  const files = names.map((name, k) => ({ name, mimeType: 'application/sql', buffer: Buffer.from(texts[k]) }));
  files.push({ name: `U${numbers[1]}__undo.sql`, mimeType: 'application/sql', buffer: Buffer.from('DROP TABLE m_1;') });
  await page.locator('#import-file').setInputFiles(shuffled(files));
  const summary = await waitForReport(page, null);
  assert.match(summary, new RegExp(`^${numbers.length} tables, ${numbers.length - 1} foreign keys from ${numbers.length} statements: ${numbers.length} modelled, 0 kept as written`));
  const drawn = await page.locator('g.table').evaluateAll((groups) => groups.map((g) => g.dataset.tableName).sort());
  assert.deepEqual(drawn, texts.map((_, k) => `m_${k}`).sort());
  assert.equal(await page.locator('.edge').count(), numbers.length - 1);
  const listed = await page.locator('#import-files').textContent();
  assert.ok(listed.startsWith(`${numbers.length} files in version order: ${names.join(', ')}.`), listed);
  assert.match(listed, /Left out: U\d+__undo\.sql \(a Flyway undo migration\)\./);
  const box = await page.locator('#import-text').inputValue();
  assert.ok(box.startsWith(`-- source: ${names[0]}\nCREATE TABLE m_0`), box.slice(0, 200));
  assert.equal(await designName(page), names[0].replace(/\.sql$/, ''));
});

test('a picked folder is named after it and its diagnostics say FILE:LINE:COLUMN', async () => {
  const { page, url } = session;
  const root = await mkdtemp(join(tmpdir(), 'relvar-folder-'));
  try {
    const folder = join(root, 'shop-migrations');
    await mkdir(join(folder, 'meta'), { recursive: true });
    const numbers = versions(5);
    const texts = migrationTexts(numbers.length);
    const broken = numbers.length - 1;
    texts[broken] = `-- a column the parser cannot read\nCREATE TABLE m_${broken} (\n  id int,\n  x nonsense nonsense\n);\n`;
    for (const [k, n] of shuffled([...numbers.entries()])) {
      const stem = `${String(n).padStart(4, '0')}_step_${k}`;
      await writeFile(join(folder, `${stem}.up.sql`), texts[k]);
      await writeFile(join(folder, `${stem}.down.sql`), `DROP TABLE m_${k};\n`);
    }
    await writeFile(join(folder, 'README.md'), '# how to migrate\n');
    await writeFile(join(folder, 'meta', '_journal.json'), '{}');
    await openStudio(page, url);
    await page.locator('#import-folder').setInputFiles(folder);
    const summary = await waitForReport(page, null);
    // The broken table is lost or, where a clause can be taken out, kept with a warning.
    assert.match(summary, new RegExp(`^(${numbers.length - 1}|${numbers.length}) tables, ${numbers.length - 2} foreign keys from ${numbers.length} statements`));
    const brokenFile = `shop-migrations/${String(numbers[broken]).padStart(4, '0')}_step_${broken}.up.sql`;
    const flagged = page.locator('#diagnostics li.error .place, #diagnostics li.warning .place').first();
    const place = await flagged.textContent();
    assert.match(place, new RegExp(`^${brokenFile.replace(/[.]/g, '\\.')}:4:\\d+$`));
    const listed = await page.locator('#import-files').textContent();
    assert.match(listed, new RegExp(`^${numbers.length} files in version order: shop-migrations/0*${numbers[0]}_step_0\\.up\\.sql, `));
    assert.match(listed, /shop-migrations\/README\.md \(not an SQL file\)/);
    assert.match(listed, /shop-migrations\/meta\/_journal\.json \(not an SQL file\)/);
    assert.equal((listed.match(/\(a down migration\)/g) ?? []).length, numbers.length);
    await flagged.click();
    const line = await page.locator('#import-text').evaluate((box) => {
      const start = box.value.lastIndexOf('\n', box.selectionStart - 1) + 1;
      return box.value.slice(start, box.value.indexOf('\n', box.selectionStart));
    });
    assert.equal(line, '  x nonsense nonsense', 'clicking the place selects it in the joined text');
    assert.equal(await designName(page), 'shop-migrations');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('the JSON a catalog query prints imports as the live schema, and each query copies', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  const document = JSON.stringify({
    relvar_catalog: 1,
    engine: 'postgres',
    database: 'shop',
    tables: [
      {
        schema: 'public', name: 'customer',
        columns: [{ position: 1, name: 'id', type: 'integer', nullable: false, identity: 'always' },
          { position: 2, name: 'email', type: 'character varying(200)', nullable: false }],
        primary_key: { name: 'customer_pkey', columns: ['id'] },
        indexes: [{ name: 'customer_email', unique: false, method: 'btree',
          parts: [{ position: 1, expression: 'lower((email)::text)', operator_class: 'text_pattern_ops' }] }],
      },
      {
        schema: 'public', name: 'orders',
        columns: [{ position: 1, name: 'id', type: 'bigint', nullable: false },
          { position: 2, name: 'customer_id', type: 'integer', nullable: true }],
        primary_key: { name: 'orders_pkey', columns: ['id'] },
        foreign_keys: [{ name: 'orders_customer_fkey', columns: ['customer_id'], ref_schema: 'public',
          ref_table: 'customer', ref_columns: ['id'], on_delete: 'CASCADE', on_update: 'NO ACTION' }],
      },
    ],
  });
  const summary = await importSql(page, document);
  assert.match(summary, /^2 tables, 1 foreign keys from 2 statements: 2 modelled, 0 kept as written\. Read as PostgreSQL \(detected\)\.$/);
  assert.equal(await page.locator('g.table').count(), 2);
  assert.equal(await page.locator('.edge').count(), 1);
  assert.equal(await designName(page), 'shop');

  await page.locator('#catalog-queries > summary').click();
  await page.locator('.catalog-query[data-engine="sqlite"] > summary').click();
  // The queries come from the worker when an engine's is first opened.
  await page.locator('#catalog-query-sqlite[data-state="current"]').waitFor();
  await page.locator('#copy-catalog-sqlite').click();
  await page.locator('#catalog-status').filter({ hasText: 'Copied the SQLite query' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith('-- Relvar: the schema of this SQLite database'), copied.slice(0, 80));
  assert.equal(copied, await page.locator('#catalog-query-sqlite').textContent());
  // Copied at once, before the query has come: fetched, then copied.
  await page.locator('.catalog-query[data-engine="mssql"] > summary').click();
  await page.locator('#copy-catalog-mssql').click();
  await page.locator('#catalog-status').filter({ hasText: 'Copied the SQL Server query' }).waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /sys\./);
});
