//! Commands on enum types, which are known by their qualified name (exactly, or else ignoring
//! ASCII case), and on the column types that name them.

use super::{
    Command, CommandError, insert_clamped, remove_at, replace_at, require_name, require_schema,
};
use crate::design::{Design, EnumType};
use crate::duplicate::same_schema;

pub(super) fn add(design: &mut Design, enum_type: EnumType) -> Result<Command, CommandError> {
    require_name(&enum_type.name, "enum type")?;
    require_schema(enum_type.schema.as_deref())?;
    let name = enum_type.qualified_name();
    if let Some(taken) = enum_named_like(design, &name, None) {
        return Err(CommandError::EnumNameTaken(taken));
    }
    require_values(&name, &enum_type.values)?;
    let index = design.enums.len();
    insert(design, enum_type, index)
}

pub(super) fn delete(design: &mut Design, name: &str) -> Result<Command, CommandError> {
    let enum_type = find_enum(design, name)?;
    let users = enum_type.users(design);
    if !users.is_empty() {
        return Err(CommandError::EnumInUse {
            name: enum_type.qualified_name(),
            columns: users,
        });
    }
    remove(design, name)
}

pub(super) fn rename(
    design: &mut Design,
    name: &str,
    schema: Option<String>,
    new_name: String,
) -> Result<Command, CommandError> {
    let index = enum_index(design, name)?;
    let old = find_enum(design, name)?;
    require_name(&new_name, "enum type")?;
    require_schema(schema.as_deref())?;
    let renamed = EnumType {
        schema,
        name: new_name,
        values: old.values.clone(),
    };
    let renamed_name = renamed.qualified_name();
    if let Some(taken) = enum_named_like(design, &renamed_name, Some(index)) {
        return Err(CommandError::EnumNameTaken(taken));
    }
    let keeps_schema = same_schema(old.schema.as_deref(), renamed.schema.as_deref());
    let mut edit = Vec::new();
    for table in &design.tables {
        for column in &table.columns {
            if !old.is_named_by(&column.data_type) {
                continue;
            }
            let mut retyped = column.clone();
            retyped.data_type = if keeps_schema && column.data_type.eq_ignore_ascii_case(&old.name)
            {
                renamed.name.clone()
            } else {
                renamed_name.clone()
            };
            edit.push(Command::ReplaceColumn {
                table: table.id,
                column: retyped,
            });
        }
    }
    edit.insert(
        0,
        Command::ReplaceEnum {
            name: old.qualified_name(),
            enum_type: renamed,
        },
    );
    Command::Batch(edit).apply(design)
}

pub(super) fn set_values(
    design: &mut Design,
    name: &str,
    values: Vec<String>,
) -> Result<Command, CommandError> {
    let mut changed = find_enum(design, name)?.clone();
    let qualified = changed.qualified_name();
    require_values(&qualified, &values)?;
    changed.values = values;
    replace(design, &qualified, changed)
}

pub(super) fn insert(
    design: &mut Design,
    enum_type: EnumType,
    index: usize,
) -> Result<Command, CommandError> {
    let name = enum_type.qualified_name();
    if design
        .enums
        .iter()
        .any(|other| other.qualified_name() == name)
    {
        return Err(CommandError::EnumNameTaken(name));
    }
    insert_clamped(&mut design.enums, index, enum_type);
    Ok(Command::RemoveEnum { name })
}

pub(super) fn remove(design: &mut Design, name: &str) -> Result<Command, CommandError> {
    let index = enum_index(design, name)?;
    let enum_type = remove_at(&mut design.enums, index)
        .ok_or_else(|| CommandError::NoSuchEnum(name.to_owned()))?;
    Ok(Command::InsertEnum { enum_type, index })
}

pub(super) fn replace(
    design: &mut Design,
    name: &str,
    enum_type: EnumType,
) -> Result<Command, CommandError> {
    let index = enum_index(design, name)?;
    let new_name = enum_type.qualified_name();
    let taken = design
        .enums
        .iter()
        .enumerate()
        .any(|(other_index, other)| other_index != index && other.qualified_name() == new_name);
    if taken {
        return Err(CommandError::EnumNameTaken(new_name));
    }
    let previous = replace_at(&mut design.enums, index, enum_type)
        .ok_or_else(|| CommandError::NoSuchEnum(name.to_owned()))?;
    Ok(Command::ReplaceEnum {
        name: new_name,
        enum_type: previous,
    })
}

/// The position of the enum type with this qualified name: exactly, or else ignoring ASCII case.
fn enum_index(design: &Design, name: &str) -> Result<usize, CommandError> {
    let named = |exact: bool| {
        design.enums.iter().position(|enum_type| {
            let qualified = enum_type.qualified_name();
            if exact {
                qualified == name
            } else {
                qualified.eq_ignore_ascii_case(name)
            }
        })
    };
    named(true)
        .or_else(|| named(false))
        .ok_or_else(|| CommandError::NoSuchEnum(name.to_owned()))
}

/// The qualified name of the enum type (other than the one at `except`) named like `name`,
/// ignoring ASCII case.
fn enum_named_like(design: &Design, name: &str, except: Option<usize>) -> Option<String> {
    design
        .enums
        .iter()
        .enumerate()
        .filter(|(index, _)| Some(*index) != except)
        .map(|(_, other)| other.qualified_name())
        .find(|qualified| qualified.eq_ignore_ascii_case(name))
}

fn find_enum<'d>(design: &'d Design, name: &str) -> Result<&'d EnumType, CommandError> {
    let index = enum_index(design, name)?;
    design
        .enums
        .get(index)
        .ok_or_else(|| CommandError::NoSuchEnum(name.to_owned()))
}

/// Fails on a blank value or one listed twice.
fn require_values(name: &str, values: &[String]) -> Result<(), CommandError> {
    for (position, value) in values.iter().enumerate() {
        if value.trim().is_empty() {
            return Err(CommandError::BlankEnumValue(name.to_owned()));
        }
        if values.iter().take(position).any(|earlier| earlier == value) {
            return Err(CommandError::RepeatedEnumValue {
                name: name.to_owned(),
                value: value.clone(),
            });
        }
    }
    Ok(())
}
