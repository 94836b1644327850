//! Setting a table's declared dependencies: checked, undone, kept through renames, dropped with
//! the columns they name.

use super::{catalogue, column, edited, rejected, table};
use crate::command::{Command, CommandError};
use crate::dependency::{DeclaredDependency, DependencyKind};
use crate::ids::ColumnId;

fn functional(lhs: Vec<ColumnId>, rhs: Vec<ColumnId>) -> DeclaredDependency {
    DeclaredDependency {
        kind: DependencyKind::Functional,
        lhs,
        rhs,
    }
}

#[test]
fn dependencies_are_set_undone_and_survive_a_column_rename() {
    let design = catalogue();
    let rental = table(&design, "rental");
    let [rental_id, film_id, rented_at] =
        ["rental_id", "film_id", "rented_at"].map(|name| column(&design, "rental", name));
    let declared = vec![
        functional(vec![rental_id], vec![film_id, rented_at]),
        DeclaredDependency {
            kind: DependencyKind::Multivalued,
            lhs: vec![film_id],
            rhs: vec![rented_at],
        },
    ];
    let with = edited(
        &design,
        Command::SetTableDependencies {
            table: rental,
            dependencies: declared.clone(),
        },
    );
    assert_eq!(with.table(rental).unwrap().dependencies, declared);
    let renamed = edited(
        &with,
        Command::RenameColumn {
            table: rental,
            column: film_id,
            name: "movie_id".into(),
        },
    );
    assert_eq!(renamed.table(rental).unwrap().dependencies, declared);
    let without = edited(
        &with,
        Command::DeleteColumn {
            table: rental,
            column: rented_at,
        },
    );
    assert!(without.table(rental).unwrap().dependencies.is_empty());
}

#[test]
fn dependencies_on_other_tables_columns_or_with_nothing_determined_are_refused() {
    let design = catalogue();
    let rental = table(&design, "rental");
    let rental_id = column(&design, "rental", "rental_id");
    let title = column(&design, "film", "title");
    assert_eq!(
        rejected(
            &design,
            Command::SetTableDependencies {
                table: rental,
                dependencies: vec![functional(vec![rental_id], vec![title])],
            },
        ),
        CommandError::NoSuchColumn {
            table: "public.rental".into(),
            column: title,
        }
    );
    assert_eq!(
        rejected(
            &design,
            Command::SetTableDependencies {
                table: rental,
                dependencies: vec![functional(vec![rental_id], vec![])],
            },
        )
        .to_string(),
        "a dependency on table public.rental needs at least one column on its right side"
    );
    assert!(matches!(
        rejected(
            &design,
            Command::SetTableDependencies {
                table: rental,
                dependencies: vec![functional(vec![rental_id, rental_id], vec![rental_id])],
            },
        ),
        CommandError::RepeatedColumn { .. }
    ));
}
