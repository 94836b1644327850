//! Views from a catalog: each definition written as its CREATE VIEW and read as the importer
//! reads one (name, relations read), ordered so that a view comes after the views it reads.

use relvar_model::{Design, View};

use super::document::ViewEntry;
use crate::dialect::{Dialect, SqlSyntax};
use crate::import::import_sql;

/// Adds the views to the design; returns how many it could read.
pub(super) fn add_views(design: &mut Design, entries: Vec<ViewEntry>, dialect: Dialect) -> usize {
    let mut views = Vec::new();
    for entry in entries {
        let (Some(name), Some(definition)) = (entry.name, entry.definition) else {
            continue;
        };
        let body = definition.trim().trim_end_matches(';').trim_end();
        let sql = if starts_with_create(body) {
            body.to_owned()
        } else {
            let qualified = match &entry.schema {
                Some(schema) => format!("{}.{}", dialect.quote(schema), dialect.quote(&name)),
                None => dialect.quote(&name),
            };
            let kind = if entry.materialized.0 {
                "MATERIALIZED VIEW"
            } else {
                "VIEW"
            };
            format!("CREATE {kind} {qualified} AS\n{body}")
        };
        let Some(mut view) = import_sql(&sql, dialect).design.views.into_iter().next() else {
            continue;
        };
        view.schema.clone_from(&entry.schema);
        view.name = name;
        view.reads = view
            .reads
            .iter()
            .map(|read| design_spelling(design, read))
            .collect();
        views.push(view);
    }
    let count = views.len();
    design.views = in_dependency_order(views);
    for (at, view) in design.views.iter_mut().enumerate() {
        view.line = u32::try_from(at + 1).unwrap_or(u32::MAX);
    }
    count
}

/// Whether the text is a whole CREATE statement (SQLite and SQL Server keep views so), past
/// the comments before it.
fn starts_with_create(mut text: &str) -> bool {
    loop {
        text = text.trim_start();
        if let Some(rest) = text.strip_prefix("--") {
            text = rest.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(rest) = text.strip_prefix("/*") {
            text = rest.split_once("*/").map_or("", |(_, after)| after);
        } else {
            return text
                .get(..6)
                .is_some_and(|head| head.eq_ignore_ascii_case("create"));
        }
    }
}

/// A relation's name as the design spells it, when the design holds a table of that name.
fn design_spelling(design: &Design, read: &str) -> String {
    let (schema, name) = match read.rsplit_once('.') {
        Some((schema, name)) => (Some(schema), name),
        None => (None, read),
    };
    design
        .find_table(schema, name)
        .map_or_else(|| read.to_owned(), relvar_model::Table::qualified_name)
}

/// Views after the views they read, otherwise in the order given; a cycle keeps its order.
fn in_dependency_order(views: Vec<View>) -> Vec<View> {
    let names: Vec<String> = views
        .iter()
        .map(|view| view.qualified_name().to_ascii_lowercase())
        .collect();
    let bare: Vec<String> = views
        .iter()
        .map(|view| view.name.to_ascii_lowercase())
        .collect();
    let reads: Vec<Vec<usize>> = views
        .iter()
        .enumerate()
        .map(|(at, view)| {
            let mut read: Vec<usize> = view
                .reads
                .iter()
                .filter_map(|name| {
                    let name = name.to_ascii_lowercase();
                    names
                        .iter()
                        .position(|known| *known == name)
                        .or_else(|| bare.iter().position(|known| *known == name))
                })
                .filter(|&other| other != at)
                .collect();
            read.dedup();
            read
        })
        .collect();
    let mut placed = vec![false; views.len()];
    let mut order = Vec::with_capacity(views.len());
    while order.len() < views.len() {
        let ready = (0..views.len())
            .filter(|&at| !placed.get(at).copied().unwrap_or(true))
            .find(|&at| {
                reads.get(at).is_none_or(|read| {
                    read.iter()
                        .all(|&other| placed.get(other).copied().unwrap_or(true))
                })
            })
            .or_else(|| (0..views.len()).find(|&at| !placed.get(at).copied().unwrap_or(true)));
        let Some(ready) = ready else {
            break;
        };
        if let Some(slot) = placed.get_mut(ready) {
            *slot = true;
        }
        order.push(ready);
    }
    let mut slots: Vec<Option<View>> = views.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|at| slots.get_mut(at).and_then(Option::take))
        .collect()
}
