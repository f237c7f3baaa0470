// The target extractor's lexicon (data/lexicon/targets.tsv, compiled in).
// Internal to the targets module.
#ifndef MUBIAO_TARGETS_LEXICON_H_
#define MUBIAO_TARGETS_LEXICON_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace mubiao::targets {

// Word lists by category, each sorted longest first so the longest match wins.
class Lexicon {
 public:
  // The lexicon compiled into the binary, parsed once. Thread-safe.
  static const Lexicon& Builtin();

  // The categories that are word lists; any other category of the file
  // names a topic, and must be Chinese (an ASCII name not listed here is an
  // error: a typo, or a list the code does not know).
  static const std::set<std::string_view>& ListCategories();

  // Parses "category<TAB>word" rows (a word-list file, text/word_lists.h).
  // Errors name the bad line or the unknown list.
  static Result<Lexicon> Parse(std::string_view tsv);

  // The words of a category ("ensure", "lead", "count", ...; a topic name for
  // topic keywords), longest first; empty when the category is unknown.
  const std::vector<std::string>& Words(std::string_view category) const;

  // Every topic TopicOf can name, in the order the file first names them.
  const std::vector<std::string>& Topics() const { return topics_; }

  // The topic of the keyword that ends last in `text` (the longest of those
  // ending at the same place), or "" when no keyword occurs.
  std::string TopicOf(std::string_view text) const;

  // The longest word of `category` that `text` starts with, or "".
  std::string_view PrefixIn(std::string_view category, std::string_view text) const;
  // The longest word of `category` that `text` ends with, or "".
  std::string_view SuffixIn(std::string_view category, std::string_view text) const;
  // True when some word of `category` occurs in `text`.
  bool AnyIn(std::string_view category, std::string_view text) const;
  // True when `word` is one of the words of `category`.
  bool Has(std::string_view category, std::string_view word) const;

 private:
  Lexicon() = default;

  // A category's words, longest first, with their indexes by first and by
  // last character, so a prefix or suffix test tries only the words that
  // can match.
  struct WordList {
    std::vector<std::string> words;
    std::unordered_map<char32_t, std::vector<size_t>> by_first, by_last;
  };
  const WordList* ListOf(std::string_view category) const;

  std::map<std::string, WordList, std::less<>> words_;
  // (keyword, topic) in file order, and their indexes by first character.
  std::vector<std::pair<std::string, std::string>> topic_keywords_;
  std::vector<std::string> topics_;  // Topics()
  std::unordered_map<char32_t, std::vector<size_t>> topics_by_first_char_;
};

}  // namespace mubiao::targets

#endif  // MUBIAO_TARGETS_LEXICON_H_
