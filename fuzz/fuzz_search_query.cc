// libFuzzer target: arbitrary bytes as what a user types into the search
// box (search/query.h). A query is rejected with a message, or parses into
// AND-of-OR groups within the limits whose terms are text with tokens; its
// FTS5 expressions carry user text only inside quoted strings, with nothing
// between the strings but operators: ( ) + * AND OR NOT.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_require.h"
#include "search/query.h"
#include "text/utf8.h"

using mubiao::fuzz::Require;
namespace search = mubiao::search;

namespace {

void CheckTerm(const search::Term& term) {
  Require(mubiao::text::IsValidUtf8(term.text), "terms are text");
  Require(!term.tokens.empty(), "terms have tokens");
  for (const search::QueryToken& token : term.tokens) {
    Require(!token.text.empty(), "tokens are not empty");
    Require(mubiao::text::IsValidUtf8(token.text), "tokens are text");
  }
}

// Checks an FTS5 expression: quoted strings ("" inside is a quote) and,
// outside them, only operators.
void CheckExpression(std::string_view e) {
  std::string word;
  const auto end_word = [&word] {
    Require(word.empty() || word == "AND" || word == "OR" || word == "NOT",
            "only operators stand outside strings");
    word.clear();
  };
  for (size_t i = 0; i < e.size(); ++i) {
    if (e[i] == '"') {
      end_word();
      std::string content;
      for (++i;; ++i) {
        Require(i < e.size(), "strings are closed");
        if (e[i] == '"' && (i + 1 >= e.size() || e[i + 1] != '"')) break;
        if (e[i] == '"') ++i;
        content += e[i];
      }
      Require(!content.empty() && mubiao::text::IsValidUtf8(content), "strings are tokens");
    } else if (std::string_view("()+* ").find(e[i]) != std::string_view::npos) {
      end_word();
    } else {
      word += e[i];
    }
  }
  end_word();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const mubiao::Result<search::Query> query = search::ParseQuery(input);
  if (!query.ok()) {
    Require(!query.status().message().empty(), "a rejection says why");
    Require(mubiao::text::IsValidUtf8(query.status().message()), "messages are text");
    return 0;
  }
  Require(mubiao::text::CountCodePoints(input) <= search::kMaxQueryChars, "length limit");
  Require(!query->required.empty(), "something is required");
  size_t terms = query->excluded.size();
  for (const auto& group : query->required) {
    Require(!group.empty(), "groups are not empty");
    terms += group.size();
    for (const search::Term& term : group) CheckTerm(term);
  }
  for (const search::Term& term : query->excluded) CheckTerm(term);
  Require(terms <= search::kMaxQueryTerms, "term limit");
  const search::IndexQuery plan = search::PlanIndexQuery(*query);
  Require(!plan.words.empty() || !plan.characters.empty() || !plan.mixed.empty(),
          "a plan has something to match");
  for (const std::string* e :
       {&plan.words, &plan.characters, &plan.excluded_words, &plan.excluded_characters}) {
    CheckExpression(*e);
  }
  for (const search::IndexQuery::Mixed& m : plan.mixed) {
    Require(!m.words.empty() && !m.characters.empty(), "a mixed group has both kinds");
    CheckExpression(m.words);
    CheckExpression(m.characters);
  }
  return 0;
}
