//! `findings.html`: a self-contained page for editors (no external
//! resources). Open findings first, each with both quotes side by side, the
//! claimed words marked, its explanation, status and id; filters (relation,
//! status, story, outlet) and a search; and a decision form per finding
//! whose rows, with every decision already in the review file, are copied
//! or downloaded as the next `review.csv`. Every text is escaped, so a
//! hostile quote cannot inject markup; the one inline script reads the
//! page's own data and never loads anything.

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
code{font-size:.85em;color:#555}.loc{font-size:.85em;color:#666}\
mark{background:#ffe58a;padding:0 .1em}\
.bar{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ddd;display:flex;flex-wrap:wrap;gap:.5em;align-items:center}\
.decide{display:flex;flex-wrap:wrap;gap:.4em;margin-top:.6em;font-size:.9em}\
textarea{width:100%;height:8em;font:12px monospace}\
@media (max-width:40em){.sides{grid-template-columns:1fr}}";

/// The page's script: filters, search, and the decision forms' rows (CSV,
/// the review file's columns; cells a spreadsheet would run as formulas get
/// a leading `'`, which the review reader removes).
const SCRIPT: &str = r#"(function(){
const $=id=>document.getElementById(id);
const cards=[...document.querySelectorAll('.f')];
function apply(){
  const rel=$('f-relation').value,st=$('f-status').value,story=$('f-story').value,outlet=$('f-outlet').value,q=$('f-search').value.toLowerCase();
  let n=0;
  for(const c of cards){
    const ok=(!rel||c.dataset.relation===rel)&&(!st||c.dataset.status===st)&&(!story||c.dataset.story===story)
      &&(!outlet||c.dataset.outlets.split('\n').includes(outlet))&&(!q||c.textContent.toLowerCase().includes(q));
    c.hidden=!ok; if(ok) n++;
  }
  $('shown').textContent=n;
}
for(const id of ['f-relation','f-status','f-story','f-outlet','f-search']) $(id).addEventListener('input',apply);
const kept=JSON.parse($('kept').textContent);
function cell(v){v=String(v==null?'':v);if(/^[=+\-@\t\r]/.test(v))v="'"+v;return /[",\n\r]/.test(v)?'"'+v.replace(/"/g,'""')+'"':v;}
function rows(){
  const out=[['id','decision','reason','note','reviewer','date','evidence']];
  const today=new Date().toISOString().slice(0,10),who=$('reviewer').value;
  for(const c of cards){
    const f=k=>c.querySelector('[name='+k+']').value;
    if(!f('decision')) continue;
    const touched=c.dataset.touched==='1';
    out.push([c.dataset.id,f('decision'),f('reason'),f('note'),touched?who:c.dataset.reviewer,touched?today:c.dataset.date,
      touched?c.dataset.evidence:c.dataset.decidedEvidence]);
  }
  for(const k of kept) out.push([k.id,k.decision,k.reason,k.note,k.reviewer,k.date,k.evidence]);
  return out.map(r=>r.map(cell).join(',')).join('\n')+'\n';
}
function update(){const r=rows();$('rows').value=r;$('decided').textContent=r.trim().split('\n').length-1;}
for(const c of cards) for(const el of c.querySelectorAll('.decide [name]'))
  el.addEventListener('input',()=>{c.dataset.touched='1';update();});
$('reviewer').addEventListener('input',update);
$('copy').addEventListener('click',()=>{const t=$('rows');t.select();
  if(navigator.clipboard) navigator.clipboard.writeText(t.value).catch(()=>document.execCommand('copy')); else document.execCommand('copy');});
$('download').addEventListener('click',()=>{const a=document.createElement('a');
  a.href=URL.createObjectURL(new Blob([rows()],{type:'text/csv'}));a.download='review.csv';document.body.appendChild(a);a.click();a.remove();});
update();apply();
})();"#;

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
    // The article: its headline (linked when its address is a web one),
    // its day, then the file and line.
    let headline = s.title.as_deref().unwrap_or("");
    let article = match s
        .url
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
    {
        Some(url) if !headline.is_empty() => format!("<a href=\"{}\">{}</a> · ", esc(url), esc(headline)),
        Some(url) => format!("<a href=\"{}\">{}</a> · ", esc(url), esc(url)),
        None if !headline.is_empty() => format!("{} · ", esc(headline)),
        None => String::new(),
    };
    let day = s
        .published
        .as_deref()
        .map(|d| format!("{} · ", esc(d)))
        .unwrap_or_default();
    writeln!(
        out,
        "<div class=\"loc\">{article}{day}{}:{}:{}</div>",
        esc(&l.doc),
        l.line,
        l.col
    )?;
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

/// A decision in the review file on a finding the page does not show.
#[derive(Debug, Clone, serde::Serialize)]
pub struct KeptDecision {
    pub id: String,
    #[serde(flatten)]
    pub decision: super::view::DecisionView,
}

pub fn write_html(
    out: &mut dyn Write,
    totals: &Totals,
    findings: &[FindingView],
    kept: &[KeptDecision],
) -> io::Result<()> {
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
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
    filter_bar(out, findings)?;
    for (n, title) in ["Failing", "To review", "Reviewed and agreements"].iter().enumerate() {
        let shown: Vec<&FindingView> = findings.iter().filter(|f| group(f) == n).collect();
        if shown.is_empty() {
            continue;
        }
        writeln!(out, "<h2>{title} ({})</h2>", shown.len())?;
        for f in shown {
            let class = if f.failing { "f fail" } else { "f" };
            let decided = f.decision.as_ref();
            writeln!(
                out,
                "<div class=\"{class}\" data-id=\"{}\" data-relation=\"{}\" data-status=\"{}\" data-story=\"{}\" data-outlets=\"{}\" data-evidence=\"{}\" data-decided-evidence=\"{}\" data-reviewer=\"{}\" data-date=\"{}\">",
                esc(&f.id),
                esc(&f.relation),
                esc(&f.status),
                esc(story(f)),
                esc(&f.outlets().join("\n")),
                esc(&f.evidence),
                esc(decided.map_or("", |d| d.evidence.as_str())),
                esc(decided.map_or("", |d| d.reviewer.as_str())),
                esc(decided.map_or("", |d| d.date.as_str())),
            )?;
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
            decision_form(out, f)?;
            writeln!(
                out,
                "<p class=\"loc\">id <code>{}</code> · evidence <code>{}</code> · rule {}</p></div>",
                esc(&f.id),
                esc(&f.evidence),
                esc(&f.rule)
            )?;
        }
    }
    writeln!(out, "<h2>Review rows</h2>")?;
    writeln!(
        out,
        "<p class=\"loc\"><span id=\"decided\">0</span> decisions, every one already in the review file included: save them as the review file (<code>review.csv</code> in the output folder) and the next run reads them.</p>"
    )?;
    writeln!(
        out,
        "<p><button id=\"download\" type=\"button\">Download review.csv</button> <button id=\"copy\" type=\"button\">Copy rows</button></p>"
    )?;
    writeln!(
        out,
        "<textarea id=\"rows\" readonly aria-label=\"review rows\"></textarea>"
    )?;
    // Decisions on findings this page does not show (a --changed run, or a
    // finding that went away): carried into the rows untouched.
    let kept_json = serde_json::to_string(kept).unwrap_or_else(|_| "[]".into());
    writeln!(
        out,
        "<script type=\"application/json\" id=\"kept\">{}</script>",
        // No "<" at all inside the data block: nothing in a note can end it.
        kept_json.replace('<', "\\u003c")
    )?;
    writeln!(out, "<script>{SCRIPT}</script>")?;
    writeln!(out, "</body></html>")
}

/// The story a finding belongs to: the first part of its key (the event).
fn story(f: &FindingView) -> &str {
    f.key.split('/').next().unwrap_or("")
}

/// A `<select>` (`attr` names it: `name="reason"`, `id="f-story"`) whose
/// empty first option is its label, with `chosen` selected.
fn select<S: AsRef<str>>(out: &mut dyn Write, attr: &str, label: &str, options: &[S], chosen: &str) -> io::Result<()> {
    write!(
        out,
        "<select {attr} aria-label=\"{label}\"><option value=\"\">{label}</option>"
    )?;
    for o in options {
        let o = o.as_ref();
        let sel = if o == chosen { " selected" } else { "" };
        write!(out, "<option{sel}>{}</option>", esc(o))?;
    }
    write!(out, "</select>")
}

/// The form an editor decides a finding with, filled with its decision.
fn decision_form(out: &mut dyn Write, f: &FindingView) -> io::Result<()> {
    let d = f.decision.as_ref();
    write!(out, "<div class=\"decide\">")?;
    let decisions = ["confirmed", "dismissed", "fixed"];
    select(
        out,
        "name=\"decision\"",
        "decision…",
        &decisions,
        d.map_or("", |d| d.decision.as_str()),
    )?;
    select(
        out,
        "name=\"reason\"",
        "reason…",
        crate::review::REASONS,
        d.map_or("", |d| d.reason.as_str()),
    )?;
    writeln!(
        out,
        "<input name=\"note\" placeholder=\"note\" aria-label=\"note\" value=\"{}\"></div>",
        esc(d.map_or("", |d| d.note.as_str()))
    )
}

/// The filter bar: relation, status, story, outlet, search.
fn filter_bar(out: &mut dyn Write, findings: &[FindingView]) -> io::Result<()> {
    let distinct = |values: Vec<String>| -> Vec<String> {
        let set: std::collections::BTreeSet<String> = values.into_iter().filter(|v| !v.is_empty()).collect();
        set.into_iter().collect()
    };
    write!(out, "<div class=\"bar\">")?;
    let filters: [(&str, &str, Vec<String>); 4] = [
        (
            "f-relation",
            "every relation",
            distinct(findings.iter().map(|f| f.relation.clone()).collect()),
        ),
        (
            "f-status",
            "every status",
            distinct(findings.iter().map(|f| f.status.clone()).collect()),
        ),
        (
            "f-story",
            "every story",
            distinct(findings.iter().map(|f| story(f).to_string()).collect()),
        ),
        (
            "f-outlet",
            "every outlet",
            distinct(findings.iter().flat_map(FindingView::outlets).collect()),
        ),
    ];
    for (id, label, options) in filters {
        select(out, &format!("id=\"{id}\""), label, &options, "")?;
    }
    writeln!(
        out,
        "<input id=\"f-search\" type=\"search\" placeholder=\"search quotes, keys, outlets\" aria-label=\"search\"> \
         <span class=\"loc\"><span id=\"shown\">{}</span> shown</span> \
         <input id=\"reviewer\" placeholder=\"your name\" aria-label=\"reviewer\"></div>",
        findings.len()
    )
}
