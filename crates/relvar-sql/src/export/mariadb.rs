//! What MariaDB 10.11 refuses in MySQL 8's SQL, for the one MySQL dialect both share: the `0900`
//! collations, mapped to MariaDB's nearest with a warning, and functions MariaDB lacks, whose
//! defaults, checks and generated columns are left out with a warning.

use sqlparser::tokenizer::{Token, Tokenizer};

use super::DdlWriter;
use crate::dialect::{Dialect, SqlSyntax};

/// Functions of MySQL 8 that MariaDB 10.11 does not have.
const MYSQL_ONLY_FUNCTIONS: &[&str] = &[
    "bin_to_uuid",
    "is_uuid",
    "json_schema_valid",
    "json_schema_validation_report",
    "regexp_like",
    "uuid_to_bin",
];

/// MariaDB's nearest collation to one of MySQL 8's UCA 9.0.0 (`0900`) collations.
fn nearest_collation(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    if !lower.contains("_0900_") {
        return None;
    }
    // MySQL has 0900 collations for utf8mb4 only; case-sensitive ones compare as binary here.
    Some(if lower.ends_with("_bin") || lower.ends_with("_cs") {
        "utf8mb4_bin"
    } else {
        "utf8mb4_unicode_520_ci"
    })
}

/// A MySQL-8-only function the expression calls.
pub(super) fn mysql_only_function(expression: &str) -> Option<&'static str> {
    let dialect = Dialect::MySql.parser_dialect();
    let tokens = Tokenizer::new(dialect.as_ref(), expression)
        .tokenize()
        .ok()?;
    tokens.iter().find_map(|token| match token {
        Token::Word(word) if word.quote_style.is_none() => MYSQL_ONLY_FUNCTIONS
            .iter()
            .find(|name| word.value.eq_ignore_ascii_case(name))
            .copied(),
        _ => None,
    })
}

impl DdlWriter<'_> {
    /// SQL text for MySQL/MariaDB with every `0900` collation it names replaced by MariaDB's
    /// nearest, each replacement said; other targets get the text as it is.
    pub(super) fn for_mariadb(&mut self, where_: &str, text: &str) -> String {
        if self.to != Dialect::MySql {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len());
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String, warnings: &mut Vec<String>| {
            match nearest_collation(word) {
                Some(nearest) => {
                    warnings.push(format!(
                        "{where_}: MySQL 8's collation {word} is unknown to MariaDB 10.11; written {nearest}"
                    ));
                    out.push_str(nearest);
                }
                None => out.push_str(word),
            }
            word.clear();
        };
        for c in text.chars() {
            if c.is_ascii_alphanumeric() || c == '_' {
                word.push(c);
            } else {
                flush(&mut word, &mut out, &mut self.warnings);
                out.push(c);
            }
        }
        flush(&mut word, &mut out, &mut self.warnings);
        out
    }

    /// Whether MariaDB lacks a function the expression calls; if so, says what is left out.
    pub(super) fn lacks_function(&mut self, where_: &str, what: &str, expression: &str) -> bool {
        if self.to != Dialect::MySql {
            return false;
        }
        let Some(function) = mysql_only_function(expression) else {
            return false;
        };
        self.warn(format!(
            "{where_}: {what} ({expression}) calls {function}, which MariaDB 10.11 does not have; left out"
        ));
        true
    }
}

#[cfg(test)]
mod tests {
    use super::{mysql_only_function, nearest_collation};

    #[test]
    fn mysql_8_collations_have_a_mariadb_neighbour() {
        assert_eq!(
            nearest_collation("utf8mb4_0900_ai_ci"),
            Some("utf8mb4_unicode_520_ci")
        );
        assert_eq!(nearest_collation("utf8mb4_0900_bin"), Some("utf8mb4_bin"));
        assert_eq!(
            nearest_collation("utf8mb4_ja_0900_as_cs"),
            Some("utf8mb4_bin")
        );
        assert_eq!(nearest_collation("utf8mb4_unicode_ci"), None);
    }

    #[test]
    fn mysql_8_functions_are_found() {
        assert_eq!(
            mysql_only_function("(uuid_to_bin(uuid()))"),
            Some("uuid_to_bin")
        );
        assert_eq!(mysql_only_function("(uuid())"), None);
        assert_eq!(mysql_only_function("`regexp_like` > 0"), None);
    }
}
