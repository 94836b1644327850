//! Domains in a migration (PostgreSQL; elsewhere a domain's columns are written with its base
//! type): new ones created before the tables, a changed default or check altered in place, a new
//! base type or collation made again with its columns converted, removed ones dropped after their
//! tables. In a zero-downtime plan a domain's new checks, validated against every column using
//! it, come at the switch (added NOT VALID, then validated), as does a domain made again.

use relvar_model::{Dialect, Domain};

use super::Planner;
use crate::domains::DomainDiff;

impl Planner<'_> {
    pub(super) fn create_domains(&mut self) {
        if self.dialect != Dialect::PostgreSql {
            return;
        }
        for change in &self.diff.domains {
            match change {
                // In a zero-downtime plan a new domain's checks come at the switch (squawk:
                // a domain's checks are validated against every column using it).
                DomainDiff::Added(at) => {
                    if let Some(sql) = self.new.create_domain(*at, !self.safe) {
                        self.push(sql);
                    }
                    if self.safe {
                        let checks = self.to.domains.get(*at).map_or(0, |d| d.checks.len());
                        self.add_domain_checks(*at, &(0..checks).collect::<Vec<_>>());
                    }
                }
                // Its columns are rewritten: at the switch in a zero-downtime plan.
                DomainDiff::Changed {
                    from,
                    to,
                    base_changed: true,
                    ..
                } => {
                    let phase = if self.phased() {
                        super::Phase::Contract
                    } else {
                        self.phase
                    };
                    self.on_table(None, phase, |planner| planner.recreate_domain(*from, *to));
                }
                DomainDiff::Changed {
                    from,
                    to,
                    default_changed,
                    checks_removed,
                    checks_added,
                    ..
                } => self.alter_domain(*from, *to, *default_changed, checks_removed, checks_added),
                DomainDiff::Removed(_) => {}
            }
        }
    }

    fn alter_domain(
        &mut self,
        from: usize,
        to: usize,
        default_changed: bool,
        checks_removed: &[usize],
        checks_added: &[usize],
    ) {
        let (Some(old), Some(new)) = (self.from.domains.get(from), self.to.domains.get(to)) else {
            return;
        };
        let name = self.new.qualified(new.schema.as_deref(), &new.name);
        if default_changed {
            self.push(match &new.default {
                Some(default) => format!("ALTER DOMAIN {name} SET DEFAULT {default}"),
                None => format!("ALTER DOMAIN {name} DROP DEFAULT"),
            });
        }
        for &at in checks_removed {
            if let Some(constraint) = check_name(old, at) {
                let sql = format!(
                    "ALTER DOMAIN {name} DROP CONSTRAINT {}",
                    self.old.quote(&constraint)
                );
                self.push_contract(sql);
            }
        }
        self.add_domain_checks(to, checks_added);
    }

    /// Adds the checks at `positions` of the second design's domain at `at`; in a zero-downtime
    /// plan at the switch, new values checked at once and the old ones validated apart.
    fn add_domain_checks(&mut self, at: usize, positions: &[usize]) {
        let Some(domain) = self.to.domains.get(at) else {
            return;
        };
        let name = self.new.qualified(domain.schema.as_deref(), &domain.name);
        let kept = self.phase;
        if self.safe {
            self.phase = super::Phase::Contract;
        }
        for &position in positions {
            let Some(check) = domain.checks.get(position) else {
                continue;
            };
            let constraint = check_name(domain, position).unwrap_or_default();
            let quoted = self.new.quote(&constraint);
            let expression = &check.expression;
            if self.safe {
                self.push(format!(
                    "ALTER DOMAIN {name} ADD CONSTRAINT {quoted} CHECK ({expression}) NOT VALID"
                ));
                self.push(format!("ALTER DOMAIN {name} VALIDATE CONSTRAINT {quoted}"));
            } else {
                self.push(format!(
                    "ALTER DOMAIN {name} ADD CONSTRAINT {quoted} CHECK ({expression})"
                ));
            }
        }
        self.phase = kept;
    }

    /// A domain whose base type or collation changes is made again: the old one renamed aside,
    /// the new one created, each column using it converted through the new base type (the old
    /// one is dropped with the removed domains, once the tables dropped with it are gone).
    fn recreate_domain(&mut self, from: usize, to: usize) {
        let (Some(old), Some(new)) = (self.from.domains.get(from), self.to.domains.get(to)) else {
            return;
        };
        let aside = set_aside_name(old);
        let old_name = self.old.qualified(old.schema.as_deref(), &old.name);
        self.push(format!(
            "ALTER DOMAIN {old_name} RENAME TO {}",
            self.old.quote(&aside)
        ));
        if let Some(sql) = self.new.create_domain(to, true) {
            self.push(sql);
        }
        let new_name = self.new.qualified(new.schema.as_deref(), &new.name);
        let qualified = new.qualified_name();
        for table in &self.to.tables {
            let Some(old_table) = self
                .diff
                .pairing
                .table_back(table.id)
                .and_then(|id| self.old_table(id))
            else {
                continue;
            };
            for column in &table.columns {
                let named = column.data_type.trim_matches('"');
                if !(named.eq_ignore_ascii_case(&new.name)
                    || named.eq_ignore_ascii_case(&qualified))
                {
                    continue;
                }
                let column_name = self.new.quote(&column.name);
                let sql = format!(
                    "ALTER TABLE {} ALTER COLUMN {column_name} TYPE {new_name} USING {column_name}::{}",
                    self.old.table_name(old_table.id),
                    new.data_type
                );
                self.push_risky(
                    sql,
                    format!(
                        "{}.{}: domain {} becomes {}; values that do not convert make this fail, and the table is rewritten",
                        table.qualified_name(),
                        column.name,
                        new.qualified_name(),
                        new.data_type
                    ),
                );
            }
        }
    }

    /// `DROP DOMAIN` for each domain removed, and each one made again set aside, once no table
    /// uses it.
    pub(super) fn drop_domains(&mut self) {
        if self.dialect != Dialect::PostgreSql {
            return;
        }
        for change in &self.diff.domains {
            let (at, set_aside) = match change {
                DomainDiff::Removed(at) => (*at, false),
                DomainDiff::Changed {
                    from,
                    base_changed: true,
                    ..
                } => (*from, true),
                _ => continue,
            };
            let Some(old) = self.from.domains.get(at) else {
                continue;
            };
            let dropped = if set_aside {
                set_aside_name(old)
            } else {
                old.name.clone()
            };
            let sql = format!(
                "DROP DOMAIN {}",
                self.old.qualified(old.schema.as_deref(), &dropped)
            );
            self.push(sql);
        }
    }
}

/// The name a domain made again is kept under until its columns are converted.
fn set_aside_name(domain: &Domain) -> String {
    format!("{}_relvar_old", domain.name)
}

/// The name of a domain's check: its own, else PostgreSQL's (`domain_check`, then numbered
/// `domain_check1`, ... among the domain's unnamed checks in order).
fn check_name(domain: &Domain, at: usize) -> Option<String> {
    let check = domain.checks.get(at)?;
    if let Some(name) = &check.name {
        return Some(name.clone());
    }
    let earlier = domain
        .checks
        .iter()
        .take(at)
        .filter(|check| check.name.is_none())
        .count();
    Some(match earlier {
        0 => format!("{}_check", domain.name),
        number => format!("{}_check{number}", domain.name),
    })
}
