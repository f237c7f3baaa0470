#include "targets/lexicon.h"

#include <algorithm>
#include <set>

#include "targets/embedded_lexicon.h"

namespace mubiao::targets {
namespace {

// Categories that are word lists; any other category names a topic.
const std::set<std::string_view> kListCategories = {
    "ensure", "strive", "lead", "count", "trail",      "le",          "ge",
    "budget", "cap",    "up",   "down",  "background", "commit_verb", "commit_end"};

bool LongerFirst(const std::string& a, const std::string& b) {
  return a.size() != b.size() ? a.size() > b.size() : a < b;
}

}  // namespace

const Lexicon& Lexicon::Builtin() {
  static const Lexicon* lexicon = new Lexicon(EmbeddedLexicon());
  return *lexicon;
}

Lexicon::Lexicon(std::string_view tsv) {
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string category(line.substr(0, tab));
    std::string word(line.substr(tab + 1));
    if (kListCategories.count(category) > 0) {
      words_[category].push_back(word);
    } else {
      topic_keywords_.emplace_back(word, category);
    }
  }
  for (auto& [category, list] : words_) std::sort(list.begin(), list.end(), LongerFirst);
  std::stable_sort(topic_keywords_.begin(), topic_keywords_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

const std::vector<std::string>& Lexicon::Words(std::string_view category) const {
  static const std::vector<std::string> kNone;
  auto it = words_.find(category);
  return it == words_.end() ? kNone : it->second;
}

std::string Lexicon::TopicOf(std::string_view text) const {
  // The keyword ending last wins (the head noun of a Chinese phrase comes
  // last); among those ending at the same place, the longest.
  const std::string* best = nullptr;
  size_t best_end = 0;
  for (const auto& [keyword, topic] : topic_keywords_) {
    size_t at = text.rfind(keyword);
    if (at == std::string_view::npos) continue;
    size_t end = at + keyword.size();
    if (best == nullptr || end > best_end) {
      best = &topic;
      best_end = end;
    }
  }
  return best == nullptr ? "" : *best;
}

std::string_view Lexicon::PrefixIn(std::string_view category, std::string_view text) const {
  for (const std::string& w : Words(category)) {
    if (text.substr(0, w.size()) == w) return w;
  }
  return "";
}

std::string_view Lexicon::SuffixIn(std::string_view category, std::string_view text) const {
  for (const std::string& w : Words(category)) {
    if (text.size() >= w.size() && text.substr(text.size() - w.size()) == w) return w;
  }
  return "";
}

bool Lexicon::AnyIn(std::string_view category, std::string_view text) const {
  for (const std::string& w : Words(category)) {
    if (text.find(w) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace mubiao::targets
