//! The `crosscheck` command: parse arguments, call the library, print,
//! map the outcome to an exit code.

use clap::{Args, Parser, Subcommand};
use crosscheck::check::{check, explain_finding, run_examples, CheckOptions, Error, Format};
use crosscheck::config::Config;
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
    /// Settings file (default: the nearest crosscheck.toml at or above the
    /// working folder). Command-line options override it.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Colour on a terminal: auto (when standard output is a terminal and
    /// NO_COLOR is not set), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColourChoice::Auto)]
    color: ColourChoice,
    #[command(subcommand)]
    command: Command,
}

/// Where a run reads from and writes to: shared by `check` and `explain`.
#[derive(Args)]
struct Inputs {
    /// Folder (or single file) of articles, .txt, .md and .markdown
    /// (default: crosscheck.toml's `corpus`, else `corpus`).
    corpus: Option<PathBuf>,
    #[command(flatten)]
    pack: Pack,
    /// Folder the reports are written to (default: crosscheck.toml's `out`, else `reports`).
    #[arg(long)]
    out: Option<PathBuf>,
    /// The editors' review file (default: review.csv in the output folder).
    #[arg(long)]
    review: Option<PathBuf>,
}

#[derive(Args)]
struct Pack {
    /// Folder or file of rules (*.toml); repeat to combine packs (default:
    /// crosscheck.toml's `rules`, else `rules`).
    #[arg(long)]
    rules: Vec<PathBuf>,
}

impl Pack {
    /// The rule folders: the command line's, else the config's, else `rules`.
    fn resolve(self, config: Option<&Config>) -> Vec<PathBuf> {
        if !self.rules.is_empty() {
            return self.rules;
        }
        match config {
            Some(c) if !c.rules.is_empty() => c.rules.iter().map(|p| c.resolve(p)).collect(),
            _ => vec![PathBuf::from("rules")],
        }
    }
}

impl Inputs {
    fn options(self, config: Option<&Config>) -> CheckOptions {
        let from_config = |get: fn(&Config) -> Option<&PathBuf>| config.and_then(|c| get(c).map(|p| c.resolve(p)));
        let corpus = self
            .corpus
            .or_else(|| from_config(|c| c.corpus.as_ref()))
            .unwrap_or_else(|| PathBuf::from("corpus"));
        let out = self
            .out
            .or_else(|| from_config(|c| c.out.as_ref()))
            .unwrap_or_else(|| PathBuf::from("reports"));
        let mut opts = CheckOptions::new(corpus, "rules", out);
        opts.review = self.review.or_else(|| from_config(|c| c.review.as_ref()));
        opts.rules = self.pack.resolve(config);
        opts
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColourChoice {
    Auto,
    Always,
    Never,
}

impl ColourChoice {
    /// Whether to colour standard output (https://no-color.org: a set,
    /// non-empty NO_COLOR turns `auto` off).
    fn on(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColourChoice::Always => true,
            ColourChoice::Never => false,
            ColourChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
            }
        }
    }
}

/// Today, in UTC (a decision's date).
fn today() -> crosscheck::date::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    crosscheck::date::Date::from_ordinal((secs / 86_400) as i64)
}

/// The settings file that applies: `--config FILE`, else the nearest
/// crosscheck.toml. A mistake in it stops the run (exit 2).
fn load_config(explicit: Option<&PathBuf>) -> Result<Option<Config>, String> {
    match explicit {
        Some(p) => crosscheck::config::read(p).map(Some),
        None => {
            let here = std::env::current_dir().map_err(|e| format!("cannot read the working folder: {e}"))?;
            crosscheck::config::discover(&here)
        }
    }
}

/// `fail_on` and `formats` of the config, checked.
fn config_policy(config: Option<&Config>) -> Result<(Option<FailOn>, Vec<Format>), String> {
    use clap::ValueEnum;
    let Some(c) = config else {
        return Ok((None, Vec::new()));
    };
    let where_ = c.path.display();
    // A value of one of the command line's enums, with the same names.
    fn parse<T: ValueEnum>(field: &str, v: &str, where_: &impl std::fmt::Display) -> Result<T, String> {
        T::from_str(v, true).map_err(|_| {
            let names: Vec<String> = T::value_variants()
                .iter()
                .filter_map(|x| Some(x.to_possible_value()?.get_name().to_string()))
                .collect();
            let (last, rest) = names.split_last().map_or(("", &[][..]), |(l, r)| (l.as_str(), r));
            format!("{where_}: {field} {v:?} is not {} or {last}", rest.join(", "))
        })
    }
    let fail_on = c
        .fail_on
        .as_deref()
        .map(|v| parse::<FailOn>("fail_on", v, &where_))
        .transpose()?;
    let formats = c
        .formats
        .iter()
        .map(|v| parse::<Format>("format", v, &where_))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((fail_on, formats))
}

#[derive(Subcommand)]
enum Command {
    /// Extract claims from a corpus, align them and write the reports.
    Check {
        #[command(flatten)]
        inputs: Inputs,
        /// Which open findings (no decision, or one that needs re-review) fail the
        /// run (default: crosscheck.toml's `fail_on`, else conflict).
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
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
    /// Write a starter project: crosscheck.toml, a story pack (rules/story.toml)
    /// and an example article (corpus/example.md). Never overwrites a file.
    Init {
        /// The project folder (default: the working folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Record today's open findings as accepted in the review file, so that CI
    /// fails only on what comes after (rows are added; nothing is changed).
    Baseline {
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Write shell completions for bash, zsh, fish, elvish or powershell to standard output.
    Completions { shell: clap_complete::Shell },
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
    let config = match load_config(cli.config.as_ref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("crosscheck: {}", terminal_safe(&e));
            return Ok(USAGE_OR_RULES);
        }
    };
    let config = config.as_ref();
    let colour = cli.color.on();
    match cli.command {
        Command::Check {
            inputs,
            fail_on,
            changed,
            format,
            explain,
        } => {
            let (config_fail_on, config_formats) = match config_policy(config) {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("crosscheck: {}", terminal_safe(&e));
                    return Ok(USAGE_OR_RULES);
                }
            };
            let opts = CheckOptions {
                fail_on: fail_on.or(config_fail_on).unwrap_or_default(),
                changed,
                formats: if format.is_empty() { config_formats } else { format },
                ..inputs.options(config)
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
            out.write_all(console::check_summary(&run, colour).as_bytes())?;
            Ok(if run.totals.failing > 0 {
                FINDINGS
            } else if !run.analysis.skipped().is_empty() {
                RUNTIME
            } else {
                CLEAN
            })
        }
        Command::Explain { id, inputs } => {
            let opts = inputs.options(config);
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
            let (labels_read, analysis, evaluation) = match eval::run(&labels, &corpus, &pack.resolve(config)) {
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
            let pack = match crosscheck::rules::RulePack::load_all(&pack.resolve(config)) {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("{e}");
                    return Ok(USAGE_OR_RULES);
                }
            };
            out.write_all(crosscheck::check::explain_text(&pack, &sentence, published).as_bytes())?;
            Ok(CLEAN)
        }
        Command::Init { dir } => match crosscheck::init::init(&dir) {
            Ok(written) => {
                for p in &written {
                    writeln!(out, "wrote {}", terminal_safe(&p.display().to_string()))?;
                }
                writeln!(
                    out,
                    "next: `crosscheck test` runs the story pack's examples, `crosscheck check` checks the corpus"
                )?;
                Ok(CLEAN)
            }
            Err(e) => {
                eprintln!("crosscheck: {}", terminal_safe(&e));
                Ok(USAGE_OR_RULES)
            }
        },
        Command::Baseline { inputs } => {
            let opts = inputs.options(config);
            let today = today();
            match crosscheck::check::baseline(&opts, today) {
                Ok(b) => {
                    writeln!(
                        out,
                        "baseline: {} open finding(s) recorded as accepted in {} ({} already decided, left as they were)",
                        b.added,
                        terminal_safe(&b.review.display().to_string()),
                        b.already_decided
                    )?;
                    Ok(CLEAN)
                }
                Err(e) => Ok(report_error(&e)),
            }
        }
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "crosscheck", &mut out);
            Ok(CLEAN)
        }
        Command::Test { pack } => {
            let pack = match crosscheck::rules::RulePack::load_all(&pack.resolve(config)) {
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
