#include "store/copy.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>

#include "store/fts5_tokenizer.h"
#include "store/postgres_text.h"
#include "store/sql.h"
#include "store/sql_store.h"

namespace mubiao::store {
namespace {

// The tables copied, parents before children (foreign keys).
constexpr const char* kTables[] = {"regions",
                                   "documents",
                                   "blocks",
                                   "emphasis",
                                   "document_notes",
                                   "parts",
                                   "sections",
                                   "paragraphs",
                                   "targets",
                                   "outcomes",
                                   "commitments",
                                   "comments",
                                   "moderators",
                                   "verdict_overrides",
                                   "document_keys",
                                   "target_key_moves",
                                   "verdicts",
                                   "target_totals",
                                   "ledgers",
                                   "ledger_tasks",
                                   "ledger_progress",
                                   "ledger_notices",
                                   "ledger_notice_replies",
                                   "ledger_audit",
                                   "ducha_units",
                                   "ducha_accounts",
                                   "ducha_public",
                                   "ledger_milestones"};

enum class ColumnType { kInt, kReal, kText, kBlob };

struct Column {
  std::string name;
  ColumnType type;
};

// The column type of a declared SQL type; nullopt for what is not copied
// (a tsvector, derived by the destination).
std::optional<ColumnType> TypeOf(std::string declared) {
  for (char& c : declared) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (declared.find("int") != std::string::npos) return ColumnType::kInt;
  if (declared.find("real") != std::string::npos || declared.find("double") != std::string::npos) {
    return ColumnType::kReal;
  }
  if (declared.find("blob") != std::string::npos || declared.find("bytea") != std::string::npos) {
    return ColumnType::kBlob;
  }
  if (declared.find("text") != std::string::npos || declared.find("char") != std::string::npos) {
    return ColumnType::kText;
  }
  return std::nullopt;
}

// The columns of `table` with their types, in order.
Result<std::vector<Column>> ColumnsOf(Database* db, const std::string& table) {
  Result<Statement> stmt =
      Statement::Prepare(db, db->dialect() == Dialect::kSqlite
                                 ? "SELECT name, type FROM pragma_table_info(?1) ORDER BY cid"
                                 : "SELECT column_name, data_type FROM information_schema.columns"
                                   " WHERE table_name = ?1 AND table_schema = current_schema()"
                                   " ORDER BY ordinal_position");
  if (!stmt.ok()) return stmt.status();
  stmt->BindText(1, table);
  std::vector<Column> columns;
  Status ran = ForEachRow(&*stmt, [&](const Statement& row) {
    if (std::optional<ColumnType> type = TypeOf(row.ColumnText(1))) {
      columns.push_back({row.ColumnText(0), *type});
    }
  });
  if (!ran.ok()) return ran;
  return columns;
}

// The columns both databases have, with the source's types.
std::vector<Column> Shared(const std::vector<Column>& from, const std::vector<Column>& to) {
  std::set<std::string> names;
  for (const Column& c : to) names.insert(c.name);
  std::vector<Column> shared;
  for (const Column& c : from) {
    if (names.count(c.name)) shared.push_back(c);
  }
  return shared;
}

std::string ColumnList(const std::vector<Column>& columns) {
  std::string out;
  for (const Column& c : columns) out += (out.empty() ? "" : ", ") + c.name;
  return out;
}

// A row's values in one canonical text, whatever the backend: the same
// row hashes the same on both.
std::string CanonicalRow(const Statement& row, const std::vector<Column>& columns) {
  std::string out;
  for (size_t i = 0; i < columns.size(); ++i) {
    const int index = static_cast<int>(i);
    out += '\x1f';
    if (row.ColumnIsNull(index)) {
      out += "\\N";
      continue;
    }
    switch (columns[i].type) {
      case ColumnType::kInt:
        out += std::to_string(row.ColumnInt(index));
        break;
      case ColumnType::kReal: {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.17g", row.ColumnDouble(index));
        out += buffer;
        break;
      }
      case ColumnType::kText:
        out += row.ColumnText(index);
        break;
      case ColumnType::kBlob:
        out += row.ColumnBlob(index);
        break;
    }
  }
  return out;
}

uint64_t Fnv1a(std::string_view bytes) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  return hash;
}

struct TableSum {
  int64_t rows = 0;
  uint64_t sum = 0;  // of the rows' hashes: independent of their order
  std::string Hex() const {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(sum));
    return hex;
  }
  bool operator==(const TableSum&) const = default;
};

// Reads every row of `table`'s `columns`, handing each to `on_row`, and
// sums them up.
template <typename OnRow>
Result<TableSum> ReadTable(Database* db, const std::string& table,
                           const std::vector<Column>& columns, OnRow on_row) {
  Result<Statement> read =
      Statement::Prepare(db, "SELECT " + ColumnList(columns) + " FROM " + table);
  if (!read.ok()) return read.status();
  TableSum sum;
  Status ran = ForEachRow(&*read, [&](const Statement& row) {
    ++sum.rows;
    sum.sum += Fnv1a(CanonicalRow(row, columns));
    on_row(row);
  });
  if (!ran.ok()) return ran;
  return sum;
}

Result<TableSum> SumTable(Database* db, const std::string& table,
                          const std::vector<Column>& columns) {
  return ReadTable(db, table, columns, [](const Statement&) {});
}

// Binds the current row of `row` to `insert`, column by column.
void BindRow(const Statement& row, const std::vector<Column>& columns, Statement* insert) {
  for (size_t i = 0; i < columns.size(); ++i) {
    const int index = static_cast<int>(i);
    if (row.ColumnIsNull(index)) {
      insert->BindNull(index + 1);
      continue;
    }
    switch (columns[i].type) {
      case ColumnType::kInt:
        insert->BindInt(index + 1, row.ColumnInt(index));
        break;
      case ColumnType::kReal:
        insert->BindDouble(index + 1, row.ColumnDouble(index));
        break;
      case ColumnType::kText:
        insert->BindText(index + 1, row.ColumnText(index));
        break;
      case ColumnType::kBlob:
        insert->BindBlob(index + 1, row.ColumnBlob(index));
        break;
    }
  }
}

// What PostgreSQL needs after rows came with their ids: identity sequences
// past the largest id, and the full-text rows of documents and targets.
Status FinishPostgresTable(Database* to, const std::string& table,
                           const std::vector<Column>& columns) {
  // Every table with an `id` column numbers its rows by an identity.
  const bool numbered =
      std::any_of(columns.begin(), columns.end(), [](const Column& c) { return c.name == "id"; });
  if (numbered) {
    const std::string sequence = "SELECT setval(pg_get_serial_sequence('" + table +
                                 "', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM " +
                                 table;
    if (Status set = to->Exec(sequence.c_str()); !set.ok()) return set;
  }
  if (table != "documents" && table != "targets") return Status::Ok();
  Result<TextIndexWriter> writer = TextIndexWriter::Prepare(to);
  if (!writer.ok()) return writer.status();
  const bool documents = table == "documents";
  Result<Statement> rows =
      Statement::Prepare(to, documents ? "SELECT id, title, body FROM documents"
                                       : "SELECT id, indicator FROM targets");
  if (!rows.ok()) return rows.status();
  Status indexed;
  Status ran = ForEachRow(&*rows, [&](const Statement& row) {
    if (!indexed.ok()) return;
    indexed = documents
                  ? writer->IndexDocument(row.ColumnInt(0), row.ColumnText(1), row.ColumnText(2))
                  : writer->IndexIndicator(row.ColumnInt(0), row.ColumnText(1));
  });
  return ran.ok() ? indexed : ran;
}

// Copies one table in one transaction, reading the source once; checks it
// afterwards.
Result<CopiedTable> CopyTable(Database* from, Database* to, const std::string& table) {
  Result<std::vector<Column>> source = ColumnsOf(from, table);
  if (!source.ok()) return source.status();
  Result<std::vector<Column>> target = ColumnsOf(to, table);
  if (!target.ok()) return target.status();
  const std::vector<Column> columns = Shared(*source, *target);
  Result<TableSum> there = SumTable(to, table, columns);
  if (!there.ok()) return there.status();
  if (there->rows > 0) {
    // Already copied (a resumed copy), or other rows.
    Result<TableSum> here = SumTable(from, table, columns);
    if (!here.ok()) return here.status();
    if (*there == *here) return CopiedTable{table, here->rows, here->Hex(), true};
    return InvalidInput("the destination's table " + table + " holds " +
                        std::to_string(there->rows) + " other rows: copy into an empty database");
  }
  Result<Transaction> txn = Transaction::Begin(to);
  if (!txn.ok()) return txn.status();
  std::string placeholders;
  for (size_t i = 1; i <= columns.size(); ++i) {
    placeholders += (i > 1 ? ", ?" : "?") + std::to_string(i);
  }
  Result<Statement> insert = Statement::Prepare(
      to, "INSERT INTO " + table + " (" + ColumnList(columns) + ") VALUES (" + placeholders + ")");
  if (!insert.ok()) return insert.status();
  Status written;
  Result<TableSum> read = ReadTable(from, table, columns, [&](const Statement& row) {
    if (!written.ok()) return;
    BindRow(row, columns, &*insert);
    written = insert->Run();
  });
  if (!read.ok()) return read.status();
  if (!written.ok()) return written;
  if (to->dialect() == Dialect::kPostgres) {
    if (Status finished = FinishPostgresTable(to, table, columns); !finished.ok()) return finished;
  }
  if (Status committed = txn->Commit(); !committed.ok()) return committed;
  Result<TableSum> check = SumTable(to, table, columns);
  if (!check.ok()) return check.status();
  if (!(*check == *read)) {
    return Status(StatusCode::kInternal, table + ": the copy has " + std::to_string(check->rows) +
                                             " rows, checksum " + check->Hex() + "; the source " +
                                             std::to_string(read->rows) + ", checksum " +
                                             read->Hex());
  }
  // An empty table of the source is already there in an empty destination.
  return CopiedTable{table, read->rows, read->Hex(), read->rows == 0};
}

// Opens `name` for the copy, its schema brought up to date first (and the
// SQLite file created when missing).
Result<Database> OpenForCopy(const std::string& name) {
  if (Result<std::unique_ptr<Store>> store = OpenStore(name); !store.ok()) return store.status();
  Result<Database> db = Database::OpenByName(name);
  if (!db.ok()) return db.status();
  if (db->dialect() == Dialect::kSqlite) {
    // The full-text triggers of a SQLite destination run our tokenizer.
    if (Status registered = RegisterFts5Tokenizer(&*db); !registered.ok()) return registered;
    if (Status keys = db->Exec("PRAGMA foreign_keys = ON"); !keys.ok()) return keys;
  }
  return db;
}

}  // namespace

Result<std::vector<CopiedTable>> CopyDatabase(
    const std::string& from, const std::string& to,
    const std::function<void(const CopiedTable&)>& on_table) {
  Result<Database> source = OpenForCopy(from);
  if (!source.ok())
    return Status(source.status().code(), RedactedUri(from) + ": " + source.status().message());
  Result<Database> target = OpenForCopy(to);
  if (!target.ok()) {
    return Status(target.status().code(), RedactedUri(to) + ": " + target.status().message());
  }
  std::vector<CopiedTable> tables;
  for (const char* table : kTables) {
    Result<CopiedTable> copied = CopyTable(&*source, &*target, table);
    if (!copied.ok()) return copied.status();
    if (on_table) on_table(*copied);
    tables.push_back(std::move(*copied));
  }
  return tables;
}

}  // namespace mubiao::store
