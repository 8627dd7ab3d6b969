//! Calendar dates as `YYYY-MM-DD`: the only date form replies and bounds use.

/// Whether `text` is a real calendar date written `YYYY-MM-DD`.
/// Whether `s` is a time of day written `hh:mm` on a 24-hour clock (`09:30`, `23:59`).
pub fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 5
        && b[2] == b':'
        && matches!(
            (b[0], b[1]),
            (b'0' | b'1', b'0'..=b'9') | (b'2', b'0'..=b'3')
        )
        && matches!((b[3], b[4]), (b'0'..=b'5', b'0'..=b'9'))
}

pub fn is_iso_date(text: &str) -> bool {
    fault(text).is_none()
}

/// What is wrong with a date answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFault {
    /// Not written `YYYY-MM-DD`.
    Form,
    /// Written so, but there is no such month.
    Month(u32),
    /// Written so, but the month has fewer days.
    Day { days: u32 },
}

/// Why `text` is not a real calendar date written `YYYY-MM-DD`, if it is not.
pub fn fault(text: &str) -> Option<DateFault> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Some(DateFault::Form);
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return Some(DateFault::Form);
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Some(DateFault::Month(month)),
    };
    (!(1..=days).contains(&day)).then_some(DateFault::Day { days })
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_of_day_are_hh_mm_on_a_24_hour_clock() {
        for t in ["00:00", "09:30", "19:59", "23:59"] {
            assert!(super::is_time(t), "{t}");
        }
        for t in [
            "24:00", "9:30", "09:60", "09.30", "09:3", "009:30", "", "ab:cd", "23:5٩",
        ] {
            assert!(!super::is_time(t), "{t}");
        }
    }

    use super::{DateFault, fault, is_iso_date};

    #[test]
    fn real_dates_only() {
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(!is_iso_date("2023-13-01"));
        assert!(!is_iso_date("2023-1-01"));
        assert!(!is_iso_date("2023-01-01T00:00"));
        assert_eq!(fault("2023-02-30"), Some(DateFault::Day { days: 28 }));
        assert_eq!(fault("2024-02-30"), Some(DateFault::Day { days: 29 }));
        assert_eq!(fault("2023-13-01"), Some(DateFault::Month(13)));
        assert_eq!(fault("30/02/2023"), Some(DateFault::Form));
    }
}

/// Days from 1970-01-01 to a real calendar date written `YYYY-MM-DD` (negative before).
pub fn days(text: &str) -> Option<i64> {
    if !is_iso_date(text) {
        return None;
    }
    let number = |r: std::ops::Range<usize>| text[r].parse::<i64>().ok();
    let (y, m, d) = (number(0..4)?, number(5..7)?, number(8..10)?);
    // Years counted from March, so that the leap day ends a year.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// The date `days` after 1970-01-01, written `YYYY-MM-DD`; `None` outside years 0–9999.
pub fn from_days(days: i64) -> Option<String> {
    let z = days.checked_add(719_468)?;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let d = day_of_year - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = year_of_era + era * 400 + i64::from(m <= 2);
    (0..=9999)
        .contains(&y)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod day_tests {
    use super::{days, from_days};

    #[test]
    fn days_count_from_1970_and_back() {
        assert_eq!(days("1970-01-01"), Some(0));
        assert_eq!(days("1970-03-01"), Some(59));
        assert_eq!(
            days("2000-03-01")
                .zip(days("2000-02-28"))
                .map(|(a, b)| a - b),
            Some(2)
        );
        assert_eq!(
            days("1900-03-01")
                .zip(days("1900-02-28"))
                .map(|(a, b)| a - b),
            Some(1)
        );
        assert_eq!(days("1969-12-31"), Some(-1));
        assert_eq!(days("2021-02-29"), None);
        for text in [
            "0001-01-01",
            "1600-02-29",
            "1999-12-31",
            "2024-02-29",
            "9999-12-31",
        ] {
            assert_eq!(from_days(days(text).unwrap()).as_deref(), Some(text));
        }
        // Every day of four centuries goes there and back.
        let start = days("1800-01-01").unwrap();
        for n in start..start + 146_097 {
            assert_eq!(days(&from_days(n).unwrap()), Some(n));
        }
        assert_eq!(from_days(days("9999-12-31").unwrap() + 1), None);
    }
}
