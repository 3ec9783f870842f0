//! The gazetteer: canonical entities (countries, organisations, people),
//! their aliases, and lookup of a name as written.

use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable slug used in claim keys: `poland`, `united-kingdom`.
    pub id: String,
    /// Canonical spelling: `Poland`.
    pub name: String,
    /// `country`, `organisation`, `person`, …; placeholders name a kind.
    pub kind: String,
    /// Other ways of writing it: `UK`, `U.K.`, `Britain`, `British`.
    pub aliases: Vec<String>,
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

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn has_kind(&self, kind: &str) -> bool {
        self.entities.iter().any(|e| e.kind == kind)
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

    /// A regex alternation of every spelling of entities of `kind`, longest
    /// first so "United States" wins over "United", bounded by word edges.
    pub fn pattern(&self, kind: &str) -> String {
        let mut names: Vec<&str> = self
            .entities
            .iter()
            .filter(|e| e.kind == kind)
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
        let e = |id: &str, name: &str, aliases: &[&str]| Entity {
            id: id.into(),
            name: name.into(),
            kind: "country".into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        };
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
        let clash = Entity {
            id: "usa".into(),
            name: "USA".into(),
            kind: "country".into(),
            aliases: vec!["US".into()],
        };
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
