#include "report/site_chrome.h"

#include "report/lexicon.h"
#include "text/ascii.h"
#include "text/utf8.h"

namespace mubiao::report {
namespace {

// True when `rest` (what follows a label) is empty or starts with a colon or
// white space, ASCII or full-width.
bool IsLabelEnd(std::string_view rest) {
  if (rest.empty()) return true;
  for (std::string_view sep : {":", "：", " ", "\t", "\u3000", "\u00A0"}) {
    if (rest.starts_with(sep)) return true;
  }
  return false;
}

}  // namespace

bool IsSiteChromeLine(std::string_view line) {
  line = text::TrimSpace(line);
  if (line.empty()) return false;
  // The words of data/lexicon/site_chrome.tsv: whole lines, prefixes, and
  // labels before a separator.
  const internal::Lexicon& lex = internal::Lexicon::SiteChrome();
  for (const text::ListedWord& whole : lex.Of("line")) {
    if (line == whole.word) return true;
  }
  for (const text::ListedWord& prefix : lex.Of("prefix")) {
    if (line.starts_with(prefix.word)) return true;
  }
  for (const text::ListedWord& label : lex.Of("label")) {
    if (line.starts_with(label.word) && IsLabelEnd(line.substr(label.word.size()))) return true;
  }
  constexpr std::string_view kCopyright = "copyright";  // any case
  return text::AsciiLower(line.substr(0, kCopyright.size())) == kCopyright;
}

bool IsSiteFooterLine(std::string_view line) {
  line = text::TrimSpace(line);
  for (const text::ListedWord& prefix : internal::Lexicon::SiteChrome().Of("footer")) {
    if (line.starts_with(prefix.word)) return true;
  }
  return false;
}

}  // namespace mubiao::report
