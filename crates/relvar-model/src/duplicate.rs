//! Free table names and copies of tables under them, for callers building `AddTable` commands.

use std::collections::BTreeMap;

use crate::design::Design;
use crate::ids::{ColumnId, IdAllocator, TableId};
use crate::table::{IndexKey, Table};

impl Design {
    /// The table other than `except` that already has this schema and name, ignoring ASCII case.
    pub fn table_named_like(
        &self,
        schema: Option<&str>,
        name: &str,
        except: Option<TableId>,
    ) -> Option<&Table> {
        self.tables.iter().find(|table| {
            Some(table.id) != except
                && table.name.eq_ignore_ascii_case(name)
                && same_schema(table.schema.as_deref(), schema)
        })
    }

    /// `base`, or else the first of `base_2`, `base_3`, … that no table in `schema` has.
    pub fn unused_table_name(&self, schema: Option<&str>, base: &str) -> String {
        self.unused_table_name_besides(schema, base, &[])
    }

    /// [`Design::unused_table_name`], also avoiding `also_taken`: names of tables about to be
    /// added to `schema` (ASCII case ignored).
    pub fn unused_table_name_besides(
        &self,
        schema: Option<&str>,
        base: &str,
        also_taken: &[String],
    ) -> String {
        first_unused(
            base,
            |n| format!("{base}_{n}"),
            |name| {
                also_taken
                    .iter()
                    .any(|taken| taken.eq_ignore_ascii_case(name))
                    || self.table_named_like(schema, name, None).is_some()
            },
        )
    }

    /// A copy of a table with fresh table and column ids taken from `ids`, named `<name>_copy`
    /// (or `_copy2`, `_copy3`, … when taken) in the same schema. Keys, unique constraints,
    /// checks, indexes and declared dependencies follow the new columns; the comment and colour are kept. Foreign keys
    /// are not copied, nor is membership of a partitioned table.
    pub fn duplicate_table(&self, source: TableId, ids: &mut IdAllocator) -> Option<Table> {
        let original = self.table(source)?;
        let mut copy = original.clone();
        copy.id = ids.table();
        let base = format!("{}_copy", original.name);
        copy.name = first_unused(
            &base,
            |n| format!("{base}{n}"),
            |name| {
                self.table_named_like(original.schema.as_deref(), name, None)
                    .is_some()
            },
        );
        copy.partition_of = None;
        let mut renumbered = BTreeMap::new();
        for column in &mut copy.columns {
            let fresh = ids.column();
            renumbered.insert(column.id, fresh);
            column.id = fresh;
        }
        let remap = |id: &mut ColumnId| {
            if let Some(fresh) = renumbered.get(id) {
                *id = *fresh;
            }
        };
        if let Some(key) = &mut copy.primary_key {
            key.columns.iter_mut().for_each(remap);
        }
        for unique in &mut copy.uniques {
            unique.columns.iter_mut().for_each(remap);
        }
        for dependency in &mut copy.dependencies {
            dependency.lhs.iter_mut().for_each(remap);
            dependency.rhs.iter_mut().for_each(remap);
        }
        for index in &mut copy.indexes {
            index.include.iter_mut().for_each(remap);
            for part in &mut index.parts {
                if let IndexKey::Column(id) = &mut part.key {
                    remap(id);
                }
            }
        }
        Some(copy)
    }
}

/// Whether two optional schema names are the same, ignoring ASCII case.
pub(crate) fn same_schema(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        (None, None) => true,
        _ => false,
    }
}

/// `first` if free, else the first free `numbered(n)` for n = 2, 3, ….
fn first_unused(
    first: &str,
    numbered: impl Fn(u32) -> String,
    taken: impl Fn(&str) -> bool,
) -> String {
    if !taken(first) {
        return first.to_owned();
    }
    (2..=u32::MAX)
        .map(numbered)
        .find(|name| !taken(name))
        .unwrap_or_else(|| first.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{Column, Index, IndexPart, PrimaryKey, UniqueConstraint};

    fn design_with_film() -> (Design, TableId) {
        let mut design = Design::default();
        let id = design.ids.table();
        let mut film = Table::new(id, Some("public".into()), "film");
        let film_id = design.ids.column();
        let title = design.ids.column();
        film.columns
            .push(Column::new(film_id, "film_id", "integer"));
        film.columns.push(Column::new(title, "title", "text"));
        film.primary_key = Some(PrimaryKey {
            name: Some("film_pkey".into()),
            columns: vec![film_id],
        });
        film.uniques.push(UniqueConstraint {
            name: None,
            columns: vec![title],
        });
        film.indexes.push(Index {
            name: Some("film_title_idx".into()),
            unique: false,
            method: None,
            parts: vec![IndexPart {
                key: IndexKey::Column(title),
                prefix: None,
                descending: false,
                operator_class: None,
                collation: None,
            }],
            include: vec![film_id],
            predicate: None,
            kind: None,
            verbatim_options: Vec::new(),
        });
        film.comment = Some("Films".into());
        film.colour = Some("#3b6fd8".into());
        design.tables.push(film);
        (design, id)
    }

    #[test]
    fn unused_names_count_up_from_two_and_ignore_case_within_a_schema() {
        let (mut design, _) = design_with_film();
        assert_eq!(design.unused_table_name(Some("public"), "actor"), "actor");
        assert_eq!(design.unused_table_name(Some("PUBLIC"), "FILM"), "FILM_2");
        assert_eq!(design.unused_table_name(Some("audit"), "film"), "film");
        assert_eq!(design.unused_table_name(None, "film"), "film");
        let id = design.ids.table();
        design
            .tables
            .push(Table::new(id, Some("public".into()), "film_2"));
        assert_eq!(design.unused_table_name(Some("public"), "film"), "film_3");
    }

    #[test]
    fn a_duplicate_has_fresh_ids_remapped_keys_and_a_free_name() {
        let (mut design, id) = design_with_film();
        let mut ids = design.ids.clone();
        let copy = design.duplicate_table(id, &mut ids).unwrap();
        let original = design.table(id).unwrap();
        assert_eq!(copy.name, "film_copy");
        assert_eq!(copy.schema.as_deref(), Some("public"));
        assert_ne!(copy.id, original.id);
        let fresh: Vec<ColumnId> = copy.columns.iter().map(|c| c.id).collect();
        assert!(
            fresh
                .iter()
                .all(|c| original.columns.iter().all(|o| o.id != *c))
        );
        assert_eq!(copy.primary_key.as_ref().unwrap().columns, vec![fresh[0]]);
        assert_eq!(copy.uniques[0].columns, vec![fresh[1]]);
        assert_eq!(
            copy.indexes[0].key_columns().collect::<Vec<_>>(),
            vec![fresh[1]]
        );
        assert_eq!(copy.indexes[0].include, vec![fresh[0]]);
        assert_eq!(copy.comment.as_deref(), Some("Films"));
        assert_eq!(copy.colour.as_deref(), Some("#3b6fd8"));

        design.tables.push(copy);
        design.ids = ids.clone();
        let second = design.duplicate_table(id, &mut ids).unwrap();
        assert_eq!(second.name, "film_copy2");
    }

    #[test]
    fn duplicating_a_missing_table_gives_nothing() {
        let (design, _) = design_with_film();
        let mut ids = design.ids.clone();
        assert_eq!(design.duplicate_table(TableId(99), &mut ids), None);
    }
}
