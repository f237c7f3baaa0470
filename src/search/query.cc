#include "search/query.h"

#include "search/tokenizer.h"
#include "text/utf8.h"

namespace mubiao::search {
namespace {

// A lexical item of a query.
struct Item {
  enum Kind { kTerm, kOr } kind = kTerm;
  Term term;
  bool excluded = false;
};

bool IsOpeningQuote(char32_t cp) { return cp == '"' || cp == 0x201C || cp == 0xFF02; }
bool IsClosingQuote(char32_t cp) { return cp == '"' || cp == 0x201D || cp == 0xFF02; }
bool IsQuote(char32_t cp) { return IsOpeningQuote(cp) || IsClosingQuote(cp); }
bool IsMinus(char32_t cp) { return cp == '-' || cp == 0xFF0D; }

// Splits the input into terms and OR operators.
Result<std::vector<Item>> Lex(std::string_view input) {
  std::vector<Item> items;
  size_t pos = 0;
  while (pos < input.size()) {
    size_t start = pos;
    char32_t cp = text::DecodeUtf8(input, &pos);
    if (text::IsSpace(cp)) continue;
    Item item;
    if (IsMinus(cp)) {
      size_t peek = pos;
      if (pos >= input.size() || text::IsSpace(text::DecodeUtf8(input, &peek))) {
        return InvalidInput("'-' must be followed by a word or a phrase to exclude");
      }
      item.excluded = true;
      start = pos;
      cp = text::DecodeUtf8(input, &pos);
    }
    if (IsOpeningQuote(cp)) {
      const size_t body = pos;
      size_t close = std::string_view::npos;
      while (pos < input.size()) {
        const size_t at = pos;
        if (IsClosingQuote(text::DecodeUtf8(input, &pos))) {
          close = at;
          break;
        }
      }
      if (close == std::string_view::npos) {
        return InvalidInput("unclosed quote: a phrase needs a closing quote (\" or ”)");
      }
      item.term.text = std::string(input.substr(body, close - body));
      item.term.quoted = true;
    } else {
      size_t end = pos;
      while (end < input.size()) {
        size_t next = end;
        const char32_t c = text::DecodeUtf8(input, &next);
        if (text::IsSpace(c) || IsQuote(c)) break;
        end = next;
      }
      pos = end;
      item.term.text = std::string(input.substr(start, end - start));
      if (!item.excluded && (item.term.text == "OR" || item.term.text == "|")) {
        item.kind = Item::kOr;
      }
    }
    items.push_back(std::move(item));
  }
  return items;
}

void AppendPhrase(const Term& term, std::string* out) {
  for (size_t i = 0; i < term.tokens.size(); ++i) {
    if (i > 0) *out += " + ";
    *out += '"';
    for (char c : term.tokens[i]) {
      if (c == '"') *out += '"';
      *out += c;
    }
    *out += '"';
  }
}

}  // namespace

Result<Query> ParseQuery(std::string_view input) {
  if (text::CountCodePoints(input) > kMaxQueryChars) {
    return InvalidInput("query too long: at most " + std::to_string(kMaxQueryChars) +
                        " characters");
  }
  Result<std::vector<Item>> lexed = Lex(input);
  if (!lexed.ok()) return lexed.status();
  std::vector<Item>& items = *lexed;
  if (items.empty()) return InvalidInput("empty query: type a word to search for");

  size_t terms = 0;
  for (const Item& item : items) terms += item.kind == Item::kTerm;
  if (terms > kMaxQueryTerms) {
    return InvalidInput("too many words: at most " + std::to_string(kMaxQueryTerms) +
                        " words and phrases");
  }

  Query query;
  bool any_excluded = false;
  for (size_t i = 0; i < items.size(); ++i) {
    Item& item = items[i];
    if (item.kind == Item::kOr) {
      return InvalidInput("OR must stand between two words, as in 养老 OR 托育");
    }
    const bool or_follows = i + 1 < items.size() && items[i + 1].kind == Item::kOr;
    if (item.excluded) {
      if (or_follows) {
        return InvalidInput("an excluded word (-" + item.term.text + ") cannot be part of an OR");
      }
      any_excluded = true;
      item.term.tokens = QueryTokens(item.term.text);
      if (!item.term.tokens.empty()) query.excluded.push_back(std::move(item.term));
      continue;
    }
    // A group: this term and every "OR term" after it.
    std::vector<Term> group;
    for (;;) {
      items[i].term.tokens = QueryTokens(items[i].term.text);
      if (!items[i].term.tokens.empty()) group.push_back(std::move(items[i].term));
      if (i + 1 >= items.size() || items[i + 1].kind != Item::kOr) break;
      if (i + 2 >= items.size() || items[i + 2].kind == Item::kOr) {
        return InvalidInput("OR must stand between two words, as in 养老 OR 托育");
      }
      if (items[i + 2].excluded) {
        return InvalidInput("an excluded word (-" + items[i + 2].term.text +
                            ") cannot be part of an OR");
      }
      i += 2;
    }
    if (!group.empty()) query.required.push_back(std::move(group));
  }
  if (query.required.empty()) {
    if (any_excluded) {
      return InvalidInput("only exclusions: add a word to search for besides the -words");
    }
    return InvalidInput(
        "nothing to search for: the query has no letters, digits or Chinese "
        "characters");
  }
  return query;
}

std::string Fts5MatchExpression(const Query& query) {
  std::string out;
  for (size_t g = 0; g < query.required.size(); ++g) {
    if (g > 0) out += " AND ";
    out += '(';
    const std::vector<Term>& group = query.required[g];
    for (size_t t = 0; t < group.size(); ++t) {
      if (t > 0) out += " OR ";
      AppendPhrase(group[t], &out);
    }
    out += ')';
  }
  if (!query.excluded.empty()) {
    out = "(" + out + ") NOT (";
    for (size_t t = 0; t < query.excluded.size(); ++t) {
      if (t > 0) out += " OR ";
      AppendPhrase(query.excluded[t], &out);
    }
    out += ')';
  }
  return out;
}

}  // namespace mubiao::search
