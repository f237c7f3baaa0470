// The home page (导航菜单): the seven geographic regions with their provinces,
// national and unplaced documents, the newest reports, counts, a search box.

#include <map>

#include "regions/gazetteer.h"
#include "web/labels.h"
#include "web/portal_state.h"

namespace mubiao::web {
namespace {

constexpr int kLatest = 12;

HttpResponse HomePage(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<std::vector<store::RegionSummary>> regions = (*store)->ListRegions();
  if (!regions.ok()) return state->StoreErrorPage(regions.status());
  // Summing the per-topic counts is much cheaper than a listing's total.
  Result<std::vector<store::GroupCount>> by_topic =
      (*store)->CountFindings(store::FindingFilter{}, store::FindingGroup::kTopic, 0);
  if (!by_topic.ok()) return state->StoreErrorPage(by_topic.status());
  int64_t targets = 0;
  for (const store::GroupCount& topic : *by_topic) targets += topic.count;
  store::DocumentFilter newest;
  newest.limit = kLatest;
  Result<store::DocumentPage> latest = (*store)->ListDocuments(newest);
  if (!latest.ok()) return state->StoreErrorPage(latest.status());

  // Provinces by geographic region; documents placed somewhere.
  std::map<regions::GeoRegion, std::vector<const store::RegionSummary*>> provinces;
  int64_t places = 0, national = 0, placed = 0;
  for (const store::RegionSummary& r : *regions) {
    if (r.documents > 0) ++places;
    if (r.region.level == regions::RegionLevel::kNational) national = r.documents;
    if (r.region.level == regions::RegionLevel::kProvince && r.documents_under > 0) {
      provinces[r.region.geo].push_back(&r);
      placed += r.documents_under;
    }
  }
  // The listing's total counts the reports without reading their texts
  // (Store::Counts sums every text's size).
  const int64_t reports = latest->total;
  const int64_t unplaced = reports - placed - national;

  Page page = state->NewVisitorPage("导航", visitor);
  page.dict->SetIntValue("DOCUMENTS", static_cast<long>(reports));
  page.dict->SetIntValue("TARGETS", static_cast<long>(targets));
  page.dict->SetIntValue("PLACES", static_cast<long>(places));
  const auto add_geo = [&](const std::string& slug, int64_t count) {
    ctemplate::TemplateDictionary* geo = page.dict->AddSectionDictionary("GEO");
    geo->SetValue("SLUG", slug);
    geo->SetValue("NAME", GeoLabel(slug));
    geo->SetIntValue("COUNT", static_cast<long>(count));
    return geo;
  };
  if (national > 0) add_geo(std::string(kNationalSlug), national)->ShowSection("ALL");
  for (regions::GeoRegion g : regions::AllGeoRegions()) {
    const std::string slug(regions::GeoRegionSlug(g));
    int64_t count = 0;
    for (const store::RegionSummary* p : provinces[g]) count += p->documents_under;
    ctemplate::TemplateDictionary* geo = add_geo(slug, count);
    if (provinces[g].empty()) geo->ShowSection("NONE");
    for (const store::RegionSummary* p : provinces[g]) {
      ctemplate::TemplateDictionary* item = geo->AddSectionDictionary("PROVINCE");
      item->SetValue("URL", PlacePageUrl(p->region));
      item->SetValue("NAME", p->region.short_name.empty() ? p->region.name : p->region.short_name);
      item->SetIntValue("COUNT", static_cast<long>(p->documents_under));
    }
  }
  if (unplaced > 0) add_geo(std::string(kUnknownGeoSlug), unplaced)->ShowSection("ALL");
  for (const store::DocumentSummary& doc : latest->documents)
    AddDocumentListItem(page.dict.get(), doc);
  if (latest->documents.empty()) page.dict->ShowSection("NO_DOCS");
  HttpResponse response = state->RenderPage("home.tpl", page);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

}  // namespace

void AddDocumentListItem(ctemplate::TemplateDictionary* list, const store::DocumentSummary& doc) {
  ctemplate::TemplateDictionary* item = list->AddSectionDictionary("DOC");
  item->SetValue("URL", ReportUrl(doc));
  item->SetValue("TITLE", ReportHeading(doc));
  item->SetValue("PLACE", PlaceLabel(doc).empty() ? "地区未识别" : PlaceLabel(doc));
  item->SetValue("TYPE", std::string(report::DocTypeName(doc.doc_type)));
  if (!doc.date.empty()) item->SetValueAndShowSection("DATE", doc.date, "DATE");
  item->SetIntValue("TARGETS", static_cast<long>(doc.targets));
  if (doc.comments > 0) {
    item->SetValueAndShowSection("COMMENTS", std::to_string(doc.comments), "COMMENTS");
  }
}

void AddHomeRoutes(PortalState* state) {
  state->router.Add("GET", "/", [state](const HttpRequest& request, const RouteParams&) {
    return HomePage(state, request);
  });
}

}  // namespace mubiao::web
