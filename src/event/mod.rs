//! Events: the meetings, summits and talks that claims are about. A claim
//! is only ever compared with claims about the same event.

use crate::date::Date;
use regex::Regex;

/// How many days before an event an article may already be about it
/// (previews: "leaders will gather in Paris on Monday").
pub const PREVIEW_DAYS: i64 = 3;

/// An event declared in the rule pack.
#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub title: String,
    pub date: Date,
    pub place: Option<String>,
    /// Phrases that name it in a sentence ("military chiefs", "Jeddah").
    pub triggers: Vec<Regex>,
    /// How many days after the event articles still report it as news.
    pub window_days: u32,
}

impl Event {
    /// Could an article published on `published` be reporting this event?
    /// Without a publication date, any event could.
    pub fn in_window(&self, published: Option<Date>) -> bool {
        published.is_none_or(|p| {
            let delta = self.date.days_until(&p);
            (-PREVIEW_DAYS..=i64::from(self.window_days)).contains(&delta)
        })
    }

    /// Does the sentence name this event?
    pub fn triggered_by(&self, sentence: &str) -> bool {
        self.triggers.iter().any(|t| t.is_match(sentence))
    }
}
