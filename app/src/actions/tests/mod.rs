//! Native tests of the action registry: its keys, its sheet, and every action on small designs.

mod edits;
mod registry;
mod studio;

use relvar_model::{Design, Point, TableId};
use relvar_sql::Dialect;

use super::{Context, Outcome};
use crate::selection::Selection;

const SQL: &str = "
CREATE TABLE customer (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customer (id));
CREATE TABLE product (id bigint PRIMARY KEY, name text);
";

/// Where the tests' view is centred.
const CENTRE: Point = Point { x: 300.0, y: 200.0 };

/// Three tables, one relationship, laid out.
fn design() -> Design {
    let mut design = relvar_sql::import_sql(SQL, Dialect::PostgreSql).design;
    relvar_layout::lay_out_unplaced(&mut design);
    design
}

fn table(design: &Design, name: &str) -> TableId {
    design
        .tables
        .iter()
        .find(|table| table.name == name)
        .map(|table| table.id)
        .unwrap_or_else(|| panic!("no table {name}"))
}

fn tables(design: &Design, names: &[&str]) -> Selection {
    Selection::of_tables(names.iter().map(|name| table(design, name)))
}

fn context<'a>(design: &'a Design, selection: &'a Selection) -> Context<'a> {
    Context {
        design,
        selection,
        can_undo: false,
        can_redo: false,
        centre: CENTRE,
        shift: false,
        viewing_part: false,
    }
}

/// Applies an edit to a copy of the design, checks that its inverse gives the design back, and
/// returns the design after it and what the edit selects.
fn applied(design: &Design, outcome: Option<Outcome>) -> (Design, Option<Selection>) {
    let Some(Outcome::Edit { command, then }) = outcome else {
        panic!("not an edit: {outcome:?}");
    };
    let mut after = design.clone();
    let inverse = command.apply(&mut after).expect("the edit applies");
    let mut undone = after.clone();
    inverse.apply(&mut undone).expect("its inverse applies");
    assert_eq!(&undone, design, "the inverse restores the design");
    (after, then)
}

fn names(design: &Design) -> Vec<String> {
    design
        .tables
        .iter()
        .map(|table| table.name.clone())
        .collect()
}
