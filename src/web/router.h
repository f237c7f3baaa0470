// Maps a method and a path to a handler. Patterns are paths whose segments
// are literals or parameters: "/baogao/{geo}/{id}.html" matches
// "/baogao/huazhong/12.html" with geo=huazhong, id=12 (a parameter may be
// followed by a literal suffix within its segment); a last segment "{*rest}"
// takes the rest of the path. Parameters are percent-decoded and never
// contain '/', NUL or a ".." segment. Routes are tried in the order added.
#ifndef MUBIAO_WEB_ROUTER_H_
#define MUBIAO_WEB_ROUTER_H_

#include <functional>
#include <string>
#include <vector>

#include "web/http.h"

namespace mubiao::web {

// The parameters a pattern captured, by name.
using RouteParams = Fields;

// Answers one request whose route matched.
using Handler = std::function<HttpResponse(const HttpRequest&, const RouteParams&)>;

// What Match found.
struct RouteMatch {
  enum class Kind { kFound, kNoPath, kWrongMethod };
  Kind kind = Kind::kNoPath;
  const Handler* handler = nullptr;  // set when kFound; owned by the router
  RouteParams params;
  std::string allowed;  // for kWrongMethod: the methods the path takes ("GET, HEAD")
};

// A set of routes. Build it once, then Match from any number of threads.
class Router {
 public:
  // Adds a route for `method` (GET also answers HEAD).
  void Add(std::string method, std::string pattern, Handler handler);

  // The route for a request's method and (percent-encoded) path.
  RouteMatch Match(const std::string& method, const std::string& path) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;  // of the pattern
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_ROUTER_H_
