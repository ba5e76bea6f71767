//! The corpus gate: re-check every text in `tests/corpus/`, match findings to the editor's verdicts
//! in `review.tsv`, and fail when
//! - a finding the editor agreed with is no longer reported (a rule change lost it),
//! - a finding the editor called noise, once gone, is reported again,
//! - a reviewed text has a finding with no verdict yet (new findings are reviewed, not left out),
//! - a fix on a reviewed text has no verdict in `fixes.tsv`,
//! - the generated files (`fixes.md`, the engine's `rules/precision.tsv`, review.tsv's `now`
//!   column) are out of date.
//!
//! A row whose `now` is `retired` was given up on purpose (merged into another finding, or a
//! precision trade named in its reason): counted and printed, never a failure.
//!
//! It prints each rule's agreement. `LEAFLINT_BLESS=1` rewrites the generated files (never a
//! verdict); the findings and fixes still to review are written as draft rows (path printed).

#[path = "review.rs"]
mod review;

use review::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

fn engine_precision_path() -> PathBuf {
    corpus_dir().join("../../crates/leaflint/src/rules/precision.tsv")
}

fn write_or_compare(path: &std::path::Path, want: &str, bless: bool, stale: &mut Vec<String>) {
    let have = std::fs::read_to_string(path).unwrap_or_default();
    if have == want {
        return;
    }
    if bless {
        std::fs::write(path, want).expect("write generated file");
    } else {
        stale.push(path.display().to_string());
    }
}

#[test]
fn corpus_findings_keep_the_editors_verdicts() {
    let bless = std::env::var_os("LEAFLINT_BLESS").is_some();
    let checked: Vec<Checked> = corpus_files().iter().map(|p| check_file(p)).collect();
    assert!(checked.len() >= 60, "the corpus has {} texts; it should keep at least 60", checked.len());
    let review_path = corpus_dir().join("review.tsv");
    let mut rows = read_review(&review_path);
    let m = match_rows(&checked, &rows);
    let reviewed: BTreeSet<String> = rows.iter().map(|r| r.file.clone()).collect();
    assert!(
        reviewed.len() >= 25 && rows.len() >= 800,
        "the review covers {} texts and {} findings; keep at least 25 texts and 800 verdicts",
        reviewed.len(),
        rows.len()
    );

    let mut failures = Vec::new();
    // A rule turned off by default (because the review found it too noisy) no longer reports its
    // agreed findings by design: those are counted, not failures.
    let off_by_default = |rule: &str| {
        leaflint::rules::find(rule).is_some_and(|r| r.meta().default_severity[leaflint::Profile::Nhs.index()].is_none())
    };
    let mut hidden = 0;
    for (r, &now) in rows.iter().zip(&m.matched) {
        if r.verdict == Verdict::Agree && !now && (r.retired || off_by_default(&r.rule)) {
            hidden += 1;
            continue;
        }
        if r.verdict == Verdict::Agree && !now {
            failures
                .push(format!("lost an agreed finding: {}:{} {} «{}» ({})", r.file, r.line, r.rule, r.span, r.reason));
        }
        if r.verdict == Verdict::Disagree && now && !r.present {
            failures.push(format!("noise is back: {}:{} {} «{}» ({})", r.file, r.line, r.rule, r.span, r.reason));
        }
    }

    // Findings without a verdict: on reviewed texts they fail the gate; elsewhere they are counted.
    let mut draft = String::new();
    let mut unreviewed_in_reviewed = 0;
    let mut unreviewed_elsewhere = 0;
    for (c, of) in checked.iter().zip(&m.rows_of) {
        for (f, row) in c.report.findings.iter().zip(of) {
            if row.is_none() {
                draft.push_str(&draft_row(c, f));
                draft.push('\n');
                if reviewed.contains(&c.file) {
                    unreviewed_in_reviewed += 1;
                } else {
                    unreviewed_elsewhere += 1;
                }
            }
        }
    }

    // Agreement per rule over the findings reported now.
    let t = tallies(&checked, &rows, &m);
    let mut all = Tally::default();
    let mut table = String::from("rule                         agree partly disagree unreviewed  agreement\n");
    for (rule, x) in &t {
        all.agree += x.agree;
        all.partly += x.partly;
        all.disagree += x.disagree;
        all.unreviewed += x.unreviewed;
        let _ = writeln!(
            table,
            "{rule:<28} {:>5} {:>6} {:>8} {:>10}  {:>8}",
            x.agree,
            x.partly,
            x.disagree,
            x.unreviewed,
            if x.reviewed() > 0 { format!("{:.0}%", x.agreement()) } else { "-".into() }
        );
    }
    let _ = writeln!(
        table,
        "{:<28} {:>5} {:>6} {:>8} {:>10}  {:>7.1}%",
        "all",
        all.agree,
        all.partly,
        all.disagree,
        all.unreviewed,
        all.agreement()
    );
    let gone: BTreeMap<&str, usize> =
        rows.iter().zip(&m.matched).filter(|(_, &now)| !now).fold(BTreeMap::new(), |mut acc, (r, _)| {
            *acc.entry(r.verdict.name()).or_default() += 1;
            acc
        });
    println!(
        "{} texts, {} reviewed; {} verdicts (no longer reported: {gone:?}; agreed findings retired on purpose or of rules now off by default: {hidden})\n\n{table}",
        checked.len(),
        reviewed.len(),
        rows.len()
    );

    // Generated files.
    let mut stale = Vec::new();
    for (r, &now) in rows.iter_mut().zip(&m.matched) {
        // A verdict of noise that is back stays `gone` so that the gate keeps failing.
        if !(r.verdict == Verdict::Disagree && now && !r.present) {
            r.present = now;
            r.retired &= !now;
        }
    }
    write_or_compare(&review_path, &write_review(&rows), bless, &mut stale);
    // A rule turned off by default (for its measured precision) keeps the line it was measured
    // with (the engine's compiled copy of precision.tsv), so `leaflint explain` can still say why
    // it is off.
    let mut measured = t.clone();
    for rule in leaflint::rules::RULES.iter().map(|r| r.meta().id).filter(|id| off_by_default(id)) {
        if measured.get(rule).is_some_and(|x| x.reviewed() > 0) {
            continue;
        }
        if let Some(p) = leaflint::rules::precision(rule) {
            let x = measured.entry(rule.to_owned()).or_default();
            (x.agree, x.partly, x.disagree) = (p.agree as usize, p.partly as usize, p.disagree as usize);
        }
    }
    write_or_compare(&engine_precision_path(), &precision_table(&measured), bless, &mut stale);
    let fixes = read_fixes(&corpus_dir().join("fixes.tsv"));
    let (page, counts, todo) = fixes_page(&checked, &|f| reviewed.contains(f), &fixes);
    write_or_compare(&corpus_dir().join(FIXES_PAGE), &page, bless, &mut stale);
    println!("fixes on reviewed texts: {} right, {} wrong, {} unreviewed", counts[0], counts[1], counts[2]);

    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    if !draft.is_empty() {
        let p = tmp.join("corpus-review-draft.tsv");
        let head = "file\trule\tline\tspan\tverdict\treason\tseverity\tmessage\thelp\tfixes\tcontext\n";
        std::fs::write(&p, format!("{head}{draft}")).expect("write draft");
        println!(
            "{} findings without a verdict ({unreviewed_in_reviewed} on reviewed texts): draft rows in {}",
            unreviewed_in_reviewed + unreviewed_elsewhere,
            p.display()
        );
    }
    if !todo.is_empty() {
        let p = tmp.join("corpus-fixes-draft.tsv");
        std::fs::write(&p, format!("file\trule\tline\tafter\tbefore\tlabel\n{}\n", todo.join("\n")))
            .expect("write draft");
        println!("{} fixes without a verdict: draft rows in {}", todo.len(), p.display());
    }

    if unreviewed_in_reviewed > 0 {
        failures.push(format!(
            "{unreviewed_in_reviewed} findings on reviewed texts have no verdict: judge them (tests/corpus/README.md) and add them to review.tsv"
        ));
    }
    if counts[2] > 0 {
        failures.push(format!("{} fixes on reviewed texts have no verdict in fixes.tsv", counts[2]));
    }
    if !stale.is_empty() {
        failures.push(format!(
            "generated files are out of date: {} (rerun with LEAFLINT_BLESS=1 and commit them)",
            stale.join(", ")
        ));
    }
    assert!(failures.is_empty(), "the corpus gate failed:\n- {}", failures.join("\n- "));
}
