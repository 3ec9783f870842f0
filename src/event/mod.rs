//! Events: the meetings, summits and talks that claims are about. A claim
//! is only ever compared with claims about the same event.

use crate::date::Date;
mod bind;
pub mod when;

pub use bind::{Binding, EventBinder, SentenceEvent};

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
    /// The last day, for events over several days.
    pub end_date: Date,
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
        published.is_none_or(|p| self.plausible_span().contains(p))
    }

    /// The days the event took place.
    pub fn span(&self) -> when::DateSpan {
        when::DateSpan {
            start: self.date,
            end: self.end_date,
        }
    }

    /// The days a sentence may give for this event and still mean it: from
    /// a few days before (previews) to the reporting window after.
    pub fn plausible_span(&self) -> when::DateSpan {
        when::DateSpan {
            start: self.date.add_days(-PREVIEW_DAYS),
            end: self.end_date.add_days(i64::from(self.window_days)),
        }
    }
}
