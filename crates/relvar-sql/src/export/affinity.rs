//! SQLite's affinity rules (its manual, "Datatypes In SQLite", 3.1): what any declared type name
//! holds, for the names the portable reading does not know.

use super::types::SqlType;

/// The kind SQLite's rules give a declared type, when they give one beside NUMERIC (which holds
/// anything, so says nothing another engine could use).
pub(super) fn known(declared: &str) -> Option<SqlType> {
    let upper = declared.to_ascii_uppercase();
    if upper.contains("INT") {
        // Every SQLite integer is a signed 64-bit one.
        Some(SqlType::Integer {
            bytes: 8,
            unsigned: false,
        })
    } else if ["CHAR", "CLOB", "TEXT"]
        .iter()
        .any(|word| upper.contains(word))
    {
        Some(SqlType::Char {
            length: None,
            varying: true,
        })
    } else if upper.contains("BLOB") {
        Some(SqlType::Binary {
            length: None,
            varying: true,
        })
    } else if ["REAL", "FLOA", "DOUB"]
        .iter()
        .any(|word| upper.contains(word))
    {
        Some(SqlType::Double)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::types::SqlType;
    use crate::Dialect;

    #[test]
    fn sqlite_names_read_by_affinity() {
        let read = |text| SqlType::parse_in(text, Dialect::Sqlite);
        assert_eq!(
            read("UNSIGNED BIG INT"),
            SqlType::Integer {
                bytes: 8,
                unsigned: false
            }
        );
        assert_eq!(
            read("VARYING CHARACTER(255)"),
            SqlType::Char {
                length: None,
                varying: true
            }
        );
        assert_eq!(read("REAL NUMBER"), SqlType::Double);
        assert_eq!(read("geometry"), SqlType::Other("geometry".into()));
        // Other dialects' names keep their portable reading.
        assert_eq!(
            SqlType::parse_in("big int", Dialect::PostgreSql),
            SqlType::Other("big int".into())
        );
    }
}
