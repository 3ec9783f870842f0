//! Rosters and memberships: who a sentence places at an event, or keeps
//! away from it.

use crate::claim::{Correction, Roster, Span, Value};
use crate::corpus::Document;
use crate::entity::{list, Gazetteer};
use crate::quantity::{self, ReadOptions};
use regex::Captures;
use std::ops::Range;

/// Words before a list that make it a sample, not the whole roster.
const SAMPLE_CUES: &[&str] = &[
    "like",
    "such as",
    "including",
    "among them",
    "among",
    "notably",
    "e.g.",
    "for example",
];
/// Words after a list that leave it open.
const OPEN_ENDS: &[&str] = &["and others", "among others", "etc", "and more", "and other"];

/// Nouns after a list of names that make the names adjectives.
const ADJECTIVAL_NOUNS: &[&str] = &[
    "countries",
    "country",
    "nations",
    "states",
    "members",
    "member",
    "allies",
    "governments",
    "officials",
    "leaders",
    "troops",
    "forces",
    "diplomats",
    "citizens",
    "companies",
    "capitals",
    "counterparts",
    "ministers",
];

/// A value read from a `{members:…}` or `{member:…}` capture.
pub struct Members {
    /// Participant ids, in order, each once.
    pub ids: Vec<String>,
    pub unknown: Vec<String>,
    pub corrections: Vec<Correction>,
}

/// Resolve the entities of a capture: a list, or one name. People stand
/// for what they represent on `published`.
pub fn read_members(
    gazetteer: &Gazetteer,
    doc: &Document,
    sentence_start: usize,
    sentence: &str,
    value: Range<usize>,
    kinds: &[String],
    is_list: bool,
) -> Members {
    let kinds: Vec<&str> = kinds.iter().map(String::as_str).collect();
    let text = &sentence[value.clone()];
    let mut out = Members {
        ids: Vec::new(),
        unknown: Vec::new(),
        corrections: Vec::new(),
    };
    // "NATO and EU countries", "French and German officials": the names
    // qualify a noun; they are not the participants.
    let next_word: String = sentence[value.end..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    if ADJECTIVAL_NOUNS.contains(&next_word.as_str()) {
        return out;
    }
    let items = if is_list {
        list::resolve(gazetteer, text, sentence, &kinds)
    } else {
        let entity = gazetteer
            .lookup_in(text, sentence)
            .filter(|e| kinds.contains(&e.kind.as_str()));
        vec![list::Item {
            text: text.to_string(),
            range: 0..text.len(),
            entity: entity.map(|e| e.id.clone()),
            corrected: None,
        }]
    };
    for item in items {
        let Some(id) = &item.entity else {
            out.unknown.push(item.text);
            continue;
        };
        let Some(participant) = gazetteer.participant(id, doc.published) else {
            out.unknown.push(item.text);
            continue;
        };
        if let Some(canonical) = &item.corrected {
            let start = sentence_start + value.start + item.range.start;
            let (line, col) = doc.position(start);
            out.corrections.push(Correction {
                written: item.text.clone(),
                entity: id.clone(),
                canonical: canonical.clone(),
                span: Span {
                    start,
                    end: start + item.text.len(),
                    line,
                    col,
                },
            });
        }
        if !out.ids.contains(&participant.id) {
            out.ids.push(participant.id.clone());
        }
    }
    out
}

/// Does the sentence say the list is the whole roster? "Only France,
/// Germany and Italy attended", "the five: …", a count beside it; not "like
/// France and Germany", nor "France, Germany and others".
pub fn is_complete(sentence: &str, list: Range<usize>, has_count: bool) -> bool {
    // A capitalised cue ("Only France, …") is read into the first item.
    let first_item = crate::entity::list::split(&sentence[list.clone()])
        .first()
        .map_or(0, |r| r.end);
    let before = sentence[..list.start + first_item].to_lowercase();
    let after = sentence[list.end..].to_lowercase();
    let mut cut = before.len().saturating_sub(60);
    while !before.is_char_boundary(cut) {
        cut += 1;
    }
    let near_before = &before[cut..];
    let words_before: Vec<&str> = near_before.split(|c: char| !c.is_alphanumeric() && c != '.').collect();
    let sample = SAMPLE_CUES.iter().any(|cue| {
        let n = cue.split(' ').count();
        let cue_words: Vec<&str> = cue.split(' ').collect();
        words_before.windows(n).any(|w| w == cue_words.as_slice())
    });
    let open = OPEN_ENDS
        .iter()
        .any(|e| after.trim_start_matches([',', ' ']).starts_with(e));
    if sample || open {
        return false;
    }
    let only =
        words_before.contains(&"only") || after.trim_start().starts_with("were the only") || after.contains(" alone ");
    has_count || only
}

/// The count a `{count}` group holds ("five", "5").
pub fn read_count(caps: &Captures) -> Option<u32> {
    let text = caps.name("count")?.as_str();
    let q = quantity::read(text, &ReadOptions::default())?;
    (q.interval.is_point() && q.interval.lo >= 0.0 && q.interval.lo.fract() == 0.0).then_some(q.interval.lo as u32)
}

/// A roster value from resolved members.
pub fn roster(members: &Members, complete: bool, count: Option<u32>) -> Value {
    Value::Roster(Roster {
        members: members.ids.clone(),
        unknown: members.unknown.clone(),
        complete,
        count,
    })
}

/// `France; Germany; Italy (complete, 3 stated)`: how a roster or
/// membership reads in the reports.
pub fn display(gazetteer: &Gazetteer, value: &Value) -> String {
    let name = |id: &str| gazetteer.get(id).map_or(id.to_string(), |e| e.name.clone());
    match value {
        Value::Roster(r) => {
            let mut names: Vec<String> = r.members.iter().map(|m| name(m)).collect();
            names.extend(r.unknown.iter().map(|u| format!("?{u}")));
            let mut notes = Vec::new();
            if r.complete {
                notes.push("complete".to_string());
            }
            if let Some(n) = r.count {
                notes.push(format!("{n} stated"));
            }
            let notes = if notes.is_empty() {
                String::new()
            } else {
                format!(" ({})", notes.join(", "))
            };
            format!("{}{notes}", names.join("; "))
        }
        Value::Membership { entity, present } => {
            format!("{}: {}", name(entity), if *present { "present" } else { "absent" })
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete(sentence: &str, list: &str) -> bool {
        let start = sentence.find(list).unwrap();
        is_complete(sentence, start..start + list.len(), false)
    }

    #[test]
    fn completeness_cues() {
        assert!(complete(
            "Only France, Germany and Italy attended.",
            "France, Germany and Italy"
        ));
        assert!(complete(
            "France, Germany and Italy were the only countries there.",
            "France, Germany and Italy"
        ));
        assert!(!complete(
            "Only nations like the UK, France and Germany were invited.",
            "the UK, France and Germany"
        ));
        assert!(!complete(
            "France, Germany and Italy attended.",
            "France, Germany and Italy"
        ));
        assert!(!complete(
            "Only France, Germany and others attended.",
            "France, Germany"
        ));
        assert!(!complete(
            "Leaders including France and Germany met.",
            "France and Germany"
        ));
    }
}
