//! `crosscheck check --explain`: every claim with the rule that found it,
//! its key, and why it was bound to its event (or why to none).

use crate::claim::Claim;
use crate::corpus::Document;
use crate::report::quote;
use std::io::{self, Write};

pub fn write_explained_claims(out: &mut dyn Write, docs: &[Document], claims: &[Claim]) -> io::Result<()> {
    for c in claims {
        let doc = &docs[c.doc];
        writeln!(
            out,
            "{}:{}:{}  {}  '{}' = {} ({})",
            doc.id, c.span.line, c.span.col, c.rule, c.text, c.value, c.modality
        )?;
        writeln!(
            out,
            "    sentence: {}",
            quote(&doc.text[c.sentence.start..c.sentence.end])
        )?;
        match &c.event {
            Some((event, binding)) => writeln!(out, "    event:    {event}: {binding}")?,
            None => writeln!(out, "    event:    none")?,
        }
        match (&c.key, &c.unbound) {
            (Some(key), _) => writeln!(out, "    key:      {key}")?,
            (None, why) => writeln!(
                out,
                "    key:      {} (unbound, compared with nothing: {})",
                c.key_display,
                why.as_deref().unwrap_or("a part of the key was not found")
            )?,
        }
    }
    Ok(())
}
