//! Calendar dates with an explicit precision.
//!
//! The story's facts are dated to the day, the month or only the year. A [`FuzzyDate`] keeps that
//! precision and maps to a concrete [`Date`], the **first day of its period**, for every as-of
//! query: an event of "2018-02" counts from 2018-02-01, one of "2016" from 2016-01-01. The rule is the
//! same for starts and ends, so a month-precision end stops a phase at the first of that month.
//!
//! Dates are proleptic Gregorian and stored as a day number (days since 1970-01-01), which makes
//! comparison, differences and time scales plain integer arithmetic, identical natively and in Wasm.

use std::fmt;

/// A calendar day, stored as days since 1970-01-01 (negative before).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// Only the year is known.
    Year,
    /// The year and month are known.
    Month,
    /// The exact day is known.
    Day,
}

/// A date as written in the data: its first day plus its precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FuzzyDate {
    /// The first day of the period (the day itself for day precision).
    pub start: Date,
    /// How much of the date is known.
    pub precision: Precision,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether `year` is a Gregorian leap year.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date for a year, month (1–12) and day, or `None` when no such day exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        if !(-9999..=9999).contains(&year) {
            return None;
        }
        Some(Date(days_from_civil(year, month, day)))
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i32) -> Date {
        Date(days)
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i32 {
        self.0
    }

    /// (year, month, day).
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// This date plus `n` days.
    pub fn add_days(self, n: i32) -> Date {
        Date(self.0 + n)
    }

    /// Parses `YYYY-MM-DD` strictly (the form of URLs and the CLI's `--date`).
    pub fn parse_iso(s: &str) -> Result<Date, DateError> {
        let fd = FuzzyDate::parse(s)?;
        if fd.precision != Precision::Day {
            return Err(DateError::Format);
        }
        Ok(fd.start)
    }

    /// "28 April 2026": the date in words, for readers.
    pub fn to_words(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{d} {} {y}", MONTHS[(m - 1) as usize])
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Why a date string was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form YYYY, YYYY-MM or YYYY-MM-DD.
    Format,
    /// Well-formed but no such day (2023-02-30) or month (2023-13).
    Impossible,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format => f.write_str("is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
            DateError::Impossible => f.write_str("is not a real calendar date"),
        }
    }
}

impl FuzzyDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the form sets the precision.
    pub fn parse(s: &str) -> Result<FuzzyDate, DateError> {
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, DateError> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse::<u32>().map_err(|_| DateError::Format)
            } else {
                Err(DateError::Format)
            }
        };
        let (y, m, d, precision) = match parts.as_slice() {
            [y] => (num(y, 4)?, 1, 1, Precision::Year),
            [y, m] => (num(y, 4)?, num(m, 2)?, 1, Precision::Month),
            [y, m, d] => (num(y, 4)?, num(m, 2)?, num(d, 2)?, Precision::Day),
            _ => return Err(DateError::Format),
        };
        let start = Date::from_ymd(y as i32, m, d).ok_or(DateError::Impossible)?;
        Ok(FuzzyDate { start, precision })
    }

    /// The first day after the period (exclusive end): the next day, month or year.
    pub fn period_end(self) -> Date {
        let (y, m, _) = self.start.ymd();
        match self.precision {
            Precision::Day => self.start.add_days(1),
            Precision::Month if m == 12 => Date(days_from_civil(y + 1, 1, 1)),
            Precision::Month => Date(days_from_civil(y, m + 1, 1)),
            Precision::Year => Date(days_from_civil(y + 1, 1, 1)),
        }
    }

    /// The date in words at its own precision: "22 July 2019", "February 2018", "2016".
    pub fn to_words(self) -> String {
        let (y, m, _) = self.start.ymd();
        match self.precision {
            Precision::Day => self.start.to_words(),
            Precision::Month => format!("{} {y}", MONTHS[(m - 1) as usize]),
            Precision::Year => format!("{y}"),
        }
    }
}

impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.start.ymd();
        match self.precision {
            Precision::Day => write!(f, "{y:04}-{m:02}-{d:02}"),
            Precision::Month => write!(f, "{y:04}-{m:02}"),
            Precision::Year => write!(f, "{y:04}"),
        }
    }
}

impl serde::Serialize for FuzzyDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Days since 1970-01-01 for a civil date (Howard Hinnant's `days_from_civil`, O(1)).
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = (y - era * 400) as u32; // [0, 399]
    let mp = (m + 9) % 12; // March = 0
    let doy = (153 * mp + 2) / 5 + d - 1; // [0, 365]
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
    era * 146_097 + doe as i32 - 719_468
}

/// The inverse of [`days_from_civil`] (Hinnant's `civil_from_days`, O(1)).
fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = (z - era * 146_097) as u32;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe as i32 + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_known_days() {
        assert_eq!(Date::from_ymd(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(Date::from_ymd(2000, 3, 1).unwrap().days(), 11_017);
        assert_eq!(Date::from_ymd(2026, 4, 27).unwrap().to_string(), "2026-04-27");
        assert_eq!(Date::from_ymd(1969, 12, 31).unwrap().days(), -1);
    }

    #[test]
    fn round_trips_every_day_of_a_long_range() {
        let start = Date::from_ymd(1899, 1, 1).unwrap().days();
        let end = Date::from_ymd(2101, 1, 1).unwrap().days();
        for n in start..end {
            let (y, m, d) = Date::from_days(n).ymd();
            assert_eq!(Date::from_ymd(y, m, d).unwrap().days(), n);
        }
    }

    #[test]
    fn parses_each_precision_from_the_first_day_of_its_period() {
        let y = FuzzyDate::parse("2016").unwrap();
        assert_eq!((y.start.to_string(), y.precision), ("2016-01-01".into(), Precision::Year));
        let m = FuzzyDate::parse("2018-02").unwrap();
        assert_eq!((m.start.to_string(), m.precision), ("2018-02-01".into(), Precision::Month));
        assert_eq!(m.period_end().to_string(), "2018-03-01");
        assert_eq!(FuzzyDate::parse("2025-12").unwrap().period_end().to_string(), "2026-01-01");
        assert_eq!(FuzzyDate::parse("2016").unwrap().period_end().to_string(), "2017-01-01");
        assert_eq!(m.to_string(), "2018-02");
        assert_eq!(m.to_words(), "February 2018");
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in ["", "16", "2016-2", "2016-02-3", "2016/02/03", "2016-02-03T00:00", "２０１６", "+201-01"] {
            assert_eq!(FuzzyDate::parse(bad), Err(DateError::Format), "{bad}");
        }
        for bad in ["2023-02-29", "2023-13", "2023-00", "2023-04-31", "2023-01-00"] {
            assert_eq!(FuzzyDate::parse(bad), Err(DateError::Impossible), "{bad}");
        }
        assert!(FuzzyDate::parse("2024-02-29").is_ok());
        assert_eq!(Date::parse_iso("2024-02"), Err(DateError::Format));
    }

    #[test]
    fn words() {
        assert_eq!(Date::from_ymd(2026, 4, 28).unwrap().to_words(), "28 April 2026");
    }
}
