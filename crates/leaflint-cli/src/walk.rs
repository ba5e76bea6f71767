//! Turning the paths on the command line into a list of files to check: files as given,
//! folders searched recursively (respecting `.gitignore`, `.ignore` and `.leaflintignore` files
//! and the `exclude` setting), globs, and `-` for standard input.

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// File extensions leaflint reads when searching folders: text, Markdown, HTML pages and Word
/// files (the same formats as a file named on the command line).
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "mdown", "mkd", "html", "htm", "xhtml", "docx"];

/// An input to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

fn has_glob_chars(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

fn is_text_file(p: &Path) -> bool {
    // `~$name.docx` is Word's lock file for an open document, not a document.
    if p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("~$")) {
        return false;
    }
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| TEXT_EXTENSIONS.iter().any(|t| t.eq_ignore_ascii_case(e)))
}

/// Compiled `exclude` globs, matched against paths relative to `root`.
pub struct Excludes {
    set: GlobSet,
    root: PathBuf,
}

impl Excludes {
    /// Compile `globs` (relative to `root`). A glob without a `/` matches at any depth.
    pub fn new(globs: &[String], root: &Path) -> Result<Excludes, String> {
        let mut b = GlobSetBuilder::new();
        for g in globs {
            let g = g.trim_end_matches('/');
            let pattern = if g.contains('/') { g.trim_start_matches("./").to_owned() } else { format!("**/{g}") };
            for p in [pattern.clone(), format!("{pattern}/**")] {
                let glob = GlobBuilder::new(&p)
                    .literal_separator(true)
                    .build()
                    .map_err(|e| format!("exclude glob `{g}` is not valid: {e}"))?;
                b.add(glob);
            }
        }
        let set = b.build().map_err(|e| format!("exclude globs are not valid: {e}"))?;
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        Ok(Excludes { set, root })
    }

    /// True when `path` is excluded.
    pub fn matches(&self, path: &Path) -> bool {
        if self.set.is_empty() {
            return false;
        }
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let rel = abs.strip_prefix(&self.root).unwrap_or(path);
        let rel = rel.strip_prefix(".").unwrap_or(rel);
        self.set.is_match(rel)
    }
}

/// Every text file under `dir`, sorted by path, skipping ignored and excluded ones.
fn walk(dir: &Path, excludes: &Excludes) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut builder = ignore::WalkBuilder::new(dir);
    builder
        .standard_filters(true)
        .require_git(false)
        .add_custom_ignore_filename(".leaflintignore")
        .sort_by_file_name(|a, b| a.cmp(b));
    for entry in builder.build().flatten() {
        let p = entry.path();
        if !entry.file_type().is_some_and(|t| t.is_file()) || !is_text_file(p) || excludes.matches(p) {
            continue;
        }
        out.push(p.to_path_buf());
    }
    out
}

/// The folder a glob starts from: its leading components without glob characters.
fn glob_base(pattern: &str) -> PathBuf {
    let mut base = PathBuf::new();
    for c in Path::new(pattern).components() {
        if has_glob_chars(&c.as_os_str().to_string_lossy()) {
            break;
        }
        base.push(c);
    }
    if base.as_os_str().is_empty() || base == Path::new(pattern) {
        PathBuf::from(".")
    } else {
        base
    }
}

/// Expand command-line paths. Nothing given means standard input. Files named explicitly are
/// always checked, whatever their extension; folders and globs yield text files only.
pub fn expand(paths: &[PathBuf], excludes: &Excludes) -> Result<Vec<Source>, String> {
    if paths.is_empty() {
        return Ok(vec![Source::Stdin]);
    }
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut push = |out: &mut Vec<Source>, p: PathBuf| {
        let key = std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
        if seen.insert(key) {
            out.push(Source::File(p));
        }
    };
    for p in paths {
        let s = p.to_string_lossy();
        if s == "-" {
            out.push(Source::Stdin);
        } else if p.is_dir() {
            let files = walk(p, excludes);
            if files.is_empty() {
                return Err(format!(
                    "{}: no files to check in this folder (leaflint reads {} files).",
                    p.display(),
                    TEXT_EXTENSIONS.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(", ")
                ));
            }
            for f in files {
                push(&mut out, f);
            }
        } else if p.exists() {
            push(&mut out, p.clone());
        } else if has_glob_chars(&s) {
            let pattern = s.trim_start_matches("./");
            let glob = GlobBuilder::new(pattern)
                .literal_separator(true)
                .build()
                .map_err(|e| format!("`{s}` is not a valid glob: {e}"))?;
            let set = GlobSetBuilder::new().add(glob).build().map_err(|e| format!("`{s}` is not a valid glob: {e}"))?;
            let base = glob_base(pattern);
            let files: Vec<PathBuf> =
                walk(&base, excludes).into_iter().filter(|f| set.is_match(f.strip_prefix(".").unwrap_or(f))).collect();
            if files.is_empty() {
                return Err(format!(
                    "{s}: no files to check match this pattern (leaflint reads {}).",
                    TEXT_EXTENSIONS.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(", ")
                ));
            }
            for f in files {
                push(&mut out, f);
            }
        } else {
            return Err(format!("{}: no such file or folder. Check the path and try again.", p.display()));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let d = tempfile::tempdir().expect("tmp");
        let w = |p: &str, t: &str| {
            let path = d.path().join(p);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, t).expect("write");
        };
        w("a.txt", "Rest.");
        w("b/c.md", "# Rest");
        w("b/d.txt", "Rest.");
        w("b/image.png", "x");
        w("b/page.html", "<p>Rest.</p>");
        w("b/old.HTM", "<p>Rest.</p>");
        w("b/leaflet.docx", "PK");
        w("b/~$leaflet.docx", "PK");
        w("drafts/e.txt", "Rest.");
        w("ignored/f.txt", "Rest.");
        w(".gitignore", "ignored/\n");
        d
    }

    fn names(v: &[Source], root: &Path) -> Vec<String> {
        v.iter()
            .map(|s| match s {
                Source::Stdin => "-".to_owned(),
                Source::File(p) => p.strip_prefix(root).unwrap_or(p).to_string_lossy().replace('\\', "/"),
            })
            .collect()
    }

    #[test]
    fn folders_are_walked_in_order_with_ignores_and_excludes() {
        let d = tree();
        let ex = Excludes::new(&["drafts".to_owned()], d.path()).expect("globs");
        let got = expand(&[d.path().to_path_buf()], &ex).expect("files");
        assert_eq!(
            names(&got, d.path()),
            vec!["a.txt", "b/c.md", "b/d.txt", "b/leaflet.docx", "b/old.HTM", "b/page.html"]
        );
        let none = Excludes::new(&[], d.path()).expect("globs");
        let got = expand(&[d.path().to_path_buf()], &none).expect("files");
        assert_eq!(
            names(&got, d.path()),
            vec!["a.txt", "b/c.md", "b/d.txt", "b/leaflet.docx", "b/old.HTM", "b/page.html", "drafts/e.txt"]
        );
    }

    #[test]
    fn globs_files_stdin_and_duplicates() {
        let d = tree();
        let none = Excludes::new(&[], d.path()).expect("globs");
        let glob = d.path().join("b/*.txt");
        let a = d.path().join("a.txt");
        let got = expand(&[glob, PathBuf::from("-"), a.clone(), a], &none).expect("files");
        assert_eq!(names(&got, d.path()), vec!["b/d.txt", "-", "a.txt"]);
        let got = expand(&[d.path().join("b/*.docx")], &none).expect("docx");
        assert_eq!(names(&got, d.path()), vec!["b/leaflet.docx"]);
        let e = expand(&[d.path().join("b/*.pdf")], &none).expect_err("no match");
        assert!(e.contains("no files to check match"), "{e}");
        let e = expand(&[d.path().join("nope.txt")], &none).expect_err("missing");
        assert!(e.contains("no such file or folder"), "{e}");
        std::fs::create_dir_all(d.path().join("empty")).expect("mkdir");
        let e = expand(&[d.path().join("empty")], &none).expect_err("empty");
        assert!(e.contains("no files to check in this folder"), "{e}");
    }
}
