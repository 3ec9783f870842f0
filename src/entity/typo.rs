//! Typo-tolerant matching of a name no gazetteer spelling matches.
//!
//! "Poalnd" is Poland: one transposition. Only a word that is not itself a
//! known name is ever corrected, so real neighbours never merge (Austria
//! and Australia, Slovakia and Slovenia, Iran and Iraq, Niger and Nigeria,
//! Guinea and Guyana are all names). A correction must be close (one edit
//! up to six letters, two beyond), keep the first letter, and be
//! unambiguous: no other entity may be as close ("Irak" is as near Iran as
//! Iraq, so it stays unknown).

use super::{Entity, Gazetteer};

/// A correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction<'g> {
    pub entity: &'g Entity,
    /// The spelling it was closest to.
    pub spelling: String,
    pub edits: usize,
}

/// Fewest letters a word needs before it is worth correcting.
const MIN_LEN: usize = 4;

fn max_edits(len: usize) -> usize {
    if len <= 6 {
        1
    } else {
        2
    }
}

/// The entity of one of `kinds` that `written` misspells, if exactly one is
/// close enough.
pub fn correct<'g>(gazetteer: &'g Gazetteer, written: &str, kinds: &[&str]) -> Option<Correction<'g>> {
    let word = written.trim().to_lowercase();
    let len = word.chars().count();
    if len < MIN_LEN || !word.chars().all(|c| c.is_alphabetic() || c == '-') || gazetteer.lookup(written).is_some() {
        return None;
    }
    let first = word.chars().next()?;
    let limit = max_edits(len);
    let mut best: Option<Correction> = None;
    let mut tie = false;
    for e in gazetteer.entities().iter().filter(|e| kinds.contains(&e.kind.as_str())) {
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            let candidate = name.to_lowercase();
            if !candidate.starts_with(first) || candidate.contains(' ') {
                continue;
            }
            let d = strsim::osa_distance(&word, &candidate);
            if d > limit {
                continue;
            }
            match &best {
                Some(b) if d > b.edits => {}
                Some(b) if d == b.edits => tie |= b.entity.id != e.id,
                _ => {
                    tie = false;
                    best = Some(Correction {
                        entity: e,
                        spelling: name.clone(),
                        edits: d,
                    });
                }
            }
        }
    }
    best.filter(|_| !tie)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> Gazetteer {
        let mut g = Gazetteer::default();
        for (id, name, aliases) in [
            ("poland", "Poland", vec!["Polish"]),
            ("austria", "Austria", vec![]),
            ("australia", "Australia", vec![]),
            ("slovakia", "Slovakia", vec![]),
            ("slovenia", "Slovenia", vec![]),
            ("iran", "Iran", vec![]),
            ("iraq", "Iraq", vec![]),
            ("niger", "Niger", vec![]),
            ("nigeria", "Nigeria", vec![]),
            ("guinea", "Guinea", vec![]),
            ("guyana", "Guyana", vec![]),
            ("sweden", "Sweden", vec!["Swedish"]),
        ] {
            g.add(Entity::new(id, name, "country", &aliases)).unwrap();
        }
        g
    }

    fn fix(word: &str) -> Option<String> {
        correct(&gazetteer(), word, &["country"]).map(|c| c.entity.id.clone())
    }

    #[test]
    fn misspellings_are_corrected() {
        assert_eq!(fix("Poalnd").as_deref(), Some("poland"));
        assert_eq!(fix("Polnad").as_deref(), Some("poland"));
        assert_eq!(fix("Austrai").as_deref(), Some("austria"));
        assert_eq!(fix("Australai").as_deref(), Some("australia"));
        assert_eq!(fix("Slovkia").as_deref(), Some("slovakia"));
        assert_eq!(fix("Swedn").as_deref(), Some("sweden"));
    }

    #[test]
    fn real_neighbours_never_merge() {
        let g = gazetteer();
        for (a, b) in [
            ("Austria", "Australia"),
            ("Slovakia", "Slovenia"),
            ("Iran", "Iraq"),
            ("Niger", "Nigeria"),
            ("Guinea", "Guyana"),
            ("Sweden", "Swedish"),
        ] {
            assert_eq!(fix(a), None, "{a} is a name, never a typo");
            assert_eq!(fix(b), None, "{b} is a name, never a typo");
            let (ea, eb) = (g.lookup(a).unwrap(), g.lookup(b).unwrap());
            assert!(a == "Sweden" || ea.id != eb.id, "{a} and {b} stay apart");
        }
        assert_eq!(
            g.lookup("Swedish").unwrap().id,
            "sweden",
            "a demonym is an alias, not a neighbour"
        );
    }

    #[test]
    fn ambiguous_or_distant_words_stay_unknown() {
        assert_eq!(fix("Irak"), None, "as near Iran as Iraq");
        assert_eq!(fix("Europe"), None);
        assert_eq!(fix("Pol"), None, "too short");
        assert_eq!(fix("Toland"), None, "the first letter is kept");
    }
}
