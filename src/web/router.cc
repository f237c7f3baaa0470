#include "web/router.h"

#include <optional>
#include <string_view>

#include "web/url.h"

namespace mubiao::web {
namespace {

// "/a/b/" → {"a", "b", ""}: a trailing slash is an empty last segment, so
// "/baogao/x/" and "/baogao/x" are different paths.
std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.empty() || path.front() != '/') return segments;
  path.remove_prefix(1);
  while (true) {
    const size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

// A decoded parameter value, or nullopt when it is unsafe to hand on.
std::optional<std::string> SafeValue(std::string_view encoded, bool may_hold_slashes) {
  std::optional<std::string> value = PercentDecode(encoded, false);
  if (!value || value->empty()) return std::nullopt;
  if (!may_hold_slashes && value->find('/') != std::string::npos) return std::nullopt;
  if (value->find('\\') != std::string::npos) return std::nullopt;
  const std::string rooted = "/" + *value;
  for (std::string_view part : SplitPath(rooted)) {
    if (part == ".." || part == ".") return std::nullopt;
  }
  return value;
}

// Matches one path segment against one pattern segment.
bool MatchSegment(std::string_view pattern, std::string_view segment, RouteParams* params) {
  if (pattern.empty() || pattern.front() != '{') return pattern == segment;
  const size_t close = pattern.find('}');
  const std::string_view name = pattern.substr(1, close - 1);
  const std::string_view suffix = pattern.substr(close + 1);
  if (segment.size() <= suffix.size() || !segment.ends_with(suffix)) return false;
  std::optional<std::string> value =
      SafeValue(segment.substr(0, segment.size() - suffix.size()), false);
  if (!value) return false;
  params->emplace_back(std::string(name), std::move(*value));
  return true;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler) {
  Route route{std::move(method), {}, std::move(handler)};
  for (std::string_view segment : SplitPath(pattern)) route.segments.emplace_back(segment);
  routes_.push_back(std::move(route));
}

RouteMatch Router::Match(const std::string& method, const std::string& path) const {
  const std::vector<std::string_view> segments = SplitPath(path);
  RouteMatch result;
  for (const Route& route : routes_) {
    RouteParams params;
    bool matched = true;
    for (size_t i = 0; i < route.segments.size() && matched; ++i) {
      const std::string& pattern = route.segments[i];
      if (pattern.starts_with("{*")) {
        // Takes every remaining segment, at least one non-empty.
        std::string rest;
        for (size_t j = i; j < segments.size(); ++j) {
          rest += (j > i ? "/" : "") + std::string(segments[j]);
        }
        std::optional<std::string> value = SafeValue(rest, true);
        matched = value.has_value() && i < segments.size();
        if (matched) params.emplace_back(pattern.substr(2, pattern.size() - 3), std::move(*value));
        break;
      }
      matched = i < segments.size() && MatchSegment(pattern, segments[i], &params);
      if (matched && i + 1 == route.segments.size()) matched = segments.size() == i + 1;
    }
    if (!matched) continue;
    const bool method_ok = route.method == method || (route.method == "GET" && method == "HEAD");
    if (method_ok) {
      result.kind = RouteMatch::Kind::kFound;
      result.handler = &route.handler;
      result.params = std::move(params);
      return result;
    }
    result.kind = RouteMatch::Kind::kWrongMethod;
    if (result.allowed.find(route.method) == std::string::npos) {
      result.allowed += (result.allowed.empty() ? "" : ", ") + route.method;
      if (route.method == "GET") result.allowed += ", HEAD";
    }
  }
  return result;
}

}  // namespace mubiao::web
