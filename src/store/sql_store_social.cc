// The SQLite backend's people-made records: readers' comments and their
// moderation, and moderator accounts.
#include "store/sql_store_impl.h"

namespace mubiao::store {
namespace {

Comment ReadComment(const Statement& row) {
  Comment c;
  c.id = row.ColumnInt(0);
  c.document_id = row.ColumnInt(1);
  c.author = row.ColumnText(2);
  c.body = row.ColumnText(3);
  c.created_at = row.ColumnText(4);
  c.status = ParseCommentStatus(row.ColumnText(5)).value_or(CommentStatus::kPending);
  return c;
}

constexpr char kCommentColumns[] = "id, document_id, author, body, created_at, status";

// Runs a bound statement that must change comment `comment_id`; kNotFound
// when it changed nothing.
Status RunOnComment(Database* db, Statement* stmt, int64_t comment_id) {
  Status ran = stmt->Run();
  if (!ran.ok()) return ran;
  if (db->Changes() == 0) return NotFound("no comment with id " + std::to_string(comment_id));
  return Status::Ok();
}

}  // namespace

Result<int64_t> SqlStore::AddComment(int64_t document_id, const std::string& author,
                                     const std::string& body) {
  Result<Statement*> stmt = Cached(
      "INSERT INTO comments (document_id, author, body, created_at, status)"
      " SELECT id, ?2, ?3, ?4, 'pending' FROM documents WHERE id = ?1 RETURNING id");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, document_id);
  (*stmt)->BindText(2, author);
  (*stmt)->BindText(3, body);
  (*stmt)->BindText(4, NowUtc());
  std::optional<int64_t> id;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) { id = row.ColumnInt(0); });
  if (!ran.ok()) return ran;
  if (!id) return NotFound("no document with id " + std::to_string(document_id));
  return *id;
}

Result<CommentPage> SqlStore::ListComments(const CommentFilter& filter) {
  if (Status valid = ValidatePaging(filter.offset, filter.limit, false); !valid.ok()) return valid;
  // Separate statements with and without the document keep each on its
  // index (comments_document, comments_status).
  const std::string where = filter.document_id != 0 ? " WHERE document_id = ?1 AND status = ?2"
                                                    : " WHERE ?1 = 0 AND status = ?2";
  Result<Statement*> count = Cached("SELECT count(*) FROM comments" + where);
  if (!count.ok()) return count.status();
  (*count)->BindInt(1, filter.document_id);
  (*count)->BindText(2, CommentStatusName(filter.status));
  CommentPage page;
  Status ran = ForEachRow(*count, [&](const Statement& row) { page.total = row.ColumnInt(0); });
  if (!ran.ok()) return ran;
  const char* order =
      filter.newest_first ? " ORDER BY created_at DESC, id DESC" : " ORDER BY created_at, id";
  Result<Statement*> list = Cached(std::string("SELECT ") + kCommentColumns + " FROM comments" +
                                   where + order + " LIMIT ?3 OFFSET ?4");
  if (!list.ok()) return list.status();
  (*list)->BindInt(1, filter.document_id);
  (*list)->BindText(2, CommentStatusName(filter.status));
  (*list)->BindInt(3, filter.limit);
  (*list)->BindInt(4, filter.offset);
  ran = ForEachRow(*list, [&](const Statement& row) { page.comments.push_back(ReadComment(row)); });
  if (!ran.ok()) return ran;
  return page;
}

Status SqlStore::SetCommentStatus(int64_t comment_id, CommentStatus status) {
  Result<Statement*> stmt = Cached("UPDATE comments SET status = ?2 WHERE id = ?1");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, comment_id);
  (*stmt)->BindText(2, CommentStatusName(status));
  return RunOnComment(&db_, *stmt, comment_id);
}

Status SqlStore::DeleteComment(int64_t comment_id) {
  Result<Statement*> stmt = Cached("DELETE FROM comments WHERE id = ?1");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, comment_id);
  return RunOnComment(&db_, *stmt, comment_id);
}

Status SqlStore::PutModerator(const std::string& name, const std::string& password_hash) {
  if (name.empty()) return InvalidInput("a moderator needs a name");
  Result<Statement*> stmt = Cached(
      "INSERT INTO moderators (name, password_hash, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?3) ON CONFLICT (name) DO UPDATE SET password_hash = "
      "excluded.password_hash,"
      " updated_at = excluded.updated_at");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindAll(name, password_hash, NowUtc());
  return (*stmt)->Run();
}

Result<std::string> SqlStore::ModeratorPasswordHash(const std::string& name) {
  Result<Statement*> stmt = Cached("SELECT password_hash FROM moderators WHERE name = ?1");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindText(1, name);
  std::optional<std::string> hash;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) { hash = row.ColumnText(0); });
  if (!ran.ok()) return ran;
  if (!hash) return NotFound("no moderator named " + name);
  return std::move(*hash);
}

}  // namespace mubiao::store
