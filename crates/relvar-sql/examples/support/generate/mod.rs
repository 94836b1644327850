//! Random schemas a real engine accepts, per dialect: a dialect-free plan (`plan.rs`) written by
//! each engine's writer with its own types, defaults, generated columns, checks, indexes,
//! foreign keys, enums and comments (`postgres.rs`, `mysql.rs`, `sqlite.rs`), as a script of
//! pieces the runner shrinks until the engine takes it (`script.rs`).

pub mod expressions;
pub mod mysql;
pub mod plan;
pub mod postgres;
pub mod script;
pub mod sqlite;

use relvar_sql::Dialect;
pub use script::Script;

/// A small seeded generator (SplitMix64): the same seed gives the same schemas on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

/// A random schema for `dialect`'s engine.
pub fn schema(dialect: Dialect, rng: &mut Rng) -> Script {
    match dialect {
        Dialect::PostgreSql => postgres::script(rng),
        Dialect::MySql => mysql::script(rng),
        Dialect::Sqlite | Dialect::MsSql => sqlite::script(rng),
    }
}

/// Words the generated names include that some engine reserves or treats specially.
const KEYWORDS: &[&str] = &[
    "order",
    "user",
    "group",
    "select",
    "table",
    "check",
    "desc",
    "window",
    "values",
    "interval",
    "key",
    "lock",
    "range",
    "rank",
    "sql",
    "accessible",
    "position",
    "name",
    "comment",
    "kind",
];

/// A name as the engine needs it: bare when it is a plain lower-case word, otherwise in the
/// dialect's quotes with inner quotes doubled.
pub fn quote(name: &str, dialect: Dialect) -> String {
    let plain = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !KEYWORDS.contains(&name);
    if plain {
        return name.to_owned();
    }
    match dialect {
        Dialect::MySql => format!("`{}`", name.replace('`', "``")),
        _ => format!("\"{}\"", name.replace('"', "\"\"")),
    }
}

/// A SQL string literal.
pub fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Texts for comments: quotes, non-ASCII, a percent sign.
pub const COMMENTS: &[&str] = &[
    "who placed it",
    "it's the customer's",
    "naïve — ünïcode",
    "100% sure; \"quoted\"",
    "line",
];
