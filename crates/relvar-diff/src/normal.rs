//! SQL text as compared between two designs: types by what they mean in the dialect, expressions
//! without the spacing, letter case and outer parentheses that do not change them.

use relvar_model::Dialect;

/// A column type as the dialect's exporter writes it, so `int` and `integer` compare equal. An
/// array's dimensions and sizes mean nothing to PostgreSQL: `int[][]` and `int[3]` are `int[]`.
pub(crate) fn normal_type(data_type: &str, dialect: Dialect) -> String {
    // An enum's values keep their letter case: `enum('PG')` is not `enum('pg')`.
    let written = normal_expression(&relvar_sql::mapped_type(
        &lower_outside_quotes(data_type),
        dialect,
    ));
    if dialect != Dialect::PostgreSql {
        return written;
    }
    let mut element = written.as_str();
    let mut dimensions = 0;
    while let Some(inner) = element.strip_suffix(']') {
        let Some((before, size)) = inner.rsplit_once('[') else {
            break;
        };
        if !size.chars().all(|c| c.is_ascii_digit()) {
            break;
        }
        element = before;
        dimensions += 1;
    }
    if dimensions > 1 || (dimensions == 1 && !written.ends_with("[]")) {
        format!("{element}[]")
    } else {
        written
    }
}

/// The text in lower case but for what stands between single quotes.
fn lower_outside_quotes(text: &str) -> String {
    let mut quoted = false;
    text.chars()
        .map(|c| {
            if c == '\'' {
                quoted = !quoted;
            }
            if quoted { c } else { c.to_ascii_lowercase() }
        })
        .collect()
}

/// Whether two column types are the same. The exporter writes a type it does not know (an
/// enum's or domain's name) as text, so text is only text when both are spelled as text.
pub(crate) fn same_type(a: &str, b: &str, dialect: Dialect) -> bool {
    let (spelled_a, spelled_b) = (normal_expression(a), normal_expression(b));
    if spelled_a == spelled_b {
        return true;
    }
    let written = normal_type(a, dialect);
    if written != normal_type(b, dialect) {
        return false;
    }
    let text_names = [
        "text",
        "longtext",
        "mediumtext",
        "tinytext",
        "clob",
        "ntext",
    ];
    written != "text"
        || (text_names.contains(&spelled_a.as_str()) && text_names.contains(&spelled_b.as_str()))
}

/// An expression without whitespace and outer parentheses, lower case outside its quotes.
pub(crate) fn normal_expression(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match quote {
            Some(open) => {
                out.push(c);
                if c == open {
                    quote = None;
                }
            }
            None if c == '\'' || c == '"' || c == '`' => {
                quote = Some(c);
                out.push(c);
            }
            None if c.is_whitespace() => {}
            None => out.push(c.to_ascii_lowercase()),
        }
    }
    strip_outer_parentheses(&out).to_owned()
}

/// `((a))` as `a`, but `(a) + (b)` as it is.
fn strip_outer_parentheses(mut text: &str) -> &str {
    while let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        let mut depth = 0_i32;
        let balanced = inner.chars().all(|c| {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            depth >= 0
        });
        if !balanced || depth != 0 {
            break;
        }
        text = inner;
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_that_means_the_same_compares_equal() {
        assert_eq!(normal_expression("( (a  > 0) )"), "a>0");
        assert_eq!(normal_expression("(a) + (b)"), "(a)+(b)");
        assert_eq!(normal_expression("'A  B'"), "'A  B'");
        assert_eq!(
            normal_type("INT", Dialect::PostgreSql),
            normal_type("integer", Dialect::PostgreSql)
        );
        let pg = Dialect::PostgreSql;
        assert!(same_type("INT", "integer", pg));
        assert!(!same_type("text", "item_status", pg));
        assert!(!same_type("mood", "item_status", pg));
        assert!(same_type("int[][]", "integer[][][]", pg));
        assert!(same_type("text[3]", "text[]", pg));
        assert!(!same_type("int[]", "int", pg));
        let mysql = Dialect::MySql;
        assert!(same_type("ENUM('PG','r')", "enum('PG', 'r')", mysql));
        assert!(!same_type("enum('pg','r')", "enum('PG','r')", mysql));
        assert_ne!(
            normal_type("varchar(10)", Dialect::MySql),
            normal_type("varchar(20)", Dialect::MySql)
        );
    }
}
