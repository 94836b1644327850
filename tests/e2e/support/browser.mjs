// Launches Debian's Chromium headless with a fresh profile, and watches every page for console
// errors, uncaught exceptions and requests to any host but 127.0.0.1.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `extraFlags` and `viewport` let the benchmarks ask for more (unthrottled frames, a bigger window). */
export async function launch(origin, { extraFlags = [], viewport = { width: 1440, height: 900 } } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'relvar-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extraFlags],
    viewport,
    acceptDownloads: true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  // E2E_TIMEOUT=ms makes a step that waits in vain fail sooner while tests are being written.
  if (process.env.E2E_TIMEOUT) context.setDefaultTimeout(Number(process.env.E2E_TIMEOUT));
  const problems = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    // A document the test opens from disk is no request to a host; what it loads would be.
    const openedFromDisk = url.protocol === 'file:' && request.isNavigationRequest();
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1' && !openedFromDisk) {
      problems.push(`request to another host: ${request.url()}`);
    }
  });
  const watch = (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    /** Problems seen since the last call; each test asserts there were none. */
    takeProblems: () => problems.splice(0),
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
