#include "report/lexicon.h"

#include <algorithm>
#include <string>

#include "embedded/metadata_tsv.h"
#include "embedded/outline_tsv.h"
#include "embedded/site_chrome_tsv.h"
#include "text/tsv.h"
#include "text/utf8.h"

namespace mubiao::report::internal {

Lexicon::Lexicon(std::string_view file, std::span<const std::string_view> chunks)
    : file_(file),
      lists_(text::ParsedDataFile(file, text::WordLists::Parse(text::JoinChunks(chunks)))) {
  for (const text::ListedWord& row : lists_.all()) {
    if (first_.contains(row.category)) continue;
    FirstIndex& index = first_[row.category];
    for (const text::ListedWord& w : lists_.Of(row.category)) {
      if (w.word.empty()) continue;
      size_t at = 0;
      const char32_t first = text::DecodeUtf8(w.word, &at);
      index.words[first].push_back(&w);
      if (first < index.starts.size()) index.starts.set(first);
    }
  }
}

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
  return FirstOf(category, text, std::string_view::npos,
                 [](const text::ListedWord&, size_t) { return true; }) != std::string_view::npos;
}

const Lexicon::FirstIndex& Lexicon::IndexOf(std::string_view category) const {
  const auto found = first_.find(category);
  if (found == first_.end()) {
    text::AbortOnBrokenDataFile(
        file_, Status(StatusCode::kInternal, "no words of category " + std::string(category)));
  }
  return found->second;
}

size_t Lexicon::FirstOf(std::string_view category, std::string_view text, size_t before,
                        const std::function<bool(const text::ListedWord&, size_t)>& accept) const {
  const FirstIndex& index = IndexOf(category);
  const size_t end = std::min(before, text.size());
  for (size_t at = 0; at < end;) {
    const size_t start = at;
    const char32_t c = text::DecodeUtf8(text, &at);
    if (c < index.starts.size() && !index.starts.test(c)) continue;
    const auto words = index.words.find(c);
    if (words == index.words.end()) continue;
    for (const text::ListedWord* w : words->second) {
      if (text.compare(start, w->word.size(), w->word) == 0 && accept(*w, start)) return start;
    }
  }
  return std::string_view::npos;
}

}  // namespace mubiao::report::internal
