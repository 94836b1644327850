//! CREATE TABLE: columns with their identity, generation, collation and comment; primary key,
//! unique constraints, checks, MySQL inline indexes, and foreign keys to resolve later.

use relvar_model::{
    CheckConstraint, Column, ColumnId, GeneratedColumn, Identity, Index, PrimaryKey, Table,
    UniqueConstraint,
};
use sqlparser::ast::{
    ColumnOption, CreateTable, CreateTableOptions, DataType, GeneratedAs, GeneratedExpressionMode,
    SqlOption, TableConstraint,
};
use sqlparser::tokenizer::Token;

use super::Importer;
use super::foreign_keys::PendingForeignKey;
use super::indexes::{plain_index_type, strip_parentheses, table_index};
use super::names::{QualifiedName, key_columns};
use crate::diagnostic::Severity;
use crate::dialect::SqlSyntax;

impl Importer {
    pub(super) fn create_table(&mut self, create: CreateTable, text: &str) {
        let Some(name) = QualifiedName::from_object_name(&create.name, self.dialect) else {
            self.keep_whole(text, "CREATE TABLE with a computed name");
            return;
        };
        if create.query.is_some() || create.like.is_some() || create.clone.is_some() {
            self.keep_whole(
                text,
                "CREATE TABLE copying another table or a query is not modelled yet",
            );
            return;
        }
        let duplicate = self
            .design
            .tables
            .iter()
            .any(|table| table.name == name.name && table.schema == name.schema);
        if duplicate && create.if_not_exists {
            let message = format!(
                "table {} exists already; CREATE TABLE IF NOT EXISTS leaves it as it is",
                name.display()
            );
            self.diagnose(Severity::Info, self.here(), message);
            return;
        }
        if duplicate {
            let message = format!(
                "table {} is defined twice; the first definition is used and this one kept as written",
                name.display()
            );
            self.diagnose(Severity::Warning, self.here(), message);
            self.keep(text.to_owned(), "a second definition of the same table");
            return;
        }
        let id = self.design.ids.table();
        let mut table = Table::new(id, name.schema.clone(), name.name.clone());
        for column in &create.columns {
            self.add_column(&mut table, &name, column);
        }
        self.inherit_columns(&mut table, create.inherits.as_ref());
        for constraint in &create.constraints {
            self.add_table_constraint(&mut table, &name, constraint);
        }
        self.carry_table_options(&mut table, &create);
        if let Some(parent) = &create.partition_of {
            let parent = QualifiedName::from_object_name(parent, self.dialect)
                .map(|parent| self.design_spelling(&parent))
                .unwrap_or_else(|| parent.to_string());
            let bound = create
                .for_values
                .as_ref()
                .map_or_else(String::new, ToString::to_string);
            table.partition_of = Some(relvar_model::PartitionOf { parent, bound });
        }
        self.design.tables.push(table);
    }

    pub(super) fn add_column(
        &mut self,
        table: &mut Table,
        table_name: &QualifiedName,
        definition: &sqlparser::ast::ColumnDef,
    ) {
        let id = self.design.ids.column();
        let written = type_text(&definition.data_type);
        let serial = super::serial::serial_integer(&written, self.dialect);
        let data_type = serial.map_or(written, str::to_owned);
        let mut column = Column::new(id, self.dialect.fold(&definition.name), data_type);
        if serial.is_some() {
            self.number_serially(table_name, &mut column);
        }
        for option in &definition.options {
            let constraint_name = option.name.as_ref().map(|ident| self.dialect.fold(ident));
            match &option.option {
                ColumnOption::Null => column.nullable = true,
                ColumnOption::NotNull => column.nullable = false,
                ColumnOption::Default(expr) => column.default = Some(expr.to_string()),
                ColumnOption::Comment(comment) => column.comment = Some(comment.clone()),
                ColumnOption::Collation(name) => column.collation = Some(name.to_string()),
                ColumnOption::Check(check) => table.checks.push(CheckConstraint {
                    name: constraint_name,
                    expression: strip_parentheses(&check.expr.to_string()),
                }),
                ColumnOption::Identity(_) => column.identity = Some(Identity::Always),
                ColumnOption::DialectSpecific(tokens) if is_auto_increment(tokens) => {
                    column.identity = Some(Identity::ByDefault);
                }
                ColumnOption::Generated {
                    generated_as,
                    generation_expr: None,
                    ..
                } => {
                    column.identity = Some(match generated_as {
                        GeneratedAs::Always => Identity::Always,
                        _ => Identity::ByDefault,
                    });
                }
                ColumnOption::Generated {
                    generated_as,
                    generation_expr: Some(expression),
                    generation_expr_mode,
                    ..
                } => {
                    column.generated = Some(GeneratedColumn {
                        expression: strip_parentheses(&expression.to_string()),
                        stored: match generation_expr_mode {
                            Some(mode) => *mode == GeneratedExpressionMode::Stored,
                            None => *generated_as == GeneratedAs::ExpStored,
                        },
                    });
                }
                ColumnOption::PrimaryKey(_) => {
                    column.nullable = false;
                    table.primary_key = Some(PrimaryKey {
                        name: constraint_name,
                        columns: vec![id],
                    });
                }
                ColumnOption::Unique(_) => {
                    table.uniques.push(UniqueConstraint {
                        name: constraint_name,
                        columns: vec![id],
                    });
                }
                ColumnOption::ForeignKey(foreign_key) => {
                    let mut pending = PendingForeignKey::from_constraint(
                        foreign_key,
                        table.id,
                        table_name,
                        self.dialect,
                        self.origin(),
                    );
                    pending.from_columns = vec![column.name.clone()];
                    pending.name = pending.name.or(constraint_name);
                    self.pending.push(pending);
                }
                other => {
                    let written = match &option.name {
                        Some(name) => format!("CONSTRAINT {name} {other}"),
                        None => other.to_string(),
                    };
                    self.note_verbatim(format!(
                        "{}.{}: {written}",
                        table_name.display(),
                        column.name
                    ));
                    column
                        .verbatim
                        .push(mysql_only_attribute(written, self.dialect));
                }
            }
        }
        table.columns.push(column);
    }

    fn add_table_constraint(
        &mut self,
        table: &mut Table,
        table_name: &QualifiedName,
        constraint: &TableConstraint,
    ) {
        match constraint {
            TableConstraint::PrimaryKey(key) => {
                let name = key.name.as_ref().map(|ident| self.dialect.fold(ident));
                match resolve_columns(table, key_columns(&key.columns, self.dialect), self.dialect)
                {
                    Some(columns) => set_primary_key(table, name, columns),
                    None => self.carry_element(table, table_name, constraint),
                }
            }
            TableConstraint::Unique(unique) => {
                // MySQL's `UNIQUE KEY name (...)` names its index, which is the key's name.
                let name = unique
                    .index_name
                    .as_ref()
                    .or(unique.name.as_ref())
                    .map(|ident| self.dialect.fold(ident));
                let columns = resolve_columns(
                    table,
                    key_columns(&unique.columns, self.dialect),
                    self.dialect,
                );
                // A key over column prefixes (`name(10)`) is a unique index.
                let index = || {
                    table_index(table, name.clone(), None, &unique.columns, self.dialect)
                        .filter(|_| unique.include.is_empty() && unique.index_options.is_empty())
                        .map(|index| Index {
                            unique: true,
                            ..index
                        })
                };
                match (columns, index()) {
                    (Some(columns), _) => table.uniques.push(UniqueConstraint { name, columns }),
                    (None, Some(index)) => table.indexes.push(index),
                    (None, None) => self.carry_element(table, table_name, constraint),
                }
            }
            TableConstraint::ForeignKey(foreign_key) => {
                let pending = PendingForeignKey::from_constraint(
                    foreign_key,
                    table.id,
                    table_name,
                    self.dialect,
                    self.origin(),
                );
                self.pending.push(pending);
            }
            TableConstraint::Check(check) => table.checks.push(CheckConstraint {
                name: check.name.as_ref().map(|ident| self.dialect.fold(ident)),
                expression: strip_parentheses(&check.expr.to_string()),
            }),
            TableConstraint::Index(index) => {
                let name = index.name.as_ref().map(|ident| self.dialect.fold(ident));
                let index_type = plain_index_type(index.index_type.as_ref(), &index.index_options);
                let modelled = index_type.and_then(|index_type| {
                    table_index(table, name, index_type, &index.columns, self.dialect)
                });
                match modelled {
                    Some(index) => table.indexes.push(index),
                    None => self.carry_element(table, table_name, constraint),
                }
            }
            TableConstraint::FulltextOrSpatial(index) => {
                match fulltext_or_spatial(table, index, self.dialect) {
                    Some(index) => table.indexes.push(index),
                    None => self.carry_element(table, table_name, constraint),
                }
            }
            other => self.carry_element(table, table_name, other),
        }
    }

    fn carry_element(
        &mut self,
        table: &mut Table,
        table_name: &QualifiedName,
        element: &TableConstraint,
    ) {
        let written = match element {
            // sqlparser writes an index's options with commas, which MySQL does not read.
            TableConstraint::Index(index) if index.index_options.len() > 1 => {
                let options: Vec<String> = index
                    .index_options
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                let mut bare = index.clone();
                bare.index_options.clear();
                format!("{} {}", TableConstraint::Index(bare), options.join(" "))
            }
            _ => element.to_string(),
        };
        self.note_verbatim(format!("{}: {written}", table_name.display()));
        table.verbatim_elements.push(written);
    }

    fn carry_table_options(&mut self, table: &mut Table, create: &CreateTable) {
        let mut options = Vec::new();
        if let Some(parents) = &create.inherits {
            let names: Vec<String> = parents.iter().map(ToString::to_string).collect();
            options.push(format!("INHERITS ({})", names.join(", ")));
        }
        if let Some(partition_by) = &create.partition_by {
            table.partition_by = Some(partition_by.to_string());
        }
        let mut table_options = create.table_options.clone();
        if let CreateTableOptions::Plain(plain) = &mut table_options {
            plain.retain(|option| match option {
                SqlOption::Comment(comment) => {
                    let (sqlparser::ast::CommentDef::WithEq(text)
                    | sqlparser::ast::CommentDef::WithoutEq(text)) = comment;
                    table.comment = Some(text.clone());
                    false
                }
                _ => true,
            });
            if plain.is_empty() {
                table_options = CreateTableOptions::None;
            }
        }
        if !matches!(table_options, CreateTableOptions::None) {
            options.push(table_options.to_string());
        }
        // SQLite's table options, comma-separated after the column list.
        let sqlite: Vec<&str> = [
            (create.without_rowid, "WITHOUT ROWID"),
            (create.strict, "STRICT"),
        ]
        .into_iter()
        .filter_map(|(given, option)| given.then_some(option))
        .collect();
        if !sqlite.is_empty() {
            options.push(sqlite.join(", "));
        }
        for option in options {
            self.note_verbatim(format!("{}: {option}", table.qualified_name()));
            table.verbatim_options.push(option);
        }
    }

    /// Tells the user that part of a modelled statement is carried as written, not modelled.
    fn note_verbatim(&mut self, what: String) {
        let at = self.here();
        self.diagnose(
            Severity::Info,
            at,
            format!("carried as written, not modelled yet: {what}"),
        );
    }
}

fn set_primary_key(table: &mut Table, name: Option<String>, columns: Vec<ColumnId>) {
    for column in &mut table.columns {
        if columns.contains(&column.id) {
            column.nullable = false;
        }
    }
    table.primary_key = Some(PrimaryKey { name, columns });
}

/// MySQL's `FULLTEXT|SPATIAL [KEY|INDEX] [name] (parts)` element; `None` if a part is not readable.
pub(super) fn fulltext_or_spatial(
    table: &Table,
    element: &sqlparser::ast::FullTextOrSpatialConstraint,
    dialect: crate::Dialect,
) -> Option<relvar_model::Index> {
    let name = element
        .opt_index_name
        .as_ref()
        .map(|ident| dialect.fold(ident));
    let index = table_index(table, name, None, &element.columns, dialect)?;
    Some(relvar_model::Index {
        kind: Some(if element.fulltext {
            relvar_model::IndexKind::Fulltext
        } else {
            relvar_model::IndexKind::Spatial
        }),
        ..index
    })
}

/// MySQL 8's `SRID n` column attribute, which MariaDB refuses, kept in the versioned comment
/// MySQL dumps write it in (`/*!80003 SRID 4326 */`): MySQL reads it, MariaDB passes over it.
fn mysql_only_attribute(written: String, dialect: crate::Dialect) -> String {
    let is_srid = written
        .get(..5)
        .is_some_and(|start| start.eq_ignore_ascii_case("SRID "));
    if dialect == crate::Dialect::MySql && is_srid {
        format!("/*!80003 {written} */")
    } else {
        written
    }
}

/// MySQL `AUTO_INCREMENT`, SQLite `AUTOINCREMENT`.
fn is_auto_increment(tokens: &[Token]) -> bool {
    matches!(tokens, [Token::Word(word)]
        if word.value.eq_ignore_ascii_case("AUTO_INCREMENT")
            || word.value.eq_ignore_ascii_case("AUTOINCREMENT"))
}

/// Ids of the named columns of a table; `None` if a name is not a column or the list is empty.
pub(super) fn resolve_columns(
    table: &Table,
    names: Option<Vec<String>>,
    dialect: crate::Dialect,
) -> Option<Vec<ColumnId>> {
    let names = names.filter(|names| !names.is_empty())?;
    names
        .iter()
        .map(|name| column_id(table, name, dialect))
        .collect()
}

/// The column of that name, matched as the dialect's engine matches names.
pub(super) fn column_id(table: &Table, name: &str, dialect: crate::Dialect) -> Option<ColumnId> {
    table.column_id(name).or_else(|| {
        let mut same = table
            .columns
            .iter()
            .filter(|column| column.name.eq_ignore_ascii_case(name));
        match (dialect.names_match_exactly(), same.next(), same.next()) {
            (false, Some(column), None) => Some(column.id),
            _ => None,
        }
    })
}

/// A type as SQL text, lower case outside quoted identifiers and literals: `numeric(5,2)`,
/// `public."bıgınt"`, `enum('G','PG')`.
/// Brackets or backticks around a plain type name (`[int]`) are dropped.
pub(super) fn type_text(data_type: &DataType) -> String {
    let mut data_type = data_type.clone();
    if let DataType::Custom(name, _) = &mut data_type {
        for part in &mut name.0 {
            if let sqlparser::ast::ObjectNamePart::Identifier(ident) = part {
                let plain = ident
                    .value
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_');
                if plain && matches!(ident.quote_style, Some('[') | Some('`')) {
                    ident.quote_style = None;
                }
            }
        }
    }
    let written = data_type.to_string();
    let mut result = String::with_capacity(written.len());
    let mut quote = None;
    for character in written.chars() {
        quote = match (quote, character) {
            (None, '"' | '\'') => Some(character),
            (Some(open), found) if found == open => None,
            (state, _) => state,
        };
        if quote.is_some() || character == '"' || character == '\'' {
            result.push(character)
        } else {
            result.extend(character.to_lowercase())
        }
    }
    result
}
