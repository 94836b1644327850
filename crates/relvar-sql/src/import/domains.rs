//! `CREATE DOMAIN`: a named base type with a collation, a default and checks.

use crate::dialect::SqlSyntax;
use relvar_model::{CheckConstraint, Domain};
use sqlparser::ast::{CreateDomain, TableConstraint};

use super::Importer;
use super::indexes::strip_parentheses;
use super::names::QualifiedName;

impl Importer {
    pub(super) fn create_domain(&mut self, create: CreateDomain, text: &str) {
        let Some(name) = QualifiedName::from_object_name(&create.name, self.dialect) else {
            self.keep_whole(text, "CREATE DOMAIN with a computed name");
            return;
        };
        let mut checks = Vec::new();
        for constraint in &create.constraints {
            match constraint {
                TableConstraint::Check(check) => checks.push(CheckConstraint {
                    name: check.name.as_ref().map(|ident| self.dialect.fold(ident)),
                    expression: strip_parentheses(&check.expr.to_string()),
                }),
                _ => {
                    self.keep_whole(text, "a domain constraint other than CHECK");
                    return;
                }
            }
        }
        self.design.domains.push(Domain {
            schema: name.schema,
            name: name.name,
            data_type: super::create_table::type_text(&create.data_type),
            collation: create.collation.as_ref().map(|ident| ident.to_string()),
            default: create.default.as_ref().map(ToString::to_string),
            checks,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::{Dialect, export_ddl, import_sql};

    const SQL: &str = "CREATE DOMAIN public.year AS integer\n\
                       \tCONSTRAINT year_check CHECK (((VALUE >= 1901) AND (VALUE <= 2155)));\n\
                       CREATE TABLE film (id int PRIMARY KEY, release_year public.year);";

    #[test]
    fn domains_are_modelled_with_their_checks() {
        let import = import_sql(SQL, Dialect::PostgreSql);
        assert_eq!(import.modelled_count, 2, "{:?}", import.diagnostics);
        let domain = &import.design.domains[0];
        assert_eq!(domain.qualified_name(), "public.year");
        assert_eq!(domain.data_type, "integer");
        assert_eq!(domain.checks[0].name.as_deref(), Some("year_check"));
        assert_eq!(
            domain.checks[0].expression,
            "(VALUE >= 1901) AND (VALUE <= 2155)"
        );
    }

    #[test]
    fn other_engines_get_the_base_type_and_the_checks_on_the_column() {
        let design = import_sql(SQL, Dialect::PostgreSql).design;
        let postgres = export_ddl(&design, Dialect::PostgreSql);
        assert!(
            postgres.sql.contains(
                "CREATE DOMAIN public.year AS integer CONSTRAINT year_check CHECK ((VALUE >= 1901) AND (VALUE <= 2155));"
            ),
            "{}",
            postgres.sql
        );
        let again = import_sql(&postgres.sql, Dialect::PostgreSql).design;
        assert_eq!(again.domains, design.domains);
        for target in [Dialect::MySql, Dialect::Sqlite, Dialect::MsSql] {
            let exported = export_ddl(&design, target);
            assert!(!exported.sql.contains("DOMAIN"), "{}", exported.sql);
            assert!(exported.warnings.is_empty(), "{:?}", exported.warnings);
            let table = &import_sql(&exported.sql, target).design.tables[0];
            assert_eq!(
                table.columns[1].data_type.to_ascii_lowercase(),
                crate::mapped_type("integer", target).to_ascii_lowercase(),
                "{target:?}"
            );
            assert_eq!(table.checks.len(), 1, "{target:?}: {}", exported.sql);
            assert_eq!(table.checks[0].name.as_deref(), Some("year_check"));
            assert!(
                table.checks[0].expression.contains("release_year >= 1901"),
                "{target:?}: {}",
                table.checks[0].expression
            );
        }
    }
}
