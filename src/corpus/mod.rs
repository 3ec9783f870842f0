//! The corpus: documents read from disk, their front matter, and sentences
//! with byte offsets, line and column.

mod document;
mod sentence;

pub use document::{load_corpus, parse_document, Corpus, CorpusError, Document, DocumentError};
pub use sentence::{segment, Sentence};
