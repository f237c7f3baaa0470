// Static assets: the portal's own stylesheet and script (compiled in) and
// vendor files from npm (ECharts) read from PortalOptions::vendor_dir. Only
// regular files with plain names are served from that directory: no
// sub-directories (nor a folder itself), no dot files, no devices or pipes,
// nothing outside it.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <mutex>
#include <optional>

#include "web/conditional.h"
#include "web/embedded.h"
#include "web/portal_state.h"

namespace mubiao::web {
namespace {

// Assets may be kept by browsers for a while; they change only with the binary.
constexpr char kAssetCacheControl[] = "public, max-age=3600";

std::string ContentTypeOf(std::string_view name) {
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".js")) return "application/javascript; charset=utf-8";
  if (name.ends_with(".json") || name.ends_with(".map")) return "application/json; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

bool PlainFileName(std::string_view name) {
  if (name.empty() || name.front() == '.') return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

// The bytes of `path` when it is a regular file (after symbolic links);
// nullopt for folders, devices, pipes, sockets and unreadable files.
// O_NONBLOCK keeps a pipe from blocking the open; fstat on the open
// descriptor checks the file actually read.
std::optional<std::string> ReadRegularFile(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  std::optional<std::string> bytes;
  struct stat info {};
  if (fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
    bytes.emplace();
    char buffer[64 * 1024];
    ssize_t n;
    while ((n = read(fd, buffer, sizeof buffer)) > 0) bytes->append(buffer, static_cast<size_t>(n));
    if (n < 0) bytes.reset();
  }
  close(fd);
  return bytes;
}

// An asset as it is sent: its bytes, and gzipped once rather than per request.
struct AssetBody {
  std::string plain;
  std::string gzipped;
};

AssetBody MakeAssetBody(std::string plain) {
  std::string gzipped = Gzip(plain);
  return {std::move(plain), std::move(gzipped)};
}

// Vendor files, read once and kept (they are a few and do not change).
class VendorFiles {
 public:
  explicit VendorFiles(std::string dir) : dir_(std::move(dir)) {}

  // The file; nullptr unless `name` is a plain name of a regular file there.
  const AssetBody* Get(const std::string& name) {
    if (dir_.empty() || !PlainFileName(name)) return nullptr;
    std::lock_guard lock(mutex_);
    auto it = files_.find(name);
    if (it != files_.end()) return &it->second;
    std::optional<std::string> bytes = ReadRegularFile(dir_ + "/" + name);
    if (!bytes) return nullptr;
    return &files_.emplace(name, MakeAssetBody(std::move(*bytes))).first->second;
  }

 private:
  const std::string dir_;
  std::mutex mutex_;
  std::map<std::string, AssetBody> files_;
};

HttpResponse Asset(const HttpRequest& request, const AssetBody& body, std::string_view name,
                   const std::string& last_modified) {
  HttpResponse response;
  response.content_type = ContentTypeOf(name);
  if (AcceptsGzip(request)) {
    response.body = body.gzipped;
    response.headers.emplace_back("Content-Encoding", "gzip");
  } else {
    response.body = body.plain;
  }
  response.validatable = true;
  response.last_modified = last_modified;
  response.headers.emplace_back("Cache-Control", kAssetCacheControl);
  return response;
}

}  // namespace

void AddAssetRoutes(PortalState* state) {
  const std::string started = HttpDate(std::chrono::duration_cast<std::chrono::seconds>(
                                           std::chrono::system_clock::now().time_since_epoch())
                                           .count());
  for (const char* name :
       {"site.css", "portal.js", "tracking.js", "permalink.js", "favicon.svg", "comments.js"}) {
    auto body = std::make_shared<AssetBody>(MakeAssetBody(EmbeddedFile(name)));
    state->router.Add("GET", std::string("/static/") + name,
                      [body, name, started](const HttpRequest& request, const RouteParams&) {
                        return Asset(request, *body, name, started);
                      });
  }
  auto vendor = std::make_shared<VendorFiles>(state->options.vendor_dir);
  state->router.Add(
      "GET", "/static/vendor/{*path}",
      [state, vendor, started](const HttpRequest& request, const RouteParams& params) {
        const std::string name(FieldValue(params, "path"));
        const AssetBody* body = vendor->Get(name);
        if (body == nullptr) return state->ErrorPage(404, "没有这个文件。");
        return Asset(request, *body, name, started);
      });
}

}  // namespace mubiao::web
