// The Store class over either database (sql.h), shared by the files that
// implement it (sql_store.cc: writes and opening; sql_store_search.cc:
// full-text search, FTS5's; postgres_search.cc: PostgreSQL's;
// sql_store_reads.cc: listings and documents; sql_store_social.cc: comments,
// moderators, overrides; sql_store_verdicts.cc: stored verdicts;
// sql_store_shared.cc: the portal's shared state).
// Internal to src/store: everything else opens a store with sql_store.h.
#ifndef MUBIAO_STORE_SQL_STORE_IMPL_H_
#define MUBIAO_STORE_SQL_STORE_IMPL_H_

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "search/query.h"
#include "store/postgres_text.h"
#include "store/sql.h"
#include "store/store.h"

namespace mubiao::store {

// The current time as ISO 8601 UTC ("2024-01-31T08:00:00Z"), as the store
// records times.
std::string NowUtc();

// SQL for what the dialects write differently.
// The length of text column `column` in bytes.
std::string ByteLength(Dialect dialect, std::string_view column);
// The text of `column` from byte `begin` (0-based), `length` bytes long
// (SQL expressions).
std::string ByteSubstring(Dialect dialect, std::string_view column, std::string_view begin,
                          std::string_view length);
// Whether text `haystack` contains text `needle` (SQL expressions).
std::string Contains(Dialect dialect, std::string_view haystack, std::string_view needle);

// Checks a listing's offset (>= 0) and limit (1, or 0 when
// `zero_limit_means_all`, ..= kMaxListLimit). kInvalidInput otherwise.
Status ValidatePaging(int offset, int limit, bool zero_limit_means_all);

// The Store over one connection (SQLite or PostgreSQL), with its
// statements prepared once.
class SqlStore : public Store {
 public:
  explicit SqlStore(Database db) : db_(std::move(db)) {}

  // Prepares every statement; fails only on a schema that does not match.
  Status Prepare();

  Result<std::unordered_map<std::string, std::string>> SourceHashes() override;
  Status PutSourceFiles(const std::vector<SourceFile>& files) override;
  Result<std::vector<int64_t>> DocumentsDerivedBefore(int extractor_version) override;
  Result<report::Document> LoadDocument(int64_t id) override;
  Status PutDerived(const std::vector<DerivedUpdate>& updates) override;
  Result<search::SearchResults> Search(const search::SearchRequest& request) override;
  Result<StoreCounts> Counts() override;
  Result<DocumentPage> ListDocuments(const DocumentFilter& filter) override;
  Result<StoredDocument> GetDocument(int64_t id) override;
  Result<std::vector<DocumentSummary>> ReportSources(int64_t id) override;
  Result<std::vector<RegionSummary>> ListRegions() override;
  Result<FindingPage> ListFindings(const FindingFilter& filter) override;
  Result<std::string> PartsText(int64_t id, report::PartKind kind) override;
  Result<std::vector<StoredFinding>> FindingsById(targets::FindingKind kind,
                                                  const std::vector<int64_t>& ids) override;
  Result<std::vector<std::string>> PlacesToTrack(int64_t tracking_version) override;
  Status PutPlaceVerdicts(const std::vector<PlaceVerdicts>& places,
                          int64_t tracking_version) override;
  Result<std::vector<StatusCount>> CountStatuses(const FindingFilter& filter) override;
  Result<std::vector<GroupCount>> CountFindings(const FindingFilter& filter, FindingGroup group,
                                                int max_groups) override;
  Result<int64_t> AddComment(int64_t document_id, const std::string& author,
                             const std::string& body) override;
  Result<CommentPage> ListComments(const CommentFilter& filter) override;
  Status SetCommentStatus(int64_t comment_id, CommentStatus status) override;
  Status DeleteComment(int64_t comment_id) override;
  Status RefreshStatistics() override;
  Status PutModerator(const std::string& name, const std::string& password_hash) override;
  Result<std::string> ModeratorPasswordHash(const std::string& name) override;
  Result<StoredFinding> FindingByKey(const std::string& key) override;
  Result<VerdictOverride> AddVerdictOverride(const VerdictOverride& entry) override;
  Result<std::vector<VerdictOverride>> VerdictOverrides(const std::string& key) override;
  Result<int64_t> CreateLedger(const LedgerRecord& ledger,
                               const std::vector<ducha::Task>& tasks) override;
  Result<std::vector<LedgerRecord>> ListLedgers() override;
  Result<LedgerRecord> GetLedger(int64_t id) override;
  Result<std::vector<ducha::LedgerRow>> LedgerRows(int64_t ledger_id) override;
  Result<ducha::Progress> AddProgress(const ducha::Progress& progress) override;
  Result<ducha::Task> ChangeTask(const ducha::TaskChange& change) override;
  Result<ducha::Task> AddTask(int64_t ledger_id, const ducha::Task& task,
                              const std::string& actor) override;
  Result<int> AssignTasks(int64_t ledger_id, const ducha::TaskRule& rule,
                          const ducha::TaskChange& fields) override;
  Result<ducha::Notice> IssueNotice(const ducha::Notice& notice) override;
  Result<ducha::Notice> ReplyToNotice(int64_t notice_id, const std::string& reply,
                                      const std::string& actor) override;
  Result<std::vector<ducha::Notice>> LedgerNotices(int64_t ledger_id) override;
  Result<std::vector<LedgerAuditEntry>> LedgerAudit(int64_t ledger_id) override;
  Result<std::vector<LedgerAuditEntry>> TaskAudit(int64_t task_id) override;
  Result<std::vector<ducha::Notice>> TaskNotices(int64_t task_id) override;
  Result<ducha::Milestone> AddMilestone(const ducha::Milestone& milestone) override;
  Result<std::vector<ducha::Milestone>> TaskMilestones(int64_t task_id) override;
  Result<ducha::Task> GetTask(int64_t task_id) override { return ReadLedgerTask(task_id); }
  Result<std::vector<ducha::Progress>> TaskProgress(int64_t task_id) override;
  Result<ducha::Notice> GetNotice(int64_t notice_id) override { return ReadNotice(notice_id); }
  Status PutAccount(const AccountRecord& record) override;
  Result<AccountRecord> GetAccount(const std::string& name) override;
  Status DisableAccount(const std::string& region_code, const std::string& name) override;
  Result<std::vector<ducha::Account>> ListAccounts(const std::string& region_code) override;
  Status AddUnit(const std::string& region_code, const std::string& name) override;
  Result<std::vector<std::string>> ListUnits(const std::string& region_code) override;
  Status SetPublicView(const std::string& region_code, bool shown,
                       const std::string& actor) override;
  Result<std::vector<std::string>> PublicViews() override;
  bool Healthy() const override { return db_.Healthy(); }
  Result<std::optional<std::string>> ReadShared(SharedKind kind, const std::string& key,
                                                SharedClock::time_point now) override;
  Status UpdateShared(SharedKind kind, const std::string& key, SharedClock::time_point now,
                      const SharedUpdate& update) override;

  // Binds a LIMIT parameter: `limit` rows, or no bound (-1 for SQLite,
  // NULL for PostgreSQL).
  void BindLimit(Statement* stmt, int index, std::optional<int64_t> limit) const;

  // The page of ids, scores and the total of a search (Search adds the
  // rest of each hit): through FTS5 on SQLite (sql_store_search.cc), through
  // the tsvectors on PostgreSQL (postgres_search.cc).
  Result<search::SearchResults> RankSqlite(const search::Query& query,
                                           const search::SearchRequest& request);
  Result<search::SearchResults> RankPostgres(const search::Query& query,
                                             const search::SearchRequest& request);

  // Turns on reading through a memory map (once per connection).
  Status MapForReading();

 private:
  // Counts by topic of the targets matching `filter` (its topic, strength
  // and years only) from the kept totals (schema step 12); nullopt when
  // they are not kept (emptied by a write since RefreshStatistics).
  Result<std::optional<std::vector<GroupCount>>> KeptTopicCounts(const FindingFilter& filter,
                                                                 int max_groups);
  // The statement for constant `sql` (never built from input), prepared on
  // first use and kept for the connection's life. Used by the reads, whose
  // statements most connections never need.
  Result<Statement*> Cached(const std::string& sql);
  // Appends one entry to a ledger's audit log (inside the caller's
  // transaction).
  Status Audit(const LedgerAuditEntry& entry);
  // Inserts task `t` (its ledger, number and parent set) and logs it as
  // `action`; sets its id. Inside the caller's transaction.
  Status InsertTask(ducha::Task* t, const std::string& actor, const std::string& at,
                    const std::string& action);
  // The notices whose `column` (t.ledger_id or n.task_id: constant, never
  // input) is `id`, oldest first, each with its latest reply.
  Result<std::vector<ducha::Notice>> ReadNotices(const char* column, int64_t id);
  // The audit entries whose `column` (ledger_id or task_id: constant, never
  // input) is `id`, oldest first.
  Result<std::vector<LedgerAuditEntry>> ReadAudit(const char* column, int64_t id);
  // The tasks of ledger `ledger_id` in order, without their progress.
  Result<std::vector<ducha::Task>> LedgerTasks(int64_t ledger_id);
  // Task `task_id` as stored; kNotFound when there is none.
  Result<ducha::Task> ReadLedgerTask(int64_t task_id);
  // Notice `notice_id` with its latest reply; kNotFound when there is none.
  Result<ducha::Notice> ReadNotice(int64_t notice_id);
  // Writes task `after` over `before` (its version as read) and logs the
  // `change` (its actor, note and check), inside the caller's transaction.
  Status SaveChange(const ducha::Task& before, const ducha::Task& after,
                    const ducha::TaskChange& change);
  // Loads the stored outline of document `id` into `report`.
  Status LoadOutline(int64_t id, report::Report* report);
  // Loads the targets, outcomes and commitments of document `id`.
  Status LoadExtraction(int64_t id, targets::Extraction* extraction);
  // The ids of the documents before and after `summary` at its place.
  Status LoadNeighbours(const DocumentSummary& summary, StoredDocument* out);
  // The other reports of the place, type and year of `summary`.
  // The other reports of the place and year of `summary`: those of its type
  // into StoredDocument::same_year, the others into related.
  Status LoadSameYear(const DocumentSummary& summary, StoredDocument* out);
  // The text hash of document `id` (FindingKey); unchanged when it has none.
  Status LoadTextHash(int64_t id, std::string* text_hash);
  // Every re-anchored key: old key → the key it moved to.
  Result<std::unordered_map<std::string, std::string>> KeyMoves();
  // Records the text hash of document `id`.
  Status PutTextHash(int64_t id, const std::string& text_hash);
  // Re-anchors the keys that overrides name in a document whose text hash
  // changed from `old_hash` to `new_hash` (see PutSourceFiles).
  Status ReanchorKeys(const std::string& old_hash, const std::string& new_hash,
                      const DocumentRecord& record);

  // On PostgreSQL, writes the full-text rows of document `id`
  // (document_passages, document_chars; postgres_text.h); nothing on SQLite,
  // whose FTS5 triggers index what is stored.
  Status IndexText(int64_t id, std::string_view title, std::string_view body);
  // Ends a write: regroups every stored document into reports (report
  // identity) inside `txn`, commits it, and records the regions it wrote as
  // stored.
  Status FinishWrite(Transaction* txn);
  // Writes one file's documents inside the open transaction (see
  // PutSourceFiles); `now` is the import time to record.
  Status PutSourceFile(const SourceFile& file, const std::string& now);
  // Binds the derived columns of `record` from parameter `first` on.
  void BindDerived(Statement* stmt, int first, const DocumentRecord& record);
  // Upserts the regions not yet written by this connection.
  Status PutRegions(const std::vector<RegionRecord>& regions);
  // Deletes a document's outline, targets, outcomes and commitments.
  Status DeleteDerivedRows(int64_t id);
  // Inserts the rows of document `id`: its outline, its blocks and notes,
  // its targets, outcomes and commitments.
  Status InsertOutline(int64_t id, const report::Report& report);
  Status InsertSourceRows(int64_t id, const report::Document& doc);
  Status InsertExtraction(int64_t id, const targets::Extraction& extraction);

  Database db_;
  std::unordered_map<std::string, Statement> cached_;
  // Region codes known to be stored, and those written by the open transaction.
  std::unordered_set<std::string> stored_regions_;
  std::unordered_set<std::string> pending_regions_;
  bool memory_mapped_ = false;  // whether MapForReading has turned on mmap
  // PostgreSQL's full-text rows (postgres_text.h); none on SQLite.
  std::optional<TextIndexWriter> text_index_;
  // When this connection last removed expired shared entries.
  SharedClock::time_point last_shared_purge_;

  Statement source_hashes_, file_documents_, insert_document_, update_document_, update_derived_,
      delete_document_, document_exists_;
  Statement delete_blocks_, delete_notes_, delete_parts_, delete_targets_, delete_outcomes_,
      delete_commitments_;
  Statement insert_block_, insert_emphasis_, insert_note_, insert_part_, insert_section_,
      insert_paragraph_, insert_target_, insert_outcome_, insert_commitment_, upsert_region_;
  Statement stale_documents_, load_document_, load_blocks_, load_emphasis_, load_notes_;
  Statement search_hit_, counts_;
};

}  // namespace mubiao::store

#endif  // MUBIAO_STORE_SQL_STORE_IMPL_H_
