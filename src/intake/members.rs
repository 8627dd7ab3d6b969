//! The 193 Member States of the United Nations (ISO 3166-1 alpha-3) and their M49 regions,
//! from the checked-in table `un_member_states.csv` (its source is named at its top):
//! `intake init --expect un-member-states` and `tabulate --by region` read it.

use std::sync::OnceLock;

const TABLE: &str = include_str!("un_member_states.csv");

/// The regions of the M49 standard, in its order.
pub const REGIONS: &[&str] = &["Africa", "Americas", "Asia", "Europe", "Oceania"];

/// One Member State.
#[derive(Debug, Clone, Copy)]
pub struct Member {
    pub code: &'static str,
    pub region: &'static str,
    pub name: &'static str,
}

/// Every Member State, in the table's order (by region, then name).
pub fn members() -> &'static [Member] {
    static MEMBERS: OnceLock<Vec<Member>> = OnceLock::new();
    MEMBERS.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .skip(1)
            .filter_map(|l| {
                let mut cells = l.splitn(3, ',');
                Some(Member {
                    code: cells.next()?,
                    region: cells.next()?,
                    name: cells.next()?,
                })
            })
            .collect()
    })
}

/// The M49 region of a Member State's code.
pub fn region(code: &str) -> Option<&'static str> {
    members().iter().find(|m| m.code == code).map(|m| m.region)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_193_member_states_each_once_with_a_known_region_and_code() {
        let all = members();
        assert_eq!(all.len(), 193);
        let mut codes: Vec<_> = all.iter().map(|m| m.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 193, "a code is listed twice");
        for m in all {
            assert!(
                REGIONS.contains(&m.region),
                "{}: region {}",
                m.code,
                m.region
            );
            assert!(
                crate::values::country::CODES.contains(&m.code),
                "{} is not an ISO 3166-1 alpha-3 code canvass knows",
                m.code
            );
        }
        let per_region: Vec<usize> = REGIONS
            .iter()
            .map(|r| all.iter().filter(|m| m.region == *r).count())
            .collect();
        assert_eq!(per_region, [54, 35, 47, 43, 14]);
        assert_eq!(region("FRA"), Some("Europe"));
        assert_eq!(region("CYP"), Some("Asia"));
        assert_eq!(region("XKX"), None);
    }
}
