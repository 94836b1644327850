//! Row counts as people write and read them: `3,000,000,000`, `3b`, `1.5m`, `20k`.

/// A row count as the user writes it: digits with `,`, `_` or spaces between them, or a number
/// (with a fraction if it likes) followed by `k`, `m` or `b` (thousand, million, billion); blank
/// is no estimate. The error says what was not understood, in words.
pub fn parse_row_count(text: &str) -> Result<Option<u64>, String> {
    let spelled: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | '_') && !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    if spelled.is_empty() {
        return Ok(None);
    }
    let refused = || {
        format!(
            "“{}” is not a row count: write a whole number such as 3000000000, or 3b",
            text.trim()
        )
    };
    let (number, scale) = match spelled.strip_suffix(['k', 'm', 'b']) {
        Some(number) if spelled.ends_with('k') => (number, 1e3),
        Some(number) if spelled.ends_with('m') => (number, 1e6),
        Some(number) => (number, 1e9),
        None => return spelled.parse::<u64>().map(Some).map_err(|_| refused()),
    };
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err(refused());
    }
    let value: f64 = number.parse().map_err(|_| refused())?;
    let rows = (value * scale).round();
    if !(0.0..=1e18).contains(&rows) {
        return Err(refused());
    }
    // Whole and well inside u64, so the conversion is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Ok(Some(rows as u64))
}

/// A count with thousands separators: `2,147,483,647` (the model's one way of writing counts).
pub use relvar_model::grouped as format_row_count;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_read_with_separators_and_suffixes() {
        assert_eq!(parse_row_count(""), Ok(None));
        assert_eq!(parse_row_count("  "), Ok(None));
        assert_eq!(parse_row_count("3,000,000,000"), Ok(Some(3_000_000_000)));
        assert_eq!(parse_row_count("3 000_000"), Ok(Some(3_000_000)));
        assert_eq!(parse_row_count("3b"), Ok(Some(3_000_000_000)));
        assert_eq!(parse_row_count("1.5M"), Ok(Some(1_500_000)));
        assert_eq!(parse_row_count("20k"), Ok(Some(20_000)));
        assert_eq!(parse_row_count("18446744073709551615"), Ok(Some(u64::MAX)));
    }

    #[test]
    fn what_is_not_a_count_is_refused_saying_so() {
        for text in [
            "-5",
            "lots",
            "1e9",
            "3bb",
            "b",
            ".k",
            "1.2.3m",
            "inf",
            "9999999999b",
            "2.5",
        ] {
            let error = parse_row_count(text).unwrap_err();
            assert!(error.contains("is not a row count"), "{text}: {error}");
        }
    }

    #[test]
    fn counts_are_written_in_groups_of_three() {
        assert_eq!(format_row_count(0), "0");
        assert_eq!(format_row_count(999), "999");
        assert_eq!(format_row_count(1_000), "1,000");
        assert_eq!(format_row_count(2_147_483_647), "2,147,483,647");
    }
}
