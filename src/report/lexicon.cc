#include "report/lexicon.h"

#include <string>

#include "embedded/metadata_tsv.h"
#include "embedded/outline_tsv.h"
#include "embedded/site_chrome_tsv.h"
#include "text/tsv.h"

namespace mubiao::report::internal {

Lexicon::Lexicon(std::string_view file, std::span<const std::string_view> chunks)
    : file_(file),
      lists_(text::ParsedDataFile(file, text::WordLists::Parse(text::JoinChunks(chunks)))) {}

const Lexicon& Lexicon::Outline() {
  static const Lexicon* lexicon = new Lexicon("data/lexicon/outline.tsv", OutlineLexiconChunks());
  return *lexicon;
}

const Lexicon& Lexicon::Metadata() {
  static const Lexicon* lexicon = new Lexicon("data/lexicon/metadata.tsv", MetadataLexiconChunks());
  return *lexicon;
}

const Lexicon& Lexicon::SiteChrome() {
  static const Lexicon* lexicon =
      new Lexicon("data/lexicon/site_chrome.tsv", SiteChromeLexiconChunks());
  return *lexicon;
}

const std::vector<text::ListedWord>& Lexicon::Of(std::string_view category) const {
  const std::vector<text::ListedWord>& words = lists_.Of(category);
  if (words.empty()) {
    text::AbortOnBrokenDataFile(
        file_, Status(StatusCode::kInternal, "no words of category " + std::string(category)));
  }
  return words;
}

bool Lexicon::AnyIn(std::string_view category, std::string_view text) const {
  for (const text::ListedWord& w : Of(category)) {
    if (text.find(w.word) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace mubiao::report::internal
