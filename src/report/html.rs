//! `findings.html`: a self-contained page for editors (no scripts, no
//! external resources). Open findings first, each with both quotes side by
//! side, its explanation, status and id; every text is escaped, so a
//! hostile quote cannot inject markup.

use super::escape_markup as esc;
use super::formats::Totals;
use super::view::{outlet_list, FindingView, SideView};
use std::io::{self, Write};

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}\
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}\
.f{border:1px solid #ccc;border-radius:6px;padding:.8em 1em;margin:1em 0}\
.f.fail{border-color:#c33;border-width:2px}\
.tag{display:inline-block;padding:0 .5em;border-radius:4px;font-size:.85em;margin-right:.4em;background:#eee}\
.conflict{background:#fdd}.partial,.update{background:#fed}.compatible,.variant,.divergent{background:#eef}.agree{background:#efe}\
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1em;margin-top:.6em}\
blockquote{margin:.3em 0;padding-left:.8em;border-left:3px solid #bbb;color:#444}\
code{font-size:.85em;color:#555}.loc{font-size:.85em;color:#666}";

/// The quote, escaped, with the claimed words marked (their first
/// occurrence; a quote cut around a long sentence still holds them).
fn marked(quote: &str, claimed: &str) -> String {
    match quote.find(claimed).filter(|_| !claimed.is_empty()) {
        Some(at) => format!(
            "{}<mark>{}</mark>{}",
            esc(&quote[..at]),
            esc(claimed),
            esc(&quote[at + claimed.len()..])
        ),
        None => esc(quote),
    }
}

/// Every document, folded away unless asked for.
fn all_sources(out: &mut dyn Write, sources: &[String]) -> io::Result<()> {
    if sources.len() > 1 {
        writeln!(
            out,
            "<details class=\"loc\"><summary>{} documents</summary>{}</details>",
            sources.len(),
            esc(&sources.join(", "))
        )?;
    }
    Ok(())
}

fn side(out: &mut dyn Write, s: &SideView) -> io::Result<()> {
    let l = &s.location;
    writeln!(
        out,
        "<div><strong title=\"{}\">{}</strong> <span class=\"loc\">· {}</span>",
        esc(&s.value),
        esc(&s.words),
        esc(&outlet_list(&s.outlets))
    )?;
    writeln!(out, "<blockquote>{}</blockquote>", marked(&s.quote, &s.text))?;
    writeln!(out, "<div class=\"loc\">{}:{}:{}</div>", esc(&l.doc), l.line, l.col)?;
    all_sources(out, &s.sources)?;
    writeln!(out, "</div>")
}

/// 0 failing, 1 open and worth a look, 2 decided or agreeing.
fn group(f: &FindingView) -> usize {
    let open = (f.status == "new" || f.status == "needs-re-review") && f.relation != "agree";
    if f.failing {
        0
    } else if open {
        1
    } else {
        2
    }
}

pub fn write_html(out: &mut dyn Write, totals: &Totals, findings: &[FindingView]) -> io::Result<()> {
    writeln!(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<title>crosscheck findings</title><style>{STYLE}</style></head><body>"
    )?;
    writeln!(out, "<h1>crosscheck findings</h1>")?;
    writeln!(
        out,
        "<p>{} documents ({} skipped), {} claims ({} unbound), {} findings: {} new, {} reviewed, {} need re-review; <strong>{} failing</strong> (fail on {}).</p>",
        totals.documents, totals.skipped, totals.claims, totals.unbound, totals.findings, totals.new, totals.reviewed, totals.stale, totals.failing, esc(&totals.fail_on)
    )?;
    for (n, title) in ["Failing", "To review", "Reviewed and agreements"].iter().enumerate() {
        let shown: Vec<&FindingView> = findings.iter().filter(|f| group(f) == n).collect();
        if shown.is_empty() {
            continue;
        }
        writeln!(out, "<h2>{title} ({})</h2>", shown.len())?;
        for f in shown {
            let class = if f.failing { "f fail" } else { "f" };
            writeln!(out, "<div class=\"{class}\">")?;
            writeln!(
                out,
                "<div><span class=\"tag {rel}\">{rel}</span><span class=\"tag\">{}</span><code>{}</code></div>",
                esc(&f.status),
                esc(&f.key),
                rel = esc(&f.relation)
            )?;
            writeln!(out, "<p>{}</p>", esc(&f.explanation))?;
            writeln!(out, "<div class=\"sides\">")?;
            side(out, &f.a)?;
            if let Some(b) = &f.b {
                side(out, b)?;
            }
            writeln!(out, "</div>")?;
            if f.values.len() > 2 {
                // Every value of the key, by cluster, with how many say it.
                writeln!(out, "<ul class=\"loc\">")?;
                for v in &f.values {
                    writeln!(
                        out,
                        "<li>cluster {}: <strong>{}</strong> ({})",
                        v.cluster + 1,
                        esc(&v.words),
                        esc(&outlet_list(&v.outlets)),
                    )?;
                    all_sources(out, &v.sources)?;
                    writeln!(out, "</li>")?;
                }
                writeln!(out, "</ul>")?;
            }
            if let Some(why) = &f.stale_because {
                writeln!(out, "<p class=\"loc\">Needs re-review: {}</p>", esc(why))?;
            }
            if let Some(d) = &f.decision {
                writeln!(
                    out,
                    "<p class=\"loc\">Decision: {} {} by {} on {} {}</p>",
                    esc(&d.decision),
                    esc(&d.reason),
                    esc(&d.reviewer),
                    esc(&d.date),
                    esc(&d.note)
                )?;
            }
            writeln!(
                out,
                "<p class=\"loc\">id <code>{}</code> · evidence <code>{}</code> · rule {}</p></div>",
                esc(&f.id),
                esc(&f.evidence),
                esc(&f.rule)
            )?;
        }
    }
    writeln!(out, "</body></html>")
}
