#include "report/lexicon.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "text/tsv.h"

namespace mubiao::report::internal {
namespace {

[[noreturn]] void Broken(std::string_view file, std::string_view what) {
  std::fprintf(stderr, "mubiao: data/lexicon/%.*s: error: %.*s\n", static_cast<int>(file.size()),
               file.data(), static_cast<int>(what.size()), what.data());
  std::abort();
}

}  // namespace

Lexicon Lexicon::Load(std::string_view file, std::span<const std::string_view> chunks) {
  Result<text::WordLists> lists = text::WordLists::Parse(text::JoinChunks(chunks));
  if (!lists.ok()) Broken(file, lists.status().message());
  return Lexicon(file, std::move(lists).value());
}

const Lexicon& Lexicon::Outline() {
  static const Lexicon* lexicon = new Lexicon(Load("outline.tsv", OutlineLexiconChunks()));
  return *lexicon;
}

const Lexicon& Lexicon::Metadata() {
  static const Lexicon* lexicon = new Lexicon(Load("metadata.tsv", MetadataLexiconChunks()));
  return *lexicon;
}

const Lexicon& Lexicon::SiteChrome() {
  static const Lexicon* lexicon = new Lexicon(Load("site_chrome.tsv", SiteChromeLexiconChunks()));
  return *lexicon;
}

const std::vector<text::ListedWord>& Lexicon::Of(std::string_view category) const {
  const std::vector<text::ListedWord>& words = lists_.Of(category);
  if (words.empty()) Broken(file_, "no words of category " + std::string(category));
  return words;
}

bool Lexicon::AnyIn(std::string_view category, std::string_view text) const {
  for (const text::ListedWord& w : Of(category)) {
    if (text.find(w.word) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace mubiao::report::internal
