//! Domains between two PostgreSQL schemas: one added before the tables that use it, one removed
//! after them, a default and a check altered in place (the check validated apart in a
//! zero-downtime plan), a wider base type through a new domain and converted columns; other
//! engines, which have no domains, get no domain statements.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use relvar_diff::{DomainDiff, Matching, Renames, describe, diff, migration, safe_migration};
use relvar_model::Design;
use relvar_sql::{Dialect, import_sql};

const BEFORE: &str = "CREATE DOMAIN price AS numeric(10,2) CHECK (VALUE >= 0);\n\
    CREATE DOMAIN code AS varchar(10);\n\
    CREATE DOMAIN flag AS boolean DEFAULT false;\n\
    CREATE TABLE item (id int PRIMARY KEY, cost price, sku code);\n";

const AFTER: &str = "CREATE DOMAIN price AS numeric(10,2) DEFAULT 0 CHECK (VALUE >= 0) CHECK (VALUE < 1000000);\n\
    CREATE DOMAIN code AS varchar(20);\n\
    CREATE DOMAIN email AS text CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%');\n\
    CREATE TABLE item (id int PRIMARY KEY, cost price, sku code, contact email);\n";

fn design(sql: &str) -> Design {
    let import = import_sql(sql, Dialect::PostgreSql);
    assert_eq!(import.design.domains.len(), 3, "{:?}", import.diagnostics);
    import.design
}

fn position(sql: &str, part: &str) -> usize {
    sql.find(part)
        .unwrap_or_else(|| panic!("no {part} in\n{sql}"))
}

#[test]
fn domains_are_made_altered_remade_and_dropped_in_dependency_order() {
    let (before, after) = (design(BEFORE), design(AFTER));
    let changes = diff(&before, &after, Matching::ByName, &Renames::default());
    assert_eq!(changes.domains.len(), 4, "{:?}", changes.domains);
    assert!(changes.domains.iter().any(|change| matches!(
        change,
        DomainDiff::Changed {
            base_changed: true,
            ..
        }
    )));
    let words: Vec<String> = describe(&before, &after, &changes)
        .into_iter()
        .map(|change| change.text)
        .collect();
    for expected in [
        "domain email added",
        "domain flag removed",
        "domain price: default changed, checks 1 added, 0 removed",
        "domain code: base type now varchar(20)",
    ] {
        assert!(
            words.iter().any(|w| w == expected),
            "{expected} in {words:?}"
        );
    }
    let up = migration(&before, &after, &changes, Dialect::PostgreSql).sql();
    let email = position(
        &up,
        "CREATE DOMAIN email AS text CONSTRAINT email_has_at CHECK",
    );
    assert!(email < position(&up, "ADD COLUMN contact email"), "{up}");
    assert!(up.contains("ALTER DOMAIN price SET DEFAULT 0;"), "{up}");
    assert!(
        up.contains("ALTER DOMAIN price ADD CONSTRAINT price_check1 CHECK (VALUE < 1000000);"),
        "{up}"
    );
    let aside = position(&up, "ALTER DOMAIN code RENAME TO code_relvar_old;");
    let remade = position(&up, "CREATE DOMAIN code AS varchar(20);");
    let converted = position(
        &up,
        "ALTER TABLE item ALTER COLUMN sku TYPE code USING sku::varchar(20);",
    );
    let dropped = position(&up, "DROP DOMAIN code_relvar_old;");
    assert!(
        aside < remade && remade < converted && converted < dropped,
        "{up}"
    );
    assert!(up.contains("DROP DOMAIN flag;"), "{up}");

    let back = diff(&after, &before, Matching::ByName, &Renames::default());
    let down = migration(&after, &before, &back, Dialect::PostgreSql).sql();
    assert!(down.contains("ALTER DOMAIN price DROP DEFAULT;"), "{down}");
    assert!(
        down.contains("ALTER DOMAIN price DROP CONSTRAINT price_check1;"),
        "{down}"
    );
    assert!(
        position(&down, "DROP COLUMN contact") < position(&down, "DROP DOMAIN email;"),
        "{down}"
    );
    assert!(
        down.contains("CREATE DOMAIN flag AS boolean DEFAULT false;"),
        "{down}"
    );

    let safe = safe_migration(&before, &after, &changes, Dialect::PostgreSql).sql();
    assert!(
        safe.contains("CHECK (VALUE < 1000000) NOT VALID;"),
        "{safe}"
    );
    assert!(
        safe.contains("ALTER DOMAIN price VALIDATE CONSTRAINT price_check1;"),
        "{safe}"
    );
    let contract = position(&safe, "Contract phase");
    assert!(
        position(&safe, "ALTER COLUMN sku TYPE code") > contract,
        "{safe}"
    );
    // A new domain is made bare before its column is added; its check comes at the switch.
    let bare = position(&safe, "CREATE DOMAIN email AS text;");
    assert!(bare < position(&safe, "ADD COLUMN contact email"), "{safe}");
    assert!(
        position(&safe, "ALTER DOMAIN email ADD CONSTRAINT email_has_at") > contract,
        "{safe}"
    );
    assert!(
        position(&safe, "ALTER DOMAIN price ADD CONSTRAINT price_check1") > contract,
        "{safe}"
    );

    for other in [Dialect::MySql, Dialect::Sqlite, Dialect::MsSql] {
        let script = migration(&before, &after, &changes, other).sql();
        assert!(!script.contains("DOMAIN"), "{other:?}: {script}");
    }
    assert!(diff(&after, &after, Matching::ByName, &Renames::default()).is_empty());
}
