//! Binding sentences to events: the sentence's own event, else its
//! paragraph's, else the document's dominant one.
//!
//! A sentence names an event in two ways: a declared event's trigger
//! matches it (and the article was published near the event), or it holds
//! a meeting word, a city and a resolved date, which derives an event
//! (`paris/2025-03-11/meeting`) — the declared event at that place and date
//! when there is one. A trigger is vetoed when the sentence places the
//! event elsewhere or at a date far from the declared one. A sentence that
//! names two events binds to none; so does a paragraph that does.

use super::when::{find_dates, DateOrder, DateSpan, When};
use super::Event;
use crate::corpus::{Document, Sentence};
use crate::date::Date;
use crate::entity::Gazetteer;
use regex::Regex;
use std::fmt;
use std::sync::Arc;
use std::sync::OnceLock;

/// How much more a mention in the first two paragraphs counts when
/// choosing a document's event.
const LEDE_WEIGHT: usize = 3;

/// How a claim's sentence came to be about an event: shown by `--explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Binding {
    /// The sentence names the event; `how` says by what.
    Sentence { how: Arc<str> },
    /// Another sentence of the same paragraph names it (1-based line).
    Paragraph { line: usize },
    /// The event most of the document's sentences name.
    Document { named_in: usize, sentences: usize },
}

impl fmt::Display for Binding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Binding::Sentence { how } => write!(f, "the sentence names it ({how})"),
            Binding::Paragraph { line } => write!(f, "its paragraph names it (line {line})"),
            Binding::Document { named_in, sentences } => {
                write!(
                    f,
                    "the document's dominant event (named in {named_in} of {sentences} sentences)"
                )
            }
        }
    }
}

/// The event of one sentence, or why there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SentenceEvent {
    Bound { event: Arc<str>, binding: Binding },
    Unbound { why: Arc<str> },
}

/// One paragraph's number, the events its sentences name on their own
/// (each with the line of the first), and whether a sentence names several.
type ParagraphEvents<'a> = (usize, Vec<(&'a str, usize)>, bool);

/// What one sentence says about events, before fallbacks.
#[derive(Debug, Clone, Default)]
struct Named {
    events: Vec<(String, String)>,
    ambiguous: bool,
}

fn meeting_words() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:met|meet|meets|meeting|meetings|summit|summits|talks|gathered|gather|gathering|convened|convene|conference|negotiations|hosted|hosts)(?-u:\b)",
        )
        .expect("meeting regex")
    })
}

/// Everything binding needs besides the document: compiled once per pack.
#[derive(Debug)]
pub struct EventBinder {
    pub events: Vec<Event>,
    /// Cities of the gazetteer (`kind = "city"`), for derived events.
    places: Option<Regex>,
}

impl EventBinder {
    pub fn new(events: Vec<Event>, gazetteer: &Gazetteer) -> Self {
        let places = gazetteer.has_kind("city").then(|| {
            let src = format!("(?i){}", gazetteer.pattern("city")).replace(r"\b", r"(?-u:\b)");
            Regex::new(&src).expect("city names are escaped literals")
        });
        EventBinder { events, places }
    }

    /// The event of every sentence of `doc`, with the reason.
    pub fn bind(&self, gazetteer: &Gazetteer, doc: &Document, sentences: &[Sentence]) -> Vec<SentenceEvent> {
        let order = doc.date_order;
        // The events an article of this day could report, each with the
        // days a sentence may give for it: the same for every sentence.
        let live: Vec<(&Event, DateSpan)> = self
            .events
            .iter()
            .filter(|e| e.in_window(doc.published))
            .map(|e| (e, e.plausible_span()))
            .collect();
        let named: Vec<Named> = sentences
            .iter()
            .map(|s| self.named(gazetteer, &live, &doc.text[s.range()], doc.published, order))
            .collect();
        // Per paragraph: the events its sentences name on their own (with
        // the line of the first), and whether one of them names several.
        let mut paragraphs: Vec<ParagraphEvents> = Vec::new();
        for (j, other) in sentences.iter().enumerate() {
            if paragraphs.last().is_none_or(|(p, _, _)| *p != other.paragraph) {
                paragraphs.push((other.paragraph, Vec::new(), false));
            }
            let Some((_, para, ambiguous)) = paragraphs.last_mut() else {
                continue;
            };
            *ambiguous |= named[j].ambiguous;
            if let [(id, _)] = named[j].events.as_slice() {
                if !para.iter().any(|(e, _)| e == id) {
                    para.push((id, doc.position(other.start).0));
                }
            }
        }

        // Document: the event most sentences name, when one leads. A news
        // article's topic is its lede: mentions in the first two
        // paragraphs weigh LEDE_WEIGHT times.
        let mut counts: Vec<(&str, usize)> = Vec::new();
        let mut weights: Vec<(&str, usize)> = Vec::new();
        for (n, s) in named.iter().zip(sentences).filter(|(n, _)| !n.ambiguous) {
            if let [(id, _)] = n.events.as_slice() {
                let w = if s.paragraph < 2 { LEDE_WEIGHT } else { 1 };
                match counts.iter_mut().zip(weights.iter_mut()).find(|((e, _), _)| e == id) {
                    Some(((_, c), (_, wt))) => {
                        *c += 1;
                        *wt += w;
                    }
                    None => {
                        counts.push((id, 1));
                        weights.push((id, w));
                    }
                }
            }
        }
        let max = weights.iter().map(|c| c.1).max().unwrap_or(0);
        let leaders: Vec<(&str, usize)> = weights
            .iter()
            .zip(&counts)
            .filter(|((_, w), _)| *w == max)
            .map(|((id, _), (_, c))| (*id, *c))
            .collect();
        let dominant = match leaders.as_slice() {
            [(id, n)] => Some((id.to_string(), *n)),
            _ => None,
        };

        sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let n = &named[i];
                if n.ambiguous {
                    let ids: Vec<&str> = n.events.iter().map(|e| e.0.as_str()).collect();
                    return SentenceEvent::Unbound {
                        why: format!("the sentence names several events: {}", ids.join(", ")).into(),
                    };
                }
                if let [(event, how)] = n.events.as_slice() {
                    return SentenceEvent::Bound {
                        event: event.as_str().into(),
                        binding: Binding::Sentence {
                            how: how.as_str().into(),
                        },
                    };
                }
                // Paragraph: the one event its other sentences name.
                let empty = (s.paragraph, Vec::new(), false);
                let (_, para, para_ambiguous) = paragraphs.iter().find(|(p, _, _)| *p == s.paragraph).unwrap_or(&empty);
                match para.as_slice() {
                    [(id, line)] if !para_ambiguous => {
                        return SentenceEvent::Bound {
                            event: (*id).into(),
                            binding: Binding::Paragraph { line: *line },
                        }
                    }
                    [] if !*para_ambiguous => {}
                    _ => {
                        return SentenceEvent::Unbound {
                            why: "its paragraph names several events".into(),
                        }
                    }
                }
                match &dominant {
                    Some((id, named_in)) => SentenceEvent::Bound {
                        event: id.as_str().into(),
                        binding: Binding::Document {
                            named_in: *named_in,
                            sentences: sentences.len(),
                        },
                    },
                    None if counts.is_empty() => SentenceEvent::Unbound {
                        why: "no event is named in the document".into(),
                    },
                    None => SentenceEvent::Unbound {
                        why: "no single event dominates the document".into(),
                    },
                }
            })
            .collect()
    }

    /// The events one sentence names, each with how. `live`: the events
    /// in the document's window, with their plausible spans.
    fn named(
        &self,
        gazetteer: &Gazetteer,
        live: &[(&Event, DateSpan)],
        text: &str,
        published: Option<Date>,
        order: DateOrder,
    ) -> Named {
        let place = self
            .places
            .as_ref()
            .and_then(|re| re.find(text))
            .and_then(|m| gazetteer.lookup(m.as_str()).map(|e| (e.id.clone(), e.name.clone())));
        let meeting = meeting_words().find(text);
        let fired: Vec<(&Event, &DateSpan, &Regex)> = live
            .iter()
            .filter_map(|(e, span)| Some((*e, span, e.triggers.iter().find(|t| t.is_match(text))?)))
            .collect();
        // Dates matter to a trigger's vetoes, a derived event, or an
        // event held on the day the sentence gives.
        if fired.is_empty()
            && (place.is_none() || meeting.is_none())
            && (live.is_empty() || !super::when::may_hold_date(text))
        {
            return Named::default();
        }
        let dates: Vec<(usize, DateSpan)> = find_dates(text, published, order)
            .into_iter()
            .filter_map(|(r, w)| match w {
                When::Resolved(span) => Some((r.start, span)),
                When::Unresolved(_) => None,
            })
            .collect();
        // A derived event: a meeting word, a city and one day (the day
        // written nearest the meeting word).
        let derived = match (&place, meeting) {
            (Some(place), Some(m)) => dates
                .iter()
                .filter(|(_, d)| d.is_day())
                .min_by_key(|(at, _)| at.abs_diff(m.start()))
                .map(|(_, d)| (place.clone(), d.start, m.as_str().to_string())),
            _ => None,
        };
        // The days the sentence says something happened on: not "by
        // Friday", "since Thursday" (how long, as of when).
        // "On February 16, the prefecture saw 7,000": a sentence that opens
        // with its day tells of that day, even in a later article.
        let opens_with = dates
            .first()
            .filter(|(at, d)| {
                d.is_day() && {
                    let lead = text[..*at].trim();
                    lead.is_empty() || lead.eq_ignore_ascii_case("on")
                }
            })
            .map(|(_, d)| d.start);
        let mut days: Vec<Date> = dates
            .iter()
            .filter(|(at, d)| d.is_day() && !after_span_word(&text[..*at]))
            .map(|(_, d)| d.start)
            .collect();
        days.dedup();
        let dates: Vec<DateSpan> = dates.into_iter().map(|(_, d)| d).collect();

        let mut events: Vec<(String, String)> = Vec::new();
        let mut push = |id: &str, how: String| {
            if !events.iter().any(|(e, _)| e == id) {
                events.push((id.to_string(), how));
            }
        };
        let at_place = |e: &Event, place_id: &str| e.place.as_ref().is_none_or(|p| crate::entity::slug(p) == place_id);
        let mut triggered: Vec<&Event> = Vec::new();
        for (e, plausible, trigger) in fired {
            // Vetoes: the sentence puts it in another city, or only at days
            // far from the event.
            let elsewhere = place.as_ref().is_some_and(|(id, _)| !at_place(e, id));
            let other_date = !dates.is_empty() && !dates.iter().any(|d| plausible.overlaps(d));
            // Without a publication date a trigger alone proves nothing
            // about which meeting it is: the sentence must date it.
            let undated = published.is_none() && !dates.iter().any(|d| plausible.overlaps(d));
            if !elsewhere && !other_date && !undated {
                push(&e.id, format!("trigger /{}/", trigger_source(trigger)));
                triggered.push(e);
            }
        }
        if let Some(((place_id, place_name), day, word)) = &derived {
            let how = format!("{word:?} in {place_name} on {day}");
            // A triggered event at this place, within days: the same meeting
            // (the day may be a source's error, which a date rule will flag).
            let same = triggered
                .iter()
                .any(|e| at_place(e, place_id) && e.plausible_span().contains(*day));
            if !same {
                match self
                    .events
                    .iter()
                    .find(|e| e.span().contains(*day) && at_place(e, place_id))
                {
                    Some(e) => push(&e.id, how),
                    None => push(&format!("{place_id}/{day}/meeting"), how),
                }
            }
        }
        // No trigger and no derived event: the one event held on the day
        // the sentence gives ("riots erupted tonight" in an article of the
        // day of action), when the sentence gives one day.
        if events.is_empty() {
            if let [day] = days.as_slice() {
                let mut held = live.iter().filter(|(e, _)| e.span().contains(*day));
                if let (Some((e, _)), None) = (held.next(), held.next()) {
                    events.push((e.id.clone(), format!("held on the day it gives, {day}")));
                }
            }
        }
        if events.is_empty() {
            if let Some(day) = opens_with {
                let mut held = self.events.iter().filter(|e| e.span().contains(day));
                if let (Some(e), None) = (held.next(), held.next()) {
                    events.push((e.id.clone(), format!("held on the day it opens with, {day}")));
                }
            }
        }
        let ambiguous = events.len() > 1;
        Named { events, ambiguous }
    }
}

/// Does the text before a date end with a word that makes it a bound of
/// a stretch of time rather than the day something happened?
fn after_span_word(before: &str) -> bool {
    let last = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    [
        "by", "since", "until", "till", "through", "before", "after", "from", "of",
    ]
    .iter()
    .any(|w| last.eq_ignore_ascii_case(w))
}

/// A trigger as its author wrote it, without the flags added at compile.
fn trigger_source(re: &Regex) -> String {
    re.as_str().trim_start_matches("(?i)").replace(r"(?-u:\b)", r"\b")
}
