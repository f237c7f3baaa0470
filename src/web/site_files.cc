// The files the web expects of a site — robots.txt, sitemap.xml, an Atom
// feed of the newest reports (site-wide and per place), /favicon.ico — and
// the 数据说明 page (sources, method, limits, how to report an error).

#include <algorithm>
#include <string>

#include "regions/gazetteer.h"
#include "web/labels.h"
#include "web/portal_state.h"
#include "web/tracking_view.h"

namespace mubiao::web {
namespace {

constexpr int kFeedEntries = 30;

// Text for XML content and attributes.
std::string XmlEscaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// The site's address as the client reached it: the scheme a proxy states
// (X-Forwarded-Proto: https) and the Host header when it is a plain host
// name and port; sitemaps and feeds need absolute addresses.
std::string SiteBase(const HttpRequest& request) {
  std::string host(request.Header("host"));
  const bool plain = !host.empty() && host.size() <= 255 &&
                     host.find_first_not_of(
                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                         "0123456789.-:[]") == std::string::npos;
  if (!plain) host = "localhost";
  const bool https = request.Header("x-forwarded-proto") == "https";
  return (https ? "https://" : "http://") + host;
}

HttpResponse TextFile(std::string body, std::string content_type) {
  HttpResponse response;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  response.headers.emplace_back("Cache-Control", "public, max-age=3600");
  return response;
}

HttpResponse Robots(const HttpRequest& request) {
  return TextFile(
      "User-agent: *\nDisallow: /guanli/\nDisallow: /pinglun/\nDisallow: /yanzhengma.png\n"
      "Disallow: /export/\nSitemap: " +
          SiteBase(request) + "/sitemap.xml\n",
      "text/plain; charset=utf-8");
}

// Every report (primary sources), every place's scorecard and the
// site's own pages.
HttpResponse Sitemap(PortalState* state, const HttpRequest& request) {
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  const std::string base = SiteBase(request);
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  const auto add = [&](const std::string& path) {
    xml += "<url><loc>" + XmlEscaped(base + path) + "</loc></url>\n";
  };
  for (const char* path : {"/", "/baogao/", "/targets", "/genzong/", "/genzong/jiama",
                           "/shuoming.html", "/ditu", "/api/"}) {
    add(path);
  }
  store::DocumentFilter all;
  all.limit = store::kMaxListLimit;
  for (int64_t seen = 0;; all.offset += all.limit) {
    Result<store::DocumentPage> page = (*store)->ListDocuments(all);
    if (!page.ok()) return state->StoreErrorPage(page.status());
    for (const store::DocumentSummary& d : page->documents) add(ReportUrl(d));
    seen += static_cast<int64_t>(page->documents.size());
    if (page->documents.empty() || seen >= page->total) break;
  }
  Result<std::vector<store::RegionSummary>> regions = (*store)->ListRegions();
  if (!regions.ok()) return state->StoreErrorPage(regions.status());
  for (const store::RegionSummary& r : *regions) {
    if (r.documents > 0) add(ScorecardUrl(r.region.code));
    if (r.documents_under > 0 && r.region.level != regions::RegionLevel::kNational) {
      add(PlacePageUrl(r.region));
    }
  }
  return TextFile(xml + "</urlset>\n", "application/xml; charset=utf-8");
}

// /feed.atom?diqu=CODE: the newest reports, of one place and those under it
// when a region code is given.
HttpResponse Feed(PortalState* state, const HttpRequest& request) {
  const std::string code(request.Query("diqu"));
  const regions::Region* region = nullptr;
  if (!code.empty()) {
    region = code.size() == 6 ? regions::Gazetteer::Builtin().FindByCode(code) : nullptr;
    if (region == nullptr) return state->ErrorPage(404, "没有这个地区。");
  }
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  store::DocumentFilter newest;
  newest.limit = kFeedEntries;
  if (region != nullptr) newest.filters.region_code = code;
  Result<store::DocumentPage> page = (*store)->ListDocuments(newest);
  if (!page.ok()) return state->StoreErrorPage(page.status());
  const std::string base = SiteBase(request);
  const std::string self = base + "/feed.atom" + (code.empty() ? "" : "?diqu=" + code);
  std::string updated = "1970-01-01T00:00:00Z";
  for (const store::DocumentSummary& d : page->documents)
    updated = std::max(updated, d.imported_at);
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>" +
      XmlEscaped((region ? region->name + " · " : std::string()) +
                 "新收录的报告 · 目标 · 政府工作报告库") +
      "</title>\n<id>" + XmlEscaped(self) + "</id>\n<link rel=\"self\" href=\"" + XmlEscaped(self) +
      "\"/>\n<link href=\"" + XmlEscaped(base + "/") + "\"/>\n<updated>" + XmlEscaped(updated) +
      "</updated>\n";
  for (const store::DocumentSummary& d : page->documents) {
    const std::string url = base + ReportUrl(d);
    xml += "<entry><title>" + XmlEscaped(d.title) + "</title><id>" + XmlEscaped(url) +
           "</id><link href=\"" + XmlEscaped(url) + "\"/><updated>" + XmlEscaped(d.imported_at) +
           "</updated><author><name>" +
           XmlEscaped(d.government.empty() ? std::string("目标") : d.government) +
           "</name></author><summary>" +
           XmlEscaped(d.locality + " " + std::to_string(d.year) + "年，量化目标 " +
                      std::to_string(d.targets) + " 条") +
           "</summary></entry>\n";
  }
  return TextFile(xml + "</feed>\n", "application/atom+xml; charset=utf-8");
}

HttpResponse AboutData(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  Page page = state->NewVisitorPage("数据说明", visitor);
  HttpResponse response = state->RenderPage("shuoming.tpl", page);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

}  // namespace

void AddSiteFileRoutes(PortalState* state) {
  Router& r = state->router;
  r.Add("GET", "/robots.txt",
        [](const HttpRequest& request, const RouteParams&) { return Robots(request); });
  r.Add("GET", "/sitemap.xml", [state](const HttpRequest& request, const RouteParams&) {
    return Sitemap(state, request);
  });
  r.Add("GET", "/feed.atom",
        [state](const HttpRequest& request, const RouteParams&) { return Feed(state, request); });
  r.Add("GET", "/favicon.ico", [](const HttpRequest&, const RouteParams&) {
    HttpResponse response;
    response.status = 301;
    response.headers.emplace_back("Location", "/static/favicon.svg");
    return response;
  });
  r.Add("GET", "/shuoming.html", [state](const HttpRequest& request, const RouteParams&) {
    return AboutData(state, request);
  });
}

}  // namespace mubiao::web
