// Word lists by category, as the lexicons in data/lexicon/*.tsv keep them:
// rows "category<TAB>word" or "category<TAB>word<TAB>number" (a weight, a
// year), read as tab-separated data (text/tsv.h).
#ifndef MUBIAO_TEXT_WORD_LISTS_H_
#define MUBIAO_TEXT_WORD_LISTS_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace mubiao::text {

// Orders words longest first (equal lengths in byte order): sorted so, a
// list tried in order yields its longest match.
bool LongerFirst(const std::string& a, const std::string& b);

// One row of a word-list file.
struct ListedWord {
  std::string category;
  std::string word;
  int number = 0;  // the third column; 0 when the row has none
};

// The words of a file by category, each list in file order (so a file
// decides which word is tried first where order matters).
class WordLists {
 public:
  // Parses the text of a word-list file. Errors (kInvalidInput) name the
  // line: a row without a word, with more than three fields, or whose third
  // field is not an integer.
  static Result<WordLists> Parse(std::string_view tsv);

  // Every row, in file order.
  const std::vector<ListedWord>& all() const { return all_; }

  // The rows of `category`, in file order; empty when the file has none.
  const std::vector<ListedWord>& Of(std::string_view category) const;

 private:
  std::vector<ListedWord> all_;
  std::map<std::string, std::vector<ListedWord>, std::less<>> by_category_;
};

}  // namespace mubiao::text

#endif  // MUBIAO_TEXT_WORD_LISTS_H_
