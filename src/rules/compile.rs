//! From raw rule files to a compiled [`RulePack`]: placeholders expanded,
//! regexes built once, key templates checked against the patterns, every
//! error located at its file, line and rule.

use super::schema::{RawEntity, RawEvent, RawExample, RawFile, RawRule};
use super::{build_regex, prefilter, Prefilter, RuleError, RuleErrors, RulePack};
use crate::claim::Modality;
use crate::date::Date;
use crate::entity::{list, Entity, Gazetteer, GazetteerError, Role};
use crate::event::when;
use crate::event::{Event, EventBinder};
use crate::frame::WordList;
use crate::quantity::{self, Interval, Placeholder, ReadOptions};
use prefilter::{LiteralList, Scanner};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// How a rule's figure may change between articles: not at all, over time
/// (a later different figure is an update), or only upwards (a total of
/// pledges or signatories: a later smaller figure is still a conflict).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Fixed,
    OverTime,
    Grows,
}

impl Change {
    pub fn over_time(self) -> bool {
        self != Change::Fixed
    }
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: std::sync::Arc<str>,
    pub describe: String,
    pub file: PathBuf,
    pub line: usize,
    pub patterns: Vec<Pattern>,
    pub key: KeyTemplate,
    /// What a count counts ("chiefs"); empty for shares and money.
    pub unit: std::sync::Arc<str>,
    pub read: ReadOptions,
    pub modality: Option<Modality>,
    pub kind: RuleKind,
    /// For membership rules: whether the entity is present (true) or
    /// excluded / absent (false).
    pub present: bool,
    /// Sentences this matches are passed over ("Meanwhile, …").
    pub skip_if: Option<Regex>,
    /// Whether a later different figure is an `update` (`changes_over_time`,
    /// `grows_only`) or a `conflict`.
    pub change: Change,
    pub context: Option<Context>,
    /// Set for rules that select readings instead of matching patterns.
    pub frame: Option<FrameSpec>,
    /// A date frame's words (`happened`): its dates are the days those
    /// things happened, never a deadline or an as-of ("signed by Sunday").
    pub happened: Option<Regex>,
    /// The pack (folder) whose declared events alone this rule binds to,
    /// when that pack says `[pack] own_events = true`.
    pub own_events: Option<usize>,
    /// The topic of the rule's pack (`[pack] topic`): a document that
    /// mentions none of its words is not read by the rule.
    pub topic: Option<usize>,
    pub examples: Vec<Example>,
}

/// What a frame rule selects: readings of one measure, counting or
/// qualified by words of its lists (see `extract::frames`).
#[derive(Debug, Clone)]
pub struct FrameSpec {
    pub measure: Measure,
    pub counts: WordList,
    pub share_of: WordList,
    pub implied_by: WordList,
    pub about: WordList,
    pub qualified_by: WordList,
    pub not_qualified_by: WordList,
    /// The entity kind whose figure it is, and a finder of its names.
    pub subject: Option<(String, Regex)>,
    /// Take figures that are parts of one named before them ("of which").
    pub parts: bool,
    /// Take sums of several things ("taken together", "combined").
    pub sums: bool,
    /// Take magnitudes said in one word ("dozens", "thousands").
    pub vague: bool,
    /// Take rises and falls ("rise by €25 million").
    pub measures_change: bool,
    /// The values the claim can take: a figure wholly outside is another thing.
    pub range: Option<(f64, f64)>,
}

impl FrameSpec {
    /// Words of which a sentence must hold one (as the start of a word,
    /// any case) for the rule to take any reading of it: the longest word
    /// of each entry of the list the rule requires within the sentence
    /// (`counts`, else `share_of` with `implied_by`, else `qualified_by`).
    /// `None` when the rule requires none, or a word a literal search
    /// cannot fold (non-ASCII).
    pub fn required_words(&self) -> Option<Vec<String>> {
        if !self.counts.is_empty() {
            literal_words(&[&self.counts])
        } else if !self.share_of.is_empty() {
            literal_words(&[&self.share_of, &self.implied_by])
        } else if !self.qualified_by.is_empty() {
            literal_words(&[&self.qualified_by])
        } else {
            None
        }
    }

    /// The words of which the sentence or the few before it must hold one
    /// (its `about` list, as [`FrameSpec::required_words`] reads a list);
    /// `None` when the rule has no `about` words.
    pub fn about_words(&self) -> Option<Vec<String>> {
        if self.about.is_empty() {
            None
        } else {
            literal_words(&[&self.about])
        }
    }
}

/// The longest word of each entry of `lists`, for a literal search; `None`
/// when one cannot be searched as ASCII (no gate is safe then).
fn literal_words(lists: &[&WordList]) -> Option<Vec<String>> {
    let words: Vec<String> = lists.iter().flat_map(|l| l.key_words()).map(str::to_string).collect();
    words.iter().all(|w| w.is_ascii() && !w.is_empty()).then_some(words)
}

/// What a frame's number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Count,
    Share,
    Money,
}

impl std::fmt::Display for Measure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Measure::Count => "count",
            Measure::Share => "share",
            Measure::Money => "money",
        })
    }
}

/// Key variables a frame fills.
const FRAME_VARS: [&str; 3] = ["event", "subject", "period"];

/// A topic the sentence or the sentences just before it must mention.
#[derive(Debug, Clone)]
pub struct Context {
    pub regex: Regex,
    /// How many sentences before the claim's own may carry it.
    pub before: usize,
}

/// How far back a context may be found unless the rule says otherwise.
pub const DEFAULT_CONTEXT_SENTENCES: usize = 2;

/// One pattern of a rule, compiled the first time a sentence may match it:
/// a pack of a thousand rules starts at once, and a run pays only for the
/// patterns its corpus reaches.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The pattern with its placeholders expanded.
    pub src: String,
    compiled: std::sync::OnceLock<Option<Regex>>,
    /// Named groups of the expanded pattern.
    pub groups: Vec<String>,
    /// Which value placeholder the `value` group holds.
    pub value: ValueSlot,
    /// Capture groups holding an entity that a key names.
    pub entities: Vec<EntitySlot>,
    /// Literals every match contains one of (for the prefilter).
    pub literals: Option<Vec<String>>,
}

impl Pattern {
    /// The compiled regex; `None` if the expanded pattern cannot be built
    /// (too large), which `crosscheck test` shows as a failing example.
    pub fn regex(&self) -> Option<&Regex> {
        self.compiled.get_or_init(|| shared_regex(&self.src)).as_ref()
    }
}

/// Patterns with one expansion (every date frame's `{date}`) share one
/// compiled regex: a `Regex` clone shares its program and caches.
fn shared_regex(src: &str) -> Option<Regex> {
    static SHARED: std::sync::OnceLock<std::sync::Mutex<std::collections::HashMap<String, Option<Regex>>>> =
        std::sync::OnceLock::new();
    let shared = SHARED.get_or_init(Default::default);
    if let Some(found) = shared.lock().unwrap_or_else(|e| e.into_inner()).get(src) {
        return found.clone();
    }
    // Compiled outside the lock: other patterns compile meanwhile (two
    // threads may both build the same one once; either copy serves).
    let built = build_regex(src).ok();
    shared
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry(src.to_string())
        .or_insert(built)
        .clone()
}

/// What a rule extracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// Counts, shares, money: intervals.
    Quantity,
    /// When an event took place: days.
    Date,
    /// Who took part: a list of entities.
    Roster,
    /// One entity present at, or absent from, an event.
    Membership,
}

impl RuleKind {
    /// Does a pattern's value placeholder suit this kind of rule?
    fn accepts(self, slot: &ValueSlot) -> Result<(), &'static str> {
        match (self, slot) {
            (RuleKind::Quantity, ValueSlot::Number(_)) | (RuleKind::Date, ValueSlot::Date) => Ok(()),
            (RuleKind::Roster, ValueSlot::Members { list: true, .. })
            | (RuleKind::Membership, ValueSlot::Members { .. }) => Ok(()),
            (RuleKind::Quantity, _) => Err("a `quantity` rule's patterns hold {quantity}, {percent} or {money}"),
            (RuleKind::Date, _) => Err("a `date` rule's patterns hold {date}"),
            (RuleKind::Roster, _) => Err("a `roster` rule's patterns hold {members:KINDS}"),
            (RuleKind::Membership, _) => Err("a `membership` rule's patterns hold {member:KINDS} or {members:KINDS}"),
        }
    }
}

/// The value placeholder of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueSlot {
    Number(Placeholder),
    Date,
    /// Entities of these kinds: one (`{member:…}`) or a list (`{members:…}`).
    Members {
        kinds: Vec<String>,
        list: bool,
    },
}

/// An `{entity:KIND}` placeholder of a pattern.
#[derive(Debug, Clone)]
pub struct EntitySlot {
    /// The capture group (the kind, as a group name).
    pub group: String,
    pub kind: String,
    /// Finds any name of this kind: the entity nearest the value wins.
    pub finder: Option<Regex>,
}

/// A claim key with `{name}` and `{name|default}` parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyTemplate {
    pub source: String,
    pub parts: Vec<KeyPart>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyPart {
    Literal(String),
    Var { name: String, default: Option<String> },
}

impl KeyTemplate {
    pub fn uses_event(&self) -> bool {
        self.uses("event")
    }

    /// Does the key name the placeholder `{var}`?
    pub fn uses(&self, var: &str) -> bool {
        self.parts
            .iter()
            .any(|p| matches!(p, KeyPart::Var { name, .. } if name == var))
    }
}

/// A rule example: text and what the rule must make of it.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub line: usize,
    /// The publication date the text is read with.
    pub published: Option<Date>,
    pub expect: Expect,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expect {
    /// No claim at all.
    Nothing,
    /// A claim with this value; `value` is the interval, optionally
    /// followed by the unit (`(30, inf) chiefs`).
    Claim {
        value: String,
        key: Option<String>,
        modality: Option<Modality>,
    },
}

/// Names the key template may use besides capture groups.
const EVENT_VAR: &str = "event";

/// Where a byte offset of a file falls: 1-based line and column.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The id of the `[[rule]]` table a byte offset lies in, when it can be
/// found; for parse errors, where serde does not know the rule yet.
fn rule_id_near(text: &str, offset: usize) -> Option<String> {
    let head = text[..offset.min(text.len())].rfind("[[rule]]")?;
    text[head..]
        .lines()
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('['))
        .find_map(|l| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == "id").then(|| v.trim().trim_matches(['"', '\'']).to_string())
        })
}

/// Collects errors for one file.
struct FileCtx<'a> {
    path: &'a Path,
    text: &'a str,
    errors: Vec<RuleError>,
    /// Byte offset of each line's start.
    line_starts: Vec<usize>,
}

impl<'a> FileCtx<'a> {
    fn new(path: &'a Path, text: &'a str) -> Self {
        FileCtx {
            path,
            text,
            errors: Vec::new(),
            line_starts: std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        }
    }

    /// Line and column (in characters) of a byte offset: a binary search
    /// over the line starts, so a pack of thousands of rules costs no more
    /// per rule than a pack of ten.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let col = self.text.get(start..offset).map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }

    fn error(&mut self, span: Option<Range<usize>>, rule: Option<&str>, message: impl Into<String>) {
        let (line, col) = match span {
            Some(s) => {
                let (l, c) = self.line_col(s.start);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        self.errors.push(RuleError {
            path: self.path.to_path_buf(),
            line,
            col,
            rule: rule.map(str::to_string),
            message: message.into(),
        });
    }

    fn line(&self, span: Range<usize>) -> usize {
        self.line_col(span.start).0
    }
}

/// A rule pack holds at most this many rules: with lazy compilation a
/// thousand load in a quarter of a second, and each rule costs a prefilter
/// entry on every sentence, so far more is a mistake (a generated pack, a
/// corpus folder passed as `--rules`), not a pack.
pub const MAX_RULES: usize = 10_000;

/// A rule file is at most this large (the largest pack we know is 40 KB).
pub const MAX_RULE_FILE_BYTES: usize = 4 * 1024 * 1024;

/// Read a rule file as articles are read ([`crate::corpus::read_limited`]:
/// no FIFO can hang the run, a file over [`MAX_RULE_FILE_BYTES`] is refused
/// before it is read), but following a link (packs are often linked in),
/// and naming the line of a byte that is not UTF-8.
fn read_rule_file(path: &Path) -> Result<String, RuleError> {
    let fail = |message: String| RuleError::file(path.to_path_buf(), message);
    let target = std::fs::canonicalize(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    let bytes = crate::corpus::read_limited(&target, MAX_RULE_FILE_BYTES).map_err(|m| {
        if m.starts_with("too large") {
            fail(format!("{m}: the limit for a rule file is {MAX_RULE_FILE_BYTES}"))
        } else {
            fail(m)
        }
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let before = String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]);
        let (line, col) = line_col(&before, before.len());
        RuleError {
            path: path.to_path_buf(),
            line: Some(line),
            col: Some(col),
            rule: None,
            message: "not UTF-8 text".to_string(),
        }
    })
}

fn rule_files(dir: &Path) -> Result<Vec<PathBuf>, RuleError> {
    let io_err = |path: &Path, e: std::io::Error| RuleError::file(path.to_path_buf(), format!("cannot read: {e}"));
    let meta = std::fs::metadata(dir).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            RuleError::file(
                dir.to_path_buf(),
                "no such rule folder or file here: pass --rules DIR, or run from a folder whose \
                 crosscheck.toml (here or above) names the rules",
            )
        } else {
            io_err(dir, e)
        }
    })?;
    if meta.is_file() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| io_err(&d, e))? {
            let entry = entry.map_err(|e| io_err(&d, e))?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }
    out.sort();
    if out.is_empty() {
        return Err(RuleError::file(dir.to_path_buf(), "no rule files (*.toml) found"));
    }
    Ok(out)
}

pub(super) fn load(dirs: &[PathBuf]) -> Result<RulePack, RuleErrors> {
    let mut files = Vec::new();
    for dir in dirs {
        files.extend(rule_files(dir).map_err(|e| RuleErrors(vec![e]))?);
    }
    files.dedup();
    // Which pack each file belongs to: the folder holding it (a story pack
    // is a folder). Word lists are looked up in the rule's own pack first.
    let folders: Vec<PathBuf> = {
        let mut f: Vec<PathBuf> = files
            .iter()
            .map(|p| p.parent().unwrap_or(Path::new("")).to_path_buf())
            .collect();
        f.sort();
        f.dedup();
        f
    };
    let pack_of: BTreeMap<PathBuf, usize> = files
        .iter()
        .map(|p| {
            let folder = p.parent().unwrap_or(Path::new(""));
            (p.clone(), folders.iter().position(|f| f == folder).unwrap_or(0))
        })
        .collect();
    let dir = dirs.first().map_or(Path::new("."), PathBuf::as_path);
    let mut errors = Vec::new();
    let mut parsed = Vec::new();
    for path in &files {
        let text = match read_rule_file(path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        match toml::from_str::<RawFile>(&text) {
            Ok(raw) => parsed.push((path.clone(), text, raw)),
            Err(e) => {
                let span = e.span();
                let (line, col) = span.clone().map(|s| line_col(&text, s.start)).unzip();
                errors.push(RuleError {
                    path: path.clone(),
                    line,
                    col,
                    rule: span.and_then(|s| rule_id_near(&text, s.start)),
                    message: e
                        .message()
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                        .join(": "),
                });
            }
        }
    }

    // Bound the work before any pattern is expanded or compiled.
    let rule_count: usize = parsed.iter().map(|(_, _, raw)| raw.rule.len()).sum();
    if rule_count > MAX_RULES {
        errors.push(RuleError::file(
            dir.to_path_buf(),
            format!(
                "{rule_count} rules in {} files; the limit is {MAX_RULES} (split the corpus by story and pass each its own pack)",
                files.len()
            ),
        ));
        return Err(RuleErrors(errors));
    }

    // Entities first: patterns expand `{entity:KIND}` from the gazetteer.
    let mut gazetteer = Gazetteer::default();
    for (path, text, raw) in &parsed {
        let mut ctx = FileCtx::new(path, text);
        for e in &raw.entity {
            add_entity(&mut ctx, &mut gazetteer, e);
        }
        errors.append(&mut ctx.errors);
    }

    for (entity, message) in gazetteer.dangling_references() {
        errors.push(RuleError::file(
            dir.to_path_buf(),
            format!("entity `{entity}`: {message}"),
        ));
    }

    // Named word lists, shared by every file of a pack; a rule sees its own
    // pack's lists first, then those of the packs it is combined with.
    let mut all_lists: Vec<BTreeMap<String, Vec<String>>> = vec![BTreeMap::new(); folders.len().max(1)];
    for (path, text, raw) in &parsed {
        let mut ctx = FileCtx::new(path, text);
        let pack = pack_of.get(path).copied().unwrap_or(0);
        for (name, words) in &raw.lists {
            if all_lists[pack].insert(name.clone(), words.get_ref().clone()).is_some() {
                ctx.error(
                    Some(words.span()),
                    None,
                    format!("word list `{name}` is defined twice in this pack"),
                );
            }
        }
        errors.append(&mut ctx.errors);
    }
    let lists_for = |path: &Path| -> BTreeMap<String, Vec<String>> {
        let own = pack_of.get(path).copied().unwrap_or(0);
        let mut visible: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (pack, lists) in all_lists.iter().enumerate() {
            if pack != own {
                for (name, words) in lists {
                    visible.entry(name.clone()).or_insert_with(|| words.clone());
                }
            }
        }
        for (name, words) in &all_lists[own] {
            visible.insert(name.clone(), words.clone());
        }
        visible
    };

    let mut rules: Vec<Rule> = Vec::new();
    let mut finders: BTreeMap<String, Option<Regex>> = BTreeMap::new();
    let mut rule_pack: Vec<usize> = Vec::new();
    let mut events = Vec::new();
    let mut event_pack: BTreeMap<String, usize> = BTreeMap::new();
    let mut own_event_packs: BTreeSet<usize> = BTreeSet::new();
    let mut pack_topics: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    // Rule ids seen so far, to their index in `rules`.
    let mut rule_index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (path, text, raw) in &parsed {
        let mut ctx = FileCtx::new(path, text);
        let lists = lists_for(path);
        for r in &raw.rule {
            if let Some(prev) = rule_index.get(r.id.get_ref()).map(|&i| &rules[i]) {
                let msg = format!(
                    "duplicate rule id (first defined in {}:{})",
                    prev.file.display(),
                    prev.line
                );
                ctx.error(Some(r.id.span()), Some(r.id.get_ref()), msg);
                continue;
            }
            if let Some(rule) = compile_rule(&mut ctx, &gazetteer, &lists, &mut finders, r) {
                rule_index.insert(rule.id.to_string(), rules.len());
                rules.push(rule);
                rule_pack.push(pack_of.get(path).copied().unwrap_or(0));
            }
        }
        let pack = pack_of.get(path).copied().unwrap_or(0);
        if raw.pack.as_ref().is_some_and(|p| p.own_events) {
            own_event_packs.insert(pack);
        }
        if let Some(words) = raw.pack.as_ref().map(|p| &p.topic).filter(|w| !w.is_empty()) {
            pack_topics.entry(pack).or_default().extend(words.iter().cloned());
        }
        for e in &raw.event {
            event_pack.insert(e.id.get_ref().clone(), pack);
            if events.iter().any(|p: &Event| p.id == *e.id.get_ref()) {
                ctx.error(
                    Some(e.id.span()),
                    None,
                    format!("duplicate event id `{}`", e.id.get_ref()),
                );
            } else if let Some(event) = compile_event(&mut ctx, e) {
                events.push(event);
            }
        }
        errors.append(&mut ctx.errors);
    }
    if rules.is_empty() && errors.is_empty() {
        errors.push(RuleError::file(dir.to_path_buf(), "the rule pack defines no [[rule]]"));
    }
    if !errors.is_empty() {
        return Err(RuleErrors(errors));
    }
    let topic_of: BTreeMap<usize, usize> = pack_topics.keys().enumerate().map(|(t, &pack)| (pack, t)).collect();
    for (rule, &pack) in rules.iter_mut().zip(&rule_pack) {
        if own_event_packs.contains(&pack) {
            rule.own_events = Some(pack);
        }
        rule.topic = topic_of.get(&pack).copied();
    }
    let topics = super::topic::Topics::new(&pack_topics.into_values().collect::<Vec<_>>());
    let events = EventBinder::new(events, &gazetteer);
    let pattern_index: Vec<(usize, usize)> = rules
        .iter()
        .enumerate()
        .flat_map(|(r, rule)| (0..rule.patterns.len()).map(move |p| (r, p)))
        .collect();
    let literals: Vec<Option<Vec<String>>> = pattern_index
        .iter()
        .map(|&(r, p)| rules[r].patterns[p].literals.clone())
        .collect();
    let (prefilter, [pattern_words, pattern_literals]) =
        Prefilter::new(&prefilter_words(&rules, &gazetteer), &literals, false);
    let frame_rules: Vec<usize> = (0..rules.len()).filter(|&r| rules[r].frame.is_some()).collect();
    let frame_words: Vec<Option<Vec<String>>> = frame_rules
        .iter()
        .map(|&r| rules[r].frame.as_ref().and_then(FrameSpec::required_words))
        .collect();
    let (frame_prefilter, [frame_number_words, frame_literals]) = Prefilter::new::<&str>(&[], &frame_words, true);
    // Rules with `about` words also need one in their reach (the sentence
    // and the few before it): those words, per frame rule.
    let mut about_words = LiteralList::new(true);
    let mut frame_gated = Vec::with_capacity(frame_rules.len());
    for (p, &r) in frame_rules.iter().enumerate() {
        let words = rules[r].frame.as_ref().and_then(FrameSpec::about_words);
        frame_gated.push(words.is_some());
        words.iter().flatten().for_each(|w| about_words.add(w, p));
    }
    // In the order of the LIST_* constants.
    let scanner = Scanner::new(vec![
        pattern_words,
        pattern_literals,
        frame_number_words,
        frame_literals,
        about_words,
    ]);
    // The places "the city" and "there" may stand for: the pack's cities
    // and towns and its events' places.
    let mut place_words: Vec<Vec<String>> = gazetteer
        .entities()
        .iter()
        .filter(|e| matches!(e.kind.as_str(), "city" | "town"))
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
        .chain(events.events.iter().filter_map(|e| e.place.as_ref()))
        .map(|name| crate::frame::words(name))
        .filter(|w| !w.is_empty())
        .collect();
    place_words.sort();
    place_words.dedup();
    Ok(RulePack {
        place_words,
        rules,
        events,
        event_pack,
        gazetteer,
        files,
        prefilter,
        pattern_index,
        frame_prefilter,
        frame_rules,
        frame_gated,
        scanner,
        topics,
        #[cfg(test)]
        frame_filters_off: false,
    })
}

/// The words besides number words that a value of these rules can be
/// written with: date words for date rules, every spelling of the entity
/// kinds member placeholders name.
fn prefilter_words(rules: &[Rule], gazetteer: &Gazetteer) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    if rules.iter().any(|r| r.kind == RuleKind::Date) {
        words.extend(when::date_words().into_iter().map(str::to_string));
    }
    let mut kinds: Vec<&str> = Vec::new();
    for p in rules.iter().flat_map(|r| &r.patterns) {
        if let ValueSlot::Members { kinds: k, .. } = &p.value {
            kinds.extend(k.iter().map(String::as_str));
        }
    }
    for e in gazetteer.entities().iter().filter(|e| kinds.contains(&e.kind.as_str())) {
        words.push(e.name.clone());
        words.extend(e.aliases.iter().cloned());
    }
    words
}

fn add_entity(ctx: &mut FileCtx, gazetteer: &mut Gazetteer, raw: &RawEntity) {
    let id = raw.id.get_ref();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        ctx.error(
            Some(raw.id.span()),
            None,
            format!("entity id {id:?} must be lower-case letters, digits and '-'"),
        );
        return;
    }
    let mut date_of = |d: &Option<toml::Spanned<String>>| -> Result<Option<Date>, ()> {
        let Some(d) = d else { return Ok(None) };
        Date::parse(d.get_ref()).map(Some).ok_or_else(|| {
            ctx.error(
                Some(d.span()),
                None,
                format!("entity `{id}`: {:?} is not YYYY-MM-DD", d.get_ref()),
            )
        })
    };
    let mut roles = Vec::new();
    for r in &raw.roles {
        let (Ok(from), Ok(until)) = (date_of(&r.from), date_of(&r.until)) else {
            return;
        };
        roles.push(Role {
            represents: r.represents.clone(),
            title: r.title.clone(),
            from,
            until,
        });
    }
    let mut not_near = Vec::new();
    for n in &raw.not_near {
        match build_regex(&format!("(?i){}", n.get_ref())) {
            Ok(re) => not_near.push(re),
            Err(e) => {
                ctx.error(
                    Some(n.span()),
                    None,
                    format!("entity `{id}`: invalid not_near regex: {}", one_line(&e)),
                );
                return;
            }
        }
    }
    let entity = Entity {
        id: id.clone(),
        name: raw.name.clone(),
        kind: raw.kind.clone(),
        aliases: raw.aliases.clone(),
        roles,
        counts_as: raw.counts_as.clone(),
        not_near,
    };
    match gazetteer.add(entity) {
        Ok(()) => {}
        Err(GazetteerError::DuplicateId(id)) => {
            ctx.error(Some(raw.id.span()), None, format!("duplicate entity id `{id}`"))
        }
        Err(GazetteerError::DuplicateAlias(alias, first, second)) => ctx.error(
            Some(raw.id.span()),
            None,
            format!("the name {alias:?} of entity `{second}` already names entity `{first}`"),
        ),
    }
}

fn compile_event(ctx: &mut FileCtx, raw: &RawEvent) -> Option<Event> {
    let id = raw.id.get_ref();
    let Some(date) = Date::parse(raw.date.get_ref()) else {
        ctx.error(
            Some(raw.date.span()),
            None,
            format!("event `{id}`: date {:?} is not YYYY-MM-DD", raw.date.get_ref()),
        );
        return None;
    };
    let end_date = match &raw.end_date {
        None => date,
        Some(e) => match Date::parse(e.get_ref()).filter(|e| *e >= date) {
            Some(end) => end,
            None => {
                let msg = format!(
                    "event `{id}`: end_date {:?} is not a YYYY-MM-DD on or after date",
                    e.get_ref()
                );
                ctx.error(Some(e.span()), None, msg);
                return None;
            }
        },
    };
    let mut triggers = Vec::new();
    for t in &raw.triggers {
        match build_regex(&format!("(?i){}", t.get_ref())) {
            Ok(re) => triggers.push(re),
            Err(e) => ctx.error(
                Some(t.span()),
                None,
                format!("event `{id}`: invalid trigger regex: {e}"),
            ),
        }
    }
    if raw.triggers.is_empty() {
        ctx.error(Some(raw.id.span()), None, format!("event `{id}` has no triggers"));
    }
    (triggers.len() == raw.triggers.len() && !triggers.is_empty()).then(|| Event {
        id: id.clone(),
        title: raw.title.clone(),
        date,
        end_date,
        place: raw.place.clone(),
        triggers,
        window_days: raw.window_days.unwrap_or(7),
    })
}

/// A rule's word list with `@name` entries replaced by the named list.
fn word_list(
    ctx: &mut FileCtx,
    id: &str,
    lists: &BTreeMap<String, Vec<String>>,
    field: &Option<toml::Spanned<Vec<String>>>,
) -> WordList {
    let Some(field) = field else { return WordList::default() };
    WordList::new(&expanded_words(ctx, id, lists, field))
}

/// The entries of a word-list field, `@name` entries replaced by the named
/// list; a list may name other lists ("police_words = ['@officer_words',
/// 'police']"), expanded as deep as they go (a cycle is cut).
fn expanded_words(
    ctx: &mut FileCtx,
    id: &str,
    lists: &BTreeMap<String, Vec<String>>,
    field: &toml::Spanned<Vec<String>>,
) -> Vec<String> {
    let mut entries = Vec::new();
    for e in field.get_ref() {
        match e.strip_prefix('@') {
            Some(name) => match lists.get(name) {
                Some(words) => {
                    let mut seen = vec![name.to_string()];
                    if let Err(missing) = expand_list(lists, words, &mut seen, &mut entries) {
                        ctx.error(
                            Some(field.span()),
                            Some(id),
                            format!("word list `{name}` names `@{missing}`, which is no word list"),
                        );
                    }
                }
                None => {
                    let known: Vec<&str> = lists.keys().map(String::as_str).collect();
                    let known = if known.is_empty() {
                        "the pack has no [lists] table".to_string()
                    } else {
                        format!("known: {}", known.join(", "))
                    };
                    ctx.error(Some(field.span()), Some(id), format!("no word list `{name}` ({known})"));
                }
            },
            None => entries.push(e.clone()),
        }
    }
    entries
}

/// The words of a named list, with the lists it names expanded; `Err` with
/// the first name that is no list.
fn expand_list(
    lists: &BTreeMap<String, Vec<String>>,
    words: &[String],
    seen: &mut Vec<String>,
    out: &mut Vec<String>,
) -> Result<(), String> {
    for w in words {
        match w.strip_prefix('@') {
            Some(inner) if seen.iter().any(|s| s == inner) => {}
            Some(inner) => {
                let nested = lists.get(inner).ok_or_else(|| inner.to_string())?;
                seen.push(inner.to_string());
                expand_list(lists, nested, seen, out)?;
            }
            None => out.push(w.clone()),
        }
    }
    Ok(())
}

/// The finder of any name of one entity kind, compiled once per pack and
/// shared (a `Regex` clone shares the compiled program).
fn finder(finders: &mut BTreeMap<String, Option<Regex>>, gazetteer: &Gazetteer, kind: &str) -> Option<Regex> {
    finders
        .entry(kind.to_string())
        .or_insert_with(|| build_regex(&format!("(?i){}", gazetteer.pattern(kind))).ok())
        .clone()
}

/// A date frame (`happened = ["opened", "launch*"]`): its one pattern is a
/// bare `{date}` (one regex, compiled once for every date frame), and the
/// alternation of its words, which `extract::happened_near` looks for next
/// to each date: the word, then the date in its clause ("opened in Dubai on
/// Thursday"), a date just before the word ("On 25 September, prosecutors
/// detained", "Friday night's quake": two words between at most), or a
/// date opening the sentence ("Early on Monday two dams above the city
/// collapsed").
fn date_frame_patterns(
    ctx: &mut FileCtx,
    id: &str,
    lists: &BTreeMap<String, Vec<String>>,
    raw: &RawRule,
    kind: RuleKind,
) -> Option<(Spanned<String>, String)> {
    let field = raw.happened.as_ref()?;
    if kind != RuleKind::Date {
        ctx.error(
            Some(field.span()),
            Some(id),
            "`happened` belongs to a date rule: add kind = \"date\"",
        );
        return None;
    }
    if !raw.patterns.is_empty() {
        ctx.error(
            Some(field.span()),
            Some(id),
            "a date rule has `happened` or `patterns`, not both: write two rules",
        );
        return None;
    }
    let words = words_alternation(ctx, id, lists, field);
    if words.is_empty() {
        ctx.error(Some(field.span()), Some(id), "`happened` lists no word");
        return None;
    }
    Some((Spanned::new(field.span(), "{date}".to_string()), words))
}

/// A word list (`@lists` expanded, `launch*` a stem) as a regex
/// alternation, "" when it lists no word.
fn words_alternation(
    ctx: &mut FileCtx,
    id: &str,
    lists: &BTreeMap<String, Vec<String>>,
    field: &Spanned<Vec<String>>,
) -> String {
    let words = expanded_words(ctx, id, lists, field);
    let alternation: Vec<String> = words
        .iter()
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty() && w != "*")
        .map(|w| {
            let (stem, star) = w.strip_suffix('*').map_or((w.as_str(), false), |s| (s, true));
            let phrase: Vec<String> = stem.split_whitespace().map(regex::escape).collect();
            format!("{}{}", phrase.join(r"\s+"), if star { "[a-zA-Z]*" } else { "" })
        })
        .collect();
    alternation.join("|")
}

/// The frame of a rule that has one (`counts`, `share_of`, `measure`).
fn compile_frame(
    ctx: &mut FileCtx,
    gazetteer: &Gazetteer,
    lists: &BTreeMap<String, Vec<String>>,
    finders: &mut BTreeMap<String, Option<Regex>>,
    raw: &RawRule,
    kind: RuleKind,
) -> Option<FrameSpec> {
    let id = raw.id.get_ref().as_str();
    if raw.counts.is_none() && raw.share_of.is_none() && raw.measure.is_none() {
        // A date frame's `about`: the sentence speaks of one of these.
        let about = if raw.happened.is_some() {
            None
        } else {
            raw.about.as_ref()
        };
        for (name, field) in [
            ("about", &about),
            ("implied_by", &raw.implied_by.as_ref()),
            ("qualified_by", &raw.qualified_by.as_ref()),
            ("not_qualified_by", &raw.not_qualified_by.as_ref()),
        ] {
            if let Some(f) = field {
                let msg = format!("`{name}` belongs to a frame: add `counts`, `share_of` or `measure`");
                ctx.error(Some(f.span()), Some(id), msg);
            }
        }
        if let Some(s) = &raw.subject {
            ctx.error(
                Some(s.span()),
                Some(id),
                "`subject` belongs to a frame: add `counts`, `share_of` or `measure`",
            );
        }
        if let Some(r) = &raw.range {
            ctx.error(
                Some(r.span()),
                Some(id),
                "`range` belongs to a frame: add `counts`, `share_of` or `measure`",
            );
        }
        return None;
    }
    if kind != RuleKind::Quantity {
        ctx.error(
            Some(raw.id.span()),
            Some(id),
            "frames read numbers: a date, roster or membership rule uses `patterns`",
        );
    }
    if !raw.patterns.is_empty() {
        ctx.error(
            Some(raw.patterns[0].span()),
            Some(id),
            "a rule has a frame (`counts`, `share_of`, `measure`) or `patterns`, not both: write two rules",
        );
    }
    let measure = match raw.measure.as_ref().map(|m| m.get_ref().as_str()) {
        Some("count") => Measure::Count,
        Some("share") => Measure::Share,
        Some("money") => Measure::Money,
        Some(other) => {
            let msg = format!("unknown measure {other:?} (known: count, share, money)");
            ctx.error(raw.measure.as_ref().map(|m| m.span()), Some(id), msg);
            Measure::Count
        }
        None if raw.share_of.is_some() => Measure::Share,
        None => Measure::Count,
    };
    let subject = raw.subject.as_ref().and_then(|s| {
        let kind = s.get_ref().clone();
        if !gazetteer.has_kind(&kind) {
            let known = gazetteer.kinds().join(", ");
            ctx.error(
                Some(s.span()),
                Some(id),
                format!("no entity of kind `{kind}` in the gazetteer (known: {known})"),
            );
            return None;
        }
        // A person stands for the country they lead ("Rutte comes home
        // with €1.9bn"): people are looked for too, and mapped by role.
        let searched = if kind.split(',').any(|k| k.trim() == "country")
            && !kind.split(',').any(|k| k.trim() == "person")
            && gazetteer.has_kind("person")
        {
            format!("{kind},person")
        } else {
            kind.clone()
        };
        finder(finders, gazetteer, &searched).map(|re| (kind, re))
    });
    let range = raw.range.as_ref().and_then(|r| match r.get_ref().as_slice() {
        [lo, hi] if lo <= hi => Some((*lo, *hi)),
        _ => {
            ctx.error(
                Some(r.span()),
                Some(id),
                "`range` is two numbers, the lowest and the highest value the claim can take: range = [1, 650]",
            );
            None
        }
    });
    Some(FrameSpec {
        measure,
        counts: word_list(ctx, id, lists, &raw.counts),
        share_of: word_list(ctx, id, lists, &raw.share_of),
        implied_by: word_list(ctx, id, lists, &raw.implied_by),
        about: word_list(ctx, id, lists, &raw.about),
        qualified_by: word_list(ctx, id, lists, &raw.qualified_by),
        not_qualified_by: word_list(ctx, id, lists, &raw.not_qualified_by),
        subject,
        parts: raw.parts,
        sums: raw.sums,
        vague: raw.vague,
        measures_change: raw.measures_change,
        range,
    })
}

fn compile_rule(
    ctx: &mut FileCtx,
    gazetteer: &Gazetteer,
    lists: &BTreeMap<String, Vec<String>>,
    finders: &mut BTreeMap<String, Option<Regex>>,
    raw: &RawRule,
) -> Option<Rule> {
    let id = raw.id.get_ref().as_str();
    let errors_before = ctx.errors.len();
    if id.is_empty() || id.contains(char::is_whitespace) {
        ctx.error(
            Some(raw.id.span()),
            Some(id),
            "rule id must be non-empty and without spaces",
        );
    }
    let kind = match raw.kind.as_ref().map(|k| k.get_ref().as_str()) {
        None | Some("quantity") => RuleKind::Quantity,
        Some("date") => RuleKind::Date,
        Some("roster") => RuleKind::Roster,
        Some("membership") => RuleKind::Membership,
        Some(other) => {
            let msg = format!("unknown kind {other:?} (known: quantity, date, roster, membership)");
            ctx.error(raw.kind.as_ref().map(|k| k.span()), Some(id), msg);
            RuleKind::Quantity
        }
    };
    let frame = compile_frame(ctx, gazetteer, lists, finders, raw, kind);
    let happened = date_frame_patterns(ctx, id, lists, raw, kind);
    if raw.patterns.is_empty() && frame.is_none() && happened.is_none() {
        ctx.error(
            Some(raw.id.span()),
            Some(id),
            "the rule has no frame (`counts`, `share_of`, `measure`, `happened`) and no `patterns`",
        );
    }
    let raw_patterns: Vec<Spanned<String>> = raw
        .patterns
        .iter()
        .cloned()
        .chain(happened.as_ref().map(|(p, _)| p.clone()))
        .collect();
    if let Some(t) = &raw.tolerance {
        if !(*t.get_ref() > 0.0 && *t.get_ref() <= 1.0) {
            ctx.error(
                Some(t.span()),
                Some(id),
                "tolerance is a fraction of the number, above 0 and at most 1 (0.1 = 10%)",
            );
        }
    }
    let mut patterns = Vec::new();
    for p in &raw_patterns {
        // Check the author's own regex first, placeholders stubbed out, so a
        // syntax error is shown against what they wrote, not the expansion.
        let own_groups = match group_names(&stub_placeholders(p.get_ref())) {
            Ok(names) => names,
            Err(e) => {
                ctx.error(Some(p.span()), Some(id), format!("invalid regex in pattern: {e}"));
                continue;
            }
        };
        match expand(p.get_ref(), gazetteer, !raw.case_sensitive) {
            Ok((_, value, _)) if kind.accepts(&value).is_err() => {
                let msg = kind.accepts(&value).err().unwrap_or_default();
                ctx.error(Some(p.span()), Some(id), msg)
            }
            Ok((src, value, entities)) => {
                // Placeholders stand for text no literal is known of.
                let literals = prefilter::required_literals(&stub_placeholders_with(p.get_ref(), r"\w"));
                // Each entity slot's own finder, to pick the entity nearest
                // the value (see extract::resolve_key); one per kind.
                // The groups a key may name: the author's own `(?P<name>…)`
                // (from the checked regex), the placeholders' entity groups,
                // and the fixed groups of `{year}`, `{count}` and the value.
                let groups: Vec<String> = own_groups
                    .into_iter()
                    .chain(entities.iter().map(|(group, _)| group.clone()))
                    .chain(
                        ["value", "year", "count"]
                            .into_iter()
                            .filter(|g| src.contains(&format!("(?P<{g}>")))
                            .map(str::to_string),
                    )
                    .collect();
                let entities = entities
                    .into_iter()
                    .map(|(group, kind)| {
                        let finder = finder(finders, gazetteer, &kind);
                        EntitySlot { group, kind, finder }
                    })
                    .collect();
                patterns.push(Pattern {
                    groups,
                    src,
                    compiled: std::sync::OnceLock::new(),
                    value,
                    entities,
                    literals,
                })
            }
            Err(message) => ctx.error(Some(p.span()), Some(id), message),
        }
    }
    // A date frame's pattern needs one of its words: the prefilter's literals.
    let happened = happened.and_then(|(_, words)| {
        let literals = prefilter::required_literals(&format!(r"\b(?:{words})\b"));
        if let Some(p) = patterns.last_mut() {
            p.literals = literals;
        }
        build_regex(&format!(r"(?i)\b(?:{words})\b")).ok()
    });
    let key = parse_key(raw.key.get_ref())
        .map_err(|m| ctx.error(Some(raw.key.span()), Some(id), m))
        .ok();
    if let (Some(key), Some(frame)) = (&key, &frame) {
        for part in &key.parts {
            if let KeyPart::Var { name, default } = part {
                if !FRAME_VARS.contains(&name.as_str()) {
                    let msg = format!("a frame's key knows {{event}}, {{subject}} and {{period}}, not {{{name}}}");
                    ctx.error(Some(raw.key.span()), Some(id), msg);
                } else if name == "subject" && frame.subject.is_none() && default.is_none() {
                    let msg =
                        "key uses {subject}: say whose figure it is with `subject = \"country\"` (an entity kind)";
                    ctx.error(Some(raw.key.span()), Some(id), msg);
                }
            }
        }
    }
    if let Some(key) = &key {
        for (pattern, raw_p) in patterns.iter().zip(&raw_patterns) {
            for part in &key.parts {
                if let KeyPart::Var { name, default: None } = part {
                    if name != EVENT_VAR && !pattern.groups.iter().any(|g| g == name) {
                        let msg = format!(
                            "key uses {{{name}}} but this pattern has no {{{name}}} placeholder or (?P<{name}>…) group; \
                             add one, or give a default: {{{name}|…}}"
                        );
                        ctx.error(Some(raw_p.span()), Some(id), msg);
                    }
                }
            }
        }
    }
    if kind == RuleKind::Membership && raw.present.is_none() {
        ctx.error(
            Some(raw.id.span()),
            Some(id),
            "a `membership` rule says `present = true` or `present = false`",
        );
    }
    if kind != RuleKind::Membership && raw.present.is_some() {
        ctx.error(
            Some(raw.id.span()),
            Some(id),
            "`present` belongs to rules of kind = \"membership\"",
        );
    }
    let skip_if = raw
        .skip_if
        .as_ref()
        .and_then(|c| match build_regex(&format!("(?i){}", c.get_ref())) {
            Ok(re) => Some(re),
            Err(e) => {
                ctx.error(
                    Some(c.span()),
                    Some(id),
                    format!("invalid skip_if regex: {}", one_line(&e)),
                );
                None
            }
        });
    // A date frame's `about` words: its own sentence must speak of one.
    let about_context = match (&raw.happened, &raw.about, &raw.context) {
        (Some(_), Some(about), None) => Some(words_alternation(ctx, id, lists, about))
            .filter(|w| !w.is_empty())
            .map(|w| Spanned::new(about.span(), format!(r"\b(?:{w})\b"))),
        _ => None,
    };
    let context_sentences = if about_context.is_some() {
        Some(0)
    } else {
        raw.context_sentences
    };
    let context = raw.context.as_ref().or(about_context.as_ref()).and_then(|c| {
        let src = if raw.case_sensitive {
            c.get_ref().clone()
        } else {
            format!("(?i){}", c.get_ref())
        };
        match build_regex(&src) {
            Ok(regex) => Some(Context {
                regex,
                before: context_sentences.unwrap_or(DEFAULT_CONTEXT_SENTENCES),
            }),
            Err(e) => {
                ctx.error(
                    Some(c.span()),
                    Some(id),
                    format!("invalid context regex: {}", one_line(&e)),
                );
                None
            }
        }
    });
    let read = ReadOptions {
        tolerance: raw.tolerance.as_ref().map(|t| *t.get_ref()),
        round_numbers: raw.round_numbers,
    };
    let examples: Vec<Example> = raw
        .example
        .iter()
        .filter_map(|e| compile_example(ctx, id, kind, e))
        .collect();
    if raw.example.is_empty() {
        ctx.error(
            Some(raw.id.span()),
            Some(id),
            "the rule has no [[rule.example]]: examples are its tests",
        );
    }
    if ctx.errors.len() != errors_before {
        return None;
    }
    Some(Rule {
        id: id.into(),
        describe: raw.describe.clone(),
        file: ctx.path.to_path_buf(),
        line: ctx.line(raw.id.span()),
        patterns,
        key: key?,
        unit: raw.unit.as_str().into(),
        read,
        modality: raw.modality,
        kind,
        present: raw.present.unwrap_or(true),
        skip_if,
        change: match (raw.changes_over_time, raw.grows_only) {
            (_, true) => Change::Grows,
            (true, false) => Change::OverTime,
            (false, false) => Change::Fixed,
        },
        context,
        frame,
        happened,
        own_events: None,
        topic: None,
        examples,
    })
}

/// The named groups of a regex, read from its syntax tree: the pattern is
/// checked as the regex crate would check it, without compiling it (a
/// counted repetition of a Unicode class such as `[\w ]{3,40}` takes tens
/// of milliseconds to compile, and the check runs at every start).
fn group_names(src: &str) -> Result<Vec<String>, String> {
    use regex_syntax::hir::{Hir, HirKind};
    fn walk(h: &Hir, out: &mut Vec<String>) {
        match h.kind() {
            HirKind::Capture(c) => {
                if let Some(name) = &c.name {
                    out.push(name.to_string());
                }
                walk(&c.sub, out);
            }
            HirKind::Repetition(r) => walk(&r.sub, out),
            HirKind::Concat(hs) | HirKind::Alternation(hs) => hs.iter().for_each(|h| walk(h, out)),
            HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {}
        }
    }
    let hir = regex_syntax::ParserBuilder::new()
        .nest_limit(250)
        .build()
        .parse(&crate::rules::ascii_word_boundaries(src))
        .map_err(|e| one_line_str(&e.to_string()))?;
    let mut out = Vec::new();
    walk(&hir, &mut out);
    Ok(out)
}

fn one_line(e: &regex::Error) -> String {
    one_line_str(&e.to_string())
}

fn one_line_str(e: &str) -> String {
    e.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn compile_example(ctx: &mut FileCtx, rule: &str, kind: RuleKind, raw: &RawExample) -> Option<Example> {
    let line = ctx.line(raw.text.span());
    let expect = match (&raw.value, raw.none) {
        (Some(_), true) | (None, false) => {
            ctx.error(
                Some(raw.text.span()),
                Some(rule),
                "an example gives either `value = \"…\"` or `none = true`",
            );
            return None;
        }
        (None, true) => Expect::Nothing,
        (Some(v), false) => {
            let interval_part = v
                .get_ref()
                .rsplit_once([']', ')'])
                .map(|(a, _)| &v.get_ref()[..a.len() + 1]);
            let is_date = v.get_ref().split("..").all(|d| Date::parse(d).is_some());
            if kind == RuleKind::Date && !is_date {
                let msg = format!(
                    "example value {:?} is not a date such as \"2025-03-11\" or \"2025-03-03..2025-03-09\"",
                    v.get_ref()
                );
                ctx.error(Some(v.span()), Some(rule), msg);
                return None;
            }
            if kind == RuleKind::Quantity && interval_part.and_then(Interval::parse).is_none() {
                let msg = format!(
                    "example value {:?} is not an interval such as \"[34, 34]\" or \"(30, inf)\"",
                    v.get_ref()
                );
                ctx.error(Some(v.span()), Some(rule), msg);
                return None;
            }
            Expect::Claim {
                value: v.get_ref().trim().to_string(),
                key: raw.key.clone(),
                modality: raw.modality,
            }
        }
    };
    let published = match &raw.published {
        None => None,
        Some(p) => match Date::parse(p.get_ref()) {
            Some(d) => Some(d),
            None => {
                ctx.error(
                    Some(p.span()),
                    Some(rule),
                    format!("published {:?} is not YYYY-MM-DD", p.get_ref()),
                );
                return None;
            }
        },
    };
    Some(Example {
        text: raw.text.get_ref().clone(),
        line,
        published,
        expect,
    })
}

/// Parse `{country}/defence-spending/{year|undated}`.
fn parse_key(src: &str) -> Result<KeyTemplate, String> {
    let mut parts = Vec::new();
    let mut rest = src;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            parts.push(KeyPart::Literal(rest[..open].to_string()));
        }
        let close = rest[open..]
            .find('}')
            .ok_or_else(|| format!("key {src:?}: `{{` without `}}`"))?
            + open;
        let inner = &rest[open + 1..close];
        let (name, default) = match inner.split_once('|') {
            Some((n, d)) => (n, Some(d.to_string())),
            None => (inner, None),
        };
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!("key {src:?}: {{{inner}}} is not a variable name"));
        }
        parts.push(KeyPart::Var {
            name: name.to_string(),
            default,
        });
        rest = &rest[close + 1..];
    }
    if rest.contains('}') {
        return Err(format!("key {src:?}: `}}` without `{{`"));
    }
    if !rest.is_empty() {
        parts.push(KeyPart::Literal(rest.to_string()));
    }
    if parts.is_empty() {
        return Err("key is empty".into());
    }
    Ok(KeyTemplate {
        source: src.to_string(),
        parts,
    })
}

/// The pattern with every `{name}` placeholder replaced by `(?:_)`.
fn stub_placeholders(pattern: &str) -> String {
    stub_placeholders_with(pattern, "(?:_)")
}

/// The pattern with every `{name}` placeholder replaced by `stub`.
fn stub_placeholders_with(pattern: &str, stub: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(i) = rest.find('{') {
        let escaped = rest[..i].ends_with('\\') && !rest[..i].ends_with("\\\\");
        let is_name = rest[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic());
        match rest[i..].find('}') {
            Some(close) if is_name && !escaped => {
                out.push_str(&rest[..i]);
                out.push_str(stub);
                rest = &rest[i + close + 1..];
            }
            _ => {
                out.push_str(&rest[..=i]);
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

const PLACEHOLDERS: &str =
    "{quantity}, {percent}, {money}, {date}, {member:KINDS}, {members:KINDS}, {entity:KIND}, {year}, {count}";

/// A pattern with its placeholders expanded: regex source, the value
/// placeholder, and the entity groups (group name, entity kind).
type Expanded = (String, ValueSlot, Vec<(String, String)>);

/// Expand placeholders in a rule pattern into regex syntax.
fn expand(pattern: &str, gazetteer: &Gazetteer, case_insensitive: bool) -> Result<Expanded, String> {
    let mut out = String::with_capacity(pattern.len() * 4);
    if case_insensitive {
        out.push_str("(?i)");
    }
    let mut value = None;
    let mut entities: Vec<(String, String)> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut chars = pattern.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            out.push(c);
            if let Some((_, n)) = chars.next() {
                out.push(n);
            }
            continue;
        }
        let starts_name = c == '{' && pattern[i + 1..].starts_with(|n: char| n.is_ascii_alphabetic());
        if c != '{' || !starts_name {
            out.push(c);
            continue;
        }
        let close = pattern[i..]
            .find('}')
            .ok_or_else(|| format!("placeholder at column {} is not closed with `}}`", i + 1))?;
        let inner = &pattern[i + 1..i + close];
        for _ in 0..inner.chars().count() + 1 {
            chars.next();
        }
        let (name, arg) = match inner.split_once(':') {
            Some((n, a)) => (n, Some(a)),
            None => (inner, None),
        };
        if !seen.insert(inner.to_string()) {
            return Err(format!("placeholder {{{inner}}} is used twice in one pattern"));
        }
        let mut set_value = |slot: ValueSlot| {
            if value.replace(slot.clone()).is_some() {
                return Err(
                    "a pattern holds one value placeholder ({quantity}, {percent}, {money} or {date})".to_string(),
                );
            }
            Ok(match slot {
                ValueSlot::Number(p) => format!("(?P<value>{})", quantity::pattern(p)),
                ValueSlot::Date => format!("(?P<value>{})", quantity::ascii_fragment(&when::pattern())),
                ValueSlot::Members { kinds, list: false } => {
                    format!("(?P<value>{})", gazetteer.pattern(&kinds.join(",")))
                }
                ValueSlot::Members { list: true, .. } => format!("(?P<value>{})", list::pattern()),
            })
        };
        let piece = match (name, arg) {
            ("quantity", None) => set_value(ValueSlot::Number(Placeholder::Quantity))?,
            ("percent", None) => set_value(ValueSlot::Number(Placeholder::Percent))?,
            ("money", None) => set_value(ValueSlot::Number(Placeholder::Money))?,
            ("date", None) => set_value(ValueSlot::Date)?,
            ("year", None) => r"(?P<year>\b(?:1[89]|20)\d{2}\b)".to_string(),
            ("count", None) => format!(
                r"(?P<count>\b(?:\d{{1,3}}|{})\b)",
                quantity::number_words()
                    .iter()
                    .filter(|w| w.len() > 2)
                    .copied()
                    .collect::<Vec<_>>()
                    .join("|")
            ),
            ("member" | "members", Some(kinds)) => {
                if !gazetteer.has_kind(kinds) {
                    let known = gazetteer.kinds().join(", ");
                    return Err(format!(
                        "{{{inner}}}: the gazetteer lacks a kind of `{kinds}` (kinds: {known})"
                    ));
                }
                let kinds = kinds.split(',').map(|k| k.trim().to_string()).collect();
                set_value(ValueSlot::Members {
                    kinds,
                    list: name == "members",
                })?
            }
            ("entity", Some(kind)) => {
                if !gazetteer.has_kind(kind) {
                    let known = gazetteer.kinds().join(", ");
                    return Err(format!(
                        "{{entity:{kind}}}: the gazetteer has no entity of kind `{kind}` (kinds: {known})"
                    ));
                }
                let group = kind.replace(|c: char| !c.is_ascii_alphanumeric(), "_");
                entities.push((group.clone(), kind.to_string()));
                format!("(?P<{group}>{})", gazetteer.pattern(kind))
            }
            _ => return Err(format!("unknown placeholder {{{inner}}} (known: {PLACEHOLDERS})")),
        };
        out.push_str(&piece);
    }
    let value = value.ok_or_else(|| format!("the pattern has no value placeholder (one of {PLACEHOLDERS})"))?;
    Ok((out, value, entities))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_names_are_read_without_compiling() {
        assert_eq!(
            group_names(r"(?P<stance>oppose|back)s? (?P<topic>[\w ]{3,40}?)(?:x|(?P<y>y))").unwrap(),
            ["stance", "topic", "y"]
        );
        assert!(group_names(r"(?P<a>x").unwrap_err().contains("unclosed group"));
        assert!(group_names(r"(?P<a>x)(?P<a>y)")
            .unwrap_err()
            .contains("duplicate capture group name"));
    }

    #[test]
    fn keys_parse_with_defaults() {
        let k = parse_key("{country}/defence-spending/{year|undated}").unwrap();
        assert_eq!(
            k.parts,
            vec![
                KeyPart::Var {
                    name: "country".into(),
                    default: None
                },
                KeyPart::Literal("/defence-spending/".into()),
                KeyPart::Var {
                    name: "year".into(),
                    default: Some("undated".into())
                },
            ]
        );
        assert!(parse_key("{event/x").is_err());
        assert!(parse_key("a}b").is_err());
        assert!(parse_key("{a b}").is_err());
    }

    #[test]
    fn placeholders_expand_and_regex_repetition_survives() {
        let (src, value, _) = expand(r"{quantity} \d{2} chiefs \{literal\}", &Gazetteer::default(), true).unwrap();
        assert_eq!(value, ValueSlot::Number(Placeholder::Quantity));
        assert!(src.contains(r"\d{2}") && src.contains(r"\{literal\}") && src.starts_with("(?i)(?P<value>"));
        assert!(expand("{nope} x", &Gazetteer::default(), true)
            .unwrap_err()
            .contains("unknown placeholder"));
        assert!(expand("{entity:planet} {quantity}", &Gazetteer::default(), true)
            .unwrap_err()
            .contains("planet"));
        assert!(expand("no value here", &Gazetteer::default(), true)
            .unwrap_err()
            .contains("no value"));
        assert!(expand("{quantity} {percent}", &Gazetteer::default(), true)
            .unwrap_err()
            .contains("one value"));
    }

    #[test]
    fn stubs_keep_the_authors_regex() {
        assert_eq!(
            stub_placeholders(r"{quantity} \d{2} (chiefs|{entity:country}) \{x}"),
            r"(?:_) \d{2} (chiefs|(?:_)) \{x}"
        );
    }

    #[test]
    fn rule_id_is_found_for_parse_errors() {
        let text = "[[rule]]\nid = \"a.b\"\ndescribe = \"x\"\nbogus = 1\n";
        assert_eq!(rule_id_near(text, text.find("bogus").unwrap()).as_deref(), Some("a.b"));
        assert_eq!(line_col(text, text.find("bogus").unwrap()), (4, 1));
    }
}
