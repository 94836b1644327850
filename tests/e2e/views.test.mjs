// Focus and saved views: a table with its neighbours within one or two relationships drawn alone
// and laid out; moving tables there leaves the design's own layout as it was; a view saved by
// name survives a reload and travels in a link. And the command palette: every action by name,
// run from the keyboard.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launch } from './support/browser.mjs';
import { useStudioSession } from './support/session.mjs';
import { AUTHORS_AND_BOOKS, clickTable, drag, importSql, openStudio, showPanel, table } from './support/studio.mjs';

const session = useStudioSession();

// country ← region ← customer ← orders → product, and audit_log alone.
const SHOP = `CREATE TABLE country (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE region (id int PRIMARY KEY, country_id int NOT NULL REFERENCES country (id));
CREATE TABLE customer (id int PRIMARY KEY, region_id int NOT NULL REFERENCES region (id), email text);
CREATE TABLE product (id int PRIMARY KEY, title text NOT NULL);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customer (id),
  product_id int NOT NULL REFERENCES product (id));
CREATE TABLE audit_log (id bigint PRIMARY KEY, happened timestamptz NOT NULL);
`;

const drawnTables = (page) =>
  page.locator('#canvas g.table').evaluateAll((tables) => tables.map((t) => t.dataset.tableName).sort());
const layout = (page) =>
  page.locator('#canvas g.table').evaluateAll((tables) =>
    Object.fromEntries(tables.map((t) => {
      const body = t.querySelector('.table-body');
      return [t.dataset.tableName, `${body.getAttribute('x')},${body.getAttribute('y')}`];
    })));
const viewportTransform = (page) => page.locator('#viewport').getAttribute('transform');

/** Drags a table by its header. */
async function dragTable(page, name, by) {
  const header = await table(page, name).locator('.table-header').boundingBox();
  const from = { x: header.x + 20, y: header.y + 8 };
  await drag(page, from, { x: from.x + by.x, y: from.y + by.y });
}

async function focusOn(page, name) {
  await clickTable(page, name);
  await page.locator('#canvas').focus();
  await page.keyboard.press('v');
  await page.locator('#view-bar').waitFor();
}

test('a focus view draws exactly the table and its neighbours; moving there leaves the whole layout alone', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, SHOP);
  const whole = await layout(page);
  const wholeView = await viewportTransform(page);
  await focusOn(page, 'customer');
  assert.deepEqual(await drawnTables(page), ['customer', 'orders', 'region']);
  assert.equal(await page.locator('#view-title').textContent(), 'Focus: customer and 2 neighbours');
  assert.equal(await page.locator('#canvas g.relationship').count(), 2, 'the lines between them, no others');
  await page.locator('#focus-steps-2').click();
  await page.locator('#focus-steps-2[aria-pressed="true"]').waitFor();
  assert.deepEqual(await drawnTables(page), ['country', 'customer', 'orders', 'product', 'region']);
  // Laid out on their own: no two boxes overlap.
  const boxes = await page.locator('#canvas g.table .table-body').evaluateAll((bodies) => bodies.map((b) => b.getBoundingClientRect().toJSON()));
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      assert.ok(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, 'boxes overlap');
    }
  }
  const before = await layout(page);
  await dragTable(page, 'orders', { x: 120, y: 60 });
  const after = await layout(page);
  assert.notEqual(after['orders'], before['orders'], 'the table moved in the view');
  assert.equal(after['region'], before['region']);
  // Auto layout in the view lays its tables out again, in the view.
  await page.locator('#auto-layout').click();
  assert.deepEqual(await layout(page), before);
  await page.locator('#show-whole').click();
  await page.locator('#view-bar').waitFor({ state: 'detached' });
  assert.deepEqual(await layout(page), whole, 'the design\'s own layout is as it was');
  assert.equal(await viewportTransform(page), wholeView, 'back at the view it was left at');
  assert.equal(await page.locator('#undo').isDisabled(), false);
  assert.match(await page.locator('#design-stats').textContent(), /^6 tables/);
});

test('a saved view keeps its tables and layout through a reload and a link; it is renamed and deleted in the Views panel', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, SHOP);
  await focusOn(page, 'orders');
  assert.deepEqual(await drawnTables(page), ['customer', 'orders', 'product']);
  await dragTable(page, 'product', { x: 160, y: 120 });
  const saved = await layout(page);
  await page.locator('#view-name').fill('Sales');
  await page.locator('#view-name').press('Enter');
  await page.locator('#view-title', { hasText: 'View: Sales · 3 tables' }).waitFor();
  // Auto layout in a saved view is one undoable edit of the view.
  await page.locator('#auto-layout').click();
  assert.notDeepEqual(await layout(page), saved, 'laid out again');
  await page.locator('#undo').click();
  assert.deepEqual(await layout(page), saved, 'undone');
  await showPanel(page, 'views');
  assert.equal(await page.locator('#views-summary').textContent(), '1 saved view');
  assert.equal(await page.locator('.saved-view[data-view="Sales"] .view-open').getAttribute('aria-current'), 'true');

  await page.reload();
  await page.locator('#panel-views:not([hidden])').waitFor();
  await table(page, 'audit_log').waitFor();
  await page.locator('.saved-view[data-view="Sales"] .view-open').click();
  await page.locator('#view-title', { hasText: 'View: Sales' }).waitFor();
  assert.deepEqual(await layout(page), saved, 'the view\'s own layout after a reload');

  await page.locator('#copy-link').click();
  await page.locator('#notice', { hasText: 'Link copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const other = await launch(url);
  try {
    const fresh = await other.context.newPage();
    await fresh.goto(link);
    await table(fresh, 'audit_log').waitFor();
    await showPanel(fresh, 'views');
    await fresh.locator('.saved-view[data-view="Sales"] .view-open').click();
    await fresh.locator('#view-title', { hasText: 'View: Sales' }).waitFor();
    assert.deepEqual(await layout(fresh), saved, 'the view\'s own layout from a link');
    assert.deepEqual(other.takeProblems(), []);
  } finally {
    await other.close();
  }

  // Renamed while shown, the view stays shown; deleted, the whole design comes back; undo restores it.
  const name = page.locator('.saved-view .view-name');
  await name.fill('Ordering');
  await name.press('Enter');
  await page.locator('#view-title', { hasText: 'View: Ordering' }).waitFor();
  await page.locator('.saved-view[data-view="Ordering"] .view-delete').click();
  await page.locator('#view-bar').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#views-summary').textContent(), 'No saved views yet.');
  assert.equal(await page.locator('#canvas g.table').count(), 6);
  await page.locator('#undo').click();
  await page.locator('.saved-view[data-view="Ordering"]').waitFor();
});

test('Ctrl+K opens the palette anywhere; typing filters, the arrows and Enter run an action, Escape closes it', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, AUTHORS_AND_BOOKS);
  await page.locator('#search').focus();
  await page.keyboard.press('Control+k');
  await page.locator('#command-palette').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'palette-input');
  // Every action with a button is listed, with its keys.
  const listed = await page.locator('.palette-option').evaluateAll((options) => options.map((o) => o.dataset.action));
  const buttons = await page.locator('.toolbar [data-action], .canvas-controls [data-action]').evaluateAll((all) => all.map((b) => b.dataset.action));
  for (const action of buttons) assert.ok(listed.includes(action), `${action} is in the palette`);
  assert.equal(await page.locator('.palette-option[data-action="undo"] kbd').textContent(), 'Ctrl+Z');

  await page.keyboard.type('add table');
  assert.equal(await page.locator('.palette-option').first().getAttribute('data-action'), 'add-table');
  await page.keyboard.press('Enter');
  await page.locator('#command-palette').waitFor({ state: 'detached' });
  assert.match(await page.locator('#design-stats').textContent(), /^3 tables/);

  // The arrows move through what matches; Enter runs the one chosen.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('panel');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const chosen = await page.locator('.palette-option[aria-selected="true"]').getAttribute('data-action');
  const options = await page.locator('.palette-option').evaluateAll((all) => all.map((o) => o.dataset.action));
  assert.equal(chosen, options[2]);
  assert.equal(await page.locator('#palette-input').getAttribute('aria-activedescendant'), `palette-option-${chosen}`);
  await page.keyboard.press('Enter');
  await page.locator('#command-palette').waitFor({ state: 'detached' });
  assert.equal(await page.locator(`#tab-${chosen.replace(/^panel-/, '')}`).getAttribute('aria-selected'), 'true');

  // An action that cannot run now stays listed, greyed, and Enter leaves the palette open.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('whole design');
  assert.equal(await page.locator('.palette-option[data-action="show-whole"]').getAttribute('aria-disabled'), 'true');
  await page.keyboard.press('Enter');
  await page.locator('#command-palette').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('#command-palette').waitFor({ state: 'detached' });
  await page.keyboard.press('Control+k');
  await page.keyboard.type('zzzz nothing');
  await page.locator('.palette-empty').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('#command-palette').waitFor({ state: 'detached' });
  assert.match(await page.locator('#design-stats').textContent(), /^3 tables/, 'no key typed in the palette edited the design');
});
