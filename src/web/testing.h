// Test support for the portal: the portal over a store made for a test,
// answering requests in-process (no sockets), and the files it serves from
// outside the binary. Linked into tests only (CMake library
// mubiao_web_testing).
#ifndef MUBIAO_WEB_TESTING_H_
#define MUBIAO_WEB_TESTING_H_

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "base/status.h"
#include "web/http.h"
#include "web/portal.h"
#include "web/store_pool.h"

namespace mubiao::web::testing {

// Writes a stand-in for the vendored ECharts (echarts.min.js, a comment)
// into `vendor_dir`, creating the directory: what PortalOptions::vendor_dir
// must hold for the tracking pages.
void WriteVendorStandIn(const std::filesystem::path& vendor_dir);

// A portal over the SQLite database at `db_path`, which must exist: every
// connection of its pool is opened with OpenMode::kMustExist. Not safe for
// concurrent use (tests call it from one thread).
class TestPortal {
 public:
  explicit TestPortal(std::string db_path);
  TestPortal(const TestPortal&) = delete;
  TestPortal& operator=(const TestPortal&) = delete;

  // Replaces the portal by a new one with `options` over the same pool and
  // returns what its Init says. Call it (and check it) before any request.
  Status Start(const PortalOptions& options);

  // Start with the page cache off (a change shows at once) and the vendor
  // stand-in written to `vendor_dir`, as the tracking pages' tests need.
  Status StartUncached(const std::filesystem::path& vendor_dir);

  // Answers `request` as the running portal does.
  HttpResponse Handle(const HttpRequest& request) { return portal_->Handle(request); }

  // A GET of `target` from 127.0.0.1, without cookies.
  HttpResponse Get(const std::string& target);

  // The id and page URL of the work report of `locality` (e.g. "河南省")
  // for `year`, as the document API lists them. Adds a test failure and
  // gives {0, ""} when there is none.
  std::pair<int64_t, std::string> WorkReport(const std::string& locality, int year);

 private:
  StorePool pool_;
  std::unique_ptr<Portal> portal_;  // uses pool_, so declared after it
};

// Expects `text` to contain every one of `parts`.
void ExpectContains(std::string_view text, std::initializer_list<std::string> parts);

}  // namespace mubiao::web::testing

#endif  // MUBIAO_WEB_TESTING_H_
