#include "web/conditional.h"

#include <zlib.h>

#include <cstdio>
#include <functional>

namespace mubiao::web {
namespace {

bool AcceptsGzipEncoding(std::string_view accept_encoding) {
  // Enough for real clients: "gzip, deflate, br" and "gzip;q=1.0"; a client
  // that refuses gzip with q=0 is not worth the parsing.
  const size_t at = accept_encoding.find("gzip");
  return at != std::string_view::npos &&
         accept_encoding.substr(at).substr(0, 10).find("q=0") == std::string_view::npos;
}

bool Compressible(std::string_view content_type) {
  return content_type.starts_with("text/") || content_type.starts_with("application/json") ||
         content_type.starts_with("application/javascript") ||
         content_type.starts_with("image/svg+xml") || content_type.starts_with("application/yaml");
}

// True when the If-None-Match list names `etag` (or is "*").
bool EtagListed(std::string_view list, std::string_view etag) {
  if (list == "*") return true;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.starts_with("W/")) item.remove_prefix(2);
    if (item == etag) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

bool AcceptsGzip(const HttpRequest& request) {
  return AcceptsGzipEncoding(request.Header("accept-encoding"));
}

std::string BodyEtag(std::string_view body) {
  // The standard library's hash reads eight bytes a step (several times
  // faster than FNV on a page); it may differ between builds, which only
  // costs a client one full response after an upgrade.
  const unsigned long long hash = std::hash<std::string_view>{}(body);
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "\"%016llx\"", hash);
  return buffer;
}

std::string Gzip(std::string_view data) {
  z_stream stream{};
  // 15 window bits + 16 asks zlib for the gzip wrapper.
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

void FinishResponse(const HttpRequest& request, HttpResponse* response) {
  const bool safe_method = request.method == "GET" || request.method == "HEAD";
  const bool gzip = response->body.size() >= kMinGzipBytes &&
                    Compressible(response->content_type) && AcceptsGzip(request) &&
                    response->Header("Content-Encoding").empty();
  if (Compressible(response->content_type))
    response->headers.emplace_back("Vary", "Accept-Encoding");
  if (gzip) {
    response->body = Gzip(response->body);
    response->headers.emplace_back("Content-Encoding", "gzip");
  }
  if (!(response->validatable && safe_method && response->status == 200)) {
    if (response->Header("Cache-Control").empty()) {
      response->headers.emplace_back("Cache-Control", "no-store");
    }
    return;
  }
  const std::string etag = BodyEtag(response->body);
  response->headers.emplace_back("ETag", etag);
  if (response->Header("Cache-Control").empty()) {
    // Revalidate every time: cheap (304) and never stale.
    response->headers.emplace_back("Cache-Control", "no-cache");
  }
  if (!response->last_modified.empty()) {
    response->headers.emplace_back("Last-Modified", response->last_modified);
  }
  const std::string_view if_none_match = request.Header("if-none-match");
  const bool current = !if_none_match.empty()
                           ? EtagListed(if_none_match, etag)
                           : !response->last_modified.empty() &&
                                 request.Header("if-modified-since") == response->last_modified;
  if (current) {
    response->status = 304;
    response->body.clear();
  }
}

}  // namespace mubiao::web
