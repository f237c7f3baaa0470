#include "report/scope_gold.h"

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/testing.h"
#include "report/importer.h"
#include "text/tsv.h"
#include "text/utf8.h"

namespace mubiao::report::testing {
namespace {

namespace fs = std::filesystem;
using mubiao::testing::DataDir;
using mubiao::testing::ReadFileOrEmpty;
using mubiao::testing::SourceDir;

constexpr char kJsonlSource[] = "national-jsonl/government_work_reports.jsonl";

fs::path GoldDir() { return SourceDir() / "src/report/testdata/scope_gold"; }

// The gold file of a source: "/" and ":" become "_".
std::string GoldFileName(std::string source) {
  for (char& c : source) {
    if (c == '/' || c == ':') c = '_';
  }
  return source + ".tsv";
}

// The text the annotators read (the source as a whole), and the 1-based row
// of a JSON Lines source (0 for a file).
struct SourceText {
  std::string text;
  size_t row = 0;
};

Result<SourceText> ReadSource(const std::string& source) {
  SourceText out;
  if (!source.starts_with("jsonl:")) {
    out.text = ReadFileOrEmpty(DataDir() / source);
    if (out.text.empty()) return NotFound("cannot read " + source);
    return out;
  }
  const std::string year = source.substr(6);
  std::istringstream lines(ReadFileOrEmpty(DataDir() / kJsonlSource));
  std::string line;
  for (size_t row = 1; std::getline(lines, line); ++row) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.value("year", nlohmann::json()) == year) {
      out.text = j.value("content", "");
      out.row = row;
      return out;
    }
  }
  return NotFound("no JSON Lines row of " + year);
}

// The paragraphs as the annotation tool showed them: non-empty lines after
// the front matter, without HTML comments and Markdown marks.
std::vector<std::string> Paragraphs(std::string text) {
  if (text.starts_with("---")) {
    const size_t end = text.find("\n---", 3);
    if (end != std::string::npos) text.erase(0, end + 4);
  }
  for (size_t open = text.find("<!--"); open != std::string::npos; open = text.find("<!--", open)) {
    const size_t close = text.find("-->", open);
    text.erase(open, close == std::string::npos ? std::string::npos : close + 3 - open);
  }
  std::vector<std::string> out;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::string s(text::TrimSpace(line));
    size_t marks = 0;
    while (marks < s.size() && (s[marks] == '#' || (marks == 0 && s[0] == '>'))) ++marks;
    s = std::string(text::TrimSpace(std::string_view(s).substr(marks)));
    for (size_t at = s.find("**"); at != std::string::npos; at = s.find("**", at)) s.erase(at, 2);
    s = std::string(text::TrimSpace(s));
    const bool rule = s.size() >= 3 && s.find_first_not_of(s[0]) == std::string::npos &&
                      (s[0] == '-' || s[0] == '*' || s[0] == '_');
    if (s.empty() || rule || s == "<details>" || s == "</details>" ||
        (s.starts_with("<summary>") && s.ends_with("</summary>"))) {
      continue;
    }
    out.push_back(s);
  }
  return out;
}

// Sentences as the annotation tool split them: after 。！？!? and the
// closing quotes or brackets that follow.
std::vector<std::string_view> Sentences(std::string_view p) {
  static const std::u32string_view kEnds = U"。！？!?";
  static const std::u32string_view kClosers = U"”’」）)";
  std::vector<std::string_view> out;
  size_t begin = 0;
  size_t pos = 0;
  while (pos < p.size()) {
    if (kEnds.find(text::DecodeUtf8(p, &pos)) == std::u32string_view::npos) continue;
    for (size_t next = pos; next < p.size(); pos = next) {
      if (kClosers.find(text::DecodeUtf8(p, &next)) == std::u32string_view::npos) break;
    }
    out.push_back(p.substr(begin, pos - begin));
    begin = pos;
  }
  if (begin < p.size()) out.push_back(p.substr(begin));
  std::erase_if(out, [](std::string_view s) { return text::TrimSpace(s).empty(); });
  return out;
}

// The first few characters of a sentence, to find it by.
std::string_view Probe(std::string_view sentence) {
  sentence = text::TrimSpace(sentence);
  size_t pos = 0;
  for (int chars = 0; chars < 6 && pos < sentence.size(); ++chars) text::DecodeUtf8(sentence, &pos);
  return sentence.substr(0, pos);
}

Result<Document> ImportSource(const std::string& source, size_t row) {
  const fs::path path = DataDir() / (row > 0 ? std::string(kJsonlSource) : source);
  Result<ImportedFile> file = ImportFile(path);
  if (!file.ok()) return file.status();
  for (Document& d : file->documents) {
    if (row == 0 || d.path.ends_with("#" + std::to_string(row))) return std::move(d);
  }
  return NotFound("row " + std::to_string(row) + " not imported");
}

// Reads the labels of one gold file into `out`, locating each sentence in
// the document's text after the previous one.
Status AlignLabels(const std::vector<std::string>& paragraphs, std::string_view gold,
                   ScopeGoldReport* out) {
  const std::string_view text = out->document.text;
  size_t cursor = 0;
  constexpr std::string_view kPlanYear = "# plan_year=";
  if (gold.starts_with(kPlanYear)) out->plan_year = std::atoi(gold.data() + kPlanYear.size());
  for (const text::TsvRow& row : text::TsvRows(gold)) {
    if (row.fields.size() < 3) return InvalidInput("short gold line " + std::to_string(row.line));
    GoldParagraph para;
    para.number = std::stoi(std::string(row.fields[0]));
    if (para.number < 1 || static_cast<size_t>(para.number) > paragraphs.size()) {
      return InvalidInput("no paragraph " + std::string(row.fields[0]));
    }
    const std::vector<std::string_view> sentences = Sentences(paragraphs[para.number - 1]);
    std::vector<Scope> labels(sentences.size());
    if (row.fields[1] == "mixed") {
      std::vector<std::string_view> names;
      for (std::string_view rest = row.fields.size() > 3 ? row.fields[3] : ""; !rest.empty();) {
        const size_t comma = rest.find(',');
        names.push_back(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? "" : rest.substr(comma + 1);
      }
      if (names.size() != sentences.size()) {
        return InvalidInput("paragraph " + std::to_string(para.number) + ": " +
                            std::to_string(names.size()) + " labels for " +
                            std::to_string(sentences.size()) + " sentences");
      }
      for (size_t i = 0; i < names.size(); ++i)
        labels[i] = ParseScope(names[i]).value_or(Scope::kOther);
    } else {
      std::optional<Scope> scope = ParseScope(row.fields[1]);
      if (!scope) return InvalidInput("unknown label " + std::string(row.fields[1]));
      std::fill(labels.begin(), labels.end(), *scope);
    }
    for (size_t i = 0; i < sentences.size(); ++i) {
      const std::string_view probe = Probe(sentences[i]);
      const size_t at = text.substr(0, cursor + 20000).find(probe, cursor);
      if (probe.empty() || at == std::string_view::npos) {
        // Chrome and licence lines mubiao leaves out of the text are "other".
        ++(labels[i] == Scope::kOther ? para.dropped_other : para.unlocated);
        continue;
      }
      para.sentences.push_back({at, labels[i]});
      cursor = at + probe.size();
    }
    out->paragraphs.push_back(std::move(para));
  }
  return Status::Ok();
}

}  // namespace

std::vector<ScopeGoldEntry> ScopeGoldEntries() {
  const std::string list = ReadFileOrEmpty(GoldDir() / "reports.tsv");
  std::vector<ScopeGoldEntry> out;
  for (const text::TsvRow& row : text::TsvRows(list)) {
    ScopeGoldEntry e;
    e.source = std::string(row.fields[0]);
    const std::string_view split = row.fields.size() > 1 ? row.fields[1] : "dev";
    e.split = split == "heldout" ? GoldSplit::kHeldout
              : split == "seen"  ? GoldSplit::kSeen
                                 : GoldSplit::kDev;
    e.gold_file = (GoldDir() / GoldFileName(e.source)).string();
    out.push_back(std::move(e));
  }
  return out;
}

Result<ScopeGoldReport> LoadScopeGold(const ScopeGoldEntry& entry) {
  Result<SourceText> source = ReadSource(entry.source);
  if (!source.ok()) return source.status();
  const std::string gold = ReadFileOrEmpty(entry.gold_file);
  if (gold.empty()) return NotFound("cannot read " + entry.gold_file);
  ScopeGoldReport out;
  out.entry = entry;
  Result<Document> doc = ImportSource(entry.source, source->row);
  if (!doc.ok()) return doc.status();
  out.document = std::move(doc).value();
  if (Status s = AlignLabels(Paragraphs(source->text), gold, &out); !s.ok()) {
    return Status(s.code(), entry.gold_file + ": " + s.message());
  }
  return out;
}

}  // namespace mubiao::report::testing
