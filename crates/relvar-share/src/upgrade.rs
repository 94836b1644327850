//! Upgrades of a saved design from each earlier format to the next, applied one after another on
//! its JSON before it is read as a `Design`.

use serde_json::{Map, Value};

use crate::error::ShareError;

/// Upgrades a design's JSON object by one format, in place; the error says why, in words.
pub(crate) type Upgrade = fn(&mut Map<String, Value>) -> Result<(), String>;

/// `UPGRADES[i]` turns format `i + 1` into format `i + 2`; there is one for every format before
/// [`relvar_model::FORMAT_VERSION`] (a test checks it). Add the next one here when the format changes.
pub(crate) const UPGRADES: &[Upgrade] = &[
    format_1_to_2,
    format_2_to_3,
    format_3_to_4,
    format_4_to_5,
    format_5_to_6,
];

/// Upgrades `design` from format `from` to the last format `chain` reaches, one step at a time,
/// writing each step's version into `format_version`.
pub(crate) fn upgrade(
    chain: &[Upgrade],
    design: &mut Map<String, Value>,
    from: u32,
) -> Result<(), ShareError> {
    let first = usize::try_from(from.saturating_sub(1)).unwrap_or(usize::MAX);
    for (step, upgrade) in chain.iter().enumerate().skip(first) {
        let version = u32::try_from(step).unwrap_or(u32::MAX).saturating_add(1);
        upgrade(design).map_err(|message| ShareError::Upgrade {
            from: version,
            message,
        })?;
        design.insert(
            "format_version".into(),
            Value::from(version.saturating_add(1)),
        );
    }
    Ok(())
}

/// The format this build reads, as the chain of upgrades defines it.
#[cfg(test)]
fn current_format() -> u32 {
    u32::try_from(UPGRADES.len()).map_or(u32::MAX, |steps| steps.saturating_add(1))
}

/// Format 2 writes points as `[x, y]` (format 1: `{"x": x, "y": y}`) and leaves values at their
/// default out; format 1 always wrote them, and reading supplies the defaults, so only points
/// change: the table positions of `layout.positions` and each note's `at`.
fn format_1_to_2(design: &mut Map<String, Value>) -> Result<(), String> {
    if let Some(Value::Object(layout)) = design.get_mut("layout")
        && let Some(Value::Object(positions)) = layout.get_mut("positions")
    {
        for (table, point) in positions.iter_mut() {
            point_to_pair(point)
                .map_err(|found| format!("the position of table {table} {found}"))?;
        }
    }
    if let Some(Value::Array(notes)) = design.get_mut("notes") {
        for (number, note) in notes.iter_mut().enumerate() {
            if let Some(at) = note.get_mut("at") {
                point_to_pair(at)
                    .map_err(|found| format!("the place of note {} {found}", number + 1))?;
            }
        }
    }
    Ok(())
}

/// Format 3 adds the workload and tables' expected row counts, both left out when absent, so a
/// format 2 design is a format 3 design as it is.
fn format_2_to_3(_design: &mut Map<String, Value>) -> Result<(), String> {
    Ok(())
}

/// Format 4 adds an index part's operator class and collation, left out when absent, so a
/// format 3 design is a format 4 design as it is.
fn format_3_to_4(_design: &mut Map<String, Value>) -> Result<(), String> {
    Ok(())
}

/// Format 5 adds saved views (`saved_views`), absent from a format 4 design: nothing to change.
fn format_4_to_5(_design: &mut Map<String, Value>) -> Result<(), String> {
    Ok(())
}

/// Format 6 adds versions (`versions`), absent from a format 5 design: nothing to change.
fn format_5_to_6(_design: &mut Map<String, Value>) -> Result<(), String> {
    Ok(())
}

/// `{"x": x, "y": y}` becomes `[x, y]`; anything else is refused with what it is.
fn point_to_pair(point: &mut Value) -> Result<(), String> {
    let coordinate = |name: &str| point.get(name).filter(|value| value.is_number()).cloned();
    match (coordinate("x"), coordinate("y")) {
        (Some(x), Some(y)) => {
            *point = Value::Array(vec![x, y]);
            Ok(())
        }
        _ => Err(format!("is not a point with numbers x and y: {point}")),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::json;

    use relvar_model::FORMAT_VERSION;

    use super::*;

    fn object(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }

    fn append(design: &mut Map<String, Value>, step: &str) {
        let mut steps = design.get("steps").cloned().unwrap_or(json!([]));
        if let Value::Array(list) = &mut steps {
            list.push(json!(step));
        }
        design.insert("steps".into(), steps);
    }

    #[test]
    fn the_chain_runs_every_step_from_the_files_version_in_order_and_stamps_each() {
        let chain: &[Upgrade] = &[
            |d| {
                append(d, "1->2");
                Ok(())
            },
            |d| {
                append(d, "2->3");
                Ok(())
            },
            |d| {
                append(d, "3->4");
                Ok(())
            },
        ];
        for (from, expected) in [
            (1, json!(["1->2", "2->3", "3->4"])),
            (2, json!(["2->3", "3->4"])),
            (3, json!(["3->4"])),
        ] {
            let mut design = object(json!({ "format_version": from }));
            upgrade(chain, &mut design, from).unwrap();
            assert_eq!(design["steps"], expected);
            assert_eq!(design["format_version"], json!(4));
        }
        let mut current = object(json!({ "format_version": 4 }));
        upgrade(chain, &mut current, 4).unwrap();
        assert_eq!(current, object(json!({ "format_version": 4 })));
    }

    #[test]
    fn a_failing_step_names_the_format_it_upgrades_from() {
        let chain: &[Upgrade] = &[|_| Ok(()), |_| Err("no tables".into()), |_| Ok(())];
        let mut design = object(json!({ "format_version": 1 }));
        let error = upgrade(chain, &mut design, 1).unwrap_err();
        assert_eq!(
            error.to_string(),
            "cannot upgrade the design from format 2: no tables"
        );
    }

    #[test]
    fn there_is_one_upgrade_for_every_earlier_format() {
        assert_eq!(current_format(), FORMAT_VERSION);
    }

    #[test]
    fn format_2_opens_as_format_3_unchanged() {
        let before = object(json!({
            "format_version": 2,
            "name": "n",
            "tables": [{"id": 0, "name": "t"}],
            "review_disabled": ["RV001"],
            "ids": {"next": 1},
        }));
        let mut design = before.clone();
        upgrade(&UPGRADES[..2], &mut design, 2).unwrap();
        let mut expected = before;
        expected.insert("format_version".into(), json!(3));
        assert_eq!(design, expected);
    }

    #[test]
    fn format_1_points_become_pairs() {
        let mut design = object(json!({
            "format_version": 1,
            "layout": {"positions": {"0": {"x": 10.0, "y": -2.5}}},
            "notes": [{"id": 1, "text": "n", "at": {"x": 3, "y": 4}}],
        }));
        upgrade(UPGRADES, &mut design, 1).unwrap();
        assert_eq!(design["layout"]["positions"]["0"], json!([10.0, -2.5]));
        assert_eq!(design["notes"][0]["at"], json!([3, 4]));
        assert_eq!(design["format_version"], json!(FORMAT_VERSION));
        let mut broken = object(json!({"layout": {"positions": {"7": {"x": "left"}}}}));
        let error = upgrade(UPGRADES, &mut broken, 1).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("the position of table 7 is not a point"),
            "{error}"
        );
    }
}

#[cfg(test)]
mod format_4_tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn format_3_opens_as_format_4_unchanged() {
        let Value::Object(before) = json!({
            "format_version": 3,
            "name": "n",
            "tables": [{"id": 0, "name": "t"}],
            "workload": [{"sql": "SELECT 1"}],
            "ids": {"next": 1},
        }) else {
            return;
        };
        let mut design = before.clone();
        assert_eq!(upgrade(&UPGRADES[..3], &mut design, 3), Ok(()));
        let mut expected = before;
        expected.insert("format_version".into(), json!(4));
        assert_eq!(design, expected);
    }

    #[test]
    fn format_4_opens_as_format_5_unchanged() {
        let Value::Object(before) = json!({
            "format_version": 4,
            "name": "n",
            "tables": [{"id": 0, "name": "t"}],
            "ids": {"next": 1},
        }) else {
            return;
        };
        let mut design = before.clone();
        assert_eq!(upgrade(&UPGRADES[..4], &mut design, 4), Ok(()));
        let mut expected = before;
        expected.insert("format_version".into(), json!(5));
        assert_eq!(design, expected);
    }

    #[test]
    fn format_5_opens_as_format_6_unchanged() {
        let Value::Object(before) = json!({
            "format_version": 5,
            "name": "n",
            "tables": [{"id": 0, "name": "t"}],
            "saved_views": [{"name": "v", "tables": [0]}],
            "ids": {"next": 1},
        }) else {
            return;
        };
        let mut design = before.clone();
        assert_eq!(upgrade(UPGRADES, &mut design, 5), Ok(()));
        let mut expected = before;
        expected.insert("format_version".into(), json!(6));
        assert_eq!(design, expected);
    }
}
