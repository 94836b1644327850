//! Enum types of two designs paired, renamed types and renamed values included. Between versions
//! of one design a type is renamed when the columns that used it use the other now, and a value
//! edited in place is renamed; between unrelated schemas only what a person confirmed is a rename,
//! and the likely ones are offered as candidates. Columns typed `enum(...)` in place (MySQL) have
//! their values paired the same way.

use std::collections::BTreeMap;

use relvar_model::{Column, ColumnId, Design, Dialect, EnumType, Table, is_default_schema};

use crate::diff::same_schema;
use crate::matching::{Matching, Pairing, Renames, same_name};

/// A value renamed: the first design's spelling, then the second's.
pub type ValuePair = (String, String);

/// Enum types paired between two designs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnumPairing {
    pairs: Vec<EnumPair>,
    /// Renamed values of columns typed `enum(...)` in place, by the second design's column.
    inline: BTreeMap<ColumnId, Vec<ValuePair>>,
    candidates: Vec<EnumCandidate>,
}

/// One enum type of the first design that is one of the second.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumPair {
    /// Positions in the first design's list of enums, and in the second's.
    pub from: usize,
    pub to: usize,
    pub old: EnumType,
    pub new: EnumType,
    pub values_renamed: Vec<ValuePair>,
}

impl EnumPair {
    /// Whether a column typed `old_type` in the first design and `new_type` in the second went
    /// from this pair's first enum to its second.
    pub fn types(&self, old_type: &str, new_type: &str) -> bool {
        self.old.is_named_by(old_type) && self.new.is_named_by(new_type)
    }

    pub fn renamed(&self) -> bool {
        self.old.name != self.new.name
    }

    /// Values the second design has and the first lacks, renamed ones aside.
    pub fn added_values(&self) -> Vec<String> {
        let renamed_to = |value: &String| self.values_renamed.iter().any(|(_, to)| to == value);
        missing_from(&self.new.values, &self.old.values)
            .into_iter()
            .filter(|value| !renamed_to(value))
            .collect()
    }

    /// Values the first design has and the second lacks, renamed ones aside.
    pub fn removed_values(&self) -> Vec<String> {
        let renamed_from =
            |value: &String| self.values_renamed.iter().any(|(from, _)| from == value);
        missing_from(&self.old.values, &self.new.values)
            .into_iter()
            .filter(|value| !renamed_from(value))
            .collect()
    }
}

/// A rename between unrelated schemas that a person may confirm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnumCandidate {
    /// A removed enum type and an added one (positions in each design's list).
    Type { from: usize, to: usize },
    /// A value of a paired enum, or of a column typed `enum(...)`: `of` as the second design names
    /// it (the type, or `table.column`).
    Value {
        of: String,
        from: String,
        to: String,
    },
}

impl EnumPairing {
    pub fn pairs(&self) -> &[EnumPair] {
        &self.pairs
    }

    /// The pair of enum types a column's old and new type name, when the type was renamed.
    pub fn renamed_type(&self, old_type: &str, new_type: &str) -> Option<&EnumPair> {
        self.pairs
            .iter()
            .find(|pair| pair.renamed() && pair.types(old_type, new_type))
    }

    /// The renamed values of a column typed `enum(...)` in place (the second design's column).
    pub fn inline_values_renamed(&self, column: ColumnId) -> &[ValuePair] {
        self.inline.get(&column).map_or(&[], Vec::as_slice)
    }

    pub fn candidates(&self) -> &[EnumCandidate] {
        &self.candidates
    }
}

/// The enum types of `from` paired with those of `to`, after their tables and columns.
pub(crate) fn pair_enums(
    from: &Design,
    to: &Design,
    matching: Matching,
    renames: &Renames,
    pairing: &Pairing,
) -> EnumPairing {
    let dialect = to
        .source_dialect
        .or(from.source_dialect)
        .unwrap_or_default();
    let mut result = EnumPairing::default();
    let mut taken = vec![false; to.enums.len()];
    let mut leftover = Vec::new();
    for (at, old) in from.enums.iter().enumerate() {
        let same = to.enums.iter().position(|new| {
            same_name(&old.name, &new.name, dialect)
                && same_schema(old.schema.as_deref(), new.schema.as_deref(), dialect)
        });
        match same.and_then(|other| taken.get_mut(other).map(|slot| (other, slot))) {
            Some((other, slot)) => {
                *slot = true;
                result.pairs.push((at, other).into_pair(from, to));
            }
            None => leftover.push(at),
        }
    }
    let switched = if leftover.is_empty() {
        BTreeMap::new()
    } else {
        switched_enums(from, to, pairing)
    };
    for at in leftover {
        let Some(old) = from.enums.get(at) else {
            continue;
        };
        let free = |taken: &[bool], other: usize, new: &EnumType| {
            !taken.get(other).copied().unwrap_or(true)
                && same_schema(old.schema.as_deref(), new.schema.as_deref(), dialect)
        };
        let partner = to.enums.iter().enumerate().position(|(other, new)| {
            free(&taken, other, new)
                && match matching {
                    Matching::ById => switched.get(&at) == Some(&Some(other)),
                    Matching::ByName => renames.enums.iter().any(|rename| {
                        names_enum(&rename.from, old, dialect)
                            && names_enum(&rename.to, new, dialect)
                    }),
                }
        });
        match partner.and_then(|other| taken.get_mut(other).map(|slot| (other, slot))) {
            Some((other, slot)) => {
                *slot = true;
                result.pairs.push((at, other).into_pair(from, to));
            }
            None if matching == Matching::ByName => {
                for (other, new) in to.enums.iter().enumerate() {
                    let likely =
                        old.values == new.values || switched.get(&at) == Some(&Some(other));
                    if free(&taken, other, new) && likely {
                        result.candidates.push(EnumCandidate::Type {
                            from: at,
                            to: other,
                        });
                    }
                }
            }
            None => {}
        }
    }
    for pair in &mut result.pairs {
        let (old, new) = (&pair.old, &pair.new);
        let names_this =
            |name: &str| names_enum(name, old, dialect) || names_enum(name, new, dialect);
        let (renamed, offered) =
            value_renames(&old.values, &new.values, &names_this, matching, renames);
        pair.values_renamed = renamed;
        result
            .candidates
            .extend(offered.into_iter().map(|(from, to)| EnumCandidate::Value {
                of: pair.new.qualified_name(),
                from,
                to,
            }));
    }
    pair_inline(from, to, matching, renames, pairing, &mut result);
    result
}

trait IntoPair {
    fn into_pair(self, from: &Design, to: &Design) -> EnumPair;
}

impl IntoPair for (usize, usize) {
    fn into_pair(self, from: &Design, to: &Design) -> EnumPair {
        let (at, other) = self;
        EnumPair {
            from: at,
            to: other,
            old: from.enums.get(at).cloned().unwrap_or_else(empty_enum),
            new: to.enums.get(other).cloned().unwrap_or_else(empty_enum),
            values_renamed: Vec::new(),
        }
    }
}

fn empty_enum() -> EnumType {
    EnumType {
        schema: None,
        name: String::new(),
        values: Vec::new(),
    }
}

/// For each enum of `from` that paired columns use: the one enum of `to` every one of them uses
/// now (`None` when they went different ways).
fn switched_enums(from: &Design, to: &Design, pairing: &Pairing) -> BTreeMap<usize, Option<usize>> {
    let old_columns = columns_by_id(from);
    let new_columns = columns_by_id(to);
    let mut switched: BTreeMap<usize, Option<usize>> = BTreeMap::new();
    for (old_id, new_id) in pairing.columns() {
        let (Some(old), Some(new)) = (old_columns.get(&old_id), new_columns.get(&new_id)) else {
            continue;
        };
        let Some(at) = from
            .enums
            .iter()
            .position(|e| e.is_named_by(&old.data_type))
        else {
            continue;
        };
        let now = to.enums.iter().position(|e| e.is_named_by(&new.data_type));
        switched
            .entry(at)
            .and_modify(|seen| {
                if *seen != now {
                    *seen = None;
                }
            })
            .or_insert(now);
    }
    switched
}

fn columns_by_id(design: &Design) -> BTreeMap<ColumnId, &Column> {
    design
        .tables
        .iter()
        .flat_map(|table| table.columns.iter())
        .map(|column| (column.id, column))
        .collect()
}

/// The renamed values of paired columns typed `enum(...)` in place.
fn pair_inline(
    from: &Design,
    to: &Design,
    matching: Matching,
    renames: &Renames,
    pairing: &Pairing,
    result: &mut EnumPairing,
) {
    let dialect = to
        .source_dialect
        .or(from.source_dialect)
        .unwrap_or_default();
    for (old_id, new_id) in pairing.tables() {
        let (Some(old_table), Some(new_table)) = (from.table(old_id), to.table(new_id)) else {
            continue;
        };
        for old in &old_table.columns {
            let Some(new) = pairing
                .column(old.id)
                .and_then(|id| new_table.columns.iter().find(|c| c.id == id))
            else {
                continue;
            };
            if old.data_type == new.data_type || !both_inline(&old.data_type, &new.data_type) {
                continue;
            }
            let (Some(old_values), Some(new_values)) = (
                relvar_sql::inline_enum_values(&old.data_type),
                relvar_sql::inline_enum_values(&new.data_type),
            ) else {
                continue;
            };
            let of = column_path(new_table, new);
            let was = column_path(old_table, old);
            let names_this =
                |name: &str| names_path(name, &of, dialect) || names_path(name, &was, dialect);
            let (renamed, offered) =
                value_renames(&old_values, &new_values, &names_this, matching, renames);
            if !renamed.is_empty() {
                result.inline.insert(new.id, renamed);
            }
            result
                .candidates
                .extend(offered.into_iter().map(|(from, to)| EnumCandidate::Value {
                    of: of.clone(),
                    from,
                    to,
                }));
        }
    }
}

fn both_inline(a: &str, b: &str) -> bool {
    let inline = |t: &str| {
        t.trim_start()
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("enum"))
    };
    inline(a) && inline(b)
}

/// `table.column`, as a value rename of a column typed `enum(...)` names it.
pub(crate) fn column_path(table: &Table, column: &Column) -> String {
    format!("{}.{}", table.display_name(), column.name)
}

/// The renamed values between two lists, and the renames to offer a person. Between versions of
/// one design a value that stands where another stood, neither being on the other side, was
/// edited in place; between unrelated schemas those are only candidates, and the renames are
/// the confirmed ones whose old value left and new value arrived.
fn value_renames(
    old: &[String],
    new: &[String],
    names_this: &dyn Fn(&str) -> bool,
    matching: Matching,
    renames: &Renames,
) -> (Vec<ValuePair>, Vec<ValuePair>) {
    let in_place = edited_in_place(old, new);
    if matching == Matching::ById {
        return (in_place, Vec::new());
    }
    let mut confirmed: Vec<ValuePair> = Vec::new();
    for rename in &renames.values {
        let fits = old.contains(&rename.from)
            && !new.contains(&rename.from)
            && new.contains(&rename.to)
            && !old.contains(&rename.to);
        let fresh = !confirmed
            .iter()
            .any(|(a, b)| *a == rename.from || *b == rename.to);
        if names_this(&rename.of) && fits && fresh {
            confirmed.push((rename.from.clone(), rename.to.clone()));
        }
    }
    let offered = in_place
        .into_iter()
        .filter(|(a, b)| !confirmed.iter().any(|(c, d)| c == a || d == b))
        .collect();
    (confirmed, offered)
}

/// Values that stand where another stood: between two values both lists hold (or an end), the
/// values only the old list has and those only the new one has, as many of each, paired in order.
fn edited_in_place(old: &[String], new: &[String]) -> Vec<ValuePair> {
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        let gone_from = i;
        while old.get(i).is_some_and(|value| !new.contains(value)) {
            i += 1;
        }
        let came_from = j;
        while new.get(j).is_some_and(|value| !old.contains(value)) {
            j += 1;
        }
        let (gone, came) = (
            old.get(gone_from..i).unwrap_or_default(),
            new.get(came_from..j).unwrap_or_default(),
        );
        if gone.len() == came.len() {
            pairs.extend(gone.iter().cloned().zip(came.iter().cloned()));
        }
        // Past the value both hold (out of order ones are passed one side at a time).
        i = (i + 1).min(old.len().max(i));
        j = (j + 1).min(new.len().max(j));
    }
    pairs
}

/// Whether a confirmed rename's name (`schema.name`, `table.column`, bare) is this dotted path,
/// an engine's default schema left out or not.
fn names_path(given: &str, path: &str, dialect: Dialect) -> bool {
    let bare = |text: &str| -> String {
        match text.split_once('.') {
            Some((schema, rest)) if is_default_schema(schema) && rest.contains('.') => {
                rest.to_owned()
            }
            _ => text.to_owned(),
        }
    };
    same_name(&bare(given), &bare(path), dialect)
}

/// Whether `name` (`schema.name` or bare) names the enum type.
fn names_enum(name: &str, enum_type: &EnumType, dialect: Dialect) -> bool {
    match name.rsplit_once('.') {
        Some((schema, bare)) => {
            same_name(bare, &enum_type.name, dialect)
                && same_schema(Some(schema), enum_type.schema.as_deref(), dialect)
        }
        None => same_name(name, &enum_type.name, dialect),
    }
}

pub(crate) fn missing_from(values: &[String], others: &[String]) -> Vec<String> {
    values
        .iter()
        .filter(|value| !others.contains(value))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::edited_in_place;

    fn values(text: &str) -> Vec<String> {
        text.split(' ')
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
            .collect()
    }

    fn renamed(old: &str, new: &str) -> Vec<(String, String)> {
        edited_in_place(&values(old), &values(new))
    }

    fn pairs(text: &[(&str, &str)]) -> Vec<(String, String)> {
        text.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn a_value_edited_where_it_stands_is_renamed_around_values_inserted_elsewhere() {
        assert_eq!(
            renamed("G PG PG13 R NC17", "G x y PG PG13b R NC17"),
            pairs(&[("PG13", "PG13b")])
        );
        assert_eq!(renamed("a b c", "z b y"), pairs(&[("a", "z"), ("c", "y")]));
        assert_eq!(renamed("a b c", "a b c d"), pairs(&[]));
        assert_eq!(renamed("a b c", "a c"), pairs(&[]));
        // Two gone where one came: which one became it is anyone's guess.
        assert_eq!(renamed("a b c d", "a x d"), pairs(&[]));
        assert_eq!(renamed("a b", "b a"), pairs(&[]));
        assert_eq!(renamed("", "a"), pairs(&[]));
        assert_eq!(renamed("a", ""), pairs(&[]));
    }
}
