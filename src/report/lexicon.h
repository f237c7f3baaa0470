// The word lists of the outline and metadata readers and of the site chrome
// filter (data/lexicon/outline.tsv, metadata.tsv and site_chrome.tsv),
// compiled into the library. Internal to the report module.
#ifndef MUBIAO_REPORT_LEXICON_H_
#define MUBIAO_REPORT_LEXICON_H_

#include <span>
#include <string_view>
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

 private:
  // Parses the file; aborts when it is broken (text::ParsedDataFile).
  Lexicon(std::string_view file, std::span<const std::string_view> chunks);

  std::string_view file_;
  text::WordLists lists_;
};

}  // namespace mubiao::report::internal

#endif  // MUBIAO_REPORT_LEXICON_H_
