// What a load balancer and its operators ask of a portal process:
// /healthz (the process answers) and /readyz (it can serve pages: its
// database answers; "read_only" when it refuses writes). Never cached, so a
// failed database shows at once.

#include <iostream>

#include "web/portal_state.h"

namespace mubiao::web {
namespace {

HttpResponse Uncached(HttpResponse response) {
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

HttpResponse Ready(PortalState* state) {
  Result<StorePool::Lease> store = state->pool->Acquire();
  Status answered = store.status();
  if (answered.ok()) {
    answered = (*store)->ReadShared(store::SharedKind::kGeneration, "ready", state->Now()).status();
  }
  if (!answered.ok()) {
    std::cerr << "mubiao serve: not ready: " << answered.message() << "\n";
    return Uncached(JsonError(503, "数据库暂时无法访问"));
  }
  // A database that refuses writes still serves pages: ready, and says so.
  return Uncached(
      JsonResponse(state->ReadOnly() ? R"({"status":"read_only"})" : R"({"status":"ok"})"));
}

}  // namespace

void AddHealthRoutes(PortalState* state) {
  state->router.Add("GET", "/healthz", [](const HttpRequest&, const RouteParams&) {
    return Uncached(JsonResponse(R"({"status":"ok"})"));
  });
  state->router.Add("GET", "/readyz",
                    [state](const HttpRequest&, const RouteParams&) { return Ready(state); });
}

}  // namespace mubiao::web
