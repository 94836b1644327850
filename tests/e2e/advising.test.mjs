// The workload panel and the capacity estimate: pasted queries with their frequencies, what
// could not be read, query notes, index recommendations added (and undone) as one edit, unused
// indexes dropped by their fix, the workload kept across a reload; the expected row count in the
// inspector and the review's integer-key finding it brings; axe-core on the panel.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { useStudioSession } from './support/session.mjs';
import { clickTable, exportedDdl, importSql, openStudio, showPanel } from './support/studio.mjs';

const session = useStudioSession();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SHOP = `CREATE TABLE customer (id bigint PRIMARY KEY, email text NOT NULL, name text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customer (id),
  status text NOT NULL, created_at timestamptz NOT NULL, total numeric(10,2));
CREATE INDEX orders_status ON orders (status);
CREATE INDEX orders_customer ON orders (customer_id);
`;

const QUERIES = `-- frequency: 500
SELECT id, total FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 20;
-- frequency: 20
SELECT * FROM customer WHERE lower(email) = lower($1);
SELEC id FROM orders;
`;

const query = (page, number) => page.locator(`#workload-queries li.workload-query[data-query="${number}"]`);
const recommendation = (page, index) => page.locator(`#workload-recommendations li.recommendation[data-index="${index}"]`);
const summary = (page) => page.locator('#workload-summary');

/** Waits until the notes and advice shown are those of the workload as it is now. */
async function advised(page) {
  await page.locator('#workload-panel[data-state="current"]').waitFor();
}

async function addQueries(page, text) {
  await showPanel(page, 'workload');
  await page.locator('#workload-input').fill(text);
  await page.locator('#workload-add').click();
}

async function openShopWithWorkload(page, url) {
  await openStudio(page, url);
  await importSql(page, SHOP);
  await showPanel(page, 'workload');
  await addQueries(page, QUERIES);
  await query(page, 3).waitFor();
  await advised(page);
}

test('pasted queries are listed with their frequencies, notes and what could not be read, then the advice', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, SHOP);
  assert.match(await summary(page).textContent(), /^Paste the queries/);
  await addQueries(page, QUERIES);
  await query(page, 3).waitFor();
  await advised(page);
  assert.equal(await page.locator('#workload-input').inputValue(), '', 'the box empties once they are added');
  assert.equal(
    await summary(page).textContent(),
    '3 queries · 2 index recommendations · 1 unused index · 1 query note · 1 not read',
  );
  assert.deepEqual(
    await page.locator('#workload-queries .query-frequency').evaluateAll((inputs) => inputs.map((input) => input.value)),
    ['500', '20', '1'],
  );
  assert.equal(
    await query(page, 1).locator('.query-sql').inputValue(),
    'SELECT id, total FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 20',
  );
  assert.match(await query(page, 2).locator('.query-note[data-code="RQ001"]').textContent(), /SELECT \* reads every column.*Instead: list the columns/s);
  assert.match(await query(page, 3).locator('.query-unread').textContent(), /^Not read: line 1, column \d+: /);
  const orders = recommendation(page, 'orders_customer_id_created_at_idx');
  assert.equal(
    await orders.locator('.recommendation-sql').textContent(),
    'CREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id, created_at) INCLUDE (id, total);',
  );
  assert.match(await orders.locator('.recommendation-serves').textContent(), /query 1: customer_id = \?; ORDER BY created_at DESC/);
  assert.match(await orders.locator('.recommendation-cost').textContent(), /^Write cost: (low|medium|high): ~\d+ B per entry/);
  assert.equal(
    await recommendation(page, 'customer_lower_email_idx').locator('.recommendation-sql').textContent(),
    'CREATE INDEX customer_lower_email_idx ON customer ((lower(email)));',
  );
  assert.match(await page.locator('#workload-unused li.unused-index').textContent(), /no query of the workload uses orders_status on orders/);
  // The review lists the unused index too, with its rule explained.
  await showPanel(page, 'review');
  const reviewed = page.locator('#review-panel li.finding[data-code="RV101"]');
  await reviewed.locator('.finding-toggle').click();
  assert.match(await reviewed.locator('.finding-details').textContent(), /Why it matters: Every insert/);
});

test('adding a recommended index is one edit: the DDL has it, the recommendation goes; Ctrl+Z takes it back', async () => {
  const { page, url } = session;
  await openShopWithWorkload(page, url);
  const orders = recommendation(page, 'orders_customer_id_created_at_idx');
  await orders.locator('.recommendation-apply').click();
  await orders.waitFor({ state: 'detached' });
  assert.match(
    await exportedDdl(page),
    /CREATE INDEX orders_customer_id_created_at_idx ON (public\.)?orders \(customer_id, created_at\) INCLUDE \(id, total\)/,
  );
  await advised(page);
  assert.match(await summary(page).textContent(), /^3 queries · 1 index recommendation · /);
  await page.keyboard.press('Control+Z');
  await orders.waitFor();
  assert.doesNotMatch(await exportedDdl(page), /orders_customer_id_created_at_idx/);
  // The unused index's fix drops it, undoably as well.
  await page.locator('#workload-unused .unused-drop').click();
  await page.locator('#workload-unused').waitFor({ state: 'detached' });
  assert.doesNotMatch(await exportedDdl(page), /orders_status/);
  await page.keyboard.press('Control+Z');
  await page.locator('#workload-unused').waitFor();
  assert.match(await exportedDdl(page), /CREATE INDEX orders_status/);
});

test('frequencies and SQL are edited in place, queries removed, every step undoable, and the workload survives a reload', async () => {
  const { page, url } = session;
  await openShopWithWorkload(page, url);
  await query(page, 2).locator('.query-frequency').fill('75');
  await query(page, 2).locator('.query-frequency').press('Enter');
  await page.waitForFunction(() => document.querySelector('#workload-queries li[data-query="2"] .query-frequency').value === '75');
  // A frequency that is not a whole number of at least 1 is refused and changes nothing.
  await query(page, 1).locator('.query-frequency').fill('0');
  await query(page, 1).locator('.query-frequency').press('Enter');
  await page.locator('#refusal', { hasText: 'query 1 of the workload needs a frequency of at least 1' }).waitFor();
  // Correcting the query that could not be read makes it readable.
  await query(page, 3).locator('.query-sql').fill('SELECT id FROM orders WHERE status = $1');
  await query(page, 3).locator('.query-sql').blur();
  await query(page, 3).locator('.query-unread').waitFor({ state: 'detached' });
  await advised(page);
  assert.match(await summary(page).textContent(), /^3 queries · .* · 0 unused indexes · 1 query note$/);
  await query(page, 1).locator('.query-remove').click();
  await query(page, 3).waitFor({ state: 'detached' });
  assert.equal(await query(page, 1).locator('.query-sql').inputValue(), 'SELECT * FROM customer WHERE lower(email) = lower($1)');
  await page.keyboard.press('Control+Z');
  await query(page, 3).waitFor();
  assert.match(await query(page, 1).locator('.query-sql').inputValue(), /^SELECT id, total FROM orders/);

  await page.reload();
  await query(page, 3).waitFor();
  assert.deepEqual(
    await page.locator('#workload-queries .query-frequency').evaluateAll((inputs) => inputs.map((input) => input.value)),
    ['500', '75', '1'],
  );
  assert.equal(await query(page, 3).locator('.query-sql').inputValue(), 'SELECT id FROM orders WHERE status = $1');
});

test('an expected row count past half of 2^31 on an integer key brings RV032, whose fix widens the key and its references', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, `CREATE TABLE account (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE event (id integer PRIMARY KEY, account_id integer NOT NULL REFERENCES account (id), at timestamptz NOT NULL);
CREATE INDEX event_account ON event (account_id);
`);
  await clickTable(page, 'account');
  const estimate = page.locator('#table-expected-rows');
  await estimate.fill('lots');
  await estimate.press('Enter');
  await page.locator('#refusal', { hasText: '“lots” is not a row count' }).waitFor();
  await estimate.fill('3b');
  await estimate.press('Enter');
  await showPanel(page, 'review');
  const finding = page.locator('#review-panel li.finding[data-code="RV032"]');
  await finding.waitFor();
  assert.equal(await estimate.inputValue(), '3,000,000,000');
  assert.match(
    await finding.textContent(),
    /account is expected to reach 3,000,000,000 rows, but its key account\.id is integer, which stops at 2,147,483,647/,
  );
  await finding.locator('.finding-toggle').click();
  await finding.locator('.finding-fix', { hasText: 'make account.id bigint and the column referencing it' }).click();
  await finding.waitFor({ state: 'detached' });
  const ddl = await exportedDdl(page);
  assert.match(ddl, /CREATE TABLE (public\.)?account \(\s+id bigint NOT NULL/);
  assert.match(ddl, /account_id bigint NOT NULL/);
  await page.keyboard.press('Control+Z');
  await finding.waitFor();
  // A smaller estimate is no finding.
  await clickTable(page, 'account');
  await estimate.fill('1,000,000');
  await estimate.press('Enter');
  await finding.waitFor({ state: 'detached' });
});

for (const theme of ['light', 'dark']) {
  test(`axe-core: the workload panel has no serious or critical violation (${theme})`, async () => {
    const { page, url } = session;
    await openShopWithWorkload(page, url);
    await page.locator('#theme').selectOption(theme);
    await page.evaluate(axeSource);
    const results = await page.evaluate(() => window.axe.run('#workload-panel', { resultTypes: ['violations'] }));
    const serious = results.violations
      .filter((violation) => ['serious', 'critical'].includes(violation.impact))
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
    assert.deepEqual(serious, []);
  });
}
