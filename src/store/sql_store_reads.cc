// The SQLite backend's reads for the portal, the API and tracking: document
// listings, one document with its stored analysis, regions with counts,
// findings and their counts.
#include <algorithm>
#include <map>
#include <optional>
#include <variant>

#include "search/query.h"
#include "store/columns.h"
#include "store/postgres_text.h"
#include "store/sql_store_impl.h"
#include "text/utf8.h"

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

// The conditions a listing's filter sets, as SQL with anonymous parameters
// and their values in order. Conditions a filter leaves open are not
// written at all (rather than as "? IS NULL OR …"), so the query planner
// sees which indexes the others allow: one prepared statement per set of
// conditions.
class Conditions {
 public:
  // Adds `sql`, whose one "?" takes `value`.
  void Add(std::string_view sql, std::variant<int64_t, std::string> value) {
    Add(sql);
    values_.push_back(std::move(value));
  }
  // Adds `sql`, without parameters.
  void Add(std::string_view sql) {
    where_ += where_.empty() ? " WHERE " : " AND ";
    where_ += sql;
  }
  // " WHERE …", or "" when nothing is filtered.
  const std::string& where() const { return where_; }
  // Binds the values to ?1, ?2, …; returns the number of the next parameter.
  int Bind(Statement* stmt) const {
    int index = 0;
    for (const std::variant<int64_t, std::string>& v : values_) {
      ++index;
      if (const int64_t* n = std::get_if<int64_t>(&v)) {
        stmt->BindInt(index, *n);
      } else {
        stmt->BindText(index, std::get<std::string>(v));
      }
    }
    return index + 1;
  }

 private:
  std::string where_;
  std::vector<std::variant<int64_t, std::string>> values_;
};

// Adds the document filter over the row `d` to `c`; `year_column` is the
// year the year range applies to.
void AddDocumentConditions(const search::SearchFilters& f, const std::string& exact_region_code,
                           const std::string& source_path, std::string_view year_column,
                           Conditions* c) {
  if (!f.region_code.empty()) {
    std::string first;
    std::string limit;
    search::RegionCodeRange(f.region_code, &first, &limit);
    c->Add("d.region_code >= ?", first);
    c->Add("d.region_code < ?", limit);
  }
  if (std::string_view geo = FilterName(f.geo); !geo.empty()) c->Add("d.geo = ?", std::string(geo));
  if (std::string_view level = FilterName(f.level); !level.empty()) {
    c->Add("d.level = ?", std::string(level));
  }
  if (std::string_view type = FilterName(f.doc_type); !type.empty()) {
    c->Add("d.doc_type = ?", std::string(type));
  }
  if (f.year_min > 0) c->Add(std::string(year_column) + " >= ?", int64_t{f.year_min});
  if (f.year_max > 0) c->Add(std::string(year_column) + " <= ?", int64_t{f.year_max});
  if (!exact_region_code.empty()) c->Add("d.region_code = ?", exact_region_code);
  if (!source_path.empty()) c->Add("d.source_path = ?", source_path);
}

// The condition that `d` is its report's primary source, for a filter by
// region or not. Nearly every document is one, so the index on primary_id
// never narrows a search; but the planner (without ANALYZE statistics)
// takes the equality for a selective one and, given a region to filter on
// too, walks every document through it rather than the region's few
// through documents_region_year. There the term is kept out of index use
// (`unindexed`). PostgreSQL's planner estimates it right, and the unary
// plus would only hide that estimate (it then expects a few reports and
// walks them all), so there it is always plain.
std::string_view PrimaryOnly(Dialect dialect, bool unindexed) {
  return unindexed && dialect == Dialect::kSqlite ? "+d.primary_id IS NULL"
                                                  : "d.primary_id IS NULL";
}

std::string_view PrimaryOnly(Dialect dialect, const search::SearchFilters& f,
                             const std::string& exact_region_code) {
  return PrimaryOnly(dialect, !f.region_code.empty() || !exact_region_code.empty());
}

// The conditions of a document listing: reports' primary sources, or every
// document of the source path asked for.
Conditions ListingConditions(Dialect dialect, const DocumentFilter& filter) {
  Conditions c;
  if (filter.source_path.empty()) {
    c.Add(PrimaryOnly(dialect, filter.filters, filter.exact_region_code));
  }
  AddDocumentConditions(filter.filters, filter.exact_region_code, filter.source_path, "d.year", &c);
  return c;
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

// The finding rows of `kind` (`f`, joined `on` when given) with their
// documents (`d`) and, for targets and commitments `with_verdicts`, their
// stored verdicts (`v`, NULL when none).
std::string FindingFrom(targets::FindingKind kind, bool with_verdicts, std::string_view on = "") {
  std::string from = std::string(FindingTable(kind)) + " f" + std::string(on) +
                     " JOIN documents d ON d.id = f.document_id";
  if (with_verdicts && kind != targets::FindingKind::kOutcome) {
    from += " LEFT JOIN verdicts v ON v.finding_kind = '" +
            std::string(targets::FindingKindName(kind)) + "' AND v.finding_id = f.id";
  }
  return from;
}

// The stored verdict columns of FindingFrom's `v`, in the order
// ReadVerdict reads; NULLs for outcomes.
std::string VerdictColumns(targets::FindingKind kind) {
  return kind == targets::FindingKind::kOutcome
             ? "NULL, NULL, NULL, NULL"
             : "v.status, v.indicator_id, v.outcome_id, v.detail";
}

// Reads the VerdictColumns at column `first`: nullopt when there is no
// stored verdict.
std::optional<StoredVerdict> ReadVerdict(const Statement& row, int first) {
  if (row.ColumnIsNull(first)) return std::nullopt;
  StoredVerdict v;
  v.status = StatusColumn(row.ColumnText(first));
  v.indicator_id = row.ColumnText(first + 1);
  v.outcome_id = row.ColumnInt(first + 2);
  v.detail = row.ColumnText(first + 3);
  return v;
}

Status ValidateFindingFilter(const FindingFilter& filter) {
  if (filter.kind == targets::FindingKind::kOutcome &&
      (!filter.verdict_indicator.empty() || filter.verdict_read)) {
    return InvalidInput("outcomes have no verdicts to filter by");
  }
  return ValidateListing(filter.filters, filter.exact_region_code, filter.offset, filter.limit,
                         true);
}

// Whether `filter` restricts by the stored verdict (FindingFrom's `v`).
bool FiltersByVerdict(const FindingFilter& filter) {
  return !filter.verdict_indicator.empty() || filter.verdict_read;
}

// The word-index query (target_indicators, or a tsquery of targets'
// indicator_words on PostgreSQL) matching the indicators that
// contain `text`: the phrase of its bigrams. Only for two or more Han
// characters, whose every occurrence the index holds; a Latin word is
// indexed whole ("DP" would miss "GDP"), so other text gets "" and the
// indicators are read one by one.
std::string IndicatorIndexQuery(Dialect dialect, const std::string& text) {
  size_t characters = 0;
  for (size_t at = 0; at < text.size(); ++characters) {
    if (!text::IsHan(text::DecodeUtf8(text, &at))) return "";
  }
  if (characters < 2) return "";
  const search::Term term{text, true, search::QueryTokens(text)};
  if (dialect == Dialect::kPostgres) return PhraseQuery(term);
  search::Query query;
  query.required.push_back({term});
  return search::PlanIndexQuery(query).words;
}

// Adds the filter's topic and strength, columns of the finding `f`, to `c`.
// Strength "none" asks for findings without a strength word, stored as
// NULL (as StrengthName's "" is).
void AddTopicAndStrength(const FindingFilter& filter, Conditions* c) {
  if (!filter.topic.empty()) c->Add("f.topic = ?", filter.topic);
  if (filter.strength) {
    const std::string_view name = targets::StrengthName(*filter.strength);
    if (name.empty()) {
      c->Add("f.strength IS NULL");
    } else {
      c->Add("f.strength = ?", std::string(name));
    }
  }
}

// The conditions of a finding query: the document filter on `d` (the year
// range on the finding's year) and the finding filter over FindingFrom's
// rows. Findings of reports' primary sources only, unless one document's
// are asked for. `paged`: for a query that reads findings in listing order
// and stops after a page.
Conditions FindingConditions(Dialect dialect, const FindingFilter& filter, bool paged = false) {
  Conditions c;
  const std::string indexed = filter.kind == targets::FindingKind::kTarget
                                  ? IndicatorIndexQuery(dialect, filter.indicator)
                                  : std::string();
  if (filter.document_id > 0) c.Add("f.document_id = ?", filter.document_id);
  AddDocumentConditions(filter.filters, filter.exact_region_code, "", "f.year", &c);
  if (filter.unknown_region) c.Add("d.region_code IS NULL");
  if (!filter.indicator.empty()) {
    if (!indexed.empty()) {
      c.Add(dialect == Dialect::kSqlite
                ? "f.id IN (SELECT rowid FROM target_indicators WHERE target_indicators MATCH ?)"
                : "f.indicator_words @@ ?::tsquery",
            indexed);
    }
    c.Add(Contains(dialect, "f.indicator", "?"), filter.indicator);
  }
  AddTopicAndStrength(filter, &c);
  if (!filter.verdict_indicator.empty()) {
    c.Add("v.indicator_id = ?", filter.verdict_indicator);
    // The verdict's copy of the finding's year: its index finds one
    // indicator's verdicts of one year without reading other years' findings.
    const search::SearchFilters& f = filter.filters;
    if (f.year_min > 0 && f.year_min == f.year_max) c.Add("v.year = ?", int64_t{f.year_min});
  }
  // Through coalesce: a plain test would let SQLite start from every
  // verdict instead of the place's documents.
  if (filter.verdict_read) c.Add("coalesce(v.indicator_id, '') <> ''");
  // The indicator index is the best way in. Otherwise a page reads the
  // documents newest first (documents_newest) and ends early, unless a year
  // range of the findings could leave that walk reading most of them.
  if (filter.document_id > 0) return c;
  const bool by_year = filter.filters.year_min > 0 || filter.filters.year_max > 0;
  if (!indexed.empty() || (paged && !by_year)) {
    c.Add(PrimaryOnly(dialect, true));
  } else {
    c.Add(PrimaryOnly(dialect, filter.filters, filter.exact_region_code));
  }
  return c;
}

// Whether `filter` asks for targets by their own topic, strength and year
// only: then they are counted from the kept totals (KeptTopicCounts) or the
// targets' indexes (targets_topic, targets_strength) alone, over
// TargetColumnConditions, instead of joining every target to its document.
// Told by the conditions' SQL: every field of FindingFilter that restricts
// must add a condition of its own.
bool ByTargetColumnsOnly(Dialect dialect, const FindingFilter& filter) {
  FindingFilter bare;
  bare.topic = filter.topic;
  bare.strength = filter.strength;
  bare.filters.year_min = filter.filters.year_min;
  bare.filters.year_max = filter.filters.year_max;
  return filter.kind == targets::FindingKind::kTarget &&
         FindingConditions(dialect, filter).where() == FindingConditions(dialect, bare).where();
}

// The topic, strength and year conditions of such a filter over the rows
// `f` of targets or of target_totals.
Conditions TargetColumns(const FindingFilter& filter) {
  Conditions c;
  AddTopicAndStrength(filter, &c);
  if (filter.filters.year_min > 0) c.Add("f.year >= ?", int64_t{filter.filters.year_min});
  if (filter.filters.year_max > 0) c.Add("f.year <= ?", int64_t{filter.filters.year_max});
  return c;
}

// The conditions of such a filter over the targets `f` alone: those of
// reports' primary sources, told by the few documents that are not one.
Conditions TargetColumnConditions(const FindingFilter& filter) {
  Conditions c = TargetColumns(filter);
  c.Add("f.document_id NOT IN (SELECT id FROM documents WHERE primary_id IS NOT NULL)");
  return c;
}

// The columns of a stored finding of `kind` as ReadStoredFinding reads
// them, over FindingFrom's rows and the document's key `k`.
std::string StoredFindingColumns(targets::FindingKind kind) {
  return "f.id, f.document_id, " + FindingColumns(kind) +
         ", d.title, d.source_path, d.doc_type, d.region_code, d.locality, d.level, d.geo, d.year,"
         " d.date, k.text_hash, " +
         VerdictColumns(kind);
}

StoredFinding ReadStoredFinding(const Statement& row, targets::FindingKind kind) {
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
  s.verdict = ReadVerdict(row, i);
  return s;
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

Result<Statement*> SqlStore::Cached(const std::string& sql) {
  auto it = cached_.find(sql);
  if (it != cached_.end()) return &it->second;
  Status mapped = MapForReading();
  if (!mapped.ok()) return mapped;
  Result<Statement> stmt = Statement::Prepare(&db_, sql);
  if (!stmt.ok()) return stmt.status();
  return &cached_.emplace(sql, std::move(stmt).value()).first->second;
}

Result<DocumentPage> SqlStore::ListDocuments(const DocumentFilter& filter) {
  Status valid =
      ValidateListing(filter.filters, filter.exact_region_code, filter.offset, filter.limit, false);
  if (!valid.ok()) return valid;
  const Conditions c = ListingConditions(db_.dialect(), filter);
  // The page is chosen, and the matches counted, over the sort columns
  // only; the summary (whose counts of targets and comments are subqueries)
  // is read for the page's rows alone, not for every match.
  const std::string order = " ORDER BY d.year DESC, d.date DESC, d.id DESC";
  Result<Statement*> stmt = Cached(
      std::string("SELECT ") + kSummaryColumns +
      ", total FROM (SELECT d.id AS page_id, count(*) OVER () AS total FROM documents d" +
      c.where() + order + " LIMIT ? OFFSET ?) AS page JOIN documents d ON d.id = page_id" + order);
  if (!stmt.ok()) return stmt.status();
  const int next = c.Bind(*stmt);
  (*stmt)->BindInt(next, filter.limit);
  (*stmt)->BindInt(next + 1, filter.offset);
  DocumentPage page;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) {
    page.documents.push_back(ReadSummary(row));
    page.total = row.ColumnInt(kSummaryColumnCount);
  });
  if (!ran.ok()) return ran;
  if (page.documents.empty() && filter.offset > 0) {
    // Past the last page: the rows that carry the total were all skipped.
    Result<Statement*> count = Cached("SELECT count(*) FROM documents d" + c.where());
    if (!count.ok()) return count.status();
    c.Bind(*count);
    ran = ForEachRow(*count, [&](const Statement& row) { page.total = row.ColumnInt(0); });
    if (!ran.ok()) return ran;
  }
  return page;
}

Status SqlStore::LoadOutline(int64_t id, report::Report* report) {
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

Status SqlStore::LoadExtraction(int64_t id, targets::Extraction* extraction) {
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

Status SqlStore::LoadNeighbours(const DocumentSummary& summary, StoredDocument* out) {
  // Same place: the same region, or the same locality when the region is
  // unknown; same type; ordered by (year, date, id).
  constexpr char kSamePlace[] =
      " FROM documents WHERE primary_id IS NULL AND region_code IS NOT DISTINCT FROM nullif(?1, '')"
      " AND locality = ?2 AND doc_type = ?3 AND ";
  struct Neighbour {
    bool before;
    int64_t* id;
    std::string* title;
  };
  for (const Neighbour& n : {Neighbour{true, &out->previous_id, &out->previous_title},
                             Neighbour{false, &out->next_id, &out->next_title}}) {
    const bool before = n.before;
    Result<Statement*> stmt =
        Cached(std::string("SELECT id, title") + kSamePlace +
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
    Status ran = ForEachRow(*stmt, [&](const Statement& row) {
      *n.id = row.ColumnInt(0);
      *n.title = row.ColumnText(1);
    });
    if (!ran.ok()) return ran;
  }
  return Status::Ok();
}

Result<StoredDocument> SqlStore::GetDocument(int64_t id) {
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

Result<std::vector<DocumentSummary>> SqlStore::ReportSources(int64_t id) {
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

Status SqlStore::LoadSameYear(const DocumentSummary& summary, StoredDocument* out) {
  Result<Statement*> stmt = Cached(
      std::string("SELECT ") + kSummaryColumns +
      " FROM documents d WHERE d.primary_id IS NULL AND d.region_code IS NOT DISTINCT FROM "
      "nullif(?1, '')"
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

Result<std::vector<RegionSummary>> SqlStore::ListRegions() {
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
  // Reports by region. Where every document is its report's primary source
  // (nearly everywhere) they are counted from documents_region_year alone,
  // not by reading every document's row; the few other regions from their
  // documents' rows.
  Result<Statement*> counts = Cached(
      "SELECT region_code, count(*), min(year), max(year) FROM documents"
      " WHERE region_code IS NOT NULL AND region_code NOT IN (SELECT region_code FROM documents"
      " WHERE primary_id > 0 AND region_code IS NOT NULL) GROUP BY region_code"
      " UNION ALL SELECT region_code, count(*), min(year), max(year) FROM documents"
      " WHERE +primary_id IS NULL AND region_code IN (SELECT region_code FROM documents"
      " WHERE primary_id > 0) GROUP BY region_code");
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

void SqlStore::BindLimit(Statement* stmt, int index, std::optional<int64_t> limit) const {
  if (limit) {
    stmt->BindInt(index, *limit);
  } else if (db_.dialect() == Dialect::kSqlite) {
    stmt->BindInt(index, -1);
  } else {
    stmt->BindNull(index);
  }
}

Result<FindingPage> SqlStore::ListFindings(const FindingFilter& filter) {
  Status valid = ValidateFindingFilter(filter);
  if (!valid.ok()) return valid;
  const targets::FindingKind kind = filter.kind;
  const std::string order =
      " ORDER BY d.year DESC, d.date DESC, d.id DESC, f." + OrdinalColumn(kind);
  // The page is chosen by sorting ids only, then its rows are read: sorting
  // whole rows (sentences and all) of every match costs far more. The total
  // is counted apart for the same reason.
  const Conditions paged = FindingConditions(db_.dialect(), filter, filter.limit > 0);
  Result<Statement*> stmt =
      Cached("SELECT " + StoredFindingColumns(kind) + " FROM (SELECT f.id AS page_id FROM " +
             FindingFrom(kind, FiltersByVerdict(filter)) + paged.where() + order +
             " LIMIT ? OFFSET ?) AS page JOIN " + FindingFrom(kind, true, " ON f.id = page_id") +
             " JOIN document_keys k ON k.document_id = d.id" + order);
  if (!stmt.ok()) return stmt.status();
  const int next = paged.Bind(*stmt);
  BindLimit(*stmt, next, filter.limit == 0 ? std::nullopt : std::optional<int64_t>(filter.limit));
  (*stmt)->BindInt(next + 1, filter.offset);
  FindingPage page;
  Status ran = ForEachRow(
      *stmt, [&](const Statement& row) { page.findings.push_back(ReadStoredFinding(row, kind)); });
  if (!ran.ok()) return ran;
  if (filter.limit == 0 && filter.offset == 0) {  // every match was read
    page.total = static_cast<int64_t>(page.findings.size());
    return page;
  }
  if (!filter.count_total) {
    page.total = -1;
    return page;
  }
  const bool alone = ByTargetColumnsOnly(db_.dialect(), filter);
  const Conditions c =
      alone ? TargetColumnConditions(filter) : FindingConditions(db_.dialect(), filter);
  Result<Statement*> count = Cached(
      "SELECT count(*) FROM " +
      (alone ? std::string("targets f") : FindingFrom(kind, FiltersByVerdict(filter))) + c.where());
  if (!count.ok()) return count.status();
  c.Bind(*count);
  ran = ForEachRow(*count, [&](const Statement& row) { page.total = row.ColumnInt(0); });
  if (!ran.ok()) return ran;
  return page;
}

Result<std::string> SqlStore::PartsText(int64_t id, report::PartKind kind) {
  // Spans are byte offsets: the text is cut as a blob.
  Result<Statement*> stmt =
      Cached("SELECT " +
             ByteSubstring(db_.dialect(), "d.body", "p.span_begin", "p.span_end - p.span_begin") +
             " FROM parts p JOIN documents d ON d.id = p.document_id"
             " WHERE p.document_id = ?1 AND p.kind = ?2 ORDER BY p.part_no");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindAll(id, report::PartKindName(kind));
  std::string text;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) {
    text += row.ColumnText(0);
    text += '\n';
  });
  if (!ran.ok()) return ran;
  return text;
}

Result<std::vector<StoredFinding>> SqlStore::FindingsById(targets::FindingKind kind,
                                                          const std::vector<int64_t>& ids) {
  Result<Statement*> stmt =
      Cached("SELECT " + StoredFindingColumns(kind) + " FROM " + FindingFrom(kind, true) +
             " JOIN document_keys k ON k.document_id = d.id WHERE f.id = ?1");
  if (!stmt.ok()) return stmt.status();
  std::vector<StoredFinding> found;
  for (int64_t id : ids) {
    (*stmt)->BindInt(1, id);
    Status ran = ForEachRow(
        *stmt, [&](const Statement& row) { found.push_back(ReadStoredFinding(row, kind)); });
    if (!ran.ok()) return ran;
  }
  return found;
}

Result<std::optional<std::vector<GroupCount>>> SqlStore::KeptTopicCounts(
    const FindingFilter& filter, int max_groups) {
  Result<Statement*> kept = Cached("SELECT EXISTS (SELECT 1 FROM target_totals)");
  if (!kept.ok()) return kept.status();
  bool counted = false;
  Status ran = ForEachRow(*kept, [&](const Statement& row) { counted = row.ColumnInt(0) != 0; });
  if (!ran.ok()) return ran;
  if (!counted) return std::optional<std::vector<GroupCount>>();
  const Conditions c = TargetColumns(filter);
  Result<Statement*> stmt = Cached(
      "SELECT coalesce(f.topic, '') AS k, coalesce(f.topic, ''), sum(f.n) AS n FROM target_totals "
      "f" +
      c.where() + " GROUP BY f.topic ORDER BY n DESC, k LIMIT ?");
  if (!stmt.ok()) return stmt.status();
  BindLimit(*stmt, c.Bind(*stmt),
            max_groups > 0 ? std::optional<int64_t>(max_groups) : std::nullopt);
  std::vector<GroupCount> groups;
  ran = ForEachRow(*stmt, [&](const Statement& row) {
    groups.push_back({row.ColumnText(0), row.ColumnText(1), row.ColumnInt(2)});
  });
  if (!ran.ok()) return ran;
  return std::optional(std::move(groups));
}

Result<std::vector<GroupCount>> SqlStore::CountFindings(const FindingFilter& filter,
                                                        FindingGroup group, int max_groups) {
  FindingFilter unpaged = filter;
  unpaged.offset = 0;
  unpaged.limit = 0;
  Status valid = ValidateFindingFilter(unpaged);
  if (!valid.ok()) return valid;
  // The key, its label, and the column grouped by (the key but for NULL).
  std::string key;
  std::string label;
  std::string column;
  switch (group) {
    case FindingGroup::kTopic:
      key = label = "coalesce(f.topic, '')";
      column = "f.topic";
      break;
    case FindingGroup::kYear:
      key = label = "CAST(f.year AS TEXT)";
      column = "f.year";
      break;
    case FindingGroup::kRegion:
      key = "coalesce(d.region_code, '')";
      label = "coalesce((SELECT name FROM regions WHERE code = d.region_code), min(d.locality))";
      column = "d.region_code";
      break;
    case FindingGroup::kIndicator:
      key = label = "f.indicator";
      column = "f.indicator";
      break;
  }
  const bool alone = group != FindingGroup::kRegion && ByTargetColumnsOnly(db_.dialect(), filter);
  if (alone && group == FindingGroup::kTopic) {
    Result<std::optional<std::vector<GroupCount>>> kept = KeptTopicCounts(filter, max_groups);
    if (!kept.ok()) return kept.status();
    if (*kept) return std::move(**kept);
  }
  const Conditions c =
      alone ? TargetColumnConditions(filter) : FindingConditions(db_.dialect(), filter);
  Result<Statement*> stmt = Cached(
      "SELECT " + key + " AS k, " + label + ", count(*) AS n FROM " +
      (alone ? std::string("targets f") : FindingFrom(filter.kind, FiltersByVerdict(filter))) +
      c.where() + " GROUP BY " + column + " ORDER BY n DESC, k LIMIT ?");
  if (!stmt.ok()) return stmt.status();
  BindLimit(*stmt, c.Bind(*stmt),
            max_groups > 0 ? std::optional<int64_t>(max_groups) : std::nullopt);
  std::vector<GroupCount> groups;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) {
    groups.push_back({row.ColumnText(0), row.ColumnText(1), row.ColumnInt(2)});
  });
  if (!ran.ok()) return ran;
  return groups;
}

Result<std::vector<StatusCount>> SqlStore::CountStatuses(const FindingFilter& filter) {
  FindingFilter unpaged = filter;
  unpaged.offset = 0;
  unpaged.limit = 0;
  Status valid = ValidateFindingFilter(unpaged);
  if (!valid.ok()) return valid;
  if (filter.kind == targets::FindingKind::kOutcome) {
    return InvalidInput("outcomes have no verdicts to count");
  }
  Conditions c = FindingConditions(db_.dialect(), unpaged);
  c.Add("v.status IS NOT NULL");
  Result<Statement*> stmt =
      Cached("SELECT f.year, coalesce(f.topic, '') AS t, v.status, count(*) FROM " +
             FindingFrom(filter.kind, true) + c.where() +
             " GROUP BY f.year, t, v.status ORDER BY f.year, t, v.status");
  if (!stmt.ok()) return stmt.status();
  c.Bind(*stmt);
  std::vector<StatusCount> counts;
  Status ran = ForEachRow(*stmt, [&](const Statement& row) {
    counts.push_back({static_cast<int>(row.ColumnInt(0)), row.ColumnText(1),
                      StatusColumn(row.ColumnText(2)), row.ColumnInt(3)});
  });
  if (!ran.ok()) return ran;
  return counts;
}

}  // namespace mubiao::store
