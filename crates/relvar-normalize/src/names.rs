//! Names for the tables a decomposition creates: a table keyed by one column is named for that
//! column in the plural, without an `_id` suffix (`zip` gives `zips`, `dept_id` gives `depts`,
//! `category` gives `categories`); any other is `<table>_<key columns>` joined by `_`
//! (`enrolment_course_teacher`). Clashes are settled by the caller with `unused_table_name`.

/// The name proposed for a new table split off `table` with these key column names.
pub fn proposed_table_name(table: &str, key: &[&str]) -> String {
    match key {
        [single] => {
            let stem = strip_id(single);
            plural(if stem.is_empty() { single } else { stem })
        }
        [] => table.to_owned(),
        many => format!("{table}_{}", many.join("_")),
    }
}

fn strip_id(name: &str) -> &str {
    let cut = name.len().saturating_sub(3);
    match (name.get(..cut), name.get(cut..)) {
        (Some(stem), Some(suffix)) if suffix.eq_ignore_ascii_case("_id") => stem,
        _ => name,
    }
}

/// English plural by the common spelling rules; upper case names get an upper case ending.
fn plural(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    let shout = word.chars().any(char::is_alphabetic) && word == word.to_ascii_uppercase();
    let ending = |text: &str| {
        if shout {
            text.to_ascii_uppercase()
        } else {
            text.to_owned()
        }
    };
    let consonant_y = lower.ends_with('y')
        && lower
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| c.is_ascii_alphabetic() && !"aeiou".contains(c));
    if consonant_y {
        let stem = word.get(..word.len() - 1).unwrap_or(word);
        return format!("{stem}{}", ending("ies"));
    }
    let sibilant = ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|end| lower.ends_with(end));
    if sibilant {
        format!("{word}{}", ending("es"))
    } else {
        format!("{word}{}", ending("s"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_column_keys_give_plurals_and_others_the_table_and_key() {
        let cases = [
            (vec!["zip"], "zips"),
            (vec!["dept_id"], "depts"),
            (vec!["DEPT_ID"], "DEPTS"),
            (vec!["category"], "categories"),
            (vec!["day"], "days"),
            (vec!["address"], "addresses"),
            (vec!["branch"], "branches"),
            (vec!["_id"], "_ids"),
            (vec!["course", "teacher"], "enrolment_course_teacher"),
        ];
        for (key, expected) in cases {
            assert_eq!(proposed_table_name("enrolment", &key), expected, "{key:?}");
        }
    }
}
