//! What a migration file's path says: its version (Flyway, golang-migrate, timestamps, Prisma,
//! Diesel and Drizzle folders, plain numbers), or why the file is not a migration to run.

use std::cmp::Ordering;

/// A version as numbers, compared part by part as numbers of any length: `9` before `10`,
/// `1.1` before `1.2` before `2`, `2018-01-14-171611` as four parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version(Vec<String>);

impl Version {
    /// Reads the digit groups at the start of `text`, separated by one of `separators`; `None`
    /// when `text` does not start with a digit.
    fn leading(text: &str, separators: &[char]) -> Option<(Self, usize)> {
        let mut parts = Vec::new();
        let mut at = 0;
        loop {
            let rest = text.get(at..)?;
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            if digits == 0 {
                break;
            }
            let group = rest.get(..digits)?;
            let trimmed = group.trim_start_matches('0');
            parts.push(if trimmed.is_empty() { "0" } else { trimmed }.to_owned());
            at += digits;
            let mut after = text.get(at..)?.chars();
            match (after.next(), after.next()) {
                (Some(separator), Some(next))
                    if separators.contains(&separator) && next.is_ascii_digit() =>
                {
                    at += separator.len_utf8();
                }
                _ => break,
            }
        }
        (!parts.is_empty()).then_some((Self(parts), at))
    }

    /// The version as people write it, parts joined by dots.
    pub fn display(&self) -> String {
        self.0.join(".")
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        for (mine, theirs) in self.0.iter().zip(&other.0) {
            let order = mine.len().cmp(&theirs.len()).then_with(|| mine.cmp(theirs));
            if order != Ordering::Equal {
                return order;
            }
        }
        self.0.len().cmp(&other.0.len())
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// What a path is, read from its name (and its folder's, for `migration.sql` and `up.sql`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Runs in version order.
    Versioned(Version),
    /// A Flyway repeatable migration (`R__name.sql`): after every versioned one, by name.
    Repeatable,
    /// An SQL file whose name holds no version.
    Unversioned,
    /// Not run when migrating up; the reason in words.
    LeftOut(&'static str),
}

/// Reads a path of a migration folder (`/` or `\` separated).
pub fn classify(path: &str) -> Kind {
    let mut components = path.rsplit(['/', '\\']).filter(|part| !part.is_empty());
    let name = components.next().unwrap_or_default();
    let folder = components.next().unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    let Some(stem) = lower.strip_suffix(".sql") else {
        return Kind::LeftOut("not an SQL file");
    };
    if stem.ends_with(".down") || stem == "down" {
        return Kind::LeftOut("a down migration");
    }
    if let Some(kind) = flyway(name) {
        return kind;
    }
    // Prisma (`<timestamp>_name/migration.sql`) and Diesel (`<timestamp>_name/up.sql`) name the
    // migration by its folder.
    let named_by_folder = matches!(stem, "migration" | "up");
    let source = if named_by_folder { folder } else { name };
    match Version::leading(source, &['.', '-']) {
        Some((version, _)) => Kind::Versioned(version),
        None => Kind::Unversioned,
    }
}

/// Flyway's `V<version>__<description>.sql` (version parts separated by `.` or `_`),
/// `U<version>__` undo files and `R__` repeatable ones.
fn flyway(name: &str) -> Option<Kind> {
    let (prefix, rest) = name.split_at_checked(1)?;
    match prefix {
        "V" | "v" => {
            let (version, used) = Version::leading(rest, &['.', '_'])?;
            rest.get(used..)?
                .starts_with("__")
                .then_some(Kind::Versioned(version))
        }
        "U" | "u" => {
            let (_, used) = Version::leading(rest, &['.', '_'])?;
            rest.get(used..)?
                .starts_with("__")
                .then_some(Kind::LeftOut("a Flyway undo migration"))
        }
        "R" | "r" => rest.starts_with("__").then_some(Kind::Repeatable),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(path: &str) -> String {
        match classify(path) {
            Kind::Versioned(version) => version.display(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn each_tool_names_its_versions_its_own_way() {
        assert_eq!(version("V1__init.sql"), "1");
        assert_eq!(version("db/V1.1__add.sql"), "1.1");
        assert_eq!(version("V2_1__z.sql"), "2.1");
        assert_eq!(version("V010__ten.sql"), "10");
        assert_eq!(version("0001_create_users.up.sql"), "1");
        assert_eq!(version("0002_1.7.0_schema.up.sql"), "2");
        assert_eq!(version("20240101120000_create_x.sql"), "20240101120000");
        assert_eq!(version("0001_initial.sql"), "1");
        assert_eq!(version("prisma\\20240102_init\\migration.sql"), "20240102");
        assert_eq!(
            version("2018-01-14-171611_create_tables/up.sql"),
            "2018.1.14.171611"
        );
        assert_eq!(version("0000_steady_wolf.sql"), "0");
        assert_eq!(version("12.sql"), "12");
        assert_eq!(version("001-users.sql"), "1");
        assert_eq!(classify("R__views.sql"), Kind::Repeatable);
        assert_eq!(classify("schema.sql"), Kind::Unversioned);
        assert_eq!(classify("Version__x.sql"), Kind::Unversioned);
    }

    #[test]
    fn what_does_not_run_up_is_left_out_with_its_reason() {
        let reason = |path| match classify(path) {
            Kind::LeftOut(reason) => reason,
            other => panic!("{path}: {other:?}"),
        };
        assert_eq!(reason("README.md"), "not an SQL file");
        assert_eq!(reason("20240101120000_create_x.rb"), "not an SQL file");
        assert_eq!(reason("meta/_journal.json"), "not an SQL file");
        assert_eq!(reason("0001_x.down.sql"), "a down migration");
        assert_eq!(reason("2018-01-14_x/down.sql"), "a down migration");
        assert_eq!(reason("U3__undo.sql"), "a Flyway undo migration");
    }

    #[test]
    fn versions_compare_as_numbers() {
        let of = |text: &str| Version::leading(text, &['.', '-']).unwrap().0;
        assert!(of("9") < of("10"));
        assert!(of("1.9") < of("1.10"));
        assert!(of("1") < of("1.0"));
        assert!(of("009") == of("9"));
        assert!(of("99999999999999999999999") < of("100000000000000000000000"));
    }
}
