// The store: where imported documents, their analysis and (later) their
// targets live, and where they are searched. One interface, implemented by
// a SQLite backend (sql_store.h) and meant to be implemented by a
// PostgreSQL backend with the same schema; the interface uses plain C++
// types only.
//
// A Store object is one connection: use it from one thread at a time. Many
// Store objects (threads, processes) may open the same database; writes are
// serialised by the backend.
#ifndef MUBIAO_STORE_STORE_H_
#define MUBIAO_STORE_STORE_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "ducha/access.h"
#include "ducha/ledger.h"
#include "regions/gazetteer.h"
#include "report/report.h"
#include "search/request.h"
#include "targets/target.h"
#include "text/fingerprint.h"

namespace mubiao::store {

// A supervision ledger (src/ducha) as stored: the tasks of one report.
struct LedgerRecord {
  int64_t id = 0;           // set by the store
  int64_t document_id = 0;  // the report the tasks were made from
  std::string region_code;  // of the government whose ledger it is
  int year = 0;             // the plan year
  std::string title;
  std::string created_at;  // ISO 8601 UTC, set by the store
  std::string created_by;
  int64_t tasks = 0;  // how many tasks it holds, when read
};

// One entry of a ledger's audit log: who changed what and when, with the
// thing as it was and as it became (ducha's JSON; "{}" for nothing).
struct LedgerAuditEntry {
  int64_t id = 0;
  int64_t ledger_id = 0;
  int64_t task_id = 0;  // 0 for the ledger itself
  std::string actor;
  std::string at;      // ISO 8601 UTC
  std::string action;  // create_ledger, create_task, progress
  std::string before;
  std::string after;
};

// A supervision account as stored, with its password hash (made by the
// portal: Argon2id; opaque to the store).
struct AccountRecord {
  ducha::Account account;
  std::string password_hash;
  std::string created_at;  // ISO 8601 UTC, set by the store
  // A disabled account's hash starts with '!' (as /etc/shadow marks a
  // locked account): no password matches it, and its sessions end.
  bool disabled() const { return password_hash.starts_with('!'); }
};

// A region as stored: one row of the regions table.
struct RegionRecord {
  std::string code;  // six digits
  std::string name;
  std::string short_name;
  regions::RegionLevel level = regions::RegionLevel::kNational;
  std::string parent_code;  // "" for the nation and provinces
  regions::GeoRegion geo = regions::GeoRegion::kNone;
};

// One analysed document, ready to be stored. Its derived data is the
// analysis in `report` (metadata, outline) and `extraction`; documents whose
// derived data comes from an older targets::kExtractorVersion can be found
// (DocumentsDerivedBefore) and re-derived from their stored text.
struct DocumentRecord {
  report::Report report;           // the document as imported (source) and its analysis (derived)
  targets::Extraction extraction;  // targets, outcomes and commitments of `report`
  // The document's region and its ancestors, outermost first; empty when
  // the region is unknown.
  std::vector<RegionRecord> regions;
  int extractor_version = targets::kExtractorVersion;  // of `report`'s analysis and `extraction`
  text::Fingerprint fingerprint;  // of the text, for report identity (report/identity.h)
};

// Builds the record of an analysed report: extracts its targets, outcomes
// and commitments, fingerprints its text, and takes the region chain from the gazetteer (from the
// metadata alone when the gazetteer lacks the code). Thread-safe.
DocumentRecord MakeDocumentRecord(report::Report report, const regions::Gazetteer& gazetteer);

// The documents one source file produced (one, or one per JSON Lines row).
struct SourceFile {
  std::string path;          // absolute path of the file
  std::string content_hash;  // ContentHash of the file's bytes
  std::vector<DocumentRecord> documents;
};

// A document whose derived data is to be replaced.
struct DerivedUpdate {
  int64_t id = 0;         // the stored document
  DocumentRecord record;  // new analysis of the stored document text
};

// Sizes of what is stored.
struct StoreCounts {
  int64_t reports = 0;     // reports: documents that are their report's primary source
  int64_t documents = 0;   // every stored document, the other sources of reports included
  int64_t text_bytes = 0;  // total UTF-8 bytes of document bodies
  int64_t regions = 0;
};

// What a listing shows of a stored document (everything but its text).
//
// Every stored document is a source of a report (report/identity.h): the
// Markdown file, the JSON Lines row and the .docx of one report are three
// documents of which one, the primary, stands for the report. Listings,
// search, findings, counts and tracking see primaries only.
struct DocumentSummary {
  int64_t id = 0;
  int64_t primary_id = 0;  // the report's primary when this is another source of it; else 0
  std::string title;       // display title (新郑市人民政府工作报告)
  report::DocType doc_type = report::DocType::kWorkReport;
  std::string government;
  std::string province;  // "" for national documents
  std::string locality;
  regions::RegionLevel level = regions::RegionLevel::kNational;
  std::string region_code;  // "" when the region is unknown
  regions::GeoRegion geo = regions::GeoRegion::kNone;
  int year = 0;
  std::string date;  // ISO date, "" when unknown
  std::string speaker;
  std::string speaker_title;
  std::string source_url;     // where the document was published, "" when unknown
  std::string source_path;    // the file imported (FILE#N for a JSON Lines row)
  std::string source_format;  // markdown, text, html, docx, pdf, jsonl
  std::string imported_at;    // ISO 8601 UTC time of the last (re)import
  int64_t targets = 0;        // number of targets extracted
  int64_t comments = 0;       // number of published comments
};

// Which documents a listing returns; empty or zero fields do not restrict.
struct DocumentFilter {
  search::SearchFilters filters;  // region (with everything under it), geo, level, type, years
  // Only documents whose own region is exactly this code (a place's page);
  // "" does not restrict.
  std::string exact_region_code;
  std::string source_path;  // only the documents imported from this path; "" does not restrict
  int offset = 0;           // documents to skip
  int limit = 50;           // documents to return, 1 ..= kMaxListLimit
};

// A page of documents, newest first (year, then date, then id, descending).
struct DocumentPage {
  int64_t total = 0;  // documents matching the filter, on all pages
  std::vector<DocumentSummary> documents;
};

// A stored document with its analysis, as the portal shows it.
struct StoredDocument {
  DocumentSummary summary;
  // The document (text, blocks, notes) and its stored analysis: metadata and
  // outline down to paragraphs (sentences are not stored: Paragraph::sentences
  // is empty).
  report::Report report;
  targets::Extraction extraction;  // in text order
  std::string text_hash;           // ContentHash of report.document.text (see FindingKey)
  // The reports of the same region and type just before and after this
  // one in time (上一篇/下一篇); 0 when there is none.
  int64_t previous_id = 0;
  int64_t next_id = 0;
  std::string previous_title;  // their display titles; "" when there is none
  std::string next_title;
  // Every source of this document's report, its primary first, then by id
  // (来源); one entry, this document, when the report has one source.
  std::vector<DocumentSummary> sources;
  // Other reports of the same place, type and year (a second report in a
  // year the government changed), by date.
  std::vector<DocumentSummary> same_year;
  // Reports of other types of the same place and year (the congress's
  // resolution on a work report, and the report it resolves on), by type.
  std::vector<DocumentSummary> related;
};

// A region with the documents stored for it.
struct RegionSummary {
  RegionRecord region;
  int64_t documents = 0;        // documents whose region is this one
  int64_t documents_under = 0;  // documents of this region and every region under it
  int year_min = 0;             // years of `documents_under`; 0 when none
  int year_max = 0;
};

// Which findings a query returns; empty or zero fields do not restrict.
struct FindingFilter {
  targets::FindingKind kind = targets::FindingKind::kTarget;
  search::SearchFilters
      filters;              // of the finding's document; year_min/max apply to the finding's year
  int64_t document_id = 0;  // only this document's findings
  // Only findings of documents whose own region is exactly this code; ""
  // does not restrict.
  std::string exact_region_code;
  bool unknown_region = false;  // only findings of documents of no known region
  std::string topic;            // exact topic (农业)
  std::string indicator;        // indicator containing this text (粮食)
  // Only findings of this strength (Strength::kNone: without a strength
  // word); nullopt does not restrict.
  std::optional<targets::Strength> strength;
  // Only targets and commitments whose stored verdict reads them as this
  // canonical indicator (StoredVerdict::indicator_id); "" does not restrict.
  // kInvalidInput for outcomes.
  std::string verdict_indicator;
  // Only targets and commitments whose stored verdict reads them as some
  // canonical indicator (a non-empty StoredVerdict::indicator_id).
  // kInvalidInput for outcomes.
  bool verdict_read = false;
  int offset = 0;
  int limit = 100;  // 0 = every match (for exports and tracking); else 1 ..= kMaxListLimit
  // ListFindings counts every match into FindingPage::total; false leaves
  // it -1 for a page (of a caller that counts them otherwise).
  bool count_total = true;
};

// A target's or commitment's verdict as tracking (src/tracking) derived
// it, stored so that readers need not derive it again. The store keeps what
// it filters on; `detail` is tracking's encoding of the rest.
struct StoredVerdict {
  targets::TargetStatus status = targets::TargetStatus::kUnverified;  // as derived
  std::string indicator_id;  // the canonical indicator, "" when unread
  int64_t outcome_id = 0;    // the outcome judged (its StoredFinding::id), 0 when none
  std::string detail;        // opaque to the store
};

// One stored finding with where it comes from.
struct StoredFinding {
  int64_t id = 0;  // row id (stable until the document is re-derived)
  int64_t document_id = 0;
  int ordinal = 0;  // 0-based position among its document's findings of its kind
  targets::Finding finding;
  std::string key;  // FindingKey: names it across re-imports, moves and machines
  std::string document_title;
  std::string source_path;  // of the document (FILE#N for a JSON Lines row)
  report::DocType doc_type = report::DocType::kWorkReport;
  std::string region_code;  // of the document, "" when unknown
  std::string locality;
  regions::RegionLevel level = regions::RegionLevel::kNational;
  regions::GeoRegion geo = regions::GeoRegion::kNone;
  int document_year = 0;
  std::string document_date;
  // A target's or commitment's stored verdict; absent for outcomes, and
  // for findings of places not tracked yet (Store::PlacesToTrack).
  std::optional<StoredVerdict> verdict;
};

// The verdict of one target or commitment, to store.
struct VerdictUpdate {
  targets::FindingKind kind = targets::FindingKind::kTarget;  // kTarget or kCommitment
  int64_t finding_id = 0;                                     // its StoredFinding::id
  StoredVerdict verdict;
};

// The verdicts of every target and commitment of one place, to store.
struct PlaceVerdicts {
  std::string region_code;  // the place's exact region; "" for documents of no known region
  std::vector<VerdictUpdate> verdicts;
};

// A page of findings, by document year (newest first), then document, then
// position in the text.
struct FindingPage {
  int64_t total = 0;  // every match (-1 when not counted: FindingFilter::count_total)
  std::vector<StoredFinding> findings;
};

// What findings can be counted by.
enum class FindingGroup { kTopic, kYear, kRegion, kIndicator };

// One group of a count: its key (topic, year, region code or indicator) and
// the number of findings in it.
struct GroupCount {
  std::string key;
  std::string label;  // the region's name for kRegion; else the key
  int64_t count = 0;
};

// How many targets (or commitments) of one year and topic have one stored
// status.
struct StatusCount {
  int year = 0;                                                       // the findings' year
  std::string topic;                                                  // "" for none
  targets::TargetStatus status = targets::TargetStatus::kUnverified;  // as stored
  int64_t count = 0;
};

// Moderation state of a comment.
enum class CommentStatus { kPending, kPublished, kRejected };

// "pending", "published", "rejected".
std::string_view CommentStatusName(CommentStatus status);
// The status named by CommentStatusName; nullopt for any other text.
std::optional<CommentStatus> ParseCommentStatus(std::string_view name);

// Short-lived state the portal's processes share through the store, so that
// any of them can answer any request: what one writes, every other reads.
enum class SharedKind {
  kCaptcha,         // a visitor's open 验证码 challenge
  kSession,         // a signed-in moderator's session
  kRateBucket,      // a client's token bucket of one rate limit
  kSignInFailures,  // failed sign-ins of a moderator name
  kSecret,          // a key every process signs with (form tokens)
  kGeneration,      // a counter bumped when cached pages must be dropped
  kDuchaSession,    // a signed-in supervision account's session (ducha/access.h)
};

// "captcha", "session", "rate", "sign_in", "secret", "generation",
// "ducha_session".
std::string_view SharedKindName(SharedKind kind);

// Wall-clock time: expiries must mean the same on every machine.
using SharedClock = std::chrono::system_clock;

// A shared value and when it stops being live.
struct SharedEntry {
  std::string value;
  SharedClock::time_point expires = SharedClock::time_point::max();  // max: never
};

// What UpdateShared does with an entry: given the live entry (nullopt when
// there is none or it has expired), the entry to keep (nullopt removes it).
using SharedUpdate =
    std::function<std::optional<SharedEntry>(const std::optional<SharedEntry>& live)>;

// A reader's comment on a document.
struct Comment {
  int64_t id = 0;
  int64_t document_id = 0;
  std::string author;      // name as given
  std::string body;        // text as given (never markup)
  std::string created_at;  // ISO 8601 UTC
  CommentStatus status = CommentStatus::kPending;
};

// Which comments a listing returns.
struct CommentFilter {
  int64_t document_id = 0;  // of this document only; 0 for every document
  CommentStatus status = CommentStatus::kPublished;
  bool newest_first = false;  // else oldest first (by time written, then id)
  int offset = 0;             // comments to skip
  int limit = 20;             // comments to return, 1 ..= kMaxListLimit
};

// A page of comments.
struct CommentPage {
  std::vector<Comment> comments;
  int64_t total = 0;  // comments matching the filter, offset and limit aside
};

// One entry of the append-only history of verdict overrides (tracking): a
// person changed the status of a target's verdict, and why.
struct VerdictOverride {
  int64_t id = 0;
  std::string target_key;  // FindingKey of the target when the entry was made
  // Where the target is now: target_key, or the key it was re-anchored to
  // after its document's text changed (set by the store on reading).
  std::string current_key;
  std::string quote;  // the target's text when the entry was made (for re-anchoring)
  targets::TargetStatus status_before = targets::TargetStatus::kUnverified;  // the status replaced
  targets::TargetStatus status_after = targets::TargetStatus::kUnverified;
  std::string author;      // who
  std::string reason;      // why
  std::string created_at;  // when, ISO 8601 UTC (set by the store)
};

// The key of a finding: "TEXTHASH:BEGIN-END", the ContentHash of its
// document's stored text and the byte span of the finding's text in it
// ("3f2a9c0d1e4b5a67:14694-14726"). It names the finding without row ids or
// file paths, so it survives re-derivation, moving the corpus and
// re-importing the same text; when a document's text changes, the store
// re-anchors the keys that overrides use (PutSourceFiles).
std::string FindingKey(std::string_view text_hash, text::Span span);

// Splits a FindingKey; false when `key` is not one.
bool ParseFindingKey(std::string_view key, std::string* text_hash, text::Span* span);

// The findings of an analysed report as the store would list them, with
// keys from its text: its targets, then commitments, then outcomes, each in
// text order. `document_id` is the id to give them (0 for a report not
// stored). Row ids and ordinals are 0.
std::vector<StoredFinding> StoredFindingsOf(const report::Report& report,
                                            const targets::Extraction& extraction,
                                            int64_t document_id);

// The findings of a stored document, the same way.
std::vector<StoredFinding> StoredFindingsOf(const StoredDocument& document);

// Bound on DocumentFilter::limit and FindingFilter::limit.
inline constexpr int kMaxListLimit = 1000;

// A database of documents.
class Store {
 public:
  virtual ~Store() = default;

  // The content hash of every source file with stored documents, by path.
  virtual Result<std::unordered_map<std::string, std::string>> SourceHashes() = 0;

  // Stores files in one transaction (all or nothing), and groups every
  // stored document into reports again (report/identity.h). A file whose path is
  // already stored replaces its documents: a document keeps its id when its
  // source path (file, or FILE#N) is the same, its source and derived data
  // are rewritten, and documents of the file that are no longer produced
  // are deleted. When a replaced document's text changed, every target key
  // that overrides name in it is re-anchored: to the finding of the new
  // text whose text is the override's quote (the occurrence nearest the old
  // offset); a key with no such finding stays as it is, orphaned (see
  // VerdictOverrides and FindingByKey). Errors: kIoError (disk, locks),
  // kInternal.
  virtual Status PutSourceFiles(const std::vector<SourceFile>& files) = 0;

  // Ids of documents whose derived data comes from an extractor version
  // below `extractor_version`, in id order.
  virtual Result<std::vector<int64_t>> DocumentsDerivedBefore(int extractor_version) = 0;

  // The stored document as the importer made it (text, blocks with emphasis,
  // notes, file metadata), ready to be analysed again. kNotFound for an
  // unknown id.
  virtual Result<report::Document> LoadDocument(int64_t id) = 0;

  // Replaces the derived data (metadata, outline, targets, outcomes,
  // commitments) of documents in one transaction, and groups every stored
  // document into reports again; their source data stays as it is. kNotFound when an id
  // is unknown (nothing is written then).
  virtual Status PutDerived(const std::vector<DerivedUpdate>& updates) = 0;

  // Runs a search. Errors: kInvalidInput for a malformed query or bad
  // filters, with a message for the user; kIoError for the database.
  virtual Result<search::SearchResults> Search(const search::SearchRequest& request) = 0;

  // How much is stored.
  virtual Result<StoreCounts> Counts() = 0;

  // Reports (primary sources) matching a filter, newest first; every
  // document imported from the path when DocumentFilter::source_path is
  // set. kInvalidInput for bad bounds or filters.
  virtual Result<DocumentPage> ListDocuments(const DocumentFilter& filter) = 0;

  // One document with its analysis and its neighbours. kNotFound for an
  // unknown id.
  virtual Result<StoredDocument> GetDocument(int64_t id) = 0;

  // Every source of the report document `id` belongs to, as
  // StoredDocument::sources. kNotFound for an unknown id.
  virtual Result<std::vector<DocumentSummary>> ReportSources(int64_t id) = 0;

  // Every stored region (the regions of documents and their ancestors) with
  // document counts, by code.
  virtual Result<std::vector<RegionSummary>> ListRegions() = 0;

  // Findings matching a filter. kInvalidInput for bad bounds or filters.
  virtual Result<FindingPage> ListFindings(const FindingFilter& filter) = 0;

  // The text of the parts of document `id` of kind `kind` (a work report's
  // review, say), in text order, each followed by a line break; "" when it
  // has none.
  virtual Result<std::string> PartsText(int64_t id, report::PartKind kind) = 0;

  // The findings of `kind` with the row ids `ids` (StoredFinding::id), in
  // that order; ids of no stored finding are left out.
  virtual Result<std::vector<StoredFinding>> FindingsById(targets::FindingKind kind,
                                                          const std::vector<int64_t>& ids) = 0;

  // The places (exact region codes; "" for the documents of no known
  // region, which are one place) whose stored verdicts are missing or
  // stale: a document of theirs was stored, re-derived, regrouped or deleted
  // since PutPlaceVerdicts stored them, or they were stored by a tracking
  // version other than `tracking_version`. In code order.
  virtual Result<std::vector<std::string>> PlacesToTrack(int64_t tracking_version) = 0;

  // Replaces, in one transaction, the stored verdicts of every target and
  // commitment of the documents of each place with its `verdicts`, and
  // records the places as tracked by `tracking_version`. kInvalidInput for
  // an update of an outcome (nothing is written then).
  virtual Status PutPlaceVerdicts(const std::vector<PlaceVerdicts>& places,
                                  int64_t tracking_version) = 0;

  // Updates what the database's query planner knows of the data's shape
  // (SQLite's ANALYZE), so that listings take their best index, and counts
  // the targets by topic, strength and year for CountFindings: run after a large
  // import or re-derivation. Reads are correct without it, only slower.
  virtual Status RefreshStatistics() = 0;

  // Counts of the findings matching a filter (offset and limit ignored) by
  // group, largest first; at most `max_groups` groups (0 = all).
  virtual Result<std::vector<GroupCount>> CountFindings(const FindingFilter& filter,
                                                        FindingGroup group, int max_groups) = 0;

  // Counts of the targets or commitments (filter.kind) matching a filter
  // (offset and limit ignored) by their year, topic and stored verdict's
  // status (overrides not applied); those without a stored verdict are not
  // counted. By year, topic and status. kInvalidInput for outcomes.
  virtual Result<std::vector<StatusCount>> CountStatuses(const FindingFilter& filter) = 0;

  // Adds a comment, pending moderation, and returns its id. kNotFound for an
  // unknown document.
  virtual Result<int64_t> AddComment(int64_t document_id, const std::string& author,
                                     const std::string& body) = 0;

  // A page of the comments matching a filter (a document's published
  // comments; the moderation queue) and how many match in all. kInvalidInput
  // for bad bounds.
  virtual Result<CommentPage> ListComments(const CommentFilter& filter) = 0;

  // Sets a comment's status. kNotFound for an unknown id.
  virtual Status SetCommentStatus(int64_t comment_id, CommentStatus status) = 0;

  // Deletes a comment. kNotFound for an unknown id.
  virtual Status DeleteComment(int64_t comment_id) = 0;

  // Creates a moderator account, or replaces its password hash. The hash is
  // opaque to the store (the portal makes it, e.g. Argon2id).
  virtual Status PutModerator(const std::string& name, const std::string& password_hash) = 0;

  // The password hash of a moderator. kNotFound for an unknown name.
  virtual Result<std::string> ModeratorPasswordHash(const std::string& name) = 0;

  // False once the store's connection is lost (a database server restarted
  // or went away): a pool drops such a store and opens a new one. Always
  // true for SQLite.
  virtual bool Healthy() const = 0;

  // The live value of the shared entry (kind, key) at `now`; nullopt when
  // there is none or it has expired.
  virtual Result<std::optional<std::string>> ReadShared(SharedKind kind, const std::string& key,
                                                        SharedClock::time_point now) = 0;

  // Reads and rewrites the shared entry (kind, key) as one step: no other
  // connection, of this process or another, changes it in between. Expired
  // entries of every key are removed now and then. `update` may run more
  // than once when the backend retries.
  virtual Status UpdateShared(SharedKind kind, const std::string& key, SharedClock::time_point now,
                              const SharedUpdate& update) = 0;

  // The stored finding (target, commitment or outcome) named by a
  // FindingKey. kNotFound when no stored document has that text or none of
  // its findings that span; kInvalidInput when `key` is not a key.
  virtual Result<StoredFinding> FindingByKey(const std::string& key) = 0;

  // Stores a new ledger with its tasks (numbered 1, 2, … in the order
  // given where they have no number) and returns its id; the creation of
  // the ledger and of each task goes to the audit log as `ledger.created_by`.
  // kInvalidInput without a title, a creator or a plan year.
  virtual Result<int64_t> CreateLedger(const LedgerRecord& ledger,
                                       const std::vector<ducha::Task>& tasks) = 0;

  // Every ledger, newest first, with its number of tasks.
  virtual Result<std::vector<LedgerRecord>> ListLedgers() = 0;

  // One ledger with its number of tasks. kNotFound for an unknown id.
  virtual Result<LedgerRecord> GetLedger(int64_t id) = 0;

  // The tasks of a ledger in their order, each with its latest progress
  // (by date, then as filed) and its milestones in force. kNotFound for an
  // unknown ledger.
  virtual Result<std::vector<ducha::LedgerRow>> LedgerRows(int64_t ledger_id) = 0;

  // Files a progress report on its task (ducha::ValidateProgress against
  // the task and the ledger's year first) and returns it as stored (id and
  // created_at set); the audit log gets the task's latest progress before
  // and this one after. kNotFound for an unknown task; kInvalidInput (in
  // Chinese) for progress the ledger cannot take.
  virtual Result<ducha::Progress> AddProgress(const ducha::Progress& progress) = 0;

  // Changes one task (its units, leader or status, ducha::ApplyChange) as
  // of the version the person read, and logs the change with its note.
  // kConflict (in Chinese) when the task changed since that version: the
  // later save sees the conflict and overwrites nothing; kNotFound for an
  // unknown task; kInvalidInput (in Chinese) for a change the procedure
  // does not allow.
  virtual Result<ducha::Task> ChangeTask(const ducha::TaskChange& change) = 0;

  // Adds a task the report does not hold (its finding_key ""), or splits
  // one: a task with `task.parent_id` set is that task's sub-task, numbered
  // after it (12.1, 12.2…) and in its section unless it has one; another is
  // numbered after the ledger's last. Logged; returned as stored.
  // kInvalidInput (in Chinese) without text or due before the ledger's
  // year; kNotFound for an unknown ledger or a parent not in it.
  virtual Result<ducha::Task> AddTask(int64_t ledger_id, const ducha::Task& task,
                                      const std::string& actor) = 0;

  // Sets the units and leader of `fields` on every task of the ledger that
  // `rule` takes (closed and withdrawn tasks are left), each change logged,
  // all in one transaction; returns how many were assigned. kInvalidInput
  // when `fields` changes a status.
  virtual Result<int> AssignTasks(int64_t ledger_id, const ducha::TaskRule& rule,
                                  const ducha::TaskChange& fields) = 0;

  // Issues a supervision notice (督办单) on a task that is neither closed
  // nor withdrawn, and logs it; returns it as stored. kInvalidInput (in
  // Chinese) without a reason or on a closed or withdrawn task; kNotFound
  // for an unknown task.
  virtual Result<ducha::Notice> IssueNotice(const ducha::Notice& notice) = 0;

  // Files the unit's reply to a notice (a later reply supersedes it; every
  // one is kept) and logs it; returns the notice with its reply.
  // kInvalidInput (in Chinese) for an empty reply; kNotFound for an unknown
  // notice.
  virtual Result<ducha::Notice> ReplyToNotice(int64_t notice_id, const std::string& reply,
                                              const std::string& actor) = 0;

  // A ledger's notices, oldest first, each with its latest reply.
  virtual Result<std::vector<ducha::Notice>> LedgerNotices(int64_t ledger_id) = 0;

  // One task's notices, oldest first, each with its latest reply.
  virtual Result<std::vector<ducha::Notice>> TaskNotices(int64_t task_id) = 0;

  // A ledger's audit log, oldest first.
  virtual Result<std::vector<LedgerAuditEntry>> LedgerAudit(int64_t ledger_id) = 0;

  // One task as stored. kNotFound for an unknown id.
  virtual Result<ducha::Task> GetTask(int64_t task_id) = 0;

  // Every progress report on a task, by date then as filed.
  virtual Result<std::vector<ducha::Progress>> TaskProgress(int64_t task_id) = 0;

  // One notice with its latest reply. kNotFound for an unknown id.
  virtual Result<ducha::Notice> GetNotice(int64_t notice_id) = 0;

  // Sets a milestone on a task (ducha::ValidateMilestone against the task
  // and the ledger's year first) and logs it; returns it as stored. A later
  // milestone of the same date supersedes the earlier (both kept).
  // kNotFound for an unknown task; kInvalidInput (in Chinese) for one the
  // task cannot take.
  virtual Result<ducha::Milestone> AddMilestone(const ducha::Milestone& milestone) = 0;

  // A task's milestones in force, by date (the superseded left out).
  virtual Result<std::vector<ducha::Milestone>> TaskMilestones(int64_t task_id) = 0;

  // One task's audit log, oldest first (the task's page shows its history
  // without reading the whole ledger's).
  virtual Result<std::vector<LedgerAuditEntry>> TaskAudit(int64_t task_id) = 0;

  // Creates a supervision account, or replaces the role, unit and password
  // hash of the account of that name and government. kInvalidInput (in
  // Chinese) for an account ducha::ValidateAccount refuses, an empty hash,
  // or a name another government's account has.
  virtual Status PutAccount(const AccountRecord& record) = 0;

  // The account of that name with its hash. kNotFound for an unknown name.
  virtual Result<AccountRecord> GetAccount(const std::string& name) = 0;

  // Disables the account `name` of government `region_code` (DisableAccount
  // twice is once); a new password (PutAccount) enables it again.
  // kNotFound (in Chinese) when that government has no such account.
  virtual Status DisableAccount(const std::string& region_code, const std::string& name) = 0;

  // The accounts of a government, by name (without their hashes).
  virtual Result<std::vector<ducha::Account>> ListAccounts(const std::string& region_code) = 0;

  // Adds a unit to a government's list (nothing when it is there already).
  // kInvalidInput (in Chinese) for a name ducha::ValidateUnitName refuses.
  virtual Status AddUnit(const std::string& region_code, const std::string& name) = 0;

  // A government's units, by name.
  virtual Result<std::vector<std::string>> ListUnits(const std::string& region_code) = 0;

  // Shows or hides a government's tasks to the public (off until set).
  virtual Status SetPublicView(const std::string& region_code, bool shown,
                               const std::string& actor) = 0;

  // The governments whose tasks are shown to the public, by code.
  virtual Result<std::vector<std::string>> PublicViews() = 0;

  // Appends an override to the history and returns it as stored (id, time
  // and current_key set).
  virtual Result<VerdictOverride> AddVerdictOverride(const VerdictOverride& entry) = 0;

  // The override history, oldest first: of the target now named `key` (its
  // entries made under earlier keys included), or of all when `key` is
  // empty. Each entry's current_key is set.
  virtual Result<std::vector<VerdictOverride>> VerdictOverrides(const std::string& key) = 0;
};

// A supervision ledger of a stored work report, ready for CreateLedger:
// one task per target and commitment in the report's order
// (ducha::TaskFromFinding, each keyed by its FindingKey), titled `title`
// or "<the report's title>重点任务台账". kInvalidInput for a document that is
// not a work report.
struct NewLedger {
  LedgerRecord ledger;
  std::vector<ducha::Task> tasks;
};
Result<NewLedger> LedgerOfReport(const StoredDocument& doc, std::string title,
                                 std::string created_by);

// The content hash of a file: 64-bit FNV-1a of its bytes as 16 lower-case
// hex digits.
std::string ContentHash(std::string_view bytes);

}  // namespace mubiao::store

#endif  // MUBIAO_STORE_STORE_H_
