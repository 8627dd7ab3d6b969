//! Calendar dates as `YYYY-MM-DD`: the only date form replies and bounds use.

/// Whether `text` is a real calendar date written `YYYY-MM-DD`.
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
