// `mubiao parse FILE...`: what mubiao understands of each document.

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/errors.h"
#include "cli/inputs.h"
#include "regions/gazetteer.h"
#include "report/importer.h"
#include "report/report.h"
#include "text/json_text.h"

namespace mubiao::cli {
namespace {

using nlohmann::json;
using report::Report;

json SpanJson(text::Span s) { return json::array({s.begin, s.end}); }

json RegionJson(const report::ReportMetadata& m) {
  const regions::Gazetteer& gaz = regions::Gazetteer::Builtin();
  json region = {{"code", m.region_code},
                 {"name", m.locality},
                 {"level", regions::RegionLevelName(m.level)},
                 {"geo_region", regions::GeoRegionName(m.geo)},
                 {"geo_slug", regions::GeoRegionSlug(m.geo)}};
  json chain = json::array();
  if (const regions::Region* r = gaz.FindByCode(m.region_code, m.year)) {
    for (const regions::Region* up : gaz.Ancestors(*r)) {
      chain.push_back({{"code", up->code}, {"name", up->name}});
    }
  }
  region["parents"] = chain;
  return region;
}

json ReportJson(const Report& r, bool with_text) {
  const report::ReportMetadata& m = r.metadata;
  json parts = json::array();
  for (const report::Part& p : r.parts) {
    json sections = json::array();
    for (const report::Section& s : p.sections) {
      json paragraphs = json::array();
      for (const report::Paragraph& para : s.paragraphs) {
        json sentences = json::array();
        for (const report::Sentence& sent : para.sentences) {
          json clauses = json::array();
          for (const text::Span& c : sent.clauses) clauses.push_back(SpanJson(c));
          sentences.push_back({{"span", SpanJson(sent.span)},
                               {"scope", report::ScopeName(sent.scope)},
                               {"clauses", clauses}});
        }
        json pj = {{"span", SpanJson(para.span)},
                   {"scope", report::ScopeName(para.scope)},
                   {"mixed", para.mixed},
                   {"sentences", sentences}};
        if (!para.lead.empty()) pj["lead"] = r.document.Slice(para.lead);
        if (!para.item_label.empty()) pj["item_label"] = r.document.Slice(para.item_label);
        paragraphs.push_back(pj);
      }
      sections.push_back({{"label", s.label},
                          {"heading", r.document.Slice(s.heading)},
                          {"span", SpanJson(s.span)},
                          {"paragraphs", paragraphs}});
    }
    parts.push_back({{"kind", report::PartKindName(p.kind)},
                     {"scope", report::ScopeName(p.scope)},
                     {"multi_year", p.multi_year},
                     {"label", p.label},
                     {"heading", r.document.Slice(p.heading)},
                     {"span", SpanJson(p.span)},
                     {"sections", sections}});
  }
  json out = {
      {"path", r.document.path},         {"format", report::SourceFormatName(r.document.format)},
      {"encoding", r.document.encoding}, {"metadata", report::MetadataJson(m)},
      {"region", RegionJson(m)},         {"parts", parts}};
  if (with_text) out["text"] = r.document.text;
  return out;
}

void PrintText(const Report& r, std::ostream& out) {
  const report::ReportMetadata& m = r.metadata;
  out << r.document.path << "\n  " << report::DocTypeName(m.type) << " | " << m.title << "\n  "
      << m.locality << " (" << m.region_code << ", " << regions::RegionLevelName(m.level);
  if (!m.province.empty() && m.province != m.locality) out << ", " << m.province;
  out << ", " << regions::GeoRegionName(m.geo) << ") | " << m.year;
  if (!m.date.empty()) out << " | " << m.date;
  if (!m.speaker.empty()) out << " | " << m.speaker_title << " " << m.speaker;
  out << "\n";
  if (!m.source_url.empty()) out << "  source: " << m.source_url << "\n";
  for (const report::Part& p : r.parts) {
    size_t paragraphs = 0;
    for (const report::Section& s : p.sections) paragraphs += s.paragraphs.size();
    out << "  [" << report::PartKindName(p.kind) << (p.multi_year ? ", multi-year" : "") << "] "
        << (p.heading.empty() ? "(no heading)" : r.document.Slice(p.heading)) << "  ["
        << p.span.begin << "," << p.span.end << ") " << paragraphs << " paragraphs\n";
    for (const report::Section& s : p.sections) {
      if (!s.heading.empty()) out << "      " << r.document.Slice(s.heading) << "\n";
    }
  }
}

}  // namespace

void AddParseCommand(CLI::App& app) {
  struct Options {
    std::vector<std::string> paths;
    std::string format = "text";
    bool with_text = false;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "parse", "Read documents and print their metadata, region and outline with part kinds");
  cmd->add_option("paths", opts->paths, "Files or folders (folders are read recursively)")
      ->required();
  cmd->add_option("--format", opts->format, "Output format: text or json (one object per line)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--with-text", opts->with_text, "Include the document text in JSON output");
  cmd->callback([opts] {
    BatchSummary summary;
    ForEachDocument(opts->paths, &summary, [&](report::Document doc) {
      std::string path = doc.path;
      Result<Report> r = report::AnalyzeDocument(std::move(doc), regions::Gazetteer::Builtin());
      if (!r.ok()) {
        summary.Fail(path, r.status().message());
        return;
      }
      summary.Succeed();
      if (opts->format == "json") {
        std::cout << text::JsonText(ReportJson(*r, opts->with_text)) << "\n";
      } else {
        PrintText(*r, std::cout);
      }
    });
    summary.Print("parsed", std::cerr);
    if (summary.failed() > 0) Exit(kExitFailed);
  });
}

}  // namespace mubiao::cli
