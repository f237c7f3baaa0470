// libFuzzer target: arbitrary bytes as a POSTed body under one of several
// content types (the first byte chooses). Only
// application/x-www-form-urlencoded bodies give fields, and those must be
// text and survive a round trip through BuildQueryString.

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_fields.h"

using mubiao::fuzz::Require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kTypes[] = {
      "application/x-www-form-urlencoded",  "application/x-www-form-urlencoded; charset=UTF-8",
      "multipart/form-data; boundary=x",    "text/plain",
      "application/x-www-form-urlencodedx", "",
  };
  constexpr size_t kTypeCount = sizeof kTypes / sizeof kTypes[0];
  const size_t type = data[0] % kTypeCount;
  mubiao::web::HttpRequest request = mubiao::web::MakeRequest("POST", "/pinglun/1");
  if (*kTypes[type]) request.headers.emplace_back("content-type", kTypes[type]);
  request.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  const mubiao::web::Fields form = request.Form();
  if (type > 1) {
    Require(form.empty(), "only form bodies give fields");
    return 0;
  }
  Require(form == mubiao::web::ParseQueryString(request.body), "a form parses as a query string");
  mubiao::fuzz::CheckFields(form);
  return 0;
}
