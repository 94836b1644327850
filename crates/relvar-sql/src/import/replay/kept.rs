//! Kept statements that later statements undo, as the engine would: `DROP TRIGGER | FUNCTION |
//! PROCEDURE | RULE | EVENT | AGGREGATE` takes out the kept CREATE of that object, and dropping
//! a table takes out the kept triggers and rules on it. So a script that creates such an object
//! and drops it later exports without it.

use crate::dialect::Dialect;
use crate::import::Importer;
use crate::import::token_reader::TokenReader;

/// The kinds of objects the design keeps only as written.
const KEPT_KINDS: &[&str] = &[
    "TRIGGER",
    "FUNCTION",
    "PROCEDURE",
    "PROC",
    "RULE",
    "EVENT",
    "AGGREGATE",
];

/// How many tokens may stand between CREATE and the kind (`OR REPLACE`, `DEFINER = user@host`,
/// `CONSTRAINT`), and between a trigger's name and its `ON table`.
const HEADER_TOKENS: usize = 24;
const TRIGGER_TOKENS: usize = 80;

/// An object a CREATE makes or a DROP names: its kind, its name's parts and, for a trigger or a
/// rule, its table's.
#[derive(Debug)]
struct KeptObject {
    kind: &'static str,
    parts: Vec<String>,
    on: Option<Vec<String>>,
}

impl KeptObject {
    fn same_kind(kind: &str) -> &'static str {
        match kind {
            "PROC" => "PROCEDURE",
            other => KEPT_KINDS
                .iter()
                .find(|known| **known == other)
                .copied()
                .unwrap_or("TRIGGER"),
        }
    }

    /// What `CREATE ... kind name ... [ON table]` makes; `None` for any other statement.
    fn created_by(text: &str, dialect: Dialect) -> Option<Self> {
        // A cheap scan first: most kept statements (rows of data) never say CREATE.
        if !text
            .as_bytes()
            .windows(6)
            .any(|word| word.eq_ignore_ascii_case(b"CREATE"))
        {
            return None;
        }
        let mut reader = TokenReader::new(text, dialect)?;
        if !reader.keyword("CREATE") {
            return None;
        }
        let kind = Self::same_kind(&reader.past_any(KEPT_KINDS, HEADER_TOKENS)?);
        let _ = reader.keyword("IF") && reader.keyword("NOT") && reader.keyword("EXISTS");
        let parts = reader.parts();
        let on = matches!(kind, "TRIGGER" | "RULE")
            .then(|| {
                reader
                    .past_any(&["ON"], TRIGGER_TOKENS)
                    .map(|_| reader.parts())
            })
            .flatten();
        (!parts.is_empty()).then_some(Self { kind, parts, on })
    }

    /// What `DROP kind [IF EXISTS] name [(arguments)] [ON table]` names, and whether IF EXISTS.
    fn dropped_by(text: &str, dialect: Dialect) -> Option<(Self, bool)> {
        let mut reader = TokenReader::new(text, dialect)?;
        if !reader.keyword("DROP") {
            return None;
        }
        let kind = reader.next_keyword()?;
        if !KEPT_KINDS.contains(&kind.as_str()) {
            return None;
        }
        let kind = Self::same_kind(&kind);
        let if_exists = reader.if_exists()?;
        let parts = reader.parts();
        let on = reader.keyword("ON").then(|| reader.parts());
        (!parts.is_empty()).then_some((Self { kind, parts, on }, if_exists))
    }

    /// Whether a DROP naming `self` drops `created` (names compared as far as both give them).
    fn drops(&self, created: &Self) -> bool {
        self.kind == created.kind
            && same_tail(&self.parts, &created.parts)
            && match (&self.on, &created.on) {
                (Some(dropped), Some(made)) => same_tail(dropped, made),
                _ => true,
            }
    }
}

/// Whether two dotted names agree on every part both have, from the last.
fn same_tail(one: &[String], other: &[String]) -> bool {
    !one.is_empty()
        && one
            .iter()
            .rev()
            .zip(other.iter().rev())
            .all(|(a, b)| a.eq_ignore_ascii_case(b))
}

impl Importer {
    /// A DROP of an object the design keeps as written: takes out the kept CREATE of it (of a
    /// routine, which may be overloaded, the latest only). `false` when the statement is no such
    /// DROP or nothing kept made the object: the DROP is then kept as usual.
    pub(in crate::import) fn drop_kept(&mut self, text: &str) -> bool {
        let Some((dropped, _)) = KeptObject::dropped_by(text, self.dialect) else {
            return false;
        };
        let overloadable = matches!(dropped.kind, "FUNCTION" | "PROCEDURE" | "AGGREGATE");
        self.forget_kept(|created| dropped.drops(created), overloadable)
    }

    /// Takes out the kept triggers and rules on the table `parts` names, dropped with it.
    pub(in crate::import::replay) fn forget_kept_on_table(&mut self, parts: &[String]) {
        self.forget_kept(
            |created| created.on.as_deref().is_some_and(|on| same_tail(on, parts)),
            false,
        );
    }

    /// Takes out the kept CREATE statements of earlier statements that `doomed` picks (the
    /// latest only, with `latest_only`); whether any was.
    fn forget_kept(&mut self, doomed: impl Fn(&KeptObject) -> bool, latest_only: bool) -> bool {
        let dialect = self.dialect;
        let earlier = self.records.len().saturating_sub(1);
        let mut forgot = false;
        for record in self.records.iter_mut().take(earlier).rev() {
            let before = record.kept.len();
            record.kept.retain(|kept| {
                let forget = !(latest_only && forgot)
                    && KeptObject::created_by(kept, dialect).is_some_and(|made| doomed(&made));
                forgot |= forget;
                !forget
            });
            if record.kept.len() != before && record.kept.is_empty() {
                record.reasons.clear();
            }
            if latest_only && forgot {
                break;
            }
        }
        forgot
    }
}
