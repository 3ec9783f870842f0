//! Reading documents: files, front matter, positions.

use crate::date::Date;
use crate::event::when::DateOrder;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Larger files are refused: no news article is this long, and a huge
/// file is almost always a mistake (a dump, a binary, a log).
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// One article.
#[derive(Debug, Clone)]
pub struct Document {
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
    /// Other front matter fields, kept as written.
    pub extra: BTreeMap<String, String>,
    /// The whole file as UTF-8 (BOM removed); offsets point into it.
    pub text: String,
    /// Where the article body starts, after any front matter.
    pub body_start: usize,
    line_starts: Vec<usize>,
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
}

/// The documents that loaded, in path order, and the ones that did not.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub skipped: Vec<DocumentError>,
}

/// Read every `.txt` and `.md` file under `root` (or `root` itself when it
/// is a file), in sorted path order. Hidden files and folders are passed
/// over. A document that cannot be read is recorded in `skipped`.
pub fn load_corpus(root: &Path) -> Result<Corpus, CorpusError> {
    let meta = std::fs::metadata(root).map_err(|source| CorpusError::Io {
        path: root.into(),
        source,
    })?;
    let mut files = Vec::new();
    if meta.is_file() {
        files.push(root.to_path_buf());
    } else {
        walk(root, &mut files)?;
    }
    files.sort();
    let base = if meta.is_file() {
        root.parent().unwrap_or(Path::new(""))
    } else {
        root
    };
    let mut corpus = Corpus::default();
    for path in files {
        let id = relative_id(base, &path);
        let loaded = std::fs::read(&path)
            .map_err(|e| DocumentError {
                path: path.display().to_string(),
                line: None,
                message: format!("cannot read: {e}"),
            })
            .and_then(|bytes| parse_document(&id, &path, &bytes));
        match loaded {
            Ok(doc) => corpus.documents.push(doc),
            Err(e) => corpus.skipped.push(e),
        }
    }
    Ok(corpus)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), CorpusError> {
    let entries = std::fs::read_dir(dir).map_err(|source| CorpusError::Io {
        path: dir.into(),
        source,
    })?;
    for entry in entries {
        let entry = entry.map_err(|source| CorpusError::Io {
            path: dir.into(),
            source,
        })?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let ft = entry.file_type().map_err(|source| CorpusError::Io {
            path: path.clone(),
            source,
        })?;
        if ft.is_dir() {
            walk(&path, out)?;
        } else if is_article(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn is_article(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("txt" | "md"))
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
        return Err(err(
            None,
            format!("too large ({} bytes; the limit is {MAX_DOCUMENT_BYTES})", bytes.len()),
        ));
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
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).to_string();
    let mut line_starts = vec![0];
    line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| id.to_string());
    let mut doc = Document {
        id: id.to_string(),
        path: path.to_path_buf(),
        source: file_name,
        url: None,
        published: None,
        title: None,
        date_order: DateOrder::default(),
        extra: BTreeMap::new(),
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
                doc.extra.insert(key, value);
            }
        }
    }
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
        assert_eq!(d.extra["author"], "A");
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
    fn columns_count_characters() {
        let d = parse("é€ x\nab").unwrap();
        assert_eq!(d.position(d.text.find('x').unwrap()), (1, 4));
        assert_eq!(d.position(d.text.find('b').unwrap()), (2, 2));
    }
}
