#include "web/testing.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/testing.h"
#include "store/sql_store.h"

namespace mubiao::web::testing {

void WriteVendorStandIn(const std::filesystem::path& vendor_dir) {
  mubiao::testing::WriteFile(vendor_dir / "echarts.min.js", "/* echarts stand-in */");
}

TestPortal::TestPortal(std::string db_path)
    : pool_([db_path = std::move(db_path)] {
        return store::OpenStore(db_path, store::OpenMode::kMustExist);
      }) {}

Status TestPortal::Start(const PortalOptions& options) {
  portal_ = std::make_unique<Portal>(options, &pool_);
  return portal_->Init();
}

Status TestPortal::StartUncached(const std::filesystem::path& vendor_dir) {
  WriteVendorStandIn(vendor_dir);
  PortalOptions options;
  options.vendor_dir = vendor_dir.string();
  options.page_cache_seconds = 0;
  return Start(options);
}

HttpResponse TestPortal::Get(const std::string& target) {
  HttpRequest request = MakeRequest("GET", target);
  request.client_ip = "127.0.0.1";
  return Handle(request);
}

std::pair<int64_t, std::string> TestPortal::WorkReport(const std::string& locality, int year) {
  const nlohmann::json docs =
      nlohmann::json::parse(Get("/api/v1/documents?type=work_report&per_page=100").body);
  for (const auto& d : docs["documents"]) {
    if (d["locality"] == locality && d["year"] == year) return {d["id"], d["url"]};
  }
  ADD_FAILURE() << "no work report of " << locality << " " << year;
  return {0, ""};
}

void ExpectContains(std::string_view text, std::initializer_list<std::string> parts) {
  for (const std::string& part : parts) {
    EXPECT_NE(text.find(part), std::string_view::npos) << part;
  }
}

}  // namespace mubiao::web::testing
