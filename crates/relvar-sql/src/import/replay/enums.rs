//! PostgreSQL `ALTER TYPE e ADD VALUE [IF NOT EXISTS] 'v' [BEFORE | AFTER 'w']`, `RENAME VALUE
//! 'v' TO 'w'` and `RENAME TO f` on the design's enum types, through the model's enum commands.

use relvar_model::Command;
use sqlparser::ast::{AlterType, AlterTypeAddValuePosition, AlterTypeOperation};

use crate::dialect::SqlSyntax;
use crate::import::Importer;
use crate::import::alter_table::Outcome;
use crate::import::names::QualifiedName;

impl Importer {
    pub(in crate::import) fn alter_type(&mut self, alter: &AlterType, text: &str) {
        let outcome = self.alter_enum(alter);
        self.settle(outcome, "ALTER TYPE", text);
    }

    fn alter_enum(&mut self, alter: &AlterType) -> Outcome {
        let Some(name) = QualifiedName::from_object_name(&alter.name, self.dialect) else {
            return Outcome::NotModelled;
        };
        let found = self.design.enums.iter().find(|enum_type| {
            enum_type.name.eq_ignore_ascii_case(&name.name)
                && super::in_schema(name.schema.as_deref(), enum_type.schema.as_deref())
        });
        let Some(found) = found else {
            return Outcome::Conflict(format!(
                "type {} is not an enum of the design",
                name.display()
            ));
        };
        let qualified = found.qualified_name();
        let mut values = found.values.clone();
        let command = match &alter.operation {
            AlterTypeOperation::AddValue(add) => {
                let value = add.value.value.clone();
                if values.contains(&value) {
                    return if add.if_not_exists {
                        Outcome::Modelled
                    } else {
                        Outcome::Conflict(format!("{qualified} already has the value {value}"))
                    };
                }
                let at = match &add.position {
                    None => Some(values.len()),
                    Some(AlterTypeAddValuePosition::Before(next)) => {
                        values.iter().position(|known| *known == next.value)
                    }
                    Some(AlterTypeAddValuePosition::After(previous)) => values
                        .iter()
                        .position(|known| *known == previous.value)
                        .map(|at| at + 1),
                };
                let Some(at) = at else {
                    return Outcome::Conflict(format!(
                        "{qualified} has no value it can be placed by"
                    ));
                };
                values.insert(at.min(values.len()), value);
                Command::SetEnumValues {
                    name: qualified.clone(),
                    values,
                }
            }
            AlterTypeOperation::RenameValue(rename) => {
                let Some(slot) = values.iter_mut().find(|known| **known == rename.from.value)
                else {
                    return Outcome::Conflict(format!(
                        "{qualified} has no value {}",
                        rename.from.value
                    ));
                };
                slot.clone_from(&rename.to.value);
                Command::SetEnumValues {
                    name: qualified.clone(),
                    values,
                }
            }
            AlterTypeOperation::Rename(rename) => Command::RenameEnum {
                name: qualified.clone(),
                schema: found.schema.clone(),
                new_name: self.dialect.fold(&rename.new_name),
            },
        };
        match command.apply(&mut self.design) {
            Ok(_) => Outcome::Modelled,
            Err(error) => Outcome::Conflict(error.to_string()),
        }
    }
}
