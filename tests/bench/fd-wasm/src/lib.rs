//! FD discovery exported to JavaScript without bindings, for `tests/bench/fd`: the page writes a
//! CSV file into `input_buffer`, then calls `read_table`, `find_dependencies` (the part it times,
//! the same work as the native `ms`: value numbering, then HyFD) and `finish` (the keys, and the
//! count of dependencies to check against the native run).

use std::sync::Mutex;

use relvar_normalize::discover::{Discovery, DiscoveryOptions, ReadOptions, SampleTable, Stage};

struct State {
    input: Vec<u8>,
    table: Option<SampleTable>,
    discovery: Option<Discovery>,
}

static STATE: Mutex<State> = Mutex::new(State {
    input: Vec::new(),
    table: None,
    discovery: None,
});

/// Same slices as a page would run between frames.
const SLICE: usize = 100_000;

/// Room for `length` bytes of input; the page writes the file there.
#[unsafe(no_mangle)]
pub extern "C" fn input_buffer(length: usize) -> *mut u8 {
    let Ok(mut state) = STATE.lock() else {
        return std::ptr::null_mut();
    };
    state.input = vec![0; length];
    state.input.as_mut_ptr()
}

/// Reads the input as CSV; returns the rows, or -1.
#[unsafe(no_mangle)]
pub extern "C" fn read_table(separator: u8, has_header: u32) -> i32 {
    let Ok(mut state) = STATE.lock() else {
        return -1;
    };
    let options = ReadOptions {
        separator,
        has_header: has_header != 0,
    };
    match SampleTable::read(&state.input, &options) {
        Ok(table) => {
            let rows = i32::try_from(table.row_count).unwrap_or(i32::MAX);
            state.table = Some(table);
            rows
        }
        Err(_) => -1,
    }
}

/// Runs discovery in slices until the dependencies are found; returns 0, or -1.
#[unsafe(no_mangle)]
pub extern "C" fn find_dependencies() -> i32 {
    let Ok(mut state) = STATE.lock() else {
        return -1;
    };
    let Some(table) = state.table.as_ref() else {
        return -1;
    };
    let Ok(mut discovery) = Discovery::new(table, &DiscoveryOptions::default()) else {
        return -1;
    };
    while discovery.step(SLICE).stage == Stage::Dependencies {}
    state.discovery = Some(discovery);
    0
}

/// Runs the rest; returns the number of dependencies found, or -1.
#[unsafe(no_mangle)]
pub extern "C" fn finish() -> i32 {
    let Ok(mut state) = STATE.lock() else {
        return -1;
    };
    let Some(mut discovery) = state.discovery.take() else {
        return -1;
    };
    while discovery.step(SLICE).stage != Stage::Finished {}
    discovery.result().map_or(-1, |found| {
        i32::try_from(found.dependencies.len()).unwrap_or(i32::MAX)
    })
}
