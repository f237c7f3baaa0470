// libFuzzer target: arbitrary bytes as a request target, split into path
// and query by MakeRequest and routed by the portal's kinds of patterns
// (router.h). Route parameters must be text, never empty, never hold '\',
// a "." or ".." segment, or '/' (but in a {*rest} parameter); the query
// must decode to text. Round trip: a parameter, percent-encoded into a
// path again, is matched and decoded to itself.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_fields.h"
#include "web/router.h"

using mubiao::fuzz::IsText;
using mubiao::fuzz::Require;
using mubiao::web::RouteMatch;

namespace {

const mubiao::web::Router& PortalLikeRouter() {
  static const mubiao::web::Router router = [] {
    mubiao::web::Router r;
    const auto answer = [](const mubiao::web::HttpRequest&, const mubiao::web::RouteParams&) {
      return mubiao::web::HttpResponse{};
    };
    for (const char* pattern :
         {"/", "/baogao/{geo}/", "/baogao/{geo}/{id}.html", "/export/baogao/{id}.csv",
          "/static/vendor/{*path}", "/api/v1/documents/{id}/comments", "/genzong/{code}.html"}) {
      r.Add("GET", pattern, answer);
    }
    r.Add("POST", "/guanli/pinglun/{id}", answer);
    return r;
  }();
  return router;
}

void CheckParams(const RouteMatch& match) {
  for (const auto& [name, value] : match.params) {
    Require(!value.empty(), "parameters are not empty");
    Require(IsText(value), "parameters are text");
    Require(value.find('\\') == std::string::npos, "parameters hold no backslash");
    if (name != "path") Require(value.find('/') == std::string::npos, "segments hold no '/'");
    const std::string rooted = "/" + value + "/";
    Require(rooted.find("/../") == std::string::npos && rooted.find("/./") == std::string::npos,
            "parameters hold no . or .. segment");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string target(reinterpret_cast<const char*>(data), size);
  const mubiao::web::HttpRequest request = mubiao::web::MakeRequest("GET", target);
  Require(request.path.find('?') == std::string::npos, "the path ends at '?'");
  Require(target.starts_with(request.path), "the path starts the target");
  mubiao::fuzz::CheckFields(request.query);
  for (const char* method : {"GET", "POST", "DELETE"}) {
    const RouteMatch match = PortalLikeRouter().Match(method, request.path);
    Require((match.kind == RouteMatch::Kind::kFound) == (match.handler != nullptr),
            "a handler exactly when found");
    Require(match.kind != RouteMatch::Kind::kWrongMethod || !match.allowed.empty(),
            "a wrong method names the allowed ones");
    if (match.kind != RouteMatch::Kind::kFound) continue;
    CheckParams(match);
    for (const auto& [name, value] : match.params) {
      // Where the parameter can stand again: a segment, or the rest of a path.
      const std::string prefix = name == "path" ? "/static/vendor/" : "/guanli/pinglun/";
      const RouteMatch again = PortalLikeRouter().Match(name == "path" ? "GET" : "POST",
                                                        prefix + mubiao::web::PercentEncode(value));
      const std::string_view decoded =
          mubiao::web::FieldValue(again.params, name == "path" ? "path" : "id");
      Require(again.kind == RouteMatch::Kind::kFound && decoded == value,
              "an encoded parameter decodes to itself");
    }
  }
  return 0;
}
