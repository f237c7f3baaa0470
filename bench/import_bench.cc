// Import and search at corpus scale, against an FTS5 trigram index as the
// baseline, in one run. Prints figures and ratios; asserts nothing.
//
//   import_bench [DATA_DIR]
//
// 1. Imports DATA_DIR/corpus (~3,000 reports, ~150 MB) into a fresh SQLite
//    store with every core (parse, analyse, store, index): docs/s, MB/s,
//    peak RSS.
//    Then deriving and storing every place's verdicts (what `mubiao import`
//    does next), and the cost of regrouping the stored documents into
//    reports, which every write pays.
// 2. Database and index size against the text size.
// 3. Builds an FTS5 trigram index over the same documents (a copy in a
//    second database) and runs a fixed set of 30 queries on both: p50, p95
//    and p99 latency over all runs, and the ratios. A query on our side is
//    the whole Store::Search (parse, rank, count, snippets for 10 hits); on
//    the trigram side the same work in SQL: MATCH for terms of 3 or more
//    characters, LIKE scans for shorter ones (trigrams cannot index them),
//    bm25, a count, and FTS5 snippets.

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "search/query.h"
#include "store/fts5_tokenizer.h"
#include "store/loader.h"
#include "store/sql.h"
#include "store/sql_store.h"
#include "text/utf8.h"
#include "tracking/store_tracking.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using mubiao::Result;
using mubiao::Status;
using mubiao::search::SearchRequest;
namespace store = mubiao::store;

namespace {

constexpr int kRepetitions = 20;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

void Check(const Status& status, const char* what) {
  if (!status.ok()) {
    std::fprintf(stderr, "import_bench: %s: %s\n", what, status.message().c_str());
    std::exit(1);
  }
}

class QuietListener : public store::LoadListener {
 public:
  void OnFailure(const std::string&, const std::string&) override { ++failures; }
  void OnProgress(const store::LoadProgress&) override {}
  int failures = 0;
};

// Runs SQL returning one number.
double QueryNumber(store::Database* db, const std::string& sql) {
  Result<store::Statement> stmt = store::Statement::Prepare(db, sql);
  Check(stmt.status(), sql.c_str());
  Result<bool> row = stmt->Step();
  Check(row.status(), sql.c_str());
  return *row ? stmt->ColumnDouble(0) : 0;
}

SearchRequest Request(const char* query) {
  SearchRequest request;
  request.query = query;
  return request;
}

// The fixed query set: 1 to 6 characters, phrases, boolean operators, filters.
std::vector<SearchRequest> Queries() {
  std::vector<SearchRequest> queries;
  for (const char* q : {"粮",
                        "疫",
                        "碳",
                        "鼎",
                        "发",
                        "养老",
                        "就业",
                        "芯片",
                        "5G",
                        "托育",
                        "碳达峰",
                        "新基建",
                        "双循环",
                        "一老一小",
                        "乡村振兴",
                        "营商环境",
                        "专精特新",
                        "人工智能",
                        "高质量发展",
                        "新增城镇就业",
                        "数字经济发展",
                        "\"粮食 安全\"",
                        "\"新型 城镇化\"",
                        "养老 托育",
                        "芯片 OR 集成电路",
                        "疫情 -核酸"}) {
    queries.push_back(Request(q));
  }
  SearchRequest henan = Request("养老");
  henan.filters.region_code = "410000";
  queries.push_back(henan);
  SearchRequest cities = Request("乡村振兴");
  cities.filters.level = mubiao::regions::RegionLevel::kPrefecture;
  cities.filters.year_min = 2021;
  cities.filters.year_max = 2023;
  queries.push_back(cities);
  SearchRequest east = Request("碳达峰");
  east.filters.geo = mubiao::regions::GeoRegion::kHuadong;
  queries.push_back(east);
  SearchRequest communiques = Request("粮食");
  communiques.filters.doc_type = mubiao::report::DocType::kCommunique;
  queries.push_back(communiques);
  return queries;
}

// One query on the trigram baseline, as SQL and its bound values.
// The enum filters of a request as (value, column) pairs; "" for none.
std::vector<std::pair<std::string, const char*>> FilterColumns(
    const mubiao::search::SearchFilters& f) {
  return {{f.geo ? std::string(mubiao::regions::GeoRegionSlug(*f.geo)) : "", "geo"},
          {f.level ? std::string(mubiao::regions::RegionLevelName(*f.level)) : "", "level"},
          {f.doc_type ? std::string(mubiao::report::DocTypeKey(*f.doc_type)) : "", "doc_type"}};
}

struct TrigramQuery {
  std::string match;                // FTS5 trigram MATCH expression, "" when none
  std::string where;                // LIKE conditions and filters on docs (d)
  std::vector<std::string> values;  // bound in order after the MATCH expression
};

std::string Quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// A phrase's words run together ("粮食 安全" → 粮食安全): the nearest a
// trigram index gets to "these words next to each other".
std::string Unspaced(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ') out += c;
  }
  return out;
}

TrigramQuery Translate(const SearchRequest& request) {
  Result<mubiao::search::Query> query = mubiao::search::ParseQuery(request.query);
  Check(query.status(), request.query.c_str());
  TrigramQuery out;
  auto like = [&](const std::string& text) {
    out.values.push_back("%" + text + "%");
    out.values.push_back("%" + text + "%");
    return std::string("(d.title LIKE ? OR d.body LIKE ?)");
  };
  for (const auto& group : query->required) {
    bool all_indexable = true;
    for (const auto& term : group) all_indexable &= mubiao::text::CountCodePoints(term.text) >= 3;
    if (all_indexable) {
      std::string any;
      for (const auto& term : group)
        any += (any.empty() ? "" : " OR ") + Quoted(Unspaced(term.text));
      out.match += (out.match.empty() ? "(" : " AND (") + any + ")";
    } else {
      std::string any;
      for (const auto& term : group) any += (any.empty() ? "" : " OR ") + like(Unspaced(term.text));
      out.where += " AND (" + any + ")";
    }
  }
  for (const auto& term : query->excluded) out.where += " AND NOT " + like(term.text);
  const auto& f = request.filters;
  if (!f.region_code.empty()) {
    std::string first;
    std::string limit;
    mubiao::search::RegionCodeRange(f.region_code, &first, &limit);
    out.where += " AND d.region_code >= ? AND d.region_code < ?";
    out.values.push_back(first);
    out.values.push_back(limit);
  }
  for (auto [value, column] : FilterColumns(f)) {
    if (value.empty()) continue;
    out.where += std::string(" AND d.") + column + " = ?";
    out.values.push_back(value);
  }
  if (f.year_min > 0) out.where += " AND d.year >= " + std::to_string(f.year_min);
  if (f.year_max > 0) out.where += " AND d.year <= " + std::to_string(f.year_max);
  return out;
}

// Runs one baseline query: the ranked page with the total, then snippets.
int64_t RunTrigram(store::Database* db, const TrigramQuery& q) {
  std::string sql;
  if (!q.match.empty()) {
    sql =
        "WITH matches AS MATERIALIZED (SELECT tri.rowid AS id, bm25(tri, 10.0, 1.0) AS rank"
        " FROM tri CROSS JOIN docs d ON d.id = tri.rowid WHERE tri MATCH ?" +
        q.where + ") SELECT id, count(*) OVER () FROM matches ORDER BY rank, id LIMIT 10";
  } else {
    sql = "SELECT d.id, count(*) OVER () FROM docs d WHERE 1" + q.where + " ORDER BY d.id LIMIT 10";
  }
  Result<store::Statement> page = store::Statement::Prepare(db, sql);
  Check(page.status(), sql.c_str());
  int index = 1;
  if (!q.match.empty()) page->BindText(index++, q.match);
  for (const std::string& value : q.values) page->BindText(index++, value);
  std::vector<int64_t> ids;
  int64_t total = 0;
  while (*page->Step()) {
    ids.push_back(page->ColumnInt(0));
    total = page->ColumnInt(1);
  }
  Result<store::Statement> snippet = store::Statement::Prepare(
      db, q.match.empty()
              ? "SELECT substr(body, 1, 80) FROM docs WHERE id = ?2"
              : "SELECT snippet(tri, 1, '【', '】', '…', 24) FROM tri WHERE tri MATCH ?1"
                " AND rowid = ?2");
  Check(snippet.status(), "snippet");
  for (int64_t id : ids) {
    if (!q.match.empty()) snippet->BindText(1, q.match);
    snippet->BindInt(2, id);
    Check(snippet->Step().status(), "snippet");
    snippet->Reset();
  }
  return total;
}

struct Percentiles {
  double p50, p95, p99;
};

Percentiles Of(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double p) {
    return ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))];
  };
  return {at(0.50), at(0.95), at(0.99)};
}

double Median(std::vector<double> ms) { return Of(std::move(ms)).p50; }

// The first line of /proc/loadavg: other work on the machine skews every
// figure, so the run says how busy the machine was.
std::string LoadAverage() {
  std::FILE* file = std::fopen("/proc/loadavg", "r");
  if (file == nullptr) return "unknown\n";
  char line[128];
  const bool read = std::fgets(line, sizeof line, file) != nullptr;
  std::fclose(file);
  return read ? line : "unknown\n";
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path data = argc > 1 ? fs::path(argv[1]) : fs::path(MUBIAO_DATA_DIR_DEFAULT);
  if (!fs::exists(data / "corpus")) {
    std::printf("import_bench: no corpus under %s; skipped\n", data.c_str());
    return 0;
  }
  std::vector<fs::path> files;
  uint64_t corpus_bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(data / "corpus")) {
    if (!entry.is_regular_file()) continue;
    files.push_back(entry.path());
    corpus_bytes += entry.file_size();
  }
  std::sort(files.begin(), files.end());
  const fs::path dir =
      fs::temp_directory_path() / ("mubiao_import_bench_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db_path = (dir / "corpus.db").string();

  // 1. Import.
  Result<std::unique_ptr<store::Store>> opened = store::OpenSqlStore(db_path);
  Check(opened.status(), "open");
  std::unique_ptr<store::Store> st = std::move(opened).value();
  QuietListener listener;
  std::printf("load average before the run: %s", LoadAverage().c_str());
  const Clock::time_point t0 = Clock::now();
  Result<store::LoadSummary> loaded =
      store::LoadFiles(st.get(), files, store::LoadOptions(), &listener);
  const double import_s = Seconds(Clock::now() - t0);
  Check(loaded.status(), "import");
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double cpu_s = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                       usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  std::printf("import: %zu files (%.1f MB), %zu documents, %d failures, %u threads\n", files.size(),
              corpus_bytes / 1e6, loaded->documents, listener.failures,
              std::max(1u, std::thread::hardware_concurrency()));
  std::printf("  %.1f s end to end: %.0f docs/s, %.1f MB/s   (goal < 60 s on 2 cores)\n", import_s,
              loaded->documents / import_s, corpus_bytes / 1e6 / import_s);
  std::printf("  %.1f s of CPU (user + system, all threads)\n", cpu_s);
  // What import does next: the verdicts of every place it touched.
  const Clock::time_point tracked_at = Clock::now();
  Result<int> places = mubiao::tracking::UpdateStoredVerdicts(st.get());
  const double track_s = Seconds(Clock::now() - tracked_at);
  Check(places.status(), "verdicts");
  std::printf(
      "  verdicts of %d places derived and stored in %.1f s; import with verdicts %.1f s"
      "   (goal < 60 s on 2 cores)\n",
      *places, track_s, import_s + track_s);
  std::printf("  peak RSS %.0f MB   (goal < 1 GB)\n", usage.ru_maxrss / 1024.0);
  // Every write regroups all stored documents into reports (report
  // identity): an empty write measures what that costs.
  Result<store::StoreCounts> counts = st->Counts();
  Check(counts.status(), "counts");
  const auto time_write = [&](const std::vector<store::DerivedUpdate>& updates) {
    const Clock::time_point begin = Clock::now();
    Check(st->PutDerived(updates), "regroup");
    return Seconds(Clock::now() - begin) * 1e3;
  };
  const double regroup_ms = time_write({});
  std::printf("  %lld reports from %lld documents; regrouping them on every write: %.1f ms\n",
              static_cast<long long>(counts->reports), static_cast<long long>(counts->documents),
              regroup_ms);

  // 2. Sizes.
  Result<store::Database> raw = store::Database::Open(db_path, false);
  Check(raw.status(), "open raw");
  Check(store::RegisterFts5Tokenizer(&*raw), "tokenizer");
  Check(raw->Exec("PRAGMA wal_checkpoint(TRUNCATE)"), "checkpoint");
  const double text_mb =
      QueryNumber(&*raw, "SELECT sum(length(CAST(body AS BLOB))) FROM documents") / 1e6;
  const double index_mb =
      QueryNumber(&*raw,
                  "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'document_fts%' OR"
                  " name LIKE 'document_chars%'") /
      1e6;
  const double db_mb = fs::file_size(db_path) / 1e6;
  std::printf(
      "size: text %.1f MB; full-text index %.1f MB (%.2fx the text, goal <= 1x); "
      "database file %.1f MB (%.2fx)\n",
      text_mb, index_mb, index_mb / text_mb, db_mb, db_mb / text_mb);

  // 3. The trigram baseline over the same documents.
  const std::string tri_path = (dir / "trigram.db").string();
  Result<store::Database> tri = store::Database::Open(tri_path, true);
  Check(tri.status(), "open trigram");
  const std::string attach = "ATTACH DATABASE '" + db_path + "' AS src";  // a path we made
  Check(tri->Exec(attach.c_str()), "attach");
  Check(tri->Exec("CREATE TABLE docs AS SELECT id, title, body, region_code, geo, level, doc_type,"
                  " year FROM src.documents;"
                  "CREATE UNIQUE INDEX docs_id ON docs(id); DETACH DATABASE src"),
        "copy");
  const Clock::time_point t1 = Clock::now();
  Check(tri->Exec("CREATE VIRTUAL TABLE tri USING fts5(title, body, content='docs',"
                  " content_rowid='id', tokenize='trigram');"
                  "INSERT INTO tri(tri) VALUES ('rebuild')"),
        "trigram index");
  const double tri_build_s = Seconds(Clock::now() - t1);
  const double tri_mb =
      QueryNumber(&*tri, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'tri%'") / 1e6;
  std::printf("trigram baseline: index built in %.1f s (one thread), %.1f MB (%.2fx the text)\n",
              tri_build_s, tri_mb, tri_mb / text_mb);

  // 4. Queries.
  std::vector<SearchRequest> queries = Queries();
  std::vector<double> ours_all;
  std::vector<double> tri_all;
  std::printf("\n%-28s %8s %8s %10s %10s %7s\n", "query", "hits", "trigram", "ours ms", "tri ms",
              "ratio");
  for (const SearchRequest& request : queries) {
    const TrigramQuery tq = Translate(request);
    int64_t ours_total = 0;
    int64_t tri_total = 0;
    std::vector<double> ours_ms;
    std::vector<double> tri_ms;
    for (int rep = 0; rep <= kRepetitions; ++rep) {  // the first run warms the caches
      Clock::time_point a = Clock::now();
      Result<mubiao::search::SearchResults> results = st->Search(request);
      Clock::time_point b = Clock::now();
      Check(results.status(), request.query.c_str());
      ours_total = results->total;
      tri_total = RunTrigram(&*tri, tq);
      Clock::time_point c = Clock::now();
      if (rep == 0) continue;
      ours_ms.push_back(Seconds(b - a) * 1e3);
      tri_ms.push_back(Seconds(c - b) * 1e3);
    }
    ours_all.insert(ours_all.end(), ours_ms.begin(), ours_ms.end());
    tri_all.insert(tri_all.end(), tri_ms.begin(), tri_ms.end());
    std::string label = request.query;
    const auto& f = request.filters;
    if (!f.region_code.empty()) label += " region=" + f.region_code;
    for (auto [value, column] : FilterColumns(f)) {
      if (!value.empty()) label += " " + std::string(column) + "=" + value;
    }
    if (f.year_min > 0)
      label += " " + std::to_string(f.year_min) + "-" + std::to_string(f.year_max);
    std::printf("%-28s %8lld %8lld %10.2f %10.2f %6.1fx\n", label.c_str(),
                static_cast<long long>(ours_total), static_cast<long long>(tri_total),
                Median(ours_ms), Median(tri_ms), Median(tri_ms) / Median(ours_ms));
  }
  const Percentiles ours = Of(ours_all);
  const Percentiles base = Of(tri_all);
  std::printf("\nlatency over %zu queries x %d runs (ms); load average now: %s", queries.size(),
              kRepetitions, LoadAverage().c_str());
  std::printf("  %-10s %8s %8s %8s\n", "", "p50", "p95", "p99");
  std::printf("  %-10s %8.2f %8.2f %8.2f   (goal p95 < 10 ms)\n", "ours", ours.p50, ours.p95,
              ours.p99);
  std::printf("  %-10s %8.2f %8.2f %8.2f\n", "trigram", base.p50, base.p95, base.p99);
  std::printf("  %-10s %7.1fx %7.1fx %7.1fx   (trigram / ours)\n", "ratio", base.p50 / ours.p50,
              base.p95 / ours.p95, base.p99 / ours.p99);
  st.reset();
  fs::remove_all(dir);
  return 0;
}
