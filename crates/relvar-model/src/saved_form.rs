//! Helpers for the saved form (format 2 on): values at their default are left out, and a point is
//! written `[x, y]`, whole coordinates without a fraction.

use serde::{Serialize, Serializer};

use crate::design::Point;

/// The default of a column's nullability: SQL columns are nullable unless declared `NOT NULL`.
pub(crate) fn yes() -> bool {
    true
}

pub(crate) fn is_true(value: &bool) -> bool {
    *value
}

pub(crate) fn is_false(value: &bool) -> bool {
    !*value
}

/// Largest magnitude below which every whole `f64` is exactly an `i64` (2^53).
const EXACT_WHOLE: f64 = 9_007_199_254_740_992.0;

/// One coordinate: whole numbers as integers (`120`, not `120.0`); a value that is not a finite
/// number (which JSON cannot hold, and neither the layout nor a gesture produces) as `0`.
struct Coordinate(f64);

impl Serialize for Coordinate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value = self.0;
        if !value.is_finite() {
            serializer.serialize_i64(0)
        } else if value.fract() == 0.0 && value.abs() < EXACT_WHOLE && !is_negative_zero(value) {
            // Exact: a whole f64 below 2^53 in magnitude converts to i64 without loss.
            #[allow(clippy::cast_possible_truncation)]
            serializer.serialize_i64(value as i64)
        } else {
            serializer.serialize_f64(value)
        }
    }
}

fn is_negative_zero(value: f64) -> bool {
    value == 0.0 && value.is_sign_negative()
}

impl Serialize for Point {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (Coordinate(self.x), Coordinate(self.y)).serialize(serializer)
    }
}

impl From<(f64, f64)> for Point {
    fn from((x, y): (f64, f64)) -> Self {
        Self { x, y }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_pairs_with_whole_coordinates_as_integers() {
        let json = |point: Point| serde_json::to_string(&point).unwrap();
        assert_eq!(json(Point::new(120.0, -40.0)), "[120,-40]");
        assert_eq!(json(Point::new(0.5, 1e300)), "[0.5,1e+300]");
        assert_eq!(json(Point::new(f64::NAN, f64::INFINITY)), "[0,0]");
        for point in [Point::new(-0.0, 3.25), Point::new(1e16, -7.0)] {
            let read: Point = serde_json::from_str(&json(point)).unwrap();
            assert_eq!(read.x.to_bits(), point.x.to_bits());
            assert_eq!(read.y.to_bits(), point.y.to_bits());
        }
    }
}
