//! Deterministic benchmark corpus generator (std and the crate's own dates; no other dependency).
//!
//! ```sh
//! cargo run --release --example gencorpus -- --bytes 100M --out DIR [--seed N] [--templates DIR]
//! ```
//!
//! Writes files until the total reaches `--bytes` (suffixes K, M, G, T are
//! powers of 1024; KB, MB, GB, TB powers of 1000), at most 1,000 to a
//! folder: `DIR/00017/017123.md`. The output is byte-for-byte the same for
//! a given seed and size: every file is drawn from its own PRNG stream
//! (seed and file number), so file N does not depend on the files before it.
//!
//! About one file in five is a *story* article: one of the development
//! articles (`tests/eval/corpus/**.md`, read at start-up) under another
//! outlet's name, published the same day or the day after, with some body
//! paragraphs dropped and some figures nudged, so that an event is told by
//! several outlets with several values. The rest is *filler*: ordinary
//! archive news (markets, sports, weather, council budgets, transport,
//! earnings, courts, health statistics) full of digits but about nothing
//! the rule packs ask for. Every file's front matter says which it is
//! (`kind: story` / `kind: filler`); the engine ignores unknown keys.

use crosscheck::date::{Date, MONTH_NAMES as MONTHS};
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const FILES_PER_DIR: u64 = 1000;
const STORY_ONE_IN: u64 = 5;
const P_DROP_PARAGRAPH: f64 = 0.15;
const P_PERTURB_NUMBER: f64 = 0.10;

// ---------------------------------------------------------------------------
// PRNG

/// splitmix64: tiny, fast and good enough for picking words.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The stream of file `index` under `seed`.
    fn for_file(seed: u64, index: u64) -> Self {
        let mut base = Rng::new(seed);
        Rng(base.next_u64() ^ index.wrapping_mul(0xD6E8_FEB8_6659_FD93))
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (multiply-shift; the bias is far below anything a
    /// benchmark corpus cares about).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64) < p * (1u64 << 53) as f64
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }

    fn word(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len() as u64) as usize]
    }
}

// ---------------------------------------------------------------------------
// Dates: the library's own (and its month names), so the generator writes
// what the engine reads.

fn push_iso(date: Date, out: &mut String) {
    let _ = write!(out, "{date}");
}

// ---------------------------------------------------------------------------
// Word lists (all invented; no real outlet, town or person)

const OUTLETS: [&str; 40] = [
    "Northgate Chronicle",
    "The Tidewater Post",
    "Granite Valley Times",
    "Eastmarch Herald",
    "The Copperfield Courier",
    "Riverbend Daily",
    "The Saltmarsh Gazette",
    "Highmoor Evening News",
    "The Kestrel Report",
    "Brightwater Journal",
    "The Meadowlands Mercury",
    "Ironbridge Dispatch",
    "The Lantern Review",
    "Westcliff Telegraph",
    "The Foxhollow Star",
    "Amberley Sentinel",
    "The Marlow Bay Record",
    "Cedar Point Tribune",
    "The Ravensmoor Echo",
    "Silverlake Standard",
    "The Orchard Gazette",
    "Pinecrest Examiner",
    "The Stonebridge Voice",
    "Larkspur News Agency",
    "The Wexham Observer",
    "Blackthorn Bulletin",
    "The Quayside Press",
    "Thornbury Advertiser",
    "The Hollowmere Clarion",
    "Fairhaven Daily Mail",
    "The Aldergrove Leader",
    "Seabright Newswire",
    "The Windmill Register",
    "Oakhurst Evening Star",
    "The Glasswater Times",
    "Redcliffe Reporter",
    "The Bellhaven Courier",
    "Moorgate Morning Post",
    "The Whitstone Weekly",
    "Kingsmere Online",
];

const TOWNS: [&str; 40] = [
    "Ashby Cross",
    "Brennmouth",
    "Caldermere",
    "Dunholt",
    "Elmstow",
    "Farrowgate",
    "Glenwick",
    "Harlow Fen",
    "Ivelridge",
    "Jessop's Ford",
    "Kelbridge",
    "Lowerby",
    "Marrowdale",
    "Netherwold",
    "Oxley Heath",
    "Pendleford",
    "Quarrington",
    "Rushmere",
    "Saltby",
    "Tollerton Vale",
    "Upper Brackley",
    "Vennington",
    "Wyckham",
    "Yarrowby",
    "Alderholt Bay",
    "Bramscote",
    "Coldharbour Mill",
    "Dovercourt Green",
    "Eskerby",
    "Fennimore",
    "Greystoke Moor",
    "Hambleden Cross",
    "Kirkwell",
    "Linthorpe",
    "Middlecombe",
    "Northam Wells",
    "Otterbourne",
    "Penhallow",
    "Redwater",
    "Stannington",
];

const FIRST_NAMES: [&str; 32] = [
    "Alice", "Bram", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Lars", "Maya",
    "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tessa", "Umar", "Vera", "Wim", "Xenia", "Yusuf", "Zora",
    "Anton", "Bianca", "Cormac", "Delia", "Emil", "Freya",
];

const SURNAMES: [&str; 40] = [
    "Abernathy",
    "Brinkworth",
    "Castellane",
    "Duvernoy",
    "Eckhardt",
    "Fairweather",
    "Galloway",
    "Hartigan",
    "Isaksen",
    "Jolliffe",
    "Kowalczyk",
    "Lindqvist",
    "Marchetti",
    "Nakamura",
    "Okonkwo",
    "Pemberton",
    "Quesnel",
    "Rasmussen",
    "Szabo",
    "Thorne",
    "Umbridge",
    "Vasquez",
    "Whitlock",
    "Yilmaz",
    "Zeller",
    "Ashdown",
    "Bellweather",
    "Crowther",
    "Delacroix",
    "Ellingham",
    "Foxley",
    "Grimsdale",
    "Holloway",
    "Ingleby",
    "Jessup",
    "Kettering",
    "Lockwood",
    "Mortimer",
    "Northcott",
    "Ormsby",
];

const COMPANIES: [&str; 24] = [
    "Halvorsen Logistics",
    "Brightmoor Foods",
    "Quillon Systems",
    "Tarnwell Engineering",
    "Merrow & Vane",
    "Glasshouse Retail",
    "Corvid Pharmaceuticals",
    "Lindenfeld Media",
    "Stoneway Homes",
    "Portreeve Insurance",
    "Ashcombe Brewing",
    "Nordvik Shipping",
    "Kestrel Telecom",
    "Redfern Paper",
    "Oakmoor Utilities",
    "Silverdale Hotels",
    "Fernhill Motors",
    "Pellingham Textiles",
    "Wrenfield Software",
    "Calloway Chemicals",
    "Bexley Grain",
    "Harrowgate Steel",
    "Tamsin Cosmetics",
    "Northwind Airways",
];

const TEAM_SUFFIXES: [&str; 8] = [
    "Rovers",
    "Athletic",
    "United",
    "Wanderers",
    "Town",
    "City",
    "Albion",
    "Harriers",
];
const GROUNDS: [&str; 8] = [
    "Mill Lane",
    "the Riverside Ground",
    "Kingsway Park",
    "the Foundry Stadium",
    "Coronation Road",
    "Hawthorn Park",
    "the Quarry Ground",
    "Station Meadow",
];
const STREETS: [&str; 16] = [
    "Mill Street",
    "Station Road",
    "Chapel Lane",
    "Victoria Avenue",
    "Quarry Hill",
    "Orchard Way",
    "Bridge Street",
    "Tanner's Row",
    "Wharf Road",
    "Market Place",
    "Elm Grove",
    "Castle Walk",
    "Foundry Lane",
    "Beacon Road",
    "Harbour Parade",
    "North Terrace",
];
const INDEX_NAMES: [&str; 5] = [
    "Ashmore 250",
    "Northline 100",
    "Meridian All-Share",
    "Copperfield 40",
    "Harbour Composite",
];
const HOSPITALS: [&str; 8] = [
    "St Aldric's Hospital",
    "the Royal Infirmary",
    "Westfield General",
    "the Marrowdale Clinic",
    "St Brigid's Hospital",
    "the Eastgate Medical Centre",
    "Hollybank Hospital",
    "the County Hospital",
];
const DRUGS: [&str; 6] = [
    "antibiotics",
    "inhalers",
    "statins",
    "antidepressants",
    "painkillers",
    "eye drops",
];
const QUARTERS: [&str; 6] = [
    "first quarter",
    "second quarter",
    "third quarter",
    "fourth quarter",
    "six months to June",
    "year to March",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const CURRENCIES: [&str; 3] = ["€", "£", "$"];
const ORDINAL_SUFFIX: [&str; 4] = ["th", "st", "nd", "rd"];

// ---------------------------------------------------------------------------
// Filler templates. `{slot}` is filled by `Filler::slot`. The words the rule
// packs count or qualify by (summit, attended, troops, deaths, pledged, GDP,
// countries, leaders, ministers, members, registered, people...) are kept
// out, so filler gives a digit scan and a literal prefilter work but yields
// few claims.

struct Topic {
    section: &'static str,
    titles: &'static [&'static str],
    sentences: &'static [&'static str],
    /// Lines of a "Key figures" box.
    facts: &'static [&'static str],
    /// Photo captions.
    captions: &'static [&'static str],
}

const TOPICS: [Topic; 8] = [
    Topic {
        section: "markets",
        titles: &[
            "Shares in {company} climb {pct} as the {indexname} closes at {index}",
            "{indexname} slips {chg} points in thin trading",
            "Bond yields edge up to {pct2} as traders weigh {month} data",
            "{company} stock falls {pct} after profit warning",
        ],
        sentences: &[
            "The {indexname} index closed at {index} on {weekday}, {chg} points higher than at the open.",
            "Shares in {company} rose {pct} to {price}, their best close since {month} {year}.",
            "Trading volumes were light, with {n6} contracts changing hands by {time}, against an average of {n6} over the previous {n2} sessions.",
            "The ten-year bond yield rose {bp} basis points to {pct2}, while the two-year note was little changed at {pct2}.",
            "Brent crude traded at {price} a barrel, down {pct} on the week, and gold was quoted at {gold} an ounce.",
            "The pound was steady at {fx} against the euro after a week in which it had swung between {fx} and {fx}.",
            "Analysts at {company} Securities expect the index to finish the quarter between {n4} and {n4} points.",
            "Of the {n3} stocks on the broader market, {n3} ended higher and {n2} were unchanged.",
            "{person}, a fund manager at {company} Capital, said the rally had been driven by {n2} large banks and retailers rather than by the market as a whole.",
            "Turnover on the exchange came to {moneym}, the highest for a {weekday} since {year}.",
            "Small-cap shares lagged, with the {indexname} small companies index down {pct} to {index}.",
            "The market has gained {pct} since the start of {year}, after a {pct} fall the year before.",
            "Futures pointed to an opening {chg} points higher on {weekday}, with {company} due to report results at {time}.",
        ],
        facts: &[
            "Index close: {index} ({chg} points)",
            "Turnover: {moneym}",
            "Ten-year yield: {pct2}",
            "Advancers/decliners: {n3} / {n3}",
            "Gold: {gold} an ounce",
            "Brent crude: {price} a barrel",
        ],
        captions: &[
            "Traders on the floor of the exchange in {town} on {weekday}. Photo: {person}",
            "A screen shows the {indexname} at {index} shortly after {time}. Photo: {person}",
        ],
    },
    Topic {
        section: "sport",
        titles: &[
            "{team} beat {team2} {score} to move {ordinal} in the table",
            "Late goal earns {team} a {score} draw at {team2}",
            "{person} makes {n3} as {team} win by {n2} runs",
            "{team} sign {person} on a {n}-year contract",
        ],
        sentences: &[
            "{team} beat {team2} {score} in front of {n5} spectators at {ground} on {weekday}.",
            "{person} opened the scoring after {min} minutes and added a second {n2} minutes after the break.",
            "The result leaves {team} {ordinal} in the table on {n2} points from {n2} games, {n} points behind {team2} at the top.",
            "{person} finished with {n2} points, {n} rebounds and {n} assists as {team} won {bscore}.",
            "In the cricket, {team} reached {n3} for {n} in {n2} overs, with {person} making {n2} from {n2} balls.",
            "Spectator numbers across the division's {n2} fixtures this weekend totalled {n6}, up {pct} on the same round last season.",
            "{team} have now gone {n2} matches without defeat, their longest run since {year}.",
            "{person}, who joined from {team2} for a reported {moneym} in {month}, has scored {n2} goals in {n2} appearances.",
            "The club said {n4} season tickets had been sold, {n3} more than at the same point last year.",
            "Tickets for the return fixture on {daymonth} cost from {money2}, the club said.",
            "In the women's race, {person} crossed the line in {racetime}, {dec} seconds ahead of {person2}.",
            "The {ordinal}-placed side have conceded only {n2} goals in {n2} league games this season.",
        ],
        facts: &[
            "Played {n2}, won {n2}, tied {n}, lost {n}",
            "Goals for {n2}, against {n2}",
            "Spectators: {n5}",
            "Next fixture: {team} (away), {daymonth}, {time}",
            "Top scorer: {person} ({n2})",
        ],
        captions: &[
            "{person} celebrates the second goal at {ground}. Photo: {person2}",
            "The {team} bench after {min} minutes. Photo: {person}",
        ],
    },
    Topic {
        section: "weather",
        titles: &[
            "Temperatures to reach {temp}C in {town} this weekend",
            "{mm}mm of rain falls on {town} in {n2} hours",
            "Wettest {month} in {town} for {n2} years, records show",
            "Frost and fog warning for {town} with lows of {neg}C",
        ],
        sentences: &[
            "Temperatures in {town} climbed to {temp}C on {weekday} afternoon, {n}C above the average for the time of year.",
            "The weather station at {town} airport recorded {mm}mm of rain in the {n2} hours to {time}, close to half the monthly average of {mm}mm.",
            "Gusts of up to {kmh} km/h were measured on the coast at {town2} shortly after {time}.",
            "Forecasters expect overnight lows of {neg}C to {n}C, with fog patches on the higher ground above {n3} metres.",
            "The {month} average in {town} is {dec}C, based on records kept since {oldyear}.",
            "Sunshine totalled {n3} hours over the month, {pct} more than the long-term average.",
            "The river at {town2} bridge stood at {dec2} metres at {time}, {dec} metres below the level at which warnings are issued.",
            "Pollen levels are forecast to be high, at {n3} grains per cubic metre, on {weekday} and {weekday2}.",
            "Snow fell to {n3} metres overnight, with {n2}cm reported at the ski station above {town2}.",
            "The UV index will reach {n} in the early afternoon, and sea temperatures are around {temp}C.",
            "Humidity was {n2}% at {time} and the air pressure {hpa} hPa, the lowest reading since {month} {year}.",
            "Electricity demand peaked at {n5} megawatts at {time}, the grid operator said.",
        ],
        facts: &[
            "Highest: {temp}C at {town2}",
            "Lowest: {neg}C at {town2}",
            "Rain: {mm}mm in {n2} hours",
            "Strongest gust: {kmh} km/h",
            "Sunrise {time}, sunset {time}",
        ],
        captions: &[
            "Fog over the river at {town} at {time} on {weekday}. Photo: {person}",
            "Walkers on the ridge above {town2}, where it reached {temp}C. Photo: {person}",
        ],
    },
    Topic {
        section: "local",
        titles: &[
            "{town} council sets {moneym} spending plan with {pct} rise in property tax",
            "Councillors in {town} approve {moneym} for road repairs",
            "{town} to close {n} libraries, cutting costs by {moneyk} a year",
            "Parking charges in {town} to rise to {money2} an hour",
        ],
        sentences: &[
            "{town} council approved spending of {moneym} for {year}, an increase of {pct} on the previous year.",
            "The property tax will rise by {pct}, adding about {money2} a month to a typical household bill of {money4}.",
            "Councillors voted {n2} to {n} in favour after a debate lasting {n} hours and {n2} minutes.",
            "Road maintenance receives {moneym}, enough to resurface about {n2} km of the {n3} km network.",
            "The finance lead, {person}, said the council faced a gap of {moneym} over the next {n} years.",
            "Adult social care will cost {moneym}, or {pct} of the total, up from {pct} in {year}.",
            "Fees for green waste collection go up from {money2} to {money2} a year, and {n4} households already subscribe to the service.",
            "Reserves are expected to fall to {moneym} by {month} {year}, below the {moneym} minimum the auditors recommend.",
            "The plan includes {moneyk} for {n2} new street lights on {street} and {street2}.",
            "A consultation received {n4} responses, {pct} of which opposed the proposed cut to bus subsidies.",
            "Staff costs account for {moneym}, covering {n4} full-time posts, {n2} fewer than last year.",
            "Council tax arrears stood at {moneyk} at the end of {month}, the report said.",
        ],
        facts: &[
            "Spending: {moneym} (up {pct})",
            "Property tax: up {pct}",
            "Reserves: {moneym}",
            "Vote: {n2} for, {n} against, {n} abstentions",
            "Posts: {n4} full-time",
        ],
        captions: &[
            "The council chamber in {town} during the debate on {weekday}. Photo: {person}",
            "Roadworks on {street}, {town}, which will cost {moneyk}. Photo: {person}",
        ],
    },
    Topic {
        section: "transport",
        titles: &[
            "Fares on {town} buses to rise by {pct} from {daymonth}",
            "{route} closed for {n2} days for track work",
            "Passenger numbers on {town} trams up {pct}",
            "New timetable adds {n2} trains a day between {town} and {town2}",
        ],
        sentences: &[
            "Fares on the {town} bus network will rise by {pct} from {daymonth}, taking a single ticket to {money2}.",
            "The operator carried {n6} passengers in {month}, up {pct} on the same month in {year}.",
            "Trains between {town} and {town2} will run every {n2} minutes, with the first departure at {time}.",
            "Only {pct} of services on {route} arrived within five minutes of schedule, against a benchmark of {pct}.",
            "Work on the {n3}-metre viaduct at {town2} is expected to cost {moneym} and take {n2} months.",
            "Replacement buses on {route} will run from {time} until {time} on {weekday} and {weekday2}.",
            "Average journey times on the ring road rose to {n2} minutes at peak hours, from {n2} minutes a year earlier.",
            "The airport handled {n6} passengers and {n4} flights in the quarter, with {pct} of departures leaving on time.",
            "A new cycle lane of {dec} km along {street} will cost {moneyk}, of which {pct} comes from a regional grant.",
            "Parking income at the station reached {moneyk} over {n2} months, the operator's figures show.",
            "Delays on {route} came to {n4} minutes in {month}, mostly caused by signal faults near {town2}.",
            "The ferry to {town2} will sail {n} times a day in summer, up from {n}, with fares from {money2}.",
        ],
        facts: &[
            "Single fare: {money2}",
            "Passengers in {month}: {n6}",
            "On time: {pct}",
            "Trains a day: {n3}",
            "Cost of works: {moneym}",
        ],
        captions: &[
            "A tram at the {street} stop in {town} at {time}. Photo: {person}",
            "Passengers wait on platform {n} at {town2} station. Photo: {person}",
        ],
    },
    Topic {
        section: "business",
        titles: &[
            "{company} reports {pct} rise in half-year revenue",
            "{company} profit falls to {moneym} as costs bite",
            "{company} to cut {n3} jobs at {town} plant",
            "{company} raises dividend to {money2} a share",
        ],
        sentences: &[
            "{company} reported revenue of {moneym} for the {quarter}, up {pct} from {moneym} a year earlier.",
            "Operating profit came in at {moneym}, giving a margin of {pct}, against {pct} in the same period of {year}.",
            "The board proposed a dividend of {money2} a share, payable on {daymonth}.",
            "Net debt fell to {moneym} from {moneym} at the end of {year}, the company said.",
            "Chief executive {person} said orders worth {moneym} were already booked for the second half.",
            "The group employs {n4} staff across {n2} sites, {n3} of them at its headquarters in {town}.",
            "Sales in its retail arm rose {pct} to {moneym}, while the wholesale business slipped {pct}.",
            "The shares, which have risen {pct} this year, closed {pct} lower at {price} after the results.",
            "{company} expects full-year earnings of between {moneym} and {moneym}, narrowing its earlier range.",
            "Capital expenditure is planned at {moneym} for {year}, with {moneym} going to a new warehouse in {town2}.",
            "The company bought back {n6} of its own shares in the quarter at an average price of {price}.",
            "Online orders made up {pct} of sales, up from {pct} two years ago.",
        ],
        facts: &[
            "Revenue: {moneym} (up {pct})",
            "Operating profit: {moneym}",
            "Margin: {pct}",
            "Dividend: {money2} a share",
            "Staff: {n4}",
        ],
        captions: &[
            "The {company} warehouse at {town2}, which employs {n3}. Photo: {person}",
            "{person}, chief executive of {company}, in {town} on {weekday}. Photo: {person2}",
        ],
    },
    Topic {
        section: "courts",
        titles: &[
            "{town} driver fined {money4} for speeding",
            "Builder jailed for {n2} months over {moneyk} fraud",
            "Landlord ordered to repay {money4} in rent",
            "Firm fined {moneyk} after safety breach at {town} site",
        ],
        sentences: &[
            "{person}, {age}, of {street}, {town}, was fined {money4} and ordered to pay {money3} in costs at {town} magistrates' court on {weekday}.",
            "The court heard that {surname} had taken {moneyk} from {n2} customers between {month} {year} and {month2} {year}.",
            "He was sentenced to {n2} months in prison, suspended for {n2} months, and ordered to complete {n3} hours of unpaid work.",
            "Judge {person} said the offences had been committed over {n2} months and had caused losses of more than {moneyk}.",
            "The company admitted {n} breaches of safety rules and was fined {moneyk}, payable within {n2} days.",
            "The case, number {caseno}, was adjourned until {daymonth} for a further hearing.",
            "Speed cameras on {street} recorded {n4} offences in {month}, with the fastest vehicle at {kmh} km/h in a {n2} km/h zone.",
            "{surname} pleaded guilty to driving at {kmh} km/h and was banned from driving for {n2} months.",
            "The tribunal awarded {person} {moneyk} in compensation, including {money4} for lost earnings.",
            "Prosecutors said {n3} documents had been examined and {n2} witnesses interviewed during the investigation.",
            "The appeal court reduced the sentence from {n2} to {n2} months, citing {surname}'s guilty plea.",
            "Costs of {money4} were awarded against the landlord, who had let {n} flats without a licence since {year}.",
        ],
        facts: &[
            "Fine: {money4}",
            "Costs: {money3}",
            "Sentence: {n2} months, suspended for {n2} months",
            "Unpaid work: {n3} hours",
            "Case: {caseno}",
        ],
        captions: &[
            "{town} magistrates' court, where the case was heard on {weekday}. Photo: {person}",
            "The speed camera on {street}, {town}, which recorded {n4} offences. Photo: {person}",
        ],
    },
    Topic {
        section: "health",
        titles: &[
            "Waiting times at {hospital} rise to {n2} weeks",
            "{pct} of two-year-olds in {town} vaccinated against measles",
            "Flu cases in {town} double in {n} weeks",
            "Emergency department at {hospital} sees {n5} patients in {month}",
        ],
        sentences: &[
            "{hospital} treated {n5} patients in its emergency department in {month}, {pct} more than in {month2}.",
            "The median wait for a planned operation was {n2} weeks, and {n4} patients had been waiting more than {n2} weeks.",
            "Vaccination rates among two-year-olds in {town} reached {pct}, just short of the {n2}% goal.",
            "Laboratories confirmed {n3} flu cases in the week to {daymonth}, up from {n3} the week before.",
            "Ambulances took an average of {n} minutes and {n2} seconds to reach the most urgent calls, against a standard of {n} minutes.",
            "The hospital has {n3} beds, of which {pct} were occupied at {time} on {weekday}.",
            "Surgeries in the district took on {n4} new patients in the quarter, {pct} fewer than a year before.",
            "Dental practices are accepting new patients at only {n} of {n2} sites, the health board said.",
            "Prescriptions for {drug} rose {pct} to {n5} items last year, at a cost of {moneyk}.",
            "The trust employs {n4} nurses and {n3} doctors, and has {n3} vacancies, a rate of {pct}.",
            "Screening uptake for bowel cancer was {pct} in {town}, compared with {pct} across the region.",
            "Visits to the walk-in centre in {town2} averaged {n3} a day over the {n2} days to {daymonth}.",
        ],
        facts: &[
            "Emergency department visits: {n5}",
            "Median wait: {n2} weeks",
            "Bed occupancy: {pct}",
            "Vacancies: {n3} ({pct})",
            "Flu cases this week: {n3}",
        ],
        captions: &[
            "The entrance to {hospital} in {town} at {time}. Photo: {person}",
            "A nurse at the walk-in centre in {town2}, which sees {n3} patients a day. Photo: {person}",
        ],
    },
];

/// Sentences that fit any topic.
const GENERIC: [&str; 10] = [
    "Figures for {month} are due on {daymonth}, {person} said.",
    "\"We have seen {n2} weeks of steady numbers and we expect that to continue,\" said {person}, a spokesperson.",
    "The full report, running to {n3} pages, is on the {town} website.",
    "In {year}, the comparable figure was {n4}, the annual report shows.",
    "The numbers were revised on {weekday}: the earlier estimate of {n4} is now {n4}.",
    "The tables are on page {n2} of the {month} bulletin, reference {ref}.",
    "Over the past {n} years the figure has ranged from {n3} to {n3}.",
    "Readers with information can call the newsdesk on 01632 {n3} {n3}.",
    "This article was updated at {time} on {daymonth} to correct a figure in the {ordinal} paragraph.",
    "{person} contributed reporting from {town2}.",
];

// ---------------------------------------------------------------------------
// Small formatting helpers (no allocation)

/// `v` with `,` thousands separators.
fn push_grouped(out: &mut String, v: u64) {
    if v >= 1000 {
        push_grouped(out, v / 1000);
        let _ = write!(out, ",{:03}", v % 1000);
    } else {
        let _ = write!(out, "{v}");
    }
}

/// `v / 10^places` with `places` decimals.
fn push_fixed(out: &mut String, v: u64, places: u32, grouped: bool) {
    let unit = 10u64.pow(places);
    if grouped {
        push_grouped(out, v / unit);
    } else {
        let _ = write!(out, "{}", v / unit);
    }
    if places > 0 {
        let _ = write!(out, ".{:0width$}", v % unit, width = places as usize);
    }
}

fn push_ordinal(out: &mut String, n: u64) {
    let suffix = if (11..=13).contains(&(n % 100)) {
        "th"
    } else {
        ORDINAL_SUFFIX.get((n % 10) as usize).unwrap_or(&"th")
    };
    let _ = write!(out, "{n}{suffix}");
}

/// `Some Title, With €5m!` -> `some-title-with-5m` (at most 60 bytes).
fn push_slug(out: &mut String, title: &str) {
    let start = out.len();
    let mut dash = false;
    for c in title.chars() {
        if out.len() - start >= 60 {
            break;
        }
        if c.is_ascii_alphanumeric() {
            if dash && out.len() > start {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
}

/// `The Saltmarsh Gazette` -> `saltmarshgazette.example`.
fn push_domain(out: &mut String, outlet: &str) {
    let name = outlet.strip_prefix("The ").unwrap_or(outlet);
    out.extend(
        name.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase()),
    );
    out.push_str(".example");
}

// ---------------------------------------------------------------------------
// Front matter

fn push_front_matter(out: &mut String, outlet: &str, section: &str, date: &str, title: &str, index: u64) {
    out.push_str("---\nsource: ");
    out.push_str(outlet);
    out.push_str("\nurl: https://");
    push_domain(out, outlet);
    out.push('/');
    out.push_str(section);
    out.push('/');
    // The date part of the path: `2020/07/21`.
    out.extend(date.chars().take(10).map(|c| if c == '-' { '/' } else { c }));
    out.push('/');
    push_slug(out, title);
    let _ = write!(out, "-{index}");
    out.push_str("\npublished: ");
    out.push_str(date);
    out.push_str("\ntitle: ");
    out.push_str(title);
    out.push('\n');
}

// ---------------------------------------------------------------------------
// Filler articles

/// One filler article's choices, shared by its sentences so that it stays
/// about one town, one company, one currency.
struct Filler<'r> {
    rng: &'r mut Rng,
    town: &'static str,
    company: &'static str,
    index_name: &'static str,
    hospital: &'static str,
    currency: &'static str,
}

impl Filler<'_> {
    fn expand(&mut self, template: &str, out: &mut String) {
        let start = out.len();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("unclosed slot in template");
            self.slot(&rest[open + 1..close], out);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        // Every template starts a sentence or a line: "the County Hospital"
        // opening one becomes "The County Hospital".
        if let Some(first) = out.as_bytes().get(start).filter(|c| c.is_ascii_lowercase()) {
            let upper = first.to_ascii_uppercase() as char;
            out.replace_range(start..=start, upper.encode_utf8(&mut [0; 4]));
        }
    }

    fn other_town(&mut self) -> &'static str {
        loop {
            let t = self.rng.word(&TOWNS);
            if t != self.town {
                return t;
            }
        }
    }

    fn person(&mut self, out: &mut String) {
        out.push_str(self.rng.word(&FIRST_NAMES));
        out.push(' ');
        out.push_str(self.rng.word(&SURNAMES));
    }

    fn money(&mut self, out: &mut String, lo: u64, hi: u64, places: u32) {
        out.push_str(self.currency);
        let v = self.rng.range(lo, hi);
        push_fixed(out, v, places, true);
    }

    fn slot(&mut self, name: &str, out: &mut String) {
        let r = &mut *self.rng;
        match name {
            "town" => out.push_str(self.town),
            "town2" => {
                let t = self.other_town();
                out.push_str(t);
            }
            "person" | "person2" => self.person(out),
            "surname" => out.push_str(r.word(&SURNAMES)),
            "company" => out.push_str(self.company),
            "team" | "team2" => {
                let town = r.word(&TOWNS);
                let suffix = r.word(&TEAM_SUFFIXES);
                out.push_str(town);
                out.push(' ');
                out.push_str(suffix);
            }
            "ground" => out.push_str(r.word(&GROUNDS)),
            "street" | "street2" => out.push_str(r.word(&STREETS)),
            "route" => {
                let kind = r.word(&["line", "Route", "the number"]);
                let _ = write!(out, "{kind} {}", r.range(1, 99));
            }
            "hospital" => out.push_str(self.hospital),
            "drug" => out.push_str(r.word(&DRUGS)),
            "quarter" => out.push_str(r.word(&QUARTERS)),
            "indexname" => out.push_str(self.index_name),
            "weekday" | "weekday2" => out.push_str(r.word(&WEEKDAYS)),
            "month" | "month2" => out.push_str(r.word(&MONTHS)),
            "daymonth" => {
                let _ = write!(out, "{} {}", r.range(1, 28), r.pick(&MONTHS));
            }
            "year" => {
                let _ = write!(out, "{}", r.range(2009, 2024));
            }
            "oldyear" => {
                let _ = write!(out, "{}", r.range(1871, 1990));
            }
            "n" => {
                let _ = write!(out, "{}", r.range(2, 9));
            }
            "n2" => {
                let _ = write!(out, "{}", r.range(10, 99));
            }
            "n3" => {
                let _ = write!(out, "{}", r.range(100, 999));
            }
            // Some archives write 4-digit figures without a separator.
            "n4" => {
                let v = r.range(1000, 9999);
                let grouped = r.chance(0.7);
                push_fixed(out, v, 0, grouped);
            }
            "n5" => push_grouped(out, r.range(10_000, 99_999)),
            "n6" => push_grouped(out, r.range(100_000, 999_999)),
            "age" => {
                let _ = write!(out, "{}", r.range(19, 78));
            }
            "min" => {
                let _ = write!(out, "{}", r.range(2, 44));
            }
            "bp" => {
                let _ = write!(out, "{}", r.range(1, 40));
            }
            "pct" => {
                // "4.2%", "4.2 per cent" or "4.2 percent".
                push_fixed(out, r.range(1, 399), 1, false);
                out.push_str(r.word(&["%", "%", " per cent", " percent"]));
            }
            "pct2" => {
                push_fixed(out, r.range(10, 699), 2, false);
                out.push('%');
            }
            "dec" => push_fixed(out, r.range(10, 99), 1, false),
            "dec2" => push_fixed(out, r.range(100, 999), 2, false),
            "price" => self.money(out, 50, 99_999, 2),
            "money2" => self.money(out, 100, 9_999, 2),
            "money3" => self.money(out, 100, 999, 0),
            "money4" => self.money(out, 1_000, 9_999, 0),
            "moneyk" => self.money(out, 10_000, 999_999, 0),
            "moneym" => {
                out.push_str(self.currency);
                push_fixed(out, r.range(10, 9_999), 1, true);
                out.push_str(r.word(&["m", "m", " million", "bn"]));
            }
            "index" => push_fixed(out, r.range(100_000, 999_999), 2, true),
            "chg" => push_fixed(out, r.range(1, 999), 1, false),
            "fx" => push_fixed(out, r.range(8_000, 14_999), 4, false),
            "gold" => push_fixed(out, r.range(120_000, 290_000), 2, true),
            "temp" => {
                let _ = write!(out, "{}", r.range(5, 36));
            }
            "neg" => {
                let _ = write!(out, "-{}", r.range(1, 12));
            }
            "mm" => {
                let _ = write!(out, "{}", r.range(2, 80));
            }
            "kmh" => {
                let _ = write!(out, "{}", r.range(30, 140));
            }
            "hpa" => {
                let _ = write!(out, "{}", r.range(970, 1040));
            }
            "score" => {
                let _ = write!(out, "{}-{}", r.range(0, 5), r.range(0, 4));
            }
            "bscore" => {
                let _ = write!(out, "{}-{}", r.range(70, 119), r.range(65, 115));
            }
            "racetime" => {
                let _ = write!(out, "{}:{:02}.{}", r.range(27, 39), r.range(0, 59), r.range(0, 9));
            }
            "time" => {
                let _ = write!(out, "{:02}:{:02}", r.range(6, 22), r.below(12) * 5);
            }
            "ordinal" => push_ordinal(out, r.range(1, 20)),
            "caseno" => {
                let _ = write!(out, "CR-{}-{:04}", r.range(2019, 2025), r.range(1, 9_999));
            }
            "ref" => {
                let _ = write!(out, "T-{}/{}", r.range(100, 999), r.range(10, 99));
            }
            other => panic!("unknown slot {{{other}}} in a filler template"),
        }
    }
}

fn filler_article(rng: &mut Rng, index: u64, out: &mut String) {
    let topic = rng.pick(&TOPICS);
    let first = Date::new(2019, 1, 1).expect("a real day").ordinal();
    let last = Date::new(2025, 12, 31).expect("a real day").ordinal();
    let date = Date::from_ordinal(first + rng.below((last - first + 1) as u64) as i64);
    let outlet = rng.word(&OUTLETS);
    let mut f = Filler {
        town: rng.word(&TOWNS),
        company: rng.word(&COMPANIES),
        index_name: rng.word(&INDEX_NAMES),
        hospital: rng.word(&HOSPITALS),
        currency: rng.word(&CURRENCIES),
        rng,
    };

    let mut title = String::with_capacity(96);
    let template = *f.rng.pick(topic.titles);
    f.expand(template, &mut title);
    let mut iso = String::with_capacity(10);
    push_iso(date, &mut iso);
    push_front_matter(out, outlet, topic.section, &iso, &title, index);
    out.push_str("kind: filler\n---\n");

    // Body: the headline again, a standfirst, a byline, 6-20 sentences in
    // 3-8 paragraphs, then the usual archive furniture.
    let mut topical = Deck::new(topic.sentences.len());
    let mut generic = Deck::new(GENERIC.len());
    out.push_str(&title);
    out.push_str("\n\n");
    let standfirst = topic.sentences[topical.draw(f.rng)];
    f.expand(standfirst, out);
    out.push_str("\n\nBy ");
    f.person(out);
    let day_month_year = |out: &mut String| {
        let _ = write!(out, "{} {} {}", date.day, date.month_name(), date.year);
    };
    let _ = write!(out, " | {} | ", f.town);
    day_month_year(out);
    out.push_str("\n\n");
    // Longer articles a little more often than shorter ones (the larger of
    // two draws), for an average file of some 2.5 KB.
    let sentences = f.rng.range(6, 20).max(f.rng.range(6, 20));
    let paragraphs = f.rng.range(3, 8).min(sentences);
    let caption_after = f.rng.range(0, paragraphs);
    for p in 0..paragraphs {
        if p == caption_after {
            out.push_str("Picture: ");
            let caption = f.rng.word(topic.captions);
            f.expand(caption, out);
            out.push_str("\n\n");
        }
        // Spread the sentences evenly: paragraph p gets [p*s/n, (p+1)*s/n).
        let here = (p + 1) * sentences / paragraphs - p * sentences / paragraphs;
        for s in 0..here {
            if s > 0 {
                out.push(' ');
            }
            // One sentence in six from the generic pool; no template twice
            // until its pool is used up.
            let template = if f.rng.below(6) == 0 {
                GENERIC[generic.draw(f.rng)]
            } else {
                topic.sentences[topical.draw(f.rng)]
            };
            f.expand(template, out);
        }
        out.push_str("\n\n");
    }
    if f.rng.chance(0.6) {
        out.push_str("Key figures\n");
        let mut facts = Deck::new(topic.facts.len());
        for _ in 0..f.rng.range(3, topic.facts.len() as u64) {
            out.push_str("- ");
            let fact = topic.facts[facts.draw(f.rng)];
            f.expand(fact, out);
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str("Read also: ");
    for i in 0..2 {
        if i > 0 {
            out.push_str(" | ");
        }
        let other = f.rng.pick(&TOPICS);
        let template = *f.rng.pick(other.titles);
        f.expand(template, out);
    }
    out.push_str("\n\nPublished ");
    day_month_year(out);
    out.push_str(", ");
    f.slot("time", out);
    out.push_str(" | Updated ");
    f.slot("time", out);
    out.push_str(" | ");
    f.slot("n2", out);
    out.push_str(" comments\n");
}

/// Draws template numbers without repeating one until all have been drawn.
struct Deck {
    used: u64,
    len: usize,
}

impl Deck {
    fn new(len: usize) -> Self {
        assert!((1..=64).contains(&len), "a template pool holds 1 to 64 templates");
        Deck { used: 0, len }
    }

    fn draw(&mut self, rng: &mut Rng) -> usize {
        if self.used.count_ones() as usize == self.len {
            self.used = 0;
        }
        let mut k = rng.below((self.len - self.used.count_ones() as usize) as u64);
        for i in 0..self.len {
            if self.used & (1 << i) == 0 {
                if k == 0 {
                    self.used |= 1 << i;
                    return i;
                }
                k -= 1;
            }
        }
        unreachable!("k is below the number of free templates")
    }
}

// ---------------------------------------------------------------------------
// Story articles

struct StoryTemplate {
    /// Path under the templates folder, for the `template:` key.
    rel: String,
    published: String,
    title: String,
    /// Body paragraphs (separated by blank lines in the source).
    paragraphs: Vec<String>,
}

fn load_templates(dir: &Path) -> Result<Vec<StoryTemplate>, String> {
    let mut files = Vec::new();
    collect_md(dir, &mut files).map_err(|e| format!("{}: {e}", dir.display()))?;
    files.sort();
    let mut out = Vec::with_capacity(files.len());
    for path in files {
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = text.replace("\r\n", "\n");
        let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().into_owned();
        let (front, body) = text
            .strip_prefix("---\n")
            .and_then(|rest| rest.split_once("\n---\n"))
            .ok_or_else(|| format!("{}: no front matter", path.display()))?;
        let field = |key: &str| {
            front
                .lines()
                .find_map(|l| l.strip_prefix(key).and_then(|v| v.strip_prefix(':')))
                .map(|v| v.trim().to_string())
        };
        let (Some(published), Some(title)) = (field("published"), field("title")) else {
            return Err(format!("{}: front matter without published: or title:", path.display()));
        };
        let paragraphs: Vec<String> = body
            .split("\n\n")
            .map(|p| p.trim_matches('\n'))
            .filter(|p| !p.trim().is_empty())
            .map(str::to_string)
            .collect();
        if paragraphs.is_empty() {
            return Err(format!("{}: empty body", path.display()));
        }
        out.push(StoryTemplate {
            rel,
            published,
            title,
            paragraphs,
        });
    }
    if out.is_empty() {
        return Err(format!("{}: no .md articles found", dir.display()));
    }
    Ok(out)
}

fn collect_md(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_md(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    Ok(())
}

fn story_article(rng: &mut Rng, templates: &[StoryTemplate], index: u64, out: &mut String) {
    let t = rng.pick(templates);
    let outlet = rng.word(&OUTLETS);
    // Same day or the day after, never earlier: events bind from the day
    // they happen.
    let mut published = t.published.clone();
    if rng.chance(0.5) {
        if let Some(d) = Date::parse(&t.published) {
            published.clear();
            push_iso(d.add_days(1), &mut published);
            published.push_str(&t.published[10..]);
        }
    }
    push_front_matter(out, outlet, "news", &published, &t.title, index);
    out.push_str("kind: story\ntemplate: ");
    out.push_str(&t.rel);
    out.push_str("\n---\n");
    for (i, paragraph) in t.paragraphs.iter().enumerate() {
        if i > 0 && rng.chance(P_DROP_PARAGRAPH) {
            continue;
        }
        if i > 0 {
            out.push('\n');
        }
        perturb_numbers(paragraph, rng, P_PERTURB_NUMBER, out);
        out.push('\n');
    }
}

// ---------------------------------------------------------------------------
// Number perturbation

fn is_month(word: &str) -> bool {
    const ABBREVIATIONS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ];
    let word = word.trim_end_matches(['.', ',']);
    MONTHS.contains(&word) || ABBREVIATIONS.contains(&word)
}

/// `1`, `49,704`, `1.921`, `2,500.75`; not `1,23`, `1.2.3`.
fn number_shape(t: &[u8]) -> bool {
    let (int, frac) = match t.iter().position(|&c| c == b'.') {
        Some(p) => (&t[..p], Some(&t[p + 1..])),
        None => (t, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.iter().all(u8::is_ascii_digit) {
            return false;
        }
    }
    let mut groups = int.split(|&c| c == b',');
    let first = groups.next().unwrap_or_default();
    let grouped = int.contains(&b',');
    if first.is_empty() || !first.iter().all(u8::is_ascii_digit) || (grouped && first.len() > 3) {
        return false;
    }
    groups.all(|g| g.len() == 3 && g.iter().all(u8::is_ascii_digit))
}

/// Whether the number at `text[start..end]` is a figure worth nudging: not
/// a year, not part of a date, a word, a URL, a time or a reference.
fn perturbable(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let tok = &b[start..end];
    if !number_shape(tok) {
        return false;
    }
    let whole = &text[start..end];
    if whole.len() == 4 && whole.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y)) {
        return false;
    }
    // Inside a word (COP28, Covid-19), after `.`/`,` (".5"), or a time/ratio.
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | ',' | ':')) {
        return false;
    }
    if before == Some('-') && text[..start - 1].chars().next_back().is_some_and(char::is_alphabetic) {
        return false;
    }
    let after = &text[end..];
    if after.starts_with(':') {
        return false;
    }
    // Ordinals are dates more often than not ("July 21st").
    let suffix: &str = &after[..after.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(after.len())];
    if matches!(suffix, "st" | "nd" | "rd" | "th") {
        return false;
    }
    // URLs, paths, handles, fractions (21/07, 9/11).
    let word_start = text[..start].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let word_end = end + after.find(char::is_whitespace).unwrap_or(after.len());
    if text[word_start..word_end].contains(['/', '@', '_', '=', '#']) || text[word_start..word_end].contains("www.") {
        return false;
    }
    // Dates: "21 July", "10-12 July", "July 10".
    let mut next = after.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '–');
    next = next.trim_start();
    if is_month(
        next.split(|c: char| !c.is_alphabetic() && c != '.')
            .next()
            .unwrap_or(""),
    ) {
        return false;
    }
    let prev = text[..start].trim_end();
    if is_month(prev.rsplit(char::is_whitespace).next().unwrap_or("")) {
        return false;
    }
    true
}

/// Nudges the last one or two significant digits of `tok` (already checked
/// by `number_shape`), keeping its length, separators and decimals; writes
/// the result to `out`. False when no nearby value fits (e.g. `0`).
fn nudge(tok: &str, rng: &mut Rng, out: &mut String) -> bool {
    let mut buf = [0u8; 64];
    let bytes = tok.as_bytes();
    if bytes.len() > buf.len() {
        return false;
    }
    buf[..bytes.len()].copy_from_slice(bytes);
    let buf = &mut buf[..bytes.len()];
    // Positions of the digits in `buf`.
    let mut pos = [0usize; 64];
    let mut n = 0;
    for (i, &c) in buf.iter().enumerate() {
        if c.is_ascii_digit() {
            pos[n] = i;
            n += 1;
        }
    }
    let digit = |buf: &[u8], k: usize| u64::from(buf[pos[k]] - b'0');
    let Some(first_sig) = (0..n).find(|&k| digit(buf, k) != 0) else {
        return false;
    };
    // Trailing zeros of a whole number are not significant (750, 2,000).
    let decimal = buf.contains(&b'.');
    let end = if decimal {
        n
    } else {
        (0..n).rev().find(|&k| digit(buf, k) != 0).map_or(n, |k| k + 1)
    };
    let sig = end - first_sig;
    let k = if sig >= 2 && rng.chance(0.5) { 2 } else { 1 };
    let lo = end - k;
    let value = (lo..end).fold(0u64, |v, j| v * 10 + digit(buf, j));
    let limit = 10u64.pow(k as u32);
    let spread = if k == 1 { 2 } else { 9 };
    for _ in 0..8 {
        let delta = rng.range(1, spread);
        let new = if rng.chance(0.5) {
            value + delta
        } else {
            value.wrapping_sub(delta)
        };
        if new >= limit {
            continue;
        }
        // Keep the number of significant digits: no new leading zero where
        // the window holds the first significant digit, no new trailing
        // zero on a whole number.
        if lo <= first_sig && (new / 10u64.pow((k - 1 - (first_sig - lo)) as u32)).is_multiple_of(10) {
            continue;
        }
        if !decimal && new.is_multiple_of(10) {
            continue;
        }
        let mut v = new;
        for j in (lo..end).rev() {
            buf[pos[j]] = b'0' + (v % 10) as u8;
            v /= 10;
        }
        // Only ASCII digits were replaced, so `buf` is still UTF-8.
        out.push_str(std::str::from_utf8(buf).expect("ascii"));
        return true;
    }
    false
}

/// Copies `text` to `out`, replacing each number token with probability `p`
/// by a nearby value of the same shape.
fn perturb_numbers(text: &str, rng: &mut Rng, p: f64, out: &mut String) {
    let b = text.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < b.len() && (b[end].is_ascii_digit() || b[end] == b',' || b[end] == b'.') {
            end += 1;
        }
        while matches!(b[end - 1], b',' | b'.') {
            end -= 1;
        }
        i = end;
        if !rng.chance(p) || !perturbable(text, start, end) {
            continue;
        }
        out.push_str(&text[copied..start]);
        if !nudge(&text[start..end], rng, out) {
            out.push_str(&text[start..end]);
        }
        copied = end;
    }
    out.push_str(&text[copied..]);
}

// ---------------------------------------------------------------------------
// Driver

struct Args {
    bytes: u64,
    out: PathBuf,
    seed: u64,
    templates: PathBuf,
}

const USAGE: &str = "usage: gencorpus --bytes SIZE --out DIR [--seed N] [--templates DIR]
  SIZE: bytes, with K/M/G/T (powers of 1024) or KB/MB/GB/TB (powers of 1000)
  DIR must not exist or be empty; --templates defaults to tests/eval/corpus";

fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let n: u64 = s[..digits].parse().ok()?;
    let unit = match s[digits..].to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KIB" => 1 << 10,
        "M" | "MIB" => 1 << 20,
        "G" | "GIB" => 1 << 30,
        "T" | "TIB" => 1 << 40,
        "KB" => 1_000,
        "MB" => 1_000_000,
        "GB" => 1_000_000_000,
        "TB" => 1_000_000_000_000,
        _ => return None,
    };
    n.checked_mul(unit).filter(|&v| v > 0)
}

fn parse_args() -> Result<Args, String> {
    let mut bytes = None;
    let mut out = None;
    let mut seed = 1;
    // Under cargo, the package's own development corpus; built with plain
    // rustc, the one under the working folder.
    let mut templates = PathBuf::from(option_env!("CARGO_MANIFEST_DIR").unwrap_or(".")).join("tests/eval/corpus");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--bytes" => {
                let v = value()?;
                bytes = Some(parse_size(&v).ok_or_else(|| format!("bad size {v:?}"))?);
            }
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => {
                let v = value()?;
                seed = v.parse().map_err(|_| format!("bad seed {v:?}"))?;
            }
            "--templates" => templates = PathBuf::from(value()?),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Args {
        bytes: bytes.ok_or("--bytes is required")?,
        out: out.ok_or("--out is required")?,
        seed,
        templates,
    })
}

fn run(args: &Args) -> Result<(), String> {
    let templates = load_templates(&args.templates)?;
    // A corpus must be exactly what the seed and size say: no leftovers.
    if args.out.exists() {
        let mut entries = fs::read_dir(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
        if entries.next().is_some() {
            return Err(format!("{}: not empty (remove it first)", args.out.display()));
        }
    }
    let started = Instant::now();
    let mut buf = String::with_capacity(16 << 10);
    let mut path = args.out.clone();
    let (mut total, mut files, mut stories) = (0u64, 0u64, 0u64);
    while total < args.bytes {
        let index = files;
        if index.is_multiple_of(FILES_PER_DIR) {
            path = args.out.join(format!("{:05}", index / FILES_PER_DIR));
            fs::create_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        let mut rng = Rng::for_file(args.seed, index);
        buf.clear();
        if rng.below(STORY_ONE_IN) == 0 {
            story_article(&mut rng, &templates, index, &mut buf);
            stories += 1;
        } else {
            filler_article(&mut rng, index, &mut buf);
        }
        // Each file is built in memory and written with one call.
        let file = path.join(format!("{index:06}.md"));
        fs::File::create(&file)
            .and_then(|mut f| f.write_all(buf.as_bytes()))
            .map_err(|e| format!("{}: {e}", file.display()))?;
        total += buf.len() as u64;
        files += 1;
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "gencorpus: {files} files ({stories} story, {} filler), {total} bytes ({:.1} MB, {} B/file) in {}; {secs:.2} s, {:.1} MB/s; seed {}, {} templates",
        files - stories,
        total as f64 / 1e6,
        total / files.max(1),
        args.out.display(),
        total as f64 / 1e6 / secs.max(1e-9),
        args.seed,
        templates.len(),
    );
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("gencorpus: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gencorpus: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn perturb_all(text: &str, seed: u64) -> String {
        let mut out = String::new();
        perturb_numbers(text, &mut Rng::new(seed), 1.0, &mut out);
        out
    }

    #[test]
    fn nudged_numbers_keep_their_shape() {
        for seed in 0..200 {
            for tok in [
                "49,704",
                "1.921",
                "750",
                "3",
                "0.05",
                "2,500.75",
                "1,000,000",
                "12.50",
                "98",
            ] {
                let mut out = String::new();
                let mut rng = Rng::new(seed);
                if nudge(tok, &mut rng, &mut out) {
                    assert_ne!(out, tok);
                    assert_eq!(out.len(), tok.len(), "{tok} -> {out}");
                    let shape = |s: &str| {
                        s.chars()
                            .map(|c| if c.is_ascii_digit() { '9' } else { c })
                            .collect::<String>()
                    };
                    assert_eq!(shape(&out), shape(tok), "{tok} -> {out}");
                    assert!(!out.starts_with('0') || tok.starts_with('0'), "{tok} -> {out}");
                }
            }
        }
    }

    #[test]
    fn years_dates_words_and_urls_are_left_alone() {
        let text = "On 21 July 2020, July 10, 10-12 March, COP28, Covid-19, 10:30, 21st, \
                    https://x.example/2020/07/1234, 3/4 and from 1999 to 2025 nothing moves.";
        for seed in 0..50 {
            assert_eq!(perturb_all(text, seed), text);
        }
        assert_ne!(
            perturb_all("It cost €1.9bn and 49,704 marched.", 7),
            "It cost €1.9bn and 49,704 marched."
        );
    }

    #[test]
    fn every_filler_slot_is_known_and_output_is_deterministic() {
        let mut a = String::new();
        let mut b = String::new();
        for index in 0..2000 {
            filler_article(&mut Rng::for_file(3, index), index, &mut a);
            filler_article(&mut Rng::for_file(3, index), index, &mut b);
        }
        assert_eq!(a, b);
        for banned in [
            "summit",
            "attend",
            "troops",
            "death",
            "pledg",
            "GDP",
            "The Hague",
            "Myanmar",
            "earthquake",
            "leaders",
            "countries",
            "ministers",
            "members",
            "registered",
            "people",
            "military",
            "defence",
        ] {
            assert!(!a.contains(banned), "{banned}");
        }
    }

    #[test]
    fn the_day_after_is_written_as_iso() {
        let d = Date::parse("2020-02-28").unwrap();
        let mut s = String::new();
        push_iso(d.add_days(1), &mut s);
        assert_eq!(s, "2020-02-29");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("10M"), Some(10 << 20));
        assert_eq!(parse_size("1G"), Some(1 << 30));
        assert_eq!(parse_size("5KB"), Some(5000));
        assert_eq!(parse_size("12"), Some(12));
        assert_eq!(parse_size("1X"), None);
    }
}
