// Trunk post-build hook: minifies the wasm-bindgen glue Trunk leaves as written (the page's JS
// counts toward the first load's budget) with esbuild, and writes the new integrity hash into
// index.html. Trunk's own minification (Trunk.toml) covers the page and the style sheet.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('minify-glue: set TRUNK_STAGING_DIR or pass the dist directory');
  process.exit(2);
}
const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
const glue = [...html.matchAll(/href=["']?\/([^"'\s>]+\.js)["']?/g)].map(([, name]) => name);
if (glue.length === 0) {
  console.error('minify-glue: index.html names no script; did Trunk change its output?');
  process.exit(1);
}
const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
for (const name of new Set(glue)) {
  const path = join(dir, name);
  const written = readFileSync(path);
  const { code } = await transform(written.toString('utf8'), { minify: true, format: 'esm', target: 'es2020' });
  writeFileSync(path, code);
  const before = integrity(written);
  if (!html.includes(before)) {
    console.error(`minify-glue: index.html holds no integrity hash for ${name}`);
    process.exit(1);
  }
  html = html.replaceAll(before, integrity(code));
  console.log(`minify-glue: ${name} ${written.length} -> ${Buffer.byteLength(code)} bytes`);
}
writeFileSync(htmlPath, html);
