// Search against the truth: for a list of words, the documents the index
// returns must be exactly those a brute-force scan of the stored texts finds
// (on SQLite, and on PostgreSQL as search_test_postgres).

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "base/testing.h"
#include "search/tokenizer.h"
#include "store/loader.h"
#include "store/sql.h"
#include "store/sql_store.h"
#include "store/testing.h"
#include "text/utf8.h"

namespace mubiao::search {
namespace {

namespace fs = std::filesystem;

// Every national and provincial report and every fourth of the others: a
// third of the corpus, enough for every word below to occur many times.
std::vector<fs::path> CorpusSample() {
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::recursive_directory_iterator(::mubiao::testing::DataDir() / "corpus")) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<fs::path> sample;
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string p = files[i].string();
    if (p.find("/national/") != std::string::npos || p.find("/provinces/") != std::string::npos ||
        i % 4 == 0) {
      sample.push_back(files[i]);
    }
  }
  return sample;
}

bool IsCjk(char32_t cp) { return text::IsHan(cp); }

// True when `cp` would continue an alphanumeric token.
bool IsWordChar(char32_t cp) {
  return cp != text::kReplacementChar && !IsCjk(cp) && u_isalnum(static_cast<UChar32>(cp));
}

char32_t CodePointBefore(std::string_view s, size_t pos, size_t* start) {
  size_t p = pos;
  do {
    --p;
  } while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80);
  *start = p;
  size_t q = p;
  return text::DecodeUtf8(s, &q);
}

// Whether the folded text contains the folded word as the search defines it:
// a plain substring, where an alphanumeric end of the word must also be the
// end of an alphanumeric token of the text.
bool Contains(std::string_view text, std::string_view word) {
  size_t q = 0;
  const char32_t first = text::DecodeUtf8(word, &q);
  size_t last_start = 0;
  const char32_t last = CodePointBefore(word, word.size(), &last_start);
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    bool ok = true;
    if (IsWordChar(first) && at > 0) {
      size_t start = 0;
      const char32_t before = CodePointBefore(text, at, &start);
      size_t start2 = 0;
      ok = !IsWordChar(before) &&
           !(before == '.' && u_isdigit(first) && start > 0 &&
             u_isdigit(static_cast<UChar32>(CodePointBefore(text, start, &start2))));
    }
    const size_t end = at + word.size();
    if (ok && IsWordChar(last) && end < text.size()) {
      size_t next = end;
      const char32_t after = text::DecodeUtf8(text, &next);
      size_t next2 = next;
      ok = !IsWordChar(after) && !(after == '.' && u_isdigit(last) && next < text.size() &&
                                   u_isdigit(static_cast<UChar32>(text::DecodeUtf8(text, &next2))));
    }
    if (ok) return true;
  }
  return false;
}

TEST(CorpusSearchTest, WordsFindExactlyTheDocumentsThatContainThem) {
  MUBIAO_REQUIRE_DATA("corpus");
  const mubiao::testing::TempDir dir("mubiao_corpus_search_test");
  const std::string db_path = store::testing::TestDatabase(dir / "corpus.db");
  {
    Result<std::unique_ptr<store::Store>> store = store::OpenStore(db_path);
    ASSERT_TRUE(store.ok()) << store.status().message();
    struct Quiet : store::LoadListener {
      void OnFailure(const std::string&, const std::string&) override {}
      void OnProgress(const store::LoadProgress&) override {}
    } listener;
    Result<store::LoadSummary> loaded =
        store::LoadFiles(store->get(), CorpusSample(), store::LoadOptions(), &listener);
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    ASSERT_GT(loaded->documents, 500u);
  }

  // The stored texts of reports (another source of a report is not searched
  // apart from it), folded as the tokenizer folds them.
  std::vector<std::pair<int64_t, std::string>> texts;
  {
    Result<store::Database> db = store::Database::OpenByName(db_path);
    ASSERT_TRUE(db.ok());
    Result<store::Statement> all = store::Statement::Prepare(
        &*db, "SELECT id, title, body FROM documents WHERE primary_id IS NULL");
    ASSERT_TRUE(all.ok());
    while (*all->Step()) {
      texts.emplace_back(all->ColumnInt(0), FoldForSearch(all->ColumnText(1)) + "\n" +
                                                FoldForSearch(all->ColumnText(2)));
    }
  }

  Result<std::unique_ptr<store::Store>> store =
      store::OpenStore(db_path, store::OpenMode::kMustExist);
  ASSERT_TRUE(store.ok());
  const char* words[] = {
      "粮食",      "新增城镇就业", "碳达峰",   "养老",     "一老一小",       "5G",
      "乡村振兴",  "高质量发展",   "营商环境", "专精特新", "城镇调查失业率", "双碳",
      "粮",        "疫",           "鼎",       "GDP",      "人工智能",       "稳中求进工作总基调",
      "火星殖民地"};
  for (const char* word : words) {
    SCOPED_TRACE(word);
    const std::string folded = FoldForSearch(word);
    std::set<int64_t> expected;
    for (const auto& [id, text] : texts) {
      if (Contains(text, folded)) expected.insert(id);
    }
    std::set<int64_t> found;
    SearchRequest request;
    request.query = word;
    request.limit = kMaxSearchLimit;
    int64_t total = -1;
    for (;;) {
      Result<SearchResults> page = (*store)->Search(request);
      ASSERT_TRUE(page.ok()) << page.status().message();
      total = page->total;
      for (const SearchHit& hit : page->hits) found.insert(hit.id);
      if (page->hits.size() < static_cast<size_t>(request.limit)) break;
      request.offset += request.limit;
    }
    EXPECT_EQ(found, expected) << found.size() << " found, " << expected.size() << " expected";
    EXPECT_EQ(total, static_cast<int64_t>(expected.size()));
  }
  store->reset();
}

}  // namespace
}  // namespace mubiao::search
