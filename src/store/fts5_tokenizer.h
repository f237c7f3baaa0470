// The search tokenizer (search/tokenizer.h) as an FTS5 tokenizer named
// "mubiao", so the SQLite index holds exactly the tokens every backend uses:
// tokenize='mubiao' for the word index (kDocument), tokenize='mubiao
// characters' for the character index (kCharacters).
#ifndef MUBIAO_STORE_FTS5_TOKENIZER_H_
#define MUBIAO_STORE_FTS5_TOKENIZER_H_

#include <sqlite3.h>

#include "base/status.h"
#include "store/sql.h"

namespace mubiao::store {

// The name FTS5 tables use in tokenize='...'.
inline constexpr char kFts5TokenizerName[] = "mubiao";

// Registers the tokenizer on `db` through fts5_api (SELECT fts5(?1) with a
// bound pointer). Must run on every connection before it touches an FTS5
// table that uses it. Errors: kInternal when SQLite lacks FTS5.
Status RegisterFts5Tokenizer(Database* db);

}  // namespace mubiao::store

#endif  // MUBIAO_STORE_FTS5_TOKENIZER_H_
