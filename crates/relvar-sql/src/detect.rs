//! Guesses a script's dialect from the marks each dialect's dumps and scripts leave; the user can
//! always choose another. Reads at most the first 256 KiB; a catalog document names its engine.

use crate::dialect::Dialect;

const SAMPLE_BYTES: usize = 256 * 1024;
/// No single mark counts more than this many times, so one repeated feature cannot outvote all.
const MAX_COUNT: usize = 20;

/// Marks (matched case-insensitively) and how strongly each points to its dialect.
const MARKS: &[(Dialect, &str, usize)] = &[
    (Dialect::PostgreSql, "::", 1),
    (Dialect::PostgreSql, "$$", 2),
    (Dialect::PostgreSql, "\n\\connect", 5),
    (Dialect::PostgreSql, "\n\\c ", 5),
    (Dialect::PostgreSql, "create extension", 5),
    (Dialect::PostgreSql, "owner to", 3),
    (Dialect::PostgreSql, "serial", 2),
    (Dialect::PostgreSql, "pg_catalog", 5),
    (Dialect::PostgreSql, "nextval(", 3),
    (Dialect::PostgreSql, "with time zone", 2),
    (Dialect::PostgreSql, "from stdin", 5),
    (Dialect::PostgreSql, "language plpgsql", 5),
    (Dialect::PostgreSql, "postgresql database dump", 20),
    (Dialect::PostgreSql, "postgres", 2),
    (Dialect::PostgreSql, "bytea", 3),
    (Dialect::MySql, "`", 1),
    (Dialect::MySql, "engine=", 4),
    (Dialect::MySql, "engine =", 4),
    (Dialect::MySql, "auto_increment", 2),
    (Dialect::MySql, "\ndelimiter ", 5),
    (Dialect::MySql, "/*!", 4),
    (Dialect::MySql, "unsigned", 1),
    (Dialect::MySql, "charset", 2),
    (Dialect::MySql, "lock tables", 4),
    (Dialect::MySql, "mysql dump", 20),
    (Dialect::MySql, "mysql", 2),
    (Dialect::MySql, "mariadb", 2),
    (Dialect::MySql, "mediumblob", 2),
    (Dialect::MySql, "longtext", 2),
    (Dialect::MySql, "tinyint(", 1),
    (Dialect::Sqlite, "autoincrement", 4),
    (Dialect::Sqlite, "pragma ", 5),
    (Dialect::Sqlite, "without rowid", 5),
    (Dialect::Sqlite, "sqlite", 6),
    (Dialect::Sqlite, "begin transaction;", 2),
    (Dialect::MsSql, "\ngo\n", 5),
    (Dialect::MsSql, "\ngo\r\n", 5),
    (Dialect::MsSql, "[dbo]", 4),
    (Dialect::MsSql, "identity(", 2),
    (Dialect::MsSql, "identity (", 2),
    (Dialect::MsSql, ":setvar", 5),
    (Dialect::MsSql, "set ansi_nulls", 5),
    (Dialect::MsSql, "clustered", 3),
    (Dialect::MsSql, "exec sp_", 4),
    (Dialect::MsSql, "getdate()", 3),
    (Dialect::MsSql, "sql server", 4),
    (Dialect::MsSql, "[primary]", 3),
];

/// The dialect whose marks weigh most in the text; PostgreSQL when there are none.
pub fn detect_dialect(text: &str) -> Dialect {
    if let Some(dialect) = crate::catalog::catalog_dialect(text) {
        return dialect;
    }
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = text.get(..end).unwrap_or_default().to_ascii_lowercase();
    let mut scores = [0usize; 4];
    for (dialect, mark, weight) in MARKS {
        let count = sample.matches(mark).take(MAX_COUNT).count();
        if let Some(score) = Dialect::ALL
            .iter()
            .position(|d| d == dialect)
            .and_then(|i| scores.get_mut(i))
        {
            *score += count * weight;
        }
    }
    let best = scores.iter().copied().max().unwrap_or(0);
    Dialect::ALL
        .iter()
        .zip(scores)
        .find(|(_, score)| *score == best && best > 0)
        .map_or(Dialect::PostgreSql, |(dialect, _)| *dialect)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_scripts_are_recognised_by_their_marks() {
        assert_eq!(
            detect_dialect("CREATE TABLE t (id serial PRIMARY KEY);"),
            Dialect::PostgreSql
        );
        assert_eq!(
            detect_dialect("CREATE TABLE `t` (id int AUTO_INCREMENT) ENGINE=InnoDB;"),
            Dialect::MySql
        );
        assert_eq!(
            detect_dialect("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);"),
            Dialect::Sqlite
        );
        assert_eq!(
            detect_dialect("CREATE TABLE [dbo].[t] (id int IDENTITY(1,1))\nGO\n"),
            Dialect::MsSql
        );
        assert_eq!(
            detect_dialect("CREATE TABLE t (id int);"),
            Dialect::PostgreSql
        );
        assert_eq!(detect_dialect(""), Dialect::PostgreSql);
    }
}
