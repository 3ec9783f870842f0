//! The expression table: every way a reporter writes a number, with the
//! interval it must give, in `tests/data/quantities.tsv` (the same lines
//! `crosscheck quantity` prints).

use crosscheck::quantity::{describe_line, ReadOptions};

#[test]
fn every_expression_in_the_table_reads_as_listed() {
    let table = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/quantities.tsv")).unwrap();
    let opts = ReadOptions::default();
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in table.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        count += 1;
        let expr = line.split('\t').next().unwrap();
        let got = describe_line(expr, &opts);
        if got != line {
            failures.push(format!("line {}: want {line:?}\n          got  {got:?}", n + 1));
        }
    }
    assert!(
        count >= 200,
        "the table holds {count} expressions; it must hold at least 200"
    );
    assert!(
        failures.is_empty(),
        "{} of {count} expressions read wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
