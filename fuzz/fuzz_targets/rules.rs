//! The rule loader on any TOML file: never panics; it loads a pack or
//! names errors, each with the file it is in.
#![no_main]

use crosscheck::rules::RulePack;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    thread_local! {
        static DIR: tempfile::TempDir = tempfile::tempdir().unwrap();
    }
    DIR.with(|dir| {
        let file = dir.path().join("pack.toml");
        std::fs::write(&file, data).unwrap();
        match RulePack::load(dir.path()) {
            Ok(pack) => {
                let _ = crosscheck::check::run_examples(&pack);
            }
            Err(errors) => {
                assert!(!errors.0.is_empty());
                assert!(errors.0.iter().all(|e| e.path.starts_with(dir.path())));
            }
        }
    });
});
