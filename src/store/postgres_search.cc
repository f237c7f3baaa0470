// Full-text search on PostgreSQL (schema_postgres.cc): a query's terms
// become tsqueries of our tokenizer's tokens over document_passages (word
// terms, as phrases) and document_chars (single CJK characters); a
// document matches when every group of the query has a term it contains
// and no excluded term. Ranked as bm25 ranks, the passages a group's word
// terms were found in standing for the words (the title weighing
// search::kTitleWeight) and a document's passages for its length; one for a
// character; summed over the groups.
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

// The documents matching a group of terms (any of them), each with its
// hits: the passages a word term was found in (the title counting
// search::kTitleWeight), one for a character term. One pass over the
// matching passages, through their GIN index.
std::string GroupHits(const std::vector<search::Term>& group, Parameters* p) {
  std::string words, characters;
  for (const search::Term& term : group) {
    std::string& any = search::IsCharacterTerm(term) ? characters : words;
    any += (any.empty() ? "" : " | ") +
           (search::IsCharacterTerm(term) ? CharacterQuery(term) : PhraseQuery(term));
  }
  std::string parts;
  if (!words.empty()) {
    // As bm25 weighs each column: the title's hit times its weight, plus
    // the body's with bm25's saturation and length normalisation (k1 1.2,
    // b 0.75), the passages standing for words: hits in a long report weigh
    // less.
    parts = "SELECT h.document_id, h.title * " + p->Real(search::kTitleWeight) +
            " + h.tf * 2.2 / (h.tf + 1.2 * (0.25 + 0.75 * c.passages /"
            " (SELECT avg(passages) FROM document_chars))) AS hits FROM (SELECT document_id,"
            " count(*) FILTER (WHERE passage_no = 0) AS title,"
            " count(*) FILTER (WHERE passage_no > 0) AS tf FROM document_passages WHERE words @@ " +
            p->Text(words) +
            "::tsquery GROUP BY document_id) AS h JOIN document_chars c ON c.document_id ="
            " h.document_id";
  }
  if (!characters.empty()) {
    parts += std::string(parts.empty() ? "" : " UNION ALL ") +
             "SELECT document_id, 1 AS hits FROM document_chars WHERE chars @@ " +
             p->Text(characters) + "::tsquery";
  }
  return "SELECT document_id, sum(hits) AS hits FROM (" + parts + ") AS parts GROUP BY document_id";
}

// The matching documents `d` and their rank (the sum of their groups'
// hits), for the ranking and counting statements.
struct Matches {
  std::string rank;        // an expression
  std::string from_where;  // "FROM ... WHERE ..."
};

Matches MatchesOf(const search::Query& query, const search::SearchFilters& f, Parameters* p) {
  std::string from, rank;
  for (size_t i = 0; i < query.required.size(); ++i) {
    const std::string g = "g" + std::to_string(i);
    from += (i == 0 ? "(" : " JOIN (") + GroupHits(query.required[i], p) + ") AS " + g +
            (i == 0 ? "" : " ON " + g + ".document_id = g0.document_id");
    rank += (i == 0 ? "" : " + ") + g + ".hits";
  }
  std::string where = "d.primary_id IS NULL";
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
  return {rank, "FROM " + from + " JOIN documents d ON d.id = g0.document_id WHERE " + where};
}

}  // namespace

Result<search::SearchResults> SqlStore::RankPostgres(const search::Query& query,
                                                     const search::SearchRequest& request) {
  Parameters p;
  const Matches matches = MatchesOf(query, request.filters, &p);
  const std::string limit = "?" + std::to_string(p.next());
  const std::string offset = "?" + std::to_string(p.next() + 1);
  Result<Statement*> ranked =
      Cached("SELECT d.id, " + matches.rank + " AS rank, count(*) OVER () " + matches.from_where +
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
    const Matches all = MatchesOf(query, request.filters, &counted);
    Result<Statement*> count = Cached("SELECT count(*) " + all.from_where);
    if (!count.ok()) return count.status();
    counted.Bind(*count);
    ran = ForEachRow(*count, [&](const Statement& row) { results.total = row.ColumnInt(0); });
    if (!ran.ok()) return ran;
  }
  return results;
}

}  // namespace mubiao::store
