// The portal's view of HTTP: a parsed request and the response a handler
// builds, as plain types, so handlers and their tests need no network code.
// server.h turns bytes on a socket into HttpRequest and HttpResponse into bytes.
#ifndef MUBIAO_WEB_HTTP_H_
#define MUBIAO_WEB_HTTP_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mubiao::web {

// Name and value pairs in the order they came (query strings, forms, headers).
using Fields = std::vector<std::pair<std::string, std::string>>;

// The first value of `name` in `fields`; "" when absent.
std::string_view FieldValue(const Fields& fields, std::string_view name);

// One request, as received.
struct HttpRequest {
  std::string method;  // upper case: GET, HEAD, POST, ...
  std::string path;    // the target's path, still percent-encoded ("/baogao/huazhong/1.html")
  std::string target;  // the whole request target, as sent ("/search?q=%E5%85%BB%E8%80%81")
  Fields query;        // decoded query parameters
  Fields headers;      // header names in lower case, values as sent
  std::string body;
  std::string client_ip;  // the peer's address ("127.0.0.1")

  // The first header called `name` (lower case); "" when absent.
  std::string_view Header(std::string_view name) const { return FieldValue(headers, name); }
  // The first query parameter called `name`; "" when absent.
  std::string_view Query(std::string_view name) const { return FieldValue(query, name); }
  // The value of the first cookie called `name` in the Cookie headers
  // ("a=1; b=2"), without surrounding blanks; "" when absent, and when that
  // value is not text (invalid UTF-8 or control characters).
  std::string Cookie(std::string_view name) const;
  // The body parsed as application/x-www-form-urlencoded (empty for other
  // types), as ParseQueryString (url.h) parses it.
  Fields Form() const;
};

// Builds an HttpRequest for `method` and `target` (path and query split and
// decoded), for tests and for the server.
HttpRequest MakeRequest(std::string method, std::string target);

// What a handler answers.
struct HttpResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  Fields headers;  // extra headers (Set-Cookie, Location, Cache-Control, ...)
  // Whether a client may reuse a copy it validated with an ETag (pages and
  // assets that are the same for every visitor who sends the same cookies).
  // Responses that must never be reused (captcha images, forms with a
  // one-time field) leave this false and are sent with Cache-Control: no-store.
  bool validatable = false;
  std::string last_modified;  // an HTTP date (RFC 9110), "" when unknown

  // The first extra header called `name` (case-insensitive); "" when absent.
  std::string_view Header(std::string_view name) const;
};

// An HTML page with status `status`.
HttpResponse HtmlResponse(std::string body, int status = 200);
// A JSON document (the body must already be JSON text).
HttpResponse JsonResponse(std::string body, int status = 200);
// A 303 See Other to `location` (after a form post).
HttpResponse RedirectResponse(std::string location);

// The reason phrase of a status code ("Not Found").
std::string_view StatusReason(int status);

// An HTTP date (Sun, 06 Nov 1994 08:49:37 GMT) for a time in seconds since the epoch.
std::string HttpDate(long long seconds_since_epoch);

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_HTTP_H_
