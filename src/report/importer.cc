// Choosing an importer: by content first (magic numbers), then by extension.

#include "report/importer.h"

#include <fstream>

#include "text/ascii.h"
#include "text/encoding.h"
#include "text/utf8.h"

namespace mubiao::report {
namespace {

// True when the first non-blank bytes look like the start of an HTML page.
bool LooksLikeHtml(std::string_view bytes) {
  std::string head = text::AsciiLower(bytes.substr(0, 512));
  size_t start = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string::npos) return false;
  head = head.substr(start);
  return head.starts_with("<!doctype html") || head.starts_with("<html") ||
         (head.starts_with("<") && head.find("<body") != std::string::npos);
}

}  // namespace

std::string MegaBytes(uintmax_t bytes) {
  return std::to_string((bytes + (uintmax_t{1} << 20) - 1) >> 20) + " MB";
}

Status FileTooLarge(uintmax_t bytes, uintmax_t limit) {
  return TooLarge("file is " + MegaBytes(bytes) + ", over the " + MegaBytes(limit) + " limit");
}

Result<ImportedFile> ImportBytes(std::string_view bytes, const std::string& name,
                                 const ImportLimits& limits) {
  if (bytes.empty()) return InvalidInput("empty file");
  if (bytes.size() > limits.max_file_bytes) {
    return FileTooLarge(bytes.size(), limits.max_file_bytes);
  }
  const std::string ext = text::AsciiLower(std::filesystem::path(name).extension().string());
  Result<ImportedFile> result = InvalidInput("");
  auto single = [&](Result<Document> doc) -> Result<ImportedFile> {
    if (!doc.ok()) return doc.status();
    ImportedFile file;
    file.documents.push_back(std::move(doc).value());
    return file;
  };

  if (bytes.starts_with("PK\x03\x04") || ext == ".docx") {
    result = single(ImportDocx(bytes, limits));
  } else if (bytes.starts_with("%PDF-") || ext == ".pdf") {
    result = single(ImportPdf(bytes));
  } else if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
    return Unsupported("legacy binary Word/Excel file; save it as .docx");
  } else if (ext == ".html" || ext == ".htm" || ext == ".shtml" || LooksLikeHtml(bytes)) {
    result = single(ImportHtml(bytes));
  } else {
    Result<text::DecodedText> decoded = text::DecodeToUtf8(bytes);
    const std::string_view head = decoded.ok() ? std::string_view(decoded->utf8) : bytes;
    if (ext == ".jsonl" || ext == ".ndjson" ||
        (ext == ".json" && text::TrimSpace(head).starts_with("{"))) {
      // Rows are decoded and judged one by one, so one row of binary junk
      // cannot reject the file; only UTF-16, whose rows cannot be cut
      // before decoding, is decoded whole.
      const bool utf16 = decoded.ok() && decoded->encoding.starts_with("UTF-16");
      result = ImportJsonLines(utf16 ? std::string_view(decoded->utf8) : bytes);
      if (result.ok() && utf16) {
        for (Document& doc : result->documents) doc.encoding = decoded->encoding;
      }
    } else {
      if (!decoded.ok()) return decoded.status();
      const std::string_view utf8 = decoded->utf8;
      if (ext == ".md" || ext == ".markdown" || utf8.starts_with("---\n") ||
          utf8.starts_with("---\r\n")) {
        result = single(ImportMarkdown(utf8));
      } else {
        result = single(ImportPlainText(utf8));
      }
      if (result.ok()) {
        for (Document& doc : result->documents) doc.encoding = decoded->encoding;
      }
    }
  }
  if (result.ok()) {
    for (Document& doc : result->documents) doc.path = name + doc.path;
  }
  return result;
}

Result<std::string> ReadFileBytes(const std::filesystem::path& path, size_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return InvalidInput("is a directory");
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return NotFound("cannot read: " + ec.message());
  if (size > max_bytes) return FileTooLarge(size, max_bytes);
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("cannot open for reading");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<uintmax_t>(in.gcount()) != size) return IoError("short read");
  return bytes;
}

Result<ImportedFile> ImportFile(const std::filesystem::path& path, const ImportLimits& limits) {
  Result<std::string> bytes = ReadFileBytes(path, limits.max_file_bytes);
  if (!bytes.ok()) return bytes.status();
  return ImportBytes(*bytes, path.string(), limits);
}

}  // namespace mubiao::report
