#include "web/embedded.h"

#include "web/embedded_files.h"

namespace mubiao::web {

std::string EmbeddedFile(std::string_view name) {
  for (const embedded::File& file : embedded::kFiles) {
    if (file.name != name) continue;
    std::string text;
    for (std::string_view chunk : file.chunks()) text += chunk;
    return text;
  }
  return {};
}

}  // namespace mubiao::web
