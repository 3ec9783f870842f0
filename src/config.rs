//! `crosscheck.toml`: a project's settings, found by walking up from the
//! working folder, so that a run from anywhere inside a newsroom's
//! repository reads the same corpus and rules.
//!
//! ```toml
//! corpus = "drafts"
//! rules = ["rules", "rules/stories/summit"]
//! out = "reports"
//! review = "reports/review.csv"
//! fail_on = "conflict"
//! formats = ["markdown", "sarif"]
//! ```
//!
//! Every field is optional; paths are relative to the file's folder. The
//! command line overrides the file, and the file the built-in defaults
//! (`corpus`, `rules`, `reports`, relative to the working folder).

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file name looked for.
pub const FILE_NAME: &str = "crosscheck.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub corpus: Option<PathBuf>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub rules: Vec<PathBuf>,
    pub out: Option<PathBuf>,
    pub review: Option<PathBuf>,
    pub fail_on: Option<String>,
    #[serde(default)]
    pub formats: Vec<String>,
    /// The folder holding the file: what its paths are relative to.
    #[serde(skip)]
    pub base: PathBuf,
    /// The file itself.
    #[serde(skip)]
    pub path: PathBuf,
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<PathBuf>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(PathBuf),
        Many(Vec<PathBuf>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(p) => vec![p],
        OneOrMany::Many(v) => v,
    })
}

impl Config {
    /// A path of the file, resolved against the file's folder.
    pub fn resolve(&self, p: &Path) -> PathBuf {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.base.join(p)
        }
    }
}

/// `crosscheck.toml` in `start` or the nearest folder above it, if any.
pub fn find(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
}

/// Read and check a config file; errors name the file and the line.
pub fn read(path: &Path) -> Result<Config, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let mut config: Config = toml::from_str(&text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        let message = e.message().lines().next().unwrap_or("invalid").to_string();
        match line {
            Some(l) => format!("{}:{l}: {message}", path.display()),
            None => format!("{}: {message}", path.display()),
        }
    })?;
    config.base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    config.path = path.to_path_buf();
    Ok(config)
}

/// The config that applies in `start`: the nearest file, read.
pub fn discover(start: &Path) -> Result<Option<Config>, String> {
    find(start).map(|p| read(&p)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_above_and_read_relative_to_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("drafts/2025/june");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "corpus = \"drafts\"\nrules = \"rules\"\nfail_on = \"partial\"\n",
        )
        .unwrap();
        let c = discover(&deep).unwrap().unwrap();
        assert_eq!(c.resolve(c.corpus.as_ref().unwrap()), dir.path().join("drafts"));
        assert_eq!(c.rules, vec![PathBuf::from("rules")]);
        assert_eq!(c.fail_on.as_deref(), Some("partial"));
    }

    #[test]
    fn a_mistake_names_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "corpus = \"drafts\"\nrulez = \"rules\"\n").unwrap();
        let e = read(&path).unwrap_err();
        assert!(e.contains("crosscheck.toml:2: unknown field `rulez`"), "{e}");
    }
}
