// libFuzzer target: arbitrary bytes as Cookie headers and a cookie name.
// The input's first line is the name looked up, the other lines are Cookie
// headers. What Cookie returns must be text without control characters,
// ';' or surrounding blanks, and stand in a header after the name. Then a
// round trip: pairs cut from the input (NUL-separated names and values),
// kept when they are a valid cookie name and value (RFC 6265), written as
// one header, must each be found again (the first of a name wins).

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_fields.h"

using mubiao::fuzz::IsText;
using mubiao::fuzz::Require;

namespace {

std::vector<std::string_view> Split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const size_t at = s.find(separator);
    parts.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return parts;
    s.remove_prefix(at + 1);
  }
}

// RFC 6265 cookie-name (an HTTP token) and cookie-value octets.
bool IsCookieName(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    if (c <= 0x20 || c >= 0x7F ||
        std::string_view("()<>@,;:\\\"/[]?={}").find(c) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}
bool IsCookieValue(std::string_view s) {
  for (unsigned char c : s) {
    if (c <= 0x20 || c >= 0x7F || c == '"' || c == ',' || c == ';' || c == '\\') return false;
  }
  return true;
}

void CheckLookup(std::string_view input) {
  const std::vector<std::string_view> lines = Split(input, '\n');
  mubiao::web::HttpRequest request = mubiao::web::MakeRequest("GET", "/");
  for (size_t i = 1; i < lines.size(); ++i) request.headers.emplace_back("cookie", lines[i]);
  const std::string value = request.Cookie(lines[0]);
  Require(IsText(value), "cookie values are text");
  for (unsigned char c : value) {
    Require(c >= 0x20 && c != 0x7F, "cookie values hold no control characters");
  }
  Require(value.find(';') == std::string::npos, "cookie values hold no ';'");
  Require(value.empty() || (value.front() != ' ' && value.back() != ' '), "values are trimmed");
  if (value.empty()) return;
  bool found = false;
  for (size_t i = 1; i < lines.size() && !found; ++i) {
    const size_t name = lines[i].find(lines[0]);
    found = name != std::string_view::npos &&
            lines[i].find(value, name + lines[0].size()) != std::string_view::npos;
  }
  Require(found, "a value stands in a header after its name");
}

void CheckRoundTrip(std::string_view input) {
  const std::vector<std::string_view> parts = Split(input, '\0');
  std::string header;
  std::map<std::string, std::string> first;
  for (size_t i = 0; i + 1 < parts.size(); i += 2) {
    if (!IsCookieName(parts[i]) || !IsCookieValue(parts[i + 1])) continue;
    header +=
        (header.empty() ? "" : "; ") + std::string(parts[i]) + "=" + std::string(parts[i + 1]);
    first.emplace(parts[i], parts[i + 1]);
  }
  mubiao::web::HttpRequest request = mubiao::web::MakeRequest("GET", "/");
  request.headers.emplace_back("cookie", header);
  for (const auto& [name, value] : first) {
    Require(request.Cookie(name) == value, "a written cookie is read back");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  CheckLookup(input);
  CheckRoundTrip(input);
  return 0;
}
