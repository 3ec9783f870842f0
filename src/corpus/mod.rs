//! The corpus: documents read from disk, their front matter, and sentences
//! with byte offsets, line and column.

mod document;
mod sentence;

pub use document::{
    load_corpus, load_corpus_with, parse_document, read_limited, walk_corpus, Corpus, CorpusError, CorpusFile,
    CorpusIndex, CorpusWalk, Document, DocumentError, DocumentMeta, LoadOptions, MAX_DOCUMENT_BYTES,
};
pub use sentence::{segment, Sentence, MAX_SENTENCE_BYTES};
