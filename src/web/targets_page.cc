// The targets explorer (/targets): targets filtered by topic, indicator
// text, region (with everything under it), level, years and strength; a
// table, a chart of targets by topic and, for an indicator, a chart of its
// values across years and places; /export/targets.csv exports what is shown.

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "store/export.h"
#include "targets/lexicon.h"
#include "text/json_text.h"
#include "tracking/indicators.h"
#include "web/filters.h"
#include "web/form_options.h"
#include "web/labels.h"
#include "web/portal_state.h"
#include "web/url.h"

namespace mubiao::web {
namespace {

constexpr int kPerPage = 50;
constexpr const char* kFilterNames[] = {"topic",    "indicator", "region",  "level",
                                        "year_min", "year_max",  "strength"};

Fields KeptFilters(const HttpRequest& request) {
  Fields kept;
  for (const char* name : kFilterNames) kept.emplace_back(name, std::string(request.Query(name)));
  return kept;
}

// One indicator's values as [year, value, place] points, in the unit most of
// them use (values in different units cannot share an axis).
void AddIndicatorChart(const std::vector<store::StoredFinding>& findings,
                       const std::string& indicator, ctemplate::TemplateDictionary* dict) {
  std::map<std::string, int> units;
  for (const store::StoredFinding& s : findings) {
    if (s.finding.value) ++units[s.finding.unit];
  }
  if (units.empty()) return;
  std::string unit;
  int most = 0;
  for (const auto& [u, n] : units) {
    if (n > most) unit = u, most = n;
  }
  nlohmann::json points = nlohmann::json::array();
  for (const store::StoredFinding& s : findings) {
    if (!s.finding.value || s.finding.unit != unit) continue;
    points.push_back({s.document_year, *s.finding.value, s.locality + " " + s.finding.indicator});
  }
  ctemplate::TemplateDictionary* chart = dict->AddSectionDictionary("INDICATOR_CHART");
  chart->SetValue("INDICATOR", indicator);
  chart->SetValue("UNIT", unit.empty() ? "无单位" : unit);
  chart->SetValue("SERIES_JSON", text::JsonText(points));
}

// The explorer's page of targets, their counts by topic and, for an
// indicator, up to kMaxListLimit of its targets for the chart. With an
// indicator the chart's listing comes first and serves the rest where it
// can: the page when it lies within it, the counts when it holds every
// match. The total is the sum of the counts by topic: counting the matches
// apart would read them all once more.
struct ExplorerData {
  store::FindingPage page;
  std::vector<store::GroupCount> topics;
  std::vector<store::StoredFinding> points;  // empty without an indicator
};

// Counts by topic of `findings`, ordered as CountFindings orders them: most
// first, then by name.
std::vector<store::GroupCount> TopicCounts(const std::vector<store::StoredFinding>& findings) {
  std::map<std::string, int64_t> by_topic;
  for (const store::StoredFinding& s : findings) ++by_topic[s.finding.topic];
  std::vector<store::GroupCount> topics;
  for (const auto& [topic, count] : by_topic) topics.push_back({topic, topic, count});
  std::stable_sort(
      topics.begin(), topics.end(),
      [](const store::GroupCount& a, const store::GroupCount& b) { return a.count > b.count; });
  return topics;
}

Result<ExplorerData> LoadExplorer(store::Store& store, const store::FindingFilter& filter) {
  ExplorerData data;
  const size_t begin = static_cast<size_t>(filter.offset);
  const size_t end = begin + static_cast<size_t>(filter.limit);
  bool have_page = false;
  if (!filter.indicator.empty() || !filter.verdict_indicator.empty()) {
    store::FindingFilter all = filter;
    all.offset = 0;
    all.limit = store::kMaxListLimit;
    all.count_total = false;
    Result<store::FindingPage> points = store.ListFindings(all);
    if (!points.ok()) return points.status();
    data.points = std::move(points->findings);
    const size_t read = data.points.size();
    const bool every_match = read < static_cast<size_t>(store::kMaxListLimit);
    if (end <= read || every_match) {
      data.page.findings.assign(data.points.begin() + std::min(begin, read),
                                data.points.begin() + std::min(end, read));
      have_page = true;
    }
    if (every_match) {
      data.page.total = static_cast<int64_t>(read);
      data.topics = TopicCounts(data.points);
      return data;
    }
  }
  if (!have_page) {
    store::FindingFilter listed = filter;
    listed.count_total = false;
    Result<store::FindingPage> page = store.ListFindings(listed);
    if (!page.ok()) return page.status();
    data.page.findings = std::move(page->findings);
  }
  Result<std::vector<store::GroupCount>> topics =
      store.CountFindings(filter, store::FindingGroup::kTopic, 0);
  if (!topics.ok()) return topics.status();
  data.topics = std::move(*topics);
  data.page.total = 0;
  for (const store::GroupCount& g : data.topics) data.page.total += g.count;
  return data;
}

HttpResponse TargetsPage(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  Page page = state->NewVisitorPage("量化目标", visitor);
  ctemplate::TemplateDictionary* dict = page.dict.get();
  for (const char* name : {"indicator", "region", "year_min", "year_max"}) {
    std::string key(name);
    for (char& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    dict->SetValue(key, std::string(request.Query(name)));
  }
  AddLevelOptions(dict, request.Query("level"));
  for (const tracking::Indicator& known : tracking::IndicatorLexicon::Builtin().indicators()) {
    dict->AddSectionDictionary("KNOWN_INDICATOR")->SetValue("NAME", known.name);
  }
  AddOptions(dict, "STRENGTH_OPTION",
             {{"", "全部"}, {"ensure", "确保"}, {"strive", "力争"}, {"none", "无"}},
             request.Query("strength"));
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  for (const std::string& topic : targets::Lexicon::Builtin().Topics()) {
    ctemplate::TemplateDictionary* option = dict->AddSectionDictionary("TOPIC_OPTION");
    option->SetValue("VALUE", topic);
    if (topic == request.Query("topic")) option->ShowSection("SELECTED");
  }

  int status = 200;
  Result<store::FindingFilter> filter = FindingFilterFromQuery(request);
  Result<int> page_number = PageFromQuery(request, 100000);
  if (!filter.ok() || !page_number.ok()) {
    status = 400;
    dict->AddSectionDictionary("ERROR")->SetValue(
        "MESSAGE", (!filter.ok() ? filter.status() : page_number.status()).message());
  } else {
    filter->offset = (*page_number - 1) * kPerPage;
    filter->limit = kPerPage;
    Result<ExplorerData> data = LoadExplorer(**store, *filter);
    if (!data.ok()) return state->StoreErrorPage(data.status());
    const store::FindingPage* found = &data->page;
    ctemplate::TemplateDictionary* results = dict->AddSectionDictionary("RESULTS");
    results->SetIntValue("TOTAL", static_cast<long>(found->total));
    const Fields kept = KeptFilters(request);
    results->SetValue("CSV_URL", "/export/targets.csv?" + BuildQueryString(kept));
    nlohmann::json topic_series = nlohmann::json::array();
    for (const store::GroupCount& g : data->topics) {
      const std::string name = g.key.empty() ? "未分类" : g.key;
      topic_series.push_back({{"name", name}, {"value", g.count}});
      ctemplate::TemplateDictionary* row = results->AddSectionDictionary("TOPIC_COUNT");
      row->SetValue("KEY", name);
      row->SetIntValue("COUNT", static_cast<long>(g.count));
      Fields with_topic = kept;
      with_topic[0].second = g.key;
      row->SetValue("URL", "/targets?" + BuildQueryString(with_topic));
    }
    results->SetValue("TOPIC_JSON", text::JsonText(topic_series));
    if (!data->points.empty()) {
      AddIndicatorChart(data->points, std::string(request.Query("indicator")), results);
    }
    for (const store::StoredFinding& s : found->findings) {
      const targets::Finding& f = s.finding;
      ctemplate::TemplateDictionary* row = results->AddSectionDictionary("ROW");
      row->SetValue(
          "URL", ReportUrl(s.document_id, s.geo, s.level) + "#t" + std::to_string(s.ordinal + 1));
      row->SetValue("PLACE", s.locality.empty() ? s.document_title : s.locality);
      row->SetIntValue("YEAR", s.document_year);
      row->SetValue("INDICATOR", f.indicator);
      row->SetValue("VALUE", FormatValue(f));
      row->SetValue("CMP", std::string(quantity::ComparatorLabel(f.cmp)));
      if (f.strength != targets::Strength::kNone) {
        ctemplate::TemplateDictionary* strength = row->AddSectionDictionary("STRENGTH");
        strength->SetValue("KEY", std::string(targets::StrengthName(f.strength)));
        strength->SetValue("LABEL", std::string(targets::StrengthLabel(f.strength)));
      }
      row->SetValue("DEADLINE", targets::DueLabel(f));
      row->SetValue("TOPIC", f.topic);
      row->SetValue("TEXT", f.text);
    }
    const int pages = static_cast<int>((found->total + kPerPage - 1) / kPerPage);
    AddPager(results, *page_number, pages, [&](int n) {
      Fields fields = kept;
      if (n > 1) fields.emplace_back("page", std::to_string(n));
      return "/targets?" + BuildQueryString(fields);
    });
    page.foot->ShowSection("CHARTS");
  }
  HttpResponse response = state->RenderPage("targets.tpl", page, status);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

HttpResponse TargetsCsv(PortalState* state, const HttpRequest& request) {
  Result<store::FindingFilter> filter = FindingFilterFromQuery(request);
  if (!filter.ok()) return state->ErrorPage(400, filter.status().message(), "/targets");
  filter->limit = 0;  // every match
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<store::FindingPage> found = (*store)->ListFindings(*filter);
  if (!found.ok()) return state->StoreErrorPage(found.status());
  HttpResponse response;
  response.content_type = "text/csv; charset=utf-8";
  response.body = store::FindingsCsv(found->findings, PortalDocumentUrl());
  response.validatable = true;
  response.headers.emplace_back("Content-Disposition",
                                "attachment; filename=\"mubiao-targets.csv\"");
  return response;
}

}  // namespace

void AddTargetsRoutes(PortalState* state) {
  state->router.Add("GET", "/targets", [state](const HttpRequest& request, const RouteParams&) {
    return TargetsPage(state, request);
  });
  state->router.Add("GET", "/export/targets.csv",
                    [state](const HttpRequest& request, const RouteParams&) {
                      return TargetsCsv(state, request);
                    });
}

}  // namespace mubiao::web
