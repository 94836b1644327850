// The schema review panel: findings of an import grouped by severity and table with counts,
// badges on the tables, a selected finding highlighted on the canvas, fixes applied and undone,
// rules switched off per design, each edit drawn before it is reviewed, big designs reviewed once
// edits pause, and axe-core.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { useStudioSession } from './support/session.mjs';
import { emptyCanvasPoint, exportedDdl, importSql, openStudio, showPanel, table } from './support/studio.mjs';

const session = useStudioSession();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// visit_log has no primary key (RV001, error) and its foreign key has no index (RV003, warning);
// customer.profile is json in PostgreSQL (RV009, warning).
const PROBLEMS = `CREATE TABLE customer (id bigint PRIMARY KEY, name text NOT NULL, profile json);
CREATE TABLE visit_log (customer_id bigint NOT NULL REFERENCES customer (id), note text);
`;

const panel = (page) => page.locator('#review-panel');
const group = (page, severity) => page.locator(`#review-panel .review-group[data-severity="${severity}"]`);
const finding = (page, code) => page.locator(`#review-panel li.finding[data-code="${code}"]`);
const summary = (page) => page.locator('#review-summary');

async function openProblems(page, url) {
  await openStudio(page, url);
  await importSql(page, PROBLEMS);
  await showPanel(page, 'review');
  await finding(page, 'RV001').waitFor();
}

async function expand(page, code) {
  await finding(page, code).first().locator('.finding-toggle').click();
  await finding(page, code).first().locator('.finding-details').waitFor();
}

/** The findings the panel lists, as `severity table code`. */
async function listed(page) {
  return page.locator('#review-panel li.finding').evaluateAll((items) => items.map((item) => {
    const tableName = item.closest('.review-table').dataset.table;
    return `${item.dataset.severity} ${tableName} ${item.dataset.code}`;
  }));
}

async function badge(page, name) {
  const drawn = table(page, name);
  return {
    count: await drawn.getAttribute('data-findings'),
    severity: await drawn.getAttribute('data-severity'),
    shown: await drawn.locator('.review-badge text').textContent().catch(() => null),
  };
}

test('the panel lists the findings grouped by severity then table, with counts, and tables carry badges', async () => {
  const { page, url } = session;
  await openProblems(page, url);
  assert.equal(await summary(page).textContent(), '1 error · 2 warnings · 0 info');
  assert.equal(await group(page, 'error').locator('h3').textContent(), 'Errors (1)');
  assert.equal(await group(page, 'warning').locator('h3').textContent(), 'Warnings (2)');
  assert.equal(await group(page, 'info').count(), 0, 'no empty group');
  assert.deepEqual(await listed(page), [
    'error visit_log RV001',
    'warning customer RV009',
    'warning visit_log RV003',
  ]);
  assert.deepEqual(
    await group(page, 'warning').locator('h4').allTextContents(),
    ['customer (1)', 'visit_log (1)'],
  );
  assert.match(await finding(page, 'RV009').textContent(), /RV009\s+customer\.profile is json/);
  assert.deepEqual(await badge(page, 'visit_log'), { count: '2', severity: 'error', shown: '2' });
  assert.deepEqual(await badge(page, 'customer'), { count: '1', severity: 'warning', shown: '1' });
});

test('selecting a finding shows its rule, selects and highlights its tables and columns; another selection ends it', async () => {
  const { page, url } = session;
  await openProblems(page, url);
  const toggle = finding(page, 'RV003').locator('.finding-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await expand(page, 'RV003');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const details = await finding(page, 'RV003').locator('.finding-details').textContent();
  assert.match(details, /Why it matters: /);
  assert.match(details, /Example:/);
  assert.match(details, /Fix: add an index on visit_log\(customer_id\)/);
  // The foreign key's two tables are selected and outlined, its columns' rows marked.
  await table(page, 'visit_log').and(page.locator('.highlighted')).waitFor();
  for (const name of ['visit_log', 'customer']) {
    assert.match(await table(page, name).getAttribute('class'), /\bselected\b.*\bhighlighted\b/);
    assert.equal(await table(page, name).locator('.finding-outline').count(), 1);
  }
  assert.deepEqual(await table(page, 'visit_log').locator('g.column.highlighted').evaluateAll(
    (columns) => columns.map((column) => column.dataset.column),
  ), ['customer_id']);
  assert.deepEqual(await table(page, 'customer').locator('g.column.highlighted').evaluateAll(
    (columns) => columns.map((column) => column.dataset.column),
  ), ['id']);
  // A table finding outlines its table alone.
  await expand(page, 'RV001');
  await page.waitForFunction(() => !document.querySelector('#canvas g.table[data-table-name="customer"]').classList.contains('highlighted'));
  assert.match(await table(page, 'visit_log').getAttribute('class'), /\bhighlighted\b/);
  assert.equal(await finding(page, 'RV003').locator('.finding-details').count(), 0, 'one finding open at a time');
  // Clicking the background selects nothing and ends the highlight.
  const point = await emptyCanvasPoint(page);
  await page.mouse.click(point.x, point.y);
  await page.waitForFunction(() => document.querySelectorAll('#canvas .highlighted').length === 0);
  assert.equal(await finding(page, 'RV001').locator('.finding-details').count(), 0);
  // Zoomed far out, selecting a finding brings its table into view where its rows are drawn.
  const zoom = () => page.locator('#zoom-level').textContent().then((text) => parseInt(text, 10));
  await page.mouse.move(point.x, point.y);
  await page.mouse.wheel(0, 3000);
  await page.waitForFunction(() => parseInt(document.querySelector('#zoom-level').textContent, 10) < 50);
  await expand(page, 'RV003');
  await page.waitForFunction(() => parseInt(document.querySelector('#zoom-level').textContent, 10) >= 50);
  assert.equal(await zoom(), 50);
  const canvas = await page.locator('#canvas').boundingBox();
  const box = await table(page, 'visit_log').locator('.table-body').boundingBox();
  assert.ok(box.x >= canvas.x && box.y >= canvas.y && box.x + box.width <= canvas.x + canvas.width
    && box.y + box.height <= canvas.y + canvas.height, 'the table is in view');
});

test('Fix applies the rule\'s command: the finding goes and the DDL changes; Ctrl+Z brings it back', async () => {
  const { page, url } = session;
  await openProblems(page, url);
  assert.match(await exportedDdl(page), /profile json\b/);
  await expand(page, 'RV009');
  await finding(page, 'RV009').locator('.finding-fix').click();
  await finding(page, 'RV009').waitFor({ state: 'detached' });
  assert.equal(await summary(page).textContent(), '1 error · 1 warning · 0 info');
  const fixed = await exportedDdl(page);
  assert.match(fixed, /profile jsonb\b/);
  assert.equal(await table(page, 'customer').getAttribute('data-findings'), null, 'customer has no badge left');
  await page.keyboard.press('Control+Z');
  await finding(page, 'RV009').waitFor();
  assert.match(await exportedDdl(page), /profile json\b/);
  assert.equal(await table(page, 'customer').getAttribute('data-findings'), '1');

  // The foreign key's index, added by keyboard: Enter opens the finding, Tab reaches Fix.
  assert.doesNotMatch(await exportedDdl(page), /CREATE INDEX/);
  await finding(page, 'RV003').locator('.finding-toggle').focus();
  await page.keyboard.press('Enter');
  await finding(page, 'RV003').locator('.finding-details').waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'finding-fix');
  await page.keyboard.press('Enter');
  await finding(page, 'RV003').waitFor({ state: 'detached' });
  assert.match(await exportedDdl(page), /CREATE INDEX \S+ ON (public\.)?visit_log \(customer_id\)/);
  assert.deepEqual(await badge(page, 'visit_log'), { count: '1', severity: 'error', shown: '1' });
  await page.keyboard.press('Control+Z');
  await finding(page, 'RV003').waitFor();
  assert.doesNotMatch(await exportedDdl(page), /CREATE INDEX/);
});

test('an edit is drawn first and reviewed right after: its frame shows the findings before it, marked pending', async () => {
  const { page, url } = session;
  await openProblems(page, url);
  await expand(page, 'RV009');
  const inTheEditsFrame = await page.evaluate(() => new Promise((resolve) => {
    document.querySelector('#review-panel li.finding[data-code="RV009"] .finding-fix').click();
    requestAnimationFrame(() => resolve({
      drawn: document.querySelector('#canvas g.table[data-table-name="customer"]').textContent.includes('jsonb'),
      state: document.querySelector('#review-panel').dataset.state,
      listed: document.querySelectorAll('#review-panel li.finding[data-code="RV009"]').length,
    }));
  }));
  assert.deepEqual(inTheEditsFrame, { drawn: true, state: 'pending', listed: 1 });
  await page.locator('#review-panel[data-state="current"]').waitFor();
  assert.equal(await finding(page, 'RV009').count(), 0);
  assert.equal(await summary(page).textContent(), '1 error · 1 warning · 0 info');
});

test('switching a rule off hides its findings for this design; undo, redo and switching it on', async () => {
  const { page, url } = session;
  await openProblems(page, url);
  await expand(page, 'RV001');
  await finding(page, 'RV001').locator('.finding-switch-off').click();
  await finding(page, 'RV001').waitFor({ state: 'detached' });
  assert.equal(await summary(page).textContent(), '0 errors · 2 warnings · 0 info');
  assert.equal(await group(page, 'error').count(), 0);
  assert.match(await page.locator('#review-off').textContent(), /RV001 no-primary-key/);
  assert.deepEqual(await badge(page, 'visit_log'), { count: '1', severity: 'warning', shown: '1' });
  await page.keyboard.press('Control+Z');
  await finding(page, 'RV001').waitFor();
  assert.equal(await page.locator('#review-off').count(), 0);
  await page.keyboard.press('Control+Y');
  await finding(page, 'RV001').waitFor({ state: 'detached' });
  await page.locator('#review-off .review-switch-on').click();
  await finding(page, 'RV001').waitFor();
  assert.equal(await summary(page).textContent(), '1 error · 2 warnings · 0 info');
});

test('a design of more than 300 tables is reviewed once edits pause and the list is capped', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  const tables = Array.from({ length: 320 }, (_, index) => `CREATE TABLE t${index} (id bigint NOT NULL);`);
  await importSql(page, tables.join('\n'));
  await showPanel(page, 'review');
  await page.locator('#review-panel[data-state="current"]').waitFor();
  await page.waitForFunction(() => document.querySelector('#review-summary').textContent.startsWith('320 errors'));
  assert.equal(await page.locator('#review-panel li.finding').count(), 200);
  assert.equal(await page.locator('#review-more').textContent(), 'Showing the first 200 of 320 findings.');
  // Fitted, 320 tables are drawn as boxes; selecting a finding zooms to where its table's rows show.
  assert.notEqual(await page.locator('#canvas').getAttribute('data-detail'), 'full');
  await expand(page, 'RV001');
  const first = await finding(page, 'RV001').first().locator('.finding-message').textContent();
  const name = first.match(/^table (\S+) has no primary key$/)[1];
  await page.locator(`#canvas g.table.highlighted[data-table-name="${name}"] g.column`).first().waitFor();
  assert.equal(await page.locator('#canvas').getAttribute('data-detail'), 'full');
  const [drawn, canvas] = [await table(page, name).locator('.table-body').boundingBox(), await page.locator('#canvas').boundingBox()];
  assert.ok(drawn.x >= canvas.x && drawn.y >= canvas.y && drawn.x + drawn.width <= canvas.x + canvas.width
    && drawn.y + drawn.height <= canvas.y + canvas.height, `${name} is in view`);
  await finding(page, 'RV001').first().locator('.finding-switch-off').click();
  await page.waitForFunction(() => document.querySelector('#review-summary').textContent === 'No findings.');
  await page.locator('#review-panel[data-state="current"]').waitFor();
  assert.equal(await page.locator('#review-panel li.finding').count(), 0);
  assert.equal(await page.locator('#review-more').count(), 0);
});

async function seriousViolations(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run('#review-panel', { resultTypes: ['violations'] }));
  return results.violations
    .filter((violation) => ['serious', 'critical'].includes(violation.impact))
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
}

for (const theme of ['light', 'dark']) {
  test(`axe-core: the review panel has no serious or critical violation, a finding open (${theme})`, async () => {
    const { page, url } = session;
    await openProblems(page, url);
    await page.locator('#theme').selectOption(theme);
    await expand(page, 'RV003');
    await expand(page, 'RV001');
    await finding(page, 'RV001').locator('.finding-switch-off').click();
    await page.locator('#review-off').waitFor();
    await expand(page, 'RV009');
    assert.equal(await panel(page).getAttribute('aria-labelledby'), 'review-title');
    assert.deepEqual(await seriousViolations(page), []);
  });
}
