//! The gazetteer: canonical entities (countries, organisations, people,
//! cities), their aliases, the roles people hold on a date, lookup of a
//! name as written, typo-tolerant matching ([`typo`]) and lists of entities
//! ([`list`]).

pub mod list;
pub mod typo;

use crate::date::Date;
use regex::Regex;
use std::collections::HashMap;

/// The letters names are written with in news copy, as regex class bodies:
/// Latin with its extensions, Greek and Cyrillic. Unicode-wide classes
/// (`\p{L}`) cost 5-10 ms each to compile, paid at start-up on every run;
/// these cost a fraction of a millisecond. A name in another script has no
/// capital letter to be told by anyway.
pub mod letters {
    /// A capital that may start a name (the Latin Extended blocks mix cases).
    pub const CAPITAL: &str =
        r"A-Z\x{C0}-\x{D6}\x{D8}-\x{DE}\x{100}-\x{24F}\x{386}-\x{3AB}\x{400}-\x{42F}\x{1E00}-\x{1EFF}";
    /// Any letter of a name, with combining marks.
    pub const LETTER: &str =
        r"A-Za-z\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}\x{300}-\x{36F}\x{370}-\x{3FF}\x{400}-\x{4FF}\x{1E00}-\x{1EFF}";
    /// A lower-case letter (the Latin Extended blocks mix cases).
    pub const LOWER: &str =
        r"a-z\x{DF}-\x{F6}\x{F8}-\x{FF}\x{100}-\x{24F}\x{3AC}-\x{3CE}\x{430}-\x{45F}\x{1E00}-\x{1EFF}";
}

#[derive(Debug, Clone)]
pub struct Entity {
    /// Stable slug used in claim keys: `poland`, `united-kingdom`.
    pub id: String,
    /// Canonical spelling: `Poland`.
    pub name: String,
    /// `country`, `organisation`, `person`, …; placeholders name a kind.
    pub kind: String,
    /// Other ways of writing it: `UK`, `U.K.`, `Britain`, `British`.
    pub aliases: Vec<String>,
    /// What a person stands for, and when: Rutte for the Netherlands until
    /// 2024, for NATO from October 2024.
    pub roles: Vec<Role>,
    /// In a list of participants this entity counts as another: the
    /// European Council as the EU.
    pub counts_as: Option<String>,
    /// Contexts in the sentence that mean another thing of the same name:
    /// "Atlanta, Georgia" is not the country.
    pub not_near: Vec<Regex>,
}

impl Entity {
    /// An entity with no roles, parent or exclusions.
    pub fn new(id: &str, name: &str, kind: &str, aliases: &[&str]) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            kind: kind.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            roles: Vec::new(),
            counts_as: None,
            not_near: Vec::new(),
        }
    }
}

impl PartialEq for Entity {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for Entity {}

/// A role a person holds: the entity they stand for, from and until when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub represents: String,
    pub title: String,
    pub from: Option<Date>,
    pub until: Option<Date>,
}

impl Role {
    fn holds_on(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// Entities by id and by every alias (case-insensitive).
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    by_alias: HashMap<String, usize>,
}

/// Why an entity cannot join the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GazetteerError {
    DuplicateId(String),
    /// The alias, the entity that has it, and the one that also claimed it.
    DuplicateAlias(String, String, String),
}

/// Lower-case words joined by `-`: "Sending Weapons" → `sending-weapons`;
/// the form of every name in a claim key.
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

/// The lookup form of a name: lower case, typographic apostrophes folded,
/// white space collapsed, a possessive `'s` dropped.
pub fn normalise_name(s: &str) -> String {
    let folded: String = s.replace('\u{2019}', "'").to_lowercase();
    let collapsed = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.strip_suffix("'s").map(str::to_string).unwrap_or(collapsed)
}

impl Gazetteer {
    pub fn add(&mut self, entity: Entity) -> Result<(), GazetteerError> {
        if self.entities.iter().any(|e| e.id == entity.id) {
            return Err(GazetteerError::DuplicateId(entity.id));
        }
        let index = self.entities.len();
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            let key = normalise_name(name);
            match self.by_alias.get(&key) {
                Some(&other) if other != index => {
                    return Err(GazetteerError::DuplicateAlias(
                        name.clone(),
                        self.entities[other].id.clone(),
                        entity.id,
                    ));
                }
                _ => {
                    self.by_alias.insert(key, index);
                }
            }
        }
        self.entities.push(entity);
        Ok(())
    }

    /// Does the gazetteer hold an entity of this kind (or of every one of
    /// several, comma-separated)?
    pub fn has_kind(&self, kind: &str) -> bool {
        kind.split(',')
            .all(|k| self.entities.iter().any(|e| e.kind == k.trim()))
    }

    pub fn kinds(&self) -> Vec<&str> {
        let mut kinds: Vec<&str> = self.entities.iter().map(|e| e.kind.as_str()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        kinds
    }

    /// The entity a name as written refers to, if the gazetteer knows it.
    pub fn lookup(&self, written: &str) -> Option<&Entity> {
        self.by_alias.get(&normalise_name(written)).map(|&i| &self.entities[i])
    }

    /// As [`lookup`](Self::lookup), but not where the sentence around the
    /// name rules the entity out ("Atlanta, Georgia").
    pub fn lookup_in(&self, written: &str, sentence: &str) -> Option<&Entity> {
        self.lookup(written)
            .filter(|e| !e.not_near.iter().any(|re| re.is_match(sentence)))
    }

    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Who takes part when `id` is named in a list of participants on
    /// `date`: a person stands for the entity of their role then (without a
    /// date: their only role, or their current one), then `counts_as` is
    /// followed. `None` when a person has no role on that date.
    pub fn participant(&self, id: &str, date: Option<Date>) -> Option<&Entity> {
        let mut e = self.get(id)?;
        if !e.roles.is_empty() {
            let role = match date {
                Some(d) => e.roles.iter().find(|r| r.holds_on(d)),
                None if e.roles.len() == 1 => e.roles.first(),
                None => e.roles.iter().find(|r| r.until.is_none()),
            }?;
            e = self.get(&role.represents)?;
        }
        for _ in 0..4 {
            match &e.counts_as {
                Some(parent) => e = self.get(parent)?,
                None => break,
            }
        }
        Some(e)
    }

    /// Check references between entities (roles, `counts_as`); one message
    /// per dangling reference.
    pub fn dangling_references(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for e in &self.entities {
            for r in &e.roles {
                if self.get(&r.represents).is_none() {
                    out.push((
                        e.id.clone(),
                        format!("role represents unknown entity `{}`", r.represents),
                    ));
                }
            }
            if let Some(c) = &e.counts_as {
                if self.get(c).is_none() {
                    out.push((e.id.clone(), format!("counts_as unknown entity `{c}`")));
                }
            }
        }
        out
    }

    /// A regex alternation of every spelling of entities of `kind` (or of
    /// several kinds, comma-separated: `country,person`), longest first so
    /// "United States" wins over "United", bounded by word edges.
    pub fn pattern(&self, kind: &str) -> String {
        let kinds: Vec<&str> = kind.split(',').map(str::trim).collect();
        let mut names: Vec<&str> = self
            .entities
            .iter()
            .filter(|e| kinds.contains(&e.kind.as_str()))
            .flat_map(|e| std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str)))
            .collect();
        names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        names.dedup();
        let alts: Vec<String> = names
            .iter()
            .map(|n| {
                // Names may end in a full stop ("U.K."): no word edge after it.
                let body = regex::escape(n).replace(' ', r"\s+").replace('\'', "(?:'|’)");
                let end = if n.ends_with(|c: char| c.is_alphanumeric()) {
                    r"\b"
                } else {
                    ""
                };
                // Acronyms match only as written: "US" but not the pronoun "us".
                let acronym = n.chars().filter(|c| c.is_uppercase()).count() >= 2 && !n.chars().any(char::is_lowercase);
                if acronym {
                    format!("(?-i:{body}){end}")
                } else {
                    format!("{body}{end}")
                }
            })
            .collect();
        crate::quantity::ascii_fragment(&format!(r"\b(?:{})", alts.join("|")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> Gazetteer {
        let mut g = Gazetteer::default();
        let e = |id: &str, name: &str, aliases: &[&str]| Entity::new(id, name, "country", aliases);
        g.add(e(
            "united-kingdom",
            "United Kingdom",
            &["UK", "U.K.", "Britain", "British"],
        ))
        .unwrap();
        g.add(e("united-states", "United States", &["US", "U.S.", "America"]))
            .unwrap();
        g
    }

    #[test]
    fn slugs_are_stable() {
        assert_eq!(
            slug("Sending  Weapons to Ukraine’s army"),
            "sending-weapons-to-ukraine-s-army"
        );
        assert_eq!(slug("2025"), "2025");
    }

    #[test]
    fn lookup_folds_case_possessives_and_spacing() {
        let g = gaz();
        assert_eq!(g.lookup("Britain’s").unwrap().id, "united-kingdom");
        assert_eq!(g.lookup("united  kingdom").unwrap().id, "united-kingdom");
        assert_eq!(g.lookup("u.k.").unwrap().id, "united-kingdom");
        assert!(g.lookup("France").is_none());
    }

    #[test]
    fn duplicate_aliases_are_refused() {
        let mut g = gaz();
        let clash = Entity::new("usa", "USA", "country", &["US"]);
        assert_eq!(
            g.add(clash),
            Err(GazetteerError::DuplicateAlias(
                "US".into(),
                "united-states".into(),
                "usa".into()
            ))
        );
    }

    #[test]
    fn pattern_prefers_longest_spelling() {
        let re = regex::Regex::new(&format!("(?i){}", gaz().pattern("country"))).unwrap();
        let m = re.find("the United Kingdom and the U.K. agree").unwrap();
        assert_eq!(m.as_str(), "United Kingdom");
        assert_eq!(re.find("in the U.K. today").unwrap().as_str(), "U.K.");
        assert!(re.find("USAID and Ukraine").is_none());
        assert!(re.find("tell us about it").is_none(), "the pronoun is not the country");
        assert_eq!(re.find("the US and").unwrap().as_str(), "US");
    }
}
