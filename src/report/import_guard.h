// Internal to the importers: the C libraries they use do not throw, but our
// own containers may (std::bad_alloc on a huge file), and an importer
// returns a Result, never an exception.
#ifndef MUBIAO_REPORT_IMPORT_GUARD_H_
#define MUBIAO_REPORT_IMPORT_GUARD_H_

#include <exception>
#include <string>
#include <string_view>

#include "base/status.h"
#include "report/document.h"

namespace mubiao::report::internal {

// Runs `import` and turns an exception into kInternal "cannot import the
// WHAT: ...".
template <typename Import>
Result<Document> ImportWithoutThrowing(std::string_view what, Import&& import) {
  try {
    return import();
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal,
                  "cannot import the " + std::string(what) + ": " + e.what());
  }
}

}  // namespace mubiao::report::internal

#endif  // MUBIAO_REPORT_IMPORT_GUARD_H_
