//! Times FD discovery for `tests/bench/fd`: `fd_timing FILE SEPARATOR yes|no [RUNS] [--level-wise]`
//! reads the CSV once, then runs discovery RUNS times. Prints one JSON line: the counts found and
//! the median milliseconds of reading the CSV, of finding the exact FDs (from the rows read: value
//! numbering and everything after it) and of the whole discovery (FDs and keys).

use std::time::Instant;

use relvar_normalize::discover::{
    Algorithm, Discovery, DiscoveryOptions, ReadOptions, SampleTable, Stage,
};

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let [file, separator, header, rest @ ..] = arguments.as_slice() else {
        eprintln!("usage: fd_timing FILE SEPARATOR yes|no [RUNS] [--level-wise]");
        std::process::exit(1);
    };
    let runs: usize = rest
        .iter()
        .find_map(|argument| argument.parse().ok())
        .unwrap_or(5)
        .max(1);
    let algorithm = if rest.iter().any(|argument| argument == "--level-wise") {
        Algorithm::LevelWise
    } else {
        Algorithm::HyFd
    };
    let bytes = std::fs::read(file).unwrap_or_else(|error| {
        eprintln!("cannot read {file}: {error}");
        std::process::exit(1);
    });
    let read_options = ReadOptions {
        separator: if separator == "tab" {
            b'\t'
        } else {
            separator.bytes().next().unwrap_or(b',')
        },
        has_header: header == "yes",
    };
    let mut read_ms = Vec::new();
    let mut table = None;
    for _ in 0..runs {
        let started = Instant::now();
        table = Some(
            SampleTable::read(&bytes, &read_options).unwrap_or_else(|error| {
                eprintln!("{file}: {error}");
                std::process::exit(1);
            }),
        );
        read_ms.push(elapsed_ms(started));
    }
    let Some(table) = table else { return };
    let options = DiscoveryOptions {
        algorithm,
        ..DiscoveryOptions::default()
    };
    let mut fd_ms = Vec::new();
    let mut total_ms = Vec::new();
    let mut counts = (0, 0);
    for _ in 0..runs {
        let started = Instant::now();
        let Ok(mut discovery) = Discovery::new(&table, &options) else {
            std::process::exit(1);
        };
        let mut dependencies_done = None;
        loop {
            let progress = discovery.step(1);
            if dependencies_done.is_none() && progress.stage != Stage::Dependencies {
                dependencies_done = Some(elapsed_ms(started));
            }
            if progress.stage == Stage::Finished {
                break;
            }
        }
        total_ms.push(elapsed_ms(started));
        fd_ms.push(dependencies_done.unwrap_or_default());
        if let Some(found) = discovery.result() {
            counts = (found.dependencies.len(), found.uniques.len());
        }
    }
    println!(
        "{{\"fds\":{},\"uccs\":{},\"rows\":{},\"columns\":{},\"read_ms\":{:.3},\"ms\":{:.3},\"with_uccs_ms\":{:.3}}}",
        counts.0,
        counts.1,
        table.row_count,
        table.column_count(),
        median(read_ms),
        median(fd_ms),
        median(total_ms)
    );
}

fn elapsed_ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or_default()
}
