//! `crosscheck check --explain`: every claim with the rule that found it,
//! its key, and why it was bound to its event (or why to none).

use super::terminal_safe;
use crate::claim::Claim;
use crate::corpus::DocumentMeta;
use std::io::{self, Write};

/// One line of terminal output, control characters escaped.
fn put(out: &mut dyn Write, text: String) -> io::Result<()> {
    out.write_all(terminal_safe(&text).as_bytes())?;
    out.write_all(b"\n")
}

pub fn write_explained_claims(out: &mut dyn Write, docs: &[DocumentMeta], claims: &[Claim]) -> io::Result<()> {
    for c in claims {
        let doc = &docs[c.doc];
        put(
            out,
            format!(
                "{}:{}:{}  {}  '{}' = {} ({})",
                doc.id,
                c.span.line,
                c.span.col,
                c.rule,
                c.text(),
                c.value,
                c.modality
            ),
        )?;
        put(out, format!("    sentence: {}", c.quote()))?;
        match &c.event {
            Some((event, binding)) => put(out, format!("    event:    {event}: {binding}"))?,
            None => put(out, "    event:    none".into())?,
        }
        match (&c.key, &c.unbound) {
            (Some(key), _) => put(out, format!("    key:      {key}"))?,
            (None, why) => put(
                out,
                format!(
                    "    key:      {} (unbound, compared with nothing: {})",
                    c.key_display(),
                    why.as_deref().unwrap_or("a part of the key was not found")
                ),
            )?,
        }
    }
    Ok(())
}

/// `crosscheck explain ID`: one finding from extraction to verdict: the
/// rule and where it is defined, every claim on each side with the
/// sentence, the reading, the event binding and the key, then the
/// comparison and the editors' status.
pub fn explain_finding(
    pack: &crate::rules::RulePack,
    docs: &[DocumentMeta],
    claims: &[Claim],
    f: &crate::align::Finding,
    status: &crate::review::Status,
) -> String {
    use super::console::line;
    use crate::claim::Value;
    use crate::review::Status;
    let mut out = String::new();
    line(
        &mut out,
        &format!(
            "finding {}: {} ({}), status {}",
            f.id,
            f.relation,
            f.severity(),
            status.label()
        ),
    );
    line(&mut out, &format!("key:       {} ({})", f.key, f.modality));
    line(&mut out, &format!("evidence:  {}", f.evidence));
    let sides = std::iter::once(("a", &f.a)).chain(f.b.as_ref().map(|b| ("b", b)));
    for (name, side) in sides {
        out.push('\n');
        line(&mut out, &format!("side {name}: {}", side.value));
        for &i in &side.claims {
            let c = &claims[i];
            let doc = &docs[c.doc];
            line(
                &mut out,
                &format!(
                    "  {}:{}:{}  '{}'  ({})",
                    doc.id,
                    c.span.line,
                    c.span.col,
                    c.text(),
                    c.modality
                ),
            );
            line(&mut out, &format!("    sentence: {}", c.quote()));
            match pack.rule(&c.rule) {
                Some(r) => {
                    line(
                        &mut out,
                        &format!(
                            "    rule:     {} — {} ({}:{})",
                            r.id,
                            r.describe,
                            r.file.display(),
                            r.line
                        ),
                    );
                }
                None => {
                    line(&mut out, &format!("    rule:     {}", c.rule));
                }
            }
            let reading = match &c.reading {
                Value::Quantity(q) => format!(
                    "{} ({}, {})",
                    q.display_with(&c.unit_label),
                    q.in_words(&c.unit_label),
                    q.precision
                ),
                Value::Date(d) => format!("{d} ({})", crate::align::date::in_words(d)),
                _ => c.value.clone(),
            };
            line(&mut out, &format!("    read as:  {reading}"));
            match &c.event {
                Some((event, binding)) => {
                    line(&mut out, &format!("    event:    {event}: {binding}"));
                }
                None => {
                    line(&mut out, "    event:    none");
                }
            }
            line(&mut out, &format!("    key:      {}", c.key_display()));
        }
    }
    out.push('\n');
    line(&mut out, &format!("verdict: {}: {}", f.relation, f.explanation));
    match status {
        Status::New => {
            line(&mut out, "review:  no decision yet");
        }
        Status::Decided(e) => {
            line(
                &mut out,
                &format!(
                    "review:  {} by {} on {} ({}) {}; evidence unchanged",
                    e.decision, e.reviewer, e.date, e.reason, e.note
                ),
            );
        }
        Status::NeedsReReview(e, why) => {
            line(
                &mut out,
                &format!(
                    "review:  {} by {} on {} needs re-review: {why}",
                    e.decision, e.reviewer, e.date
                ),
            );
        }
    }
    out
}
