// The search page (/search): the same engine as `mubiao search`
// (Store::Search), with filters, highlighted snippets and pages.

#include "web/filters.h"
#include "web/form_options.h"
#include "web/labels.h"
#include "web/portal_state.h"
#include "web/url.h"

namespace mubiao::web {
namespace {

constexpr int kPerPage = 10;
constexpr int kSnippetChars = 120;
constexpr size_t kMaxQueryBytes = 1000;

// The snippet cut into plain and highlighted segments.
void AddSnippet(const search::SearchHit& hit, ctemplate::TemplateDictionary* item) {
  size_t at = 0;
  for (const text::Span& h : hit.highlights) {
    if (h.begin < at || h.end > hit.snippet.size()) continue;
    if (h.begin > at) {
      item->AddSectionDictionary("SEG")->SetValueAndShowSection(
          "TEXT", hit.snippet.substr(at, h.begin - at), "PLAIN");
    }
    item->AddSectionDictionary("SEG")->SetValueAndShowSection(
        "TEXT", hit.snippet.substr(h.begin, h.size()), "HL");
    at = h.end;
  }
  if (at < hit.snippet.size()) {
    item->AddSectionDictionary("SEG")->SetValueAndShowSection("TEXT", hit.snippet.substr(at),
                                                              "PLAIN");
  }
}

HttpResponse SearchPage(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  // Anonymous visitors share pages for a few seconds (a moderator's header
  // differs): the same search asked again is not searched again.
  const bool shared = visitor.moderator.empty();
  if (shared) {
    if (std::optional<CachedPage> cached = state->search_pages.Get(request.target, state->Now())) {
      HttpResponse response = PortalState::PageResponse(std::move(cached->html));
      state->SetVisitorCookie(visitor, &response);
      return response;
    }
  }
  const std::string query(request.Query("q"));
  Page page = state->NewVisitorPage(query.empty() ? "搜索" : query + " - 搜索", visitor);
  ctemplate::TemplateDictionary* dict = page.dict.get();
  dict->SetValue("Q", query);
  dict->SetValue("REGION", std::string(request.Query("region")));
  dict->SetValue("YEAR_MIN", std::string(request.Query("year_min")));
  dict->SetValue("YEAR_MAX", std::string(request.Query("year_max")));
  AddLevelOptions(dict, request.Query("level"));
  AddTypeOptions(dict, request.Query("type"));
  int status = 200;
  const auto fail = [&](int code, const std::string& message) {
    status = code;
    dict->AddSectionDictionary("ERROR")->SetValue("MESSAGE", message);
  };
  Result<search::SearchFilters> filters = FiltersFromQuery(request);
  Result<int> page_number = PageFromQuery(request, search::kMaxSearchOffset / kPerPage + 1);
  if (query.empty()) {
    dict->ShowSection("HELP");
  } else if (query.size() > kMaxQueryBytes) {
    fail(400, "搜索词太长，请缩短后再试。");
  } else if (!filters.ok()) {
    fail(400, filters.status().message());
  } else if (!page_number.ok()) {
    fail(400, page_number.status().message());
  } else {
    search::SearchRequest search;
    search.query = query;
    search.filters = *filters;
    search.offset = (*page_number - 1) * kPerPage;
    search.limit = kPerPage;
    search.snippet_chars = kSnippetChars;
    Result<StorePool::Lease> store = state->pool->Acquire();
    if (!store.ok()) return state->StoreErrorPage(store.status());
    Result<search::SearchResults> results = (*store)->Search(search);
    if (!results.ok()) {
      if (HttpStatusOf(results.status()) == 500) return state->StoreErrorPage(results.status());
      fail(400, "无法搜索：" + results.status().message());
    } else {
      ctemplate::TemplateDictionary* list = dict->AddSectionDictionary("RESULTS");
      list->SetIntValue("TOTAL", static_cast<long>(results->total));
      list->SetIntValue("FIRST", search.offset + 1);
      for (const search::SearchHit& hit : results->hits) {
        ctemplate::TemplateDictionary* item = list->AddSectionDictionary("HIT");
        item->SetValue("URL", ReportUrl(hit.id, hit.geo, hit.level));
        item->SetValue("TITLE", hit.title);
        item->SetValue("PLACE", hit.locality.empty() ? "地区未识别" : hit.locality);
        item->SetIntValue("YEAR", hit.year);
        if (!hit.date.empty()) item->SetValueAndShowSection("DATE", hit.date, "DATE");
        AddSnippet(hit, item);
      }
      const int pages = static_cast<int>(std::min<int64_t>(
          (results->total + kPerPage - 1) / kPerPage, search::kMaxSearchOffset / kPerPage + 1));
      Fields kept;
      for (const char* name : {"q", "region", "level", "type", "year_min", "year_max"}) {
        kept.emplace_back(name, std::string(request.Query(name)));
      }
      AddPager(list, *page_number, pages, [&](int n) {
        Fields fields = kept;
        if (n > 1) fields.emplace_back("page", std::to_string(n));
        return "/search?" + BuildQueryString(fields);
      });
    }
  }
  HttpResponse response = state->RenderPage("search.tpl", page, status);
  if (shared && response.status == 200) {
    state->search_pages.Put(request.target, {response.body, ""}, state->Now());
  }
  state->SetVisitorCookie(visitor, &response);
  return response;
}

}  // namespace

void AddSearchRoutes(PortalState* state) {
  state->router.Add("GET", "/search", [state](const HttpRequest& request, const RouteParams&) {
    return SearchPage(state, request);
  });
}

}  // namespace mubiao::web
