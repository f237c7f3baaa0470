#include "base/testing.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace mubiao::testing {

std::filesystem::path DataDir() {
  if (const char* env = std::getenv("MUBIAO_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return std::filesystem::path(MUBIAO_DATA_DIR_DEFAULT);
}

bool HaveData(const std::string& relative) {
  std::error_code ec;
  return std::filesystem::exists(DataDir() / relative, ec);
}

std::filesystem::path SourceDir() { return std::filesystem::path(MUBIAO_SOURCE_DIR_DEFAULT); }

std::string ReadFileOrEmpty(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteFile(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) ADD_FAILURE() << "cannot write " << path;
}

TempDir::TempDir(std::string_view prefix) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / (std::string(prefix) + "_XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    std::perror(("mkdtemp " + pattern).c_str());
    std::abort();
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::Write(const std::filesystem::path& relative,
                                     std::string_view bytes) const {
  const std::filesystem::path path = path_ / relative;
  WriteFile(path, bytes);
  return path;
}

}  // namespace mubiao::testing
