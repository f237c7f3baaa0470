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

// What every binary importer says of a file it reads no text from.
struct ImportCheck {
  std::string_view what;     // "PDF", "HTML page": named in messages
  std::string_view no_text;  // the error when the document has no text
};

// Runs `import` on `bytes`: "empty file" without running it when there are
// no bytes, `check.no_text` when the document it returns has no text, and an
// exception turned into kInternal "cannot import the WHAT: ...".
template <typename Import>
Result<Document> ImportChecked(std::string_view bytes, const ImportCheck& check, Import&& import) {
  if (bytes.empty()) return InvalidInput("empty file");
  try {
    Result<Document> doc = import();
    if (doc.ok() && doc->text.empty()) return InvalidInput(std::string(check.no_text));
    return doc;
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal,
                  "cannot import the " + std::string(check.what) + ": " + e.what());
  }
}

}  // namespace mubiao::report::internal

#endif  // MUBIAO_REPORT_IMPORT_GUARD_H_
