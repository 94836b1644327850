// The review grouped by rule: each rule with its count and why it matters, "Fix all" as one
// undoable edit where every finding has a fix, switching the rule off from its header; and the
// list keyed, so applying one fix leaves the other findings' entries in place.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useStudioSession } from './support/session.mjs';
import { exportedDdl, importSql, openStudio, showPanel } from './support/studio.mjs';

const session = useStudioSession();

// Three foreign keys without an index (RV003, all fixable), two of them on one table; `lonely`
// has no relationship (RV021, no fix).
const SCHEMA = `CREATE TABLE author (id bigint PRIMARY KEY);
CREATE TABLE book (id bigint PRIMARY KEY, author_id bigint REFERENCES author (id), editor_id bigint REFERENCES author (id));
CREATE TABLE review (id bigint PRIMARY KEY, book_id bigint REFERENCES book (id));
CREATE TABLE lonely (id bigint PRIMARY KEY);
`;

const rule = (page, code) => page.locator(`#review-panel .review-rule[data-rule="${code}"]`);
const indexes = (ddl) => (ddl.match(/CREATE INDEX/g) ?? []).length;

async function byRule(page, url) {
  await openStudio(page, url);
  await importSql(page, SCHEMA);
  await showPanel(page, 'review');
  await page.locator('#review-panel li.finding[data-code="RV003"]').first().waitFor();
  await page.locator('#review-by-rule').click();
  await rule(page, 'RV003').waitFor();
}

test('grouped by rule, each rule shows its count and why it matters; Fix all is one edit that undo takes back', async () => {
  const { page, url } = session;
  await byRule(page, url);
  assert.equal(await page.locator('#review-by-rule').getAttribute('aria-pressed'), 'true');
  assert.equal(await rule(page, 'RV003').locator('h3').textContent(), 'RV003 foreign-key-without-index (3)');
  assert.deepEqual(await rule(page, 'RV003').locator('h4').allTextContents(), ['book (2)', 'review (1)']);
  assert.match(await rule(page, 'RV003').locator('.rule-summary').textContent(), /index/i);
  await rule(page, 'RV003').locator('.rule-why-details summary').click();
  assert.ok((await rule(page, 'RV003').locator('.rule-why').textContent()).length > 20);
  // A rule with a finding that has no fix offers no Fix all.
  await rule(page, 'RV021').waitFor();
  assert.equal(await rule(page, 'RV021').locator('.rule-fix-all').count(), 0);

  assert.equal(indexes(await exportedDdl(page)), 0);
  await rule(page, 'RV003').locator('.rule-fix-all').click();
  await rule(page, 'RV003').waitFor({ state: 'detached' });
  const fixed = await exportedDdl(page);
  assert.equal(indexes(fixed), 3, fixed);
  for (const column of ['author_id', 'editor_id', 'book_id']) assert.match(fixed, new RegExp(`CREATE INDEX .*\\(${column}\\)`));
  // One undo takes back all three.
  await page.locator('#undo').click();
  await rule(page, 'RV003').waitFor();
  assert.equal(await rule(page, 'RV003').locator('h3').textContent(), 'RV003 foreign-key-without-index (3)');
  assert.equal(indexes(await exportedDdl(page)), 0);
  await page.locator('#redo').click();
  await rule(page, 'RV003').waitFor({ state: 'detached' });
  assert.equal(indexes(await exportedDdl(page)), 3);
});

test('a rule switched off from its header leaves the list and can be switched on again', async () => {
  const { page, url } = session;
  await byRule(page, url);
  await rule(page, 'RV021').locator('.rule-switch-off').click();
  await rule(page, 'RV021').waitFor({ state: 'detached' });
  await page.locator('#review-off li[data-rule="RV021"]').waitFor();
  await page.locator('#review-off li[data-rule="RV021"] .review-switch-on').click();
  await rule(page, 'RV021').waitFor();
  // Back to grouping by table: the severities' sections again.
  await page.locator('#review-by-table').click();
  await page.locator('#review-panel .review-group[data-severity="warning"]').waitFor();
  assert.equal(await rule(page, 'RV003').count(), 0);
});

test('applying one fix rebuilds only its entry: the other findings keep their elements', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, SCHEMA);
  await showPanel(page, 'review');
  const entry = (column) => page.locator('#review-panel li.finding[data-code="RV003"]', { hasText: column });
  await entry('editor_id').waitFor();
  await entry('book_id').evaluate((element) => { element.dataset.marked = 'kept'; });
  await entry('author_id').locator('.finding-toggle').click();
  await entry('author_id').locator('.finding-fix').click();
  await entry('author_id').waitFor({ state: 'detached' });
  assert.equal(await entry('book_id').getAttribute('data-marked'), 'kept');
  assert.equal(await entry('editor_id').count(), 1);
});
