// Trunk post-build hook: writes the real Content-Security-Policy and cache rules into _headers.
// Hashes every inline <script> of index.html (sha256, as CSP computes it) so the policy allows
// Trunk's loader without 'unsafe-inline', and marks Trunk's content-hashed files immutable.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('csp-headers: set TRUNK_STAGING_DIR or pass the dist directory');
  process.exit(2);
}
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const hashes = [];
for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
  if (/\bsrc\s*=/.test(attributes)) continue;
  hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}
if (hashes.length === 0) {
  console.error('csp-headers: index.html has no inline script; did Trunk change its loader?');
  process.exit(1);
}
const hashed = readdirSync(dir).filter((name) => /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css)$/.test(name));
const rules = hashed
  .sort()
  .map((name) => `/${name}\n  Cache-Control: public, max-age=31536000, immutable\n`)
  .join('\n');
const headersPath = join(dir, '_headers');
const template = readFileSync(headersPath, 'utf8');
writeFileSync(
  headersPath,
  template.replace('__INLINE_SCRIPT_HASHES__', hashes.join(' ')).replace('__HASHED_ASSET_RULES__', rules),
);
console.log(`csp-headers: ${hashes.length} inline script hash(es), ${hashed.length} immutable assets`);
