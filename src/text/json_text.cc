#include "text/json_text.h"

#include <nlohmann/json.hpp>

namespace mubiao::text {

std::string JsonText(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace mubiao::text
