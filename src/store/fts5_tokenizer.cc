#include "store/fts5_tokenizer.h"

#include "search/tokenizer.h"
#include "store/sql.h"

namespace mubiao::store {
namespace {

// Which index a tokenizer instance feeds: the word index (no argument) or
// the character index (argument "characters").
struct Instance {
  bool characters = false;
};

int Create(void* /*context*/, const char** args, int arg_count, Fts5Tokenizer** out) {
  auto* instance = new Instance;
  if (arg_count == 1 && std::string_view(args[0]) == "characters") {
    instance->characters = true;
  } else if (arg_count != 0) {
    delete instance;
    return SQLITE_ERROR;
  }
  *out = reinterpret_cast<Fts5Tokenizer*>(instance);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* tokenizer) { delete reinterpret_cast<Instance*>(tokenizer); }

int TokenizeText(Fts5Tokenizer* tokenizer, void* context, int flags, const char* text, int size,
                 int (*emit)(void*, int, const char*, int, int, int)) {
  if (size <= 0) return SQLITE_OK;
  // Queries hand over one token of a MATCH expression at a time (query.h
  // builds them): a bigram, a character or a word, which kQuery keeps whole.
  const search::TokenizeMode mode =
      (flags & FTS5_TOKENIZE_QUERY) != 0                   ? search::TokenizeMode::kQuery
      : reinterpret_cast<Instance*>(tokenizer)->characters ? search::TokenizeMode::kCharacters
                                                           : search::TokenizeMode::kDocument;
  int rc = SQLITE_OK;
  search::Tokenize(std::string_view(text, static_cast<size_t>(size)), mode,
                   [&](const search::Token& token) {
                     rc = emit(context, 0, token.text.data(), static_cast<int>(token.text.size()),
                               static_cast<int>(token.begin), static_cast<int>(token.end));
                     return rc == SQLITE_OK;
                   });
  return rc;
}

}  // namespace

Status RegisterFts5Tokenizer(Database* db) {
  Result<Statement> select = Statement::Prepare(db, "SELECT fts5(?1)");
  if (!select.ok()) return Status(StatusCode::kInternal, "this SQLite has no FTS5");
  fts5_api* api = nullptr;
  select->BindPointer(1, &api, "fts5_api_ptr");
  Result<bool> row = select->Step();
  if (!row.ok()) return row.status();
  if (api == nullptr) return Status(StatusCode::kInternal, "this SQLite has no FTS5");
  static fts5_tokenizer tokenizer = {Create, Delete, TokenizeText};
  const int rc = api->xCreateTokenizer(api, kFts5TokenizerName, nullptr, &tokenizer, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db->sqlite(), rc, "registering the FTS5 tokenizer");
  return Status::Ok();
}

}  // namespace mubiao::store
