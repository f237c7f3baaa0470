// JSON as text for output: one rule for every writer (CLI, API, exports).
#ifndef MUBIAO_TEXT_JSON_TEXT_H_
#define MUBIAO_TEXT_JSON_TEXT_H_

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace mubiao::text {

// `value` serialised on one line (indent < 0) or pretty-printed with `indent`
// spaces, non-ASCII characters as they are (not \u escapes). Invalid UTF-8 in
// a string, which a damaged source can bring in, becomes U+FFFD instead of
// throwing.
std::string JsonText(const nlohmann::json& value, int indent = -1);

// Sets `key` of object `j` to `value`, or leaves it out when `value` is
// empty: every JSON object of mubiao leaves absent fields out, never "".
void PutText(nlohmann::json& j, const char* key, std::string_view value);

}  // namespace mubiao::text

#endif  // MUBIAO_TEXT_JSON_TEXT_H_
