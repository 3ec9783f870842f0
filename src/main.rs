//! The `crosscheck` command: parse arguments, call the library, print,
//! map the outcome to an exit code.

use clap::{Parser, Subcommand};
use crosscheck::check::{check, run_examples, CheckOptions, Error};
use crosscheck::quantity::{describe_line, ReadOptions};
use std::io::{self, BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes, documented in the README.
const CLEAN: u8 = 0;
const CONFLICTS: u8 = 1;
const USAGE_OR_RULES: u8 = 2;
const RUNTIME: u8 = 3;

#[derive(Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Cross-check claims across news articles and report contradictions"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract claims from a corpus, align them and write claims.csv and findings.csv.
    Check {
        /// Folder (or single file) of articles, .txt and .md.
        #[arg(default_value = "corpus")]
        corpus: PathBuf,
        /// Folder or file of rules (*.toml); repeat to combine packs.
        #[arg(long, default_value = "rules")]
        rules: Vec<PathBuf>,
        /// Folder the reports are written to.
        #[arg(long, default_value = "reports")]
        out: PathBuf,
        /// Also print every claim with its key and why it was bound to its event.
        #[arg(long)]
        explain: bool,
    },
    /// Run every rule's examples and name each failing rule.
    Test {
        /// Folder or file of rules (*.toml); repeat to combine packs.
        #[arg(long, default_value = "rules")]
        rules: Vec<PathBuf>,
    },
    /// Show how expressions read as intervals (arguments, or one per line on stdin).
    Quantity { expressions: Vec<String> },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match run(cli) {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => CLEAN,
        Err(e) => {
            eprintln!("crosscheck: {e}");
            RUNTIME
        }
    };
    ExitCode::from(code)
}

fn run(cli: Cli) -> io::Result<u8> {
    let mut out = io::stdout().lock();
    match cli.command {
        Command::Check {
            corpus,
            rules,
            out: out_dir,
            explain,
        } => {
            let opts = CheckOptions {
                corpus,
                rules,
                out: out_dir,
            };
            let (analysis, written) = match check(&opts) {
                Ok(r) => r,
                Err(Error::Rules(e)) => {
                    eprintln!("{e}");
                    eprintln!(
                        "crosscheck: the rule pack has {} error(s); nothing was checked",
                        e.0.len()
                    );
                    return Ok(USAGE_OR_RULES);
                }
                Err(e) => {
                    eprintln!("crosscheck: {e}");
                    return Ok(RUNTIME);
                }
            };
            for skipped in analysis.skipped() {
                eprintln!("warning: skipped {skipped}");
            }
            let docs = &analysis.corpus.documents;
            if explain {
                crosscheck::report::write_explained_claims(&mut out, docs, &analysis.claims)?;
            }
            for f in analysis
                .findings
                .iter()
                .filter(|f| f.relation == crosscheck::align::Relation::Conflict)
            {
                let loc = |side: &crosscheck::align::Side| {
                    let c = &analysis.claims[side.claims[0]];
                    format!("'{}' ({}:{}:{})", c.text, docs[c.doc].id, c.span.line, c.span.col)
                };
                let b = f.b.as_ref().map(loc).unwrap_or_default();
                writeln!(out, "conflict {} [{}]: {} vs {}", f.key, f.id, loc(&f.a), b)?;
            }
            writeln!(out, "crosscheck: {}", analysis.summary())?;
            let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
            writeln!(out, "reports: {}", names.join(", "))?;
            Ok(if analysis.conflicts() > 0 {
                CONFLICTS
            } else if !analysis.skipped().is_empty() {
                RUNTIME
            } else {
                CLEAN
            })
        }
        Command::Test { rules } => {
            let pack = match crosscheck::rules::RulePack::load_all(&rules) {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("{e}");
                    return Ok(USAGE_OR_RULES);
                }
            };
            let outcomes = run_examples(&pack);
            let failed: Vec<_> = outcomes.iter().filter(|o| o.failure.is_some()).collect();
            for o in &failed {
                let why = o.failure.as_deref().unwrap_or_default();
                writeln!(
                    out,
                    "FAIL {} example {} ({}:{}): {why}",
                    o.rule,
                    o.number,
                    o.file.display(),
                    o.line
                )?;
            }
            let rules_failing: std::collections::BTreeSet<&str> = failed.iter().map(|o| o.rule.as_str()).collect();
            writeln!(
                out,
                "{} passed, {} failed ({} rules, {} failing)",
                outcomes.len() - failed.len(),
                failed.len(),
                pack.rules.len(),
                rules_failing.len()
            )?;
            Ok(if failed.is_empty() { CLEAN } else { CONFLICTS })
        }
        Command::Quantity { expressions } => {
            let lines: Vec<String> = if expressions.is_empty() {
                io::stdin().lock().lines().collect::<io::Result<_>>()?
            } else {
                expressions
            };
            let opts = ReadOptions::default();
            for expr in lines.iter().filter(|l| !l.trim().is_empty()) {
                writeln!(out, "{}", describe_line(expr, &opts))?;
            }
            Ok(CLEAN)
        }
    }
}
