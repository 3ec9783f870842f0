//! `crosscheck init`: a starter project, so that a newsroom's first run
//! works before anyone has written a rule.

use std::path::{Path, PathBuf};

/// The files written, relative to the project folder, and their text.
const FILES: [(&str, &str); 3] = [
    ("crosscheck.toml", include_str!("../templates/crosscheck.toml")),
    ("rules/story.toml", include_str!("../templates/story.toml")),
    ("corpus/example.md", include_str!("../templates/example.md")),
];

/// Write the starter files into `dir`. Nothing is overwritten: when any of
/// them exists, nothing is written and the error names it.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let targets: Vec<(PathBuf, &str)> = FILES.iter().map(|(rel, text)| (dir.join(rel), *text)).collect();
    if let Some((existing, _)) = targets.iter().find(|(p, _)| p.exists()) {
        return Err(format!(
            "{} already exists; nothing was written (crosscheck init never overwrites a file)",
            existing.display()
        ));
    }
    for (path, text) in &targets {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(targets.into_iter().map(|(p, _)| p).collect())
}
