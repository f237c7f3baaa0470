// Region pages (/baogao/<geo>/): the provinces of a geographic region, or
// with ?diqu=CODE the places under a province or city, and their reports by
// year, with a document type filter. /baogao/quanguo/ lists national
// documents, /baogao/qita/ those whose region is unknown.

#include <algorithm>
#include <map>

#include "regions/gazetteer.h"
#include "web/filters.h"
#include "web/labels.h"
#include "web/portal_state.h"
#include "web/url.h"

namespace mubiao::web {
namespace {

constexpr int kPerPage = 100;

bool KnownSlug(const std::string& slug) {
  return slug == kNationalSlug || slug == kUnknownGeoSlug ||
         regions::GeoRegionFromKey(slug) != regions::GeoRegion::kNone;
}

// Documents whose region is unknown: the store has no filter for "no region",
// so they are picked from the whole list (newest first), one page of it.
Result<store::DocumentPage> UnplacedDocuments(store::Store& store,
                                              std::optional<report::DocType> doc_type, int offset,
                                              int limit) {
  store::DocumentPage page;
  store::DocumentFilter filter;
  filter.filters.doc_type = doc_type;
  filter.limit = store::kMaxListLimit;
  while (true) {
    Result<store::DocumentPage> batch = store.ListDocuments(filter);
    if (!batch.ok()) return batch.status();
    for (store::DocumentSummary& doc : batch->documents) {
      if (doc.geo != regions::GeoRegion::kNone || doc.level == regions::RegionLevel::kNational) {
        continue;
      }
      if (page.total >= offset && page.total < offset + limit)
        page.documents.push_back(std::move(doc));
      ++page.total;
    }
    filter.offset += store::kMaxListLimit;
    if (filter.offset >= batch->total) return page;
  }
}

HttpResponse RegionPage(PortalState* state, const HttpRequest& request, const std::string& slug) {
  if (!KnownSlug(slug)) return state->ErrorPage(404, "没有这个地区。");
  const Visitor visitor = state->VisitorOf(request);
  const std::string diqu(request.Query("diqu"));
  const std::string type_key(request.Query("type"));
  const std::optional<report::DocType> doc_type = report::ParseDocTypeKey(type_key);
  if (!diqu.empty() &&
      (diqu.size() != 6 || diqu.find_first_not_of("0123456789") != std::string::npos)) {
    return state->ErrorPage(400, "地区代码应为六位数字。", "/baogao/" + slug + "/");
  }
  if (!type_key.empty() && !doc_type) {
    return state->ErrorPage(400, "没有这种文件类型。", "/baogao/" + slug + "/");
  }
  Result<int> page_number = PageFromQuery(request, 100000);
  if (!page_number.ok()) return state->ErrorPage(400, page_number.status().message());

  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<std::vector<store::RegionSummary>> regions = (*store)->ListRegions();
  if (!regions.ok()) return state->StoreErrorPage(regions.status());
  std::map<std::string, const store::RegionSummary*> by_code;
  for (const store::RegionSummary& r : *regions) by_code[r.region.code] = &r;

  const store::RegionSummary* place = nullptr;
  if (!diqu.empty()) {
    auto it = by_code.find(diqu);
    if (it == by_code.end() || regions::GeoRegionSlug(it->second->region.geo) != slug) {
      return state->ErrorPage(404, "这个地区还没有报告。", "/baogao/" + slug + "/");
    }
    place = it->second;
  }

  const int offset = (*page_number - 1) * kPerPage;
  Result<store::DocumentPage> documents = store::DocumentPage{};
  if (slug == kUnknownGeoSlug) {
    documents = UnplacedDocuments(**store, doc_type, offset, kPerPage);
  } else {
    store::DocumentFilter filter;
    filter.filters.doc_type = doc_type;
    if (slug == kNationalSlug) {
      filter.filters.level = regions::RegionLevel::kNational;
    } else {
      filter.filters.geo = regions::GeoRegionFromKey(slug);
    }
    if (place != nullptr) filter.filters.region_code = place->region.code;
    filter.offset = offset;
    filter.limit = kPerPage;
    documents = (*store)->ListDocuments(filter);
  }
  if (!documents.ok()) return state->StoreErrorPage(documents.status());

  const std::string heading = place != nullptr ? place->region.name : GeoLabel(slug);
  Page page = state->NewVisitorPage(heading, visitor);
  page.dict->SetValue("HEADING", heading + (slug == kUnknownGeoSlug ? "" : " 政府工作报告"));
  page.dict->SetIntValue("TOTAL", static_cast<long>(documents->total));
  if (slug == kNationalSlug) {
    page.dict->AddSectionDictionary("SCORECARD")->SetValue("URL", "/genzong/000000.html");
  }
  const std::string base = "/baogao/" + slug + "/";
  // Crumbs: the geographic region, then the place's ancestors.
  ctemplate::TemplateDictionary* crumb = page.dict->AddSectionDictionary("CRUMB");
  crumb->SetValue("URL", base);
  crumb->SetValue("NAME", GeoLabel(slug));
  if (place != nullptr) {
    std::vector<const store::RegionSummary*> chain;
    for (const store::RegionSummary* r = place; r != nullptr;) {
      chain.push_back(r);
      auto parent = by_code.find(r->region.parent_code);
      r = parent == by_code.end() ? nullptr : parent->second;
    }
    std::reverse(chain.begin(), chain.end());
    for (const store::RegionSummary* r : chain) {
      ctemplate::TemplateDictionary* c = page.dict->AddSectionDictionary("CRUMB");
      c->SetValue("URL", base + "?diqu=" + r->region.code);
      c->SetValue("NAME", r->region.name);
    }
    // Places with reports of their own have a scorecard (/genzong/<code>.html).
    if (place->documents > 0) {
      page.dict->AddSectionDictionary("SCORECARD")
          ->SetValue("URL", "/genzong/" + place->region.code + ".html");
    }
    if (place->year_min > 0) {
      page.dict->SetValueAndShowSection(
          "YEARS", std::to_string(place->year_min) + "–" + std::to_string(place->year_max) + "年",
          "YEARS");
    }
  }
  // Places one level down that have documents.
  std::vector<const store::RegionSummary*> children;
  for (const store::RegionSummary& r : *regions) {
    if (r.documents_under == 0) continue;
    const bool child = place != nullptr ? r.region.parent_code == place->region.code
                                        : r.region.level == regions::RegionLevel::kProvince &&
                                              regions::GeoRegionSlug(r.region.geo) == slug;
    if (child) children.push_back(&r);
  }
  if (!children.empty()) {
    ctemplate::TemplateDictionary* places = page.dict->AddSectionDictionary("PLACES");
    places->SetValue("PLACES_HEADING", place == nullptr ? "省份" : "下辖地区");
    for (const store::RegionSummary* r : children) {
      ctemplate::TemplateDictionary* item = places->AddSectionDictionary("PLACE");
      item->SetValue("URL", base + "?diqu=" + r->region.code);
      item->SetValue("NAME", r->region.name);
      item->SetIntValue("COUNT", static_cast<long>(r->documents_under));
    }
  }
  const auto url_with = [&](const std::string& type, int page_no) {
    const std::string query = BuildQueryString(
        {{"diqu", diqu}, {"type", type}, {"page", page_no > 1 ? std::to_string(page_no) : ""}});
    return base + (query.empty() ? "" : "?" + query);
  };
  std::vector<std::optional<report::DocType>> types = {std::nullopt};
  types.insert(types.end(), std::begin(report::kAllDocTypes), std::end(report::kAllDocTypes));
  for (const std::optional<report::DocType> type : types) {
    ctemplate::TemplateDictionary* item = page.dict->AddSectionDictionary("TYPE");
    item->SetValue("URL", url_with(type ? std::string(report::DocTypeKey(*type)) : "", 1));
    item->SetValue("NAME", type ? std::string(report::DocTypeName(*type)) : "全部");
    if (doc_type == type) item->ShowSection("ACTIVE");
  }
  // Documents come newest first; one section per year.
  ctemplate::TemplateDictionary* year = nullptr;
  int current_year = -1;
  for (const store::DocumentSummary& doc : documents->documents) {
    if (doc.year != current_year) {
      year = page.dict->AddSectionDictionary("YEAR");
      year->SetIntValue("YEAR", doc.year);
      current_year = doc.year;
    }
    AddDocumentListItem(year, doc);
  }
  if (documents->documents.empty()) page.dict->ShowSection("EMPTY");
  const int pages = static_cast<int>((documents->total + kPerPage - 1) / kPerPage);
  AddPager(page.dict.get(), *page_number, pages, [&](int n) { return url_with(type_key, n); });
  HttpResponse response = state->RenderPage("region.tpl", page);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

}  // namespace

void AddRegionRoutes(PortalState* state) {
  state->router.Add("GET", "/baogao/{geo}/",
                    [state](const HttpRequest& request, const RouteParams& params) {
                      return RegionPage(state, request, std::string(FieldValue(params, "geo")));
                    });
  state->router.Add("GET", "/baogao/{geo}", [](const HttpRequest& request, const RouteParams&) {
    HttpResponse response = RedirectResponse(request.path + "/");
    response.status = 301;
    return response;
  });
}

}  // namespace mubiao::web
