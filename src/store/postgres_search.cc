// Full-text search on PostgreSQL (schema_postgres.cc): a query's terms
// become tsqueries of our tokenizer's tokens over document_passages (word
// terms, as phrases) and document_chars (single CJK characters); a
// document matches when every group of the query has a term it contains
// and no excluded term. Ranked by ts_rank over the matching passages, the
// title's weighted as search::kTitleWeight.
#include <variant>

#include "search/query.h"
#include "store/columns.h"
#include "store/postgres_text.h"
#include "store/sql_store_impl.h"

namespace mubiao::store {
namespace {

// Parameters of a statement being written, numbered as they are added.
class Parameters {
 public:
  std::string Text(std::string value) { return Add(std::move(value)); }
  std::string Int(int64_t value) { return Add(value); }
  std::string Real(double value) { return Add(value); }
  void Bind(Statement* stmt) const {
    for (size_t i = 0; i < values_.size(); ++i) {
      const int index = static_cast<int>(i) + 1;
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::string>) stmt->BindText(index, v);
            if constexpr (std::is_same_v<T, int64_t>) stmt->BindInt(index, v);
            if constexpr (std::is_same_v<T, double>) stmt->BindDouble(index, v);
          },
          values_[i]);
    }
  }
  int next() const { return static_cast<int>(values_.size()) + 1; }

 private:
  std::string Add(std::variant<std::string, int64_t, double> value) {
    values_.push_back(std::move(value));
    return "?" + std::to_string(values_.size());
  }
  std::vector<std::variant<std::string, int64_t, double>> values_;
};

// The ids of the documents containing `term` (a subquery).
std::string DocumentsWith(const search::Term& term, Parameters* p) {
  if (search::IsCharacterTerm(term)) {
    return "SELECT document_id FROM document_chars WHERE chars @@ " +
           p->Text(CharacterQuery(term)) + "::tsquery";
  }
  return "SELECT document_id FROM document_passages WHERE words @@ " + p->Text(PhraseQuery(term)) +
         "::tsquery";
}

// The WHERE of the matching documents `d`.
std::string MatchConditions(const search::Query& query, const search::SearchFilters& f,
                            Parameters* p) {
  std::string where = "d.primary_id IS NULL";
  for (const std::vector<search::Term>& group : query.required) {
    std::string any;
    for (const search::Term& term : group) {
      any += (any.empty() ? "" : " OR ") + std::string("d.id IN (") + DocumentsWith(term, p) + ")";
    }
    where += " AND (" + any + ")";
  }
  for (const search::Term& term : query.excluded) {
    where += " AND d.id NOT IN (" + DocumentsWith(term, p) + ")";
  }
  if (!f.region_code.empty()) {
    std::string first, limit;
    search::RegionCodeRange(f.region_code, &first, &limit);
    where += " AND d.region_code >= " + p->Text(first) + " AND d.region_code < " + p->Text(limit);
  }
  if (f.geo) where += " AND d.geo = " + p->Text(std::string(FilterName(f.geo)));
  if (f.level) where += " AND d.level = " + p->Text(std::string(FilterName(f.level)));
  if (f.doc_type) where += " AND d.doc_type = " + p->Text(std::string(FilterName(f.doc_type)));
  if (f.year_min > 0) where += " AND d.year >= " + p->Int(f.year_min);
  if (f.year_max > 0) where += " AND d.year <= " + p->Int(f.year_max);
  return where;
}

// The tsquery of every required word term (any of them), for ranking; ""
// when the query has none.
std::string RankQuery(const search::Query& query) {
  std::string any;
  for (const std::vector<search::Term>& group : query.required) {
    for (const search::Term& term : group) {
      if (search::IsCharacterTerm(term)) continue;
      any += (any.empty() ? "" : " | ") + PhraseQuery(term);
    }
  }
  return any;
}

}  // namespace

Result<search::SearchResults> SqlStore::RankPostgres(const search::Query& query,
                                                     const search::SearchRequest& request) {
  Parameters p;
  const std::string where = MatchConditions(query, request.filters, &p);
  const std::string ranking = RankQuery(query);
  std::string rank = "0.0";
  if (!ranking.empty()) {
    const std::string q = p.Text(ranking) + "::tsquery";
    rank = "coalesce((SELECT sum(ts_rank(x.words, " + q + ") * CASE WHEN x.passage_no = 0 THEN " +
           p.Real(search::kTitleWeight) +
           " ELSE 1 END) FROM document_passages x WHERE x.document_id = d.id AND x.words @@ " + q +
           "), 0)";
  }
  const std::string limit = "?" + std::to_string(p.next());
  const std::string offset = "?" + std::to_string(p.next() + 1);
  Result<Statement*> ranked =
      Cached("SELECT d.id, " + rank + " AS rank, count(*) OVER () FROM documents d WHERE " + where +
             " ORDER BY rank DESC, d.id LIMIT " + limit + " OFFSET " + offset);
  if (!ranked.ok()) return ranked.status();
  p.Bind(*ranked);
  (*ranked)->BindInt(p.next(), request.limit);
  (*ranked)->BindInt(p.next() + 1, request.offset);
  search::SearchResults results;
  Status ran = ForEachRow(*ranked, [&](const Statement& row) {
    search::SearchHit hit;
    hit.id = row.ColumnInt(0);
    hit.score = row.ColumnDouble(1);
    results.total = row.ColumnInt(2);
    results.hits.push_back(std::move(hit));
  });
  if (!ran.ok()) return ran;
  if (results.hits.empty() && request.offset > 0) {
    // Past the last page: the rows that carry the total were all skipped.
    Parameters counted;
    const std::string count_where = MatchConditions(query, request.filters, &counted);
    Result<Statement*> count = Cached("SELECT count(*) FROM documents d WHERE " + count_where);
    if (!count.ok()) return count.status();
    counted.Bind(*count);
    ran = ForEachRow(*count, [&](const Statement& row) { results.total = row.ColumnInt(0); });
    if (!ran.ok()) return ran;
  }
  return results;
}

}  // namespace mubiao::store
