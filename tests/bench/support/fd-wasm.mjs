// The wasm half of tests/bench/fd: builds tests/bench/fd-wasm (Relvar's FD discovery for
// wasm32-unknown-unknown, no bindings), loads it into a blank page of headless Chromium and times,
// per file, find_dependencies() (value numbering and HyFD from the rows read, in slices as a page
// would run it) with performance.now(); the median of the runs after two warm-up runs. With
// "tiering": "optimized" V8 compiles the module with its optimising compiler up front
// (--js-flags=--no-liftoff), which is what native code is compared with; with "default" Chromium
// starts on its baseline compiler and moves hot functions up as they run, as a page does. Usage:
//   node tests/bench/support/fd-wasm.mjs '{"files":[{"path":"...","separator":",","header":true}],"runs":7,"tiering":"optimized"}'
// Prints one JSON line: {"<file name>": {"ms": median, "fds": count}, ...}.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../e2e/support/browser.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const targetDir = process.env.CARGO_TARGET_DIR ? resolve(root, process.env.CARGO_TARGET_DIR) : join(root, 'target');
const { files, runs, tiering = 'optimized' } = JSON.parse(process.argv[2]);
const TIERING_FLAGS = { optimized: ['--js-flags=--no-liftoff'], default: [] };

execFileSync('cargo', ['build', '--release', '--quiet', '--target', 'wasm32-unknown-unknown', '--manifest-path', 'tests/bench/fd-wasm/Cargo.toml', '--target-dir', targetDir], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
const wasm = readFileSync(join(targetDir, 'wasm32-unknown-unknown/release/relvar_fd_wasm_bench.wasm'));

/** Runs in the page: instantiates the module, writes the CSV into its memory, times the calls. */
async function timeInPage({ wasmBase64, csvBase64, separator, header, runs }) {
  const decode = (text) => Uint8Array.from(atob(text), (character) => character.charCodeAt(0));
  const { instance } = await WebAssembly.instantiate(decode(wasmBase64), {});
  const api = instance.exports;
  const csv = decode(csvBase64);
  const pointer = api.input_buffer(csv.length);
  new Uint8Array(api.memory.buffer, pointer, csv.length).set(csv);
  if (api.read_table(separator.charCodeAt(0), header ? 1 : 0) < 0) throw new Error('read_table failed');
  const times = [];
  let fds = -1;
  for (let warmup = 0; warmup < 2; warmup++) {
    api.find_dependencies();
    api.finish();
  }
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    if (api.find_dependencies() !== 0) throw new Error('find_dependencies failed');
    times.push(performance.now() - started);
    fds = api.finish();
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], fds };
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: [...CHROMIUM_FLAGS, ...TIERING_FLAGS[tiering]] });
const results = {};
try {
  for (const file of files) {
    const page = await browser.newPage();
    const csv = readFileSync(file.path);
    const fileRuns = csv.length > 1_000_000 ? Math.max(3, Math.floor(runs / 2)) : runs;
    results[basename(file.path)] = await page.evaluate(timeInPage, {
      wasmBase64: wasm.toString('base64'),
      csvBase64: csv.toString('base64'),
      separator: file.separator,
      header: file.header,
      runs: fileRuns,
    });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(results));
