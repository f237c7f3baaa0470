// The word lists of the outline and metadata readers and of the site chrome
// filter (data/lexicon/outline.tsv, metadata.tsv and site_chrome.tsv),
// compiled into the library. Internal to the report module.
#ifndef MUBIAO_REPORT_LEXICON_H_
#define MUBIAO_REPORT_LEXICON_H_

#include <bitset>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/word_lists.h"

namespace mubiao::report::internal {

// One lexicon file, parsed on first use. Thread-safe.
class Lexicon {
 public:
  static const Lexicon& Outline();     // data/lexicon/outline.tsv
  static const Lexicon& Metadata();    // data/lexicon/metadata.tsv
  static const Lexicon& SiteChrome();  // data/lexicon/site_chrome.tsv

  // The words of `category`, in file order. The files are part of the
  // source tree: a category the code asks for and the file lacks is a bug of
  // the build, and aborts naming it.
  const std::vector<text::ListedWord>& Of(std::string_view category) const;

  // True when some word of `category` occurs in `text`.
  bool AnyIn(std::string_view category, std::string_view text) const;

  // The first byte of `text`, before byte `before`, where a word of
  // `category` starts for which `accept(word, at)` holds; npos when none.
  // One pass over `text` with the words indexed by their first character,
  // where a search per word would read the text once for each.
  size_t FirstOf(std::string_view category, std::string_view text, size_t before,
                 const std::function<bool(const text::ListedWord&, size_t)>& accept) const;

 private:
  // A category's words by their first code point, with a bit per code
  // point of the Basic Multilingual Plane that starts some word (most
  // characters start none and are passed at the cost of a bit test).
  struct FirstIndex {
    std::bitset<0x10000> starts;
    std::unordered_map<char32_t, std::vector<const text::ListedWord*>> words;
  };

  // Parses the file; aborts when it is broken (text::ParsedDataFile).
  Lexicon(std::string_view file, std::span<const std::string_view> chunks);

  // The index of `category`, which must have words.
  const FirstIndex& IndexOf(std::string_view category) const;

  std::string_view file_;
  text::WordLists lists_;
  std::map<std::string, FirstIndex, std::less<>> first_;
};

}  // namespace mubiao::report::internal

#endif  // MUBIAO_REPORT_LEXICON_H_
