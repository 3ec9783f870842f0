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
pub fn github_annotations(findings: &[FindingView]) -> String {
    let mut out = String::new();
    for f in findings
        .iter()
        .filter(|f| f.status == "new" || f.status == "needs-re-review")
    {
        if f.relation == "agree" {
            continue;
        }
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
pub fn write_sarif(out: &mut dyn Write, findings: &[FindingView], rules: &[(String, String)]) -> io::Result<()> {
    use serde_json::json;
    let location = |l: &super::view::Location| {
        json!({ "physicalLocation": {
            "artifactLocation": { "uri": l.path.replace('\\', "/") },
            "region": { "startLine": l.line, "startColumn": l.col }
        }})
    };
    let results: Vec<serde_json::Value> = findings
        .iter()
        .filter(|f| f.relation != "agree")
        .map(|f| {
            let level = match (f.failing, f.relation.as_str()) {
                (true, _) => "error",
                (false, "compatible") => "note",
                _ => "warning",
            };
            let kind = if f.status == "new" || f.status == "needs-re-review" {
                "fail"
            } else {
                "review"
            };
            json!({
                "ruleId": f.rule,
                "level": level,
                "kind": kind,
                "message": { "text": f.explanation },
                "locations": [location(&f.a.location)],
                "relatedLocations": f.b.as_ref().map(|b| vec![location(&b.location)]).unwrap_or_default(),
                "partialFingerprints": {
                    "crosscheckFindingId/v1": f.id,
                    "crosscheckEvidence/v1": f.evidence
                },
                "properties": { "relation": f.relation, "status": f.status, "key": f.key }
            })
        })
        .collect();
    let rules: Vec<serde_json::Value> = rules
        .iter()
        .map(|(id, describe)| json!({ "id": id, "shortDescription": { "text": describe } }))
        .collect();
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "crosscheck",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.org/crosscheck",
                "rules": rules
            }},
            "results": results
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &sarif).map_err(io::Error::other)?;
    writeln!(out)
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
    fn escaping() {
        assert_eq!(gh_data("50% of\nthem"), "50%25 of%0Athem");
        assert_eq!(gh_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(gh_property("x\n::error\u{1b}[1m"), "x%0A%3A%3Aerror\\u{1b}[1m");
        assert_eq!(xml("<a & 'b'>\u{1}"), "&lt;a &amp; &#39;b&#39;&gt;\u{fffd}");
        assert_eq!(md_cell("a|b"), "a\\|b");
    }
}
