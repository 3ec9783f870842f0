//! Helpers for the whole-run tests: run the binary, read its reports.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run `crosscheck` from the repository root.
pub fn crosscheck(args: &[&str]) -> Run {
    crosscheck_stdin(args, "")
}

pub fn crosscheck_stdin(args: &[&str], stdin: &str) -> Run {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn crosscheck");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// A CSV report as rows of column → cell.
pub type Rows = Vec<HashMap<String, String>>;

pub fn read_csv(path: &Path) -> Rows {
    let mut r = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            headers
                .iter()
                .zip(rec.unwrap().iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

pub fn header(path: &Path) -> Vec<String> {
    let mut r = csv::Reader::from_path(path).unwrap();
    r.headers().unwrap().iter().map(str::to_string).collect()
}

/// Run `check` into a fresh output folder; returns the run, the claims and
/// the findings.
pub fn check(args: &[&str]) -> (Run, Rows, Rows, tempfile::TempDir) {
    let out = tempfile::tempdir().unwrap();
    let mut all: Vec<&str> = vec!["check"];
    all.extend(args);
    let out_s = out.path().to_str().unwrap().to_string();
    all.extend(["--out", &out_s]);
    let run = crosscheck(&all);
    let claims = if out.path().join("claims.csv").exists() {
        read_csv(&out.path().join("claims.csv"))
    } else {
        vec![]
    };
    let findings = if out.path().join("findings.csv").exists() {
        read_csv(&out.path().join("findings.csv"))
    } else {
        vec![]
    };
    (run, claims, findings, out)
}

/// Write a one-file rule pack into a temporary folder.
pub fn rule_pack<T: AsRef<[u8]>>(files: &[(&str, T)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// Assert that `haystack` (a command's output) contains every one of
/// `needles`, showing the whole output when one is missing.
#[track_caller]
pub fn assert_contains(haystack: &str, needles: &[&str]) {
    for needle in needles {
        assert!(haystack.contains(needle), "missing {needle:?} in\n{haystack}");
    }
}
