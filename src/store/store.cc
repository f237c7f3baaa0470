#include "store/store.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "base/enum_names.h"

namespace mubiao::store {
namespace {

RegionRecord RecordOf(const regions::Region& region) {
  return RegionRecord{region.code,  region.name,        region.short_name,
                      region.level, region.parent_code, region.geo};
}

}  // namespace

DocumentRecord MakeDocumentRecord(report::Report report, const regions::Gazetteer& gazetteer) {
  DocumentRecord record;
  const report::ReportMetadata& m = report.metadata;
  if (!m.region_code.empty()) {
    if (const regions::Region* region = gazetteer.FindByCode(m.region_code, m.year)) {
      std::vector<const regions::Region*> chain = gazetteer.Ancestors(*region);
      std::reverse(chain.begin(), chain.end());
      for (const regions::Region* up : chain) record.regions.push_back(RecordOf(*up));
      record.regions.push_back(RecordOf(*region));
    } else {
      record.regions.push_back(
          RegionRecord{m.region_code, m.locality, m.locality, m.level, m.parent_code, m.geo});
    }
  }
  record.extraction = targets::Extract(report);
  record.fingerprint = text::FingerprintOf(report.document.text);
  record.report = std::move(report);
  return record;
}

namespace {

constexpr EnumName<CommentStatus> kCommentStatusNames[] = {{CommentStatus::kPending, "pending"},
                                                           {CommentStatus::kPublished, "published"},
                                                           {CommentStatus::kRejected, "rejected"}};

constexpr EnumName<SharedKind> kSharedKindNames[] = {{SharedKind::kCaptcha, "captcha"},
                                                     {SharedKind::kSession, "session"},
                                                     {SharedKind::kRateBucket, "rate"},
                                                     {SharedKind::kSignInFailures, "sign_in"},
                                                     {SharedKind::kSecret, "secret"},
                                                     {SharedKind::kGeneration, "generation"},
                                                     {SharedKind::kDuchaSession, "ducha_session"}};

}  // namespace

std::string_view SharedKindName(SharedKind kind) { return NameIn(kSharedKindNames, kind); }

std::string_view CommentStatusName(CommentStatus status) {
  return NameIn(kCommentStatusNames, status);
}

std::optional<CommentStatus> ParseCommentStatus(std::string_view name) {
  return ValueIn(kCommentStatusNames, name);
}

std::string ContentHash(std::string_view bytes) {
  uint64_t hash = 0xcbf29ce484222325ull;  // FNV-1a 64-bit offset basis
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ull;  // FNV prime
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

std::string FindingKey(std::string_view text_hash, text::Span span) {
  return std::string(text_hash) + ":" + std::to_string(span.begin) + "-" + std::to_string(span.end);
}

bool ParseFindingKey(std::string_view key, std::string* text_hash, text::Span* span) {
  const size_t colon = key.find(':');
  const size_t dash = key.find('-', colon);
  if (colon != 16 || dash == std::string_view::npos) return false;
  const std::string_view hash = key.substr(0, colon);
  if (hash.find_first_not_of("0123456789abcdef") != std::string_view::npos) return false;
  const auto number = [](std::string_view digits, size_t* out) {
    const char* end = digits.data() + digits.size();
    auto [ptr, ec] = std::from_chars(digits.data(), end, *out);
    return !digits.empty() && ec == std::errc() && ptr == end;
  };
  text::Span parsed;
  if (!number(key.substr(colon + 1, dash - colon - 1), &parsed.begin) ||
      !number(key.substr(dash + 1), &parsed.end) || parsed.end < parsed.begin) {
    return false;
  }
  *text_hash = std::string(hash);
  *span = parsed;
  return true;
}

namespace {

// Adds `extraction`'s findings, each with `document`'s fields set.
std::vector<StoredFinding> WithDocument(const StoredFinding& document, const std::string& text_hash,
                                        const targets::Extraction& extraction) {
  std::vector<StoredFinding> out;
  for (const auto* list : {&extraction.targets, &extraction.commitments, &extraction.outcomes}) {
    for (const targets::Finding& f : *list) {
      StoredFinding s = document;
      s.finding = f;
      s.key = FindingKey(text_hash, f.span);
      out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace

std::vector<StoredFinding> StoredFindingsOf(const report::Report& report,
                                            const targets::Extraction& extraction,
                                            int64_t document_id) {
  const report::ReportMetadata& m = report.metadata;
  StoredFinding document;
  document.document_id = document_id;
  document.document_title = m.title;
  document.source_path = report.document.path;
  document.doc_type = m.type;
  document.region_code = m.region_code;
  document.locality = m.locality;
  document.level = m.level;
  document.geo = m.geo;
  document.document_year = m.year;
  document.document_date = m.date;
  return WithDocument(document, ContentHash(report.document.text), extraction);
}

std::vector<StoredFinding> StoredFindingsOf(const StoredDocument& stored) {
  const DocumentSummary& s = stored.summary;
  StoredFinding document;
  document.document_id = s.id;
  document.document_title = s.title;
  document.source_path = s.source_path;
  document.doc_type = s.doc_type;
  document.region_code = s.region_code;
  document.locality = s.locality;
  document.level = s.level;
  document.geo = s.geo;
  document.document_year = s.year;
  document.document_date = s.date;
  return WithDocument(document, stored.text_hash, stored.extraction);
}

Result<NewLedger> LedgerOfReport(const StoredDocument& doc, std::string title,
                                 std::string created_by) {
  const DocumentSummary& summary = doc.summary;
  if (summary.doc_type != report::DocType::kWorkReport) {
    return InvalidInput("document " + std::to_string(summary.id) + " is not a work report");
  }
  std::vector<targets::Finding> findings = doc.extraction.targets;
  findings.insert(findings.end(), doc.extraction.commitments.begin(),
                  doc.extraction.commitments.end());
  std::stable_sort(findings.begin(), findings.end(),
                   [](const auto& a, const auto& b) { return a.span.begin < b.span.begin; });
  NewLedger made;
  for (const targets::Finding& f : findings) {
    const int year = f.year > 0 ? f.year : summary.year;
    made.tasks.push_back(ducha::TaskFromFinding(f, FindingKey(doc.text_hash, f.span), year));
  }
  made.ledger.document_id = summary.id;
  made.ledger.region_code = summary.region_code;
  made.ledger.year = summary.year;
  made.ledger.title = title.empty() ? summary.title + "重点任务台账" : std::move(title);
  made.ledger.created_by = std::move(created_by);
  return made;
}

}  // namespace mubiao::store
