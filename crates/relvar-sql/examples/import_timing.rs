//! Times the import of one file for `tests/bench/import`: `import_timing FILE DIALECT [RUNS]`
//! prints one JSON line with the median milliseconds and what the import found.

use std::time::Instant;

use relvar_sql::{Dialect, import_sql};

fn main() {
    let mut arguments = std::env::args().skip(1);
    let (Some(file), Some(dialect)) = (
        arguments.next(),
        arguments.next().as_deref().and_then(Dialect::from_id),
    ) else {
        eprintln!("usage: import_timing FILE postgres|mysql|sqlite|mssql [RUNS]");
        std::process::exit(1);
    };
    let runs: usize = arguments
        .next()
        .and_then(|runs| runs.parse().ok())
        .unwrap_or(5)
        .max(1);
    let bytes = match std::fs::read(&file) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("cannot read {file}: {error}");
            std::process::exit(1);
        }
    };
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let started = Instant::now();
        let text = String::from_utf8_lossy(&bytes);
        let import = import_sql(&text, dialect);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        last = Some(import);
    }
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    let Some(import) = last else { return };
    println!(
        "{{\"ms\":{median:.3},\"tables\":{},\"foreign_keys\":{},\"statements\":{},\"modelled\":{}}}",
        import.design.tables.len(),
        import.design.foreign_keys.len(),
        import.statement_count,
        import.modelled_count
    );
}
