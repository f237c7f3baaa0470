#include "targets/lexicon.h"

#include <algorithm>
#include <set>

#include "embedded/targets_tsv.h"
#include "text/tsv.h"
#include "text/utf8.h"
#include "text/word_lists.h"

namespace mubiao::targets {

namespace {

// The last code point of `s` (0 when empty).
char32_t LastChar(std::string_view s) {
  size_t pos = text::LastCodePointStart(s);
  return s.empty() ? 0 : text::DecodeUtf8(s, &pos);
}

}  // namespace

const std::set<std::string_view>& Lexicon::ListCategories() {
  static const std::set<std::string_view> kCategories = {"ensure",
                                                         "strive",
                                                         "lead",
                                                         "count",
                                                         "count_kept",
                                                         "trail",
                                                         "le",
                                                         "ge",
                                                         "budget",
                                                         "cap",
                                                         "up",
                                                         "down",
                                                         "background",
                                                         "background_not",
                                                         "commit_verb",
                                                         "commit_end",
                                                         "duration",
                                                         "time_measure",
                                                         "unitless_measure",
                                                         "industry_end",
                                                         "manner",
                                                         "deadline",
                                                         "flat_with",
                                                         "period",
                                                         "period_ahead",
                                                         "spec_before",
                                                         "spec_unit",
                                                         "self_count",
                                                         "article_count",
                                                         "ordinal_before",
                                                         "threshold_before",
                                                         "after_bound",
                                                         "threshold_unit",
                                                         "self_count_before",
                                                         "per_word",
                                                         "average",
                                                         "change_count",
                                                         "inner_verb",
                                                         "basis",
                                                         "served_verb",
                                                         "shared_head",
                                                         "relative_to",
                                                         "projected",
                                                         "set_rate",
                                                         "reach",
                                                         "people",
                                                         "stock",
                                                         "outcome_bound",
                                                         "period_figure",
                                                         "set_unit",
                                                         "set_link",
                                                         "vague_count",
                                                         "done_marker",
                                                         "project_word",
                                                         "noun_start",
                                                         "noun_end",
                                                         "bare_measure",
                                                         "bare_event",
                                                         "bare_amount",
                                                         "size_unit",
                                                         "level_verb",
                                                         "threshold_noun",
                                                         "place_end",
                                                         "list_head"};

  return kCategories;
}

const Lexicon& Lexicon::Builtin() {
  static const Lexicon* lexicon = new Lexicon(text::ParsedDataFile(
      "data/lexicon/targets.tsv", Parse(text::JoinChunks(internal::EmbeddedLexiconChunks()))));
  return *lexicon;
}

Result<Lexicon> Lexicon::Parse(std::string_view tsv) {
  Result<text::WordLists> lists = text::WordLists::Parse(tsv);
  if (!lists.ok()) return lists.status();
  Lexicon lex;
  for (const text::ListedWord& w : lists->all()) {
    if (ListCategories().count(w.category) > 0) {
      lex.words_[w.category].words.push_back(w.word);
    } else if (std::all_of(w.category.begin(), w.category.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
      // Topics are Chinese; an ASCII name is a list the code does not know
      // (a typo, or one not registered above), which would become a topic.
      return InvalidInput("unknown list \"" + w.category + "\" (topics are named in Chinese)");
    } else {
      lex.topic_keywords_.emplace_back(w.word, w.category);
      if (std::find(lex.topics_.begin(), lex.topics_.end(), w.category) == lex.topics_.end()) {
        lex.topics_.push_back(w.category);
      }
    }
  }
  for (auto& [category, list] : lex.words_) {
    std::sort(list.words.begin(), list.words.end(), text::LongerFirst);
    for (size_t k = 0; k < list.words.size(); ++k) {
      const std::string& word = list.words[k];
      size_t pos = 0;
      list.by_first[text::DecodeUtf8(word, &pos)].push_back(k);
      list.by_last[LastChar(word)].push_back(k);
    }
  }
  for (size_t k = 0; k < lex.topic_keywords_.size(); ++k) {
    size_t pos = 0;
    lex.topics_by_first_char_[text::DecodeUtf8(lex.topic_keywords_[k].first, &pos)].push_back(k);
  }
  return lex;
}

const Lexicon::WordList* Lexicon::ListOf(std::string_view category) const {
  auto it = words_.find(category);
  return it == words_.end() ? nullptr : &it->second;
}

const std::vector<std::string>& Lexicon::Words(std::string_view category) const {
  static const std::vector<std::string> kNone;
  const WordList* list = ListOf(category);
  return list == nullptr ? kNone : list->words;
}

std::string Lexicon::TopicOf(std::string_view text) const {
  // The keyword ending last wins (the head noun of a Chinese phrase comes
  // last); among those ending at the same place, the longest. One pass: at
  // each character, only the keywords starting with it are tried.
  const std::string* best = nullptr;
  size_t best_end = 0, best_size = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    auto it = topics_by_first_char_.find(text::DecodeUtf8(text, &i));
    if (it == topics_by_first_char_.end()) continue;
    for (size_t k : it->second) {
      const auto& [keyword, topic] = topic_keywords_[k];
      if (text.substr(at, keyword.size()) != keyword) continue;
      const size_t end = at + keyword.size();
      if (best == nullptr || end > best_end || (end == best_end && keyword.size() > best_size)) {
        best = &topic;
        best_end = end;
        best_size = keyword.size();
      }
    }
  }
  return best == nullptr ? "" : *best;
}

std::string_view Lexicon::PrefixIn(std::string_view category, std::string_view text) const {
  const WordList* list = ListOf(category);
  if (list == nullptr || text.empty()) return "";
  size_t pos = 0;
  auto it = list->by_first.find(text::DecodeUtf8(text, &pos));
  if (it == list->by_first.end()) return "";
  for (size_t k : it->second) {
    const std::string& w = list->words[k];
    if (text.substr(0, w.size()) == w) return w;
  }
  return "";
}

std::string_view Lexicon::SuffixIn(std::string_view category, std::string_view text) const {
  const WordList* list = ListOf(category);
  if (list == nullptr || text.empty()) return "";
  auto it = list->by_last.find(LastChar(text));
  if (it == list->by_last.end()) return "";
  for (size_t k : it->second) {
    const std::string& w = list->words[k];
    if (text.size() >= w.size() && text.substr(text.size() - w.size()) == w) return w;
  }
  return "";
}

bool Lexicon::Has(std::string_view category, std::string_view word) const {
  const std::vector<std::string>& words = Words(category);
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool Lexicon::AnyIn(std::string_view category, std::string_view text) const {
  for (const std::string& w : Words(category)) {
    if (text.find(w) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace mubiao::targets
