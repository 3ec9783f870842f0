//! Reading documents: files, front matter, positions.

use crate::date::Date;
use crate::event::when::DateOrder;
use std::path::{Path, PathBuf};

/// Larger files are refused: no news article is this long, and a huge
/// file is almost always a mistake (a dump, a binary, a log).
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// What a run keeps of one article once its claims are read: where it
/// is and who published it when. The text is dropped (each claim keeps its
/// own sentence), so a run's memory grows with its claims, not its bytes.
#[derive(Debug, Clone)]
pub struct DocumentMeta {
    /// Corpus-relative path with `/` separators.
    pub id: String,
    pub path: PathBuf,
    /// The outlet; the file name when there is no front matter.
    pub source: String,
    pub url: Option<String>,
    pub published: Option<Date>,
    pub title: Option<String>,
    /// How numeric dates (`03/12/2025`) are read: front matter
    /// `date_order: dmy` (the default) or `mdy`.
    pub date_order: DateOrder,
    /// Other front matter fields, kept as written, in file order (a list,
    /// not a map: an archive holds one of these per file, and a map's
    /// first node costs half a kilobyte for one field).
    pub extra: Vec<(String, String)>,
}

impl DocumentMeta {
    /// A front matter field other than the ones read into fields above;
    /// the last one when a key is repeated.
    pub fn extra(&self, key: &str) -> Option<&str> {
        self.extra.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// One article: its [`DocumentMeta`] (reached through `Deref`) and its text.
#[derive(Debug, Clone)]
pub struct Document {
    pub meta: DocumentMeta,
    /// The whole file as UTF-8 (BOM removed); offsets point into it.
    pub text: String,
    /// Where the article body starts, after any front matter.
    pub body_start: usize,
    line_starts: Vec<usize>,
}

impl std::ops::Deref for Document {
    type Target = DocumentMeta;
    fn deref(&self) -> &DocumentMeta {
        &self.meta
    }
}

impl std::ops::DerefMut for Document {
    fn deref_mut(&mut self) -> &mut DocumentMeta {
        &mut self.meta
    }
}

impl Document {
    /// 1-based line and column (in characters) of a byte offset.
    pub fn position(&self, byte: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= byte).max(1);
        let start = self.line_starts[line - 1];
        let col = self.text[start..byte.min(self.text.len())].chars().count() + 1;
        (line, col)
    }

    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// Why one document was skipped; the rest of the corpus is still checked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct DocumentError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

/// A corpus that cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: not a file or folder of articles", path.display())]
    NotAFileOrFolder { path: PathBuf },
    #[error(
        "{}: no articles to check (crosscheck reads *.txt, *.md and *.markdown files){}",
        path.display(),
        passed_over_note(passed_over)
    )]
    NoDocuments { path: PathBuf, passed_over: Vec<String> },
}

fn passed_over_note(passed_over: &[String]) -> String {
    if passed_over.is_empty() {
        String::new()
    } else {
        format!("; passed over: {}", passed_over.join(", "))
    }
}

/// The documents that loaded, in path order, and the ones that did not.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub skipped: Vec<DocumentError>,
    /// Files that look like documents crosscheck does not read (`.html`,
    /// `.pdf`, `.docx`, …), named so that no article is left out unseen.
    pub passed_over: Vec<String>,
}

/// What a run keeps of its corpus: each checked document's metadata, in
/// path order (a claim's `doc` indexes it), and the documents that did not
/// load or were passed over.
#[derive(Debug, Default)]
pub struct CorpusIndex {
    pub documents: Vec<DocumentMeta>,
    pub skipped: Vec<DocumentError>,
    pub passed_over: Vec<String>,
}

impl Corpus {
    /// The metadata of every document, texts left behind.
    pub fn index(&self) -> CorpusIndex {
        CorpusIndex {
            documents: self.documents.iter().map(|d| d.meta.clone()).collect(),
            skipped: self.skipped.clone(),
            passed_over: self.passed_over.clone(),
        }
    }
}

/// How a corpus is walked.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Folders and files passed over (the output folder and the reports,
    /// when they are inside the corpus, so a run never reads its own
    /// output back). The corpus root itself is never passed over.
    pub exclude: Vec<PathBuf>,
}

/// Read every `.txt` and `.md` file under `root` (or `root` itself when it
/// is a file), in sorted path order. Hidden files and folders are passed
/// over. A document that cannot be read is recorded in `skipped`.
pub fn load_corpus(root: &Path) -> Result<Corpus, CorpusError> {
    load_corpus_with(root, &LoadOptions::default())
}

/// [`load_corpus`], passing over what `opts` excludes. Nothing in the
/// corpus can stop or hang the walk: special files (FIFOs, sockets,
/// devices) are never opened, symbolic links leading outside the corpus
/// are not followed, an unreadable subfolder is reported and skipped, and
/// a file's size is checked before it is read and again while it is read.
/// Each of these is a warning in `skipped`.
pub fn load_corpus_with(root: &Path, opts: &LoadOptions) -> Result<Corpus, CorpusError> {
    let walk = walk_corpus(root, opts)?;
    let mut corpus = Corpus {
        documents: Vec::with_capacity(walk.files.len()),
        skipped: walk.skipped,
        passed_over: walk.passed_over,
    };
    for file in &walk.files {
        match file.load() {
            Ok(doc) => corpus.documents.push(doc),
            Err(e) => corpus.skipped.push(e),
        }
    }
    corpus.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(corpus)
}

/// One file a walk found, not yet read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CorpusFile {
    /// The path as the walk reached it (under the corpus root as given).
    pub path: PathBuf,
    /// Where to open it (a symbolic link's target inside the corpus).
    open: PathBuf,
    /// Corpus-relative path with `/` separators.
    pub id: String,
}

impl CorpusFile {
    /// Read and parse the file; a file that cannot be read or parsed is
    /// a [`DocumentError`] naming it.
    pub fn load(&self) -> Result<Document, DocumentError> {
        read_limited(&self.open, MAX_DOCUMENT_BYTES)
            .map_err(|message| DocumentError {
                path: self.path.display().to_string(),
                line: None,
                message,
            })
            .and_then(|bytes| parse_document(&self.id, &self.path, &bytes))
    }
}

/// A corpus walked but not read: the files to read, in path order, and
/// what the walk skipped or passed over.
#[derive(Debug, Default)]
pub struct CorpusWalk {
    pub files: Vec<CorpusFile>,
    pub skipped: Vec<DocumentError>,
    pub passed_over: Vec<String>,
}

/// Find the articles under `root` (see [`load_corpus_with`]) without
/// reading them, so that each can be read, checked and dropped in turn.
pub fn walk_corpus(root: &Path, opts: &LoadOptions) -> Result<CorpusWalk, CorpusError> {
    let io = |source| CorpusError::Io {
        path: root.into(),
        source,
    };
    let meta = std::fs::metadata(root).map_err(io)?;
    let mut walked = CorpusWalk::default();
    let mut files = Vec::new();
    let base = if meta.is_file() {
        files.push((root.to_path_buf(), root.to_path_buf()));
        root.parent().unwrap_or(Path::new(""))
    } else if meta.is_dir() {
        let walk = Walk {
            root: std::fs::canonicalize(root).map_err(io)?,
            exclude: opts.exclude.iter().map(|p| resolve(p)).collect(),
        };
        let entries = read_dir(root).map_err(io)?;
        walk.visit(entries, &mut files, &mut walked.skipped, &mut walked.passed_over);
        walked.passed_over.sort();
        root
    } else {
        return Err(CorpusError::NotAFileOrFolder { path: root.into() });
    };
    files.sort();
    walked.files = files
        .into_iter()
        .map(|(path, open)| CorpusFile {
            id: relative_id(base, &path),
            path,
            open,
        })
        .collect();
    walked.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(walked)
}

/// A path made absolute with its folder canonicalised where it exists.
fn resolve(p: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(p) {
        return c;
    }
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    match (abs.parent(), abs.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir).map_or(abs.clone(), |d| d.join(name)),
        _ => abs,
    }
}

#[cfg(test)]
thread_local! {
    /// A folder whose listing fails, for tests (root may read any folder).
    static FAIL_READ_DIR: std::cell::RefCell<Option<PathBuf>> = const { std::cell::RefCell::new(None) };
}

fn read_dir(dir: &Path) -> std::io::Result<std::fs::ReadDir> {
    #[cfg(test)]
    if FAIL_READ_DIR.with(|f| f.borrow().as_deref() == Some(dir)) {
        return Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
    }
    std::fs::read_dir(dir)
}

struct Walk {
    /// The corpus root, canonical.
    root: PathBuf,
    /// Canonical paths passed over.
    exclude: Vec<PathBuf>,
}

impl Walk {
    /// Is this file one the walk passes over? Only a file named like an
    /// excluded one is resolved (a path resolution per article file was
    /// most of the walk's time on a large archive).
    fn excluded_file(&self, path: &Path) -> bool {
        self.exclude.iter().any(|e| e.file_name() == path.file_name()) && self.exclude.contains(&resolve(path))
    }

    /// Collect `(path as found, path to open)` for every article under a
    /// folder's entries; what cannot be read goes to `skipped`.
    fn visit(
        &self,
        entries: std::fs::ReadDir,
        out: &mut Vec<(PathBuf, PathBuf)>,
        skipped: &mut Vec<DocumentError>,
        passed_over: &mut Vec<String>,
    ) {
        let warn = |skipped: &mut Vec<DocumentError>, path: &Path, message: String| {
            skipped.push(DocumentError {
                path: path.display().to_string(),
                line: None,
                message,
            })
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    warn(skipped, Path::new("?"), format!("cannot list a folder entry: {e}"));
                    continue;
                }
            };
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            // The entry itself, not what a link leads to (from the folder
            // listing where the file system gives it: no stat per file).
            let Ok(ft) = entry.file_type() else {
                warn(skipped, &path, "cannot read its file type".into());
                continue;
            };
            if ft.is_dir() {
                if self.exclude.contains(&resolve(&path)) {
                    continue;
                }
                match read_dir(&path) {
                    Ok(entries) => self.visit(entries, out, skipped, passed_over),
                    Err(e) => warn(
                        skipped,
                        &path,
                        format!("cannot read folder: {e}; its articles were not checked"),
                    ),
                }
            } else if ft.is_symlink() {
                let Ok(target) = std::fs::canonicalize(&path) else {
                    if is_article(&path) {
                        warn(skipped, &path, "symbolic link that leads nowhere".into());
                    }
                    continue;
                };
                let Ok(tmeta) = std::fs::metadata(&target) else {
                    continue;
                };
                if tmeta.is_dir() {
                    // Folders inside the corpus are walked where they are;
                    // links to folders are never followed (no loops).
                    continue;
                }
                if !is_article(&path) || self.exclude.contains(&target) {
                    continue;
                }
                if !target.starts_with(&self.root) {
                    warn(
                        skipped,
                        &path,
                        format!(
                            "symbolic link leading outside the corpus (to {}), not followed",
                            target.display()
                        ),
                    );
                } else if !tmeta.is_file() {
                    warn(skipped, &path, not_regular(&tmeta));
                } else {
                    out.push((path, target));
                }
            } else if is_article(&path) {
                if self.excluded_file(&path) {
                    continue;
                }
                if ft.is_file() {
                    out.push((path.clone(), path));
                } else {
                    match std::fs::symlink_metadata(&path) {
                        Ok(meta) => warn(skipped, &path, not_regular(&meta)),
                        Err(_) => warn(skipped, &path, "cannot read its file type".into()),
                    }
                }
            } else if looks_like_a_document(&path) && ft.is_file() {
                passed_over.push(path.display().to_string());
            }
        }
    }
}

fn not_regular(meta: &std::fs::Metadata) -> String {
    #[cfg(unix)]
    let kind = {
        use std::os::unix::fs::FileTypeExt;
        let ft = meta.file_type();
        if ft.is_fifo() {
            "a FIFO"
        } else if ft.is_socket() {
            "a socket"
        } else if ft.is_block_device() || ft.is_char_device() {
            "a device"
        } else {
            "a special file"
        }
    };
    #[cfg(not(unix))]
    let kind = {
        let _ = meta;
        "a special file"
    };
    format!("not a regular file ({kind}), not read")
}

/// Read a regular file of at most `limit` bytes. The file is opened
/// without blocking (a FIFO swapped in after the walk cannot hang the
/// run) and without following a final symbolic link, its type and size
/// are checked on the open file before anything is read, and at most
/// `limit + 1` bytes are read, so a file that grows meanwhile is refused
/// too. Errors are messages for a warning.
pub fn read_limited(path: &Path, limit: usize) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(|e| format!("cannot read: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    if meta.len() > limit as u64 {
        return Err(too_large(meta.len(), limit));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() > limit {
        return Err(format!("{} while it was read", too_large(bytes.len() as u64, limit)));
    }
    Ok(bytes)
}

fn too_large(len: u64, limit: usize) -> String {
    format!("too large ({len} bytes; the limit is {limit})")
}

fn is_article(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("txt" | "md" | "markdown"))
}

/// Files a newsroom might expect to be read as articles but that
/// crosscheck does not read (export them as text or Markdown).
fn looks_like_a_document(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    matches!(
        ext.as_deref(),
        Some("html" | "htm" | "xhtml" | "pdf" | "docx" | "doc" | "odt" | "rtf" | "text" | "mdx" | "rst")
    )
}

fn relative_id(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn line_of(text: &[u8], byte: usize) -> usize {
    text[..byte.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Parse one document from its bytes; errors name it by `path`.
pub fn parse_document(id: &str, path: &Path, bytes: &[u8]) -> Result<Document, DocumentError> {
    let shown = path.display().to_string();
    let err = |line: Option<usize>, message: String| DocumentError {
        path: shown.clone(),
        line,
        message,
    };
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(err(None, too_large(bytes.len() as u64, MAX_DOCUMENT_BYTES)));
    }
    if let Some(nul) = bytes.iter().take(8192).position(|&b| b == 0) {
        return Err(err(
            Some(line_of(bytes, nul)),
            "binary file (NUL byte), not an article".into(),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            return Err(err(
                Some(line_of(bytes, at)),
                format!("not valid UTF-8 (byte {at}); save the file as UTF-8"),
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = normalise_line_ends(text);
    let mut line_starts = vec![0];
    line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| id.to_string());
    let mut doc = Document {
        meta: DocumentMeta {
            id: id.to_string(),
            path: path.to_path_buf(),
            source: file_name,
            url: None,
            published: None,
            title: None,
            date_order: DateOrder::default(),
            extra: Vec::new(),
        },
        text,
        body_start: 0,
        line_starts,
    };
    read_front_matter(&mut doc).map_err(|(line, m)| err(Some(line), m))?;
    if doc.body().trim().is_empty() {
        let what = if doc.body_start > 0 {
            "no text after the front matter"
        } else {
            "empty document"
        };
        return Err(err(None, what.into()));
    }
    Ok(doc)
}

/// Old Mac line ends (CR alone) become LF, so lines, positions and front
/// matter work; CRLF is kept as it is (a line's CR is trimmed where read).
fn normalise_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// Front matter: a first line `---`, `key: value` lines, a closing `---`.
fn read_front_matter(doc: &mut Document) -> Result<(), (usize, String)> {
    let text = doc.text.as_str();
    let mut lines = text.split_inclusive('\n');
    match lines.next() {
        Some(first) if first.trim_end() == "---" => {}
        _ => return Ok(()),
    }
    if !text.lines().skip(1).any(|l| l.trim_end() == "---") {
        return Err((1, "front matter opened with `---` on line 1 is never closed".into()));
    }
    let mut offset = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut fields = Vec::new();
    for (n, raw) in lines.enumerate() {
        let line_no = n + 2;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim_end() == "---" {
            doc.body_start = offset;
            return apply_fields(doc, fields);
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err((line_no, format!("front matter line is not `key: value`: {line:?}")));
        };
        let key = key.trim();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            return Err((line_no, format!("front matter key {key:?} is not a plain word")));
        }
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(value);
        fields.push((line_no, key.to_ascii_lowercase(), value.to_string()));
    }
    Err((1, "front matter opened with `---` on line 1 is never closed".into()))
}

fn apply_fields(doc: &mut Document, fields: Vec<(usize, String, String)>) -> Result<(), (usize, String)> {
    for (line, key, value) in fields {
        let non_empty = (!value.is_empty()).then(|| value.clone());
        match key.as_str() {
            "source" => {
                if let Some(v) = non_empty {
                    doc.source = v;
                }
            }
            "url" => doc.url = non_empty,
            "title" => doc.title = non_empty,
            "published" if value.is_empty() => {}
            "published" => {
                doc.published = Some(
                    Date::parse(&value).ok_or_else(|| (line, format!("published date {value:?} is not YYYY-MM-DD")))?,
                );
            }
            "date_order" => {
                doc.date_order = match value.as_str() {
                    "dmy" | "" => DateOrder::DayMonth,
                    "mdy" => DateOrder::MonthDay,
                    _ => return Err((line, format!("date_order {value:?} is not `dmy` or `mdy`"))),
                }
            }
            _ => {
                doc.extra.push((key, value));
            }
        }
    }
    doc.extra.shrink_to_fit();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Document, DocumentError> {
        parse_document("a/b.txt", Path::new("corpus/a/b.txt"), text.as_bytes())
    }

    #[test]
    fn front_matter_fields_and_body_position() {
        let d = parse("---\nsource: Wire\nurl: https://example.org/x\npublished: 2025-03-12\ntitle: \"T: x\"\nauthor: A\n---\nBody text.\n").unwrap();
        assert_eq!(d.source, "Wire");
        assert_eq!(d.published.unwrap().to_string(), "2025-03-12");
        assert_eq!(d.title.as_deref(), Some("T: x"));
        assert_eq!(d.extra("author"), Some("A"));
        assert_eq!(d.body(), "Body text.\n");
        assert_eq!(d.position(d.body_start), (8, 1));
    }

    #[test]
    fn no_front_matter_uses_the_file_name() {
        let d = parse("Just text.").unwrap();
        assert_eq!(d.source, "b.txt");
        assert_eq!(d.body_start, 0);
    }

    #[test]
    fn bad_documents_name_the_line() {
        let e = parse("---\nsource: X\nno colon here\n---\ntext").unwrap_err();
        assert_eq!(e.line, Some(3));
        let e = parse("---\nsource: X\ntext without end").unwrap_err();
        assert!(e.message.contains("never closed"), "{e}");
        let e = parse("---\npublished: 12/03/2025\n---\ntext").unwrap_err();
        assert_eq!((e.line, e.to_string().contains("YYYY-MM-DD")), (Some(2), true));
        assert!(parse("  \n\n").unwrap_err().message.contains("empty"));
        assert!(parse("---\nsource: X\n---\n\n")
            .unwrap_err()
            .message
            .contains("no text"));
        let e = parse_document("x.txt", Path::new("x.txt"), b"line one\nbad \xff byte").unwrap_err();
        assert_eq!((e.line, e.message.contains("UTF-8")), (Some(2), true));
        let e = parse_document("x.txt", Path::new("x.txt"), b"\x00\x01binary").unwrap_err();
        assert!(e.message.contains("binary"));
    }

    #[test]
    fn huge_files_are_refused() {
        let big = vec![b'a'; MAX_DOCUMENT_BYTES + 1];
        let e = parse_document("big.txt", Path::new("big.txt"), &big).unwrap_err();
        assert!(e.message.starts_with("too large"), "{e}");
    }

    #[test]
    fn cr_only_line_ends_are_lines() {
        let d = parse("---\rsource: Wire\rpublished: 2025-03-12\r---\rFirst line.\r\nSecond line.\rThird.").unwrap();
        assert_eq!(
            (d.source.as_str(), d.published.unwrap().to_string()),
            ("Wire", "2025-03-12".into())
        );
        assert_eq!(d.body(), "First line.\r\nSecond line.\nThird.");
        assert_eq!(d.position(d.text.find("Third").unwrap()), (7, 1));
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let e = read_limited(Path::new("/dev/zero"), 100).unwrap_err();
        assert!(e.contains("not a regular file (a device)"), "{e}");
        let dir = tempfile::tempdir().unwrap();
        // A sparse terabyte: refused on its size, before a byte is read.
        let huge = dir.path().join("huge.txt");
        std::fs::File::create(&huge).unwrap().set_len(1 << 40).unwrap();
        let e = read_limited(&huge, MAX_DOCUMENT_BYTES).unwrap_err();
        assert!(e.starts_with("too large (1099511627776 bytes"), "{e}");
        let small = dir.path().join("small.txt");
        std::fs::write(&small, "12345").unwrap();
        assert_eq!(read_limited(&small, 5).unwrap(), b"12345");
        assert!(read_limited(&small, 4).unwrap_err().starts_with("too large"));
        // A final symbolic link is not followed when opening (the walk
        // resolves links itself and opens their target).
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&small, &link).unwrap();
        assert!(read_limited(&link, 5).is_err());
    }

    #[test]
    fn an_unreadable_subfolder_is_reported_and_the_rest_is_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("locked")).unwrap();
        std::fs::write(dir.path().join("locked/x.txt"), "Some text.").unwrap();
        std::fs::write(dir.path().join("a.txt"), "Some text.").unwrap();
        let locked = dir.path().join("locked");
        FAIL_READ_DIR.with(|f| *f.borrow_mut() = Some(locked.clone()));
        let corpus = load_corpus(dir.path());
        FAIL_READ_DIR.with(|f| *f.borrow_mut() = None);
        let corpus = corpus.unwrap();
        assert_eq!(corpus.documents.len(), 1);
        assert_eq!(corpus.skipped.len(), 1);
        assert_eq!(corpus.skipped[0].path, locked.display().to_string());
        assert!(
            corpus.skipped[0].message.starts_with("cannot read folder"),
            "{:?}",
            corpus.skipped
        );
    }

    #[test]
    fn columns_count_characters() {
        let d = parse("é€ x\nab").unwrap();
        assert_eq!(d.position(d.text.find('x').unwrap()), (1, 4));
        assert_eq!(d.position(d.text.find('b').unwrap()), (2, 2));
    }
}
