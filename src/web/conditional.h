// What happens to a response between the handler and the wire: an ETag and a
// 304 Not Modified for a client that already has it, caching headers, and
// gzip for clients that accept it.
#ifndef MUBIAO_WEB_CONDITIONAL_H_
#define MUBIAO_WEB_CONDITIONAL_H_

#include <string>
#include <string_view>

#include "web/http.h"

namespace mubiao::web {

// Bodies smaller than this are sent as they are: gzip would save nothing.
inline constexpr size_t kMinGzipBytes = 512;

// The strong ETag of a body: a quoted 64-bit hash in hex (stable within a build).
std::string BodyEtag(std::string_view body);

// True when the request's Accept-Encoding allows gzip.
bool AcceptsGzip(const HttpRequest& request);

// The gzip (RFC 1952) compression of `data` at the default level.
std::string Gzip(std::string_view data);

// Finishes `response` for `request`: for a validatable 200 response to GET
// or HEAD, sets ETag (and Last-Modified when known) and turns it into a 304
// without body when If-None-Match (or, lacking that, If-Modified-Since)
// says the client's copy is current; marks other responses no-store;
// compresses textual bodies for a client that accepts gzip unless the
// handler already did (Content-Encoding set); the ETag then names the
// compressed variant, and "Vary: Accept-Encoding" is set.
void FinishResponse(const HttpRequest& request, HttpResponse* response);

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_CONDITIONAL_H_
