//! The expression reader and the regex fragments rule placeholders expand to.

use super::{Interval, Precision, Quantity, ReadOptions, RoundNumbers, Unit};
use regex::Regex;
use std::sync::OnceLock;

/// How a hedge bends the number it stands before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hedge {
    /// "more than 30": (30, inf)
    Above,
    /// "at least 30", "30+": [30, inf)
    AtLeast,
    /// "up to 30": [0, 30]
    AtMost,
    /// "fewer than 30": [0, 30)
    Below,
    /// "about 30": 30 ± tolerance
    About,
    /// "nearly 30": [30 − tolerance, 30)
    Nearly,
    /// "just over 30": (30, 30 + tolerance]
    JustOver,
}

/// Hedge phrases, matched longest first so "just over" wins over "over".
const HEDGES: &[(&str, Hedge)] = &[
    ("more than", Hedge::Above),
    ("over", Hedge::Above),
    ("above", Hedge::Above),
    ("in excess of", Hedge::Above),
    ("upwards of", Hedge::Above),
    ("greater than", Hedge::Above),
    // Verbs of news copy that say the same: "the toll exceeded 5,000".
    ("exceeded", Hedge::Above),
    ("exceeds", Hedge::Above),
    ("exceeding", Hedge::Above),
    ("surpassed", Hedge::Above),
    // "the toll passed 7,000", "Labour has passed 326 seats".
    ("passed", Hedge::Above),
    ("surpassing", Hedge::Above),
    ("topped", Hedge::Above),
    ("tops", Hedge::Above),
    ("topping", Hedge::Above),
    ("at least", Hedge::AtLeast),
    ("no fewer than", Hedge::AtLeast),
    ("no less than", Hedge::AtLeast),
    ("not less than", Hedge::AtLeast),
    ("a minimum of", Hedge::AtLeast),
    ("up to", Hedge::AtMost),
    ("as many as", Hedge::AtMost),
    ("as much as", Hedge::AtMost),
    ("no more than", Hedge::AtMost),
    ("not more than", Hedge::AtMost),
    ("at most", Hedge::AtMost),
    ("a maximum of", Hedge::AtMost),
    ("fewer than", Hedge::Below),
    ("less than", Hedge::Below),
    ("under", Hedge::Below),
    ("below", Hedge::Below),
    ("about", Hedge::About),
    ("around", Hedge::About),
    ("roughly", Hedge::About),
    ("some", Hedge::About),
    ("approximately", Hedge::About),
    ("an estimated", Hedge::About),
    ("estimated", Hedge::About),
    ("circa", Hedge::About),
    ("nearly", Hedge::Nearly),
    ("almost", Hedge::Nearly),
    ("close to", Hedge::Nearly),
    ("just under", Hedge::Nearly),
    ("just shy of", Hedge::Nearly),
    ("nearing", Hedge::Nearly),
    ("nears", Hedge::Nearly),
    ("neared", Hedge::Nearly),
    ("approaching", Hedge::Nearly),
    ("approaches", Hedge::Nearly),
    ("just over", Hedge::JustOver),
    ("just above", Hedge::JustOver),
    ("slightly more than", Hedge::JustOver),
];

/// Number words and their values; "hundred" and larger multiply.
const UNITS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("dozen", 12),
];

const MULTIPLIERS: &[(&str, u32)] = &[
    ("hundred", 2),
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
];

/// Scale words after a number ("1.5 million", "€800bn", "100k").
const SCALES: &[(&str, u32)] = &[
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("bn", 9),
    ("bln", 9),
    ("mn", 6),
    ("mln", 6),
    ("mil", 6),
    ("tn", 12),
    ("trn", 12),
    ("trln", 12),
    ("k", 3),
    ("m", 6),
];

/// Vague magnitudes: the interval a reader may take them for.
const VAGUE: &[(&str, f64, f64)] = &[
    ("tens of thousands", 20_000.0, 99_999.0),
    ("hundreds of thousands", 200_000.0, 999_999.0),
    ("tens of millions", 20_000_000.0, 99_999_999.0),
    ("hundreds of millions", 200_000_000.0, 999_999_999.0),
    ("dozens", 24.0, 99.0),
    ("scores", 40.0, 199.0),
    ("hundreds", 200.0, 999.0),
    ("thousands", 2_000.0, 9_999.0),
    ("millions", 2_000_000.0, 999_999_999.0),
];

/// Fractions of a whole: "half", "a third", "two-thirds", "three-quarters".
const FRACTIONS: &[(&str, u32)] = &[
    ("half", 2),
    ("halves", 2),
    ("third", 3),
    ("thirds", 3),
    ("quarter", 4),
    ("quarters", 4),
    ("fifth", 5),
    ("fifths", 5),
    ("tenth", 10),
    ("tenths", 10),
];

/// At most this many words name the group of a share between its two
/// numbers ("one high-speed train in three").
const GROUP_WORDS_MAX: usize = 3;

/// A share given as a fraction is a rounding: ± this fraction of it
/// ("two-thirds" is [60, 73.3] %).
const FRACTION_TOLERANCE: f64 = 0.1;

const CURRENCY_PREFIXES: &[(&str, &str)] = &[("us$", "USD"), ("€", "EUR"), ("$", "USD"), ("£", "GBP")];
/// ISO codes written before or after an amount ("AED 210 billion", "500
/// million CHF").
const CURRENCY_CODES: &[(&str, &str)] = &[
    ("eur", "EUR"),
    ("usd", "USD"),
    ("gbp", "GBP"),
    ("aed", "AED"),
    ("cny", "CNY"),
    ("jpy", "JPY"),
    ("inr", "INR"),
    ("chf", "CHF"),
    ("rub", "RUB"),
    ("pln", "PLN"),
    ("uah", "UAH"),
    ("sek", "SEK"),
    ("nok", "NOK"),
    ("dkk", "DKK"),
    ("cad", "CAD"),
    ("aud", "AUD"),
    ("zar", "ZAR"),
];
/// Currencies named after an amount ("5 million US dollars", "100 million
/// yuan"); the ISO codes of `CURRENCY_CODES` may follow an amount too.
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("dollars", "USD"),
    ("us dollars", "USD"),
    ("u.s. dollars", "USD"),
    ("pounds", "GBP"),
    ("pounds sterling", "GBP"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("yen", "JPY"),
    ("rupees", "INR"),
    ("dirhams", "AED"),
    ("swiss francs", "CHF"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
    ("zlotys", "PLN"),
    ("zloty", "PLN"),
    ("hryvnias", "UAH"),
];
const PERCENT_WORDS: &[&str] = &["%", "per cent", "percent"];

/// A number as written, before any hedge.
#[derive(Debug, Clone, PartialEq)]
struct Amount {
    value: f64,
    /// Place value of the last significant digit ("100,000" → 100000).
    place: f64,
    unit: Option<Unit>,
    /// The power of ten of a written scale word ("bn" → 9), 0 without one.
    scale_exp: u32,
    /// A vague magnitude's own interval ("dozens").
    vague: Option<Interval>,
    /// The rounding a fraction stands for ("two-thirds": [60, 73.3] %);
    /// a hedge applies to the fraction's value instead.
    rounded: Option<Interval>,
}

/// Lower-case, fold typographic dashes, quotes and spaces, collapse runs of
/// white space: the reader works on this form.
fn normalise(expr: &str) -> String {
    let mut out = String::with_capacity(expr.len());
    let mut space = false;
    let chars: Vec<char> = expr.trim().chars().collect();
    for (i, &ch) in chars.iter().enumerate() {
        // "1\u{a0}000", "1\u{202f}000\u{202f}000": a no-break or thin space
        // between a digit and exactly three digits separates thousands.
        if is_group_space(ch) && i > 0 && chars[i - 1].is_ascii_digit() {
            let group = chars
                .get(i + 1..i + 4)
                .is_some_and(|g| g.iter().all(char::is_ascii_digit));
            if group && !chars.get(i + 4).is_some_and(char::is_ascii_digit) {
                out.push(',');
                space = false;
                continue;
            }
        }
        let ch = match ch {
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{2019}' => '\'',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if ch == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(ch.to_lowercase());
    }
    out
}

/// Spaces typeset between groups of thousands: no-break, figure, thin and
/// narrow no-break space.
fn is_group_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}')
}

/// A cursor over the normalised expression.
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    fn at_end(&self) -> bool {
        self.pos >= self.s.len()
    }

    /// Consume `lit` if it is next and, when it ends in a letter, not
    /// followed by another letter or digit.
    fn eat(&mut self, lit: &str) -> bool {
        let rest = self.rest();
        if !rest.starts_with(lit) {
            return false;
        }
        let ends_in_word = lit.chars().last().is_some_and(|c| c.is_alphanumeric());
        let next = rest[lit.len()..].chars().next();
        if ends_in_word && next.is_some_and(|c| c.is_alphanumeric()) {
            return false;
        }
        self.pos += lit.len();
        true
    }

    fn eat_space(&mut self) -> bool {
        self.eat(" ")
    }

    /// Try `f`; on failure leave the cursor where it was.
    fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let saved = self.pos;
        let r = f(self);
        if r.is_none() {
            self.pos = saved;
        }
        r
    }

    fn eat_any<T: Copy>(&mut self, table: &[(&str, T)]) -> Option<T> {
        // Longest first, so "just over" beats "over" and "bn" beats "b".
        let mut best: Option<(&str, T)> = None;
        for &(lit, v) in table {
            let rest = self.rest();
            if rest.starts_with(lit) && best.is_none_or(|(b, _)| lit.len() > b.len()) {
                let saved = self.pos;
                if self.eat(lit) {
                    best = Some((lit, v));
                }
                self.pos = saved;
            }
        }
        let (lit, v) = best?;
        self.pos += lit.len();
        Some(v)
    }

    fn digits(&mut self) -> Option<(u128, u32)> {
        // Digits with optional thousands commas in groups of three, then
        // optional decimals. Returns the mantissa and the decimal count.
        let bytes = self.rest().as_bytes();
        let mut i = 0;
        let mut mantissa: u128 = 0;
        let push = |d: u8, m: &mut u128| -> Option<()> {
            *m = m.checked_mul(10)?.checked_add(u128::from(d - b'0'))?;
            Some(())
        };
        let mut first_group = 0;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            push(bytes[i], &mut mantissa)?;
            i += 1;
            first_group += 1;
        }
        // "0100", "007": codes, not amounts ("0.5" is fine).
        if first_group == 0 || (first_group > 1 && bytes[0] == b'0') {
            return None;
        }
        while i + 3 < bytes.len() && bytes[i] == b',' && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit) {
            if first_group > 3 {
                return None;
            }
            if bytes.get(i + 4).is_some_and(u8::is_ascii_digit) {
                return None;
            }
            for &d in &bytes[i + 1..i + 4] {
                push(d, &mut mantissa)?;
            }
            i += 4;
        }
        let mut decimals = 0u32;
        if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                push(bytes[i], &mut mantissa)?;
                decimals += 1;
                i += 1;
            }
        }
        if bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphabetic() && !matches!(b, b'k' | b'm' | b'b' | b't'))
        {
            return None;
        }
        self.pos += i;
        Some((mantissa, decimals))
    }

    /// Number words: "thirty-four", "a dozen", "two hundred", "a million".
    fn words(&mut self) -> Option<u64> {
        let mut total: u64 = 0;
        let mut current: u64 = 0;
        let mut any = false;
        let mut article = false;
        if self.eat("a ") || self.eat("an ") {
            article = true;
        }
        let mut after_hundred = false;
        loop {
            let saved = self.pos;
            if any && !(self.eat(" ") || self.eat("-")) {
                break;
            }
            // "one hundred and fifty": "and" only right after "hundred"/"thousand".
            if after_hundred && self.eat("and ") && !self.rest().starts_with(|c: char| c.is_alphabetic()) {
                self.pos = saved;
                break;
            }
            after_hundred = false;
            if let Some(v) = self.eat_any(UNITS) {
                // "twenty-four": a unit after a ten adds; "two dozen" multiplies.
                if v == 12 && self.s[saved..self.pos].trim_start_matches([' ', '-']) == "dozen" {
                    current = current.max(1) * 12;
                } else {
                    current += v;
                }
                any = true;
                continue;
            }
            if let Some(exp) = self.eat_any(MULTIPLIERS) {
                if !any && !article {
                    self.pos = saved;
                    break;
                }
                after_hundred = true;
                let m = 10u64.pow(exp);
                if exp == 2 {
                    current = current.max(1) * m;
                } else {
                    total += current.max(1) * m;
                    current = 0;
                }
                any = true;
                continue;
            }
            self.pos = saved;
            break;
        }
        if article && !any {
            return None;
        }
        any.then_some(total + current)
    }

    /// "half", "a third", "two-thirds", "three quarters": a share of a
    /// whole; "half a million": a count.
    fn fraction(&mut self) -> Option<Amount> {
        self.attempt(|c| {
            let numerator = c
                .attempt(|c| {
                    let n = if c.eat("a") || c.eat("an") {
                        1
                    } else {
                        c.eat_any(UNITS).filter(|n| (1..=9).contains(n))?
                    };
                    (c.eat(" ") || c.eat("-")).then_some(n)
                })
                .unwrap_or(1);
            let denominator = c.eat_any(FRACTIONS)?;
            if numerator >= u64::from(denominator) {
                return None;
            }
            let share = numerator as f64 / f64::from(denominator);
            let count = c.attempt(|c| {
                c.eat(" a ").then_some(())?;
                let exp = c.eat_any(MULTIPLIERS)?;
                (exp >= 3).then_some(exp)
            });
            if let Some(exp) = count {
                let value = share * 10f64.powi(exp as i32);
                let place = 10f64.powi(exp as i32 - 1);
                return Some(Amount {
                    value,
                    place,
                    unit: None,
                    scale_exp: exp,
                    vague: None,
                    rounded: None,
                });
            }
            let value = 100.0 * share;
            let t = value * FRACTION_TOLERANCE;
            let rounded = Some(Interval::closed(value - t, value + t));
            Some(Amount {
                value,
                place: 2.0 * t,
                unit: Some(Unit::Percent),
                scale_exp: 0,
                vague: None,
                rounded,
            })
        })
    }

    /// "one in five", "seven in ten", "one TGV in two", "three out of
    /// four": a share of a group, as a whole number of its members in a
    /// whole number of them. The words between ("TGV") name the group.
    fn group_share(&mut self) -> Option<(u64, &'a str, u64)> {
        self.attempt(|c| {
            let whole = |c: &mut Cursor<'a>| match c.digits() {
                Some((m, 0)) => u64::try_from(m).ok(),
                Some(_) => None,
                None => c.words(),
            };
            let numerator = whole(c)?;
            let group_start = c.pos;
            let mut group_end = c.pos;
            for _ in 0..GROUP_WORDS_MAX {
                let at = c.pos;
                let Some(word) = c.rest().strip_prefix(' ').map(|r| {
                    let len = r.find(|ch: char| !(ch.is_alphabetic() || ch == '-')).unwrap_or(r.len());
                    &r[..len]
                }) else {
                    break;
                };
                let connector = matches!(word, "in" | "out" | "of" | "every" | "and" | "or" | "to" | "a" | "an");
                let number = UNITS.iter().any(|u| u.0 == word) || MULTIPLIERS.iter().any(|m| m.0 == word);
                if word.is_empty() || connector || number || !word.starts_with(|ch: char| ch.is_alphabetic()) {
                    c.pos = at;
                    break;
                }
                c.pos += 1 + word.len();
                group_end = c.pos;
            }
            let group = c.s[group_start..group_end].trim_start();
            (c.eat(" in ") || c.eat(" out of ")).then_some(())?;
            let _ = c.eat("every ");
            let denominator = whole(c)?;
            // "365 in 2019" is no share: a group is counted in whole
            // members, at most a thousand of them.
            (1..denominator).contains(&numerator).then_some(())?;
            (denominator <= 1000).then_some((numerator, group, denominator))
        })
    }

    fn amount(&mut self) -> Option<Amount> {
        if let Some((n, _, d)) = self.group_share() {
            let value = 100.0 * n as f64 / d as f64;
            let t = value * FRACTION_TOLERANCE;
            return Some(Amount {
                value,
                place: 2.0 * t,
                unit: Some(Unit::Percent),
                scale_exp: 0,
                vague: None,
                rounded: Some(Interval::closed(value - t, value + t)),
            });
        }
        if let Some(f) = self.fraction() {
            return Some(f);
        }
        self.attempt(|c| {
            for &(phrase, lo, hi) in VAGUE {
                if c.eat(phrase) {
                    let vague = Interval::closed(lo, hi);
                    return Some(Amount {
                        value: lo,
                        place: lo,
                        unit: None,
                        scale_exp: 0,
                        vague: Some(vague),
                        rounded: None,
                    });
                }
            }
            let mut unit = None;
            if let Some(code) = c.eat_any(CURRENCY_PREFIXES) {
                unit = Some(Unit::Money(code));
                c.eat_space();
            } else if let Some(code) = c.attempt(|c| {
                let code = c.eat_any(CURRENCY_CODES)?;
                c.eat_space().then_some(code)
            }) {
                unit = Some(Unit::Money(code));
            }
            let (mut mantissa, mut decimals, words) = if let Some((m, d)) = c.digits() {
                (m, d, false)
            } else {
                (u128::from(c.words()?), 0, true)
            };
            // "two and a half million", "four and a half thousand".
            // "91 and a half hours": a half of no scale, for whole numbers.
            let half_of = if words {
                c.attempt(|c| {
                    c.eat(" and a half ").then_some(())?;
                    c.eat_any(MULTIPLIERS).filter(|&e| e >= 3)
                })
            } else {
                None
            }
            .or_else(|| {
                (decimals == 0)
                    .then(|| {
                        c.attempt(|c| {
                            c.eat(" and a half").then_some(())?;
                            (!c.rest().starts_with(|ch: char| ch.is_alphanumeric())).then_some(0)
                        })
                    })
                    .flatten()
            });
            if half_of.is_some() {
                mantissa = mantissa * 10 + 5;
                decimals += 1;
            }
            let mut exp: i32 = -(decimals as i32);
            let scale_exp = half_of.unwrap_or(0)
                + c.attempt(|c| {
                    c.eat_space();
                    let e = c.eat_any(SCALES)?;
                    // "m" alone is metres as often as millions: only with money.
                    let lit_m = c.s[..c.pos].ends_with('m') && !c.s[..c.pos].ends_with("mn");
                    let refused = (lit_m && unit.is_none()) || (words && e < 6) || half_of.is_some();
                    (!refused).then_some(e)
                })
                .unwrap_or(0);
            exp += scale_exp as i32;
            if unit.is_none() {
                if c.attempt(|c| {
                    c.eat_space();
                    PERCENT_WORDS.iter().any(|w| c.eat(w)).then_some(())
                })
                .is_some()
                {
                    unit = Some(Unit::Percent);
                } else if let Some(code) = c.attempt(|c| {
                    c.eat_space().then_some(())?;
                    c.eat_any(CURRENCY_WORDS).or_else(|| c.eat_any(CURRENCY_CODES))
                }) {
                    unit = Some(Unit::Money(code));
                }
            }
            let value = scale(mantissa, exp)?;
            let trailing_zeros = if decimals > 0 { 0 } else { trailing_zeros(mantissa) };
            let place = 10f64.powi(exp + trailing_zeros as i32);
            Some(Amount {
                value,
                place,
                unit,
                scale_exp,
                vague: None,
                rounded: None,
            })
        })
    }
}

fn scale(mantissa: u128, exp: i32) -> Option<f64> {
    let m = mantissa as f64;
    let v = if exp >= 0 {
        m * 10f64.powi(exp)
    } else {
        m / 10f64.powi(-exp)
    };
    v.is_finite().then_some(v)
}

fn trailing_zeros(mut m: u128) -> u32 {
    if m == 0 {
        return 0;
    }
    let mut n = 0;
    while m.is_multiple_of(10) {
        m /= 10;
        n += 1;
    }
    n
}

/// The design's default tolerance: 10% of the number, widened to half the
/// place value of its last significant digit, never more than 25%.
fn tolerance(a: &Amount, opts: &ReadOptions) -> f64 {
    let v = a.value.abs();
    match opts.tolerance {
        Some(f) => f * v,
        None => (0.1 * v).max(a.place / 2.0).min(0.25 * v),
    }
}

fn hedged(a: &Amount, hedge: Option<Hedge>, opts: &ReadOptions) -> (Interval, Precision) {
    let v = a.value;
    let (lo_v, hi_v) = match a.vague {
        Some(i) => (i.lo, i.hi),
        None => (v, v),
    };
    // Around zero a tolerance in proportion is none at all: use half the
    // place value ("nearly 0" is [0, 0.5]); and never exactly 0, which
    // would make "nearly 30" the empty [30, 30).
    let t = if v == 0.0 { a.place / 2.0 } else { tolerance(a, opts) }.max(1e-9);
    let Some(hedge) = hedge else {
        return match a.vague.or(a.rounded) {
            Some(i) => (i, Precision::Rounded),
            None if opts.round_numbers == RoundNumbers::Approximate && a.place >= 10.0 => (
                Interval::closed(v - a.place / 2.0, v + a.place / 2.0),
                Precision::Rounded,
            ),
            None => (Interval::exact(v), Precision::Exact),
        };
    };
    let i = match hedge {
        Hedge::Above => Interval::new(lo_v, true, f64::INFINITY, true),
        Hedge::AtLeast => Interval::new(lo_v, false, f64::INFINITY, true),
        Hedge::AtMost => Interval::closed(0.0, hi_v),
        Hedge::Below => Interval::new(0.0, false, lo_v, true),
        Hedge::About if a.vague.is_some() => Interval::closed(lo_v, hi_v),
        Hedge::About => Interval::closed((v - t).max(0.0), v + t),
        Hedge::Nearly if v == 0.0 => Interval::closed(0.0, t),
        Hedge::Nearly => Interval::new((v - t).max(0.0), false, v, true),
        Hedge::JustOver => Interval::new(v, true, v + t, false),
    };
    (i, Precision::Hedged)
}

/// The group a share of a group names between its numbers, in the
/// plural ("one TGV in two" → "tgvs", "four high-speed trains in five" →
/// "high-speed trains"); `None` for any other expression.
pub fn group_of(expr: &str) -> Option<String> {
    let s = normalise(expr);
    let mut c = Cursor { s: &s, pos: 0 };
    let _ = c.attempt(|c| {
        let h = c.eat_any(HEDGES)?;
        c.eat_space().then_some(h)
    });
    let (n, group, _) = c.group_share()?;
    if group.is_empty() {
        return None;
    }
    if n != 1 {
        return Some(group.to_string());
    }
    // "one rail worker in two": the group is rail workers.
    let plural = if group.ends_with('s') || group.ends_with('x') || group.ends_with("ch") || group.ends_with("sh") {
        format!("{group}es")
    } else if group.ends_with('y') && !group.ends_with("ay") && !group.ends_with("ey") && !group.ends_with("oy") {
        format!("{}ies", &group[..group.len() - 1])
    } else {
        format!("{group}s")
    };
    Some(plural)
}

/// Read a whole expression ("more than 30", "€800bn", "between 2% and 3%")
/// as a quantity; `None` when it is not one, or when anything is left over.
pub fn read(expr: &str, opts: &ReadOptions) -> Option<Quantity> {
    if let Some(q) = hours_and_minutes(expr) {
        return Some(q);
    }
    let s = normalise(expr);
    // "a third of", "scores of", "dozens of": the "of" belongs to the noun.
    let s = s.strip_suffix(" of").unwrap_or(&s);
    let mut c = Cursor { s, pos: 0 };
    let q = c.attempt(|c| range(c)).or_else(|| c.attempt(|c| single(c, opts)))?;
    c.at_end().then_some(q)
}

/// Eat "about ", "around " or "roughly " before a range's lower end.
fn rough_end(c: &mut Cursor) {
    let _ = c.eat("about ") || c.eat("around ") || c.eat("roughly ");
}

fn range(c: &mut Cursor) -> Option<Quantity> {
    let (mut a, mut b) = if c.eat("between ") {
        let a = c.amount()?;
        c.eat(" and ").then_some(())?;
        (a, c.amount()?)
    } else if c.eat("from ") {
        // "range from about 90,000 to 125,000": a rough lower end is
        // still the range's end.
        rough_end(c);
        let a = c.amount()?;
        c.eat(" to ").then_some(())?;
        (a, c.amount()?)
    } else {
        let a = c.amount()?;
        let sep = c.eat("-") || c.eat(" - ") || c.eat(" to ");
        sep.then_some(())?;
        c.eat_space();
        (a, c.amount()?)
    };
    if a.vague.is_some() || b.vague.is_some() || a.rounded.is_some() || b.rounded.is_some() {
        return None;
    }
    // "2-3%", "€2-3bn": the second number's unit and scale apply to both.
    if a.unit.is_none() {
        a.unit = b.unit.clone();
    }
    // "€2-3bn": the first number's currency applies to the second.
    if b.unit.is_none() {
        b.unit = a.unit.clone();
    }
    if a.scale_exp == 0 && b.scale_exp > 0 {
        a.value *= 10f64.powi(b.scale_exp as i32);
    } else if let Some(e) = written_multiplier(&c.s[..c.pos]).filter(|_| a.scale_exp == 0 && a.value < 1000.0) {
        // "eighteen to twenty thousand", "two to three hundred": the second
        // end's written-out multiplier applies to a first end written
        // without one (not "5 to 6,000", whose second end is in digits).
        if a.value * 10f64.powi(e as i32) < b.value {
            a.value *= 10f64.powi(e as i32);
        }
    } else if a.scale_exp == 0 && a.value < 1000.0 && b.value >= 1e6 {
        // "between one and two million": the written-out scale of the
        // second applies to the first too.
        let e = 3 * ((b.value.log10() / 3.0).floor() as i32);
        if a.value * 10f64.powi(e) < b.value {
            a.value *= 10f64.powi(e);
        }
    }
    if a.unit != b.unit || a.value >= b.value {
        return None;
    }
    Some(Quantity {
        interval: Interval::closed(a.value, b.value),
        unit: b.unit.unwrap_or(Unit::Count),
        precision: Precision::Hedged,
    })
}

/// The power of ten of the multiplier word a read expression ends with
/// ("… twenty thousand" → 3), if it ends with one.
fn written_multiplier(read: &str) -> Option<u32> {
    let last = read.rsplit(' ').next()?;
    MULTIPLIERS.iter().find(|(w, _)| last == *w).map(|&(_, e)| e)
}

fn single(c: &mut Cursor, opts: &ReadOptions) -> Option<Quantity> {
    let hedge = c.attempt(|c| {
        let h = c.eat_any(HEDGES)?;
        c.eat_space().then_some(h)
    });
    let a = c.amount()?;
    let suffix = if c.eat("+") || c.eat("-plus") || c.eat(" plus") || c.eat(" or more") {
        Some(Hedge::AtLeast)
    } else if c.eat(" or fewer") || c.eat(" or less") {
        Some(Hedge::AtMost)
    } else if c.eat(" or so") {
        Some(Hedge::About)
    } else {
        None
    };
    let hedge = match (hedge, suffix) {
        (Some(_), Some(_)) => return None,
        (h, s) => h.or(s),
    };
    // "fewer than 0": no count, share or amount is below zero (found by the fuzzer).
    if hedge == Some(Hedge::Below) && a.value <= 0.0 {
        return None;
    }
    let (interval, precision) = hedged(&a, hedge, opts);
    Some(Quantity {
        interval,
        unit: a.unit.unwrap_or(Unit::Count),
        precision,
    })
}

/// Every quantity in a text, in order, with its byte range.
pub fn find_iter<'t>(
    text: &'t str,
    opts: &'t ReadOptions,
) -> impl Iterator<Item = (std::ops::Range<usize>, Quantity)> + 't {
    static ANY: OnceLock<Regex> = OnceLock::new();
    // ASCII word boundaries keep the lazy DFA usable on non-ASCII text.
    let re = ANY.get_or_init(|| {
        let src = format!("(?i){}", pattern(Placeholder::Quantity)).replace(r"\b", r"(?-u:\b)");
        Regex::new(&src).expect("quantity regex")
    });
    // A share of a group runs on past the numerator the regex stops at
    // ("one TGV in two"): the denominator is no quantity of its own.
    let mut taken_to = 0;
    re.find_iter(text)
        .filter_map(move |m| {
            if m.start() < taken_to {
                return None;
            }
            let r = group_share_extent(text, m.range(), opts).unwrap_or(m.range());
            taken_to = r.end;
            Some(r)
        })
        .map(|r| vote_tally(text, r))
        .filter_map(|r| {
            if !super::context::not_a_quantity(text, r.clone()) {
                return Some(r);
            }
            // "18:10 - Six of the 72 …": the clock time is no quantity, but
            // what the dash runs on to may be one of its own.
            second_of_range(text, r).filter(|second| !super::context::not_a_quantity(text, second.clone()))
        })
        .flat_map(|r| match read(&text[r.clone()], opts) {
            Some(q) => vec![(r, q)],
            None => falling_pair(text, r, opts),
        })
}

/// The range of a share of a group that starts with the match `r`:
/// "seven in ten", "one TGV in two", "four high-speed trains in five".
/// Not when what follows the second number says it counts something
/// else: "two people in three days", "26 people in three European
/// countries".
fn group_share_extent(text: &str, r: std::ops::Range<usize>, opts: &ReadOptions) -> Option<std::ops::Range<usize>> {
    static TAIL: OnceLock<Regex> = OnceLock::new();
    let tail = TAIL.get_or_init(|| {
        let word = alternation(UNITS.iter().map(|u| u.0).chain(MULTIPLIERS.iter().map(|m| m.0)));
        Regex::new(&format!(
            r"(?i-u)^((?:\s+[a-z][a-z-]*){{0,{GROUP_WORDS_MAX}}}?)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:(?:an?\s+)?(?:{word})(?:[\s-]+(?:{word}))*|\d{{1,4}})\b"
        ))
        .expect("group share regex")
    });
    let caps = tail.captures(&text[r.end..])?;
    let end = r.end + caps.get(0)?.end();
    let q = read(&text[r.start..end], opts)?;
    if q.unit != Unit::Percent {
        return None;
    }
    let grouped = !caps[1].trim().is_empty();
    let next: Vec<&str> = text[end..]
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(2)
        .collect();
    let at_word = text[end..].starts_with(' ') && next.first().is_some_and(|w| text[end + 1..].starts_with(w));
    let container = next
        .iter()
        .any(|w| GROUP_CONTAINERS.contains(&w.to_lowercase().as_str()));
    // Between two numbers a group is named once: a noun right after the
    // second ("one person in three Paris schools") is what it counts in.
    let noun_after = grouped
        && at_word
        && next.first().is_some_and(|w| {
            w.starts_with(|c: char| c.is_uppercase()) || (w.ends_with('s') && !NOT_PLURAL.contains(w))
        });
    (!container && !noun_after).then_some(r.start..end)
}

/// Words after "N in M" that make M a count of its own: "in three days",
/// "in five countries".
const GROUP_CONTAINERS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "countries",
    "country",
    "states",
    "cities",
    "towns",
    "regions",
    "provinces",
    "districts",
    "constituencies",
    "villages",
    "places",
    "sites",
    "areas",
    "locations",
    "games",
    "matches",
    "races",
    "rounds",
    "attempts",
    "elections",
    "visits",
    "trips",
    "incidents",
    "attacks",
    "raids",
    "cases",
    "stages",
    "phases",
];

/// Words ending in "s" that are no plural noun.
const NOT_PLURAL: &[&str] = &[
    "was", "is", "has", "as", "its", "this", "thus", "plus", "across", "always", "does", "says",
];

/// The second end of a match read as a range ("10 - Six"), after its dash
/// or "to", when there is one.
fn second_of_range(text: &str, r: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let m = &text[r.clone()];
    let (at, len) = [" - ", " – ", " to ", "-", "–"]
        .iter()
        .find_map(|sep| m.find(sep).filter(|&at| at > 0).map(|at| (at, sep.len())))?;
    let start = r.start + at + len;
    let start = start + (text[start..r.end].len() - text[start..r.end].trim_start().len());
    (start < r.end).then_some(start..r.end)
}

/// "91 hours and 31 minutes": a duration in hours, read whole (91.52).
pub fn hours_and_minutes(expr: &str) -> Option<Quantity> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^\s*(\d{1,4})\s+hours?\s+and\s+(\d{1,2})\s+min(?:ute)?s?\s*$").expect("duration regex")
    });
    let c = re.captures(expr)?;
    let hours: f64 = c[1].parse().ok()?;
    let minutes: f64 = c[2].parse().ok()?;
    (minutes < 60.0).then(|| Quantity {
        interval: Interval::exact(hours + minutes / 60.0),
        unit: Unit::Count,
        precision: Precision::Exact,
    })
}

/// "fell from 11,300 to 3,958": no range (its ends run downwards) but two
/// figures, a level and the level it moved to.
fn falling_pair(text: &str, r: std::ops::Range<usize>, opts: &ReadOptions) -> Vec<(std::ops::Range<usize>, Quantity)> {
    let m = &text[r.clone()];
    // "divided between three hundred and ninety billion euro in grants and
    // …": no range, one amount whose words hold an "and".
    if m.get(..8).is_some_and(|p| p.eq_ignore_ascii_case("between ")) {
        let whole = r.start + 8..r.end;
        return read(&text[whole.clone()], opts)
            .map(|q| (whole, q))
            .into_iter()
            .collect();
    }
    let Some(at) = m.find(" to ") else {
        return Vec::new();
    };
    let lead = if m.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("from ")) {
        5
    } else {
        0
    };
    [r.start + lead..r.start + at, r.start + at + 4..r.end]
        .into_iter()
        .filter_map(|part| read(&text[part.clone()], opts).map(|q| (part, q)))
        .collect()
}

/// "The motion passed 287 to 250": a vote's tally, where "passed" is no
/// hedge; the figure alone.
fn vote_tally(text: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let m = &text[r.clone()];
    let Some(rest) = m
        .get(..7)
        .filter(|p| p.eq_ignore_ascii_case("passed "))
        .map(|_| &m[7..])
    else {
        return r;
    };
    let after = text[r.end..].trim_start();
    let to_digit = after
        .strip_prefix("to ")
        .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
    if to_digit {
        r.end - rest.len()..r.end
    } else {
        r
    }
}

/// The first quantity in a longer phrase, with its byte range in `text`.
pub fn find_first(text: &str, opts: &ReadOptions) -> Option<(std::ops::Range<usize>, Quantity)> {
    find_iter(text, opts).next()
}

/// One line of `crosscheck quantity`: the expression, a tab, then the
/// first quantity in it (interval in the design's notation with its unit,
/// a tab, the precision), or `not a quantity`.
pub fn describe_line(expr: &str, opts: &ReadOptions) -> String {
    match find_first(expr, opts) {
        Some((_, q)) => format!("{expr}\t{}\t{}", q.display_with(""), q.precision),
        None => format!("{expr}\tnot a quantity"),
    }
}

/// Every word that can start or make up a quantity written in words
/// ("thirty", "dozen", "hundreds"); with the digits, what a literal
/// prefilter needs to know that a sentence may hold a quantity.
pub fn number_words() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = UNITS
        .iter()
        .map(|u| u.0)
        .chain(MULTIPLIERS.iter().map(|m| m.0))
        .collect();
    words.extend(VAGUE.iter().map(|v| v.0.split(' ').next().unwrap_or(v.0)));
    words.extend(FRACTIONS.iter().map(|f| f.0));
    words.sort_unstable();
    words.dedup();
    words
}

/// The value placeholders a rule pattern may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    /// Any count, share or amount: `{quantity}`.
    Quantity,
    /// A percentage: `{percent}`.
    Percent,
    /// An amount of money: `{money}`.
    Money,
}

fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut words: Vec<&str> = words.into_iter().collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// The regex fragment a placeholder expands to, without capture groups;
/// it matches a superset of what [`read`] accepts and is compiled
/// case-insensitively inside a rule pattern.
pub fn pattern(p: Placeholder) -> String {
    let hedge = format!(r"(?:(?:{})\s+)?", alternation(HEDGES.iter().map(|h| h.0)));
    let word = alternation(UNITS.iter().map(|u| u.0).chain(MULTIPLIERS.iter().map(|m| m.0)));
    let words = format!(r"(?:an?\s+)?\b(?:{word})(?:(?:\s+|-|\s+and\s+)(?:{word}))*\b");
    // Thousands separated by commas or by no-break, figure, thin or narrow
    // no-break spaces ("1\u{a0}000").
    let digits = r"\b(?:\d{1,3}(?:(?:,|(?u:[\x{a0}\x{2007}\x{2009}\x{202f}]))\d{3})+|\d+)(?:\.\d+)?";
    let cur_pre = format!(
        r"(?:(?:{})\s?|\b(?:{})\s)",
        alternation(CURRENCY_PREFIXES.iter().map(|c| c.0)),
        alternation(CURRENCY_CODES.iter().map(|c| c.0))
    );
    let scale_word = format!(r"\s?(?:{})\b", alternation(SCALES.iter().map(|s| s.0)));
    let pct = r"\s?(?:%|per\s?cent\b|percent\b)";
    let cur_word = format!(
        r"\s(?:{})\b",
        alternation(CURRENCY_WORDS.iter().chain(CURRENCY_CODES).map(|c| c.0))
    );
    let vague = format!(r"\b(?:{})\b", alternation(VAGUE.iter().map(|v| v.0)));
    let fraction = format!(
        r"\b(?:(?:{})(?:\s+|-))?(?:{})\b(?:\s+an?\s+(?:thousand|million|billion)\b)?",
        alternation(
            ["a", "an"]
                .into_iter()
                .chain(UNITS.iter().filter(|u| (1..=9).contains(&u.1)).map(|u| u.0))
        ),
        alternation(FRACTIONS.iter().map(|f| f.0))
    );
    // Digits end at a word edge unless a scale follows: "100k", "4.47%",
    // but never the "2" of "2nd" or the "9" of "9pm".
    let half = r"\s+and\s+a\s+half(?:\s+(?:thousand|million|billion|trillion))?\b";
    let number = format!(r"(?:{digits}(?:{half}|{scale_word}|\b)|{words}(?:{half}|(?:{scale_word})?))");
    let suffix = r"(?:\+|-?\s?plus\b|\s+or\s+(?:more|fewer|less|so)\b)?";
    let (amount, first) = match p {
        Placeholder::Quantity => {
            let a = format!(r"(?:{vague}|{fraction}|(?:{cur_pre})?{number}(?:{pct}|{cur_word})?)");
            (a.clone(), a)
        }
        Placeholder::Percent => (format!("(?:{number}{pct}|{fraction})"), format!("{number}(?:{pct})?")),
        Placeholder::Money => {
            let a = format!(r"(?:{cur_pre}{number}|{number}{cur_word})");
            (a.clone(), format!(r"(?:{a}|{number})"))
        }
    };
    // The three range forms share their second amount: factored out, the
    // fragment holds `amount` twice instead of four times (it is most of
    // the fragment, and the fragment most of a pattern's compile time).
    // The order of the alternatives, and so which match wins, is unchanged.
    ascii_fragment(&format!(
        r"(?:(?:between\s+{first}\s+and\s+|from\s+(?:(?:about|around|roughly)\s+)?{first}\s+to\s+|{first}\s?(?:-|–|\s+to\s+)\s?){amount}|{hedge}{amount}{suffix})"
    ))
}

/// Wrap a generated fragment so its case folding is ASCII-only (Unicode
/// folding of every letter multiplies the automaton and its build time
/// by three), keeping Unicode white space (no-break spaces are common in
/// scraped text).
pub fn ascii_fragment(src: &str) -> String {
    format!("(?-u:{})", src.replace(r"\s", r"(?u:\s)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(expr: &str) -> String {
        match read(expr, &ReadOptions::default()) {
            Some(q) => format!("{} {} {}", q.interval, q.unit, q.precision),
            None => "not a quantity".into(),
        }
    }

    #[test]
    fn a_fall_from_one_figure_to_another_is_two_figures() {
        let found = |text: &str| -> Vec<String> {
            find_iter(text, &ReadOptions::default())
                .map(|(range, q)| format!("{} {}", &text[range], q.interval))
                .collect()
        };
        assert_eq!(
            found("The toll fell from 11,300 to 3,958."),
            ["11,300 [11300, 11300]", "3,958 [3958, 3958]"]
        );
        assert_eq!(
            found("Turnout fell from 67.3 per cent to 59.7 per cent."),
            ["67.3 per cent [67.3, 67.3]", "59.7 per cent [59.7, 59.7]"]
        );
        // A rising pair is still read as the range the reader makes of it.
        assert_eq!(
            found("between 5,000 and 7,000 marched"),
            ["between 5,000 and 7,000 [5000, 7000]"]
        );
        // A live-blog entry's time is no quantity, what follows its dash is.
        assert_eq!(found("18:10 - Six of the 72 MPs"), ["Six [6, 6]", "72 [72, 72]"]);
        assert_eq!(found("18:10 - 72 MPs"), ["72 [72, 72]"]);
        // A span of years stays no quantity, either end.
        assert!(found("at each COP, 1995-2023, by year").is_empty());
    }

    #[test]
    fn reads_the_pipeline_forms() {
        let table = [
            ("34", "[34, 34] count exact"),
            ("100,000", "[100000, 100000] count exact"),
            ("4.47%", "[4.47, 4.47] % exact"),
            ("more than 30", "(30, inf) count hedged"),
            ("More than 30", "(30, inf) count hedged"),
            ("over 30", "(30, inf) count hedged"),
            ("at least 100,000", "[100000, inf) count hedged"),
            ("30+", "[30, inf) count hedged"),
            ("up to 30,000", "[0, 30000] count hedged"),
            ("about 30", "[25, 35] count hedged"),
            ("about 100,000", "[75000, 125000] count hedged"),
            ("nearly 50%", "[45, 50) % hedged"),
            ("fewer than 20", "[0, 20) count hedged"),
            ("between 25,000 and 30,000", "[25000, 30000] count hedged"),
            ("from about 90,000 to 125,000", "[90000, 125000] count hedged"),
            ("2-3%", "[2, 3] % hedged"),
            ("€800 billion", "[800000000000, 800000000000] EUR exact"),
            ("$1.5bn", "[1500000000, 1500000000] USD exact"),
            ("£2.2 bn", "[2200000000, 2200000000] GBP exact"),
            ("100k", "[100000, 100000] count exact"),
            ("3 per cent", "[3, 3] % exact"),
            ("thirty-four", "[34, 34] count exact"),
            ("a dozen", "[12, 12] count exact"),
            ("two dozen", "[24, 24] count exact"),
            ("1.5 million", "[1500000, 1500000] count exact"),
            ("dozens", "[24, 99] count rounded"),
            ("tens of thousands", "[20000, 99999] count rounded"),
            ("G7", "not a quantity"),
            ("1,00", "not a quantity"),
            ("", "not a quantity"),
            ("more than", "not a quantity"),
        ];
        for (expr, want) in table {
            assert_eq!(r(expr), want, "{expr:?}");
        }
    }

    #[test]
    fn bare_round_numbers_follow_the_rule() {
        let approx = ReadOptions {
            round_numbers: RoundNumbers::Approximate,
            ..Default::default()
        };
        assert_eq!(read("30", &approx).unwrap().interval.to_string(), "[25, 35]");
        assert_eq!(read("34", &approx).unwrap().interval.to_string(), "[34, 34]");
        let wide = ReadOptions {
            tolerance: Some(0.2),
            ..Default::default()
        };
        assert_eq!(read("about 30", &wide).unwrap().interval.to_string(), "[24, 36]");
    }

    #[test]
    fn pattern_matches_what_read_accepts() {
        let re = Regex::new(&format!("(?i)^{}$", pattern(Placeholder::Quantity))).unwrap();
        for e in [
            "more than 30",
            "€800 billion",
            "2-3%",
            "between 25,000 and 30,000",
            "thirty-four",
            "30+",
            "dozens",
        ] {
            assert!(re.is_match(e), "{e}");
        }
        let pct = Regex::new(&format!("(?i)^{}$", pattern(Placeholder::Percent))).unwrap();
        assert!(pct.is_match("4.47%") && pct.is_match("nearly 50%") && !pct.is_match("34"));
        assert_eq!(
            find_first("some 200,000 troops would be needed", &ReadOptions::default())
                .unwrap()
                .0,
            0..12
        );
    }
}
