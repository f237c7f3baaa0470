// Percent-encoding and query strings (RFC 3986, application/x-www-form-urlencoded).
#ifndef MUBIAO_WEB_URL_H_
#define MUBIAO_WEB_URL_H_

#include <optional>
#include <string>
#include <string_view>

#include "web/http.h"

namespace mubiao::web {

// Decodes %XX escapes (and '+' as a space when `plus_is_space`). Returns
// nullopt for a malformed escape, a decoded NUL byte, or a result that is
// not valid UTF-8 (escaped or raw bytes alike), so what comes out is text.
// PercentDecode(PercentEncode(s), either) == s for any such text s.
std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space);

// Encodes everything but unreserved characters (A-Z a-z 0-9 - . _ ~), for a
// query value or a path segment.
std::string PercentEncode(std::string_view s);

// Parses "a=1&b=%E4%B8%AD" into decoded pairs (names never empty, names and
// values valid UTF-8 without NUL); pairs that fail to decode are dropped, a
// name without '=' gets an empty value. Round trip: parsing the output of
// BuildQueryString gives back its pairs with a non-empty value.
Fields ParseQueryString(std::string_view query);

// Builds "a=1&b=%E4%B8%AD" from pairs, skipping empty values.
std::string BuildQueryString(const Fields& fields);

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_URL_H_
