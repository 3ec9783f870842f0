//! The other output formats, each a writer over the same finding views:
//! JSON (schema in `docs/json.md`), a Markdown summary for a CI job page,
//! GitHub Actions annotations, SARIF 2.1.0, JUnit XML.

use super::escape_markup as xml;
use super::view::FindingView;
use serde::Serialize;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Counts a report header shows.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    pub documents: usize,
    pub skipped: usize,
    pub claims: usize,
    pub unbound: usize,
    pub findings: usize,
    /// Without a decision.
    pub new: usize,
    /// With a decision on the current evidence.
    pub reviewed: usize,
    /// With a decision on evidence that has since changed.
    pub stale: usize,
    /// Open findings the failure policy counts.
    pub failing: usize,
    /// The failure policy (`conflict`, `partial`, `any`, `never`).
    pub fail_on: String,
}

/// The JSON report, version 1.
#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    tool: &'static str,
    totals: &'a Totals,
    findings: &'a [FindingView],
}

pub fn write_json(out: &mut dyn Write, totals: &Totals, findings: &[FindingView]) -> io::Result<()> {
    let report = JsonReport {
        version: 1,
        tool: "crosscheck",
        totals,
        findings,
    };
    serde_json::to_writer_pretty(&mut *out, &report).map_err(io::Error::other)?;
    writeln!(out)
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// A Markdown summary for a CI job page: counts, then the failing findings
/// with both quotes, then the other open ones by key.
pub fn write_markdown(out: &mut dyn Write, totals: &Totals, findings: &[FindingView]) -> io::Result<()> {
    let verdict = if totals.failing == 0 { "passed" } else { "failed" };
    writeln!(out, "# crosscheck: {verdict}\n")?;
    writeln!(
        out,
        "{} documents ({} skipped), {} claims ({} unbound), {} findings: {} new, {} reviewed, {} need re-review; {} failing (`--fail-on {}`).\n",
        totals.documents,
        totals.skipped,
        totals.claims,
        totals.unbound,
        totals.findings,
        totals.new,
        totals.reviewed,
        totals.stale,
        totals.failing,
        totals.fail_on
    )?;
    let failing: Vec<&FindingView> = findings.iter().filter(|f| f.failing).collect();
    if !failing.is_empty() {
        writeln!(out, "## Failing\n")?;
        for f in failing {
            writeln!(out, "### {} `{}` ({})\n", f.relation, f.key, f.status)?;
            writeln!(out, "{}\n", f.explanation)?;
            for side in std::iter::once(&f.a).chain(f.b.as_ref()) {
                let l = &side.location;
                writeln!(
                    out,
                    "- **{}** ({}) — {}:{}:{}: > {}",
                    side.value,
                    super::view::outlet_list(&side.outlets),
                    l.doc,
                    l.line,
                    l.col,
                    side.quote
                )?;
            }
            writeln!(out, "\n`id {}`\n", f.id)?;
        }
    }
    let others: Vec<&FindingView> = findings
        .iter()
        .filter(|f| !f.failing && f.relation != "agree")
        .collect();
    if !others.is_empty() {
        writeln!(out, "## Other findings\n")?;
        writeln!(out, "| relation | status | key | a | b |")?;
        writeln!(out, "| --- | --- | --- | --- | --- |")?;
        for f in others {
            let b = f.b.as_ref().map(|b| md_cell(&b.value)).unwrap_or_default();
            writeln!(
                out,
                "| {} | {} | `{}` | {} | {} |",
                f.relation,
                f.status,
                md_cell(&f.key),
                md_cell(&f.a.value),
                b
            )?;
        }
    }
    Ok(())
}

/// GitHub's escaping for workflow command data and properties (`%`, CR
/// and LF; properties also `:` and `,`), after every other control
/// character is neutralised for the log (an escape sequence shown as
/// `\u{1b}`): no text can end the annotation line or colour the log.
fn gh_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push_str(&super::terminal_safe(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One `::error`/`::warning`/`::notice` line per open finding, at side a's
/// location, for GitHub Actions to show on the pull request.
/// How many annotations of one level GitHub shows per step.
const GITHUB_SHOWN: usize = 10;

pub fn github_annotations(findings: &[FindingView]) -> String {
    let mut out = String::new();
    // GitHub shows at most ten annotations of each level per step: failing
    // findings first, so that the ten shown are the ones that matter.
    let mut open: Vec<&FindingView> = findings
        .iter()
        .filter(|f| (f.status == "new" || f.status == "needs-re-review") && f.relation != "agree")
        .collect();
    open.sort_by_key(|f| !f.failing);
    let errors = open.iter().filter(|f| f.failing).count();
    if errors > GITHUB_SHOWN {
        let _ = writeln!(
            out,
            "::notice title=crosscheck::{}",
            gh_data(&format!(
                "{errors} failing findings; GitHub shows {GITHUB_SHOWN} annotations per step: \
                 the job summary (summary.md) and findings.html list every one"
            ))
        );
    }
    for f in open {
        let level = if f.failing {
            "error"
        } else if f.relation == "compatible" {
            "notice"
        } else {
            "warning"
        };
        let l = &f.a.location;
        let title = gh_property(&format!("crosscheck {} {}", f.relation, f.key));
        let other = f.b.as_ref().map(|b| {
            format!(
                " (other side: {}:{}:{})",
                b.location.doc, b.location.line, b.location.col
            )
        });
        let message = gh_data(&format!("{}{} [id {}]", f.explanation, other.unwrap_or_default(), f.id));
        let _ = writeln!(
            out,
            "::{level} file={},line={},col={},title={title}::{message}",
            gh_property(&l.path),
            l.line,
            l.col
        );
    }
    out
}

/// SARIF 2.1.0: one result per finding (agreements left out), with
/// partial fingerprints so code-scanning tools track a finding across runs.
/// A discrepancy is a `fail` result (level `error` when it fails the run,
/// else `warning` or `note`); compatible values are a `pass` (level
/// `none`, as the spec requires for any other kind). An editor's decision
/// is a suppression, with the reason and note as its justification. Every
/// rule a result names is described (GitHub code scanning requires a full
/// description and help).
pub fn write_sarif(out: &mut dyn Write, findings: &[FindingView], rules: &[(String, String)]) -> io::Result<()> {
    use serde_json::json;
    let location = |side: &super::view::SideView| {
        let l = &side.location;
        json!({ "physicalLocation": {
            "artifactLocation": { "uri": artifact_uri(&l.path) },
            "region": { "startLine": l.line, "startColumn": l.col, "snippet": { "text": side.quote } }
        }})
    };
    let results: Vec<serde_json::Value> = findings
        .iter()
        .filter(|f| f.relation != "agree")
        .map(|f| {
            let (kind, level) = match (f.relation.as_str(), f.failing) {
                ("compatible", _) => ("pass", "none"),
                (_, true) => ("fail", "error"),
                ("conflict" | "partial", false) => ("fail", "warning"),
                (_, false) => ("fail", "note"),
            };
            let mut result = json!({
                "ruleId": f.rule,
                "kind": kind,
                "level": level,
                "message": { "text": f.explanation },
                "locations": [location(&f.a)],
                "relatedLocations": f.b.as_ref().map(|b| vec![location(b)]).unwrap_or_default(),
                "partialFingerprints": {
                    "crosscheckFindingId/v1": f.id,
                    "crosscheckEvidence/v1": f.evidence
                },
                "properties": { "relation": f.relation, "status": f.status, "key": f.key }
            });
            // A current decision suppresses the result; one that needs
            // re-review does not (the evidence changed since).
            if let (Some(d), false) = (&f.decision, f.status == "needs-re-review") {
                let justification = [d.decision.as_str(), d.reason.as_str(), d.note.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(": ");
                result["suppressions"] = json!([{
                    "kind": "external",
                    "status": "accepted",
                    "justification": justification
                }]);
            }
            result
        })
        .collect();
    // Rules of the pack, and any a result names that the pack does not
    // (attendance and spelling findings have rules of their own).
    let mut described: Vec<(String, String)> = rules.to_vec();
    for f in findings {
        if !described.iter().any(|(id, _)| *id == f.rule) {
            let describe = match f.rule.as_str() {
                "entity.spelling" => "A name spelt in a way the gazetteer lists as a misspelling".to_string(),
                other => format!("Findings of the rule {other}"),
            };
            described.push((f.rule.clone(), describe));
        }
    }
    let rules: Vec<serde_json::Value> = described
        .iter()
        .map(|(id, describe)| {
            let full = format!(
                "{describe}. crosscheck extracts these claims from every article and reports where sources \
                 agree, differ only in precision, or contradict each other."
            );
            let help = "Read both quotes: a conflict is two values that cannot both be true. Record a decision \
                 (confirmed, dismissed or fixed) in the review file, or on findings.html, to stop it failing \
                 the run. `crosscheck explain ID` shows how the finding was reached.";
            json!({
                "id": id,
                "name": friendly_name(id),
                "shortDescription": { "text": describe },
                "fullDescription": { "text": full },
                "help": { "text": help, "markdown": help },
                "defaultConfiguration": { "level": "warning" }
            })
        })
        .collect();
    let mut driver = json!({
        "name": "crosscheck",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules
    });
    // Where to learn about the tool: the package's homepage, when it has one
    // (never a placeholder).
    if !env!("CARGO_PKG_HOMEPAGE").is_empty() {
        driver["informationUri"] = json!(env!("CARGO_PKG_HOMEPAGE"));
    }
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            // Columns count characters (Unicode code points), from 1.
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &sarif).map_err(io::Error::other)?;
    writeln!(out)
}

/// A file path as a SARIF artifact URI: a relative reference for a
/// relative path, a `file://` URI for an absolute one, percent-encoded.
fn artifact_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut encoded = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    if encoded.starts_with('/') {
        format!("file://{encoded}")
    } else {
        encoded
    }
}

/// A rule id as one Pascal-case word: `meeting.military-chiefs` →
/// `MeetingMilitaryChiefs`.
fn friendly_name(id: &str) -> String {
    id.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|first| first.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// JUnit XML: one test case per finding, failing when the policy fails it.
pub fn write_junit(out: &mut dyn Write, totals: &Totals, findings: &[FindingView]) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="crosscheck" tests="{}" failures="{}">"#,
        findings.len(),
        totals.failing
    )?;
    writeln!(
        out,
        r#"  <testsuite name="findings" tests="{}" failures="{}">"#,
        findings.len(),
        totals.failing
    )?;
    for f in findings {
        let name = xml(&format!("{} {} [{}]", f.relation, f.key, f.id));
        write!(out, r#"    <testcase classname="{}" name="{name}""#, xml(&f.rule))?;
        if f.failing {
            writeln!(out, ">")?;
            let mut body = format!("{}\n", f.explanation);
            for side in std::iter::once(&f.a).chain(f.b.as_ref()) {
                let l = &side.location;
                let _ = writeln!(body, "{} at {}:{}:{}: {}", side.value, l.doc, l.line, l.col, side.quote);
            }
            writeln!(
                out,
                r#"      <failure message="{}" type="{}">{}</failure>"#,
                xml(&f.explanation),
                xml(&f.relation),
                xml(&body)
            )?;
            writeln!(out, "    </testcase>")?;
        } else {
            writeln!(out, "/>")?;
        }
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn artifact_uris() {
        assert_eq!(artifact_uri("corpus/a b.md"), "corpus/a%20b.md");
        assert_eq!(artifact_uri("/tmp/x/é.md"), "file:///tmp/x/%C3%A9.md");
        assert_eq!(artifact_uri("corpus\\a.md"), "corpus/a.md");
        assert_eq!(friendly_name("meeting.military-chiefs"), "MeetingMilitaryChiefs");
    }

    #[test]
    fn escaping() {
        assert_eq!(gh_data("50% of\nthem"), "50%25 of%0Athem");
        assert_eq!(gh_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(gh_property("x\n::error\u{1b}[1m"), "x%0A%3A%3Aerror\\u{1b}[1m");
        assert_eq!(xml("<a & 'b'>\u{1}"), "&lt;a &amp; &#39;b&#39;&gt;\u{fffd}");
        assert_eq!(md_cell("a|b"), "a\\|b");
    }
}
