//! Applying decompositions to a design: one command, undone exactly, leaving tables in the
//! target normal form with keys and foreign keys; declared dependencies as text.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use proptest::prelude::*;
use relvar_model::{
    Column, Command, DeclaredDependency, DependencyKind, Design, ForeignKey, History, Point,
    PrimaryKey, ReferentialAction, Table, TableId,
};
use relvar_normalize::{
    ApplyError, AttrSet, Component, Relation, decompose_bcnf, decomposition_command,
    set_dependencies_command, synthesize_3nf, table_dependencies_text, table_relation,
};
use support::{is_3nf, is_bcnf, relation};

/// A design with `employees(emp_id, name, dept_id, dept_name, zip, city)` keyed by emp_id, a
/// `payroll` table referencing it, and a `dept_names` table that `employees.dept_name` references.
fn company() -> (Design, TableId) {
    let mut design = Design::default();
    let mut table = |name: &str, columns: &[&str], key: &[&str]| {
        let id = design.ids.table();
        let mut table = Table::new(id, None, name);
        for column in columns {
            let column_id = design.ids.column();
            table.columns.push(Column::new(column_id, *column, "text"));
        }
        let key = key
            .iter()
            .map(|name| table.column_id(name).unwrap())
            .collect();
        table.primary_key = Some(PrimaryKey {
            name: None,
            columns: key,
        });
        design.layout.positions.insert(id, Point::new(10.0, 20.0));
        design.tables.push(table);
        id
    };
    let employees = table(
        "employees",
        &["emp_id", "name", "dept_id", "dept_name", "zip", "city"],
        &["emp_id"],
    );
    let payroll = table("payroll", &["emp_id", "amount"], &["emp_id"]);
    let dept_names = table("dept_names", &["name"], &["name"]);
    let column = |design: &Design, table: TableId, name: &str| {
        design.table(table).unwrap().column_id(name).unwrap()
    };
    for (from, from_column, to, to_column) in [
        (payroll, "emp_id", employees, "emp_id"),
        (employees, "dept_name", dept_names, "name"),
    ] {
        let id = design.ids.foreign_key();
        let foreign_key = ForeignKey {
            id,
            name: None,
            from_table: from,
            from_columns: vec![column(&design, from, from_column)],
            to_table: to,
            to_columns: vec![column(&design, to, to_column)],
            on_delete: ReferentialAction::Cascade,
            on_update: ReferentialAction::NoAction,
            deferral: Default::default(),
        };
        design.foreign_keys.push(foreign_key);
    }
    let declare = set_dependencies_command(
        design.table(employees).unwrap(),
        "dept_id -> dept_name\nzip -> city",
    )
    .unwrap();
    declare.apply(&mut design).unwrap();
    (design, employees)
}

fn relationship_names(design: &Design) -> Vec<String> {
    let name = |id| {
        design
            .table(id)
            .map_or("?".to_owned(), |t: &Table| t.name.clone())
    };
    design
        .foreign_keys
        .iter()
        .map(|fk| {
            let columns = |table, ids: &[relvar_model::ColumnId]| {
                ids.iter()
                    .map(|id| design.column(table, *id).unwrap().name.clone())
                    .collect::<Vec<_>>()
                    .join(",")
            };
            format!(
                "{}({}) -> {}({})",
                name(fk.from_table),
                columns(fk.from_table, &fk.from_columns),
                name(fk.to_table),
                columns(fk.to_table, &fk.to_columns)
            )
        })
        .collect()
}

#[test]
fn the_3nf_synthesis_of_employees_is_one_command_that_undoes_exactly() {
    let (design, employees) = company();
    let relation = table_relation(design.table(employees).unwrap());
    let synthesis = synthesize_3nf(&relation);
    let command = decomposition_command(&design, employees, &synthesis.components).unwrap();
    assert!(matches!(command, Command::Batch(_)));
    let mut edited = design.clone();
    let mut history = History::default();
    history.apply(&mut edited, command).unwrap();

    assert_eq!(
        edited.outline(),
        "table employees
  emp_id text
  name text
  dept_id text
  zip text
  primary key (emp_id)
table payroll
  emp_id text
  amount text
  primary key (emp_id)
table dept_names
  name text
  primary key (name)
table depts
  dept_id text NOT NULL
  dept_name text
  primary key (dept_id)
  dependency dept_id -> dept_name
table zips
  zip text NOT NULL
  city text
  primary key (zip)
  dependency zip -> city
foreign key payroll (emp_id) -> employees (emp_id) ON DELETE CASCADE
foreign key depts (dept_name) -> dept_names (name) ON DELETE CASCADE
foreign key employees (dept_id) -> depts (dept_id)
foreign key employees (zip) -> zips (zip)
"
    );
    assert!(edited.table(employees).unwrap().dependencies.is_empty());

    for table in &edited.tables[..] {
        if table.name == "payroll" || table.name == "dept_names" {
            continue;
        }
        let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
        let attributes = relation.set_of(&names).unwrap();
        assert!(is_3nf(&relation.fds, &attributes), "{}", table.name);
    }

    history.undo(&mut edited).unwrap();
    assert_eq!(edited, design);
    history.redo(&mut edited).unwrap();
    assert_eq!(edited.tables.len(), 5);
}

#[test]
fn name_clashes_are_avoided_and_a_table_without_the_primary_key_takes_the_component_key() {
    let (mut design, employees) = company();
    let id = design.ids.table();
    design.tables.push(Table::new(id, None, "zips"));
    let relation = table_relation(design.table(employees).unwrap());
    let bcnf = decompose_bcnf(&relation);
    let command = decomposition_command(&design, employees, &bcnf.components).unwrap();
    let mut edited = design.clone();
    let inverse = command.apply(&mut edited).unwrap();
    let names: Vec<&str> = edited.tables.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "employees",
            "payroll",
            "dept_names",
            "zips",
            "depts",
            "zips_2"
        ]
    );
    inverse.apply(&mut edited).unwrap();
    assert_eq!(edited, design);

    // Keep the component without emp_id apart from the rest: the original becomes it.
    let set = |names: &[&str]| relation.set_of(names).unwrap();
    let components = [
        Component {
            attributes: set(&["zip", "city"]),
            key: set(&["zip"]),
        },
        Component {
            attributes: set(&["emp_id", "name", "dept_id", "dept_name", "zip"]),
            key: set(&["emp_id"]),
        },
    ];
    let mut moved = design.clone();
    decomposition_command(&design, employees, &components)
        .unwrap()
        .apply(&mut moved)
        .unwrap();
    let employees_after = moved.table(employees).unwrap();
    assert_eq!(employees_after.columns.len(), 5);
    assert!(relationship_names(&moved).contains(&"employees(zip) -> zips_2(zip)".to_owned()));
}

#[test]
fn decompositions_that_lose_columns_or_name_missing_ones_are_refused() {
    let (design, employees) = company();
    let set = |positions: &[usize]| positions.iter().copied().collect::<AttrSet>();
    let partial = [Component {
        attributes: set(&[0, 1, 2]),
        key: set(&[0]),
    }];
    assert_eq!(
        decomposition_command(&design, employees, &partial),
        Err(ApplyError::ColumnLeftOut("dept_name".into()))
    );
    let past = [Component {
        attributes: set(&[0, 1, 2, 3, 4, 5, 9]),
        key: set(&[0]),
    }];
    assert_eq!(
        decomposition_command(&design, employees, &past),
        Err(ApplyError::NoSuchPosition(9))
    );
    assert_eq!(
        decomposition_command(&design, TableId(999), &partial),
        Err(ApplyError::NoSuchTable(TableId(999)))
    );
}

#[test]
fn dependencies_read_from_text_are_written_back_the_same() {
    let (design, employees) = company();
    let table = design.table(employees).unwrap();
    assert_eq!(
        table_dependencies_text(table),
        "dept_id -> dept_name\nzip -> city\n"
    );
    let errors = set_dependencies_command(table, "zip -> town").unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "line 1, column 8: there is no column named town"
    );
    let mut odd = Table::new(TableId(1), None, "t");
    odd.columns
        .push(Column::new(relvar_model::ColumnId(2), "a b", "int"));
    odd.columns
        .push(Column::new(relvar_model::ColumnId(3), "c\"d", "int"));
    odd.dependencies.push(DeclaredDependency {
        kind: DependencyKind::Multivalued,
        lhs: vec![relvar_model::ColumnId(2)],
        rhs: vec![relvar_model::ColumnId(3)],
    });
    let text = table_dependencies_text(&odd);
    assert_eq!(text, "\"a b\" ->> \"c\"\"d\"\n");
    let Command::SetTableDependencies { dependencies, .. } =
        set_dependencies_command(&odd, &text).unwrap()
    else {
        panic!("not a dependency command");
    };
    assert_eq!(dependencies, odd.dependencies);
}

/// A table of columns with the given names (ids 1, 2, ...) declaring `dependencies` as
/// (multivalued, lhs positions, rhs positions).
fn named_table(names: &[String], dependencies: &[(bool, Vec<usize>, Vec<usize>)]) -> Table {
    let id = |position: &usize| relvar_model::ColumnId(*position as u32 + 1);
    let mut table = Table::new(TableId(0), None, "t");
    for (position, name) in names.iter().enumerate() {
        table
            .columns
            .push(Column::new(id(&position), name.clone(), "int"));
    }
    table.dependencies = dependencies
        .iter()
        .map(|(multivalued, lhs, rhs)| DeclaredDependency {
            kind: if *multivalued {
                DependencyKind::Multivalued
            } else {
                DependencyKind::Functional
            },
            lhs: lhs.iter().map(id).collect(),
            rhs: rhs.iter().map(id).collect(),
        })
        .collect();
    table
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Whatever column names a table has (quotes, brackets, arrows, `#`, spaces, letters of
    /// any script, any case), its dependencies written as text read back the same.
    #[test]
    fn dependencies_as_text_read_back_the_same_whatever_the_names(
        (names, dependencies) in proptest::collection::btree_set("[a-zA-Zé$_0-9 \"`\\[\\]#,>→-]{0,6}", 1..6)
            .prop_flat_map(|names| {
                let names: Vec<String> = names.into_iter().collect();
                let width = names.len();
                let side = proptest::collection::btree_set(0..width, 0..=width)
                    .prop_map(|set| set.into_iter().collect::<Vec<_>>());
                let dependency = (any::<bool>(), side.clone(), side)
                    .prop_filter("a right side", |(_, _, rhs)| !rhs.is_empty());
                (Just(names), proptest::collection::vec(dependency, 0..4))
            })
    ) {
        let table = named_table(&names, &dependencies);
        let text = table_dependencies_text(&table);
        let Command::SetTableDependencies { dependencies: read, .. } =
            set_dependencies_command(&table, &text).unwrap_or_else(|errors| panic!("{text:?}: {errors:?}"))
        else {
            panic!("not a dependency command");
        };
        prop_assert_eq!(read, table.dependencies, "{:?}", text);
    }

    /// Any text is read or refused with errors, never a panic.
    #[test]
    fn any_text_is_read_or_refused(text in "[a-c \"`\\[\\]#,>→↠\n-]{0,40}") {
        let table = named_table(&["a".into(), "B".into(), "c c".into()], &[]);
        let _ = set_dependencies_command(&table, &text);
    }
}

/// A design holding the relation as a table keyed by its first candidate key, with its
/// dependencies declared, and a second table referencing the first column.
fn design_of(relation: &Relation) -> (Design, TableId) {
    let mut design = Design::default();
    let id = design.ids.table();
    let mut table = Table::new(id, Some("public".into()), "r");
    for name in &relation.names {
        table
            .columns
            .push(Column::new(design.ids.column(), name.clone(), "int"));
    }
    let key = relvar_normalize::candidate_keys(&relation.fds, &relation.all(), 1);
    let column_id = |position: usize| table.columns[position].id;
    table.primary_key = Some(PrimaryKey {
        name: None,
        columns: key.keys[0].iter().map(column_id).collect(),
    })
    .filter(|key| !key.columns.is_empty());
    table.dependencies = relation
        .fds
        .iter()
        .map(|fd| DeclaredDependency {
            kind: DependencyKind::Functional,
            lhs: fd.lhs.iter().map(column_id).collect(),
            rhs: fd.rhs.iter().map(column_id).collect(),
        })
        .collect();
    let other = design.ids.table();
    let mut referencing = Table::new(other, Some("public".into()), "s");
    let reference = design.ids.column();
    referencing
        .columns
        .push(Column::new(reference, "ref", "int"));
    let foreign_key = ForeignKey {
        id: design.ids.foreign_key(),
        name: None,
        from_table: other,
        from_columns: vec![reference],
        to_table: id,
        to_columns: vec![table.columns[0].id],
        on_delete: ReferentialAction::NoAction,
        on_update: ReferentialAction::NoAction,
        deferral: Default::default(),
    };
    design.tables.push(table);
    design.tables.push(referencing);
    design.foreign_keys.push(foreign_key);
    (design, id)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn applied_decompositions_give_tables_in_the_normal_form_and_undo_exactly(
        relation in relation(6, 6, false),
    ) {
        let (design, table) = design_of(&relation);
        let whole = table_relation(design.table(table).unwrap());
        for (bcnf, decomposition) in [(false, synthesize_3nf(&whole)), (true, decompose_bcnf(&whole))] {
            let command = decomposition_command(&design, table, &decomposition.components).unwrap();
            let mut edited = design.clone();
            let mut history = History::default();
            history.apply(&mut edited, command).unwrap();
            let new_tables = edited.tables.len() - design.tables.len();
            prop_assert_eq!(new_tables + 1, decomposition.components.len().max(1));
            for result in edited.tables.iter().filter(|t| t.name != "s") {
                let names: Vec<&str> = result.columns.iter().map(|c| c.name.as_str()).collect();
                let attributes = whole.set_of(&names).unwrap();
                prop_assert!(decomposition.schemas().contains(&attributes));
                let in_form = if bcnf { is_bcnf(&whole.fds, &attributes) } else { is_3nf(&whole.fds, &attributes) };
                prop_assert!(in_form, "{} {:?}", result.name, names);
                let key: Vec<&str> = result.primary_key.iter().flat_map(|k| &k.columns)
                    .map(|id| result.columns.iter().find(|c| c.id == *id).unwrap().name.as_str())
                    .collect();
                let key = whole.set_of(&key).unwrap();
                prop_assert!(relvar_normalize::closure(&whole.fds, &key).is_superset_of(&attributes));
            }
            history.undo(&mut edited).unwrap();
            prop_assert_eq!(&edited, &design);
        }
    }
}

trait Superset {
    fn is_superset_of(&self, other: &AttrSet) -> bool;
}

impl Superset for AttrSet {
    fn is_superset_of(&self, other: &AttrSet) -> bool {
        other.is_subset(self)
    }
}
