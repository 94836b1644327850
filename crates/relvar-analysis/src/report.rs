//! The reporter a rule's check writes its findings to: bound to the rule's description, so a
//! rule says only what it found, on which objects, in what words and with what fix.

use relvar_model::{Column, ForeignKey, Table};

use crate::finding::{Finding, Fix, ObjectRef};
use crate::rule::RuleInfo;

/// Where one rule reports: every finding gets the rule's code and severity.
#[derive(Debug)]
pub struct Reporter<'a> {
    rule: &'static RuleInfo,
    out: &'a mut Vec<Finding>,
}

/// A finding just reported, to which further objects and a fix can be added.
#[derive(Debug)]
pub struct Reported<'a>(Option<&'a mut Finding>);

impl<'a> Reporter<'a> {
    /// A reporter for `rule` that appends to `out`.
    pub fn new(rule: &'static RuleInfo, out: &'a mut Vec<Finding>) -> Self {
        Self { rule, out }
    }

    /// A finding on these objects, the main one first.
    pub fn on(&mut self, objects: Vec<ObjectRef>, message: impl Into<String>) -> Reported<'_> {
        self.out.push(Finding::new(self.rule, objects, message));
        Reported(self.out.last_mut())
    }

    pub fn table(&mut self, table: &Table, message: impl Into<String>) -> Reported<'_> {
        self.on(vec![ObjectRef::Table(table.id)], message)
    }

    pub fn column(
        &mut self,
        table: &Table,
        column: &Column,
        message: impl Into<String>,
    ) -> Reported<'_> {
        self.on(vec![ObjectRef::column(table.id, column.id)], message)
    }

    /// A finding on several columns of one table, in the order given.
    pub fn columns<'c>(
        &mut self,
        table: &Table,
        columns: impl IntoIterator<Item = &'c Column>,
        message: impl Into<String>,
    ) -> Reported<'_> {
        let objects = columns
            .into_iter()
            .map(|column| ObjectRef::column(table.id, column.id))
            .collect();
        self.on(objects, message)
    }

    pub fn foreign_key(&mut self, fk: &ForeignKey, message: impl Into<String>) -> Reported<'_> {
        self.on(vec![ObjectRef::ForeignKey(fk.id)], message)
    }

    /// A finding on the index at `position` in the table's indexes.
    pub fn index(
        &mut self,
        table: &Table,
        position: usize,
        message: impl Into<String>,
    ) -> Reported<'_> {
        self.on(
            vec![ObjectRef::Index {
                table: table.id,
                position,
            }],
            message,
        )
    }
}

impl Reported<'_> {
    /// One more object the finding concerns, after those it names.
    pub fn also(&mut self, object: ObjectRef) -> &mut Self {
        if let Some(finding) = self.0.as_deref_mut() {
            finding.objects.push(object);
        }
        self
    }

    pub fn fix(&mut self, fix: Fix) {
        if let Some(finding) = self.0.as_deref_mut() {
            finding.fix = Some(fix);
        }
    }
}
