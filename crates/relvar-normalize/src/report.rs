//! One table's normalization as plain data, for the command line and the studio: its
//! dependencies, candidate keys, normal form with each violation in words, and the proposed 3NF
//! synthesis, BCNF and (with multivalued dependencies) 4NF decompositions with the tables that
//! applying each would make.

use relvar_model::{Design, Table};

use crate::chase::is_lossless;
use crate::decompose::{Component, Decomposition, decompose_4nf, decompose_bcnf, synthesize_3nf};
use crate::normal_form::{KEY_CAP, NormalForm, analyse};
use crate::relation::Relation;
use crate::table::{key_dependencies, table_relation};
use crate::{apply::decomposition_table_names, attrs::AttrSet};

/// A dependency of the table as text, and whether it comes from a key rather than a declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportedDependency {
    pub text: String,
    pub from_key: bool,
}

/// Which decomposition a proposal is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecompositionKind {
    Synthesis3nf,
    Bcnf,
    Fourth,
}

impl DecompositionKind {
    pub fn title(self) -> &'static str {
        match self {
            Self::Synthesis3nf => "3NF synthesis",
            Self::Bcnf => "BCNF decomposition",
            Self::Fourth => "4NF decomposition",
        }
    }
}

/// A table a decomposition would make (or the original table, keeping its name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedTable {
    pub name: String,
    pub columns: String,
    pub key: String,
}

/// A proposed decomposition: whether it is lossless, what it loses, and its tables.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposedDecomposition {
    pub kind: DecompositionKind,
    /// `None` when the chase grew too large to decide.
    pub lossless: Option<bool>,
    /// The dependencies it does not preserve, as text.
    pub lost: Vec<String>,
    /// False when a component was too wide to search fully for violations.
    pub checked: bool,
    pub tables: Vec<ProposedTable>,
    /// What `decomposition_command` takes to apply it.
    pub components: Vec<Component>,
}

impl ProposedDecomposition {
    /// True when the table would stay as it is: one component holding every column.
    pub fn keeps_table_whole(&self) -> bool {
        self.components.len() <= 1
    }
}

/// The whole report of one table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableReport {
    /// Every column, in order, joined by `, `.
    pub columns: String,
    /// Declared dependencies first, then one per key.
    pub dependencies: Vec<ReportedDependency>,
    pub keys: Vec<String>,
    /// True when there are more candidate keys than the `KEY_CAP` listed.
    pub more_keys: bool,
    pub prime: String,
    pub normal_form: NormalForm,
    /// The normal form each violation breaks, and why in words.
    pub violations: Vec<(NormalForm, String)>,
    pub proposals: Vec<ProposedDecomposition>,
}

/// The report of `table`, a table of `design` (or a variant of one, such as one with extra
/// dependencies; the proposed names are made free in `design`).
pub fn table_report(design: &Design, table: &Table) -> TableReport {
    let relation = table_relation(table);
    let keys_implied = key_dependencies(table).len();
    let declared = relation.fds.len().saturating_sub(keys_implied);
    let mut dependencies: Vec<ReportedDependency> = relation
        .fds
        .iter()
        .enumerate()
        .map(|(index, fd)| ReportedDependency {
            text: relation.show_fd(fd),
            from_key: index >= declared,
        })
        .collect();
    dependencies.extend(relation.mvds.iter().map(|mvd| ReportedDependency {
        text: relation.show_mvd(mvd),
        from_key: false,
    }));
    let analysis = analyse(&relation, KEY_CAP);
    let mut decompositions = vec![
        (DecompositionKind::Synthesis3nf, synthesize_3nf(&relation)),
        (DecompositionKind::Bcnf, decompose_bcnf(&relation)),
    ];
    if !relation.mvds.is_empty() {
        decompositions.push((DecompositionKind::Fourth, decompose_4nf(&relation)));
    }
    TableReport {
        columns: relation.show(&relation.all()),
        dependencies,
        keys: analysis
            .keys
            .keys
            .iter()
            .map(|key| relation.show_braced(key))
            .collect(),
        more_keys: analysis.keys.more,
        prime: relation.show(&analysis.prime),
        normal_form: analysis.normal_form,
        violations: analysis
            .violations
            .into_iter()
            .map(|violation| (violation.breaks, violation.explanation))
            .collect(),
        proposals: decompositions
            .into_iter()
            .map(|(kind, decomposition)| proposed(design, table, &relation, kind, decomposition))
            .collect(),
    }
}

fn proposed(
    design: &Design,
    table: &Table,
    relation: &Relation,
    kind: DecompositionKind,
    decomposition: Decomposition,
) -> ProposedDecomposition {
    let names =
        decomposition_table_names(design, table.id, &decomposition.components).unwrap_or_default();
    let show = |set: &AttrSet| relation.show(set);
    let tables = decomposition
        .components
        .iter()
        .enumerate()
        .map(|(index, component)| ProposedTable {
            name: names
                .get(index)
                .cloned()
                .unwrap_or_else(|| table.name.clone()),
            columns: show(&component.attributes),
            key: relation.show_braced(&component.key),
        })
        .collect();
    ProposedDecomposition {
        kind,
        lossless: is_lossless(relation, &decomposition.schemas()).ok(),
        lost: decomposition
            .lost
            .iter()
            .map(|fd| relation.show_fd(fd))
            .collect(),
        checked: decomposition.checked,
        tables,
        components: decomposition.components,
    }
}
