// Region pages. /baogao/ lists the seven geographic regions with every
// province and its report count (暂未收录 where none), national and unplaced
// documents; /baogao/<geo>/ the provinces of a geographic region; with
// ?diqu=CODE a province's prefectures or a prefecture's counties, every one
// the gazetteer has in use (those without reports marked 暂未收录, not
// linked), and the place's reports by year, with a document type filter.
// /baogao/quanguo/ lists national documents, /baogao/qita/ those whose
// region is unknown. Crumbs: 全国 › 省 › 市 › 县.
#include <algorithm>
#include <map>
#include <variant>

#include "regions/gazetteer.h"
#include "web/filters.h"
#include "web/labels.h"
#include "web/portal_state.h"
#include "web/url.h"

namespace mubiao::web {
namespace {

using ctemplate::TemplateDictionary;

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

// The crumb and heading of a listing that is not a place: 中央 for national
// documents (全国 is the page of every place), else the region's name.
std::string ListingLabel(const std::string& slug) {
  return slug == kNationalSlug ? "中央" : GeoLabel(slug);
}

// A place in a list: its page and report count (0: 暂未收录, no link).
struct PlaceItem {
  std::string name;
  std::string short_name;
  std::string url;
  int64_t reports = 0;
  regions::RegionLevel level = regions::RegionLevel::kCounty;
};

// The places directly under `parent` (nullptr: the provinces of `geo`):
// every one the gazetteer has in use today, and every stored one with
// reports (a retired code, say), in code order.
std::vector<PlaceItem> PlacesUnder(const std::vector<store::RegionSummary>& stored,
                                   const store::RegionSummary* parent, regions::GeoRegion geo) {
  const regions::Gazetteer& gazetteer = regions::Gazetteer::Builtin();
  std::vector<const regions::Region*> listed;
  if (parent == nullptr) {
    for (const regions::Region* r : gazetteer.AllInUse(regions::RegionLevel::kProvince)) {
      if (r->geo == geo) listed.push_back(r);
    }
  } else if (const regions::Region* region = gazetteer.FindByCode(parent->region.code)) {
    listed = gazetteer.Children(*region);
  }
  std::map<std::string, PlaceItem> items;
  for (const regions::Region* r : listed) {
    items[r->code] = {r->name, r->short_name, PlacePageUrl(*r), 0, r->level};
  }
  for (const store::RegionSummary& r : stored) {
    const bool child =
        parent == nullptr ? r.region.level == regions::RegionLevel::kProvince && r.region.geo == geo
                          : r.region.parent_code == parent->region.code;
    if (!child || r.documents_under == 0) continue;
    PlaceItem& item = items[r.region.code];
    if (item.url.empty()) {
      item = {r.region.name, r.region.short_name, PlacePageUrl(r.region), 0, r.region.level};
    }
    item.reports = r.documents_under;
  }
  std::vector<PlaceItem> out;
  for (auto& [code, item] : items) out.push_back(std::move(item));
  return out;
}

// A PLACES section: `heading`, then each place as a chip linking to its
// page with its report count, or its name and 暂未收录. Short names with
// `short_names` (江西, 内蒙古).
TemplateDictionary* AddPlaceList(TemplateDictionary* dict, const std::string& heading,
                                 const std::vector<PlaceItem>& items, bool short_names = false) {
  TemplateDictionary* list = dict->AddSectionDictionary("PLACES");
  list->SetValue("PLACES_HEADING", heading);
  for (const PlaceItem& p : items) {
    TemplateDictionary* item = list->AddSectionDictionary("PLACE");
    item->SetValue("NAME", short_names && !p.short_name.empty() ? p.short_name : p.name);
    if (p.reports > 0) {
      TemplateDictionary* link = item->AddSectionDictionary("LINK");
      link->SetValue("URL", p.url);
      link->SetIntValue("COUNT", static_cast<long>(p.reports));
    } else {
      item->ShowSection("NONE");
    }
  }
  return list;
}

// The list of places under a geographic region's page or a place's page,
// headed by what they are, with how many have reports.
void AddChildPlaces(TemplateDictionary* dict, const std::vector<PlaceItem>& items) {
  if (items.empty()) return;
  const regions::RegionLevel level = items.front().level;
  const bool same_level = std::all_of(items.begin(), items.end(),
                                      [level](const PlaceItem& p) { return p.level == level; });
  const char* heading = !same_level                                  ? "下辖地区"
                        : level == regions::RegionLevel::kProvince   ? "省份"
                        : level == regions::RegionLevel::kPrefecture ? "下辖市（州、盟）"
                                                                     : "下辖县（市、区）";
  const auto with_reports =
      std::count_if(items.begin(), items.end(), [](const PlaceItem& p) { return p.reports > 0; });
  TemplateDictionary* list = AddPlaceList(dict, heading, items);
  list->SetValueAndShowSection(
      "SUMMARY",
      "共 " + std::to_string(items.size()) + " 个，已收录 " + std::to_string(with_reports) + " 个",
      "SUMMARY");
}

// /baogao/: the seven geographic regions, each with every province and its
// report count, then national and unplaced documents.
HttpResponse RegionIndex(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<std::vector<store::RegionSummary>> regions = (*store)->ListRegions();
  if (!regions.ok()) return state->StoreErrorPage(regions.status());
  store::DocumentFilter all;
  all.limit = 1;
  Result<store::DocumentPage> documents = (*store)->ListDocuments(all);
  if (!documents.ok()) return state->StoreErrorPage(documents.status());

  Page page = state->NewVisitorPage("全国", visitor);
  TemplateDictionary* dict = page.dict.get();
  dict->SetValue("HEADING", "全国各地政府工作报告");
  dict->SetIntValue("TOTAL", static_cast<long>(documents->total));
  AddPlaceCrumbs(dict, "", "", true);
  int64_t placed = 0;
  for (const regions::GeoRegion geo : regions::AllGeoRegions()) {
    const std::vector<PlaceItem> provinces = PlacesUnder(*regions, nullptr, geo);
    int64_t reports = 0;
    for (const PlaceItem& p : provinces) reports += p.reports;
    placed += reports;
    TemplateDictionary* list =
        AddPlaceList(dict, std::string(regions::GeoRegionName(geo)), provinces, true);
    list->AddSectionDictionary("HEADING_LINK")
        ->SetValue("URL", "/baogao/" + std::string(regions::GeoRegionSlug(geo)) + "/");
    list->SetValueAndShowSection("SUMMARY", std::to_string(reports) + " 篇", "SUMMARY");
  }
  int64_t national = 0;
  for (const store::RegionSummary& r : *regions) {
    if (r.region.level == regions::RegionLevel::kNational) national = r.documents;
  }
  const std::string national_slug(kNationalSlug), unplaced_slug(kUnknownGeoSlug);
  AddPlaceList(dict, "其他",
               {{ListingLabel(national_slug), "", "/baogao/" + national_slug + "/", national},
                {ListingLabel(unplaced_slug), "", "/baogao/" + unplaced_slug + "/",
                 std::max<int64_t>(0, documents->total - placed - national)}});
  HttpResponse response = state->RenderPage("region.tpl", page);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

// A region page's parameters, checked: diqu (a six-digit code), type (a
// document type key) and page.
struct RegionQuery {
  std::string diqu;
  std::string type_key;
  std::optional<report::DocType> doc_type;
  int page = 1;
};

// The parameters of a region page; an error page when one is invalid.
std::variant<RegionQuery, HttpResponse> ParseRegionQuery(PortalState* state,
                                                         const HttpRequest& request,
                                                         const std::string& slug) {
  RegionQuery query;
  query.diqu = request.Query("diqu");
  query.type_key = request.Query("type");
  query.doc_type = report::ParseDocTypeKey(query.type_key);
  if (!query.diqu.empty() && !regions::IsRegionCode(query.diqu)) {
    return state->ErrorPage(400, "地区代码应为六位数字。", "/baogao/" + slug + "/");
  }
  if (!query.type_key.empty() && !query.doc_type) {
    return state->ErrorPage(400, "没有这种文件类型。", "/baogao/" + slug + "/");
  }
  Result<int> page_number = PageFromQuery(request, 100000);
  if (!page_number.ok()) return state->ErrorPage(400, page_number.status().message());
  query.page = *page_number;
  return query;
}

// 404 for a place without reports: a division of this geographic region
// the gazetteer knows is 暂未收录 (with a link to the division above it).
HttpResponse NoReportsYet(PortalState* state, const std::string& slug, const std::string& code) {
  const regions::Gazetteer& gazetteer = regions::Gazetteer::Builtin();
  const regions::Region* region = gazetteer.FindByCode(code);
  if (region == nullptr || region->level == regions::RegionLevel::kNational ||
      regions::GeoRegionSlug(region->geo) != slug) {
    return state->ErrorPage(404, "这个地区还没有报告。", "/baogao/" + slug + "/");
  }
  const std::string up = region->parent_code.empty()
                             ? "/baogao/" + slug + "/"
                             : "/baogao/" + slug + "/?diqu=" + region->parent_code;
  return state->ErrorPage(404, region->name + "的报告暂未收录。", up);
}

// The documents a region page lists: one page of them, newest first.
Result<store::DocumentPage> ListedDocuments(store::Store& store, const std::string& slug,
                                            const RegionQuery& query,
                                            const store::RegionSummary* place) {
  const int offset = (query.page - 1) * kPerPage;
  if (slug == kUnknownGeoSlug) return UnplacedDocuments(store, query.doc_type, offset, kPerPage);
  store::DocumentFilter filter;
  filter.filters.doc_type = query.doc_type;
  if (slug == kNationalSlug) {
    filter.filters.level = regions::RegionLevel::kNational;
  } else {
    filter.filters.geo = regions::GeoRegionFromKey(slug);
  }
  if (place != nullptr) filter.filters.region_code = place->region.code;
  filter.offset = offset;
  filter.limit = kPerPage;
  return store.ListDocuments(filter);
}

// The type filter, the documents by year (newest first) and the pager.
void AddDocuments(const std::string& slug, const RegionQuery& query,
                  const store::DocumentPage& documents, TemplateDictionary* dict) {
  const std::string base = "/baogao/" + slug + "/";
  const auto url_with = [&](const std::string& type, int page_no) {
    const std::string q = BuildQueryString({{"diqu", query.diqu},
                                            {"type", type},
                                            {"page", page_no > 1 ? std::to_string(page_no) : ""}});
    return base + (q.empty() ? "" : "?" + q);
  };
  TemplateDictionary* filters = dict->AddSectionDictionary("FILTERS");
  std::vector<std::optional<report::DocType>> types = {std::nullopt};
  types.insert(types.end(), std::begin(report::kAllDocTypes), std::end(report::kAllDocTypes));
  for (const std::optional<report::DocType> type : types) {
    TemplateDictionary* item = filters->AddSectionDictionary("TYPE");
    item->SetValue("URL", url_with(type ? std::string(report::DocTypeKey(*type)) : "", 1));
    item->SetValue("NAME", type ? std::string(report::DocTypeName(*type)) : "全部");
    if (query.doc_type == type) item->ShowSection("ACTIVE");
  }
  TemplateDictionary* year = nullptr;
  int current_year = -1;
  for (const store::DocumentSummary& doc : documents.documents) {
    if (doc.year != current_year) {
      year = dict->AddSectionDictionary("YEAR");
      year->SetIntValue("YEAR", doc.year);
      current_year = doc.year;
    }
    AddDocumentListItem(year, doc);
  }
  if (documents.documents.empty()) dict->ShowSection("EMPTY");
  const int pages = static_cast<int>((documents.total + kPerPage - 1) / kPerPage);
  AddPager(dict, query.page, pages, [&](int n) { return url_with(query.type_key, n); });
}

HttpResponse RegionPage(PortalState* state, const HttpRequest& request, const std::string& slug) {
  if (!KnownSlug(slug)) return state->ErrorPage(404, "没有这个地区。");
  const Visitor visitor = state->VisitorOf(request);
  std::variant<RegionQuery, HttpResponse> parsed = ParseRegionQuery(state, request, slug);
  if (HttpResponse* error = std::get_if<HttpResponse>(&parsed)) return std::move(*error);
  const RegionQuery& query = std::get<RegionQuery>(parsed);

  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<std::vector<store::RegionSummary>> regions = (*store)->ListRegions();
  if (!regions.ok()) return state->StoreErrorPage(regions.status());
  const store::RegionSummary* place = nullptr;
  if (!query.diqu.empty()) {
    for (const store::RegionSummary& r : *regions) {
      if (r.region.code == query.diqu && r.documents_under > 0) place = &r;
    }
    if (place == nullptr || regions::GeoRegionSlug(place->region.geo) != slug) {
      return NoReportsYet(state, slug, query.diqu);
    }
  }
  Result<store::DocumentPage> documents = ListedDocuments(**store, slug, query, place);
  if (!documents.ok()) return state->StoreErrorPage(documents.status());

  const std::string heading = place != nullptr ? place->region.name : ListingLabel(slug);
  Page page = state->NewVisitorPage(heading, visitor);
  page.dict->SetValue("HEADING", heading + (slug == kUnknownGeoSlug ? "" : " 政府工作报告"));
  page.dict->SetIntValue("TOTAL", static_cast<long>(documents->total));
  AddPlaceCrumbs(page.dict.get(), slug, place != nullptr ? place->region.code : "", true);
  if (slug == kNationalSlug) {
    page.dict->AddSectionDictionary("SCORECARD")->SetValue("URL", "/genzong/000000.html");
  }
  if (place != nullptr) {
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
  const regions::GeoRegion geo = regions::GeoRegionFromKey(slug);
  if (geo != regions::GeoRegion::kNone) {
    AddChildPlaces(page.dict.get(), PlacesUnder(*regions, place, geo));
  }
  AddDocuments(slug, query, *documents, page.dict.get());
  HttpResponse response = state->RenderPage("region.tpl", page);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

}  // namespace

void AddPlaceCrumbs(TemplateDictionary* dict, const std::string& slug,
                    const std::string& region_code, bool here) {
  const auto add = [dict](const std::string& name, const std::string& url, bool current) {
    TemplateDictionary* crumb = dict->AddSectionDictionary("CRUMB");
    crumb->SetValue("NAME", name);
    if (current) {
      crumb->ShowSection("HERE");
    } else {
      crumb->AddSectionDictionary("LINK")->SetValue("URL", url);
    }
  };
  add("全国", "/baogao/", here && slug.empty());
  if (slug.empty()) return;
  const regions::Gazetteer& gazetteer = regions::Gazetteer::Builtin();
  const regions::Region* place = region_code.empty() ? nullptr : gazetteer.FindByCode(region_code);
  if (place == nullptr || place->level == regions::RegionLevel::kNational) {
    add(ListingLabel(slug), "/baogao/" + slug + "/", here);
    return;
  }
  std::vector<const regions::Region*> chain = gazetteer.Ancestors(*place);
  std::reverse(chain.begin(), chain.end());
  chain.push_back(place);
  for (size_t i = 0; i < chain.size(); ++i) {
    add(chain[i]->name, PlacePageUrl(*chain[i]), here && i + 1 == chain.size());
  }
}

void AddRegionRoutes(PortalState* state) {
  state->router.Add("GET", "/baogao/", [state](const HttpRequest& request, const RouteParams&) {
    return RegionIndex(state, request);
  });
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
