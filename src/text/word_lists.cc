#include "text/word_lists.h"

#include <charconv>

#include "text/tsv.h"

namespace mubiao::text {

bool LongerFirst(const std::string& a, const std::string& b) {
  return a.size() != b.size() ? a.size() > b.size() : a < b;
}

Result<WordLists> WordLists::Parse(std::string_view tsv) {
  WordLists lists;
  for (const TsvRow& row : TsvRows(tsv)) {
    auto bad = [&](const std::string& why) {
      return InvalidInput("word list line " + std::to_string(row.line) + ": " + why);
    };
    if (row.fields.size() < 2 || row.fields[0].empty() || row.fields[1].empty()) {
      return bad("expected a category and a word separated by a tab");
    }
    if (row.fields.size() > 3) return bad("more than three fields");
    ListedWord entry{std::string(row.fields[0]), std::string(row.fields[1]), 0};
    if (row.fields.size() == 3) {
      const std::string_view n = row.fields[2];
      auto [end, error] = std::from_chars(n.data(), n.data() + n.size(), entry.number);
      if (error != std::errc() || end != n.data() + n.size()) {
        return bad("'" + std::string(n) + "' is not an integer");
      }
    }
    lists.by_category_[entry.category].push_back(entry);
    lists.all_.push_back(std::move(entry));
  }
  return lists;
}

const std::vector<ListedWord>& WordLists::Of(std::string_view category) const {
  static const std::vector<ListedWord> kNone;
  auto it = by_category_.find(category);
  return it == by_category_.end() ? kNone : it->second;
}

}  // namespace mubiao::text
