//! The `crosscheck` command: parse arguments, call the library, print,
//! map the outcome to an exit code.

use clap::{Args, Parser, Subcommand};
use crosscheck::check::{check, explain_finding, run_examples, CheckOptions, Error, Format};
use crosscheck::eval::{self, labels::Floors, Split};
use crosscheck::quantity::{describe_line, ReadOptions};
use crosscheck::report::{console, terminal_safe};
use crosscheck::review::FailOn;
use std::io::{self, BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes, documented in the README.
const CLEAN: u8 = 0;
const FINDINGS: u8 = 1;
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

/// Where a run reads from and writes to: shared by `check` and `explain`.
#[derive(Args)]
struct Inputs {
    /// Folder (or single file) of articles, .txt and .md.
    #[arg(default_value = "corpus")]
    corpus: PathBuf,
    #[command(flatten)]
    pack: Pack,
    /// Folder the reports are written to.
    #[arg(long, default_value = "reports")]
    out: PathBuf,
    /// The editors' review file (default: review.csv in the output folder).
    #[arg(long)]
    review: Option<PathBuf>,
}

#[derive(Args)]
struct Pack {
    /// Folder or file of rules (*.toml); repeat to combine packs.
    #[arg(long, default_value = "rules")]
    rules: Vec<PathBuf>,
}

impl Inputs {
    fn options(self) -> CheckOptions {
        let mut opts = CheckOptions::new(self.corpus, "rules", self.out);
        opts.rules = self.pack.rules;
        opts.review = self.review;
        opts
    }
}

#[derive(Subcommand)]
enum Command {
    /// Extract claims from a corpus, align them and write the reports.
    Check {
        #[command(flatten)]
        inputs: Inputs,
        /// Which open findings (no decision, or one that needs re-review) fail the run.
        #[arg(long, value_enum, default_value_t = FailOn::Conflict)]
        fail_on: FailOn,
        /// Only report findings involving these documents (still compared with the whole corpus).
        #[arg(long, num_args = 1..)]
        changed: Vec<PathBuf>,
        /// More report formats (comma-separated or repeated); CSV is always written.
        #[arg(long, value_enum, value_delimiter = ',')]
        format: Vec<Format>,
        /// Also print every claim with its key and why it was bound to its event.
        #[arg(long)]
        explain: bool,
    },
    /// Run every rule's examples and name each failing rule.
    Test {
        #[command(flatten)]
        pack: Pack,
    },
    /// Show how expressions read as intervals (arguments, or one per line on stdin).
    Quantity { expressions: Vec<String> },
    /// Score a rule pack on a labelled corpus (docs/eval.md).
    Eval {
        /// A label file, or a folder of them.
        labels: PathBuf,
        /// The labelled articles (default: `corpus/` beside the labels' folder).
        corpus: Option<PathBuf>,
        #[command(flatten)]
        pack: Pack,
        /// Which articles the floors and the detail lines apply to.
        #[arg(long, value_enum, default_value_t = Split::All)]
        split: Split,
        /// Print the figures only, not every miss and false alarm.
        #[arg(long)]
        summary: bool,
        #[command(flatten)]
        floors: FloorArgs,
    },
    /// Show how one sentence is read: every number with what it counts, its
    /// subject, period, modality and attribution, and which rules take it.
    ExplainText {
        sentence: String,
        /// Read the sentence as published that day (YYYY-MM-DD).
        #[arg(long)]
        published: Option<String>,
        #[command(flatten)]
        pack: Pack,
    },
    /// Walk one finding from extraction to verdict.
    Explain {
        /// The finding id (or a unique prefix of it).
        id: String,
        #[command(flatten)]
        inputs: Inputs,
    },
}

/// Floors given on the command line; they override the labels' `[floors]`.
#[derive(Args)]
struct FloorArgs {
    #[arg(long, value_name = "RATIO")]
    min_claim_recall: Option<f64>,
    #[arg(long, value_name = "RATIO")]
    min_claim_precision: Option<f64>,
    #[arg(long, value_name = "RATIO")]
    min_relation_recall: Option<f64>,
    #[arg(long, value_name = "RATIO")]
    min_conflict_recall: Option<f64>,
    #[arg(long, value_name = "RATIO")]
    min_conflict_precision: Option<f64>,
    #[arg(long, value_name = "N")]
    max_traps_flagged: Option<usize>,
    #[arg(long, value_name = "N")]
    max_unlabelled_conflicts: Option<usize>,
}

impl FloorArgs {
    fn floors(&self) -> Floors {
        Floors {
            claim_recall: self.min_claim_recall,
            claim_precision: self.min_claim_precision,
            relation_recall: self.min_relation_recall,
            conflict_recall: self.min_conflict_recall,
            conflict_precision: self.min_conflict_precision,
            traps_flagged: self.max_traps_flagged,
            unlabelled_conflicts: self.max_unlabelled_conflicts,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match run(cli) {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => CLEAN,
        Err(e) => {
            eprintln!("crosscheck: {}", terminal_safe(&e.to_string()));
            RUNTIME
        }
    };
    ExitCode::from(code)
}

/// Exit code for an error that stopped a run.
fn error_code(e: &Error) -> u8 {
    match e {
        Error::Rules(_)
        | Error::Review(_)
        | Error::Changed(_)
        | Error::ReviewIsReport { .. }
        | Error::ReviewMissing(_) => USAGE_OR_RULES,
        Error::Corpus(_) | Error::Output { .. } | Error::Locked(_) => RUNTIME,
    }
}

fn report_error(e: &Error) -> u8 {
    if let Error::Rules(errors) = e {
        for error in &errors.0 {
            eprintln!("{}", terminal_safe(&error.to_string()));
        }
        eprintln!(
            "crosscheck: the rule pack has {} error(s); nothing was checked",
            errors.0.len()
        );
    } else {
        eprintln!("crosscheck: {}", terminal_safe(&e.to_string()));
    }
    error_code(e)
}

fn run(cli: Cli) -> io::Result<u8> {
    let mut out = io::stdout().lock();
    match cli.command {
        Command::Check {
            inputs,
            fail_on,
            changed,
            format,
            explain,
        } => {
            let opts = CheckOptions {
                fail_on,
                changed,
                formats: format,
                ..inputs.options()
            };
            let run = match check(&opts) {
                Ok(r) => r,
                Err(e) => return Ok(report_error(&e)),
            };
            for skipped in run.analysis.skipped() {
                eprintln!("warning: skipped {}", terminal_safe(&skipped.to_string()));
            }
            let passed_over = &run.analysis.corpus.passed_over;
            if !passed_over.is_empty() {
                let shown: Vec<String> = passed_over
                    .iter()
                    .take(5)
                    .map(|p| terminal_safe(p).into_owned())
                    .collect();
                let more = passed_over.len().saturating_sub(shown.len());
                eprintln!(
                    "note: {} file(s) in the corpus are not articles crosscheck reads (*.txt, *.md, *.markdown) and were passed over: {}{}",
                    passed_over.len(),
                    shown.join(", "),
                    if more > 0 { format!(" and {more} more") } else { String::new() }
                );
            }
            for warning in console::review_warnings(&run) {
                eprintln!("warning: {warning}");
            }
            if explain {
                crosscheck::report::write_explained_claims(
                    &mut out,
                    &run.analysis.corpus.documents,
                    &run.analysis.claims,
                )?;
            }
            if let Some(annotations) = &run.annotations {
                out.write_all(annotations.as_bytes())?;
            }
            out.write_all(console::check_summary(&run).as_bytes())?;
            Ok(if run.totals.failing > 0 {
                FINDINGS
            } else if !run.analysis.skipped().is_empty() {
                RUNTIME
            } else {
                CLEAN
            })
        }
        Command::Explain { id, inputs } => {
            let opts = inputs.options();
            match explain_finding(&opts, &id) {
                Ok(Some(text)) => {
                    out.write_all(text.as_bytes())?;
                    Ok(CLEAN)
                }
                Ok(None) => {
                    eprintln!("crosscheck: no single finding has an id starting with {id:?}");
                    Ok(USAGE_OR_RULES)
                }
                Err(e) => Ok(report_error(&e)),
            }
        }
        Command::Eval {
            labels,
            corpus,
            pack,
            split,
            summary,
            floors,
        } => {
            let corpus = corpus.unwrap_or_else(|| eval::default_corpus(&labels));
            let (labels_read, analysis, evaluation) = match eval::run(&labels, &corpus, &pack.rules) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("{e}");
                    eprintln!("crosscheck: nothing was evaluated");
                    return Ok(USAGE_OR_RULES);
                }
            };
            for skipped in analysis.skipped() {
                eprintln!("warning: skipped {skipped}");
            }
            if !summary {
                out.write_all(eval::detail_lines(&evaluation, split).as_bytes())?;
                writeln!(out)?;
            }
            writeln!(
                out,
                "crosscheck eval: {} labelled claims, {} labelled pairs, {} traps; {} engine claims, {} findings",
                evaluation.labelled_claims,
                evaluation.expected_pairs,
                evaluation.traps,
                analysis.claims.len(),
                analysis.findings.len()
            )?;
            out.write_all(eval::figures_table(&evaluation).as_bytes())?;
            let floors = labels_read.floors.overridden_by(&floors.floors());
            let failed = eval::check_floors(&floors, evaluation.figures(split));
            for f in &failed {
                writeln!(out, "FLOOR FAILED ({split}): {f}")?;
            }
            if failed.is_empty() && floors != Floors::default() {
                writeln!(out, "every floor holds ({split})")?;
            }
            Ok(if failed.is_empty() { CLEAN } else { FINDINGS })
        }
        Command::ExplainText {
            sentence,
            published,
            pack,
        } => {
            let published = match published.as_deref().map(|p| crosscheck::date::Date::parse(p).ok_or(p)) {
                None => None,
                Some(Ok(d)) => Some(d),
                Some(Err(p)) => {
                    eprintln!("crosscheck: --published {p:?} is not YYYY-MM-DD");
                    return Ok(USAGE_OR_RULES);
                }
            };
            let pack = match crosscheck::rules::RulePack::load_all(&pack.rules) {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("{e}");
                    return Ok(USAGE_OR_RULES);
                }
            };
            out.write_all(crosscheck::check::explain_text(&pack, &sentence, published).as_bytes())?;
            Ok(CLEAN)
        }
        Command::Test { pack } => {
            let pack = match crosscheck::rules::RulePack::load_all(&pack.rules) {
                Ok(p) => p,
                Err(e) => {
                    for error in &e.0 {
                        eprintln!("{}", terminal_safe(&error.to_string()));
                    }
                    return Ok(USAGE_OR_RULES);
                }
            };
            let outcomes = run_examples(&pack);
            let failed: Vec<_> = outcomes.iter().filter(|o| o.failure.is_some()).collect();
            for o in &failed {
                let why = o.failure.as_deref().unwrap_or_default();
                let fail = format!(
                    "FAIL {} example {} ({}:{}): {why}",
                    o.rule,
                    o.number,
                    o.file.display(),
                    o.line
                );
                writeln!(out, "{}", terminal_safe(&fail))?;
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
            Ok(if failed.is_empty() { CLEAN } else { FINDINGS })
        }
        Command::Quantity { expressions } => {
            let lines: Vec<String> = if expressions.is_empty() {
                io::stdin().lock().lines().collect::<io::Result<_>>()?
            } else {
                expressions
            };
            let opts = ReadOptions::default();
            for expr in lines.iter().filter(|l| !l.trim().is_empty()) {
                writeln!(out, "{}", terminal_safe(&describe_line(expr, &opts)))?;
            }
            Ok(CLEAN)
        }
    }
}
