// The SQLite backend's full-text search over its two FTS5 indexes (schema
// step 5): the word index document_fts and the character index
// document_chars, combined as search::PlanIndexQuery splits a query.
#include <optional>

#include "search/query.h"
#include "search/snippet.h"
#include "store/columns.h"
#include "store/sql_store_impl.h"

namespace mubiao::store {
namespace {

// Parameters of a search statement: ?1 the driving MATCH expression, ?2 the
// title weight, ?3 to ?9 the filters, ?10 and ?11 limit and offset, and
// from ?12 on the MATCH expressions of the further conditions, in order.
constexpr int kFirstConditionParameter = 12;

// The SELECT of matching document ids and ranks for a query's shape, and
// the MATCH expressions its conditions bind from ?12 on.
struct SearchShape {
  std::string select;
  std::vector<std::string> condition_matches;
};

SearchShape ShapeOf(const search::IndexQuery& plan, bool filtered) {
  // The index that drives the search: the word index when a group needs it
  // (ranked by bm25, title weighted), else the character index; when every
  // group mixes both, the documents table. Only the word index ranks: bm25
  // on the character index, which has no positions, would tokenize every
  // matching document again to count hits.
  std::string driver = "documents";
  std::string id = "documents.id";
  std::string rank = "0.0";
  if (!plan.words.empty() || !plan.characters.empty()) {
    driver = plan.words.empty() ? "document_chars" : "document_fts";
    id = driver + ".rowid";
    if (!plan.words.empty()) rank = "bm25(document_fts, 1.0, ?2)";
  }
  SearchShape shape;
  std::string where;
  auto condition = [&](const std::string& sql) { where += (where.empty() ? "" : " AND ") + sql; };
  auto param = [&](const std::string& match) {
    shape.condition_matches.push_back(match);
    return "?" + std::to_string(kFirstConditionParameter + shape.condition_matches.size() - 1);
  };
  auto in_index = [&](const char* index, const std::string& match) {
    return std::string("SELECT rowid FROM ") + index + " WHERE " + index + " MATCH " + param(match);
  };
  if (driver != "documents") condition(driver + " MATCH ?1");
  if (!plan.words.empty() && !plan.characters.empty()) {
    condition(id + " IN (" + in_index("document_chars", plan.characters) + ")");
  }
  for (const search::IndexQuery::Mixed& mixed : plan.mixed) {
    condition(id + " IN (" + in_index("document_fts", mixed.words) + " UNION " +
              in_index("document_chars", mixed.characters) + ")");
  }
  if (!plan.excluded_words.empty()) {
    condition(id + " NOT IN (" + in_index("document_fts", plan.excluded_words) + ")");
  }
  if (!plan.excluded_characters.empty()) {
    condition(id + " NOT IN (" + in_index("document_chars", plan.excluded_characters) + ")");
  }
  std::string from = driver;
  if (filtered) {
    // The index drives the join (CROSS JOIN keeps it the outer loop).
    if (driver != "documents") from += " CROSS JOIN documents ON documents.id = " + id;
    condition(
        "(?3 IS NULL OR (documents.region_code >= ?3 AND documents.region_code < ?4))"
        " AND (?5 IS NULL OR documents.geo = ?5) AND (?6 IS NULL OR documents.level = ?6)"
        " AND (?7 IS NULL OR documents.doc_type = ?7) AND (?8 IS NULL OR documents.year >= ?8)"
        " AND (?9 IS NULL OR documents.year <= ?9)");
  }
  shape.select = "SELECT " + id + " AS id, " + rank + " AS rank FROM " + from + " WHERE " + where;
  return shape;
}

}  // namespace

Status SqlStore::MapForReading() {
  if (memory_mapped_ || db_.dialect() != Dialect::kSqlite) return Status::Ok();
  // Reads go through a memory map: ranking touches the index and a row of
  // every matching document, and a document's columns after its text are
  // reached through the text's overflow pages, at no system call once the
  // pages are hot. Only connections that read map the file, so a bulk
  // import's memory is not inflated by the database's pages. As much of
  // the file as the SQLite build allows (SQLITE_MAX_MMAP_SIZE, 2 GB by
  // default).
  Status mapped = db_.Exec("PRAGMA mmap_size = 1099511627776");
  if (mapped.ok()) memory_mapped_ = true;
  return mapped;
}

Result<search::SearchResults> SqlStore::Search(const search::SearchRequest& request) {
  Status valid = search::ValidateRequest(request);
  if (!valid.ok()) return valid;
  Status mapped = MapForReading();
  if (!mapped.ok()) return mapped;
  Result<search::Query> query = search::ParseQuery(request.query);
  if (!query.ok()) return query.status();
  Result<search::SearchResults> ranked = db_.dialect() == Dialect::kSqlite
                                             ? RankSqlite(*query, request)
                                             : RankPostgres(*query, request);
  if (!ranked.ok()) return ranked.status();
  search::SearchResults results = std::move(*ranked);
  for (search::SearchHit& hit : results.hits) {
    search_hit_.BindInt(1, hit.id);
    Status ran = ForEachRow(&search_hit_, [&](const Statement& row) {
      hit.title = row.ColumnText(0);
      hit.doc_type = DocTypeColumn(row.ColumnText(1));
      hit.region_code = row.ColumnText(2);
      hit.locality = row.ColumnText(3);
      hit.level = LevelColumn(row.ColumnText(4));
      hit.geo = GeoColumn(row.ColumnText(5));
      hit.year = static_cast<int>(row.ColumnInt(6));
      hit.date = row.ColumnText(7);
      hit.source_path = row.ColumnText(8);
      search::Snippet snippet = search::MakeSnippet(row.ColumnText(9), *query,
                                                    static_cast<size_t>(request.snippet_chars));
      hit.snippet = std::move(snippet.text);
      hit.highlights = std::move(snippet.highlights);
    });
    if (!ran.ok()) return ran;
  }
  return results;
}

Result<search::SearchResults> SqlStore::RankSqlite(const search::Query& query,
                                                   const search::SearchRequest& request) {
  const search::IndexQuery plan = search::PlanIndexQuery(query);
  const search::SearchFilters& f = request.filters;
  const bool filtered = !f.region_code.empty() || f.geo.has_value() || f.level.has_value() ||
                        f.doc_type.has_value() || f.year_min > 0 || f.year_max > 0;
  const SearchShape shape = ShapeOf(plan, filtered);

  std::string region_first;
  std::string region_limit;
  if (!f.region_code.empty()) search::RegionCodeRange(f.region_code, &region_first, &region_limit);
  // The shapes share one numbering, and not every statement uses every
  // parameter: those past a statement's last one are not bound.
  auto bind = [&](Statement* stmt) {
    const int last = stmt->ParameterCount();
    const auto text = [&](int i, std::string_view value) {
      if (i <= last) stmt->BindText(i, value);
    };
    const auto filter = [&](int i, std::string_view value) {
      if (i <= last) stmt->BindTextOrNull(i, value);
    };
    const auto year = [&](int i, int y) {
      if (i <= last) stmt->BindIntOrNull(i, y > 0 ? std::optional<int64_t>(y) : std::nullopt);
    };
    text(1, plan.words.empty() ? plan.characters : plan.words);
    if (last >= 2) stmt->BindDouble(2, search::kTitleWeight);
    filter(3, region_first);
    text(4, region_limit);
    filter(5, FilterName(f.geo));
    filter(6, FilterName(f.level));
    filter(7, FilterName(f.doc_type));
    year(8, f.year_min);
    year(9, f.year_max);
    for (size_t i = 0; i < shape.condition_matches.size(); ++i) {
      text(kFirstConditionParameter + static_cast<int>(i), shape.condition_matches[i]);
    }
  };

  // Ranks are computed in a materialised CTE (bm25 only works in the FTS
  // query's own context); the window count gives the total of all pages in
  // the same pass.
  Result<Statement*> rank = Cached("WITH matches AS MATERIALIZED (" + shape.select +
                                   ") SELECT id, rank, count(*) OVER () FROM matches"
                                   " ORDER BY rank, id LIMIT ?10 OFFSET ?11");
  if (!rank.ok()) return rank.status();
  bind(*rank);
  (*rank)->BindInt(10, request.limit);
  (*rank)->BindInt(11, request.offset);
  search::SearchResults results;
  Status ran = ForEachRow(*rank, [&](const Statement& row) {
    search::SearchHit hit;
    hit.id = row.ColumnInt(0);
    hit.score = -row.ColumnDouble(1);  // bm25 is lower for better matches
    results.total = row.ColumnInt(2);
    results.hits.push_back(std::move(hit));
  });
  if (!ran.ok()) return ran;

  if (results.hits.empty() && request.offset > 0) {
    // Past the last page: the rows that carry the total were all skipped.
    Result<Statement*> count = Cached("SELECT count(*) FROM (" + shape.select + ") AS matches");
    if (!count.ok()) return count.status();
    bind(*count);
    ran = ForEachRow(*count, [&](const Statement& row) { results.total = row.ColumnInt(0); });
    if (!ran.ok()) return ran;
  }
  return results;
}

}  // namespace mubiao::store
