// The SQLite backend's reads for the portal, the API and tracking: document
// listings, one document with its stored analysis, regions with counts,
// findings and their counts.
#include <algorithm>
#include <map>
#include <optional>

#include "store/columns.h"
#include "store/sqlite_store_impl.h"

namespace mubiao::store {
namespace {

// The summary columns of a document row `d`, in the order ReadSummary reads.
constexpr char kSummaryColumns[] =
    "d.id, d.title, d.doc_type, d.government, d.province, d.locality, d.level, d.region_code,"
    " d.geo, d.year, d.date, d.speaker, d.speaker_title, d.source_url, d.source_path,"
    " d.source_format, d.imported_at, coalesce(d.primary_id, 0),"
    " (SELECT count(*) FROM targets t WHERE t.document_id = d.id),"
    " (SELECT count(*) FROM comments c WHERE c.document_id = d.id AND c.status = 'published')";
constexpr int kSummaryColumnCount = 20;

DocumentSummary ReadSummary(const Statement& row) {
  DocumentSummary s;
  int i = 0;
  s.id = row.ColumnInt(i++);
  s.title = row.ColumnText(i++);
  s.doc_type = DocTypeColumn(row.ColumnText(i++));
  s.government = row.ColumnText(i++);
  s.province = row.ColumnText(i++);
  s.locality = row.ColumnText(i++);
  s.level = LevelColumn(row.ColumnText(i++));
  s.region_code = row.ColumnText(i++);
  s.geo = GeoColumn(row.ColumnText(i++));
  s.year = static_cast<int>(row.ColumnInt(i++));
  s.date = row.ColumnText(i++);
  s.speaker = row.ColumnText(i++);
  s.speaker_title = row.ColumnText(i++);
  s.source_url = row.ColumnText(i++);
  s.source_path = row.ColumnText(i++);
  s.source_format = row.ColumnText(i++);
  s.imported_at = row.ColumnText(i++);
  s.primary_id = row.ColumnInt(i++);
  s.targets = row.ColumnInt(i++);
  s.comments = row.ColumnInt(i++);
  return s;
}

// The document filter as SQL over the row `d`, with parameters ?first to
// ?first+8 (bound by BindDocumentFilters); `year_column` is the year the
// year range applies to.
std::string DocumentFilterSql(int first, std::string_view year_column) {
  auto p = [&](int n) { return "?" + std::to_string(first + n); };
  return "(" + p(0) + " IS NULL OR (d.region_code >= " + p(0) + " AND d.region_code < " + p(1) +
         ")) AND (" + p(2) + " IS NULL OR d.geo = " + p(2) + ") AND (" + p(3) +
         " IS NULL OR d.level = " + p(3) + ") AND (" + p(4) + " IS NULL OR d.doc_type = " + p(4) +
         ") AND (" + p(5) + " IS NULL OR " + std::string(year_column) + " >= " + p(5) + ") AND (" +
         p(6) + " IS NULL OR " + std::string(year_column) + " <= " + p(6) + ") AND (" + p(7) +
         " IS NULL OR d.region_code = " + p(7) + ") AND (" + p(8) +
         " IS NULL OR d.source_path = " + p(8) + ")";
}

// The documents a listing shows: reports' primary sources, or every
// document of the source path asked for (?9).
constexpr char kListedDocuments[] = "(d.primary_id IS NULL OR ?9 IS NOT NULL) AND ";

void BindDocumentFilters(Statement* stmt, int first, const search::SearchFilters& f,
                         const std::string& exact_region_code, const std::string& source_path) {
  std::string region_first;
  std::string region_limit;
  if (!f.region_code.empty()) search::RegionCodeRange(f.region_code, &region_first, &region_limit);
  auto year = [](int y) { return y > 0 ? std::optional<int64_t>(y) : std::nullopt; };
  stmt->BindTextOrNull(first, region_first);
  stmt->BindText(first + 1, region_limit);
  stmt->BindTextOrNull(first + 2, FilterName(f.geo));
  stmt->BindTextOrNull(first + 3, FilterName(f.level));
  stmt->BindTextOrNull(first + 4, FilterName(f.doc_type));
  stmt->BindIntOrNull(first + 5, year(f.year_min));
  stmt->BindIntOrNull(first + 6, year(f.year_max));
  stmt->BindTextOrNull(first + 7, exact_region_code);
  stmt->BindTextOrNull(first + 8, source_path);
}

// Checks filters, an exact region code and page bounds; `limit` 0 is
// allowed when `zero_limit_means_all`.
Status ValidateListing(const search::SearchFilters& filters, const std::string& exact_region_code,
                       int offset, int limit, bool zero_limit_means_all) {
  search::SearchRequest request;
  request.filters = filters;
  Status valid = search::ValidateRequest(request);
  if (!valid.ok()) return valid;
  if (!exact_region_code.empty()) {
    request.filters = {};
    request.filters.region_code = exact_region_code;
    valid = search::ValidateRequest(request);
    if (!valid.ok()) return valid;
  }
  return ValidatePaging(offset, limit, zero_limit_means_all);
}

// The table of a kind of finding.
std::string_view FindingTable(targets::FindingKind kind) {
  switch (kind) {
    case targets::FindingKind::kTarget:
      return "targets";
    case targets::FindingKind::kOutcome:
      return "outcomes";
    case targets::FindingKind::kCommitment:
      return "commitments";
  }
  return "targets";
}

// The column holding a finding's position among its document's findings.
std::string OrdinalColumn(targets::FindingKind kind) {
  return std::string(FindingKindName(kind)) + "_no";
}

// The columns of a finding row `f` in the order ReadFinding reads, from
// column `first` on. Commitments have no number: their numeric columns
// read as NULL.
std::string FindingColumns(targets::FindingKind kind) {
  const bool numeric = kind != targets::FindingKind::kCommitment;
  return "f." + OrdinalColumn(kind) +
         ", f.year, f.text, f.text_begin, f.text_end, f.sentence, f.sentence_begin,"
         " f.sentence_end, f.section, f.indicator, " +
         (numeric ? "f.value, f.value_max, f.unit, f.cmp, f.change, "
                  : "NULL, NULL, '', NULL, NULL, ") +
         "f.strength, f.deadline, f.topic, " + (numeric ? "f.average" : "0");
}

// Reads the FindingColumns from column `first` on into `ordinal` and `f`;
// returns the index of the column after them.
int ReadFinding(const Statement& row, int first, targets::FindingKind kind, int* ordinal,
                targets::Finding* f) {
  int i = first;
  *ordinal = static_cast<int>(row.ColumnInt(i++));
  f->kind = kind;
  f->year = static_cast<int>(row.ColumnInt(i++));
  f->text = row.ColumnText(i++);
  f->span.begin = static_cast<size_t>(row.ColumnInt(i++));
  f->span.end = static_cast<size_t>(row.ColumnInt(i++));
  f->sentence = row.ColumnText(i++);
  f->sentence_span.begin = static_cast<size_t>(row.ColumnInt(i++));
  f->sentence_span.end = static_cast<size_t>(row.ColumnInt(i++));
  f->section = row.ColumnText(i++);
  f->indicator = row.ColumnText(i++);
  if (!row.ColumnIsNull(i)) f->value = row.ColumnDouble(i);
  ++i;
  if (!row.ColumnIsNull(i)) f->value_max = row.ColumnDouble(i);
  ++i;
  f->unit = row.ColumnText(i++);
  f->cmp = CmpColumn(row.ColumnText(i++));
  f->change = ChangeColumn(row.ColumnText(i++));
  f->strength = StrengthColumn(row.ColumnText(i++));
  f->deadline = row.ColumnText(i++);
  f->topic = row.ColumnText(i++);
  f->average = row.ColumnInt(i++) != 0;
  return i;
}

// The finding filter (beyond the document filter) as SQL over the row `f`,
// with parameters ?first to ?first+3. Strength "none" asks for findings
// without a strength word, stored as NULL (as StrengthName's "" is).
std::string FindingFilterSql(int first) {
  auto p = [&](int n) { return "?" + std::to_string(first + n); };
  return "(" + p(0) + " IS NULL OR f.document_id = " + p(0) + ") AND (" + p(1) +
         " IS NULL OR f.topic = " + p(1) + ") AND (" + p(2) + " IS NULL OR instr(f.indicator, " +
         p(2) + ") > 0) AND (" + p(3) + " IS NULL OR f.strength IS nullif(" + p(3) + ", 'none'))";
}

void BindFindingFilters(Statement* stmt, int first, const FindingFilter& filter) {
  stmt->BindIntOrNull(
      first, filter.document_id > 0 ? std::optional<int64_t>(filter.document_id) : std::nullopt);
  stmt->BindTextOrNull(first + 1, filter.topic);
  stmt->BindTextOrNull(first + 2, filter.indicator);
  if (filter.strength) {
    const std::string_view name = targets::StrengthName(*filter.strength);
    stmt->BindText(first + 3, name.empty() ? "none" : name);
  } else {
    stmt->BindTextOrNull(first + 3, "");
  }
}

Status ValidateFindingFilter(const FindingFilter& filter) {
  return ValidateListing(filter.filters, filter.exact_region_code, filter.offset, filter.limit,
                         true);
}

// The WHERE clause of a finding query: document filters on `d` (?1 to ?9,
// the year range on the finding's year) and finding filters on `f` (?10 to
// ?13), bound by BindFindingQuery. Findings of reports' primary sources
// only, unless one document's are asked for.
std::string FindingWhere() {
  return " WHERE " + DocumentFilterSql(1, "f.year") + " AND " + FindingFilterSql(10) +
         " AND (d.primary_id IS NULL OR ?10 IS NOT NULL)";
}

void BindFindingQuery(Statement* stmt, const FindingFilter& filter) {
  BindDocumentFilters(stmt, 1, filter.filters, filter.exact_region_code, "");
  BindFindingFilters(stmt, 10, filter);
}

}  // namespace

Status ValidatePaging(int offset, int limit, bool zero_limit_means_all) {
  if (offset < 0) return InvalidInput("offset must not be negative");
  if (limit < (zero_limit_means_all ? 0 : 1) || limit > kMaxListLimit) {
    return InvalidInput("limit must be between " + std::string(zero_limit_means_all ? "0" : "1") +
                        " and " + std::to_string(kMaxListLimit));
  }
  return Status::Ok();
}

Result<Statement*> SqliteStore::Cached(const std::string& sql) {
  auto it = cached_.find(sql);
  if (it != cached_.end()) return &it->second;
  Result<Statement> stmt = Statement::Prepare(db_.get(), sql);
  if (!stmt.ok()) return stmt.status();
  return &cached_.emplace(sql, std::move(stmt).value()).first->second;
}

Result<DocumentPage> SqliteStore::ListDocuments(const DocumentFilter& filter) {
  Status valid =
      ValidateListing(filter.filters, filter.exact_region_code, filter.offset, filter.limit, false);
  if (!valid.ok()) return valid;
  Result<Statement*> stmt = Cached(
      std::string("SELECT ") + kSummaryColumns + ", count(*) OVER () FROM documents d WHERE " +
      kListedDocuments + DocumentFilterSql(1, "d.year") +
      " ORDER BY d.year DESC, d.date DESC, d.id DESC LIMIT ?10 OFFSET ?11");
  if (!stmt.ok()) return stmt.status();
  BindDocumentFilters(*stmt, 1, filter.filters, filter.exact_region_code, filter.source_path);
  (*stmt)->BindInt(10, filter.limit);
  (*stmt)->BindInt(11, filter.offset);
  DocumentPage page;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) {
    page.documents.push_back(ReadSummary(row));
    page.total = row.ColumnInt(kSummaryColumnCount);
  });
  if (!ran.ok()) return ran;
  if (page.documents.empty() && filter.offset > 0) {
    // Past the last page: the rows that carry the total were all skipped.
    Result<Statement*> count =
        Cached("SELECT count(*) FROM documents d WHERE " + std::string(kListedDocuments) +
               DocumentFilterSql(1, "d.year"));
    if (!count.ok()) return count.status();
    BindDocumentFilters(*count, 1, filter.filters, filter.exact_region_code, filter.source_path);
    ran = ForEachRow(*count, [&](const Statement& row) { page.total = row.ColumnInt(0); });
    if (!ran.ok()) return ran;
  }
  return page;
}

Status SqliteStore::LoadOutline(int64_t id, report::Report* report) {
  auto span = [](const Statement& row, int i) {
    if (row.ColumnIsNull(i)) return text::Span{};
    return text::Span{static_cast<size_t>(row.ColumnInt(i)),
                      static_cast<size_t>(row.ColumnInt(i + 1))};
  };
  Result<Statement*> parts = Cached(
      "SELECT kind, multi_year, label, heading_begin, heading_end, span_begin, span_end"
      " FROM parts WHERE document_id = ?1 ORDER BY part_no");
  if (!parts.ok()) return parts.status();
  (*parts)->BindInt(1, id);
  Status ran = ForEachRow(*parts, [&](const Statement& row) {
    report::Part part;
    const std::string kind = row.ColumnText(0);
    for (auto k : {report::PartKind::kOpening, report::PartKind::kReview, report::PartKind::kPlan,
                   report::PartKind::kAppendix, report::PartKind::kClosing}) {
      if (kind == report::PartKindName(k)) part.kind = k;
    }
    part.multi_year = row.ColumnInt(1) != 0;
    part.label = row.ColumnText(2);
    part.heading = span(row, 3);
    part.span = span(row, 5);
    report->parts.push_back(std::move(part));
  });
  if (!ran.ok()) return ran;

  Result<Statement*> sections = Cached(
      "SELECT part_no, label, heading_begin, heading_end, span_begin, span_end FROM sections"
      " WHERE document_id = ?1 ORDER BY part_no, section_no");
  if (!sections.ok()) return sections.status();
  (*sections)->BindInt(1, id);
  ran = ForEachRow(*sections, [&](const Statement& row) {
    const int64_t p = row.ColumnInt(0);
    if (p < 0 || static_cast<size_t>(p) >= report->parts.size()) return;
    report::Section section;
    section.label = row.ColumnText(1);
    section.heading = span(row, 2);
    section.span = span(row, 4);
    report->parts[static_cast<size_t>(p)].sections.push_back(std::move(section));
  });
  if (!ran.ok()) return ran;

  Result<Statement*> paragraphs = Cached(
      "SELECT part_no, section_no, span_begin, span_end, lead_begin, lead_end,"
      " item_label_begin, item_label_end FROM paragraphs WHERE document_id = ?1"
      " ORDER BY part_no, section_no, paragraph_no");
  if (!paragraphs.ok()) return paragraphs.status();
  (*paragraphs)->BindInt(1, id);
  return ForEachRow(*paragraphs, [&](const Statement& row) {
    const int64_t p = row.ColumnInt(0);
    const int64_t s = row.ColumnInt(1);
    if (p < 0 || static_cast<size_t>(p) >= report->parts.size()) return;
    std::vector<report::Section>& in_part = report->parts[static_cast<size_t>(p)].sections;
    if (s < 0 || static_cast<size_t>(s) >= in_part.size()) return;
    report::Paragraph paragraph;
    paragraph.span = span(row, 2);
    paragraph.lead = span(row, 4);
    paragraph.item_label = span(row, 6);
    in_part[static_cast<size_t>(s)].paragraphs.push_back(std::move(paragraph));
  });
}

Status SqliteStore::LoadExtraction(int64_t id, targets::Extraction* extraction) {
  for (auto [kind, out] :
       {std::pair{targets::FindingKind::kTarget, &extraction->targets},
        std::pair{targets::FindingKind::kOutcome, &extraction->outcomes},
        std::pair{targets::FindingKind::kCommitment, &extraction->commitments}}) {
    const std::string table(FindingTable(kind));
    Result<Statement*> stmt =
        Cached("SELECT " + FindingColumns(kind) + " FROM " + table +
               " f WHERE f.document_id = ?1 ORDER BY f." + OrdinalColumn(kind));
    if (!stmt.ok()) return stmt.status();
    (*stmt)->BindInt(1, id);
    Status ran = ForEachRow(*stmt, [&, kind = kind, out = out](const Statement& row) {
      targets::Finding finding;
      int ordinal = 0;
      ReadFinding(row, 0, kind, &ordinal, &finding);
      out->push_back(std::move(finding));
    });
    if (!ran.ok()) return ran;
  }
  return Status::Ok();
}

Status SqliteStore::LoadNeighbours(const DocumentSummary& summary, StoredDocument* out) {
  // Same place: the same region, or the same locality when the region is
  // unknown; same type; ordered by (year, date, id).
  constexpr char kSamePlace[] =
      " FROM documents WHERE primary_id IS NULL AND region_code IS nullif(?1, '')"
      " AND locality = ?2 AND doc_type = ?3 AND ";
  for (auto [before, id] : {std::pair{true, &out->previous_id}, std::pair{false, &out->next_id}}) {
    Result<Statement*> stmt =
        Cached(std::string("SELECT id") + kSamePlace +
               (before ? "(year, date, id) < (?4, ?5, ?6) ORDER BY year DESC, date DESC, id DESC"
                       : "(year, date, id) > (?4, ?5, ?6) ORDER BY year, date, id") +
               " LIMIT 1");
    if (!stmt.ok()) return stmt.status();
    (*stmt)->BindText(1, summary.region_code);
    (*stmt)->BindText(2, summary.locality);
    (*stmt)->BindText(3, report::DocTypeKey(summary.doc_type));
    (*stmt)->BindInt(4, summary.year);
    (*stmt)->BindText(5, summary.date);
    (*stmt)->BindInt(6, summary.id);
    Status ran = ForEachRow(*stmt, [&, id = id](const Statement& row) { *id = row.ColumnInt(0); });
    if (!ran.ok()) return ran;
  }
  return Status::Ok();
}

Result<StoredDocument> SqliteStore::GetDocument(int64_t id) {
  Result<Statement*> stmt = Cached(std::string("SELECT ") + kSummaryColumns +
                                   ", (SELECT parent_code FROM regions WHERE code = d.region_code)"
                                   " FROM documents d WHERE d.id = ?1");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, id);
  std::optional<StoredDocument> out;
  std::string parent_code;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) {
    out.emplace();
    out->summary = ReadSummary(row);
    parent_code = row.ColumnText(kSummaryColumnCount);
  });
  if (!ran.ok()) return ran;
  if (!out) return NotFound("no document with id " + std::to_string(id));

  Result<report::Document> document = LoadDocument(id);
  if (!document.ok()) return document.status();
  report::Report& report = out->report;
  report.document = std::move(document).value();
  const DocumentSummary& s = out->summary;
  report::ReportMetadata& m = report.metadata;
  m.type = s.doc_type;
  m.title = s.title;
  m.government = s.government;
  m.province = s.province;
  m.locality = s.locality;
  m.level = s.level;
  m.region_code = s.region_code;
  m.parent_code = parent_code;
  m.geo = s.geo;
  m.year = s.year;
  m.date = s.date;
  m.speaker = s.speaker;
  m.speaker_title = s.speaker_title;
  m.source_url = s.source_url;

  ran = LoadOutline(id, &report);
  if (ran.ok()) ran = LoadExtraction(id, &out->extraction);
  if (ran.ok()) ran = LoadTextHash(id, &out->text_hash);
  if (ran.ok()) ran = LoadNeighbours(s, &*out);
  if (ran.ok()) ran = LoadSameYear(s, &*out);
  if (!ran.ok()) return ran;
  Result<std::vector<DocumentSummary>> sources = ReportSources(id);
  if (!sources.ok()) return sources.status();
  out->sources = std::move(sources).value();
  return std::move(*out);
}

Result<std::vector<DocumentSummary>> SqliteStore::ReportSources(int64_t id) {
  Result<Statement*> stmt = Cached(
      std::string("SELECT ") + kSummaryColumns +
      " FROM documents d WHERE d.id = coalesce((SELECT primary_id FROM documents WHERE id = ?1),"
      " ?1) OR d.primary_id = coalesce((SELECT primary_id FROM documents WHERE id = ?1), ?1)"
      " ORDER BY d.primary_id IS NOT NULL, d.id");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, id);
  std::vector<DocumentSummary> sources;
  Status ran =
      ForEachRow(*stmt, [&](const Statement& row) { sources.push_back(ReadSummary(row)); });
  if (!ran.ok()) return ran;
  if (sources.empty()) return NotFound("no document with id " + std::to_string(id));
  return sources;
}

Status SqliteStore::LoadSameYear(const DocumentSummary& summary, StoredDocument* out) {
  Result<Statement*> stmt = Cached(
      std::string("SELECT ") + kSummaryColumns +
      " FROM documents d WHERE d.primary_id IS NULL AND d.region_code IS nullif(?1, '')"
      " AND d.locality = ?2 AND d.year = ?3 AND d.id != ?4 ORDER BY d.doc_type, d.date, d.id");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindText(1, summary.region_code);
  (*stmt)->BindText(2, summary.locality);
  (*stmt)->BindInt(3, summary.year);
  (*stmt)->BindInt(4, summary.primary_id != 0 ? summary.primary_id : summary.id);
  return ForEachRow(*stmt, [&](const Statement& row) {
    DocumentSummary other = ReadSummary(row);
    (other.doc_type == summary.doc_type ? out->same_year : out->related)
        .push_back(std::move(other));
  });
}

Result<std::vector<RegionSummary>> SqliteStore::ListRegions() {
  std::vector<RegionSummary> regions;
  Result<Statement*> stmt =
      Cached("SELECT code, name, short_name, level, parent_code, geo FROM regions ORDER BY code");
  if (!stmt.ok()) return stmt.status();
  Status ran = ForEachRow(*stmt, [&](const Statement& row) {
    RegionSummary r;
    r.region = {row.ColumnText(0), row.ColumnText(1),
                row.ColumnText(2), LevelColumn(row.ColumnText(3)),
                row.ColumnText(4), GeoColumn(row.ColumnText(5))};
    regions.push_back(std::move(r));
  });
  if (!ran.ok()) return ran;

  struct Stored {
    int64_t documents = 0;
    int year_min = 0;
    int year_max = 0;
  };
  std::map<std::string, Stored> by_code;  // ordered: a region's subtree is a key range
  Result<Statement*> counts = Cached(
      "SELECT region_code, count(*), min(year), max(year) FROM documents"
      " WHERE region_code IS NOT NULL AND primary_id IS NULL GROUP BY region_code");
  if (!counts.ok()) return counts.status();
  ran = ForEachRow(*counts, [&](const Statement& row) {
    by_code[row.ColumnText(0)] = {row.ColumnInt(1), static_cast<int>(row.ColumnInt(2)),
                                  static_cast<int>(row.ColumnInt(3))};
  });
  if (!ran.ok()) return ran;

  for (RegionSummary& r : regions) {
    if (auto own = by_code.find(r.region.code); own != by_code.end()) {
      r.documents = own->second.documents;
    }
    std::string first;
    std::string limit;
    search::RegionCodeRange(r.region.code, &first, &limit);
    for (auto it = by_code.lower_bound(first); it != by_code.end() && it->first < limit; ++it) {
      r.documents_under += it->second.documents;
      r.year_min =
          r.year_min == 0 ? it->second.year_min : std::min(r.year_min, it->second.year_min);
      r.year_max = std::max(r.year_max, it->second.year_max);
    }
  }
  return regions;
}

Result<FindingPage> SqliteStore::ListFindings(const FindingFilter& filter) {
  Status valid = ValidateFindingFilter(filter);
  if (!valid.ok()) return valid;
  const targets::FindingKind kind = filter.kind;
  const std::string table(FindingTable(kind));
  const std::string order =
      " ORDER BY d.year DESC, d.date DESC, d.id DESC, f." + OrdinalColumn(kind);
  // The page is chosen by sorting ids only, then its rows are read: sorting
  // whole rows (sentences and all) of every match costs far more. The total
  // is counted apart for the same reason.
  Result<Statement*> stmt = Cached(
      "SELECT f.id, f.document_id, " + FindingColumns(kind) +
      ", d.title, d.source_path, d.doc_type, d.region_code, d.locality, d.level, d.geo, d.year,"
      " d.date, k.text_hash FROM (SELECT f.id AS page_id FROM " +
      table + " f JOIN documents d ON d.id = f.document_id" + FindingWhere() + order +
      " LIMIT ?14 OFFSET ?15) JOIN " + table +
      " f ON f.id = page_id JOIN documents d ON d.id ="
      " f.document_id JOIN document_keys k ON k.document_id = d.id" +
      order);
  if (!stmt.ok()) return stmt.status();
  BindFindingQuery(*stmt, filter);
  (*stmt)->BindInt(14, filter.limit == 0 ? -1 : filter.limit);
  (*stmt)->BindInt(15, filter.offset);
  FindingPage page;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) {
    StoredFinding s;
    s.id = row.ColumnInt(0);
    s.document_id = row.ColumnInt(1);
    int i = ReadFinding(row, 2, kind, &s.ordinal, &s.finding);
    s.document_title = row.ColumnText(i++);
    s.source_path = row.ColumnText(i++);
    s.doc_type = DocTypeColumn(row.ColumnText(i++));
    s.region_code = row.ColumnText(i++);
    s.locality = row.ColumnText(i++);
    s.level = LevelColumn(row.ColumnText(i++));
    s.geo = GeoColumn(row.ColumnText(i++));
    s.document_year = static_cast<int>(row.ColumnInt(i++));
    s.document_date = row.ColumnText(i++);
    s.key = FindingKey(row.ColumnText(i++), s.finding.span);
    page.findings.push_back(std::move(s));
  });
  if (!ran.ok()) return ran;
  if (filter.limit == 0 && filter.offset == 0) {  // every match was read
    page.total = static_cast<int64_t>(page.findings.size());
    return page;
  }
  Result<Statement*> count = Cached("SELECT count(*) FROM " + table +
                                    " f JOIN documents d ON d.id = f.document_id" + FindingWhere());
  if (!count.ok()) return count.status();
  BindFindingQuery(*count, filter);
  ran = ForEachRow(*count, [&](const Statement& row) { page.total = row.ColumnInt(0); });
  if (!ran.ok()) return ran;
  return page;
}

Result<std::vector<GroupCount>> SqliteStore::CountFindings(const FindingFilter& filter,
                                                           FindingGroup group, int max_groups) {
  FindingFilter unpaged = filter;
  unpaged.offset = 0;
  unpaged.limit = 0;
  Status valid = ValidateFindingFilter(unpaged);
  if (!valid.ok()) return valid;
  std::string key;
  std::string label;
  switch (group) {
    case FindingGroup::kTopic:
      key = label = "coalesce(f.topic, '')";
      break;
    case FindingGroup::kYear:
      key = label = "CAST(f.year AS TEXT)";
      break;
    case FindingGroup::kRegion:
      key = "coalesce(d.region_code, '')";
      label = "coalesce((SELECT name FROM regions WHERE code = d.region_code), d.locality)";
      break;
    case FindingGroup::kIndicator:
      key = label = "f.indicator";
      break;
  }
  Result<Statement*> stmt = Cached("SELECT " + key + " AS k, " + label + ", count(*) AS n FROM " +
                                   std::string(FindingTable(filter.kind)) +
                                   " f JOIN documents d ON d.id = f.document_id" + FindingWhere() +
                                   " GROUP BY k ORDER BY n DESC, k LIMIT ?14");
  if (!stmt.ok()) return stmt.status();
  BindFindingQuery(*stmt, filter);
  (*stmt)->BindInt(14, max_groups > 0 ? max_groups : -1);
  std::vector<GroupCount> groups;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) {
    groups.push_back({row.ColumnText(0), row.ColumnText(1), row.ColumnInt(2)});
  });
  if (!ran.ok()) return ran;
  return groups;
}

}  // namespace mubiao::store
