//! Rule pack × sentences → claims. Each document is scanned on its own
//! (in parallel); the result is sorted so output never depends on thread
//! timing.

mod modality;

use crate::claim::{Binding, Claim, Span};
use crate::corpus::{segment, Document, Sentence};
use crate::quantity::{self, Placeholder, Unit};
use crate::rules::{KeyPart, Pattern, Rule, RulePack};
use rayon::prelude::*;
use regex::Captures;

pub use modality::detect_modality;

/// Every claim of every document, sorted by document, position and rule.
pub fn extract_corpus(pack: &RulePack, docs: &[Document]) -> Vec<Claim> {
    let mut claims: Vec<Claim> = docs
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, doc)| extract_document(pack, i, doc))
        .collect();
    claims.sort_by(|a, b| (a.doc, a.span.start, &a.rule).cmp(&(b.doc, b.span.start, &b.rule)));
    claims
}

/// The events each sentence names, and the document's dominant event.
struct EventContext<'p> {
    per_sentence: Vec<Option<&'p str>>,
    dominant: Option<&'p str>,
}

fn bind_events<'p>(pack: &'p RulePack, doc: &Document, sentences: &[Sentence]) -> EventContext<'p> {
    let candidates: Vec<_> = pack.events.iter().filter(|e| e.in_window(doc.published)).collect();
    let mut counts = vec![0usize; candidates.len()];
    let per_sentence = sentences
        .iter()
        .map(|s| {
            let text = &doc.text[s.range()];
            let hits: Vec<usize> = (0..candidates.len())
                .filter(|&i| candidates[i].triggered_by(text))
                .collect();
            for &i in &hits {
                counts[i] += 1;
            }
            // A sentence naming two events binds to neither.
            match hits.as_slice() {
                [one] => Some(candidates[*one].id.as_str()),
                _ => None,
            }
        })
        .collect();
    let max = counts.iter().copied().max().unwrap_or(0);
    let leaders: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] == max && max > 0).collect();
    let dominant = match leaders.as_slice() {
        [one] => Some(candidates[*one].id.as_str()),
        _ => None,
    };
    EventContext { per_sentence, dominant }
}

/// The claims of one document, in text order.
pub fn extract_document(pack: &RulePack, doc_index: usize, doc: &Document) -> Vec<Claim> {
    let sentences = segment(&doc.text, doc.body_start);
    let events = bind_events(pack, doc, &sentences);
    let mut claims = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        let text = &doc.text[sentence.range()];
        let event = events.per_sentence[si]
            .map(|e| (e, Binding::Sentence))
            .or_else(|| events.dominant.map(|e| (e, Binding::Document)));
        let first_new = claims.len();
        for (_, rule, pattern) in pack.candidates(text) {
            if !in_context(rule, doc, &sentences, si) {
                continue;
            }
            for caps in pattern.regex.captures_iter(text) {
                let Some(claim) = build_claim(pack, rule, pattern, &caps, doc, doc_index, sentence, event.clone())
                else {
                    continue;
                };
                // Two patterns of one rule may find the same value: keep one.
                let dup = claims[first_new..]
                    .iter()
                    .any(|c: &Claim| c.rule == claim.rule && c.span == claim.span);
                if !dup {
                    claims.push(claim);
                }
            }
        }
    }
    claims
}

/// Does the sentence, or one of the few before it, mention the rule's topic?
fn in_context(rule: &Rule, doc: &Document, sentences: &[Sentence], si: usize) -> bool {
    let Some(ctx) = &rule.context else {
        return true;
    };
    sentences[si.saturating_sub(ctx.before)..=si]
        .iter()
        .any(|s| ctx.regex.is_match(&doc.text[s.range()]))
}

#[allow(clippy::too_many_arguments)]
fn build_claim(
    pack: &RulePack,
    rule: &Rule,
    pattern: &Pattern,
    caps: &Captures,
    doc: &Document,
    doc_index: usize,
    sentence: &Sentence,
    event: Option<(&str, Binding)>,
) -> Option<Claim> {
    let value = caps.name("value")?;
    let sentence_text = &doc.text[sentence.range()];
    if quantity::not_a_quantity(sentence_text, value.range()) {
        return None;
    }
    let q = quantity::read(value.as_str(), &rule.read)?;
    let unit_fits = match pattern.value {
        Placeholder::Quantity => true,
        Placeholder::Percent => q.unit == Unit::Percent,
        Placeholder::Money => matches!(q.unit, Unit::Money(_)),
    };
    if !unit_fits {
        return None;
    }
    let (key, key_display) = resolve_key(pack, rule, pattern, caps, event.as_ref().map(|e| e.0));
    let whole = caps.get(0)?;
    let modality = rule
        .modality
        .unwrap_or_else(|| detect_modality(&sentence_text[..whole.end()]));
    let start = sentence.start + value.start();
    let (line, col) = doc.position(start);
    let (sline, scol) = doc.position(sentence.start);
    Some(Claim {
        doc: doc_index,
        rule: rule.id.clone(),
        key,
        key_display,
        event: event.map(|(e, b)| (e.to_string(), b)),
        modality,
        value: q.display_with(&rule.unit),
        unit_label: rule.unit.clone(),
        quantity: q,
        text: value.as_str().to_string(),
        span: Span {
            start,
            end: sentence.start + value.end(),
            line,
            col,
        },
        sentence: Span {
            start: sentence.start,
            end: sentence.end,
            line: sline,
            col: scol,
        },
    })
}

/// Fill the rule's key template from the match; `None` as key when a part
/// has no value (it is then shown as `?`).
fn resolve_key(
    pack: &RulePack,
    rule: &Rule,
    pattern: &Pattern,
    caps: &Captures,
    event: Option<&str>,
) -> (Option<String>, String) {
    let mut key = String::new();
    let mut complete = true;
    for part in &rule.key.parts {
        let piece = match part {
            KeyPart::Literal(l) => Some(l.clone()),
            KeyPart::Var { name, default } => {
                let found = if name == "event" {
                    event.map(str::to_string)
                } else {
                    caps.name(name).map(|m| {
                        let is_entity = pattern.entities.iter().any(|(g, _)| g == name);
                        match pack.gazetteer.lookup(m.as_str()) {
                            Some(e) if is_entity => e.id.clone(),
                            _ => slug(m.as_str()),
                        }
                    })
                };
                found.or_else(|| default.clone())
            }
        };
        match piece {
            Some(p) => key.push_str(&p),
            None => {
                complete = false;
                key.push('?');
            }
        }
    }
    (complete.then(|| key.clone()), key)
}

/// Lower-case words joined by `-`: "Sending Weapons" → `sending-weapons`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_stable() {
        assert_eq!(
            slug("Sending  Weapons to Ukraine’s army"),
            "sending-weapons-to-ukraine-s-army"
        );
        assert_eq!(slug("2025"), "2025");
    }
}
