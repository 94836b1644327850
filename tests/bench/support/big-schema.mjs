// A large PostgreSQL schema generated deterministically (a fixed seed), for the benchmarks that
// need more tables than any corpus file: N tables of 10 columns each (`id bigint PRIMARY KEY`,
// foreign key columns `<parent>_id bigint REFERENCES <parent>(id)`, and a mix of other types),
// with about 1.25 foreign keys per table, shaped like a real schema: a big connected core whose
// early tables are hubs (most tables point at them), some chains, and some isolated tables.

const NOUNS = [
  'organization', 'account', 'app_user', 'team', 'project', 'customer', 'product', 'category',
  'supplier', 'warehouse', 'invoice', 'payment', 'shipment', 'address', 'country', 'region',
  'currency', 'price_list', 'discount', 'campaign', 'channel', 'ticket', 'comment', 'attachment',
  'document', 'folder', 'tag', 'role', 'permission', 'session', 'device', 'event', 'metric',
  'report', 'dashboard', 'widget', 'subscription', 'plan', 'feature', 'release', 'build',
  'deployment', 'environment', 'incident', 'alert', 'contract', 'vendor', 'asset', 'location',
  'schedule', 'shift', 'employee', 'department', 'course', 'lesson', 'enrollment', 'grade',
  'booking', 'room', 'vehicle', 'route', 'stop', 'trip', 'order_line', 'cart', 'review', 'rating',
  'message', 'thread', 'notification', 'webhook', 'api_key', 'audit_entry', 'batch', 'job',
];

/** Column definitions other than keys; each table takes as many as it needs, in a shuffled order. */
const FILLERS = [
  'name text NOT NULL',
  'code varchar(32) NOT NULL',
  'title varchar(200)',
  'description text',
  'amount numeric(12,2)',
  'quantity integer NOT NULL DEFAULT 0',
  'position smallint',
  'score double precision',
  'is_active boolean NOT NULL DEFAULT true',
  'status varchar(16) NOT NULL',
  'external_ref uuid',
  'payload jsonb',
  'valid_from date',
  'created_at timestamptz NOT NULL DEFAULT now()',
  'updated_at timestamp',
  'ip_address inet',
];

const COLUMNS_PER_TABLE = 10;
const MAX_FOREIGN_KEYS_PER_TABLE = 5;

/** mulberry32: a small PRNG, so the script is the same on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tableName(index) {
  const round = Math.floor(index / NOUNS.length);
  return NOUNS[index % NOUNS.length] + (round === 0 ? '' : `_${round + 1}`);
}

/**
 * Returns { sql, tables, foreignKeys, columns, core, chains, isolated }. Tables 0..core-1 form one
 * connected component (each refers to an earlier one, biased towards the first, so they are hubs);
 * then come chains of 3 to 8 tables each referring to the previous one; then isolated tables.
 */
export function bigPostgresSchema(tableCount, seed = 20261123) {
  const next = random(seed);
  const pick = (below) => Math.floor(next() * below);
  const isolated = Math.round(tableCount * 0.08);
  let chainTables = Math.round(tableCount * 0.17);
  const chains = [];
  while (chainTables >= 3) {
    const length = Math.min(chainTables, 3 + pick(6));
    chains.push(length);
    chainTables -= length;
  }
  const core = tableCount - isolated - chains.reduce((sum, length) => sum + length, 0);

  // parents[i]: the tables table i refers to (i itself for a self reference), and whether NOT NULL.
  const parents = Array.from({ length: tableCount }, () => []);
  const refer = (child, parent) => parents[child].push({ parent, notNull: next() < 0.6 });
  const hub = (below) => Math.floor(below * next() ** 2.5);
  for (let child = 1; child < core; child++) refer(child, hub(child));
  let start = core;
  for (const length of chains) {
    for (let child = start + 1; child < start + length; child++) refer(child, child - 1);
    start += length;
  }
  const target = Math.round(tableCount * 1.25);
  let count = parents.reduce((sum, list) => sum + list.length, 0);
  for (let attempts = 0; count < target && attempts < target * 20; attempts++) {
    const child = 1 + pick(Math.max(core - 1, 1));
    if (child >= core || parents[child].length >= MAX_FOREIGN_KEYS_PER_TABLE) continue;
    const parent = next() < 0.03 ? child : hub(child);
    if (parents[child].some((reference) => reference.parent === parent)) continue;
    refer(child, parent);
    count++;
  }

  const statements = [];
  for (let index = 0; index < tableCount; index++) {
    const name = tableName(index);
    const lines = ['id bigint PRIMARY KEY'];
    for (const { parent, notNull } of parents[index]) {
      const column = parent === index ? 'parent_id' : `${tableName(parent)}_id`;
      lines.push(`${column} bigint${notNull && parent !== index ? ' NOT NULL' : ''} REFERENCES ${tableName(parent)}(id)`);
    }
    const fillers = [...FILLERS];
    for (let i = fillers.length - 1; i > 0; i--) {
      const j = pick(i + 1);
      [fillers[i], fillers[j]] = [fillers[j], fillers[i]];
    }
    lines.push(...fillers.slice(0, COLUMNS_PER_TABLE - lines.length));
    statements.push(`CREATE TABLE ${name} (\n    ${lines.join(',\n    ')}\n);\n`);
  }
  return {
    sql: `-- ${tableCount} generated tables (seed ${seed})\n\n${statements.join('\n')}`,
    tables: tableCount,
    foreignKeys: count,
    columns: tableCount * COLUMNS_PER_TABLE,
    core,
    chains: chains.length,
    isolated,
  };
}
