//! What a sentence does with a value: states it, targets it, estimates it.

use crate::claim::Modality;
use regex::Regex;
use std::sync::OnceLock;

/// Cues read in the sentence up to the end of the match, so a later clause
/// ("…, and will meet again") does not recolour the claim.
fn cues() -> &'static [(Modality, Regex)] {
    static CUES: OnceLock<Vec<(Modality, Regex)>> = OnceLock::new();
    CUES.get_or_init(|| {
        let target = r"(?i)\b(?:target(?:s|ing|ed)?|aim(?:s|ing|ed)?|goals?|pledg(?:e|es|ed|ing)|plans?(?:\s+to)?|planning|promis(?:e|es|ed|ing)|commit(?:s|ted|ting)?\s+to|intends?\s+to|will\s+(?:spend|send|reach|raise|increase|deploy|contribute|provide)|propos(?:e|es|ed|ing|al|als)|suggest(?:s|ed|ing)?|draft|blueprints?)\b";
        // "feared dead", "may have been killed", "believed to have died",
        // "expected at": a figure nobody has counted yet.
        let estimate = r"(?i)\b(?:estimat(?:e|es|ed|ing)|projected|projections?|projects\s+(?:that\s+)?(?:about\s+|around\s+|some\s+)?\d+|projects\s+an?\s|forecasts?|predicts?|(?:model|poll|survey|MRP)s?\s+(?:\w+\s+){0,2}?(?:gave|given|gives|put|puts|showed|shows|suggested|suggests)|(?:has|have|had)\s+(?:them|it|(?-i:(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}))\s+on\s+\d+|could|might|would\s+be\s+(?:needed|required)|would\s+have|feared|may\s+have|believe[sd]?|thought\s+to|expected|expects?|expecting)\b";
        vec![
            (Modality::Target, Regex::new(target).expect("target cues")),
            (Modality::Estimate, Regex::new(estimate).expect("estimate cues")),
        ]
    })
}

/// The modality of a claim whose match ends where `text` ends.
pub fn detect_modality(text: &str) -> Modality {
    cues()
        .iter()
        .find(|(_, re)| re.is_match(text))
        .map_or(Modality::Fact, |(m, _)| *m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues() {
        assert_eq!(
            detect_modality("Poland has ambitious plans (targeting 4.47% of GDP"),
            Modality::Target
        );
        assert_eq!(
            detect_modality("He estimates that at least 100,000 troops would be needed"),
            Modality::Estimate
        );
        assert_eq!(
            detect_modality("The meeting, attended by 34 military chiefs"),
            Modality::Fact
        );
        assert_eq!(detect_modality("The UK is aiming for 2.5% of GDP"), Modality::Target);
        // A blueprint is a plan: what it would pay out is its target.
        assert_eq!(
            detect_modality("Under the Commission's blueprint, €500 billion"),
            Modality::Target
        );
        assert_eq!(detect_modality("20,000 FEARED DEAD"), Modality::Estimate);
        assert_eq!(
            detect_modality("Up to 20,000 people may have been killed"),
            Modality::Estimate
        );
        assert_eq!(detect_modality("some 70,000 expected at COP28"), Modality::Estimate);
        // What someone believes is their estimate, "believed to" or not.
        assert_eq!(
            detect_modality("The agency said it believed more than 5,000"),
            Modality::Estimate
        );
        assert_eq!(detect_modality("Up to 400 are believed to be"), Modality::Estimate);
        assert_eq!(detect_modality("Broadcasters' poll projects 410"), Modality::Estimate);
        // What a model or poll gave is its estimate, not a count.
        assert_eq!(
            detect_modality("The agency's final model had given the Greens 31"),
            Modality::Estimate
        );
        assert_eq!(
            detect_modality("A poll last week put turnout at 61"),
            Modality::Estimate
        );
        assert_eq!(detect_modality("The model was retired after it put"), Modality::Fact);
        // A pollster "has" a party on a figure: its projection.
        assert_eq!(
            detect_modality("YouGov has the Liberal Democrats on 72"),
            Modality::Estimate
        );
        assert_eq!(detect_modality("More in Common has them on 52"), Modality::Estimate);
        assert_eq!(detect_modality("Labour has 412"), Modality::Fact);
        assert_eq!(detect_modality("the party had its conference on 12"), Modality::Fact);
        assert_eq!(
            detect_modality("the BBC expects it to come in at around 60%"),
            Modality::Estimate
        );
        assert_eq!(detect_modality("funding for 30 projects worth €5bn"), Modality::Fact);
    }
}
