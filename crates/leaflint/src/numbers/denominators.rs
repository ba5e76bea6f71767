//! The shared check of `mixed-denominators` (SPEC §5.3) and `one-in-x-varying` (SPEC §5.4):
//! natural frequencies in scope with different denominators, and the common-denominator fix.

use super::arith::{commas, common_denominator};
use super::{Nx, Quantity};
use crate::finding::{Applicability, Finding, Fix};
use crate::rules::RuleMeta;

/// Which of the two rules is asking.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// `mixed-denominators`: at least one numerator is not 1.
    Mixed,
    /// `one-in-x-varying`: every frequency is `1 in X`.
    OneInX,
}

/// `a`, `a and b`, `a, b and c`.
fn list(ds: &[u64]) -> String {
    let s: Vec<String> = ds.iter().map(|d| commas(*d)).collect();
    match s.len() {
        0 => String::new(),
        1 => s[0].clone(),
        n => format!("{} and {}", s[..n - 1].join(", "), s[n - 1]),
    }
}

/// Push one finding per frequency whose denominator differs from the common one.
pub fn check(nx: &Nx<'_>, meta: &'static RuleMeta, which: Which, out: &mut Vec<Finding>) {
    let whole_document = nx.cx.threshold(meta, "scope") >= 0.5;
    let all: Vec<&Quantity> =
        nx.m.quantities
            .iter()
            .filter(|q| {
                nx.counted_frequency(q)
                    && q.high.is_none()
                    && q.low.fract() == 0.0
                    && q.denominator.is_some_and(|d| d.fract() == 0.0)
            })
            .collect();
    let mut groups: Vec<Vec<&Quantity>> = Vec::new();
    if whole_document {
        groups.push(all);
    } else {
        for q in all {
            let h = nx.m.heading[q.unit];
            match groups.iter_mut().find(|g| nx.m.heading[g[0].unit] == h) {
                Some(g) => g.push(q),
                None => groups.push(vec![q]),
            }
        }
    }
    for g in groups {
        let fs: Vec<(u64, u64)> = g.iter().map(|q| (q.low as u64, q.denominator.unwrap_or(1.0) as u64)).collect();
        let mut ds: Vec<u64> = Vec::new();
        for f in &fs {
            if !ds.contains(&f.1) {
                ds.push(f.1);
            }
        }
        let all_one = fs.iter().all(|f| f.0 == 1);
        if ds.len() < 2 || (which == Which::OneInX) != all_one {
            continue;
        }
        let common = common_denominator(&fs);
        let target = common.as_ref().map_or_else(|| ds.iter().copied().max().unwrap_or(1), |c| c.0);
        let message = match which {
            Which::Mixed => format!("These chances use different 'out of' numbers ({}). Use the same one.", list(&ds)),
            Which::OneInX => format!(
                "'1 in X' chances with different X ({}) are hard to compare: a bigger number means a smaller chance.",
                list(&ds)
            ),
        };
        for (k, q) in g.iter().enumerate() {
            if fs[k].1 == target {
                continue;
            }
            let mut f = Finding::new(meta, nx.severity(meta), q.span, message.clone())
                .with_data("numerator", fs[k].0)
                .with_data("denominator", fs[k].1)
                .with_data("common_denominator", target);
            // The first use of each other denominator (not every frequency: a long document
            // would list hundreds).
            for &d in ds.iter().filter(|&&d| d != fs[k].1) {
                if let Some(j) = fs.iter().position(|f| f.1 == d) {
                    f = f.with_related(g[j].span, format!("'{}' uses {}", nx.qtext(g[j]), commas(d)));
                }
            }
            if let Some((_, conv)) = &common {
                let c = conv[k];
                let (a, b) = (q.tokens.start, q.tokens.end - 1);
                let connector =
                    nx.cx.doc.blocks[q.block].analysed[nx.tok(a).analysed.end..nx.tok(b).analysed.start].trim();
                let text = nx.about(q, c.rounded, &format!("{} {connector} {}", commas(c.n), commas(c.d)));
                f = f.with_data("new_numerator", c.n).with_data("rounded", c.rounded);
                // The converted frequency as an icon array; with two frequencies in the group,
                // both side by side in the common base (the comparison the reader should see).
                let other = (g.len() == 2).then(|| conv[1 - k]).map(|o| (o.n, o.d, o.rounded));
                if let Some(p) = super::pictures::picture(nx, q, c.n, c.d, c.rounded, other) {
                    f = f.with_data("picture", serde_json::to_value(p).unwrap_or_default());
                }
                f = f.with_help(format!(
                    "Use {} as the 'out of' number everywhere, for example '{text}'.",
                    commas(target)
                ));
                if let Some(span) = nx.verbatim(q) {
                    f = f.with_fix(Fix::replace(format!("Write '{text}'"), Applicability::Review, span, text));
                }
            }
            out.push(f);
        }
    }
}
