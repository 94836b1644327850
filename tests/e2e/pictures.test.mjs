// Pictures of the diagram: SVG and PNG of the whole design or the selection, in the current
// theme, drawn by the same code as the canvas.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { useStudioSession } from './support/session.mjs';
import { clickTable, corpusFile, importSql, openStudio, showTable } from './support/studio.mjs';

const session = useStudioSession();

async function saved(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

test('SVG of the whole diagram and of the selection, in the current theme', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, corpusFile('pg_pagila-schema.sql'));
  const tableCount = Number((await page.locator('#design-stats').textContent()).match(/^(\d+) tables/)[1]);
  await page.locator('#theme').selectOption('dark');
  const whole = await saved(page, '#save-svg');
  assert.equal(whole.name, 'relvar-diagram.svg');
  const svg = whole.bytes.toString('utf8');
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.equal(svg.match(/<g class="table[^"]*" data-table-id=/g).length, tableCount);
  assert.ok(svg.includes('data-theme="dark"'));
  assert.ok(svg.includes('>film_actor</text>') && svg.includes('data-fk="public.film_actor-&gt;public.actor"'));
  await showTable(page, 'actor');
  const canvasMarkup = await page.locator('#canvas g.table[data-table-name="public.actor"]').evaluate((group) => group.outerHTML);
  const rowsOnCanvas = canvasMarkup.match(/<g class="column"/g).length;
  const actorInPicture = svg.slice(svg.indexOf('data-table-name="public.actor"'));
  assert.equal(actorInPicture.slice(0, actorInPicture.indexOf('</g></g>') + 8).match(/<g class="column"/g).length, rowsOnCanvas);

  await page.locator('#canvas').focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('f');
  await clickTable(page, 'public.actor');
  await clickTable(page, 'public.film_actor', ['Shift']);
  const part = (await saved(page, '#save-svg')).bytes.toString('utf8');
  assert.equal(part.match(/data-table-id=/g).length, 2);
  assert.ok(part.includes('data-fk="public.film_actor-&gt;public.actor"') && !part.includes('>rental</text>'));
});

test('PNG of the diagram is a real picture showing the tables', async () => {
  const { page, url } = session;
  await openStudio(page, url);
  await importSql(page, corpusFile('pg_pagila-schema.sql'));
  await page.locator('#theme').selectOption('light');
  const png = await saved(page, '#save-png');
  assert.equal(png.name, 'relvar-diagram.png');
  assert.deepEqual([...png.bytes.subarray(1, 4)].map((code) => String.fromCharCode(code)).join(''), 'PNG');
  const width = png.bytes.readUInt32BE(16);
  const height = png.bytes.readUInt32BE(20);
  assert.ok(width > 1000 && height > 500, `${width}x${height}`);
  const colours = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const counts = new Map();
    for (let offset = 0; offset < data.length; offset += 4 * 7) {
      const key = `${data[offset]},${data[offset + 1]},${data[offset + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return Object.fromEntries(counts);
  }, png.bytes.toString('base64'));
  const share = (rgb) => (colours[rgb] ?? 0) / Object.values(colours).reduce((sum, count) => sum + count, 0);
  assert.ok(share('245,246,248') > 0.2, 'the light background');
  assert.ok(share('255,255,255') > 0.05, 'white table bodies');
  assert.ok(share('47,59,82') > 0.005, 'dark table headers');
});
