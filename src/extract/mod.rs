//! Rule pack × sentences → claims. Each document is scanned on its own
//! (in parallel); the result is sorted so output never depends on thread
//! timing.

pub mod frames;
mod members;

use crate::claim::{Claim, Correction, Span, Value};
use crate::corpus::{segment, Document, Sentence};
use crate::entity::slug;
use crate::event::when::{read_when, speaks_of_future, When};
use crate::event::{Binding, SentenceEvent};
use crate::quantity::{self, Placeholder, Unit};
use crate::rules::{EntitySlot, KeyPart, Pattern, Rule, RuleKind, RulePack, ValueSlot, DEFAULT_CONTEXT_SENTENCES};
use rayon::prelude::*;
use regex::{Captures, Regex};
use std::sync::OnceLock;

pub use crate::frame::detect_modality;

/// Every claim of every document, sorted by document, position and rule.
pub fn extract_corpus(pack: &RulePack, docs: &[Document]) -> Vec<Claim> {
    // Rayon's collect keeps the documents' order.
    docs.par_iter()
        .enumerate()
        .flat_map_iter(|(i, doc)| extract_document(pack, i, doc))
        .collect()
}

/// The last figure a frame rule took in a sentence: its rule, and what it
/// counted (unit and words), for bare counts in the next sentence.
struct PreviousFigure {
    sentence: usize,
    rule: usize,
    counted: (crate::quantity::Unit, Vec<String>),
}

/// The claims of one document in the order of every report: position,
/// then rule (documents in corpus order make the corpus's order).
pub fn extract_document(pack: &RulePack, doc_index: usize, doc: &Document) -> Vec<Claim> {
    // A story pack reads only documents that mention its topic.
    extract_with(pack, doc_index, doc, pack.rules_off(&doc.text))
}

/// The claims of a text every rule reads whatever its pack's topic: a rule
/// example or a sentence to explain, each of its story by definition.
pub fn extract_any_topic(pack: &RulePack, doc_index: usize, doc: &Document) -> Vec<Claim> {
    extract_with(pack, doc_index, doc, None)
}

/// The claims of one document; `off[r]`: rule `r` does not read it.
fn extract_with(pack: &RulePack, doc_index: usize, doc: &Document, off: Option<Vec<bool>>) -> Vec<Claim> {
    let sentences = segment(&doc.text, doc.body_start);
    let events = pack.events.bind(&pack.gazetteer, doc, &sentences);
    let on = |r: usize| off.as_ref().is_none_or(|off| !off[r]);
    let mut claims = Vec::new();
    // Frame rules: the entity kinds they ask whose figure it is, and the
    // last one of each kind named, for "it" and "the country".
    let frame_kinds: Vec<(&str, &regex::Regex)> = {
        let mut k: Vec<(&str, &regex::Regex)> = pack
            .rules
            .iter()
            .filter_map(|r| r.frame.as_ref()?.subject.as_ref().map(|(k, re)| (k.as_str(), re)))
            .collect();
        k.sort_by_key(|(kind, _)| *kind);
        k.dedup_by_key(|(kind, _)| *kind);
        k
    };
    // "It" and "the country" point back to the last entity of the kind
    // named before: found on demand, scanning forward from where the last
    // question stopped (most documents never ask).
    let last_subject: std::cell::RefCell<Vec<(usize, Option<String>)>> =
        std::cell::RefCell::new(vec![(0, None); frame_kinds.len()]);
    let mut about = pack.about_seen();
    // A live blog's entries start with their time ("01:35 Labour …"): it
    // holds for the entry's paragraphs, until the next entry's.
    let mut entry: Option<u16> = None;
    // The last figure a frame rule took in the sentence before.
    let mut previous_figure: Option<PreviousFigure> = None;
    // The literals of the list lead-in last scanned, by its start in the text.
    let mut lead_hits: Option<(usize, crate::rules::Hits)> = None;
    for (si, sentence) in sentences.iter().enumerate() {
        let text = &doc.text[sentence.range()];
        if si == 0 || sentences[si - 1].paragraph != sentence.paragraph {
            if let Some(t) = crate::event::when::entry_time(text) {
                entry = Some(t);
            }
        }
        let first_new = claims.len();
        let at = Site {
            doc,
            at_time: entry,
            doc_index,
            sentence,
            event: &events[si],
            text: std::cell::OnceCell::new(),
        };
        // A list item counts what its lead-in line names: the lead-in's
        // words pass the prefilters too.
        let lead_in = frames::list_lead_in(doc, &sentences, si);
        let hits = match lead_in {
            Some(lead) => {
                // Scanned once per list, not once per item.
                let at = lead.as_ptr() as usize;
                if lead_hits.as_ref().is_some_and(|(start, _)| *start != at) {
                    lead_hits = None;
                }
                let (_, lead) = lead_hits.get_or_insert_with(|| (at, pack.scan(lead)));
                pack.scan(text).with_literals_of(lead)
            }
            None => pack.scan(text),
        };
        let mut frame_rules = pack.frame_candidates(&hits, si, &mut about);
        // "The interior ministry counted 480,000 demonstrators. The CGT
        // says 1.7 million.": a bare count after a stating verb counts
        // what the previous sentence's figure counted, with its rules.
        let carried = previous_figure
            .take()
            .filter(|p| p.sentence + 1 == si && sentences[p.sentence].paragraph == sentence.paragraph)
            .filter(|_| crate::frame::may_be_bare_count(text));
        // The carried words stand in the sentence for the prefilters: every
        // rule that counts them may take the bare count, not only the rule
        // that took the figure before.
        if let Some(p) = &carried {
            let counts_carried = |r: usize| {
                r == p.rule
                    || pack.rules[r]
                        .frame
                        .as_ref()
                        .is_some_and(|f| f.counts.matches(&p.counted.1))
            };
            for r in (0..pack.rules.len()).filter(|&r| counts_carried(r)) {
                if !frame_rules.contains(&r) {
                    frame_rules.push(r);
                }
            }
            frame_rules.sort_unstable();
        }
        frame_rules.retain(|&r| on(r));
        if !frame_rules.is_empty() {
            // A retrospective passage ("On Monday 11 September, … By
            // Wednesday the ministry had 5,300 dead") places bare weekdays
            // in the week it tells of.
            let told_from = si
                .checked_sub(1)
                .map(|p| &sentences[p])
                .filter(|p| p.paragraph == sentence.paragraph)
                .and_then(|p| {
                    crate::event::when::narrative_anchor(
                        &doc.text[p.range()],
                        doc.published,
                        crate::event::when::DateOrder::DayMonth,
                    )
                });
            let mut readings = crate::frame::read_sentence_told_from(text, doc.published, told_from);
            if let Some(p) = &carried {
                crate::frame::carry_counted(&mut readings, &p.counted);
            }
            if let Some(lead_in) = lead_in {
                crate::frame::carry_lead_in(&mut readings, text, lead_in);
            }
            if !pack.place_words.is_empty() {
                // The paragraph up to the figure: where "the city" was named.
                let paragraph_start = sentences[..si]
                    .iter()
                    .rev()
                    .take_while(|s| s.paragraph == sentence.paragraph)
                    .last()
                    .map_or(sentence.start, |s| s.start);
                crate::frame::resolve_place_anaphora(
                    &mut readings,
                    &doc.text[paragraph_start..sentence.start],
                    text,
                    &pack.place_words,
                );
            }
            if !readings.is_empty() {
                // The words of the sentence and the ones before it, read
                // once per reach back (rules ask with one or two reaches).
                let topics: std::cell::RefCell<Vec<(usize, std::rc::Rc<[String]>)>> = Default::default();
                let topic = |rule: &Rule| {
                    let before = rule.context.as_ref().map_or(DEFAULT_CONTEXT_SENTENCES, |c| c.before);
                    if let Some((_, words)) = topics.borrow().iter().find(|(b, _)| *b == before) {
                        return words.clone();
                    }
                    let words: std::rc::Rc<[String]> = frames::topic_words(doc, &sentences, si, before, lead_in).into();
                    topics.borrow_mut().push((before, words.clone()));
                    words
                };
                let previous = |kind: &str| {
                    let i = frame_kinds.iter().position(|(k, _)| *k == kind)?;
                    let mut last = last_subject.borrow_mut();
                    let (scanned, found) = &mut last[i];
                    for s in &sentences[*scanned..si] {
                        if let Some(id) = frames::first_entity(
                            pack,
                            frame_kinds[i].0,
                            frame_kinds[i].1,
                            &doc.text[s.range()],
                            doc.published,
                        ) {
                            *found = Some(id);
                        }
                    }
                    *scanned = si;
                    found.clone()
                };
                // The place (or other subject) the paragraph is about: the
                // one the last sentence before this one naming any of the
                // kind names, when it names only that one ("led by $100
                // million each from the UAE and Germany" leaves the next
                // sentence's total to no one).
                let paragraph_subject = |i: usize| {
                    let (kind, finder) = frame_kinds[i];
                    let named = sentences[..si]
                        .iter()
                        .rev()
                        .take_while(|s| s.paragraph == sentence.paragraph)
                        .map(|s| frames::entities_named(pack, kind, finder, &doc.text[s.range()], doc.published))
                        .find(|ids| !ids.is_empty())
                        // A list item's paragraph is the item: its lead-in
                        // line names the place ("In Paris, …:").
                        .or_else(|| {
                            lead_in
                                .map(|l| frames::entities_named(pack, kind, finder, l, doc.published))
                                .filter(|ids| !ids.is_empty())
                        })?;
                    match <[String; 1]>::try_from(named) {
                        Ok([only]) => Some(only),
                        Err(_) => None,
                    }
                };
                // …asked once per kind in the sentence.
                let paragraph_subjects: std::cell::RefCell<Vec<(usize, Option<String>)>> = Default::default();
                let in_paragraph = |kind: &str| {
                    let i = frame_kinds.iter().position(|(k, _)| *k == kind)?;
                    if let Some((_, found)) = paragraph_subjects.borrow().iter().find(|(k, _)| *k == i) {
                        return found.clone();
                    }
                    let found = paragraph_subject(i);
                    paragraph_subjects.borrow_mut().push((i, found.clone()));
                    found
                };
                let context = |rule: &Rule| in_context(rule, doc, &sentences, si);
                claims.extend(frames::claims(
                    pack,
                    &frame_rules,
                    &at,
                    &readings,
                    &topic,
                    &context,
                    &|kind, paragraph_only| {
                        if paragraph_only {
                            in_paragraph(kind)
                        } else {
                            previous(kind)
                        }
                    },
                ));
                // The sentence's last figure a rule took, for the next
                // sentence's bare counts (the same whatever the prefilters
                // let through: it depends on claims only).
                previous_figure = claims[first_new..].last().and_then(|c| {
                    let start = c.span.start - sentence.start;
                    let r = readings
                        .iter()
                        .find(|r| r.range.start == start && !r.after.is_empty())?;
                    Some(PreviousFigure {
                        sentence: si,
                        rule: pack.rules.iter().position(|x| x.id == c.rule)?,
                        counted: (r.quantity.unit.clone(), r.after.clone()),
                    })
                });
            }
        }
        // Date frames run their patterns only where a date is (asked once).
        let holds_date = std::cell::OnceCell::new();
        for (r, rule, pattern) in pack.candidates(&hits) {
            if !on(r) {
                continue;
            }
            if rule.happened.is_some() && !*holds_date.get_or_init(|| crate::event::when::holds_date(text)) {
                continue;
            }
            if !in_context(rule, doc, &sentences, si) || at.foreign_to(pack, rule) {
                continue;
            }
            let Some(regex) = pattern.regex() else { continue };
            for caps in regex.captures_iter(text) {
                for claim in build_claims(pack, rule, pattern, &caps, &at) {
                    // Two patterns of one rule may find the same value: keep one.
                    let dup = claims[first_new..]
                        .iter()
                        .any(|c: &Claim| c.rule == claim.rule && c.span == claim.span && c.reading == claim.reading);
                    if !dup {
                        claims.push(claim);
                    }
                }
            }
        }
    }
    claims.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
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
    /// The time of the live-blog entry the sentence belongs to.
    at_time: Option<u16>,
    doc_index: usize,
    sentence: &'a Sentence,
    event: &'a SentenceEvent,
    /// The sentence's text for its claims' quotes: made for the first
    /// claim, shared by the others.
    text: std::cell::OnceCell<std::sync::Arc<str>>,
}

impl Site<'_> {
    fn sentence_text(&self) -> std::sync::Arc<str> {
        self.text
            .get_or_init(|| self.doc.text[self.sentence.range()].into())
            .clone()
    }

    /// Is the sentence held by an event of another story pack than `rule`'s
    /// own (when its pack keeps to its own events)? Then the rule keys
    /// nothing in it, even with a key that does not name the event
    /// ("libya/injured" in an article about Paris marches).
    fn foreign_to(&self, pack: &RulePack, rule: &Rule) -> bool {
        matches!(self.event, SentenceEvent::Bound { event, .. } if !pack.may_bind(rule, event))
    }
}

fn build_claims(pack: &RulePack, rule: &Rule, pattern: &Pattern, caps: &Captures, at: &Site) -> Vec<Claim> {
    let Some(value) = caps.name("value") else {
        return Vec::new();
    };
    let Some(whole) = caps.get(0) else { return Vec::new() };
    let sentence_text = &at.doc.text[at.sentence.range()];
    if rule.skip_if.as_ref().is_some_and(|re| re.is_match(sentence_text)) {
        return Vec::new();
    }
    // One value, or (for a membership rule over a list) one per entity;
    // misspellings ride on the first.
    let mut readings: Vec<(Value, Vec<Correction>)> = Vec::new();
    match &pattern.value {
        ValueSlot::Number(p) => {
            if quantity::not_a_quantity(sentence_text, value.range()) {
                return Vec::new();
            }
            let Some(q) = quantity::read(value.as_str(), &rule.read) else {
                return Vec::new();
            };
            let fits = match p {
                Placeholder::Quantity => true,
                Placeholder::Percent => q.unit == Unit::Percent,
                Placeholder::Money => matches!(q.unit, Unit::Money(_)),
            };
            if fits {
                readings.push((Value::Quantity(q), Vec::new()));
            }
        }
        // A date rule dates what the article reports: "last year" or
        // "next year" is another occurrence ("last year's summit").
        ValueSlot::Date if crate::event::when::is_other_year(value.as_str()) => return Vec::new(),
        // "signed by Sunday", "until 12 December": a deadline or an as-of,
        // not the day it happened.
        ValueSlot::Date
            if rule.happened.as_ref().is_some_and(|words| {
                bounds_a_time(&sentence_text[..value.start()]) || !happened_near(words, sentence_text, value.range())
            }) =>
        {
            return Vec::new()
        }
        ValueSlot::Date => {
            let future = speaks_of_future(&sentence_text[..value.start()]);
            match read_when(value.as_str(), at.doc.published, at.doc.date_order, future) {
                Some(When::Resolved(span)) => readings.push((Value::Date(span), Vec::new())),
                Some(When::Unresolved(_)) => readings.push((Value::UnresolvedDate, Vec::new())),
                None => {}
            }
        }
        ValueSlot::Members { kinds, list } => {
            let m = members::read_members(
                &pack.gazetteer,
                at.doc,
                at.sentence.start,
                sentence_text,
                value.range(),
                kinds,
                *list,
            );
            if rule.kind == RuleKind::Roster {
                if !m.ids.is_empty() {
                    let count = members::read_count(caps);
                    let complete = members::is_complete(sentence_text, value.range(), count.is_some());
                    readings.push((members::roster(&m, complete, count), m.corrections));
                }
            } else {
                let mut corrections = m.corrections;
                // "Neither Joe Biden nor Xi Jinping attended": said to be
                // there only to be denied. (An absence rule's own patterns
                // say how they read "neither … nor".)
                let denied = rule.present
                    && (after_neither_or_nor(&sentence_text[..value.start()])
                        || denied_after(&sentence_text[value.end()..whole.end()], &sentence_text[whole.end()..]));
                for id in m.ids {
                    let v = Value::Membership {
                        entity: id,
                        present: rule.present && !denied,
                    };
                    readings.push((v, std::mem::take(&mut corrections)));
                }
            }
        }
    }
    readings
        .into_iter()
        .map(|(reading, corrections)| claim(pack, rule, pattern, caps, at, &value, &whole, reading, corrections))
        .collect()
}

/// Is a presence denied by the words between the name and its verb ("X
/// did not attend", "X never attended") or by the verb's object ("X
/// attended neither", "attended none of them")?
fn denied_after(between: &str, after: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect()
    };
    let negation =
        |w: &str| matches!(w, "not" | "never" | "no" | "neither" | "none") || w.ends_with("n't") || w.ends_with("n’t");
    words(between).iter().any(|w| negation(w))
        || words(after)
            .first()
            .is_some_and(|w| matches!(w.as_str(), "neither" | "none" | "no"))
}

/// Does the text just before a name end with "neither" or "nor"?
fn after_neither_or_nor(before: &str) -> bool {
    let last = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(last.as_str(), "neither" | "nor")
}

/// Is the date at `date` the day one of a date frame's `words` happened?
/// The word, then the date in its clause, with no other date between
/// (within 50 bytes: "opened in Dubai on Thursday"); the date, then the
/// word with two words between at most ("Tuesday's deal", "On 25
/// September, prosecutors detained"); or the date among the sentence's
/// first words and the word later in it ("Early on Monday two dams above
/// the city collapsed"). Never across a clause opener (`joins_clauses`).
fn happened_near(words: &Regex, sentence: &str, date: std::ops::Range<usize>) -> bool {
    static JUST_AFTER: OnceLock<Regex> = OnceLock::new();
    static OPENING: OnceLock<Regex> = OnceLock::new();
    let just_after =
        JUST_AFTER.get_or_init(|| Regex::new(r"^(?:'s|’s)?,?(?:\s+[^\s.;,]+){0,2}?\s+$").expect("gap regex"));
    let opening = OPENING.get_or_init(|| Regex::new(r"^\W*(?:[^\s.;,]+\s+){0,3}$").expect("opening regex"));
    let clean = |gap: &str| !gap.contains(['.', ';']) && !joins_clauses(gap);
    // The word before, nearest the date.
    let mut lo = date.start.saturating_sub(90);
    while !sentence.is_char_boundary(lo) {
        lo -= 1;
    }
    let before = words
        .find_iter(&sentence[lo..date.start])
        .filter(|w| date.start - (lo + w.end()) <= 50)
        .last();
    if let Some(word) = before {
        let gap = &sentence[lo + word.end()..date.start];
        if clean(gap) && !crate::event::when::holds_date(gap) {
            return true;
        }
    }
    let rest = &sentence[date.end..];
    if let Some(word) = words.find(rest) {
        let gap = &rest[..word.start()];
        if just_after.is_match(gap) && clean(gap) {
            return true;
        }
        if opening.is_match(&sentence[..date.start]) && word.start() <= 60 && clean(gap) {
            return true;
        }
    }
    false
}

/// Does the stretch between a date and what happened (the words between
/// them, either side) open another clause ("the deal, after leaving the EU
/// on January 31")? Then the date is that clause's.
fn joins_clauses(gap: &str) -> bool {
    // Clause openers, and verbs whose clause the date would then date
    // ("Morocco's earthquake toll stood at 2,901 on Tuesday").
    const OPENERS: [&str; 17] = [
        "after", "before", "when", "while", "since", "but", "which", "who", "that", "because", "whereas", "until",
        "stood", "stands", "said", "says", "told",
    ];
    // "gave way before dawn on Monday": a time of day, not a clause.
    const TIMES: [&str; 8] = [
        "dawn",
        "midnight",
        "noon",
        "daybreak",
        "sunrise",
        "sunset",
        "nightfall",
        "dusk",
    ];
    let words: Vec<&str> = gap
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        OPENERS.iter().any(|o| w.eq_ignore_ascii_case(o))
            && !words
                .get(i + 1)
                .is_some_and(|next| TIMES.iter().any(|t| next.eq_ignore_ascii_case(t)))
    })
}

/// Does the text before a date end with a word that makes it a bound
/// ("by", "until", "before", "after", "since")?
fn bounds_a_time(before: &str) -> bool {
    let last = before.split_whitespace().last().unwrap_or("");
    ["by", "until", "till", "before", "after", "since"]
        .iter()
        .any(|w| last.eq_ignore_ascii_case(w))
}

#[allow(clippy::too_many_arguments)]
fn claim(
    pack: &RulePack,
    rule: &Rule,
    pattern: &Pattern,
    caps: &Captures,
    at: &Site,
    value: &regex::Match,
    whole: &regex::Match,
    reading: Value,
    corrections: Vec<Correction>,
) -> Claim {
    let sentence_text = &at.doc.text[at.sentence.range()];
    let (event, mut unbound) = match at.event {
        SentenceEvent::Bound { event, .. } if !pack.may_bind(rule, event) => {
            (None, Some(format!("bound to {event}, an event of another story pack")))
        }
        SentenceEvent::Bound { event, binding } => (Some((event.clone(), binding.clone())), None),
        SentenceEvent::Unbound { why } => (None, Some(why.to_string())),
    };
    // A date is only evidence about the event its own sentence names.
    let date_event_ok = rule.kind != RuleKind::Date || matches!(&event, Some((_, Binding::Sentence { .. })));
    let event_for_key = event.as_ref().filter(|_| date_event_ok).map(|(e, _)| &**e);
    if !date_event_ok {
        unbound = Some("a date only counts for the event its own sentence names".into());
    }
    let (mut key, key_display) = resolve_key(pack, rule, pattern, caps, sentence_text, event_for_key);
    if at.foreign_to(pack, rule) {
        key = None;
    } else if key.is_some() {
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
        Value::Roster(_) | Value::Membership { .. } => members::display(&pack.gazetteer, &reading),
    };
    Claim {
        doc: at.doc_index,
        rule: rule.id.clone(),
        partial_key: Claim::partial_key(key.as_deref(), key_display),
        key,
        event,
        unbound: unbound.map(Into::into),
        modality,
        value: shown,
        unit_label: rule.unit.clone(),
        reading,
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
        sentence_text: at.sentence_text(),
        corrections,
        attribution: crate::frame::attribution(sentence_text, value.range()),
        as_of: None,
        at_time: at.at_time,
    }
}

/// The entity a value belongs to: the one the pattern captured, unless
/// the text between it and the value names another of the same kind,
/// which is then nearer ("France and Germany spend 2% and 2.1% of GDP":
/// 2.1% is Germany's).
fn nearest_entity<'s>(
    slot: &EntitySlot,
    entity: regex::Match<'s>,
    value: Option<regex::Match<'s>>,
    sentence: &'s str,
) -> &'s str {
    let (Some(value), Some(finder)) = (value, &slot.finder) else {
        return entity.as_str();
    };
    if entity.end() <= value.start() {
        let gap = entity.end()..value.start();
        finder
            .find_iter(&sentence[gap.clone()])
            .last()
            .map_or(entity.as_str(), |m| {
                &sentence[gap.start + m.start()..gap.start + m.end()]
            })
    } else if value.end() <= entity.start() {
        let gap = value.end()..entity.start();
        finder.find(&sentence[gap.clone()]).map_or(entity.as_str(), |m| {
            &sentence[gap.start + m.start()..gap.start + m.end()]
        })
    } else {
        entity.as_str()
    }
}

/// Fill the rule's key template from the match; `None` as key when a part
/// has no value (it is then shown as `?`).
fn resolve_key(
    pack: &RulePack,
    rule: &Rule,
    pattern: &Pattern,
    caps: &Captures,
    sentence: &str,
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
                    caps.name(name)
                        .map(|m| match pattern.entities.iter().find(|slot| slot.group == *name) {
                            Some(slot) => {
                                let written = nearest_entity(slot, m, caps.name("value"), sentence);
                                match pack.gazetteer.lookup_in(written, sentence) {
                                    Some(e) => e.id.clone(),
                                    None => slug(written),
                                }
                            }
                            None => slug(m.as_str()),
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The frame prefilters only skip work: with them off (every sentence
    /// read for every frame rule), every development article and the demo
    /// give the same claims.
    #[test]
    fn frame_prefilters_change_no_claim() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut pack = RulePack::load_all(&[root.join("rules"), root.join("tests/eval/rules")]).unwrap();
        for corpus in ["tests/eval/corpus", "corpus"] {
            let corpus = crate::corpus::load_corpus(&root.join(corpus)).unwrap();
            pack.frame_filters_off = false;
            let filtered = extract_corpus(&pack, &corpus.documents);
            pack.frame_filters_off = true;
            let all = extract_corpus(&pack, &corpus.documents);
            assert!(
                filtered.len() > 100 || corpus.documents.len() < 10,
                "{}",
                filtered.len()
            );
            assert_eq!(filtered.len(), all.len());
            for (a, b) in filtered.iter().zip(&all) {
                assert_eq!(
                    (a.doc, &a.rule, a.span, &a.key, &a.value),
                    (b.doc, &b.rule, b.span, &b.key, &b.value)
                );
            }
        }
    }
}

#[cfg(test)]
mod date_frame_tests {
    use super::{bounds_a_time, joins_clauses};

    #[test]
    fn a_date_next_to_what_happened() {
        let words = regex::Regex::new(r"(?i)\b(?:opened|opens|deal|collapsed|detained)\b").unwrap();
        let near = |s: &str, date: &str| {
            let at = s.find(date).unwrap();
            super::happened_near(&words, s, at..at + date.len())
        };
        assert!(near("The summit opens in Dubai on Thursday.", "Thursday"));
        assert!(near("Leaders hailed Tuesday's deal.", "Tuesday"));
        assert!(near(
            "On 25 September, prosecutors detained eight officials.",
            "25 September"
        ));
        assert!(near("Early on Monday two dams above the city collapsed.", "Monday"));
        // Only the first date after the word is its day.
        assert!(!near("It opened on 5 May and was reviewed on 9 May.", "9 May"));
        // Another clause's date.
        assert!(!near("The deal, after talks ended on Friday, held.", "Friday"));
        assert!(!near("Officials said on Tuesday that a deal was close.", "Tuesday"));
    }

    #[test]
    fn a_presence_denied_after_the_name() {
        assert!(super::denied_after(" attended", " neither summit"));
        assert!(super::denied_after(" did not attend", ""));
        assert!(super::denied_after(" never attended", " the talks"));
        assert!(!super::denied_after(" attended", " the summit"));
    }

    #[test]
    fn a_date_after_a_bound_word_is_no_day_of_happening() {
        assert!(bounds_a_time("50 companies had signed the charter by "));
        assert!(bounds_a_time("talks ran until"));
        assert!(!bounds_a_time("the charter was launched on "));
        assert!(!bounds_a_time("storm warnings from "));
    }

    #[test]
    fn a_date_in_another_clause_is_not_the_happenings() {
        assert!(joins_clauses("deal after leaving the EU on "));
        assert!(joins_clauses("earthquake toll stood at 2,901 on "));
        assert!(!joins_clauses("gave way before dawn on "));
        assert!(!joins_clauses("agreed their recovery package in Brussels on "));
        assert!(!joins_clauses("adopted on "));
    }
}
