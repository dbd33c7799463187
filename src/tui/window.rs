//! Paging the touchpoint log: which rows to fetch to show the window at a
//! new position, given the rows on hand. Pages are found by key (a seek in
//! the index of dates) next to the rows already loaded, so scrolling a
//! million rows deep costs what scrolling at the top does. Pure: the effects
//! run the plan against the store.

use std::ops::Range;

use crate::ops::{Seek, TouchKey};

/// Index entries a fetch may skip before a jump near the end of a counted
/// log reads from the oldest end instead.
const FAR: usize = 256;

/// What is on screen now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OnHand {
    /// Position of the first row in the filtered log.
    pub at: usize,
    pub len: usize,
    pub first: TouchKey,
    pub last: TouchKey,
}

/// A fetch and how it joins the rows on hand: the window is
/// `rows[keep] ++ fetched` when `kept_first`, else `fetched ++ rows[keep]`,
/// cut to the window's height.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub seek: Seek,
    pub skip: usize,
    pub limit: usize,
    pub keep: Range<usize>,
    pub kept_first: bool,
}

impl Plan {
    fn whole(seek: Seek, skip: usize, limit: usize) -> Plan {
        Plan {
            seek,
            skip,
            limit,
            keep: 0..0,
            kept_first: false,
        }
    }

    /// The new window from the rows on hand and the fetched ones.
    pub fn join<T: Clone>(&self, rows: &[T], fetched: Vec<T>, height: usize) -> Vec<T> {
        let kept = rows.get(self.keep.clone()).unwrap_or_default().to_vec();
        let mut out = if self.kept_first {
            [kept, fetched].concat()
        } else {
            [fetched, kept].concat()
        };
        out.truncate(height);
        out
    }
}

/// How to show `height` rows from position `want`. `on_hand`: the rows loaded
/// for the same scope and filter, if any; `total`: the counted length of the
/// filtered log, if counted; `refresh`: the data may have changed, so read the
/// rows on hand again (from the first one's key, keeping the place).
pub fn plan(
    on_hand: Option<OnHand>,
    want: usize,
    height: usize,
    total: Option<usize>,
    refresh: bool,
) -> Plan {
    let height = height.max(1);
    // The last page of a counted log: read up from the oldest row.
    let tail = total
        .filter(|&t| want > 0 && want < t && want + height >= t)
        .map(|t| Plan::whole(Seek::Oldest, 0, t - want));
    let Some(h) = on_hand.filter(|h| h.len > 0) else {
        return match tail {
            Some(p) => p,
            None if want == 0 => Plan::whole(Seek::Newest, 0, height),
            // No key to seek from: walk (only after a resize or a reload of
            // an empty window; scrolling always has rows on hand).
            None => Plan::whole(Seek::Newest, want, height),
        };
    };
    if want == 0 {
        return Plan::whole(Seek::Newest, 0, height);
    }
    if refresh && want == h.at {
        return Plan::whole(Seek::AtOrOlder(h.first), 0, height);
    }
    if want >= h.at {
        let delta = want - h.at;
        if delta < h.len {
            let kept = h.len - delta;
            return Plan {
                seek: Seek::Older(h.last),
                skip: 0,
                limit: height.saturating_sub(kept),
                keep: delta..h.len,
                kept_first: true,
            };
        }
        let skip = delta - h.len;
        return match tail {
            Some(p) if skip > FAR => p,
            _ => Plan::whole(Seek::Older(h.last), skip, height),
        };
    }
    let delta = h.at - want;
    if delta < height {
        return Plan {
            seek: Seek::Newer(h.first),
            skip: 0,
            limit: delta,
            keep: 0..h.len.min(height - delta),
            kept_first: false,
        };
    }
    Plan::whole(Seek::Newer(h.first), delta - height, height)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// A log of `n` rows, newest first; row `i` has key (day n - i, id i + 1)
    /// so keys fall as positions grow.
    fn key(n: usize, i: usize) -> TouchKey {
        let d = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new((n - i) as u64);
        (d, i as i64 + 1)
    }

    fn position(n: usize, k: TouchKey) -> usize {
        (0..n).find(|&i| key(n, i) == k).unwrap()
    }

    /// Run a plan against a log of `n` rows (the store's `touch_page`, on
    /// positions).
    fn fetch(n: usize, p: &Plan) -> Vec<usize> {
        let start: Vec<usize> = match p.seek {
            Seek::Newest => (0..n).collect(),
            Seek::Oldest => (0..n).rev().collect(),
            Seek::Older(k) => (position(n, k) + 1..n).collect(),
            Seek::AtOrOlder(k) => (position(n, k)..n).collect(),
            Seek::Newer(k) => (0..position(n, k)).rev().collect(),
        };
        let mut rows: Vec<usize> = start.into_iter().skip(p.skip).take(p.limit).collect();
        if matches!(p.seek, Seek::Oldest | Seek::Newer(_)) {
            rows.reverse();
        }
        rows
    }

    fn on_hand(n: usize, rows: &[usize]) -> Option<OnHand> {
        Some(OnHand {
            at: *rows.first()?,
            len: rows.len(),
            first: key(n, rows[0]),
            last: key(n, *rows.last()?),
        })
    }

    /// Moving the window anywhere from anywhere shows exactly the rows at the
    /// new position, whether the total is counted or not.
    #[test]
    fn every_move_shows_the_rows_at_the_new_position() {
        let n = 1000;
        let height = 7;
        let starts = [0, 1, 5, 6, 7, 8, 100, 500, 986, 992, 993];
        let wants = [
            0, 1, 2, 6, 7, 13, 99, 100, 101, 107, 400, 990, 993, 995, 999,
        ];
        for &from in &starts {
            let rows: Vec<usize> = (from..(from + height).min(n)).collect();
            for &want in &wants {
                for total in [None, Some(n)] {
                    for refresh in [false, true] {
                        let p = plan(on_hand(n, &rows), want, height, total, refresh);
                        let got = p.join(&rows, fetch(n, &p), height);
                        let expect: Vec<usize> = (want..(want + height).min(n)).collect();
                        assert_eq!(got, expect, "from {from} to {want}, total {total:?}: {p:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn scrolling_deep_seeks_by_key_and_reads_only_what_is_new() {
        let n = 1_000_000;
        let rows: Vec<usize> = (500_000..500_035).collect();
        let here = on_hand(n, &rows);
        // One row down: one row fetched after the last key, the rest kept.
        let p = plan(here, 500_001, 35, Some(n), false);
        assert_eq!(p.seek, Seek::Older(key(n, 500_034)));
        assert_eq!((p.skip, p.limit, p.keep.clone()), (0, 1, 1..35));
        // A page up: a page before the first key, nothing skipped.
        let p = plan(here, 499_965, 35, Some(n), false);
        assert_eq!(p.seek, Seek::Newer(key(n, 500_000)));
        assert_eq!((p.skip, p.limit), (0, 35));
        // The end of a counted log: read from the oldest row.
        let p = plan(here, n - 35, 35, Some(n), false);
        assert_eq!((p.seek, p.limit), (Seek::Oldest, 35));
        // A reload keeps the place by key.
        let p = plan(here, 500_000, 35, None, true);
        assert_eq!(p.seek, Seek::AtOrOlder(key(n, 500_000)));
    }

    #[test]
    fn a_position_past_a_stale_total_never_underflows() {
        // The total counted before rows were deleted elsewhere.
        let p = plan(None, 50, 10, Some(40), true);
        assert_eq!(p, Plan::whole(Seek::Newest, 50, 10));
        let rows: Vec<usize> = (45..55).collect();
        let p = plan(on_hand(100, &rows), 60, 10, Some(40), false);
        assert_eq!(p.seek, Seek::Older(key(100, 54)));
    }

    #[test]
    fn a_fresh_window_starts_from_the_newest_row() {
        assert_eq!(
            plan(None, 0, 10, None, false),
            Plan::whole(Seek::Newest, 0, 10)
        );
        // Zero height never asks for an empty page.
        assert_eq!(plan(None, 0, 0, None, true).limit, 1);
    }
}
