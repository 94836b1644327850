//! What the review panel lists, grouped by severity and table or by rule and table, as plain
//! data compared between runs: each group, table and finding has a key, so that the panel
//! rebuilds only the entries a review changed (a fix applied rebuilds one finding, not the list).

use std::hash::{Hash, Hasher};

use relvar_analysis::{Finding, Severity, rule_info};
use relvar_model::Design;

use super::counted;

/// The most findings listed when grouped by table (the counts are always of all of them).
pub const MOST_SHOWN: usize = 200;
/// The most findings listed under one rule when grouped by rule.
pub const MOST_PER_RULE: usize = 25;

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// How the findings are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// By severity, then by table.
    Table,
    /// By rule (errors first, then the most frequent), then by table.
    Rule,
}

impl Grouping {
    pub fn id(self) -> &'static str {
        match self {
            Self::Table => "table",
            Self::Rule => "rule",
        }
    }
}

/// A finding as a list entry: equal when everything shown or applied from it is equal (and it
/// is the same repeat of an identical finding), hashed by what names it, so an entry is rebuilt
/// exactly when its finding changed and no two entries of a list share a key.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub finding: Finding,
    /// How many identical findings come before it in its list.
    pub repeat: usize,
}

impl Eq for Entry {}

impl Hash for Entry {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.finding.code.hash(state);
        self.finding.objects.hash(state);
        self.finding.message.hash(state);
        self.repeat.hash(state);
    }
}

/// One table's findings within a group.
#[derive(Debug, Clone, PartialEq)]
pub struct TableEntries {
    /// Unique within its group: the table's name, numbered when a name comes again.
    pub key: String,
    pub name: String,
    pub findings: Vec<Entry>,
}

/// A severity's or a rule's findings.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// `error`, `warning` and `info`, or a rule's code.
    pub key: String,
    pub title: String,
    pub severity: Severity,
    /// All its findings, shown or not.
    pub count: usize,
    /// Whether every one of its findings has a fix (grouped by rule).
    pub all_fixable: bool,
    pub tables: Vec<TableEntries>,
}

/// Everything the panel lists.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub groups: Vec<Group>,
    pub total: usize,
    /// How many findings are not listed (past the caps).
    pub hidden: usize,
}

impl Listed {
    pub fn group(&self, key: &str) -> Option<&Group> {
        self.groups.iter().find(|group| group.key == key)
    }

    pub fn table(&self, group: &str, key: &str) -> Option<&TableEntries> {
        self.group(group)?
            .tables
            .iter()
            .find(|table| table.key == key)
    }
}

pub fn heading(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Errors",
        Severity::Warning => "Warnings",
        Severity::Info => "Info",
    }
}

/// "2 errors · 1 warning · 3 info", or that there is nothing to report.
pub fn summary(findings: &[Finding], tables: usize) -> String {
    if findings.is_empty() {
        return if tables == 0 {
            "Import or draw a design to review it.".to_owned()
        } else {
            "No findings.".to_owned()
        };
    }
    let of = |severity| findings.iter().filter(|f| f.severity == severity).count();
    [
        counted(of(Severity::Error), "error", "errors"),
        counted(of(Severity::Warning), "warning", "warnings"),
        format!("{} info", of(Severity::Info)),
    ]
    .join(" · ")
}

/// The findings grouped by their table, keeping their order (the engine's: by table name).
fn by_table<'a>(design: &Design, findings: impl Iterator<Item = &'a Finding>) -> Vec<TableEntries> {
    let mut tables: Vec<(Option<relvar_model::TableId>, Vec<&'a Finding>)> = Vec::new();
    for finding in findings {
        let table = finding.table(design);
        match tables.last_mut() {
            Some((last, of_table)) if *last == table => of_table.push(finding),
            _ => tables.push((table, vec![finding])),
        }
    }
    let mut names_seen: Vec<String> = Vec::new();
    tables
        .into_iter()
        .map(|(table, findings)| {
            let name = table
                .and_then(|id| design.table(id))
                .map_or_else(|| "The design".to_owned(), |found| found.display_name());
            let earlier = names_seen.iter().filter(|seen| **seen == name).count();
            names_seen.push(name.clone());
            let key = if earlier == 0 {
                name.clone()
            } else {
                format!("{name}#{earlier}")
            };
            let findings = findings
                .iter()
                .enumerate()
                .map(|(at, finding)| Entry {
                    finding: (*finding).clone(),
                    repeat: findings
                        .iter()
                        .take(at)
                        .filter(|before| *before == finding)
                        .count(),
                })
                .collect();
            TableEntries {
                key,
                name,
                findings,
            }
        })
        .collect()
}

pub fn listed(design: &Design, findings: &[Finding], grouping: Grouping) -> Listed {
    let groups = match grouping {
        Grouping::Table => by_severity(design, findings),
        Grouping::Rule => by_rule(design, findings),
    };
    let shown: usize = groups
        .iter()
        .flat_map(|group| &group.tables)
        .map(|table| table.findings.len())
        .sum();
    Listed {
        groups,
        total: findings.len(),
        hidden: findings.len() - shown,
    }
}

fn by_severity(design: &Design, findings: &[Finding]) -> Vec<Group> {
    SEVERITIES
        .into_iter()
        .filter_map(|severity| {
            let shown = findings.iter().take(MOST_SHOWN);
            let tables = by_table(design, shown.filter(|f| f.severity == severity));
            let count = findings.iter().filter(|f| f.severity == severity).count();
            (!tables.is_empty()).then(|| Group {
                key: severity.as_str().to_owned(),
                title: format!("{} ({count})", heading(severity)),
                severity,
                count,
                all_fixable: false,
                tables,
            })
        })
        .collect()
}

fn by_rule(design: &Design, findings: &[Finding]) -> Vec<Group> {
    let mut codes: Vec<(&'static str, Severity, usize)> = Vec::new();
    for finding in findings {
        match codes.iter_mut().find(|(code, ..)| *code == finding.code) {
            Some((_, _, count)) => *count += 1,
            None => codes.push((finding.code, finding.severity, 1)),
        }
    }
    relvar_model::order::sort_by(&mut codes[..], |a, b| {
        a.1.cmp(&b.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0))
    });
    codes
        .into_iter()
        .map(|(code, severity, count)| {
            let of_rule = || findings.iter().filter(move |f| f.code == code);
            let name = rule_info(code).map_or("", |info| info.name);
            Group {
                key: code.to_owned(),
                title: format!("{code} {name} ({count})"),
                severity,
                count,
                all_fixable: of_rule().all(|finding| finding.fix.is_some()),
                tables: by_table(design, of_rule().take(MOST_PER_RULE)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use relvar_analysis::{ObjectRef, ReviewOptions, review};
    use relvar_sql::{Dialect, import_sql};

    use super::*;

    /// Every list the panel keys has distinct keys (a repeated key breaks keyed rendering).
    fn keys_are_distinct(listed: &Listed) {
        let groups: HashSet<&str> = listed
            .groups
            .iter()
            .map(|group| group.key.as_str())
            .collect();
        assert_eq!(groups.len(), listed.groups.len());
        for group in &listed.groups {
            let tables: HashSet<&str> = group
                .tables
                .iter()
                .map(|table| table.key.as_str())
                .collect();
            assert_eq!(tables.len(), group.tables.len(), "{}", group.key);
            for table in &group.tables {
                let entries: HashSet<&Entry> = table.findings.iter().collect();
                assert_eq!(entries.len(), table.findings.len(), "{}", table.key);
            }
        }
    }

    #[test]
    fn identical_findings_and_repeated_tables_get_distinct_keys() {
        let sql = "CREATE TABLE a (id int, b_id int REFERENCES b (id));\nCREATE TABLE b (id int PRIMARY KEY);";
        let design = import_sql(sql, Dialect::PostgreSql).design;
        let mut findings = review(&design, &ReviewOptions::default());
        assert!(!findings.is_empty());
        // The same findings again, and then those of the first table once more after another's.
        findings.extend(findings.clone());
        findings.extend(findings.clone());
        let first_table = findings[0].objects[0];
        let other = Finding {
            objects: vec![ObjectRef::Table(design.tables[1].id)],
            ..findings[0].clone()
        };
        findings.push(other);
        findings.push(Finding {
            objects: vec![first_table],
            ..findings[0].clone()
        });
        for grouping in [Grouping::Table, Grouping::Rule] {
            let listed = listed(&design, &findings, grouping);
            keys_are_distinct(&listed);
            assert_eq!(listed.hidden, 0);
        }
    }
}
