// Decision records: recorded dated today and proposed, edited in place (title, status, date,
// context, decision, consequences), deleted, every step undoable; kept across a reload, in the
// design's file, and written by Export as ADRs in Markdown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useStudioSession } from './support/session.mjs';
import { importSql, openStudio, showPanel } from './support/studio.mjs';

const session = useStudioSession();

const decision = (page, number) => page.locator(`#decisions li.decision[data-decision="${number}"]`);

async function write(locator, text) {
  await locator.fill(text);
  await locator.blur();
}

async function exportedAdrs(page) {
  await showPanel(page, 'export');
  await page.locator('#export-decisions').click();
  await page.locator('#export-text[data-state="current"]').waitFor();
  const adrs = await page.locator('#export-text').inputValue();
  await showPanel(page, 'decisions');
  return adrs;
}

test('a decision is recorded, edited, exported as an ADR, kept across a reload, and deleted undoably', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, 'CREATE TABLE payment (id bigint PRIMARY KEY, amount numeric(12,2) NOT NULL);');
  await showPanel(page, 'decisions');
  assert.match(await page.locator('#decisions-summary').textContent(), /^Record what was decided/);
  assert.match(await exportedAdrs(page), /No decision is recorded for this design yet\./);

  await page.locator('#decision-add').click();
  const first = decision(page, 1);
  await first.waitFor();
  const today = await page.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  });
  assert.equal(await first.locator('.decision-title').inputValue(), 'Decision 1');
  assert.equal(await first.locator('.decision-date').inputValue(), today);
  assert.equal(await first.getAttribute('data-status'), 'Proposed');

  await write(first.locator('.decision-title'), 'Money as numeric(12,2)');
  await first.locator('.decision-status').selectOption('Accepted');
  await page.locator('#decisions li.decision[data-status="Accepted"]').waitFor();
  await write(first.locator('.decision-context'), 'Totals must add up to the cent.');
  await write(first.locator('.decision-decision'), 'Every amount is numeric(12,2), never float.');
  assert.equal(await page.locator('#decisions-summary').textContent(), '1 decision · 1 accepted');

  const adrs = await exportedAdrs(page);
  assert.match(adrs, /^## ADR 001: Money as numeric\(12,2\)$/m);
  assert.match(adrs, /^- Status: Accepted$/m);
  assert.match(adrs, new RegExp(`^- Date: ${today}$`, 'm'));
  assert.match(adrs, /### Context\n\nTotals must add up to the cent\.\n/);
  assert.match(adrs, /### Decision\n\nEvery amount is numeric\(12,2\), never float\.\n/);
  assert.match(adrs, /### Consequences\n\n_Not written yet\._\n/);

  // A blank title is refused and the decision keeps its title.
  await write(first.locator('.decision-title'), '  ');
  await page.locator('#refusal', { hasText: 'decision 1 needs a title' }).waitFor();

  await page.reload();
  await first.waitFor();
  assert.equal(await first.locator('.decision-title').inputValue(), 'Money as numeric(12,2)');
  assert.equal(await first.locator('.decision-context').inputValue(), 'Totals must add up to the cent.');
  assert.equal(await first.getAttribute('data-status'), 'Accepted');

  await page.locator('#decision-add').click();
  await decision(page, 2).waitFor();
  await first.locator('.decision-delete').click();
  await decision(page, 2).waitFor({ state: 'detached' });
  assert.equal(await first.locator('.decision-title').inputValue(), 'Decision 2');
  await page.keyboard.press('Control+Z');
  await decision(page, 2).waitFor();
  assert.equal(await first.locator('.decision-title').inputValue(), 'Money as numeric(12,2)');
});
