#include "store/postgres_text.h"

#include <algorithm>
#include <map>
#include <set>

#include "search/tokenizer.h"

namespace mubiao::store {
namespace {

// `token` as a tsvector/tsquery lexeme: in single quotes, with quotes and
// backslashes doubled.
std::string Lexeme(std::string_view token) {
  std::string out = "'";
  for (char c : token) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  return out + "'";
}

// Where a passage of `line` may end: after the last sentence end (。！？；
// or a line break) at or before `limit` bytes; `limit` itself when there is
// none (a single sentence that long is cut where it is: a token may then
// span the cut, which only a text without any sentence end can have).
size_t PassageEnd(std::string_view line, size_t limit) {
  size_t best = 0;
  for (std::string_view end : {"。", "！", "？", "；"}) {
    const size_t at = line.rfind(end, limit - end.size());
    if (at != std::string_view::npos) best = std::max(best, at + end.size());
  }
  return best > 0 ? best : limit;
}

}  // namespace

std::vector<std::string_view> Passages(std::string_view title, std::string_view body) {
  std::vector<std::string_view> passages = {title};
  // Whole lines, as many as fit; a line longer than a passage is cut at
  // sentence ends.
  size_t begin = 0;  // of the passage being filled
  size_t at = 0;     // of the next line
  while (at < body.size()) {
    size_t newline = body.find('\n', at);
    newline = newline == std::string_view::npos ? body.size() : newline + 1;
    if (newline - begin > kMaxPassageBytes && at > begin) {
      passages.push_back(body.substr(begin, at - begin));
      begin = at;
    }
    std::string_view line = body.substr(begin, newline - begin);
    while (line.size() > kMaxPassageBytes) {
      const size_t end = PassageEnd(line, kMaxPassageBytes);
      passages.push_back(line.substr(0, end));
      line.remove_prefix(end);
      begin += end;
    }
    at = newline;
  }
  if (begin < body.size()) passages.push_back(body.substr(begin));
  return passages;
}

std::string WordVector(std::string_view text) {
  std::map<std::string, std::vector<size_t>> positions;
  size_t position = 0;
  search::Tokenize(text, search::TokenizeMode::kDocument, [&](const search::Token& token) {
    positions[std::string(token.text)].push_back(++position);
    return true;
  });
  std::string out;
  for (const auto& [token, at] : positions) {
    if (!out.empty()) out += ' ';
    out += Lexeme(token);
    for (size_t i = 0; i < at.size(); ++i) out += (i == 0 ? ":" : ",") + std::to_string(at[i]);
  }
  return out;
}

std::string CharacterVector(std::initializer_list<std::string_view> texts) {
  std::set<std::string> characters;
  for (std::string_view text : texts) {
    search::Tokenize(text, search::TokenizeMode::kCharacters, [&](const search::Token& token) {
      characters.emplace(token.text);
      return true;
    });
  }
  std::string out;
  for (const std::string& c : characters) out += (out.empty() ? "" : " ") + Lexeme(c);
  return out;
}

std::string PhraseQuery(const search::Term& term) {
  std::string out;
  for (const search::QueryToken& token : term.tokens) {
    if (!out.empty()) out += " <-> ";
    out += Lexeme(token.text) + (token.prefix ? ":*" : "");
  }
  return out.size() > 0 && term.tokens.size() > 1 ? "(" + out + ")" : out;
}

std::string CharacterQuery(const search::Term& term) {
  return Lexeme(term.tokens.empty() ? term.text : term.tokens.front().text);
}

Result<TextIndexWriter> TextIndexWriter::Prepare(Database* db) {
  TextIndexWriter writer;
  const std::pair<Statement*, const char*> statements[] = {
      {&writer.forget_, "DELETE FROM document_passages WHERE document_id = ?1"},
      {&writer.passage_,
       "INSERT INTO document_passages (document_id, passage_no, words) VALUES (?1, ?2,"
       " ?3::tsvector)"},
      {&writer.characters_,
       "INSERT INTO document_chars (document_id, chars, passages) VALUES (?1, ?2::tsvector, ?3)"
       " ON CONFLICT (document_id) DO UPDATE SET chars = excluded.chars,"
       " passages = excluded.passages"},
      {&writer.indicator_, "UPDATE targets SET indicator_words = ?2::tsvector WHERE id = ?1"},
  };
  for (const auto& [stmt, sql] : statements) {
    Result<Statement> prepared = Statement::Prepare(db, sql);
    if (!prepared.ok()) return prepared.status();
    *stmt = std::move(*prepared);
  }
  return writer;
}

Status TextIndexWriter::IndexDocument(int64_t id, std::string_view title, std::string_view body) {
  forget_.BindInt(1, id);
  Status ran = forget_.Run();
  const std::vector<std::string_view> passages = Passages(title, body);
  for (size_t i = 0; ran.ok() && i < passages.size(); ++i) {
    passage_.BindInt(1, id);
    passage_.BindInt(2, static_cast<int64_t>(i));
    passage_.BindText(3, WordVector(passages[i]));
    ran = passage_.Run();
  }
  if (!ran.ok()) return ran;
  characters_.BindInt(1, id);
  characters_.BindText(2, CharacterVector({title, body}));
  characters_.BindInt(3, static_cast<int64_t>(passages.size()));
  return characters_.Run();
}

Status TextIndexWriter::IndexIndicator(int64_t id, std::string_view indicator) {
  indicator_.BindInt(1, id);
  indicator_.BindText(2, WordVector(indicator));
  return indicator_.Run();
}

}  // namespace mubiao::store
