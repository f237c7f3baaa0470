#include "search/query.h"

#include <tuple>

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
        return InvalidInput("减号“-”后面应紧跟要排除的词或短语");
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
        return InvalidInput("引号没有配对：短语应以引号（\" 或 ”）结束");
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

// Inner prefix tokens of a phrase spelled out as alternatives, at most this
// many per phrase (2^n phrases); more stay prefix queries, which are exact
// too but slower.
constexpr int kMaxSpelledPrefixes = 3;

void AppendToken(const std::string& token, bool prefix, std::string* out) {
  *out += '"';
  for (char c : token) {
    if (c == '"') *out += '"';
    *out += c;
  }
  *out += '"';
  if (prefix) *out += " *";
}

// Appends a term's phrase: its tokens joined with "+". A prefix token inside
// a phrase stands before a CJK token starting with some character c, so it
// can only be the character x alone or the bigram xc: such tokens are
// spelled out as phrases ORed ("x" or "xc"), which FTS5 looks up directly
// instead of scanning every bigram starting with x.
void AppendPhrase(const Term& term, std::string* out) {
  const std::vector<QueryToken>& tokens = term.tokens;
  std::vector<size_t> spelled;  // indexes of the inner prefix tokens spelled out
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].prefix && spelled.size() < kMaxSpelledPrefixes) spelled.push_back(i);
  }
  for (size_t variant = 0; variant < (size_t{1} << spelled.size()); ++variant) {
    if (variant > 0) *out += " OR ";
    size_t next_spelled = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (i > 0) *out += " + ";
      if (next_spelled < spelled.size() && spelled[next_spelled] == i) {
        const bool bigram = (variant >> next_spelled++) & 1;
        const std::string& next = tokens[i + 1].text;
        size_t next_first = 0;  // bytes of the next token's first character
        text::DecodeUtf8(next, &next_first);
        AppendToken(bigram ? tokens[i].text + next.substr(0, next_first) : tokens[i].text, false,
                    out);
      } else {
        AppendToken(tokens[i].text, tokens[i].prefix, out);
      }
    }
  }
}

// The terms ORed: "a" OR "b" + "c".
std::string AnyOf(const std::vector<const Term*>& terms) {
  std::string out;
  for (size_t t = 0; t < terms.size(); ++t) {
    if (t > 0) out += " OR ";
    AppendPhrase(*terms[t], &out);
  }
  return out;
}

}  // namespace

Result<Query> ParseQuery(std::string_view input) {
  if (!text::IsValidUtf8(input)) return InvalidInput("检索词不是有效的 UTF-8 文本");
  if (text::CountCodePoints(input) > kMaxQueryChars) {
    return InvalidInput("检索词太长：最多 " + std::to_string(kMaxQueryChars) + " 个字");
  }
  Result<std::vector<Item>> lexed = Lex(input);
  if (!lexed.ok()) return lexed.status();
  std::vector<Item>& items = *lexed;
  if (items.empty()) return InvalidInput("请输入要检索的词");

  size_t terms = 0;
  for (const Item& item : items) terms += item.kind == Item::kTerm;
  if (terms > kMaxQueryTerms) {
    return InvalidInput("检索词太多：最多 " + std::to_string(kMaxQueryTerms) + " 个词或短语");
  }

  Query query;
  bool any_excluded = false;
  for (size_t i = 0; i < items.size(); ++i) {
    Item& item = items[i];
    if (item.kind == Item::kOr) {
      return InvalidInput("OR 应位于两个词之间，如：养老 OR 托育");
    }
    const bool or_follows = i + 1 < items.size() && items[i + 1].kind == Item::kOr;
    if (item.excluded) {
      if (or_follows) {
        return InvalidInput("要排除的词（-" + item.term.text + "）不能用在 OR 中");
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
        return InvalidInput("OR 应位于两个词之间，如：养老 OR 托育");
      }
      if (items[i + 2].excluded) {
        return InvalidInput("要排除的词（-" + items[i + 2].term.text + "）不能用在 OR 中");
      }
      i += 2;
    }
    if (!group.empty()) query.required.push_back(std::move(group));
  }
  if (query.required.empty()) {
    if (any_excluded) {
      return InvalidInput("只有要排除的词：请再输入一个要检索的词");
    }
    return InvalidInput("没有可检索的内容：检索词中没有汉字、字母或数字");
  }
  return query;
}

bool IsCharacterTerm(const Term& term) { return term.tokens.size() == 1 && term.tokens[0].prefix; }

IndexQuery PlanIndexQuery(const Query& query) {
  IndexQuery plan;
  for (const std::vector<Term>& group : query.required) {
    std::vector<const Term*> words;
    std::vector<const Term*> characters;
    for (const Term& term : group) (IsCharacterTerm(term) ? characters : words).push_back(&term);
    if (!words.empty() && !characters.empty()) {
      plan.mixed.push_back({AnyOf(words), AnyOf(characters)});
      continue;
    }
    std::string& out = words.empty() ? plan.characters : plan.words;
    if (!out.empty()) out += " AND ";
    out += '(' + AnyOf(words.empty() ? characters : words) + ')';
  }
  std::vector<const Term*> excluded_words;
  std::vector<const Term*> excluded_characters;
  for (const Term& term : query.excluded) {
    (IsCharacterTerm(term) ? excluded_characters : excluded_words).push_back(&term);
  }
  for (auto [positive, excluded, rest] :
       {std::tuple{&plan.words, &excluded_words, &plan.excluded_words},
        std::tuple{&plan.characters, &excluded_characters, &plan.excluded_characters}}) {
    if (excluded->empty()) continue;
    if (positive->empty()) {
      *rest = AnyOf(*excluded);
    } else {
      *positive = '(' + *positive + ") NOT (" + AnyOf(*excluded) + ')';
    }
  }
  return plan;
}

}  // namespace mubiao::search
