//! The expression reader: expressions per second over the table of news
//! expressions, and MB/s finding quantities in article text that is
//! mostly not numbers (the demo corpus).
//!
//!     cargo bench --bench quantity

use crosscheck::quantity::{find_iter, read, ReadOptions};
use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};

fn main() {
    divan::main();
}

fn table() -> Vec<String> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/quantities.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect()
}

fn articles() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `read` on each whole expression of the table.
#[divan::bench]
fn read_expressions(bencher: Bencher) {
    let exprs = table();
    let opts = ReadOptions::default();
    bencher.counter(ItemsCount::new(exprs.len())).bench(|| {
        for e in &exprs {
            black_box(read(black_box(e), &opts));
        }
    });
}

/// Finding every quantity in the five seed articles (19 KB, few numbers).
#[divan::bench]
fn find_in_articles(bencher: Bencher) {
    let text = articles();
    let opts = ReadOptions::default();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| find_iter(black_box(&text), &opts).count());
}
