//! Rule pack × sentences → claims. Each document is scanned on its own
//! (in parallel); the result is sorted so output never depends on thread
//! timing.

mod modality;

use crate::claim::{Claim, Span, Value};
use crate::corpus::{segment, Document, Sentence};
use crate::entity::slug;
use crate::event::when::{read_when, When};
use crate::event::{Binding, SentenceEvent};
use crate::quantity::{self, Placeholder, Unit};
use crate::rules::{KeyPart, Pattern, Rule, RuleKind, RulePack, ValueSlot};
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

/// The claims of one document, in text order.
pub fn extract_document(pack: &RulePack, doc_index: usize, doc: &Document) -> Vec<Claim> {
    let sentences = segment(&doc.text, doc.body_start);
    let events = pack.events.bind(&pack.gazetteer, doc, &sentences);
    let mut claims = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        let text = &doc.text[sentence.range()];
        let first_new = claims.len();
        for (_, rule, pattern) in pack.candidates(text) {
            if !in_context(rule, doc, &sentences, si) {
                continue;
            }
            for caps in pattern.regex.captures_iter(text) {
                let at = Site {
                    doc,
                    doc_index,
                    sentence,
                    event: &events[si],
                };
                let Some(claim) = build_claim(pack, rule, pattern, &caps, &at) else {
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
    let Some(ctx) = &rule.context else { return true };
    sentences[si.saturating_sub(ctx.before)..=si]
        .iter()
        .any(|s| ctx.regex.is_match(&doc.text[s.range()]))
}

/// Where a match was found.
struct Site<'a> {
    doc: &'a Document,
    doc_index: usize,
    sentence: &'a Sentence,
    event: &'a SentenceEvent,
}

fn build_claim(pack: &RulePack, rule: &Rule, pattern: &Pattern, caps: &Captures, at: &Site) -> Option<Claim> {
    let value = caps.name("value")?;
    let sentence_text = &at.doc.text[at.sentence.range()];
    let whole = caps.get(0)?;
    let reading = match pattern.value {
        ValueSlot::Number(p) => {
            if quantity::not_a_quantity(sentence_text, value.range()) {
                return None;
            }
            let q = quantity::read(value.as_str(), &rule.read)?;
            let fits = match p {
                Placeholder::Quantity => true,
                Placeholder::Percent => q.unit == Unit::Percent,
                Placeholder::Money => matches!(q.unit, Unit::Money(_)),
            };
            if !fits {
                return None;
            }
            Value::Quantity(q)
        }
        ValueSlot::Date => {
            let future = sentence_text[..value.start()].contains("will ");
            match read_when(value.as_str(), at.doc.published, at.doc.date_order, future)? {
                When::Resolved(span) => Value::Date(span),
                When::Unresolved(_) => Value::UnresolvedDate,
            }
        }
    };
    let (event, mut unbound) = match at.event {
        SentenceEvent::Bound { event, binding } => (Some((event.clone(), binding.clone())), None),
        SentenceEvent::Unbound { why } => (None, Some(why.clone())),
    };
    // A date is only evidence about the event its own sentence names.
    let date_event_ok = rule.kind != RuleKind::Date || matches!(&event, Some((_, Binding::Sentence { .. })));
    let event_for_key = event.as_ref().filter(|_| date_event_ok).map(|(e, _)| e.as_str());
    if !date_event_ok {
        unbound = Some("a date only counts for the event its own sentence names".into());
    }
    let (mut key, key_display) = resolve_key(pack, rule, pattern, caps, event_for_key);
    if key.is_some() {
        unbound = None;
    } else if unbound.is_none() || !rule.key.uses_event() {
        unbound = Some("a part of the key was not found in the sentence".into());
    }
    if reading == Value::UnresolvedDate {
        key = None;
        unbound = Some(format!(
            "{:?} is relative and the document has no publication date",
            value.as_str()
        ));
    }
    let modality = rule
        .modality
        .unwrap_or_else(|| detect_modality(&sentence_text[..whole.end()]));
    let start = at.sentence.start + value.start();
    let (line, col) = at.doc.position(start);
    let (sline, scol) = at.doc.position(at.sentence.start);
    let shown = match &reading {
        Value::Quantity(q) => q.display_with(&rule.unit),
        Value::Date(span) => span.to_string(),
        Value::UnresolvedDate => "unresolved".to_string(),
    };
    Some(Claim {
        doc: at.doc_index,
        rule: rule.id.clone(),
        key,
        key_display,
        event,
        unbound,
        modality,
        value: shown,
        unit_label: rule.unit.clone(),
        reading,
        text: value.as_str().to_string(),
        span: Span {
            start,
            end: at.sentence.start + value.end(),
            line,
            col,
        },
        sentence: Span {
            start: at.sentence.start,
            end: at.sentence.end,
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
