//! Column types as the rules compare them: lower case, spaces normalized, aliases merged
//! (`int4` and `int` are `integer`, `character varying` is `varchar`, display widths of MySQL
//! integers dropped), with the base name, the arguments and what follows them apart.

/// A type written as SQL text, taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlType {
    /// The type's name with aliases merged, e.g. `varchar`, `timestamptz`, `integer`.
    pub base: String,
    /// What the parentheses hold, without spaces, e.g. `12,2`; empty when none.
    pub args: String,
    /// Words after the arguments that are not part of the name, e.g. `unsigned`.
    pub rest: String,
}

impl SqlType {
    pub fn parse(text: &str) -> Self {
        let simple = text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if simple {
            // Most types are one plain word: `integer`, `text`, `jsonb`.
            let lower = text.to_ascii_lowercase();
            return Self {
                base: alias(&lower).map_or(lower, str::to_owned),
                args: String::new(),
                rest: String::new(),
            };
        }
        let lower = collapse_spaces(&text.to_ascii_lowercase());
        let (name, args, rest) = match (lower.find('('), lower.rfind(')')) {
            (Some(open), Some(close)) if open < close => (
                lower.get(..open).unwrap_or_default().trim().to_owned(),
                lower
                    .get(open + 1..close)
                    .unwrap_or_default()
                    .replace(' ', ""),
                lower.get(close + 1..).unwrap_or_default().trim().to_owned(),
            ),
            _ => (lower.clone(), String::new(), String::new()),
        };
        let joined = if rest.is_empty() {
            name.clone()
        } else {
            format!("{name} {rest}")
        };
        // The longest run of leading words that names a known type is the base.
        let words: Vec<&str> = joined.split(' ').collect();
        let known = (1..=words.len()).rev().find_map(|count| {
            let prefix = words.get(..count)?.join(" ");
            let after = words.get(count..)?.join(" ");
            alias(&prefix).map(|base| (base.to_owned(), after))
        });
        let (base, rest) = known.unwrap_or((name, rest));
        let args = if is_integer_name(&base) {
            String::new()
        } else {
            args
        };
        Self { base, args, rest }
    }

    /// The normalized spelling: `base(args) rest`.
    pub fn canonical(&self) -> String {
        let mut out = self.base.clone();
        if !self.args.is_empty() {
            out.push('(');
            out.push_str(&self.args);
            out.push(')');
        }
        if !self.rest.is_empty() {
            out.push(' ');
            out.push_str(&self.rest);
        }
        out
    }

    /// The first argument as a number: a length or a precision.
    pub fn length(&self) -> Option<u32> {
        self.args.split(',').next()?.parse().ok()
    }

    pub fn is_integer(&self) -> bool {
        is_integer_name(&self.base)
    }

    pub fn is_float(&self) -> bool {
        matches!(
            self.base.as_str(),
            "real" | "double precision" | "float" | "binary_float" | "binary_double"
        )
    }

    pub fn is_uuid(&self) -> bool {
        matches!(self.base.as_str(), "uuid" | "uniqueidentifier")
    }

    /// Character types with a length (`char`, `varchar` and their national forms) or without.
    pub fn is_text(&self) -> bool {
        matches!(
            self.base.as_str(),
            "char" | "varchar" | "nchar" | "nvarchar" | "text" | "nvarchar2" | "varchar2"
        )
    }
}

fn is_integer_name(base: &str) -> bool {
    matches!(
        base,
        "integer" | "bigint" | "smallint" | "tinyint" | "mediumint"
    )
}

/// Other spellings of a type, by their normalized name.
fn alias(name: &str) -> Option<&'static str> {
    Some(match name {
        "int" | "int4" | "integer" | "signed" => "integer",
        "int8" | "bigint" => "bigint",
        "int2" | "smallint" => "smallint",
        "tinyint" | "int1" => "tinyint",
        "character varying" | "varchar" => "varchar",
        "character" | "char" | "bpchar" => "char",
        "national character varying" | "nvarchar" => "nvarchar",
        "bool" | "boolean" => "boolean",
        "float8" | "double" | "double precision" => "double precision",
        "float4" | "real" => "real",
        "float" => "float",
        "timestamp" | "timestamp without time zone" => "timestamp",
        "timestamptz" | "timestamp with time zone" => "timestamptz",
        "time" | "time without time zone" => "time",
        "timetz" | "time with time zone" => "timetz",
        "decimal" | "dec" | "numeric" => "numeric",
        _ => return None,
    })
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_widths_and_zones_are_normalized() {
        let canonical = |text: &str| SqlType::parse(text).canonical();
        assert_eq!(canonical("INT(11)"), "integer");
        assert_eq!(canonical("int unsigned"), "integer unsigned");
        assert_eq!(canonical("int(10) UNSIGNED"), "integer unsigned");
        assert_eq!(canonical("character varying(40)"), "varchar(40)");
        assert_eq!(canonical("timestamp(6) with time zone"), "timestamptz(6)");
        assert_eq!(canonical("timestamp without time zone"), "timestamp");
        assert_eq!(canonical("NUMERIC(12, 2)"), "numeric(12,2)");
        assert_eq!(canonical("float8"), "double precision");
        assert_eq!(canonical("integer[]"), "integer[]");
        assert_eq!(SqlType::parse("varchar(40)").length(), Some(40));
        assert_eq!(SqlType::parse("text").length(), None);
        assert!(SqlType::parse("int4").is_integer());
        assert!(SqlType::parse("REAL").is_float());
    }

    #[test]
    fn odd_text_parses_without_panicking() {
        for text in ["", "(", ")", ")(", "a(b", "é(ü)", "  ", "x)y(z"] {
            let _ = SqlType::parse(text).canonical();
        }
    }
}
