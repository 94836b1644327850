//! Reading names: their words (snake_case and camelCase alike), English singular and plural
//! forms as naming conventions use them, and the case style a name is written in.

/// The words of a name, lower case: `customer_id`, `customerId` and `CustomerID` all give
/// `customer`, `id`.
pub fn words(name: &str) -> Vec<String> {
    let snake = name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if snake {
        // The common case, `customer_id`: the parts between underscores.
        return name
            .split('_')
            .filter(|part| !part.is_empty())
            .map(str::to_owned)
            .collect();
    }
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut previous: Option<char> = None;
    let chars: Vec<char> = name.chars().collect();
    for (position, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            flush(&mut out, &mut current);
            previous = None;
            continue;
        }
        let next_is_lower = chars.get(position + 1).is_some_and(|n| n.is_lowercase());
        let boundary = match previous {
            Some(p) if c.is_uppercase() => {
                p.is_lowercase() || p.is_numeric() || next_is_lower && p.is_uppercase()
            }
            _ => false,
        };
        if boundary {
            flush(&mut out, &mut current);
        }
        current.extend(c.to_lowercase());
        previous = Some(c);
    }
    flush(&mut out, &mut current);
    out
}

fn flush(out: &mut Vec<String>, current: &mut String) {
    if !current.is_empty() {
        out.push(std::mem::take(current));
    }
}

/// A plural word made singular as naming conventions do it: `categories` -> `category`,
/// `addresses` -> `address`, `films` -> `film`; a word that does not look plural is returned as
/// it is.
pub fn singular(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    if let Some(stem) = lower.strip_suffix("ies").filter(|stem| stem.len() > 1) {
        return format!("{stem}y");
    }
    for ending in ["sses", "xes", "ches", "shes", "zzes"] {
        if lower.ends_with(ending) {
            return lower.get(..lower.len() - 2).unwrap_or_default().to_owned();
        }
    }
    if is_plural(&lower) {
        return lower.get(..lower.len() - 1).unwrap_or_default().to_owned();
    }
    lower
}

/// Whether a word looks plural: it ends in `s` but not `ss`, `us` or `is` (`status`, `address`,
/// `analysis` are singular).
pub fn is_plural(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    lower.len() > 2
        && lower.ends_with('s')
        && !["ss", "us", "is", "ics"]
            .iter()
            .any(|end| lower.ends_with(end))
}

/// The ways a name can be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CaseStyle {
    /// `order_line`, `film`
    Snake,
    /// `orderLine`
    Camel,
    /// `OrderLine`, `Film`
    Pascal,
    /// `ORDER_LINE`
    Upper,
    /// Anything else (`Order_Line`, spaces, ...).
    Mixed,
}

impl CaseStyle {
    pub fn describe(self) -> &'static str {
        match self {
            Self::Snake => "snake_case",
            Self::Camel => "camelCase",
            Self::Pascal => "PascalCase",
            Self::Upper => "UPPER_CASE",
            Self::Mixed => "mixed case",
        }
    }
}

/// The case style of a name; a single lower-case word counts as snake_case, a single upper-case
/// word as UPPER_CASE, one capitalized word as PascalCase.
pub fn case_style(name: &str) -> CaseStyle {
    let letters = name.chars().filter(|c| c.is_alphabetic());
    let (mut upper, mut lower) = (0, 0);
    for c in letters {
        if c.is_uppercase() {
            upper += 1;
        } else {
            lower += 1;
        }
    }
    let plain = name.chars().all(|c| c.is_alphanumeric() || c == '_');
    let underscores = name.contains('_');
    let first_upper = name.chars().next().is_some_and(char::is_uppercase);
    match () {
        _ if !plain => CaseStyle::Mixed,
        _ if upper == 0 => CaseStyle::Snake,
        _ if lower == 0 => CaseStyle::Upper,
        _ if underscores => CaseStyle::Mixed,
        _ if first_upper => CaseStyle::Pascal,
        _ => CaseStyle::Camel,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_snake_and_camel_case() {
        assert_eq!(words("customer_id"), ["customer", "id"]);
        assert_eq!(words("customerId"), ["customer", "id"]);
        assert_eq!(words("CustomerID"), ["customer", "id"]);
        assert_eq!(words("HTTPServer2Log"), ["http", "server2", "log"]);
        assert!(words("__").is_empty());
    }

    #[test]
    fn plurals_become_singular() {
        assert_eq!(singular("categories"), "category");
        assert_eq!(singular("addresses"), "address");
        assert_eq!(singular("boxes"), "box");
        assert_eq!(singular("films"), "film");
        assert_eq!(singular("status"), "status");
        assert_eq!(singular("address"), "address");
        assert!(!is_plural("analysis") && is_plural("orders"));
    }

    #[test]
    fn case_styles_are_told_apart() {
        assert_eq!(case_style("order_line"), CaseStyle::Snake);
        assert_eq!(case_style("orderLine"), CaseStyle::Camel);
        assert_eq!(case_style("OrderLine"), CaseStyle::Pascal);
        assert_eq!(case_style("ORDER_LINE"), CaseStyle::Upper);
        assert_eq!(case_style("Order_Line"), CaseStyle::Mixed);
        assert_eq!(case_style("Order Details"), CaseStyle::Mixed);
    }
}
