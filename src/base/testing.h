// Helpers shared by the unit tests: where the reference data and the
// project's own fixtures live.
#ifndef MUBIAO_BASE_TESTING_H_
#define MUBIAO_BASE_TESTING_H_

#include <filesystem>
#include <string>

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
