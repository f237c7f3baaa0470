// Helpers shared by the unit tests: where the reference data and the
// project's own fixtures live, temporary directories, and tallies.
#ifndef MUBIAO_BASE_TESTING_H_
#define MUBIAO_BASE_TESTING_H_

#include <filesystem>
#include <string>
#include <string_view>

namespace mubiao::testing {

// The read-only reference data (../shared/data from the project root), or the
// directory named by the environment variable MUBIAO_DATA_DIR. The path may
// not exist: tests that need it call GTEST_SKIP with a message when it is absent.
std::filesystem::path DataDir();

// True when DataDir() exists and holds the given relative path.
bool HaveData(const std::string& relative);

// The project's source tree (for examples/ and fixtures).
std::filesystem::path SourceDir();

// Reads a whole file; empty string when it cannot be read.
std::string ReadFileOrEmpty(const std::filesystem::path& path);

// Writes `bytes` to `path` as they are (binary), replacing the file and
// creating missing parent directories. Adds a test failure when the file
// cannot be written.
void WriteFile(const std::filesystem::path& path, std::string_view bytes);

// A new empty directory under the system's temporary directory, named by
// `prefix` and a random suffix, so that tests running at the same time
// never share one. Removed with everything in it when the object is
// destroyed. Not copyable or movable: it owns the directory.
class TempDir {
 public:
  // Creates the directory; aborts the test program when it cannot.
  explicit TempDir(std::string_view prefix = "mubiao_test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // The directory's absolute path.
  const std::filesystem::path& path() const { return path_; }

  // `relative` inside the directory (not created).
  std::filesystem::path operator/(const std::filesystem::path& relative) const {
    return path_ / relative;
  }

  // Writes a file inside the directory (see WriteFile); returns its path.
  std::filesystem::path Write(const std::filesystem::path& relative, std::string_view bytes) const;

 private:
  std::filesystem::path path_;
};

// Adds the counters `members` of `from` to those of `to`: how a tally of
// several counts over one report joins the tally of a set of reports.
template <typename Tally, typename... Members>
void AddCounters(Tally& to, const Tally& from, Members... members) {
  ((to.*members += from.*members), ...);
}

}  // namespace mubiao::testing

// Skips the current test when the reference data is absent.
#define MUBIAO_REQUIRE_DATA(relative)                                                             \
  do {                                                                                            \
    if (!::mubiao::testing::HaveData(relative)) {                                                 \
      GTEST_SKIP() << "reference data not found: " << (::mubiao::testing::DataDir() / (relative)) \
                   << " (set MUBIAO_DATA_DIR or place shared/data beside the project)";           \
    }                                                                                             \
  } while (0)

#endif  // MUBIAO_BASE_TESTING_H_
