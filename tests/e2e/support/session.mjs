// One built site and one browser per test file; each test gets a fresh page, with the origin's
// storage cleared, and must end with
// no console errors, no uncaught exceptions and no request to another host.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach } from 'node:test';
import { launch } from './browser.mjs';
import { serveDist } from './server.mjs';

export function useStudioSession() {
  const session = {};
  before(async () => {
    session.server = await serveDist();
    session.url = session.server.url;
    session.browser = await launch(session.url);
  });
  beforeEach(async () => {
    session.page = await session.browser.context.newPage();
    // Each test starts with nothing saved in this profile: the designs of the last test are gone.
    await session.page.goto(`${session.url}/__test__/blank.html`);
    await session.page.evaluate(() => localStorage.clear());
  });
  afterEach(async () => {
    await session.page.close();
    assert.deepEqual(session.browser.takeProblems(), [], 'the page logged errors or left 127.0.0.1');
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
