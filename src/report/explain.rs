//! `crosscheck check --explain`: every claim with the rule that found it,
//! its key, and why it was bound to its event (or why to none).

use crate::claim::Claim;
use crate::corpus::Document;
use crate::report::quote;
use std::io::{self, Write};

pub fn write_explained_claims(out: &mut dyn Write, docs: &[Document], claims: &[Claim]) -> io::Result<()> {
    for c in claims {
        let doc = &docs[c.doc];
        writeln!(
            out,
            "{}:{}:{}  {}  '{}' = {} ({})",
            doc.id, c.span.line, c.span.col, c.rule, c.text, c.value, c.modality
        )?;
        writeln!(
            out,
            "    sentence: {}",
            quote(&doc.text[c.sentence.start..c.sentence.end])
        )?;
        match &c.event {
            Some((event, binding)) => writeln!(out, "    event:    {event}: {binding}")?,
            None => writeln!(out, "    event:    none")?,
        }
        match (&c.key, &c.unbound) {
            (Some(key), _) => writeln!(out, "    key:      {key}")?,
            (None, why) => writeln!(
                out,
                "    key:      {} (unbound, compared with nothing: {})",
                c.key_display,
                why.as_deref().unwrap_or("a part of the key was not found")
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
    docs: &[Document],
    claims: &[Claim],
    f: &crate::align::Finding,
    status: &crate::review::Status,
) -> String {
    use crate::claim::Value;
    use crate::review::Status;
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "finding {}: {} ({}), status {}",
        f.id,
        f.relation,
        f.severity(),
        status.label()
    );
    let _ = writeln!(out, "key:       {} ({})", f.key, f.modality);
    let _ = writeln!(out, "evidence:  {}", f.evidence);
    let sides = std::iter::once(("a", &f.a)).chain(f.b.as_ref().map(|b| ("b", b)));
    for (name, side) in sides {
        let _ = writeln!(out, "\nside {name}: {}", side.value);
        for &i in &side.claims {
            let c = &claims[i];
            let doc = &docs[c.doc];
            let _ = writeln!(
                out,
                "  {}:{}:{}  '{}'  ({})",
                doc.id, c.span.line, c.span.col, c.text, c.modality
            );
            let _ = writeln!(
                out,
                "    sentence: {}",
                quote(&doc.text[c.sentence.start..c.sentence.end])
            );
            match pack.rule(&c.rule) {
                Some(r) => {
                    let _ = writeln!(
                        out,
                        "    rule:     {} — {} ({}:{})",
                        r.id,
                        r.describe,
                        r.file.display(),
                        r.line
                    );
                }
                None => {
                    let _ = writeln!(out, "    rule:     {}", c.rule);
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
            let _ = writeln!(out, "    read as:  {reading}");
            match &c.event {
                Some((event, binding)) => {
                    let _ = writeln!(out, "    event:    {event}: {binding}");
                }
                None => {
                    let _ = writeln!(out, "    event:    none");
                }
            }
            let _ = writeln!(out, "    key:      {}", c.key_display);
        }
    }
    let _ = writeln!(out, "\nverdict: {}: {}", f.relation, f.explanation);
    match status {
        Status::New => {
            let _ = writeln!(out, "review:  no decision yet");
        }
        Status::Decided(e) => {
            let _ = writeln!(
                out,
                "review:  {} by {} on {} ({}) {}; evidence unchanged",
                e.decision, e.reviewer, e.date, e.reason, e.note
            );
        }
        Status::NeedsReReview(e) => {
            let _ = writeln!(
                out,
                "review:  {} by {} on {} on evidence {}; the evidence is now {}: needs re-review",
                e.decision, e.reviewer, e.date, e.evidence, f.evidence
            );
        }
    }
    out
}
