#include "store/sql_store.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <optional>
#include <unordered_set>

#include "store/columns.h"
#include "store/fts5_tokenizer.h"
#include "store/postgres_text.h"
#include "store/schema.h"
#include "store/sql.h"
#include "store/sql_store_identity.h"
#include "store/sql_store_impl.h"

namespace mubiao::store {
namespace {

using report::BlockKind;
using report::Document;
using report::SourceFormat;

// How long a connection waits for another writer before giving up.
constexpr int kBusyTimeoutMs = 30000;

// Binds a span to parameters `index` and `index` + 1.
void BindSpan(Statement* stmt, int index, text::Span span) {
  stmt->BindInt(index, static_cast<int64_t>(span.begin));
  stmt->BindInt(index + 1, static_cast<int64_t>(span.end));
}

// BindSpan, or NULLs when the span is empty (no heading, no lead).
void BindSpanOrNull(Statement* stmt, int index, text::Span span) {
  if (span.empty()) {
    stmt->BindNull(index);
    stmt->BindNull(index + 1);
  } else {
    BindSpan(stmt, index, span);
  }
}

// Binds the document id to parameter 1 and an outline position (part, then
// section, then paragraph index) to the parameters after it.
void BindOutlinePosition(Statement* stmt, int64_t id, std::initializer_list<size_t> position) {
  stmt->BindInt(1, id);
  int column = 2;
  for (size_t index : position) stmt->BindInt(column++, static_cast<int64_t>(index));
}

// Columns shared by INSERT and UPDATE of a document, in this order.
constexpr char kSourceColumns[] =
    "source_file, source_path, content_hash, source_format, encoding, file_title, file_url, "
    "file_year, body, imported_at";
constexpr char kDerivedColumns[] =
    "doc_type, title, government, province, locality, level, region_code, geo, year, date, "
    "speaker, speaker_title, source_url, extractor_version, fingerprint";
constexpr int kSourceColumnCount = 10;
constexpr int kDerivedColumnCount = 15;

// "a = ?N, b = ?N+1, ..." for the comma-separated `columns`.
std::string Assignments(std::string_view columns, int first) {
  std::string out;
  size_t pos = 0;
  int index = first;
  while (pos < columns.size()) {
    size_t comma = columns.find(',', pos);
    if (comma == std::string_view::npos) comma = columns.size();
    std::string_view name = columns.substr(pos, comma - pos);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    if (!out.empty()) out += ", ";
    out += std::string(name) + " = ?" + std::to_string(index++);
    pos = comma + 1;
  }
  return out;
}

// "?N, ?N+1, ..." for `count` parameters.
std::string Placeholders(int first, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += (i > 0 ? ", ?" : "?") + std::to_string(first + i);
  return out;
}

// Runs PRAGMA quick_check; kIoError naming the first problem it finds.
Status QuickCheck(Database* db) {
  Result<Statement> check = Statement::Prepare(db, "PRAGMA quick_check(1)");
  if (!check.ok()) return check.status();
  Result<bool> row = check->Step();
  if (!row.ok()) return row.status();
  const std::string result = *row ? check->ColumnText(0) : "no result";
  if (result == "ok") return Status::Ok();
  // "*** in database main ***\nPage 12: ..." on one line, without the header.
  std::string problem = result.substr(result.find_last_of('\n') + 1);
  return IoError("damaged database file (quick_check: " + problem + ")");
}

}  // namespace

std::string NowUtc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::string ByteLength(Dialect dialect, std::string_view column) {
  return dialect == Dialect::kSqlite ? "length(CAST(" + std::string(column) + " AS BLOB))"
                                     : "octet_length(" + std::string(column) + ")";
}

std::string ByteSubstring(Dialect dialect, std::string_view column, std::string_view begin,
                          std::string_view length) {
  const std::string from = "(" + std::string(begin) + ") + 1";
  if (dialect == Dialect::kSqlite) {
    return "CAST(substr(CAST(" + std::string(column) + " AS BLOB), " + from + ", " +
           std::string(length) + ") AS TEXT)";
  }
  return "convert_from(substring(convert_to(" + std::string(column) + ", 'UTF8') FROM CAST(" +
         from + " AS INTEGER) FOR CAST(" + std::string(length) + " AS INTEGER)), 'UTF8')";
}

std::string Contains(Dialect dialect, std::string_view haystack, std::string_view needle) {
  return std::string(dialect == Dialect::kSqlite ? "instr(" : "strpos(") + std::string(haystack) +
         ", " + std::string(needle) + ") > 0";
}

Status SqlStore::Prepare() {
  struct Entry {
    Statement* stmt;
    std::string sql;
  };
  const std::string source(kSourceColumns);
  const std::string derived(kDerivedColumns);
  const bool postgres = db_.dialect() == Dialect::kPostgres;
  const Entry entries[] = {
      {&source_hashes_, "SELECT DISTINCT source_file, content_hash FROM documents"},
      {&file_documents_, "SELECT id, source_path FROM documents WHERE source_file = ?1"},
      {&insert_document_, "INSERT INTO documents (" + source + ", " + derived + ") VALUES (" +
                              Placeholders(1, kSourceColumnCount + kDerivedColumnCount) +
                              ") RETURNING id"},
      {&update_document_, "UPDATE documents SET " + Assignments(source, 1) + ", " +
                              Assignments(derived, kSourceColumnCount + 1) + " WHERE id = ?" +
                              std::to_string(kSourceColumnCount + kDerivedColumnCount + 1)},
      {&update_derived_, "UPDATE documents SET " + Assignments(derived, 1) + " WHERE id = ?" +
                             std::to_string(kDerivedColumnCount + 1)},
      {&delete_document_, "DELETE FROM documents WHERE id = ?1"},
      {&document_exists_, "SELECT 1 FROM documents WHERE id = ?1"},
      {&delete_blocks_, "DELETE FROM blocks WHERE document_id = ?1"},
      {&delete_notes_, "DELETE FROM document_notes WHERE document_id = ?1"},
      {&delete_parts_, "DELETE FROM parts WHERE document_id = ?1"},
      {&delete_targets_, "DELETE FROM targets WHERE document_id = ?1"},
      {&delete_outcomes_, "DELETE FROM outcomes WHERE document_id = ?1"},
      {&delete_commitments_, "DELETE FROM commitments WHERE document_id = ?1"},
      {&insert_block_,
       "INSERT INTO blocks (document_id, block_no, kind, level, span_begin, span_end)"
       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
      {&insert_emphasis_,
       "INSERT INTO emphasis (document_id, block_no, emphasis_no, span_begin, span_end)"
       " VALUES (?1, ?2, ?3, ?4, ?5)"},
      {&insert_note_,
       "INSERT INTO document_notes (document_id, note_no, text) VALUES (?1, ?2, ?3)"},
      {&insert_part_,
       "INSERT INTO parts (document_id, part_no, kind, multi_year, label, heading_begin,"
       " heading_end, span_begin, span_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
      {&insert_section_,
       "INSERT INTO sections (document_id, part_no, section_no, label, heading_begin,"
       " heading_end, span_begin, span_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
      {&insert_paragraph_,
       "INSERT INTO paragraphs (document_id, part_no, section_no, paragraph_no, span_begin,"
       " span_end, lead_begin, lead_end, item_label_begin, item_label_end)"
       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"},
      // On PostgreSQL, with the indicator's word tokens (postgres_text.h).
      {&insert_target_,
       std::string(
           "INSERT INTO targets (document_id, target_no, year, text, text_begin, text_end,"
           " sentence, sentence_begin, sentence_end, section, indicator, value, value_max, unit,"
           " cmp, change, strength, deadline, topic, average") +
           (postgres ? ", indicator_words" : "") +
           ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
           " ?17, ?18, ?19, ?20" +
           (postgres ? ", ?21::tsvector" : "") + ")"},
      {&insert_outcome_,
       "INSERT INTO outcomes (document_id, outcome_no, year, text, text_begin, text_end, sentence,"
       " sentence_begin, sentence_end, section, indicator, value, value_max, unit, cmp, change,"
       " strength, deadline, topic, average) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
       " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)"},
      {&insert_commitment_,
       "INSERT INTO commitments (document_id, commitment_no, year, text, text_begin, text_end,"
       " sentence, sentence_begin, sentence_end, section, indicator, strength, deadline, topic)"
       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"},
      {&upsert_region_,
       "INSERT INTO regions (code, name, short_name, level, parent_code, geo)"
       " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (code) DO UPDATE SET"
       " name = excluded.name, short_name = excluded.short_name, level = excluded.level,"
       " parent_code = excluded.parent_code, geo = excluded.geo"},
      {&stale_documents_, "SELECT id FROM documents WHERE extractor_version < ?1 ORDER BY id"},
      {&load_document_,
       "SELECT source_path, source_format, encoding, body, file_title, file_url, file_year"
       " FROM documents WHERE id = ?1"},
      {&load_blocks_,
       "SELECT kind, level, span_begin, span_end FROM blocks WHERE document_id = ?1"
       " ORDER BY block_no"},
      {&load_emphasis_,
       "SELECT block_no, span_begin, span_end FROM emphasis WHERE document_id = ?1"
       " ORDER BY block_no, emphasis_no"},
      {&load_notes_, "SELECT text FROM document_notes WHERE document_id = ?1 ORDER BY note_no"},
      {&search_hit_,
       "SELECT title, doc_type, region_code, locality, level, geo, year, date, source_path,"
       " body FROM documents WHERE id = ?1"},
      {&counts_, "SELECT (SELECT count(*) FROM documents), (SELECT coalesce(sum(" +
                     ByteLength(db_.dialect(), "body") +
                     "), 0) FROM documents), (SELECT count(*) FROM regions),"
                     " (SELECT count(*) FROM documents WHERE primary_id IS NULL)"},
  };
  for (const Entry& entry : entries) {
    Result<Statement> stmt = Statement::Prepare(&db_, entry.sql);
    if (!stmt.ok()) return stmt.status();
    *entry.stmt = std::move(stmt).value();
  }
  if (postgres) {
    Result<TextIndexWriter> writer = TextIndexWriter::Prepare(&db_);
    if (!writer.ok()) return writer.status();
    text_index_.emplace(std::move(*writer));
  }
  return Status::Ok();
}

Result<std::unordered_map<std::string, std::string>> SqlStore::SourceHashes() {
  std::unordered_map<std::string, std::string> hashes;
  Status ran = ForEachRow(&source_hashes_, [&](const Statement& row) {
    hashes[row.ColumnText(0)] = row.ColumnText(1);
  });
  if (!ran.ok()) return ran;
  return hashes;
}

void SqlStore::BindDerived(Statement* stmt, int first, const DocumentRecord& record) {
  const report::ReportMetadata& m = record.report.metadata;
  int i = first;
  stmt->BindText(i++, report::DocTypeKey(m.type));
  stmt->BindText(i++, m.title);
  stmt->BindText(i++, m.government);
  stmt->BindText(i++, m.province);
  stmt->BindText(i++, m.locality);
  stmt->BindText(i++, regions::RegionLevelName(m.level));
  stmt->BindTextOrNull(i++, m.region_code);
  stmt->BindText(i++, regions::GeoRegionSlug(m.geo));
  stmt->BindInt(i++, m.year);
  stmt->BindText(i++, m.date);
  stmt->BindText(i++, m.speaker);
  stmt->BindText(i++, m.speaker_title);
  stmt->BindText(i++, m.source_url);
  stmt->BindInt(i++, record.extractor_version);
  stmt->BindBlob(i++, text::EncodeFingerprint(record.fingerprint));
}

Status SqlStore::PutRegions(const std::vector<RegionRecord>& regions) {
  for (const RegionRecord& region : regions) {
    if (stored_regions_.count(region.code) || pending_regions_.count(region.code)) continue;
    upsert_region_.BindText(1, region.code);
    upsert_region_.BindText(2, region.name);
    upsert_region_.BindText(3, region.short_name);
    upsert_region_.BindText(4, regions::RegionLevelName(region.level));
    upsert_region_.BindTextOrNull(5, region.parent_code);
    upsert_region_.BindText(6, regions::GeoRegionSlug(region.geo));
    Status ran = upsert_region_.Run();
    if (!ran.ok()) return ran;
    pending_regions_.insert(region.code);
  }
  return Status::Ok();
}

Status SqlStore::DeleteDerivedRows(int64_t id) {
  for (Statement* stmt :
       {&delete_parts_, &delete_targets_, &delete_outcomes_, &delete_commitments_}) {
    stmt->BindInt(1, id);
    Status ran = stmt->Run();
    if (!ran.ok()) return ran;
  }
  return Status::Ok();
}

Status SqlStore::InsertSourceRows(int64_t id, const Document& doc) {
  for (size_t b = 0; b < doc.blocks.size(); ++b) {
    const report::Block& block = doc.blocks[b];
    insert_block_.BindInt(1, id);
    insert_block_.BindInt(2, static_cast<int64_t>(b));
    insert_block_.BindText(3, report::BlockKindName(block.kind));
    insert_block_.BindInt(4, block.level);
    insert_block_.BindInt(5, static_cast<int64_t>(block.span.begin));
    insert_block_.BindInt(6, static_cast<int64_t>(block.span.end));
    Status ran = insert_block_.Run();
    if (!ran.ok()) return ran;
    for (size_t e = 0; e < block.emphasis.size(); ++e) {
      insert_emphasis_.BindInt(1, id);
      insert_emphasis_.BindInt(2, static_cast<int64_t>(b));
      insert_emphasis_.BindInt(3, static_cast<int64_t>(e));
      insert_emphasis_.BindInt(4, static_cast<int64_t>(block.emphasis[e].begin));
      insert_emphasis_.BindInt(5, static_cast<int64_t>(block.emphasis[e].end));
      ran = insert_emphasis_.Run();
      if (!ran.ok()) return ran;
    }
  }
  for (size_t n = 0; n < doc.notes.size(); ++n) {
    insert_note_.BindInt(1, id);
    insert_note_.BindInt(2, static_cast<int64_t>(n));
    insert_note_.BindText(3, doc.notes[n]);
    Status ran = insert_note_.Run();
    if (!ran.ok()) return ran;
  }
  return Status::Ok();
}

Status SqlStore::InsertOutline(int64_t id, const report::Report& report) {
  for (size_t p = 0; p < report.parts.size(); ++p) {
    const report::Part& part = report.parts[p];
    BindOutlinePosition(&insert_part_, id, {p});
    insert_part_.BindText(3, report::PartKindName(part.kind));
    insert_part_.BindInt(4, part.multi_year ? 1 : 0);
    insert_part_.BindText(5, part.label);
    BindSpanOrNull(&insert_part_, 6, part.heading);
    BindSpan(&insert_part_, 8, part.span);
    Status ran = insert_part_.Run();
    if (!ran.ok()) return ran;
    for (size_t s = 0; s < part.sections.size(); ++s) {
      const report::Section& section = part.sections[s];
      BindOutlinePosition(&insert_section_, id, {p, s});
      insert_section_.BindText(4, section.label);
      BindSpanOrNull(&insert_section_, 5, section.heading);
      BindSpan(&insert_section_, 7, section.span);
      ran = insert_section_.Run();
      if (!ran.ok()) return ran;
      for (size_t g = 0; g < section.paragraphs.size(); ++g) {
        const report::Paragraph& paragraph = section.paragraphs[g];
        BindOutlinePosition(&insert_paragraph_, id, {p, s, g});
        BindSpan(&insert_paragraph_, 5, paragraph.span);
        BindSpanOrNull(&insert_paragraph_, 7, paragraph.lead);
        BindSpanOrNull(&insert_paragraph_, 9, paragraph.item_label);
        ran = insert_paragraph_.Run();
        if (!ran.ok()) return ran;
      }
    }
  }
  return Status::Ok();
}

Status SqlStore::InsertExtraction(int64_t id, const targets::Extraction& extraction) {
  // Columns 1 to 11, shared by the three tables.
  auto bind_common = [&](Statement* stmt, size_t no, const targets::Finding& f) {
    stmt->BindInt(1, id);
    stmt->BindInt(2, static_cast<int64_t>(no));
    stmt->BindInt(3, f.year);
    stmt->BindText(4, f.text);
    stmt->BindInt(5, static_cast<int64_t>(f.span.begin));
    stmt->BindInt(6, static_cast<int64_t>(f.span.end));
    stmt->BindText(7, f.sentence);
    stmt->BindInt(8, static_cast<int64_t>(f.sentence_span.begin));
    stmt->BindInt(9, static_cast<int64_t>(f.sentence_span.end));
    stmt->BindText(10, f.section);
    stmt->BindText(11, f.indicator);
  };
  for (auto [stmt, findings] : {std::pair{&insert_target_, &extraction.targets},
                                std::pair{&insert_outcome_, &extraction.outcomes}}) {
    for (size_t i = 0; i < findings->size(); ++i) {
      const targets::Finding& f = (*findings)[i];
      bind_common(stmt, i, f);
      stmt->BindDoubleOrNull(12, f.value);
      stmt->BindDoubleOrNull(13, f.value_max);
      stmt->BindText(14, f.unit);
      stmt->BindTextOrNull(15, quantity::ComparatorSymbol(f.cmp));
      stmt->BindTextOrNull(16, targets::ChangeName(f.change));
      stmt->BindTextOrNull(17, targets::StrengthName(f.strength));
      stmt->BindTextOrNull(18, f.deadline);
      stmt->BindTextOrNull(19, f.topic);
      stmt->BindInt(20, f.average ? 1 : 0);
      if (stmt == &insert_target_ && db_.dialect() == Dialect::kPostgres) {
        stmt->BindText(21, WordVector(f.indicator));
      }
      Status ran = stmt->Run();
      if (!ran.ok()) return ran;
    }
  }
  for (size_t i = 0; i < extraction.commitments.size(); ++i) {
    const targets::Finding& f = extraction.commitments[i];
    bind_common(&insert_commitment_, i, f);
    insert_commitment_.BindTextOrNull(12, targets::StrengthName(f.strength));
    insert_commitment_.BindTextOrNull(13, f.deadline);
    insert_commitment_.BindTextOrNull(14, f.topic);
    Status ran = insert_commitment_.Run();
    if (!ran.ok()) return ran;
  }
  return Status::Ok();
}

Status SqlStore::PutSourceFile(const SourceFile& file, const std::string& now) {
  // The file's documents as stored now, by source path.
  std::unordered_map<std::string, int64_t> existing;
  file_documents_.BindText(1, file.path);
  Status listed = ForEachRow(&file_documents_, [&](const Statement& row) {
    existing[row.ColumnText(1)] = row.ColumnInt(0);
  });
  if (!listed.ok()) return listed;

  for (const DocumentRecord& record : file.documents) {
    const Document& doc = record.report.document;
    Status ran = PutRegions(record.regions);
    if (!ran.ok()) return ran;
    auto it = existing.find(doc.path);
    const bool replace = it != existing.end();
    Statement* stmt = replace ? &update_document_ : &insert_document_;
    stmt->BindText(1, file.path);
    stmt->BindText(2, doc.path);
    stmt->BindText(3, file.content_hash);
    stmt->BindText(4, report::SourceFormatName(doc.format));
    stmt->BindText(5, doc.encoding);
    stmt->BindText(6, doc.title);
    stmt->BindText(7, doc.source_url);
    stmt->BindIntOrNull(8, doc.year);
    stmt->BindText(9, doc.text);
    stmt->BindText(10, now);
    BindDerived(stmt, kSourceColumnCount + 1, record);
    int64_t id = 0;
    std::string old_hash;
    if (replace) {
      id = it->second;
      ran = LoadTextHash(id, &old_hash);
      if (!ran.ok()) return ran;
      existing.erase(it);
      stmt->BindInt(kSourceColumnCount + kDerivedColumnCount + 1, id);
      ran = stmt->Run();
      if (!ran.ok()) return ran;
      for (Statement* del : {&delete_blocks_, &delete_notes_}) {
        del->BindInt(1, id);
        ran = del->Run();
        if (!ran.ok()) return ran;
      }
      ran = DeleteDerivedRows(id);
      if (!ran.ok()) return ran;
    } else {
      ran = ForEachRow(stmt, [&](const Statement& row) { id = row.ColumnInt(0); });
      if (!ran.ok()) return ran;
    }
    ran = InsertSourceRows(id, doc);
    if (ran.ok()) ran = IndexText(id, record.report.metadata.title, doc.text);
    if (!ran.ok()) return ran;
    ran = InsertOutline(id, record.report);
    if (!ran.ok()) return ran;
    ran = InsertExtraction(id, record.extraction);
    if (!ran.ok()) return ran;
    const std::string new_hash = ContentHash(doc.text);
    ran = PutTextHash(id, new_hash);
    if (ran.ok() && !old_hash.empty() && old_hash != new_hash) {
      ran = ReanchorKeys(old_hash, new_hash, record);
    }
    if (!ran.ok()) return ran;
  }
  // Rows of the file that it no longer produces.
  for (const auto& [path, id] : existing) {
    delete_document_.BindInt(1, id);
    Status ran = delete_document_.Run();
    if (!ran.ok()) return ran;
  }
  return Status::Ok();
}

Status SqlStore::IndexText(int64_t id, std::string_view title, std::string_view body) {
  if (!text_index_) return Status::Ok();  // SQLite: FTS5's triggers index what is stored
  return text_index_->IndexDocument(id, title, body);
}

Status SqlStore::FinishWrite(Transaction* txn) {
  Result<int64_t> regrouped = IdentifyStoredReports(&db_);
  if (!regrouped.ok()) return regrouped.status();
  Status committed = txn->Commit();
  if (!committed.ok()) return committed;
  stored_regions_.insert(pending_regions_.begin(), pending_regions_.end());
  return Status::Ok();
}

Status SqlStore::PutSourceFiles(const std::vector<SourceFile>& files) {
  pending_regions_.clear();
  Result<Transaction> txn = Transaction::Begin(&db_);
  if (!txn.ok()) return txn.status();
  const std::string now = NowUtc();
  for (const SourceFile& file : files) {
    Status put = PutSourceFile(file, now);
    if (!put.ok()) return put;
  }
  return FinishWrite(&*txn);
}

Result<std::vector<int64_t>> SqlStore::DocumentsDerivedBefore(int extractor_version) {
  std::vector<int64_t> ids;
  stale_documents_.BindInt(1, extractor_version);
  Status ran =
      ForEachRow(&stale_documents_, [&](const Statement& row) { ids.push_back(row.ColumnInt(0)); });
  if (!ran.ok()) return ran;
  return ids;
}

Result<Document> SqlStore::LoadDocument(int64_t id) {
  Document doc;
  load_document_.BindInt(1, id);
  Result<bool> row = load_document_.Step();
  if (!row.ok() || !*row) {
    load_document_.Reset();
    if (!row.ok()) return row.status();
    return NotFound("no document with id " + std::to_string(id));
  }
  doc.path = load_document_.ColumnText(0);
  doc.format =
      report::ParseSourceFormat(load_document_.ColumnText(1)).value_or(SourceFormat::kText);
  doc.encoding = load_document_.ColumnText(2);
  doc.text = load_document_.ColumnText(3);
  doc.title = load_document_.ColumnText(4);
  doc.source_url = load_document_.ColumnText(5);
  if (!load_document_.ColumnIsNull(6)) doc.year = static_cast<int>(load_document_.ColumnInt(6));
  load_document_.Reset();

  load_blocks_.BindInt(1, id);
  Status ran = ForEachRow(&load_blocks_, [&](const Statement& r) {
    report::Block block;
    block.kind = report::ParseBlockKind(r.ColumnText(0)).value_or(BlockKind::kParagraph);
    block.level = static_cast<int>(r.ColumnInt(1));
    block.span = {static_cast<size_t>(r.ColumnInt(2)), static_cast<size_t>(r.ColumnInt(3))};
    doc.blocks.push_back(std::move(block));
  });
  if (!ran.ok()) return ran;

  load_emphasis_.BindInt(1, id);
  ran = ForEachRow(&load_emphasis_, [&](const Statement& r) {
    const int64_t block = r.ColumnInt(0);
    if (block < 0 || static_cast<size_t>(block) >= doc.blocks.size()) return;
    doc.blocks[static_cast<size_t>(block)].emphasis.push_back(
        {static_cast<size_t>(r.ColumnInt(1)), static_cast<size_t>(r.ColumnInt(2))});
  });
  if (!ran.ok()) return ran;

  load_notes_.BindInt(1, id);
  ran = ForEachRow(&load_notes_, [&](const Statement& r) { doc.notes.push_back(r.ColumnText(0)); });
  if (!ran.ok()) return ran;
  return doc;
}

Status SqlStore::PutDerived(const std::vector<DerivedUpdate>& updates) {
  pending_regions_.clear();
  Result<Transaction> txn = Transaction::Begin(&db_);
  if (!txn.ok()) return txn.status();
  for (const DerivedUpdate& update : updates) {
    document_exists_.BindInt(1, update.id);
    Result<bool> exists = document_exists_.Step();
    document_exists_.Reset();
    if (!exists.ok()) return exists.status();
    if (!*exists) return NotFound("no document with id " + std::to_string(update.id));
    Status ran = PutRegions(update.record.regions);
    if (!ran.ok()) return ran;
    BindDerived(&update_derived_, 1, update.record);
    update_derived_.BindInt(kDerivedColumnCount + 1, update.id);
    ran = update_derived_.Run();
    if (ran.ok()) {
      ran = IndexText(update.id, update.record.report.metadata.title,
                      update.record.report.document.text);
    }
    if (!ran.ok()) return ran;
    ran = DeleteDerivedRows(update.id);
    if (!ran.ok()) return ran;
    ran = InsertOutline(update.id, update.record.report);
    if (!ran.ok()) return ran;
    ran = InsertExtraction(update.id, update.record.extraction);
    if (!ran.ok()) return ran;
  }
  return FinishWrite(&*txn);
}

Status SqlStore::RefreshStatistics() {
  Result<Transaction> txn = Transaction::Begin(&db_);
  if (!txn.ok()) return txn.status();
  Status counted = db_.Exec(
      "DELETE FROM target_totals;"
      " INSERT INTO target_totals (topic, strength, year, n)"
      " SELECT f.topic, f.strength, f.year, count(*) FROM targets f WHERE f.document_id NOT IN"
      " (SELECT id FROM documents WHERE primary_id IS NOT NULL)"
      " GROUP BY f.topic, f.strength, f.year");
  if (counted.ok()) counted = txn->Commit();
  if (!counted.ok()) return counted;
  return db_.Exec("ANALYZE");
}

Result<StoreCounts> SqlStore::Counts() {
  Result<bool> row = counts_.Step();
  StoreCounts counts;
  if (row.ok() && *row) {
    counts.documents = counts_.ColumnInt(0);
    counts.text_bytes = counts_.ColumnInt(1);
    counts.regions = counts_.ColumnInt(2);
    counts.reports = counts_.ColumnInt(3);
  }
  counts_.Reset();
  if (!row.ok()) return row.status();
  return counts;
}

Result<std::unique_ptr<Store>> OpenSqlStore(const std::string& path, OpenMode mode,
                                            OpenCheck check) {
  if (mode == OpenMode::kMustExist) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      return NotFound("no database at " + path + " (run `mubiao import` first)");
    }
  }
  Result<Database> db = Database::Open(path, mode == OpenMode::kCreateIfMissing);
  if (!db.ok()) return db.status();
  sqlite3_busy_timeout(db->sqlite(), kBusyTimeoutMs);
  Status status = RegisterFts5Tokenizer(&*db);
  if (status.ok()) status = db->Exec("PRAGMA journal_mode = WAL");
  if (status.ok()) status = db->Exec("PRAGMA synchronous = NORMAL");
  if (status.ok()) status = db->Exec("PRAGMA foreign_keys = ON");
  // Before migrating, which would write to a damaged file.
  if (status.ok() && check == OpenCheck::kQuick) status = QuickCheck(&*db);
  if (status.ok()) status = MigrateSchema(&*db);
  std::unique_ptr<SqlStore> store;
  if (status.ok()) {
    store = std::make_unique<SqlStore>(std::move(db).value());
    status = store->Prepare();
    // A database opened to read (serve, search, track) reads every page
    // through the map: listings, counts and tracking touch many pages,
    // each a system call and a copy otherwise.
    if (status.ok() && mode == OpenMode::kMustExist) status = store->MapForReading();
  }
  if (!status.ok()) return Status(status.code(), path + ": " + status.message());
  return std::unique_ptr<Store>(std::move(store));
}

bool IsPostgresUri(std::string_view name) {
  return name.starts_with("postgresql://") || name.starts_with("postgres://");
}

std::string RedactedUri(const std::string& uri) {
  const size_t scheme = uri.find("://");
  if (scheme == std::string::npos) return uri;
  const size_t at = uri.find('@', scheme + 3);
  const size_t colon = uri.find(':', scheme + 3);
  if (at == std::string::npos || colon == std::string::npos || colon > at) return uri;
  return uri.substr(0, colon) + uri.substr(at);
}

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri) {
  Result<Database> db = Database::OpenPostgres(uri);
  Status status = db.status();
  if (status.ok()) status = MigrateSchema(&*db);
  std::unique_ptr<SqlStore> store;
  if (status.ok()) {
    store = std::make_unique<SqlStore>(std::move(db).value());
    status = store->Prepare();
  }
  if (!status.ok()) return Status(status.code(), RedactedUri(uri) + ": " + status.message());
  return std::unique_ptr<Store>(std::move(store));
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& database, OpenMode mode,
                                         OpenCheck check) {
  if (IsPostgresUri(database)) return OpenPostgresStore(database);
  return OpenSqlStore(database, mode, check);
}

}  // namespace mubiao::store
