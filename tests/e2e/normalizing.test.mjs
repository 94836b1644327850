// Normalization in the studio: dependencies declared as text, the normal form and its violations,
// a decomposition previewed on the canvas then applied and undone, and dependencies found in
// sample rows (declared on a table, or made into a new one), with progress and Cancel.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useStudioSession } from './support/session.mjs';
import { clickTable, exportedDdl, importSql, openStudio, pasteInto, showPanel, table } from './support/studio.mjs';

const session = useStudioSession();

const EMPLOYEES = `CREATE TABLE employee (
  emp_id integer PRIMARY KEY,
  name text NOT NULL,
  dept_id integer NOT NULL,
  dept_name text NOT NULL,
  dept_floor integer
);
`;

async function openEmployees(page, url) {
  await openStudio(page, url);
  await importSql(page, EMPLOYEES);
  await clickTable(page, 'employee');
  await showPanel(page, 'normalize');
  await page.locator('#dependencies-text').waitFor();
}

async function declare(page, text) {
  await page.locator('#dependencies-text').fill(text);
  await page.locator('#dependencies-save').click();
}

async function pasteSample(page, text) {
  await showPanel(page, 'normalize');
  if ((await page.locator('#sample-toggle').getAttribute('aria-expanded')) !== 'true') await page.locator('#sample-toggle').click();
  await pasteInto(page, '#sample-text', text);
}

test('a declared dependency gives the normal form and its violation; 3NF is previewed on the canvas, applied and undone', async () => {
  const { page, url } = session;
  await openEmployees(page, url);
  assert.equal(await page.locator('#normal-form').textContent(), '4NF', 'only the key: nothing violates');
  await declare(page, 'dept_id -> dept_name, dept_floor');
  await page.locator('#normal-form', { hasText: '2NF' }).waitFor();
  assert.match(await page.locator('#violations').textContent(), /dept_id -> dept_name, dept_floor.*violates 3NF/);
  assert.equal(await page.locator('#candidate-keys').textContent(), '{emp_id}');
  const synthesis = page.locator('#proposal-3nf');
  assert.match(await synthesis.locator('.proposal-summary').textContent(), /^lossless, preserves every dependency$/);
  assert.match(await synthesis.locator('.proposal-tables').textContent(), /employee\(emp_id, name, dept_id\) key \{emp_id\}/);

  await synthesis.locator('.proposal-preview').click();
  const preview = page.locator('#decomposition-preview');
  await preview.waitFor();
  assert.match(await preview.locator('h2').textContent(), /3NF synthesis/);
  const drawn = await preview.locator('.preview-picture svg g.table').evaluateAll((tables) => tables.map((t) => t.dataset.tableName).sort());
  assert.equal(drawn.length, 2, 'the preview draws the table left and the table made');
  assert.ok(drawn.includes('employee'));
  const made = drawn.find((name) => name !== 'employee');
  assert.equal(await table(page, made).count(), 0, 'nothing is applied by the preview');

  await page.locator('#decomposition-apply').click();
  await preview.waitFor({ state: 'detached' });
  await table(page, made).waitFor();
  const ddl = await exportedDdl(page);
  assert.match(ddl, new RegExp(`CREATE TABLE (public\\.)?${made} \\(`));
  assert.match(ddl, new RegExp(`FOREIGN KEY \\(dept_id\\) REFERENCES (public\\.)?${made} \\(dept_id\\)`));
  assert.doesNotMatch(ddl.match(/CREATE TABLE (public\.)?employee \([^;]*;/)[0], /dept_name/, 'the dependent columns moved');

  await page.locator('#undo').click();
  await table(page, made).waitFor({ state: 'detached' });
  assert.match(await exportedDdl(page), /dept_name text NOT NULL/);
});

test('a dependency naming no column is refused with its line and column, and the text stays', async () => {
  const { page, url } = session;
  await openEmployees(page, url);
  const text = 'dept_id -> dept_name\ndept_idx -> dept_floor';
  await declare(page, text);
  const errors = page.locator('#dependency-errors li');
  await errors.first().waitFor();
  assert.deepEqual(await errors.allTextContents(), ['line 2, column 1: there is no column named dept_idx']);
  assert.equal(await page.locator('#dependencies-text').inputValue(), text);
  assert.equal(await page.locator('#normal-form').textContent(), '4NF', 'nothing was declared');
  assert.equal(await page.locator('#undo').isDisabled(), false, 'the import can be undone');
  await page.locator('#undo').click();
  assert.equal(await table(page, 'employee').count(), 0, 'the refused edit left no step of its own');
});

const ORDERS_SAMPLE = `order_id,customer_id,customer_name,amount
1,10,Ada,5
2,10,Ada,7
3,11,Grace,5
4,12,Linus,9
5,11,Grace,7
6,12,Linus,5
`;

test('sample rows with no table selected make a new table with their key and dependencies', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await pasteSample(page, ORDERS_SAMPLE);
  await page.locator('#sample-discover').click();
  await page.locator('#sample-summary').waitFor();
  assert.match(await page.locator('#sample-summary').textContent(), /in 6 rows/);
  const found = await page.locator('#sample-dependencies li').allTextContents();
  assert.ok(found.includes('customer_id -> customer_name'), found.join('; '));
  assert.ok(found.includes('order_id -> amount'), found.join('; '));
  assert.ok((await page.locator('#sample-keys li').allTextContents()).includes('{order_id}'));

  await page.locator('#sample-new-table').click();
  await table(page, 'sample').waitFor();
  // customer_id -> customer_name breaks BCNF, but customer_name is in the key {customer_name, amount}.
  await page.locator('#normal-form', { hasText: '3NF' }).waitFor();
  assert.match(await page.locator('#candidate-keys').textContent(), /\{order_id\}/);
  assert.match(await page.locator('#dependencies-text').inputValue(), /^customer_id -> customer_name/m);
  const ddl = await exportedDdl(page);
  assert.match(ddl, /order_id bigint NOT NULL/);
  assert.match(ddl, /customer_name text/);
  assert.match(ddl, /PRIMARY KEY \(order_id\)/);
});

test('sample rows for the selected table are declared on it; columns it lacks are named and left out', async () => {
  const { page, url } = session;
  await openEmployees(page, url);
  const sample = 'emp_id,name,dept_id,dept_name,bonus\n1,Ann,7,Sales,1\n2,Bob,7,Sales,2\n3,Cy,8,Ops,1\n4,Di,8,Ops,3\n';
  await pasteSample(page, sample);
  await page.locator('#sample-discover').click();
  await page.locator('#sample-proposal').waitFor();
  assert.match(await page.locator('#sample-unmatched').textContent(), /left out: bonus$/);
  await page.locator('#sample-declare').click();
  await page.locator('#normal-form', { hasText: '2NF' }).waitFor();
  assert.match(await page.locator('#dependencies-text').inputValue(), /^dept_id -> dept_name/m);
  assert.match(await page.locator('#sample-proposal').textContent(), /already imply/);
});

/** Rows of many columns with few values each: a search that runs for a long time. */
function wideRandomSample(columns, rows) {
  let state = 0x9e3779b9;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % 4;
  };
  const header = Array.from({ length: columns }, (_, i) => `c${i}`).join(',');
  const body = Array.from({ length: rows }, () => Array.from({ length: columns }, next).join(','));
  return [header, ...body].join('\n');
}

test('a long discovery shows progress, keeps the page responsive, and stops on Cancel', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await pasteSample(page, wideRandomSample(40, 3000));
  await page.evaluate(() => {
    window.__frameGaps = [];
    let last = performance.now();
    const tick = (now) => {
      window.__frameGaps.push(now - last);
      last = now;
      if (window.__frameGaps.length < 100000) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.locator('#sample-discover').click();
  await page.locator('#sample-progress').waitFor();
  await page.waitForTimeout(1500);
  const elapsed = Number.parseFloat(await page.locator('#sample-elapsed').textContent());
  assert.ok(elapsed >= 1, `the run reports ${elapsed} s after 1.5 s: its slices keep updating the page`);
  const estimate = await page.locator('#sample-progress').evaluate((bar) => (bar.hasAttribute('value') ? bar.value : null));
  assert.ok(estimate === null || (estimate > 0 && estimate < 1), `an estimate shown lies within the run: ${estimate}`);
  const slowest = await page.evaluate(() => Math.max(...window.__frameGaps.slice(2)));
  assert.ok(slowest < 250, `the slowest frame while discovering took ${slowest.toFixed(0)} ms`);
  await page.locator('#sample-cancel').click();
  await page.locator('#sample-progress').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#sample-summary').count(), 0, 'a cancelled run shows no result');
  assert.equal(await page.locator('#sample-discover').isDisabled(), false);
});
