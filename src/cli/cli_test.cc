// End-to-end tests of the mubiao binary: a batch of good and bad files.

#include <gtest/gtest.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "base/testing.h"

namespace {

namespace fs = std::filesystem;

struct CommandRun {
  int status = -1;
  std::string out;  // stdout and stderr, merged
};

// Runs a shell command line.
CommandRun Shell(const std::string& command_line) {
  CommandRun run;
  const std::string cmd = command_line + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return run;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
  int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

CommandRun Mubiao(const std::string& args) {
  return Shell(std::string(MUBIAO_BINARY) + " " + args);
}

using mubiao::testing::WriteFile;

// A path quoted for the shell that runs the command.
std::string Quoted(const fs::path& path) { return "'" + path.string() + "'"; }

class CliTest : public ::testing::Test {
 protected:
  // The samples imported into a new database; its path, quoted for a shell.
  std::string ImportedSamples() {
    const std::string db = Quoted(dir_ / "t.db");
    CommandRun run = Mubiao("import " + Quoted(mubiao::testing::SourceDir() / "examples/reports") +
                            " --db " + db);
    EXPECT_EQ(run.status, 0) << run.out;
    return db;
  }

  mubiao::testing::TempDir tmp_{"mubiao_cli_test"};
  const fs::path dir_ = tmp_.path();
};

TEST_F(CliTest, ParsesTheSamples) {
  CommandRun run = Mubiao("parse " + (mubiao::testing::SourceDir() / "examples/reports").string());
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_NE(run.out.find("青禾县"), std::string::npos);
  EXPECT_NE(run.out.find("[plan]"), std::string::npos);
  // Every sample parses.
  const auto samples =
      std::distance(fs::directory_iterator(mubiao::testing::SourceDir() / "examples/reports"),
                    fs::directory_iterator());
  EXPECT_NE(run.out.find(std::to_string(samples) + " parsed, 0 failed"), std::string::npos)
      << run.out;
}

TEST_F(CliTest, BadFilesFailOneLineEachAndTheBatchGoesOn) {
  WriteFile(dir_ / "a_empty.txt", "");
  WriteFile(dir_ / "b_binary.bin", std::string("\x7F"
                                               "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00",
                                               14));
  WriteFile(dir_ / "c_recipe.md",
            "# 红烧肉\n\n五花肉500克，冰糖30克。\n\n先焯水，再小火慢炖一小时。\n");
  WriteFile(dir_ / "d_truncated.docx", std::string("PK\x03\x04\x14\x00\x00\x00", 8));
  WriteFile(dir_ / "e_truncated.pdf", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog");
  WriteFile(dir_ / "f_bad_encoding.txt", "abc\xFF\xFE\xFD\x80\x80");
  {
    // A sparse 210 MB file: refused by size before it is read.
    std::ofstream big(dir_ / "g_huge.txt", std::ios::binary);
    big.seekp(210u << 20);
    big.put('x');
  }
  fs::copy_file(mubiao::testing::SourceDir() / "examples/reports/qinghe-2024.md",
                dir_ / "h_good.md");

  CommandRun run = Mubiao("parse " + dir_.string());
  EXPECT_EQ(run.status, 1) << run.out;
  for (const char* name :
       {"a_empty.txt: error: empty file", "b_binary.bin: error: binary data",
        "c_recipe.md: error: not a government report", "d_truncated.docx: error:",
        "e_truncated.pdf: error:", "f_bad_encoding.txt: error: not valid UTF-8",
        "g_huge.txt: error: file is 211 MB, over the 64 MB limit"}) {
    EXPECT_NE(run.out.find(std::string("mubiao: ") + (dir_ / name).string()), std::string::npos)
        << name << "\n"
        << run.out;
  }
  EXPECT_NE(run.out.find("1 parsed, 7 failed (1 binary data"), std::string::npos) << run.out;
  // The summary counts failures by kind, whole words kept ("UTF-8", not "UTF-").
  for (const char* kind : {"; 1 empty file;", "; 1 not a government report;",
                           "; 1 not valid UTF-8, UTF-16 or GB18030"}) {
    EXPECT_NE(run.out.find(kind), std::string::npos) << kind << "\n" << run.out;
  }
}

// Regression: a newline in a file name split its error line in two.
TEST_F(CliTest, FileNamesAreEscapedSoEachErrorStaysOnOneLine) {
  WriteFile(dir_ / "bad\nname.txt", std::string("\x7F"
                                                "ELF\x02\x01\x01\x00\x00",
                                                9));
  WriteFile(dir_ / "tab\there.md", "");
  WriteFile(dir_ / "\xFF\xFE.txt", "");
  WriteFile(dir_ / "back\\slash.txt", "");
  CommandRun run = Mubiao("parse " + Quoted(dir_));
  EXPECT_EQ(run.status, 1) << run.out;
  for (const char* line :
       {"/bad\\nname.txt: error: binary data", "/tab\\there.md: error: empty file",
        "/\\xff\\xfe.txt: error: empty file", "/back\\\\slash.txt: error: empty file"}) {
    EXPECT_NE(run.out.find(line), std::string::npos) << line << "\n" << run.out;
  }
  // Every line is whole: it is an error line naming the folder, or the summary.
  size_t lines = 0;
  for (size_t pos = 0; pos < run.out.size(); ++lines) {
    const size_t end = run.out.find('\n', pos);
    const std::string line = run.out.substr(pos, end - pos);
    EXPECT_TRUE(line.starts_with("mubiao: " + dir_.string() + "/") ||
                line.starts_with("0 parsed, 4 failed"))
        << line;
    pos = end == std::string::npos ? run.out.size() : end + 1;
  }
  EXPECT_EQ(lines, 5u) << run.out;
}

// Regression: one row with a NUL byte made the whole .jsonl file "binary data".
TEST_F(CliTest, AJsonLinesRowOfBinaryJunkFailsAloneAndTheOtherRowsAreStored) {
  std::string report = mubiao::testing::ReadFileOrEmpty(mubiao::testing::SourceDir() /
                                                        "examples/reports/qinghe-2024.md");
  ASSERT_FALSE(report.empty());
  std::string escaped;
  for (char c : report) {
    escaped += c == '\n' ? std::string("\\n") : c == '\t' ? std::string("\\t") : std::string(1, c);
  }
  const std::string row = "{\"content\": \"" + escaped + "\"}\n";
  WriteFile(dir_ / "rows.jsonl", row + std::string("{\"content\": \"\0\0\0\"}\n", 19) + row);
  CommandRun run =
      Mubiao("import " + Quoted(dir_ / "rows.jsonl") + " --db " + Quoted(dir_ / "rows.db"));
  EXPECT_EQ(run.status, 1) << run.out;
  EXPECT_NE(run.out.find("rows.jsonl: error: line 2: binary data, not text (contains NUL bytes)"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("2 documents stored, 1 failed"), std::string::npos) << run.out;
}

// The middle page of the database file overwritten, the file cut in half, or
// no database at all.
TEST_F(CliTest, ImportIntoADamagedDatabaseFailsNamingTheFile) {
  const std::string reports = (mubiao::testing::SourceDir() / "examples/reports").string();
  const fs::path good = dir_ / "good.db";
  ASSERT_EQ(Mubiao("import " + reports + " --db " + Quoted(good)).status, 0);
  const uintmax_t size = fs::file_size(good);
  ASSERT_GT(size, 8u * 4096);
  const fs::path overwritten = dir_ / "over\nwritten.db";
  fs::copy_file(good, overwritten);
  {
    std::fstream file(overwritten, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(size / 4096 / 2 * 4096));
    file << std::string(4096, '\xDE');
  }
  const fs::path truncated = dir_ / "truncated.db";
  fs::copy_file(good, truncated);
  fs::resize_file(truncated, size / 2);
  const fs::path junk = dir_ / "junk.db";
  WriteFile(junk, std::string(8192, 'x'));

  struct Case {
    fs::path db;
    std::string shown;  // the file name as the error line shows it
    const char* problem;
  };
  for (const Case& c :
       {Case{overwritten, dir_.string() + "/over\\nwritten.db", "damaged database file"},
        Case{truncated, truncated.string(), "damaged database file"},
        Case{junk, junk.string(), "not a database file"}}) {
    CommandRun run = Mubiao("import " + reports + " --db " + Quoted(c.db));
    EXPECT_EQ(run.status, 1) << run.out;
    const std::string expected = "mubiao: error: " + c.shown + ": " + c.problem;
    EXPECT_TRUE(run.out.starts_with(expected)) << expected << "\n" << run.out;
    EXPECT_EQ(run.out.find('\n'), run.out.size() - 1) << "one line: " << run.out;
  }
}

// Every failure of the command is one line "mubiao: SUBJECT: error: REASON";
// a wrong command line exits 2, a failed run 1.
TEST_F(CliTest, FailuresSayWhatFailedOnOneLine) {
  const std::string db = (dir_ / "none.db").string();
  CommandRun run = Mubiao("search 粮食 --region 没有这个地方 --db " + db);
  EXPECT_EQ(run.status, 2) << run.out;
  EXPECT_EQ(run.out,
            "mubiao: --region: error: unknown region \"没有这个地方\"; give a name or a "
            "six-digit code\n");

  run = Mubiao("search 粮食 --year 20-2023 --db " + db);
  EXPECT_EQ(run.status, 2) << run.out;
  EXPECT_TRUE(run.out.starts_with("mubiao: --year: error: must be YEAR or FIRST-LAST")) << run.out;

  run = Mubiao("search 粮食 --no-such-option");
  EXPECT_EQ(run.status, 2) << run.out;
  EXPECT_TRUE(run.out.starts_with("mubiao: error: ")) << run.out;
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1) << run.out;

  run = Mubiao("search 粮食 --region 河南 --year 2020-2023 --db " + db);
  EXPECT_EQ(run.status, 1) << run.out;
  EXPECT_TRUE(run.out.starts_with("mubiao: error: no database at " + db)) << run.out;
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1) << run.out;

  run = Mubiao("rederive --db " + db);
  EXPECT_EQ(run.status, 1) << run.out;
  EXPECT_EQ(run.out, "mubiao: " + db + ": error: no database there\n");
}

TEST_F(CliTest, JsonOutputHasOffsetsIntoTheText) {
  CommandRun run =
      Mubiao("parse --format json --with-text " +
             (mubiao::testing::SourceDir() / "examples/reports/qinghe-2024.md").string());
  ASSERT_EQ(run.status, 0) << run.out;
  EXPECT_NE(run.out.find("\"kind\":\"plan\""), std::string::npos);
  EXPECT_NE(run.out.find("\"speaker\":\"林远舟\""), std::string::npos);
}

// copy-db copies a database and says so table by table; again, it finds
// everything there; the same database twice is a usage error; the database
// URI of any command may come from MUBIAO_DB.
TEST_F(CliTest, CopyDbCopiesResumesAndRefusesTheSameDatabase) {
  const std::string report = mubiao::testing::ReadFileOrEmpty(mubiao::testing::SourceDir() /
                                                              "examples/reports/qinghe-2024.md");
  ASSERT_FALSE(report.empty());
  WriteFile(dir_ / "2023.md", report);
  const std::string from = Quoted(dir_ / "from.db");
  const std::string to = Quoted(dir_ / "to.db");
  ASSERT_EQ(Mubiao("import " + Quoted(dir_ / "2023.md") + " --db " + from).status, 0);
  CommandRun copied = Mubiao("copy-db " + from + " " + to);
  EXPECT_EQ(copied.status, 0) << copied.out;
  EXPECT_NE(copied.out.find("documents               1"), std::string::npos) << copied.out;
  EXPECT_NE(copied.out.find("every count and checksum the same"), std::string::npos);
  CommandRun again = Mubiao("copy-db " + from + " " + to);
  EXPECT_EQ(again.status, 0) << again.out;
  EXPECT_EQ(again.out.find("  copied"), std::string::npos) << again.out;
  EXPECT_EQ(Mubiao("copy-db " + from + " " + from).status, 2);
  CommandRun listed = Shell("MUBIAO_DB=" + to + " " + std::string(MUBIAO_BINARY) + " documents");
  EXPECT_EQ(listed.status, 0) << listed.out;
  EXPECT_NE(listed.out.find("2024  work_report"), std::string::npos) << listed.out;
}

// A database server that cannot be reached: one line, exit 1, and never
// the password of the URI.
TEST_F(CliTest, AnUnreachableDatabaseServerIsOneLineWithoutThePassword) {
  const std::string uri = "postgresql://mubiao:s3cret@127.0.0.1:1/mubiao";
  for (const std::string& command : {"documents --db " + uri, "search 粮食 --db " + uri,
                                     "copy-db " + uri + " " + Quoted(dir_ / "copy.db")}) {
    CommandRun run = Mubiao(command);
    EXPECT_EQ(run.status, 1) << command << ": " << run.out;
    EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1) << run.out;
    EXPECT_NE(run.out.find("cannot connect to PostgreSQL"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("s3cret"), std::string::npos) << run.out;
  }
}

// A report filed under the year it reviews: stored under the year of its
// meeting, with a warning naming both; `documents` lists it so.
TEST_F(CliTest, TheTextDecidesThePlanYearAndTheImportWarnsOfTheFileName) {
  std::string report = mubiao::testing::ReadFileOrEmpty(mubiao::testing::SourceDir() /
                                                        "examples/reports/qinghe-2024.md");
  ASSERT_FALSE(report.empty());
  WriteFile(dir_ / "2023.md", report);
  const std::string db = Quoted(dir_ / "y.db");
  CommandRun run = Mubiao("import " + Quoted(dir_ / "2023.md") + " --db " + db);
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_NE(run.out.find("2023.md: warning: plan year 2024 from the text"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("the file name says 2023"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("1 warnings (above)"), std::string::npos) << run.out;

  CommandRun list = Mubiao("documents --db " + db + " --year 2024");
  EXPECT_EQ(list.status, 0) << list.out;
  EXPECT_NE(list.out.find("2024  work_report"), std::string::npos) << list.out;
  CommandRun json = Mubiao("documents --db " + db + " --format json");
  EXPECT_NE(json.out.find("\"sources\""), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"year\": 2024"), std::string::npos) << json.out;
  CommandRun none = Mubiao("documents --db " + db + " --year 2023");
  EXPECT_EQ(none.out, "") << none.out;
  CommandRun bad = Mubiao("documents --db " + db + " --type budget");
  EXPECT_EQ(bad.status, 2) << bad.out;
}

// Two copies of one report in one batch (a Markdown file and a plain-text
// copy without the date line): one report with two sources, the dated one
// its primary.
TEST_F(CliTest, TwoCopiesOfAReportAreOneReportWithTwoSources) {
  std::string report = mubiao::testing::ReadFileOrEmpty(mubiao::testing::SourceDir() /
                                                        "examples/reports/qinghe-2024.md");
  ASSERT_FALSE(report.empty());
  WriteFile(dir_ / "copies" / "qinghe-2024.md", report);
  std::string copy = report;
  const size_t date = copy.find("——");
  ASSERT_NE(date, std::string::npos);
  copy.erase(date, copy.find('\n', date) - date);
  WriteFile(dir_ / "copies" / "qinghe-2024.txt", copy);
  const std::string db = Quoted(dir_ / "c.db");
  CommandRun run = Mubiao("import " + Quoted(dir_ / "copies") + " --db " + db);
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_NE(run.out.find("holds 1 reports from 2 documents"), std::string::npos) << run.out;
  CommandRun json = Mubiao("documents --db " + db + " --format json");
  ASSERT_EQ(json.status, 0) << json.out;
  const nlohmann::json listed = nlohmann::json::parse(json.out);
  ASSERT_EQ(listed.size(), 1u) << json.out;
  ASSERT_EQ(listed[0]["sources"].size(), 2u) << json.out;
  EXPECT_EQ(listed[0]["sources"][0]["file"], "qinghe-2024.md");
  EXPECT_EQ(listed[0]["sources"][0]["primary"], true);
  EXPECT_EQ(listed[0]["sources"][1]["file"], "qinghe-2024.txt");
  EXPECT_EQ(listed[0]["sources"][1]["primary"], false);
}

// Regression: without $USER (a container, a cron job) an override was
// refused for want of an author; the account's name stands in.
TEST_F(CliTest, AnOverrideWithoutUserIsSignedWithTheAccountsName) {
  const std::string db = ImportedSamples();
  CommandRun tracked = Mubiao("track --db " + db + " --region 000000 --format json");
  ASSERT_EQ(tracked.status, 0) << tracked.out;
  ASSERT_FALSE(tracked.out.empty());
  const nlohmann::json first = nlohmann::json::parse(tracked.out.substr(0, tracked.out.find('\n')));
  const std::string key = first.at("key").get<std::string>();
  const CommandRun overridden =
      Shell(std::string("env -u USER ") + MUBIAO_BINARY + " track override " + key + " --db " + db +
            " --status met --reason 核实");
  ASSERT_EQ(overridden.status, 0) << overridden.out;
  const passwd* account = getpwuid(getuid());
  ASSERT_NE(account, nullptr);
  EXPECT_NE(overridden.out.find(std::string(" by ") + account->pw_name), std::string::npos)
      << overridden.out;
}

// --indicator takes any wording the lexicon knows, not only an id or name:
// 高标准基本农田 selects the targets written 高标准农田, the same as the id.
TEST_F(CliTest, TrackSelectsAnIndicatorByAnyOfItsWordings) {
  const std::string db = ImportedSamples();
  std::optional<std::vector<std::string>> by_id;
  for (const std::string wording : {"high_standard_farmland", "高标准基本农田", "全县高标准农田"}) {
    CommandRun tracked =
        Mubiao("track --db " + db + " --region 000000 --format json --indicator " + wording);
    ASSERT_EQ(tracked.status, 0) << wording << ": " << tracked.out;
    std::vector<std::string> keys;
    int met = 0;
    std::istringstream lines(tracked.out);
    for (std::string line; std::getline(lines, line);) {
      const nlohmann::json row = nlohmann::json::parse(line);
      EXPECT_EQ(row["verdict"]["indicator_id"], "high_standard_farmland") << line;
      keys.push_back(row["key"].get<std::string>());
      met += row["status"] == "met";
    }
    EXPECT_GE(keys.size(), 2u) << wording;
    EXPECT_GE(met, 1) << wording << ": " << tracked.out;
    if (!by_id) by_id = keys;
    EXPECT_EQ(keys, *by_id) << wording << ": " << tracked.out;
  }
  CommandRun unknown = Mubiao("track --db " + db + " --region 000000 --indicator 幸福指数");
  EXPECT_NE(unknown.status, 0);
  EXPECT_NE(unknown.out.find("no canonical indicator named 幸福指数"), std::string::npos)
      << unknown.out;
}

TEST_F(CliTest, TheTrackTableSaysEverythingInChinese) {
  const std::string db = ImportedSamples();
  CommandRun table = Mubiao("track --db " + db + " --region 000000");
  ASSERT_EQ(table.status, 0) << table.out;
  for (const std::string part : {"依据", "共 ", "未提及 ", "已核验 ", "容差"}) {
    EXPECT_NE(table.out.find(part), std::string::npos) << part << "\n" << table.out;
  }
  for (const std::string english :
       {"targets:", "unverified", "not assessable", "tolerance", "lexicon", "better"}) {
    EXPECT_EQ(table.out.find(english), std::string::npos) << english << "\n" << table.out;
  }
}

}  // namespace

// A supervision ledger from the command line: made from a stored report,
// progress filed from a script, and the sheet downloaded as .csv and .xlsx
// with the header first and one row per task; wrong input is refused on one
// line and changes nothing.
TEST_F(CliTest, ALedgerIsMadeFollowedAndExported) {
  const std::string db = ImportedSamples();
  const CommandRun docs = Mubiao("documents --db " + db + " --region 360830 --format json");
  ASSERT_EQ(docs.status, 0) << docs.out;
  const int64_t document = nlohmann::json::parse(docs.out).at(0).at("id").get<int64_t>();
  const CommandRun made = Mubiao("ledger create --db " + db + " --document " +
                                 std::to_string(document) + " --by 督查室");
  ASSERT_EQ(made.status, 0) << made.out;
  const std::string ledger = made.out.substr(0, made.out.find('\n'));
  const CommandRun listed = Mubiao("ledger list --db " + db + " --format json");
  ASSERT_EQ(listed.status, 0) << listed.out;
  const nlohmann::json first = nlohmann::json::parse(listed.out.substr(0, listed.out.find('\n')));
  EXPECT_EQ(first.at("id").get<int64_t>(), std::stoll(ledger));
  EXPECT_EQ(first.at("created_by"), "督查室");
  const int64_t tasks = first.at("tasks").get<int64_t>();
  EXPECT_GT(tasks, 5);

  const CommandRun filed = Mubiao("ledger progress --db " + db +
                                  " --task 1 --date 2025-06-30 --share 60 --done 已完成六成");
  ASSERT_EQ(filed.status, 0) << filed.out;
  EXPECT_NE(filed.out.find("\"share\":60"), std::string::npos) << filed.out;
  for (const char* wrong :
       {" --task 1 --date 2024-06-30 --share 10", " --task 1 --date 2025-06-31 --share 10",
        " --task 1 --date 2025-06-30 --value 三千", " --task 1 --date 2025-06-30 --share 130",
        " --task 99999 --date 2025-06-30 --share 10"}) {
    const CommandRun refused = Mubiao("ledger progress --db " + db + wrong);
    EXPECT_NE(refused.status, 0) << wrong;
    EXPECT_EQ(std::count(refused.out.begin(), refused.out.end(), '\n'), 1) << refused.out;
  }

  const CommandRun milestone = Mubiao("ledger milestone --db " + db +
                                      " --task 1 --date 2025-06-30 --share 50 --step 完成一半");
  ASSERT_EQ(milestone.status, 0) << milestone.out;
  EXPECT_NE(milestone.out.find("\"share\":50"), std::string::npos) << milestone.out;
  EXPECT_NE(Mubiao("ledger milestone --db " + db + " --task 1 --date 2024-06-30 --share 50").status,
            0);

  const CommandRun assigned = Mubiao("ledger assign --db " + db + " --ledger " + ledger +
                                     " --keyword 就业 --lead 县人社局 --leader 副县长");
  ASSERT_EQ(assigned.status, 0) << assigned.out;
  EXPECT_NE(assigned.out.find(" tasks assigned"), std::string::npos);
  const CommandRun listed_tasks =
      Mubiao("ledger tasks --db " + db + " --ledger " + ledger + " --today 2025-07-01");
  ASSERT_EQ(listed_tasks.status, 0) << listed_tasks.out;
  const nlohmann::json task_one =
      nlohmann::json::parse(listed_tasks.out.substr(0, listed_tasks.out.find('\n')));
  EXPECT_EQ(task_one.at("latest").at("share"), 60);
  EXPECT_EQ(task_one.at("pace").at("light"), "green");
  const std::string version = std::to_string(task_one.at("version").get<int64_t>());
  const std::string status = "ledger status --db " + db + " --task 1 --to completion_requested";
  EXPECT_EQ(Mubiao(status + " --version " + version + " --note 已完成").status, 0);
  const CommandRun stale = Mubiao(status + " --version " + version + " --note 已完成");
  EXPECT_NE(stale.status, 0);
  EXPECT_NE(stale.out.find("请刷新后再改"), std::string::npos) << stale.out;

  const CommandRun noticed = Mubiao("ledger notice --db " + db + " --ledger " + ledger +
                                    " --today 2025-07-01 --reply-by 2025-07-10 --by 督查室");
  ASSERT_EQ(noticed.status, 0) << noticed.out;
  EXPECT_NE(noticed.out.find("序时进度落后49.9个百分点"), std::string::npos) << noticed.out;
  EXPECT_EQ(noticed.out.find("\"task_id\":1,"), std::string::npos) << "task 1 is on pace";
  const int64_t notice_id =
      nlohmann::json::parse(noticed.out.substr(0, noticed.out.find('\n'))).at("id").get<int64_t>();
  ASSERT_EQ(Mubiao("ledger reply --db " + db + " --notice " + std::to_string(notice_id) +
                   " --text 已部署整改 --by 县人社局")
                .status,
            0);
  const CommandRun notices = Mubiao("ledger notices --db " + db + " --ledger " + ledger);
  EXPECT_NE(notices.out.find("\"reply\":\"已部署整改\""), std::string::npos) << notices.out;
  // In January, no task is 15 points behind yet; those with nothing filed
  // are 5.5 behind: yellow.
  const std::string january = "ledger notice --db " + db + " --ledger " + ledger +
                              " --today 2025-01-20 --reply-by 2025-02-10";
  const CommandRun none_red = Mubiao(january);
  ASSERT_EQ(none_red.status, 0) << none_red.out;
  EXPECT_EQ(none_red.out, "");
  const CommandRun yellow = Mubiao(january + " --from yellow");
  ASSERT_EQ(yellow.status, 0) << yellow.out;
  EXPECT_NE(yellow.out.find("序时进度落后5.5个百分点"), std::string::npos) << yellow.out;
  EXPECT_EQ(yellow.out.find("\"task_id\":1,"), std::string::npos) << "task 1 is 60% done";
  const CommandRun ranked =
      Mubiao("ledger units --db " + db + " --ledger " + ledger + " --today 2025-07-01");
  ASSERT_EQ(ranked.status, 0) << ranked.out;
  EXPECT_NE(ranked.out.find("县人社局\t序时"), std::string::npos) << ranked.out;

  const CommandRun split = Mubiao("ledger add --db " + db + " --ledger " + ledger +
                                  " --parent 3 --text 高校毕业生就业1000人 --value 1000 --unit 人");
  ASSERT_EQ(split.status, 0) << split.out;
  EXPECT_NE(split.out.find("\"number\":\"3.1\""), std::string::npos) << split.out;

  const CommandRun history =
      Mubiao("ledger history --db " + db + " --ledger " + ledger + " --task 1");
  ASSERT_EQ(history.status, 0) << history.out;
  std::vector<std::string> actions;
  for (size_t at = 0, end; (end = history.out.find('\n', at)) != std::string::npos; at = end + 1) {
    actions.push_back(nlohmann::json::parse(history.out.substr(at, end - at)).at("action"));
  }
  EXPECT_EQ(actions,
            (std::vector<std::string>{"create_task", "progress", "milestone", "change_task"}));

  const fs::path csv = dir_ / "台账.csv";
  ASSERT_EQ(Mubiao("ledger export --db " + db + " --ledger " + ledger +
                   " --format csv --today 2025-07-01 --output " + Quoted(csv))
                .status,
            0);
  const std::string sheet = mubiao::testing::ReadFileOrEmpty(csv);
  EXPECT_TRUE(sheet.starts_with("\xEF\xBB\xBF序号,任务内容,指标,目标值,单位")) << sheet;
  EXPECT_EQ(std::count(sheet.begin(), sheet.end(), '\n'), tasks + 2);  // and the sub-task
  EXPECT_NE(sheet.find(",申请办结,2025-06-30,,60,50.3,-9.7,绿灯,已完成六成"), std::string::npos)
      << sheet;

  if (Shell("/usr/bin/python3 -c 'import openpyxl'").status != 0) {
    GTEST_SKIP() << "python3-openpyxl is not installed (scripts/setup.sh installs it)";
  }
  const fs::path xlsx = dir_ / "台账.xlsx";
  ASSERT_EQ(Mubiao("ledger export --db " + db + " --ledger " + ledger +
                   " --format xlsx --today 2025-07-01 --output " + Quoted(xlsx))
                .status,
            0);
  const CommandRun read = Shell(
      "/usr/bin/python3 -c 'import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1]).active; "
      "rows=list(ws.iter_rows(values_only=True)); print(len(rows), rows[0][0], rows[1][15], "
      "rows[1][18])' " +
      Quoted(xlsx));
  ASSERT_EQ(read.status, 0) << read.out;
  EXPECT_EQ(read.out, std::to_string(tasks + 2) + " 序号 60 绿灯\n");
  EXPECT_NE(Mubiao("ledger export --db " + db + " --ledger 99 --format csv --output " +
                   Quoted(dir_ / "x.csv"))
                .status,
            0);
}

TEST_F(CliTest, AGovernmentsAccountsUnitsAndPublicViewAreSetUp) {
  const std::string db = ImportedSamples();
  const CommandRun office =
      Shell("echo 'office-password' | " + std::string(MUBIAO_BINARY) +
            " ledger account 督查室 --db " + db + " --role admin --region 360830");
  ASSERT_EQ(office.status, 0) << office.out;
  EXPECT_EQ(office.out, "account 督查室 (admin, 360830) saved\n");
  const CommandRun unit =
      Shell("echo 'unit-password' | " + std::string(MUBIAO_BINARY) + " ledger account rsj --db " +
            db + " --role unit --region 360830 --unit 县人社局");
  ASSERT_EQ(unit.status, 0) << unit.out;
  const CommandRun no_unit = Shell("echo 'unit-password' | " + std::string(MUBIAO_BINARY) +
                                   " ledger account x --db " + db + " --role unit --region 360830");
  EXPECT_NE(no_unit.status, 0);
  EXPECT_NE(no_unit.out.find("承办单位账号须指定所属单位"), std::string::npos) << no_unit.out;
  const CommandRun short_password =
      Shell("echo 'short' | " + std::string(MUBIAO_BINARY) + " ledger account kan --db " + db +
            " --role viewer --region 360830");
  EXPECT_NE(short_password.status, 0);
  const CommandRun accounts = Mubiao("ledger accounts --db " + db + " --region 360830");
  ASSERT_EQ(accounts.status, 0) << accounts.out;
  EXPECT_EQ(accounts.out, "rsj\tunit\t县人社局\n督查室\tadmin\t\n");
  EXPECT_EQ(Mubiao("ledger disable rsj --db " + db + " --region 360830").out,
            "account rsj disabled\n");
  EXPECT_NE(Mubiao("ledger disable rsj --db " + db + " --region 320500").status, 0)
      << "only an account of that government";

  const CommandRun roster =
      Mubiao("ledger roster --db " + db + " --region 360830 --add 县人社局 --add 县发展改革委");
  ASSERT_EQ(roster.status, 0) << roster.out;
  EXPECT_EQ(roster.out, "县人社局\n县发展改革委\n");
  EXPECT_NE(Mubiao("ledger roster --db " + db + " --region 360830 --add 甲、乙").status, 0);
  EXPECT_EQ(Mubiao("ledger public --db " + db + " --region 360830 on").status, 0);
  EXPECT_NE(Mubiao("ledger public --db " + db + " --region 360830 maybe").status, 0);
}
