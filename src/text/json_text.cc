#include "text/json_text.h"

#include <nlohmann/json.hpp>

namespace mubiao::text {

std::string JsonText(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

void PutText(nlohmann::json& j, const char* key, std::string_view value) {
  if (!value.empty()) j[key] = value;
}

}  // namespace mubiao::text
