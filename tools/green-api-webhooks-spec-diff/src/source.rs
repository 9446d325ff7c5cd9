//! Where the two specs come from: a folder, or a git revision read into memory (the work tree
//! is never touched).

use std::path::{Path, PathBuf};
use std::process::Command;

use green_api_webhooks_spec::{Spec, SpecErrors, load_dir, load_sources};

/// Why a spec could not be read for comparison.
#[derive(Debug, thiserror::Error)]
pub enum SpecDiffError {
    /// `git` could not be started at all.
    #[error("cannot run `git {args}`: {source}")]
    GitUnavailable {
        /// The git arguments.
        args: String,
        /// Why it could not start.
        #[source]
        source: std::io::Error,
    },
    /// `git` ran and failed, e.g. for an unknown revision.
    #[error("`git {args}` failed: {stderr}")]
    GitFailed {
        /// The git arguments.
        args: String,
        /// What git printed to its standard error.
        stderr: String,
    },
    /// A file at the revision (or a path git printed) is not UTF-8.
    #[error("`git {args}` printed text that is not UTF-8")]
    NotUtf8 {
        /// The git arguments.
        args: String,
    },
    /// A revision that names no commit.
    #[error("`{0}` is not a commit of this repository")]
    UnknownRevision(String),
    /// A revision that git would read as an option.
    #[error("`{0}` is not a revision: revisions do not start with `-`")]
    BadRevision(String),
    /// One of the specs does not load; every problem is listed.
    #[error("the spec {which} does not load:\n{errors}")]
    Spec {
        /// Which spec: `in DIR` or `at REV`.
        which: String,
        /// Every problem, each with its `file:line:col`.
        errors: SpecErrors,
    },
}

/// Loads the spec in `dir` (a folder like `spec/`).
pub fn load_folder(dir: &Path) -> Result<Spec, SpecDiffError> {
    load_dir(dir).map_err(|errors| SpecDiffError::Spec {
        which: format!("in {}", dir.display()),
        errors,
    })
}

/// Loads the spec folder `spec_dir` (relative to `repo`, e.g. `spec`) as it is at git revision
/// `rev`, reading every file from git into memory. Errors name files as `REV:spec/file.toml`.
pub fn load_revision(repo: &Path, rev: &str, spec_dir: &str) -> Result<Spec, SpecDiffError> {
    if rev.starts_with('-') {
        return Err(SpecDiffError::BadRevision(rev.to_string()));
    }
    let commit = git(
        repo,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|error| match error {
        SpecDiffError::GitFailed { .. } => SpecDiffError::UnknownRevision(rev.to_string()),
        other => other,
    })?;
    let commit = commit.trim();
    let folder = format!("{}/", spec_dir.trim_end_matches('/'));
    // `-z` keeps unusual file names intact; paths come out relative to `repo`.
    let listing = git(
        repo,
        &["ls-tree", "-r", "--name-only", "-z", commit, "--", &folder],
    )?;
    let mut sources: Vec<(PathBuf, String, String)> = Vec::new();
    for path in listing.split('\0').filter(|p| p.ends_with(".toml")) {
        let text = git(repo, &["cat-file", "blob", &format!("{commit}:./{path}")])?;
        let relative = path.strip_prefix(&folder).unwrap_or(path).to_string();
        sources.push((PathBuf::from(format!("{rev}:{path}")), relative, text));
    }
    let sources = sources
        .iter()
        .map(|(file, path, text)| (file.clone(), path.clone(), text.as_str()));
    load_sources(sources).map_err(|errors| SpecDiffError::Spec {
        which: format!("at {rev}"),
        errors,
    })
}

/// Runs `git -C repo ARGS` and returns what it printed.
fn git(repo: &Path, args: &[&str]) -> Result<String, SpecDiffError> {
    let shown = args.join(" ");
    let output = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .output()
        .map_err(|source| SpecDiffError::GitUnavailable {
            args: shown.clone(),
            source,
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr).trim().to_string();
        let stderr = if stderr.is_empty() {
            format!("exit status {}", output.status)
        } else {
            stderr
        };
        return Err(SpecDiffError::GitFailed {
            args: shown,
            stderr,
        });
    }
    String::from_utf8(output.stdout).map_err(|_| SpecDiffError::NotUtf8 { args: shown })
}
