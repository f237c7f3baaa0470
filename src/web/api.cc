// The JSON API (/api/v1/...), documented in docs/openapi.yaml (also served
// at /api/v1/openapi.yaml). Errors are {"error": "..."} with the HTTP status.

#include <nlohmann/json.hpp>

#include "store/export.h"
#include "text/json_text.h"
#include "web/embedded.h"
#include "web/filters.h"
#include "web/labels.h"
#include "web/portal_state.h"

namespace mubiao::web {
namespace {

using nlohmann::json;

constexpr int kDefaultPerPage = 20;
constexpr int kMaxPerPage = 100;

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

// Every endpoint, as the API page and the JSON index list them (each is
// documented in full in docs/openapi.yaml): its path, what it answers in
// the page's words, and an example address on the samples ("" for none).
struct Endpoint {
  const char* path;
  const char* summary;
  const char* example;
};
constexpr Endpoint kEndpoints[] = {
    {"/api/v1/regions", "有报告的全部地区（含上级地区）及各自的文件数量", "/api/v1/regions"},
    {"/api/v1/documents", "报告和其他文件，最新的在前；可按地区、级别、类型、年份筛选",
     "/api/v1/documents?region=360000"},
    {"/api/v1/documents/{id}", "一份文件：元数据、目录结构、全文和提取出的目标、实绩、承诺", ""},
    {"/api/v1/documents/{id}/comments", "一份文件已公开的评论，分页", ""},
    {"/api/v1/targets", "量化目标，可按地区、年份、指标、领域、承诺力度筛选",
     "/api/v1/targets?region=360800&year=2024"},
    {"/api/v1/findings/{key}",
     "按标识取一条目标、实绩或承诺（标识见各接口和导出文件中每条记录的标识字段）", ""},
    {"/api/v1/targets/counts", "目标数量，按领域、年份、地区或指标分组",
     "/api/v1/targets/counts?by=year"},
    {"/api/v1/search", "全文检索，最相关的在前", "/api/v1/search?q=%E7%B2%AE%E9%A3%9F"},
    {"/api/v1/tracking", "目标的完成情况及依据：达成、未达成、部分达成、未提及、待核实、不可评估",
     "/api/v1/tracking?region=360800"},
    {"/api/v1/scorecard/{code}", "一个地区历年目标完成情况的汇总", "/api/v1/scorecard/360800"},
    {"/api/v1/changes/{code}", "一个地区当年目标与上年相比的变化：新增、不再提出、上调、下调、持平",
     "/api/v1/changes/360800"},
    {"/api/v1/compare", "地区对比：两到六个地区同一年份同一指标的目标、实际完成数字和完成情况",
     "/api/v1/compare?diqu=360800&diqu=360400&year=2024"},
    {"/api/v1/escalation", "层层加码：同一指标同一年份从中央到省、市、县的目标",
     "/api/v1/escalation?indicator=gdp&year=2024"},
    {"/api/v1/map", "全国地图（每个省级地区一格）的数据：收录报告数、目标达成率或当年 GDP 增长目标",
     "/api/v1/map?metric=reports"},
    {"/api/v1/ducha/ledgers", "督查督办：本级政府的任务台账（须先登录督查账号）", ""},
    {"/api/v1/ducha/ledgers/{id}", "一个任务台账及本账号可见的任务、序时进度和进度灯（须登录）",
     ""},
    {"/api/v1/ducha/tasks/{id}",
     "一项任务及其全部进展和督办单（须登录，承办单位只能查看本单位任务）", ""},
    {"/api/v1/ducha/tasks/{id}/progress", "提交任务进展（JSON 格式；牵头单位、配合单位或督查室可填报）",
     ""},
    {"/api/v1/ducha/public/{id}", "地方政府公开的任务台账：任务、牵头单位、完成比例和进度灯", ""},
};

HttpResponse Index() {
  json paths = json::array();
  for (const Endpoint& e : kEndpoints) paths.push_back(e.path);
  return ApiJson({{"name", "mubiao API"},
                  {"version", "v1"},
                  {"spec", "/api/v1/openapi.yaml"},
                  {"documentation", "/api/"},
                  {"endpoints", paths}});
}

// /api/: the API described in Chinese, with the OpenAPI file's address.
HttpResponse ApiPage(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  Page page = state->NewVisitorPage("数据接口", visitor);
  for (const Endpoint& e : kEndpoints) {
    ctemplate::TemplateDictionary* row = page.dict->AddSectionDictionary("ENDPOINT");
    row->SetValue("PATH", e.path);
    row->SetValue("SUMMARY", e.summary);
    if (*e.example != '\0') row->AddSectionDictionary("EXAMPLE")->SetValue("URL", e.example);
  }
  HttpResponse response = state->RenderPage("api.tpl", page);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

HttpResponse Regions(store::Store& store, const HttpRequest&, const RouteParams&) {
  Result<std::vector<store::RegionSummary>> regions = store.ListRegions();
  if (!regions.ok()) return JsonStatusError(regions.status());
  json list = json::array();
  for (const store::RegionSummary& r : *regions) list.push_back(store::RegionSummaryJson(r));
  return ApiJson({{"regions", list}});
}

HttpResponse Documents(store::Store& store, const HttpRequest& request, const RouteParams&) {
  store::DocumentFilter filter;
  Result<search::SearchFilters> filters = FiltersFromQuery(request);
  if (!filters.ok()) return JsonStatusError(filters.status());
  filter.filters = *filters;
  if (Status s = Paging(request, &filter.offset, &filter.limit); !s.ok()) return JsonStatusError(s);
  Result<store::DocumentPage> page = store.ListDocuments(filter);
  if (!page.ok()) return JsonStatusError(page.status());
  json list = json::array();
  for (const store::DocumentSummary& d : page->documents) list.push_back(DocumentJson(d));
  return ApiJson({{"total", page->total}, {"offset", filter.offset}, {"documents", list}});
}

HttpResponse Document(store::Store& store, const HttpRequest&, const RouteParams& params) {
  Result<int64_t> id = DocumentIdParam(params);
  if (!id.ok()) return JsonStatusError(id.status());
  Result<store::StoredDocument> doc = store.GetDocument(*id);
  if (!doc.ok()) return JsonStatusError(doc.status());
  json j = store::StoredDocumentJson(*doc, PortalDocumentUrl());
  j["heading"] = ReportHeading(doc->summary);
  return ApiJson(j);
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
  return ApiJson({{"document_id", *id},
                  {"total", page->total},
                  {"offset", filter.offset},
                  {"comments", list}});
}

HttpResponse Targets(store::Store& store, const HttpRequest& request, const RouteParams&) {
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
  return ApiJson({{"total", page->total}, {"offset", filter->offset}, {"targets", list}});
}

HttpResponse FindingByKey(store::Store& store, const HttpRequest&, const RouteParams& params) {
  const std::string key(FieldValue(params, "key"));
  Result<store::StoredFinding> found = store.FindingByKey(key);
  if (found.status().code() == StatusCode::kInvalidInput) {
    return JsonError(400, "键的格式应为 文本哈希:起-止，如 0123456789abcdef:120-150");
  }
  if (found.status().code() == StatusCode::kNotFound) return JsonError(404, "没有这个键的目标");
  if (!found.ok()) return JsonStatusError(found.status());
  return ApiJson(store::StoredFindingJson(*found, PortalDocumentUrl()));
}

HttpResponse TargetCounts(store::Store& store, const HttpRequest& request, const RouteParams&) {
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
  return ApiJson({{"by", by.empty() ? "topic" : by}, {"groups", list}});
}

HttpResponse Search(store::Store& store, const HttpRequest& request, const RouteParams&) {
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
  return ApiJson({{"query", search.query},
                  {"total", results->total},
                  {"offset", search.offset},
                  {"hits", hits}});
}

// The endpoints answered from the store, each by a function of (store,
// request, route parameters).
constexpr struct StoreRoute {
  std::string_view path;
  HttpResponse (*answer)(store::Store&, const HttpRequest&, const RouteParams&);
} kStoreRoutes[] = {{"/api/v1/regions", &Regions},
                    {"/api/v1/documents", &Documents},
                    {"/api/v1/documents/{id}", &Document},
                    {"/api/v1/documents/{id}/comments", &Comments},
                    {"/api/v1/targets", &Targets},
                    {"/api/v1/findings/{key}", &FindingByKey},
                    {"/api/v1/targets/counts", &TargetCounts},
                    {"/api/v1/search", &Search}};

}  // namespace

void AddApiRoutes(PortalState* state) {
  Router& r = state->router;
  r.Add("GET", "/api/v1/", [](const HttpRequest&, const RouteParams&) { return Index(); });
  r.Add("GET", "/api/", [state](const HttpRequest& request, const RouteParams&) {
    return ApiPage(state, request);
  });
  r.Add("GET", "/api/v1/openapi.yaml", [](const HttpRequest&, const RouteParams&) {
    HttpResponse response;
    response.content_type = "application/yaml; charset=utf-8";
    response.body = EmbeddedFile("openapi.yaml");
    response.validatable = true;
    return response;
  });
  for (const StoreRoute& route : kStoreRoutes) {
    r.Add("GET", std::string(route.path), WithStore(state, route.answer, JsonStatusError));
  }
}

}  // namespace mubiao::web
