#include "base/testing.h"

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

}  // namespace mubiao::testing
