//! Alignment at scale: one million synthetic claims, 1,000 keys with 1,000
//! distinct values each, into one finding per key (issue 11's target: under
//! 2 s and 1 GB on a 2-core machine).
//!
//!     cargo bench --bench align
//!     /usr/bin/time -v target/release/deps/align-* --bench   # peak memory

use crosscheck::align::align;
use crosscheck::claim::{Claim, Modality, Span, Value};
use crosscheck::corpus::{parse_document, DocumentMeta};
use crosscheck::quantity::{Interval, Precision, Quantity, Unit};
use crosscheck::rules::RulePack;
use divan::Bencher;
use std::path::Path;

fn main() {
    divan::main();
}

const KEYS: usize = 1_000;
const VALUES: usize = 1_000;

fn docs() -> Vec<DocumentMeta> {
    (0..VALUES)
        .map(|i| {
            let text = format!(
                "---\nsource: Outlet {i}\npublished: 2025-03-{:02}\n---\n{i} troops.\n",
                i % 28 + 1
            );
            parse_document(&format!("d{i}.md"), Path::new("d.md"), text.as_bytes())
                .unwrap()
                .meta
        })
        .collect()
}

fn claims() -> Vec<Claim> {
    let span = Span {
        start: 0,
        end: 1,
        line: 1,
        col: 1,
    };
    let sentence: std::sync::Arc<str> = "9 troops.".into();
    let mut out = Vec::with_capacity(KEYS * VALUES);
    for k in 0..KEYS {
        for v in 0..VALUES {
            let q = Quantity {
                interval: Interval::exact(v as f64),
                unit: Unit::Count,
                precision: Precision::Exact,
            };
            out.push(Claim {
                doc: v,
                rule: "force.troops".into(),
                key: Some(format!("force/{k}")),
                partial_key: None,
                event: None,
                unbound: None,
                modality: Modality::Fact,
                value: format!("[{v}, {v}] troops"),
                unit_label: "troops".into(),
                reading: Value::Quantity(q),
                span,
                sentence: span,
                sentence_text: sentence.clone(),
                corrections: Vec::new(),
                attribution: None,
                as_of: None,
                at_time: None,
            });
        }
    }
    out
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn one_million_claims(bencher: Bencher) {
    let pack = RulePack::load(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/frames/rules"
    )))
    .unwrap();
    let docs = docs();
    let claims = claims();
    bencher.bench_local(|| {
        let findings = align(&pack, &claims, &docs);
        assert_eq!(findings.len(), KEYS);
        findings
    });
}
