//! A rule pack with a mistake stops the run with exit code 2 and a message
//! naming the file, the line and the rule.

mod common;
use common::*;

const GOOD_RULE: &str = r#"
[[entity]]
id = "poland"
name = "Poland"
kind = "country"

[[rule]]
id = "x.count"
describe = "A count"
patterns = ['{quantity} chiefs']
key = "x/{country|none}"
unit = "chiefs"

[[rule.example]]
text = "34 chiefs came."
value = "[34, 34]"
"#;

fn run_pack(text: impl AsRef<[u8]>) -> Run {
    let pack = rule_pack(&[("pack.toml", text)]);
    let out = tempfile::tempdir().unwrap();
    crosscheck(&[
        "check",
        "corpus",
        "--rules",
        pack.path().to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ])
}

#[test]
fn a_good_pack_runs() {
    assert_eq!(run_pack(GOOD_RULE).code, 0);
}

#[test]
fn malformed_toml_names_file_and_line() {
    let text = GOOD_RULE.replace("unit = \"chiefs\"", "unit = \"chiefs");
    let run = run_pack(&text);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_contains(&run.stderr, &["pack.toml:12:"]);
    assert_contains(&run.stderr, &["rule `x.count`"]);
}

#[test]
fn invalid_regex_names_file_line_and_rule() {
    let run = run_pack(GOOD_RULE.replace("'{quantity} chiefs'", "'{quantity} (chiefs'"));
    assert_eq!(run.code, 2);
    assert_contains(
        &run.stderr,
        &["pack.toml:10:13: rule `x.count`: invalid regex in pattern"],
    );
    assert!(
        run.stderr.contains("(?:_) (chiefs") && run.stderr.len() < 600,
        "short, in the author's terms: {}",
        run.stderr
    );
}

#[test]
fn unknown_key_names_file_line_and_rule() {
    let run = run_pack(GOOD_RULE.replace("unit = \"chiefs\"", "unit = \"chiefs\"\npaterns = ['x']"));
    assert_eq!(run.code, 2);
    assert_contains(
        &run.stderr,
        &["pack.toml:13:1: rule `x.count`: unknown field `paterns`"],
    );
}

#[test]
fn unknown_placeholder_and_missing_key_group_are_errors() {
    let run = run_pack(GOOD_RULE.replace("'{quantity} chiefs'", "'{quantiy} chiefs'"));
    assert_eq!(run.code, 2);
    assert_contains(&run.stderr, &["unknown placeholder {quantiy}"]);
    let run = run_pack(GOOD_RULE.replace("{country|none}", "{country}"));
    assert_eq!(run.code, 2);
    assert_contains(&run.stderr, &["key uses {country}"]);
}

#[test]
fn several_errors_are_reported_together() {
    let text = GOOD_RULE
        .replace("'{quantity} chiefs'", "'{quantity} (chiefs'")
        .replace("[34, 34]", "34");
    let run = run_pack(&text);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("invalid regex") && run.stderr.contains("not an interval"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_rules_folder_is_a_rule_error() {
    let run = crosscheck(&["check", "--rules", "no/such/rules"]);
    assert_eq!(run.code, 2);
    assert_contains(&run.stderr, &["no/such/rules"]);
}

#[test]
fn crosscheck_test_names_failing_rules() {
    let ok = crosscheck(&["test"]);
    assert_eq!(ok.code, 0, "{}", ok.stdout);
    assert!(ok.stdout.contains(" 0 failed"), "{}", ok.stdout);

    let pack = rule_pack(&[("pack.toml", &GOOD_RULE.replace("[34, 34]", "[30, 30]"))]);
    let run = crosscheck(&["test", "--rules", pack.path().to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_contains(&run.stdout, &["FAIL x.count example 1"]);
    assert_contains(&run.stdout, &["expected [30, 30], got [34, 34] chiefs"]);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(crosscheck(&["check", "--no-such-flag"]).code, 2);
    assert_eq!(crosscheck(&[]).code, 2);
}

#[test]
fn quantity_command_reads_arguments_and_stdin() {
    let run = crosscheck(&["quantity", "more than 30", "G7"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "more than 30\t(30, inf)\thedged\nG7\tnot a quantity\n");
    let run = crosscheck_stdin(&["quantity"], "some 200,000 troops would be needed\n4.47%\n");
    assert_eq!(
        run.stdout,
        "some 200,000 troops would be needed\t[150000, 250000]\thedged\n4.47%\t[4.47, 4.47] %\texact\n"
    );
}

#[test]
fn a_pack_over_the_rule_limit_is_refused_before_compiling() {
    let mut text = GOOD_RULE.to_string();
    for i in 0..10_000 {
        text.push_str(&format!(
            "\n[[rule]]\nid = \"gen.{i}\"\ndescribe = \"d\"\npatterns = ['{{quantity}} widgets{i}']\nkey = \"gen/{i}\"\nunit = \"widgets\"\n"
        ));
    }
    let run = run_pack(&text);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_contains(&run.stderr, &["10001 rules in 1 files; the limit is 10000"]);
}

#[test]
fn a_rule_file_that_is_not_utf8_names_the_line() {
    let mut bytes = GOOD_RULE.as_bytes().to_vec();
    bytes.extend_from_slice(b"\n# caf\xe9\n");
    let run = run_pack(bytes);
    assert_eq!(run.code, 2, "{}", run.stderr);
    // The bad byte is on the line after the last newline written.
    let line = bytes_newlines(GOOD_RULE) + 2;
    assert_contains(&run.stderr, &[&format!("pack.toml:{line}:6: not UTF-8 text")]);
}

#[test]
fn a_rule_file_over_the_size_limit_is_refused_unread() {
    let mut text = GOOD_RULE.to_string();
    text.push_str(&format!("# {}\n", "x".repeat(4 * 1024 * 1024)));
    let run = run_pack(&text);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_contains(&run.stderr, &["too large", "the limit for a rule file is 4194304"]);
}

fn bytes_newlines(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count()
}

#[test]
fn a_key_may_name_placeholder_and_own_groups() {
    // {year} from its placeholder, {what} from the author's own group.
    let text = r#"
[[rule]]
id = "x.year"
describe = "Widgets made in a year"
patterns = ['{quantity} (?P<what>widgets|gadgets) in {year}']
key = "w/{what}/{year}"
unit = "items"

[[rule.example]]
text = "We made 5 widgets in 2024."
value = "[5, 5] items"
key = "w/widgets/2024"
"#;
    let run = run_pack(text);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = run_pack(text.replace("w/{what}/{year}", "w/{colour}"));
    assert_eq!(run.code, 2);
    assert_contains(
        &run.stderr,
        &["key uses {colour} but this pattern has no {colour} placeholder"],
    );
}
