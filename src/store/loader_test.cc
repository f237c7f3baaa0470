#include "store/loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "store/sql_store.h"
#include "store/testing.h"
#include "text/utf8.h"

namespace mubiao::store {
namespace {

namespace fs = std::filesystem;
using testing::MarkdownReport;

// Records what a load reports.
class RecordingListener : public LoadListener {
 public:
  void OnFailure(const std::string& path, const std::string& reason) override {
    failures[fs::path(path).filename().string()] = reason;
  }
  void OnProgress(const LoadProgress& progress) override {
    EXPECT_GE(progress.done, last.done);
    EXPECT_LE(progress.done, progress.total);
    EXPECT_LE(progress.bytes_done, progress.bytes_total);
    last = progress;
  }
  std::map<std::string, std::string> failures;  // file name → reason
  LoadProgress last;
};

class LoaderTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    fs::create_directories(dir_ / "docs" / "sub");
  }

  void Write(const std::string& name, const std::string& content) {
    dir_.Write(fs::path("docs") / name, content);
  }

  std::vector<fs::path> Files() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir_ / "docs")) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
    return files;
  }

  LoadSummary Load(RecordingListener* listener, int threads = 3) {
    LoadOptions options;
    options.threads = threads;
    options.batch_bytes = 4096;  // several batches even for small files
    Result<LoadSummary> summary = LoadFiles(store_.get(), Files(), options, listener);
    EXPECT_TRUE(summary.ok()) << summary.status().message();
    return summary.ok() ? *summary : LoadSummary();
  }
};

TEST_F(LoaderTest, ImportsOnceThenFindsEverythingUnchanged) {
  const char* places[] = {"新郑市", "郑州市", "河南省", "广东省", "开封市", "洛阳市"};
  for (int i = 0; i < 12; ++i) {
    Write(
        (i % 2 ? "sub/" : "") + std::to_string(i) + ".md",
        MarkdownReport(places[i % 6], 2020 + i % 5, "推进第" + std::to_string(i) + "号工程。", 20));
  }
  Write("empty.txt", "");
  Write("notes.md", "# 读书笔记\n\n今天读了一本书。\n");

  RecordingListener first;
  LoadSummary summary = Load(&first);
  EXPECT_EQ(summary.imported, 12u);
  EXPECT_EQ(summary.replaced, 0u);
  EXPECT_EQ(summary.unchanged, 0u);
  EXPECT_EQ(summary.failed, 2u);
  EXPECT_EQ(summary.documents, 12u);
  EXPECT_EQ(first.failures.size(), 2u);
  EXPECT_EQ(first.failures["empty.txt"], "empty file");
  EXPECT_NE(first.failures["notes.md"].find("not a government report"), std::string::npos);
  EXPECT_EQ(first.last.done, 14u);
  EXPECT_EQ(first.last.total, 14u);
  EXPECT_EQ(first.last.bytes_done, first.last.bytes_total);
  EXPECT_EQ(store_->Counts()->documents, 12);

  RecordingListener second;
  summary = Load(&second, 1);
  EXPECT_EQ(summary.imported, 0u);
  EXPECT_EQ(summary.unchanged, 12u);
  EXPECT_EQ(summary.failed, 2u);
  EXPECT_EQ(store_->Counts()->documents, 12);
}

TEST_F(LoaderTest, AChangedFileIsReplacedAndANewOneAdded) {
  Write("a.md", MarkdownReport("新郑市", 2023, "建设智慧农场。"));
  Write("b.md", MarkdownReport("郑州市", 2023, "建设智慧港口。"));
  RecordingListener first;
  Load(&first);
  Write("a.md", MarkdownReport("新郑市", 2023, "建设数字乡村。"));
  Write("c.md", MarkdownReport("开封市", 2023, "建设文旅名城。"));
  RecordingListener second;
  LoadSummary summary = Load(&second);
  EXPECT_EQ(summary.imported, 1u);
  EXPECT_EQ(summary.replaced, 1u);
  EXPECT_EQ(summary.unchanged, 1u);
  EXPECT_EQ(store_->Counts()->documents, 3);
  search::SearchRequest request;
  request.query = "智慧农场";
  EXPECT_EQ(store_->Search(request)->total, 0);
  request.query = "数字乡村";
  EXPECT_EQ(store_->Search(request)->total, 1);
}

TEST_F(LoaderTest, JsonLinesBadRowsAreReportedAndGoodRowsKept) {
  std::string good = MarkdownReport("国务院", 2023, "推进甲项工作。");
  std::string escaped;
  for (char c : good) escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
  Write("national.jsonl", "{\"title\": \"2023年政府工作报告\", \"year\": 2023, \"content\": \"" +
                              escaped + "\"}\n{not json}\n");
  RecordingListener listener;
  LoadSummary summary = Load(&listener);
  EXPECT_EQ(summary.imported, 1u);
  EXPECT_EQ(summary.documents, 1u);
  EXPECT_EQ(summary.failures, 1u);
  EXPECT_NE(listener.failures["national.jsonl"].find("line 2"), std::string::npos);
}

// Regression: 51 MB of random characters took minutes and gigabytes to
// index, as FTS5 holds every distinct term of a document in memory.
TEST_F(LoaderTest, ADocumentWithTooManyDistinctWordsIsRefused) {
  std::string random;
  uint32_t state = 1;
  for (int i = 0; i < 3000; ++i) {
    state = state * 1664525u + 1013904223u;
    text::AppendUtf8(0x4E00 + (state >> 8) % 0x51A6, &random);
  }
  Write("random.md", MarkdownReport("新郑市", 2023, random + "。"));
  Write("long.md", MarkdownReport("郑州市", 2023, "建设智慧港口。", 500));
  RecordingListener listener;
  LoadOptions options;
  options.max_index_terms = 2000;
  Result<LoadSummary> summary = LoadFiles(store_.get(), Files(), options, &listener);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(summary->imported, 1u);
  EXPECT_EQ(summary->failed, 1u);
  EXPECT_EQ(listener.failures["random.md"],
            "over 2000 distinct words to index, the limit for one document (random characters or "
            "binary data?)");
  EXPECT_EQ(store_->Counts()->documents, 1);
}

TEST_F(LoaderTest, SamePathGivenTwiceIsReadOnce) {
  Write("a.md", MarkdownReport("新郑市", 2023, "建设智慧农场。"));
  RecordingListener listener;
  LoadOptions options;
  std::vector<fs::path> files = {dir_ / "docs" / "a.md", dir_ / "docs" / "sub" / ".." / "a.md"};
  Result<LoadSummary> summary = LoadFiles(store_.get(), files, options, &listener);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->imported, 1u);
  EXPECT_EQ(listener.last.total, 1u);
}

TEST_F(LoaderTest, MissingFilesAreFailures) {
  RecordingListener listener;
  LoadOptions options;
  Result<LoadSummary> summary =
      LoadFiles(store_.get(), {dir_ / "docs" / "nope.md"}, options, &listener);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->failed, 1u);
  EXPECT_NE(listener.failures["nope.md"].find("cannot read"), std::string::npos);
}

}  // namespace
}  // namespace mubiao::store
