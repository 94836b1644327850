//! Functional dependencies and keys discovered from sample rows: every exact minimal FD (HyFD),
//! or every minimal approximate FD under a g3 error threshold (TANE-style), and the minimal
//! unique column combinations, run in slices so that a page never freezes.
//!
//! ```
//! use relvar_normalize::discover::{DiscoveryOptions, ReadOptions, SampleTable, discover};
//!
//! let csv = "city,zip,street\nParis,75001,Rivoli\nParis,75002,Rivoli\nLyon,69001,Merciere\n";
//! let table = SampleTable::read(csv.as_bytes(), &ReadOptions::default()).unwrap();
//! let found = discover(&table, &DiscoveryOptions::default()).unwrap();
//! let lines: Vec<String> = found.dependencies.iter().map(|fd| found.describe(fd)).collect();
//! assert_eq!(lines, ["city -> street", "zip -> city", "zip -> street", "street -> city"]);
//! assert_eq!(found.uniques, [vec![1]]); // zip
//! ```

mod approximate;
mod column_set;
mod exact;
mod fd_tree;
mod groups;
mod relation;
mod sampling;
mod session;
mod table;
mod uniques;

pub use approximate::{g3, within_error};
pub use column_set::MAX_COLUMNS;
pub use relation::{NullEquality, NullRule};
pub use session::{
    Algorithm, Dependency, Discovered, Discovery, DiscoveryOptions, OptionsError, Progress, Stage,
    discover,
};
pub use table::{EncodedColumn, ReadOptions, SampleTable, TableError};
