// The JSON API (/api/v1/...), documented in docs/openapi.yaml (also served
// at /api/v1/openapi.yaml). Errors are {"error": "..."} with the HTTP status.

#include <nlohmann/json.hpp>

#include "store/export.h"
#include "web/embedded.h"
#include "web/filters.h"
#include "web/labels.h"
#include "web/portal_state.h"

namespace mubiao::web {
namespace {

using nlohmann::json;

constexpr int kDefaultPerPage = 20;
constexpr int kMaxPerPage = 100;

HttpResponse Json(const json& body) {
  HttpResponse response = JsonResponse(body.dump(-1, ' ', false, json::error_handler_t::replace));
  response.validatable = true;
  return response;
}

// A document summary with the archive's heading of its title.
json DocumentJson(const store::DocumentSummary& d) {
  json j = store::DocumentSummaryJson(d, PortalDocumentUrl());
  j["heading"] = ReportHeading(d);
  return j;
}

// page and per_page → offset and limit. kInvalidInput when out of range.
Status Paging(const HttpRequest& request, int* offset, int* limit) {
  Result<int> page = PageFromQuery(request, 100000);
  if (!page.ok()) return page.status();
  Result<int> per_page = PositiveIntParam(request, "per_page", kDefaultPerPage);
  if (!per_page.ok()) return per_page.status();
  if (*per_page > kMaxPerPage) return InvalidInput("per_page 不能超过 100");
  *offset = (*page - 1) * *per_page;
  *limit = *per_page;
  return Status::Ok();
}

HttpResponse Index() {
  return Json({{"name", "mubiao API"},
               {"version", "v1"},
               {"spec", "/api/v1/openapi.yaml"},
               {"endpoints",
                {"/api/v1/regions", "/api/v1/documents", "/api/v1/documents/{id}",
                 "/api/v1/documents/{id}/comments", "/api/v1/targets", "/api/v1/findings/{key}",
                 "/api/v1/targets/counts", "/api/v1/search", "/api/v1/tracking",
                 "/api/v1/scorecard/{code}", "/api/v1/escalation"}}});
}

HttpResponse Regions(store::Store& store) {
  Result<std::vector<store::RegionSummary>> regions = store.ListRegions();
  if (!regions.ok()) return JsonStatusError(regions.status());
  json list = json::array();
  for (const store::RegionSummary& r : *regions) list.push_back(store::RegionSummaryJson(r));
  return Json({{"regions", list}});
}

HttpResponse Documents(store::Store& store, const HttpRequest& request) {
  store::DocumentFilter filter;
  Result<search::SearchFilters> filters = FiltersFromQuery(request);
  if (!filters.ok()) return JsonStatusError(filters.status());
  filter.filters = *filters;
  if (Status s = Paging(request, &filter.offset, &filter.limit); !s.ok()) return JsonStatusError(s);
  Result<store::DocumentPage> page = store.ListDocuments(filter);
  if (!page.ok()) return JsonStatusError(page.status());
  json list = json::array();
  for (const store::DocumentSummary& d : page->documents) list.push_back(DocumentJson(d));
  return Json({{"total", page->total}, {"offset", filter.offset}, {"documents", list}});
}

HttpResponse Document(store::Store& store, const RouteParams& params) {
  Result<int64_t> id = DocumentIdParam(params);
  if (!id.ok()) return JsonStatusError(id.status());
  Result<store::StoredDocument> doc = store.GetDocument(*id);
  if (!doc.ok()) return JsonStatusError(doc.status());
  json j = store::StoredDocumentJson(*doc, PortalDocumentUrl());
  j["heading"] = ReportHeading(doc->summary);
  return Json(j);
}

HttpResponse Comments(store::Store& store, const HttpRequest& request, const RouteParams& params) {
  Result<int64_t> id = DocumentIdParam(params);
  if (!id.ok()) return JsonStatusError(id.status());
  store::CommentFilter filter;
  filter.document_id = *id;
  filter.status = store::CommentStatus::kPublished;
  if (Status s = Paging(request, &filter.offset, &filter.limit); !s.ok()) return JsonStatusError(s);
  Result<store::StoredDocument> doc = store.GetDocument(*id);
  if (!doc.ok()) return JsonStatusError(doc.status());
  Result<store::CommentPage> page = store.ListComments(filter);
  if (!page.ok()) return JsonStatusError(page.status());
  json list = json::array();
  for (const store::Comment& c : page->comments) list.push_back(store::CommentJson(c));
  return Json({{"document_id", *id},
               {"total", page->total},
               {"offset", filter.offset},
               {"comments", list}});
}

HttpResponse Targets(store::Store& store, const HttpRequest& request) {
  Result<store::FindingFilter> filter = FindingFilterFromQuery(request);
  if (!filter.ok()) return JsonStatusError(filter.status());
  if (Status s = Paging(request, &filter->offset, &filter->limit); !s.ok())
    return JsonStatusError(s);
  Result<store::FindingPage> page = store.ListFindings(*filter);
  if (!page.ok()) return JsonStatusError(page.status());
  json list = json::array();
  for (const store::StoredFinding& s : page->findings) {
    list.push_back(store::StoredFindingJson(s, PortalDocumentUrl()));
  }
  return Json({{"total", page->total}, {"offset", filter->offset}, {"targets", list}});
}

HttpResponse FindingByKey(store::Store& store, const RouteParams& params) {
  const std::string key(FieldValue(params, "key"));
  Result<store::StoredFinding> found = store.FindingByKey(key);
  if (found.status().code() == StatusCode::kInvalidInput) {
    return JsonError(400, "键的格式应为 文本哈希:起-止，如 0123456789abcdef:120-150");
  }
  if (found.status().code() == StatusCode::kNotFound) return JsonError(404, "没有这个键的目标");
  if (!found.ok()) return JsonStatusError(found.status());
  return Json(store::StoredFindingJson(*found, PortalDocumentUrl()));
}

HttpResponse TargetCounts(store::Store& store, const HttpRequest& request) {
  Result<store::FindingFilter> filter = FindingFilterFromQuery(request);
  if (!filter.ok()) return JsonStatusError(filter.status());
  const std::string_view by = request.Query("by");
  store::FindingGroup group;
  if (by == "topic" || by.empty()) {
    group = store::FindingGroup::kTopic;
  } else if (by == "year") {
    group = store::FindingGroup::kYear;
  } else if (by == "region") {
    group = store::FindingGroup::kRegion;
  } else if (by == "indicator") {
    group = store::FindingGroup::kIndicator;
  } else {
    return JsonError(400, "by 应为 topic、year、region 或 indicator");
  }
  Result<std::vector<store::GroupCount>> counts = store.CountFindings(*filter, group, 100);
  if (!counts.ok()) return JsonStatusError(counts.status());
  json list = json::array();
  for (const store::GroupCount& g : *counts) {
    json group = {{"count", g.count}};  // key and label absent: no topic, region, …
    if (!g.key.empty()) group["key"] = g.key;
    if (!g.label.empty()) group["label"] = g.label;
    list.push_back(std::move(group));
  }
  return Json({{"by", by.empty() ? "topic" : by}, {"groups", list}});
}

HttpResponse Search(store::Store& store, const HttpRequest& request) {
  search::SearchRequest search;
  search.query = std::string(request.Query("q"));
  if (search.query.empty()) return JsonError(400, "缺少搜索词 q");
  if (search.query.size() > 1000) return JsonError(400, "搜索词太长");
  Result<search::SearchFilters> filters = FiltersFromQuery(request);
  if (!filters.ok()) return JsonStatusError(filters.status());
  search.filters = *filters;
  if (Status s = Paging(request, &search.offset, &search.limit); !s.ok()) return JsonStatusError(s);
  if (search.offset > search::kMaxSearchOffset) return JsonError(400, "页码超出范围");
  Result<search::SearchResults> results = store.Search(search);
  if (!results.ok()) return JsonStatusError(results.status());
  json hits = json::array();
  for (const search::SearchHit& hit : results->hits) {
    hits.push_back(store::SearchHitJson(hit, PortalDocumentUrl()));
  }
  return Json({{"query", search.query},
               {"total", results->total},
               {"offset", search.offset},
               {"hits", hits}});
}

}  // namespace

void AddApiRoutes(PortalState* state) {
  Router& r = state->router;
  r.Add("GET", "/api/v1/", [](const HttpRequest&, const RouteParams&) { return Index(); });
  r.Add("GET", "/api/v1/openapi.yaml", [](const HttpRequest&, const RouteParams&) {
    HttpResponse response;
    response.content_type = "application/yaml; charset=utf-8";
    response.body = EmbeddedFile("openapi.yaml");
    response.validatable = true;
    return response;
  });
  r.Add(
      "GET", "/api/v1/regions",
      WithStore(
          state, [](store::Store& s, const HttpRequest&, const RouteParams&) { return Regions(s); },
          JsonStatusError));
  r.Add(
      "GET", "/api/v1/documents",
      WithStore(
          state,
          [](store::Store& s, const HttpRequest& q, const RouteParams&) { return Documents(s, q); },
          JsonStatusError));
  r.Add(
      "GET", "/api/v1/documents/{id}",
      WithStore(
          state,
          [](store::Store& s, const HttpRequest&, const RouteParams& p) { return Document(s, p); },
          JsonStatusError));
  r.Add("GET", "/api/v1/documents/{id}/comments",
        WithStore(
            state,
            [](store::Store& s, const HttpRequest& q, const RouteParams& p) {
              return Comments(s, q, p);
            },
            JsonStatusError));
  r.Add("GET", "/api/v1/targets",
        WithStore(
            state,
            [](store::Store& s, const HttpRequest& q, const RouteParams&) { return Targets(s, q); },
            JsonStatusError));
  r.Add("GET", "/api/v1/findings/{key}",
        WithStore(
            state,
            [](store::Store& s, const HttpRequest&, const RouteParams& p) {
              return FindingByKey(s, p);
            },
            JsonStatusError));
  r.Add("GET", "/api/v1/targets/counts",
        WithStore(
            state,
            [](store::Store& s, const HttpRequest& q, const RouteParams&) {
              return TargetCounts(s, q);
            },
            JsonStatusError));
  r.Add("GET", "/api/v1/search",
        WithStore(
            state,
            [](store::Store& s, const HttpRequest& q, const RouteParams&) { return Search(s, q); },
            JsonStatusError));
}

}  // namespace mubiao::web
