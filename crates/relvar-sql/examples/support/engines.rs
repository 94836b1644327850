//! Running a script on a real engine (PostgreSQL, MariaDB, SQLite) in a database of its own, and
//! reading the schema back with the engine's own dump tool.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use relvar_sql::Dialect;

/// Why an engine refused a script: its message, and the script line it names when it names one.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub message: String,
    pub line: Option<usize>,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Where scripts and SQLite files go, and the prefix that keeps this run's databases apart from
/// other runs on the same servers.
pub struct Engines {
    pub work: PathBuf,
    pub prefix: String,
    probe_ready: std::cell::Cell<bool>,
}

impl Engines {
    /// From the environment `tests/engines/*` set: `RELVAR_DB_PREFIX` (default `relvar_`).
    pub fn from_env(work: &Path, default_prefix: &str) -> Self {
        std::fs::create_dir_all(work).unwrap();
        Self {
            work: work.to_owned(),
            prefix: std::env::var("RELVAR_DB_PREFIX").unwrap_or_else(|_| default_prefix.into()),
            probe_ready: std::cell::Cell::new(false),
        }
    }

    /// Executes the script in a fresh database `<prefix><name>`; returns the engine's own dump.
    pub fn run(&self, target: Dialect, name: &str, sql: &str) -> Result<String, Refusal> {
        let database = format!("{}{name}", self.prefix);
        self.run_in(target, &database, sql)
    }

    /// As [`Engines::run`], in a database named exactly `database`.
    pub fn run_in(&self, target: Dialect, database: &str, sql: &str) -> Result<String, Refusal> {
        self.execute_in(target, database, sql)?;
        self.dump(target, database)
    }

    /// Executes the script in a fresh database named `database`.
    pub fn execute_in(&self, target: Dialect, database: &str, sql: &str) -> Result<(), Refusal> {
        match target {
            Dialect::PostgreSql => {
                let connection = pg_connection();
                let bin = PathBuf::from(env("RELVAR_PG_BIN"));
                let dropdb = Command::new(bin.join("dropdb"))
                    .args(&connection)
                    .args(["--if-exists", database])
                    .output();
                drop(dropdb);
                run(
                    Command::new(bin.join("createdb"))
                        .args(&connection)
                        .arg(database),
                    None,
                    Dialect::PostgreSql,
                )?;
                self.execute_more(target, database, sql)
            }
            Dialect::MySql => {
                let connection = mariadb_connection();
                let fresh = format!(
                    "DROP DATABASE IF EXISTS `{database}`; CREATE DATABASE `{database}` CHARACTER SET utf8mb4"
                );
                run(
                    Command::new("mariadb")
                        .args(&connection)
                        .args(["-e", &fresh]),
                    None,
                    Dialect::MySql,
                )?;
                self.execute_more(target, database, sql)
            }
            Dialect::Sqlite => {
                let _ = std::fs::remove_file(self.sqlite_file(database));
                self.execute_more(target, database, sql)
            }
            Dialect::MsSql => Err(no_sql_server()),
        }
    }

    /// Executes the script in the existing database `database` (made by `execute_in`).
    pub fn execute_more(&self, target: Dialect, database: &str, sql: &str) -> Result<(), Refusal> {
        match target {
            Dialect::PostgreSql => {
                let connection = pg_connection();
                let bin = PathBuf::from(env("RELVAR_PG_BIN"));
                run(
                    Command::new(bin.join("psql")).args(&connection).args([
                        "-X",
                        "-q",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-f",
                        "-",
                        "-d",
                        database,
                    ]),
                    Some(sql),
                    Dialect::PostgreSql,
                )
                .map(drop)
            }
            Dialect::MySql => {
                let connection = mariadb_connection();
                run(
                    Command::new("mariadb").args(&connection).arg(database),
                    Some(sql),
                    Dialect::MySql,
                )
                .map(drop)
            }
            Dialect::Sqlite => {
                let file = self.sqlite_file(database);
                run(
                    Command::new("sqlite3").arg("-bail").arg(&file),
                    Some(sql),
                    Dialect::Sqlite,
                )
                .map(drop)
            }
            Dialect::MsSql => Err(no_sql_server()),
        }
    }

    /// The engine's own dump of the schema of `database`.
    pub fn dump(&self, target: Dialect, database: &str) -> Result<String, Refusal> {
        match target {
            Dialect::PostgreSql => run(
                Command::new(PathBuf::from(env("RELVAR_PG_BIN")).join("pg_dump"))
                    .args(pg_connection())
                    .args([
                        "--schema-only",
                        "--no-owner",
                        "--no-privileges",
                        "--restrict-key=relvar",
                        database,
                    ]),
                None,
                Dialect::PostgreSql,
            ),
            Dialect::MySql => {
                let dump = run(
                    Command::new("mariadb-dump")
                        .args(mariadb_connection())
                        .args([
                            "--no-data",
                            "--compact",
                            "--skip-add-drop-table",
                            "--skip-triggers",
                            database,
                        ]),
                    None,
                    Dialect::MySql,
                )?;
                Ok(dump
                    .lines()
                    .filter(|line| !line.starts_with("/*M!999999"))
                    .collect::<Vec<_>>()
                    .join("\n"))
            }
            Dialect::Sqlite => run(
                Command::new("sqlite3")
                    .arg(self.sqlite_file(database))
                    .arg(".schema"),
                None,
                Dialect::Sqlite,
            ),
            Dialect::MsSql => Err(no_sql_server()),
        }
    }

    /// What `query` prints in `database`, run in the engine's own client as a person would run
    /// a catalog query: unaligned tuples only (psql), raw batch output (mariadb), read-only
    /// (sqlite3).
    pub fn query_in(
        &self,
        target: Dialect,
        database: &str,
        query: &str,
    ) -> Result<String, Refusal> {
        match target {
            Dialect::PostgreSql => run(
                Command::new(PathBuf::from(env("RELVAR_PG_BIN")).join("psql"))
                    .args(pg_connection())
                    .args([
                        "-X",
                        "-q",
                        "-A",
                        "-t",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-d",
                        database,
                    ]),
                Some(query),
                Dialect::PostgreSql,
            ),
            Dialect::MySql => run(
                Command::new("mariadb").args(mariadb_connection()).args([
                    "--batch",
                    "--raw",
                    "--skip-column-names",
                    database,
                ]),
                Some(query),
                Dialect::MySql,
            ),
            Dialect::Sqlite => run(
                Command::new("sqlite3")
                    .arg("-readonly")
                    .arg(self.sqlite_file(database)),
                Some(query),
                Dialect::Sqlite,
            ),
            Dialect::MsSql => Err(no_sql_server()),
        }
    }

    fn sqlite_file(&self, database: &str) -> PathBuf {
        self.work.join(format!("{database}.sqlite"))
    }

    /// Whether PostgreSQL accepts the script, tried in one transaction that is rolled back: no
    /// fresh database needed, so a generator can try many variants cheaply.
    pub fn postgres_accepts(&self, sql: &str) -> Result<(), Refusal> {
        let bin = PathBuf::from(env("RELVAR_PG_BIN"));
        let database = format!("{}probe", self.prefix);
        if !self.probe_ready.replace(true) {
            let exists = Command::new(bin.join("createdb"))
                .args(pg_connection())
                .arg(&database)
                .output();
            drop(exists);
        }
        let script = format!("BEGIN;\n{sql}\nROLLBACK;\n");
        run(
            Command::new(bin.join("psql")).args(pg_connection()).args([
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-f",
                "-",
                "-d",
                &database,
            ]),
            Some(&script),
            Dialect::PostgreSql,
        )
        .map(drop)
        .map_err(|refusal| Refusal {
            line: refusal.line.map(|line| line.saturating_sub(1)),
            ..refusal
        })
    }
}

fn no_sql_server() -> Refusal {
    Refusal {
        message: "no SQL Server engine here".into(),
        line: None,
    }
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: source target/engines/env (tests/engines/* do)")
    })
}

fn pg_connection() -> [String; 6] {
    [
        "-h".to_owned(),
        env("RELVAR_PG_HOST"),
        "-p".to_owned(),
        env("RELVAR_PG_PORT"),
        "-U".to_owned(),
        env("RELVAR_PG_USER"),
    ]
}

fn mariadb_connection() -> [String; 6] {
    [
        "-h".to_owned(),
        env("RELVAR_MARIADB_HOST"),
        "-P".to_owned(),
        env("RELVAR_MARIADB_PORT"),
        "-u".to_owned(),
        env("RELVAR_MARIADB_USER"),
    ]
}

fn run(command: &mut Command, input: Option<&str>, engine: Dialect) -> Result<String, Refusal> {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Refusal {
            message: format!("cannot start {command:?}: {e}"),
            line: None,
        })?;
    let mut stdin = child.stdin.take().unwrap();
    let input = input.unwrap_or_default().to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().map_err(|e| Refusal {
        message: e.to_string(),
        line: None,
    })?;
    let _ = writer.join();
    if output.status.success() {
        return Ok(String::from_utf8_lossy(&output.stdout).into_owned());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The mariadb client echoes the failing statement before its error: the error comes first.
    let mut lines: Vec<&str> = stderr
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with("-----"))
        .collect();
    lines.sort_by_key(|line| !line.to_lowercase().contains("error"));
    Err(Refusal {
        line: lines.first().and_then(|line| error_line(line, engine)),
        message: lines
            .iter()
            .take(3)
            .copied()
            .collect::<Vec<_>>()
            .join(" | "),
    })
}

/// The script line an engine's error names: `psql:<stdin>:12: ERROR` (the statement's last
/// line), `ERROR 1064 (42000) at line 12` and `Parse error near line 12` (its first).
fn error_line(line: &str, engine: Dialect) -> Option<usize> {
    let digits = |rest: &str| -> Option<usize> {
        let end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        rest.get(..end)?.parse().ok()
    };
    match engine {
        Dialect::PostgreSql => digits(line.strip_prefix("psql:<stdin>:")?),
        Dialect::MySql | Dialect::Sqlite => {
            let at = line.find(" line ")? + " line ".len();
            digits(line.get(at..)?)
        }
        Dialect::MsSql => None,
    }
}
