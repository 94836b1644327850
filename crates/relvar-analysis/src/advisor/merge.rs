//! Merging candidates: one dropped where an index the table has (its primary key, a unique
//! constraint or an index) already serves it by left prefix, the rest merged so that one
//! index whose left prefix serves several queries is recommended once.

use std::collections::{BTreeMap, BTreeSet};

use relvar_model::{IndexKey, Table, TableId};

use super::candidates::{Candidate, KeyPart};

/// An index a table has, as the advisor compares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExistingIndex {
    pub keys: Vec<KeyPart>,
    /// `None` for a B-tree.
    pub method: Option<String>,
    pub predicate: Option<String>,
    /// Its position in `Table::indexes`; `None` for a key or unique constraint.
    pub position: Option<usize>,
}

/// The indexes a table has: primary key, unique constraints, then its indexes.
pub fn existing_indexes(table: &Table) -> Vec<ExistingIndex> {
    let mut out = Vec::new();
    let plain = |columns: &[relvar_model::ColumnId]| ExistingIndex {
        keys: columns.iter().copied().map(KeyPart::Column).collect(),
        method: None,
        predicate: None,
        position: None,
    };
    if let Some(key) = &table.primary_key {
        out.push(plain(&key.columns));
    }
    for unique in &table.uniques {
        out.push(plain(&unique.columns));
    }
    for (position, index) in table.indexes.iter().enumerate() {
        out.push(ExistingIndex {
            keys: index
                .parts
                .iter()
                .map(|part| match &part.key {
                    IndexKey::Column(column) => KeyPart::Column(*column),
                    IndexKey::Expression(text) => KeyPart::Expression(normalize(text)),
                })
                .collect(),
            method: index
                .method
                .as_ref()
                .map(|method| method.to_ascii_lowercase())
                .filter(|method| method != "btree"),
            predicate: index.predicate.as_deref().map(normalize),
            position: Some(position),
        });
    }
    out
}

/// Text compared without case, spaces or outer parentheses.
pub fn normalize(text: &str) -> String {
    let mut squeezed: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    while squeezed.starts_with('(') && squeezed.ends_with(')') && balanced_inside(&squeezed) {
        squeezed = squeezed
            .get(1..squeezed.len() - 1)
            .unwrap_or_default()
            .to_owned();
    }
    squeezed
}

/// Whether the outer parentheses of `(...)` enclose everything (not `(a)+(b)`).
fn balanced_inside(text: &str) -> bool {
    let inner = text
        .get(1..text.len().saturating_sub(1))
        .unwrap_or_default();
    let mut depth = 0i32;
    for c in inner.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// Whether an index with these key parts serves the candidate: its first parts are the
/// candidate's equality parts in any order, then its ordered parts in order.
pub fn serves(keys: &[KeyPart], candidate: &Candidate) -> bool {
    let equality = candidate.equality.len();
    let needed = equality + candidate.ordered.len();
    if keys.len() < needed {
        return false;
    }
    let head: BTreeSet<KeyPart> = keys.iter().take(equality).map(normalized).collect();
    let wanted: BTreeSet<KeyPart> = candidate.equality.iter().map(normalized).collect();
    head == wanted
        && keys
            .iter()
            .skip(equality)
            .zip(&candidate.ordered)
            .all(|(key, part)| normalized(key) == normalized(part))
}

fn normalized(part: &KeyPart) -> KeyPart {
    match part {
        KeyPart::Column(column) => KeyPart::Column(*column),
        KeyPart::Expression(text) => KeyPart::Expression(normalize(text)),
    }
}

/// Whether an existing index serves a candidate: same kind, a predicate no narrower, and its
/// keys serve the candidate's. A GIN or GiST index serves a containment search on its column.
pub fn existing_serves(existing: &ExistingIndex, candidate: &Candidate) -> bool {
    let kind_fits = match candidate.method {
        None => existing.method.is_none(),
        Some(_) => matches!(existing.method.as_deref(), Some("gin" | "gist")),
    };
    let predicate_fits = match (&existing.predicate, &candidate.predicate) {
        (None, _) => true,
        (Some(own), Some(wanted)) => *own == normalize(wanted),
        (Some(_), None) => false,
    };
    kind_fits && predicate_fits && serves(&existing.keys, candidate)
}

/// A merged recommendation before it is written out: its key and the candidates it serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub table: TableId,
    pub keys: Vec<KeyPart>,
    pub include: Vec<relvar_model::ColumnId>,
    pub predicate: Option<String>,
    pub method: Option<&'static str>,
    pub served: Vec<Candidate>,
}

/// Candidates not served by an existing index, merged: longest keys first, each later one
/// joining a recommendation whose left prefix serves it. Equality parts lead in the order of
/// how many candidates of the table use them, so that shared columns come first. Returns the
/// merged recommendations and, per table, the existing indexes found serving a candidate.
pub fn merge(
    candidates: Vec<Candidate>,
    existing: &BTreeMap<TableId, Vec<ExistingIndex>>,
    max_include: usize,
) -> (Vec<Merged>, BTreeMap<TableId, BTreeSet<usize>>) {
    let mut used: BTreeMap<TableId, BTreeSet<usize>> = BTreeMap::new();
    let mut open = Vec::new();
    for candidate in candidates {
        let serving = existing
            .get(&candidate.table)
            .into_iter()
            .flatten()
            .find(|index| existing_serves(index, &candidate));
        match serving {
            Some(index) => {
                if let Some(position) = index.position {
                    used.entry(candidate.table).or_default().insert(position);
                }
            }
            None => open.push(candidate),
        }
    }
    let mut usage: BTreeMap<(TableId, KeyPart), usize> = BTreeMap::new();
    for candidate in &open {
        for part in &candidate.equality {
            *usage.entry((candidate.table, part.clone())).or_default() += 1;
        }
    }
    relvar_model::order::sort_by(&mut open[..], |a, b| {
        (a.table, a.method, &a.predicate)
            .cmp(&(b.table, b.method, &b.predicate))
            .then_with(|| {
                (b.equality.len() + b.ordered.len()).cmp(&(a.equality.len() + a.ordered.len()))
            })
            .then_with(|| a.query.cmp(&b.query))
    });
    let mut merged: Vec<Merged> = Vec::new();
    for candidate in open {
        let home = merged.iter_mut().find(|rec| {
            rec.table == candidate.table
                && rec.method == candidate.method
                && rec.predicate == candidate.predicate
                && serves(&rec.keys, &candidate)
        });
        match home {
            Some(rec) => {
                for column in &candidate.include {
                    if !rec.include.contains(column)
                        && !rec.keys.contains(&KeyPart::Column(*column))
                        && rec.include.len() < max_include
                    {
                        rec.include.push(*column);
                    }
                }
                rec.served.push(candidate);
            }
            None => {
                let mut equality = candidate.equality.clone();
                relvar_model::order::sort_by(&mut equality[..], |a, b| {
                    let count = |part: &KeyPart| {
                        usage
                            .get(&(candidate.table, part.clone()))
                            .copied()
                            .unwrap_or(0)
                    };
                    count(b).cmp(&count(a)).then_with(|| a.cmp(b))
                });
                let keys = equality
                    .into_iter()
                    .chain(candidate.ordered.clone())
                    .collect();
                merged.push(Merged {
                    table: candidate.table,
                    keys,
                    include: candidate.include.clone(),
                    predicate: candidate.predicate.clone(),
                    method: candidate.method,
                    served: vec![candidate],
                });
            }
        }
    }
    (merged, used)
}

/// For a partitioned table: the indexes its partitions have (key columns by name, method and
/// predicate), which serve queries on the parent as its own would. An index only some
/// partitions have counts too: a design that indexes partitions one by one leaves the newest
/// (still empty) ones for later, and PostgreSQL's planner then finds nothing to gain from a
/// parent index (pagila indexes 6 of its 55 payment partitions). Empty without partitions.
pub fn partition_indexes(design: &relvar_model::Design, parent: &Table) -> Vec<ExistingIndex> {
    let names_parent = |wanted: &str| {
        wanted.eq_ignore_ascii_case(&parent.qualified_name())
            || wanted.eq_ignore_ascii_case(&parent.name)
    };
    let partitions: Vec<&Table> = design
        .tables
        .iter()
        .filter(|table| {
            table
                .partition_of
                .as_ref()
                .is_some_and(|of| names_parent(&of.parent))
        })
        .collect();
    let key_names = |table: &Table, index: &relvar_model::Index| -> Option<Vec<String>> {
        index
            .parts
            .iter()
            .map(|part| match &part.key {
                IndexKey::Column(id) => table
                    .columns
                    .iter()
                    .find(|column| column.id == *id)
                    .map(|column| column.name.to_lowercase()),
                IndexKey::Expression(_) => None,
            })
            .collect()
    };
    let mut out: Vec<ExistingIndex> = Vec::new();
    for (partition, index) in partitions.iter().flat_map(|partition| {
        partition
            .indexes
            .iter()
            .map(move |index| (*partition, index))
    }) {
        let Some(names) = key_names(partition, index) else {
            continue;
        };
        let keys: Option<Vec<KeyPart>> = names
            .iter()
            .map(|name| {
                parent
                    .columns
                    .iter()
                    .find(|column| column.name.eq_ignore_ascii_case(name))
                    .map(|column| KeyPart::Column(column.id))
            })
            .collect();
        if let Some(keys) = keys {
            let found = ExistingIndex {
                keys,
                method: index
                    .method
                    .as_ref()
                    .map(|method| method.to_ascii_lowercase())
                    .filter(|method| method != "btree"),
                predicate: index.predicate.as_deref().map(normalize),
                position: None,
            };
            if !out.contains(&found) {
                out.push(found);
            }
        }
    }
    out
}
