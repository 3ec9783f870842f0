//! The label format of `crosscheck eval` (docs/eval.md): labelled claims,
//! explicit relations, traps and floors, read from TOML with every error
//! naming the file and line.

use crate::date::Date;
use crate::event::when::DateSpan;
use crate::quantity::Interval;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// A label file or folder that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct LabelError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

/// Every label error found, reported at once.
#[derive(Debug, thiserror::Error)]
pub struct LabelErrors(pub Vec<LabelError>);

impl fmt::Display for LabelErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

/// What kind of claim a label is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Count,
    Share,
    Money,
    Date,
    Roster,
    Membership,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Count,
        Kind::Share,
        Kind::Money,
        Kind::Date,
        Kind::Roster,
        Kind::Membership,
    ];
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Count => "count",
            Kind::Share => "share",
            Kind::Money => "money",
            Kind::Date => "date",
            Kind::Roster => "roster",
            Kind::Membership => "membership",
        })
    }
}

/// What the text does with the value, as the labeller reads it. Finer than
/// the engine's modality: projections and proposals are their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LabelModality {
    Fact,
    Target,
    Estimate,
    Projection,
    Proposal,
    Opinion,
}

impl LabelModality {
    /// Figures someone puts forward rather than reports: two of them that
    /// differ are divergent, not a conflict.
    pub fn is_speculative(self) -> bool {
        !matches!(self, LabelModality::Fact)
    }
}

impl fmt::Display for LabelModality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LabelModality::Fact => "fact",
            LabelModality::Target => "target",
            LabelModality::Estimate => "estimate",
            LabelModality::Projection => "projection",
            LabelModality::Proposal => "proposal",
            LabelModality::Opinion => "opinion",
        })
    }
}

/// The relations an editor is told about a pair of sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Agree,
    Compatible,
    Conflict,
    Partial,
    Update,
    Divergent,
    Variant,
}

impl Verdict {
    pub const ALL: [Verdict; 7] = [
        Verdict::Agree,
        Verdict::Compatible,
        Verdict::Conflict,
        Verdict::Partial,
        Verdict::Update,
        Verdict::Divergent,
        Verdict::Variant,
    ];
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Agree => "agree",
            Verdict::Compatible => "compatible",
            Verdict::Conflict => "conflict",
            Verdict::Partial => "partial",
            Verdict::Update => "update",
            Verdict::Divergent => "divergent",
            Verdict::Variant => "variant",
        })
    }
}

/// The unit a numeric label carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelUnit {
    /// A count, whatever it counts.
    Count,
    Percent,
    /// An ISO 4217 code.
    Money(String),
}

/// A labelled value.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    /// A count, share or amount. `approx` holds the figure of "~30".
    Number {
        interval: Interval,
        approx: Option<f64>,
        unit: LabelUnit,
    },
    Date(DateSpan),
    /// Roster members as written in the label.
    Roster(Vec<String>),
    Membership {
        entity: String,
        present: bool,
    },
}

/// One labelled claim.
#[derive(Debug, Clone)]
pub struct LabelClaim {
    pub id: String,
    pub doc: String,
    pub quote: String,
    pub nth: usize,
    pub kind: Kind,
    pub value: Expected,
    /// The value as the labeller wrote it.
    pub value_text: String,
    pub subject: String,
    pub modality: LabelModality,
    pub by: Option<String>,
    pub period: Option<String>,
    pub as_of: Option<Date>,
    /// Where the claim's table is: for messages.
    pub file: PathBuf,
    pub line: usize,
}

/// An explicit relation, or a trap, between two labelled claims.
#[derive(Debug, Clone)]
pub struct LabelPair {
    pub a: String,
    pub b: String,
    pub relation: Option<Verdict>,
    pub why: String,
    pub file: PathBuf,
    pub line: usize,
}

/// The floors `crosscheck eval` enforces.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Floors {
    pub claim_recall: Option<f64>,
    pub claim_precision: Option<f64>,
    pub relation_recall: Option<f64>,
    pub conflict_recall: Option<f64>,
    pub conflict_precision: Option<f64>,
    /// At most this many traps flagged.
    pub traps_flagged: Option<usize>,
    /// At most this many conflicts nobody labelled.
    pub unlabelled_conflicts: Option<usize>,
}

impl Floors {
    /// `self`, with every floor `over` sets replacing it.
    pub fn overridden_by(&self, over: &Floors) -> Floors {
        Floors {
            claim_recall: over.claim_recall.or(self.claim_recall),
            claim_precision: over.claim_precision.or(self.claim_precision),
            relation_recall: over.relation_recall.or(self.relation_recall),
            conflict_recall: over.conflict_recall.or(self.conflict_recall),
            conflict_precision: over.conflict_precision.or(self.conflict_precision),
            traps_flagged: over.traps_flagged.or(self.traps_flagged),
            unlabelled_conflicts: over.unlabelled_conflicts.or(self.unlabelled_conflicts),
        }
    }
}

/// Every label file, merged.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    pub claims: Vec<LabelClaim>,
    pub relations: Vec<LabelPair>,
    pub traps: Vec<LabelPair>,
    pub floors: Floors,
    pub files: Vec<PathBuf>,
}

impl Labels {
    pub fn claim(&self, id: &str) -> Option<&LabelClaim> {
        self.claims.iter().find(|c| c.id == id)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[allow(dead_code)]
    story: Option<String>,
    #[serde(default)]
    claim: Vec<Spanned<RawClaim>>,
    #[serde(default)]
    relation: Vec<Spanned<RawPair>>,
    #[serde(default)]
    trap: Vec<Spanned<RawPair>>,
    floors: Option<Floors>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: String,
    doc: String,
    quote: String,
    nth: Option<usize>,
    kind: Kind,
    value: String,
    subject: String,
    modality: LabelModality,
    by: Option<String>,
    period: Option<String>,
    as_of: Option<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPair {
    a: String,
    b: String,
    relation: Option<Verdict>,
    why: Option<String>,
}

/// Read a label file, or every `*.toml` under a folder (in path order).
pub fn load(path: &Path) -> Result<Labels, LabelErrors> {
    let fail = |message: String| {
        LabelErrors(vec![LabelError {
            path: path.into(),
            line: None,
            message,
        }])
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    let mut files = Vec::new();
    if meta.is_dir() {
        collect_toml(path, &mut files).map_err(|e| fail(format!("cannot read: {e}")))?;
        files.sort();
        if files.is_empty() {
            return Err(fail("no label files (*.toml) in this folder".into()));
        }
    } else {
        files.push(path.to_path_buf());
    }
    let mut labels = Labels::default();
    let mut errors = Vec::new();
    for file in &files {
        match std::fs::read_to_string(file) {
            Ok(text) => parse_file(file, &text, &mut labels, &mut errors),
            Err(e) => errors.push(LabelError {
                path: file.clone(),
                line: None,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    check_references(&labels, &mut errors);
    labels.files = files;
    if errors.is_empty() {
        Ok(labels)
    } else {
        Err(LabelErrors(errors))
    }
}

fn collect_toml(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if entry.file_type()?.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

fn line_at(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn parse_file(file: &Path, text: &str, labels: &mut Labels, errors: &mut Vec<LabelError>) {
    let err = |line: Option<usize>, message: String| LabelError {
        path: file.into(),
        line,
        message,
    };
    let raw: RawFile = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let line = e.span().map(|s| line_at(text, s.start));
            errors.push(err(line, e.message().to_string()));
            return;
        }
    };
    if let Some(floors) = raw.floors {
        if labels.floors != Floors::default() {
            errors.push(err(None, "floors are set in more than one label file".into()));
        }
        labels.floors = floors;
    }
    for spanned in raw.claim {
        let line = line_at(text, spanned.span().start);
        let c = spanned.into_inner();
        let value = match parse_value(c.kind, &c.value) {
            Ok(v) => v,
            Err(m) => {
                errors.push(err(Some(line), format!("claim {}: value {:?}: {m}", c.id, c.value)));
                continue;
            }
        };
        let as_of = match c.as_of.as_deref().map(|s| Date::parse(s).ok_or(s)) {
            None => None,
            Some(Ok(d)) => Some(d),
            Some(Err(s)) => {
                errors.push(err(
                    Some(line),
                    format!("claim {}: as_of {s:?} is not a YYYY-MM-DD date", c.id),
                ));
                continue;
            }
        };
        if c.quote.trim().is_empty() {
            errors.push(err(Some(line), format!("claim {}: empty quote", c.id)));
            continue;
        }
        if labels.claims.iter().any(|o| o.id == c.id) {
            errors.push(err(Some(line), format!("claim id {} is used twice", c.id)));
            continue;
        }
        labels.claims.push(LabelClaim {
            id: c.id,
            doc: c.doc,
            quote: c.quote,
            nth: c.nth.unwrap_or(1).max(1),
            kind: c.kind,
            value,
            value_text: c.value,
            subject: c.subject,
            modality: c.modality,
            by: c.by.filter(|b| !b.trim().is_empty()),
            period: c.period,
            as_of,
            file: file.into(),
            line,
        });
    }
    for (is_trap, pairs) in [(false, raw.relation), (true, raw.trap)] {
        for spanned in pairs {
            let line = line_at(text, spanned.span().start);
            let p = spanned.into_inner();
            if is_trap && p.why.as_deref().is_none_or(|w| w.trim().is_empty()) {
                errors.push(err(Some(line), "a trap needs `why`".into()));
            }
            if !is_trap && p.relation.is_none() {
                errors.push(err(Some(line), "a relation needs `relation`".into()));
            }
            let pair = LabelPair {
                a: p.a,
                b: p.b,
                relation: p.relation,
                why: p.why.unwrap_or_default(),
                file: file.into(),
                line,
            };
            if is_trap {
                labels.traps.push(pair);
            } else {
                labels.relations.push(pair);
            }
        }
    }
}

fn check_references(labels: &Labels, errors: &mut Vec<LabelError>) {
    for p in labels.relations.iter().chain(&labels.traps) {
        for id in [&p.a, &p.b] {
            if labels.claim(id).is_none() {
                errors.push(LabelError {
                    path: p.file.clone(),
                    line: Some(p.line),
                    message: format!("no claim has the id {id:?}"),
                });
            }
        }
        if p.a == p.b {
            errors.push(LabelError {
                path: p.file.clone(),
                line: Some(p.line),
                message: format!("a pair of {:?} with itself", p.a),
            });
        }
    }
}

/// Read a label value of a kind (the table in docs/eval.md).
pub fn parse_value(kind: Kind, s: &str) -> Result<Expected, String> {
    let s = s.trim();
    match kind {
        Kind::Count | Kind::Share | Kind::Money => parse_number_value(kind, s),
        Kind::Date => parse_date_span(s)
            .map(Expected::Date)
            .ok_or_else(|| "a date is YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD".into()),
        Kind::Roster => {
            let members: Vec<String> = s
                .split(';')
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .map(str::to_string)
                .collect();
            if members.is_empty() {
                Err("a roster lists its members, separated by ';'".into())
            } else {
                Ok(Expected::Roster(members))
            }
        }
        Kind::Membership => {
            let (state, entity) = s
                .split_once(':')
                .ok_or("a membership is 'present: NAME' or 'absent: NAME'")?;
            let present = match state.trim() {
                "present" => true,
                "absent" => false,
                other => return Err(format!("{other:?} is neither present nor absent")),
            };
            let entity = entity.trim();
            if entity.is_empty() {
                return Err("a membership names its entity".into());
            }
            Ok(Expected::Membership {
                entity: entity.to_string(),
                present,
            })
        }
    }
}

fn parse_date_span(s: &str) -> Option<DateSpan> {
    match s.split_once("..") {
        Some((a, b)) => {
            let (start, end) = (Date::parse(a.trim())?, Date::parse(b.trim())?);
            (start <= end).then_some(DateSpan { start, end })
        }
        None => Date::parse(s).map(DateSpan::day),
    }
}

/// `34`, `1.27m`, `~30`, `[25k, 30k]`, `(30, inf)`, then `%` or a currency.
fn parse_number_value(kind: Kind, s: &str) -> Result<Expected, String> {
    let (body, unit_word) = match s.rsplit_once(char::is_whitespace) {
        Some((b, u)) if !u.ends_with(']') && !u.ends_with(')') && number(u).is_none() => (b.trim(), Some(u)),
        _ => (s, None),
    };
    let (body, unit_word) = match body.strip_suffix('%') {
        Some(b) if unit_word.is_none() => (b.trim(), Some("%")),
        _ => (body, unit_word),
    };
    let unit = match (kind, unit_word) {
        (Kind::Share, Some("%")) => LabelUnit::Percent,
        (Kind::Share, _) => return Err("a share ends with %".into()),
        (Kind::Money, Some(code)) if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) => {
            LabelUnit::Money(code.to_string())
        }
        (Kind::Money, _) => return Err("an amount of money ends with its ISO currency code (USD, EUR, GBP)".into()),
        (_, Some("%")) => return Err("a share is kind = \"share\"".into()),
        _ => LabelUnit::Count,
    };
    let (approx, body) = match body.strip_prefix('~') {
        Some(rest) => (true, rest.trim()),
        None => (false, body),
    };
    let interval = if body.starts_with('[') || body.starts_with('(') {
        let lo_open = body.starts_with('(');
        let hi_open = body.ends_with(')');
        if !(body.ends_with(']') || hi_open) {
            return Err("an interval ends with ] or )".into());
        }
        let inner = &body[1..body.len() - 1];
        let (lo, hi) = inner.split_once(',').ok_or("an interval is [lo, hi]")?;
        let lo = number(lo.trim()).ok_or_else(|| format!("{:?} is not a number", lo.trim()))?;
        let hi = match hi.trim() {
            "inf" => f64::INFINITY,
            h => number(h).ok_or_else(|| format!("{h:?} is not a number"))?,
        };
        if lo > hi {
            return Err("the low end is above the high end".into());
        }
        Interval::new(lo, lo_open, hi, hi_open)
    } else {
        Interval::exact(number(body).ok_or_else(|| format!("{body:?} is not a number"))?)
    };
    if approx && !interval.is_point() {
        return Err("~ goes before one number, not an interval".into());
    }
    Ok(Expected::Number {
        approx: approx.then_some(interval.lo),
        interval,
        unit,
    })
}

/// A number with an optional scale suffix: `1.27m`, `750bn`, `5k`, `-3`.
fn number(s: &str) -> Option<f64> {
    let scales: [(&str, f64); 4] = [("tn", 1e12), ("bn", 1e9), ("m", 1e6), ("k", 1e3)];
    let (digits, scale) = scales
        .iter()
        .find_map(|(suffix, scale)| s.strip_suffix(suffix).map(|d| (d, *scale)))
        .unwrap_or((s, 1.0));
    let digits = digits.replace(',', "");
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-') {
        return None;
    }
    let v: f64 = digits.parse().ok()?;
    v.is_finite().then_some(v * scale)
}

/// The design's tolerance for an approximate figure: 10% of it, widened to
/// half the place value of its last significant digit, at most 25%.
pub fn approx_interval(v: f64) -> Interval {
    let a = v.abs();
    let mut place = 1.0;
    if a >= 1.0 && a.fract() == 0.0 {
        let mut x = a;
        while x >= 10.0 && (x / 10.0).fract() == 0.0 {
            x /= 10.0;
            place *= 10.0;
        }
    } else {
        place = 0.0;
    }
    let tol = (a * 0.1).max(place / 2.0).min(a * 0.25);
    Interval::closed(v - tol, v + tol)
}

/// Counts by kind, for the summary line of a label set.
pub fn count_by_kind(labels: &Labels) -> BTreeMap<Kind, usize> {
    let mut by = BTreeMap::new();
    for c in &labels.claims {
        *by.entry(c.kind).or_insert(0) += 1;
    }
    by
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str, kind: Kind) -> (Interval, Option<f64>, LabelUnit) {
        match parse_value(kind, s).unwrap() {
            Expected::Number { interval, approx, unit } => (interval, approx, unit),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn numbers_scales_intervals_and_units() {
        assert_eq!(num("34", Kind::Count).0, Interval::exact(34.0));
        assert_eq!(num("1.27m", Kind::Count).0, Interval::exact(1_270_000.0));
        assert_eq!(num("750bn EUR", Kind::Money).2, LabelUnit::Money("EUR".into()));
        assert_eq!(num("750bn EUR", Kind::Money).0, Interval::exact(750e9));
        assert_eq!(num("3.9 %", Kind::Share).2, LabelUnit::Percent);
        assert_eq!(num("3.9%", Kind::Share).0, Interval::exact(3.9));
        assert_eq!(
            num("(30, inf)", Kind::Count).0,
            Interval::new(30.0, true, f64::INFINITY, true)
        );
        assert_eq!(num("[25k, 30k]", Kind::Count).0, Interval::closed(25_000.0, 30_000.0));
        assert_eq!(num("[0, 20)", Kind::Count).0, Interval::new(0.0, false, 20.0, true));
        assert_eq!(num("~30", Kind::Count).1, Some(30.0));
        assert_eq!(num("[2m, inf) people", Kind::Count).0.lo, 2e6);
    }

    #[test]
    fn bad_values_say_why() {
        assert!(parse_value(Kind::Share, "3.9").unwrap_err().contains('%'));
        assert!(parse_value(Kind::Money, "750bn").unwrap_err().contains("currency"));
        assert!(parse_value(Kind::Count, "[5, 3]").is_err());
        assert!(parse_value(Kind::Count, "~[1, 2]").is_err());
        assert!(parse_value(Kind::Count, "lots").is_err());
        assert!(parse_value(Kind::Date, "12 March").is_err());
        assert!(parse_value(Kind::Membership, "maybe: France").is_err());
    }

    #[test]
    fn dates_rosters_memberships() {
        assert!(matches!(
            parse_value(Kind::Date, "2023-09-10..2023-09-12"),
            Ok(Expected::Date(_))
        ));
        assert_eq!(
            parse_value(Kind::Roster, "France; Germany ;Italy").unwrap(),
            Expected::Roster(vec!["France".into(), "Germany".into(), "Italy".into()])
        );
        assert_eq!(
            parse_value(Kind::Membership, "absent: United States").unwrap(),
            Expected::Membership {
                entity: "United States".into(),
                present: false
            }
        );
    }

    #[test]
    fn approximate_figures_follow_the_design() {
        assert_eq!(approx_interval(30.0), Interval::closed(25.0, 35.0));
        assert_eq!(approx_interval(100_000.0), Interval::closed(75_000.0, 125_000.0));
        assert_eq!(approx_interval(11_300.0), Interval::closed(10_170.0, 12_430.0));
    }
}
