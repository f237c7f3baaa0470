// One report (/baogao/<geo>/<id>.html): title in the archive sites' style,
// metadata, a clickable outline, the text with every target marked and
// linked to the targets table (outcomes of the review marked differently),
// disclaimer, permalink, 上一篇/下一篇, downloads and the comments with their
// form (shown again as a reader left it when comments.cc refuses a comment).
// Crumbs 全国 › 省 › 市 › 县. Downloads: /export/baogao/<id>.txt|.json|.csv.

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "regions/gazetteer.h"
#include "text/json_text.h"
#include "tracking/store_tracking.h"
#include "web/labels.h"
#include "web/portal_state.h"
#include "web/random.h"
#include "web/tracking_view.h"

namespace mubiao::web {
namespace {

using ctemplate::TemplateDictionary;

// Comments shown per page of a report.
constexpr int kCommentsPerPage = 20;

// A finding to mark in the text.
struct Mark {
  text::Span span;
  bool target = false;
  int number = 0;  // 1-based row of the targets table (targets only)
  const targets::Finding* finding = nullptr;
};

std::string MarkTitle(const targets::Finding& f) {
  std::string title = f.indicator;
  const std::string value = FormatValue(f);
  if (!value.empty()) title += (title.empty() ? "" : " · ") + value;
  if (f.cmp != quantity::Comparator::kNone && f.kind == targets::FindingKind::kTarget) {
    title += " · " + std::string(quantity::ComparatorLabel(f.cmp));
  }
  if (f.strength != targets::Strength::kNone) {
    title += " · " + std::string(targets::StrengthLabel(f.strength));
  }
  return title;
}

// Marks in text order, without overlaps (a later mark that overlaps an
// earlier one is left unmarked).
std::vector<Mark> MarksOf(const store::StoredDocument& doc) {
  std::vector<Mark> marks;
  const size_t size = doc.report.document.text.size();
  int number = 0;
  for (const targets::Finding& f : doc.extraction.targets) {
    ++number;
    if (f.span.end <= size && !f.span.empty()) marks.push_back({f.span, true, number, &f});
  }
  for (const targets::Finding& f : doc.extraction.outcomes) {
    if (f.span.end <= size && !f.span.empty()) marks.push_back({f.span, false, 0, &f});
  }
  std::stable_sort(marks.begin(), marks.end(),
                   [](const Mark& a, const Mark& b) { return a.span.begin < b.span.begin; });
  std::vector<Mark> kept;
  for (const Mark& m : marks) {
    if (kept.empty() || m.span.begin >= kept.back().span.end) kept.push_back(m);
  }
  return kept;
}

// The text, one BLOCK per block, each cut into plain and marked segments.
// Every block gets the anchor p<index>; the outline points at those.
void AddText(const store::StoredDocument& doc, TemplateDictionary* dict) {
  const report::Document& d = doc.report.document;
  const std::vector<Mark> marks = MarksOf(doc);
  size_t next_mark = 0;
  for (size_t i = 0; i < d.blocks.size(); ++i) {
    const report::Block& block = d.blocks[i];
    TemplateDictionary* b = dict->AddSectionDictionary("BLOCK");
    b->SetValue("ANCHOR", "p" + std::to_string(i));
    b->SetValue("CLASS", block.kind == report::BlockKind::kHeading ? "heading" : "para");
    size_t at = block.span.begin;
    const auto plain = [&](size_t end) {
      if (end <= at) return;
      b->AddSectionDictionary("SEG")->SetValueAndShowSection("TEXT", d.text.substr(at, end - at),
                                                             "PLAIN");
      at = end;
    };
    while (next_mark < marks.size() && marks[next_mark].span.end <= block.span.begin) ++next_mark;
    for (size_t m = next_mark; m < marks.size() && marks[m].span.begin < block.span.end; ++m) {
      const Mark& mark = marks[m];
      const size_t begin = std::max(mark.span.begin, block.span.begin);
      const size_t end = std::min(mark.span.end, block.span.end);
      plain(begin);
      TemplateDictionary* seg = b->AddSectionDictionary("SEG");
      TemplateDictionary* marked = seg->AddSectionDictionary(mark.target ? "TARGET" : "OUTCOME");
      marked->SetValue("TEXT", d.text.substr(begin, end - begin));
      marked->SetValue("TITLE", MarkTitle(*mark.finding));
      if (mark.target) marked->SetIntValue("N", mark.number);
      at = end;
    }
    plain(block.span.end);
  }
}

// The block holding byte `offset`, as an anchor; "" when none.
std::string AnchorAt(const report::Document& d, size_t offset) {
  auto it = std::upper_bound(d.blocks.begin(), d.blocks.end(), offset,
                             [](size_t o, const report::Block& b) { return o < b.span.begin; });
  if (it == d.blocks.begin()) return "";
  --it;
  if (offset >= it->span.end) return "";
  return "p" + std::to_string(it - d.blocks.begin());
}

void AddOutline(const report::Report& report, TemplateDictionary* dict) {
  TemplateDictionary* toc = nullptr;
  const auto entry = [&](const text::Span& heading, int level) {
    const std::string anchor = AnchorAt(report.document, heading.begin);
    if (heading.empty() || anchor.empty()) return;
    if (toc == nullptr) toc = dict->AddSectionDictionary("TOC");
    TemplateDictionary* e = toc->AddSectionDictionary("ENTRY");
    e->SetIntValue("LEVEL", level);
    e->SetValue("ANCHOR", anchor);
    e->SetValue("TEXT", std::string(report.document.Slice(heading)));
  };
  for (const report::Part& part : report.parts) {
    entry(part.heading, 1);
    for (const report::Section& section : part.sections) entry(section.heading, 2);
  }
}

// `tracked`: the document's targets as tracking judged them (statuses and
// evidence in the table).
void AddTargetTables(const store::StoredDocument& doc,
                     const std::vector<tracking::TrackedTarget>& tracked,
                     TemplateDictionary* dict) {
  const auto& targets = doc.extraction.targets;
  dict->SetIntValue("TARGET_COUNT", static_cast<long>(targets.size()));
  if (targets.empty()) {
    dict->ShowSection("NO_TARGETS");
  } else {
    TemplateDictionary* table = dict->AddSectionDictionary("TARGET_TABLE");
    ReportTracking statuses(tracked, table);
    int n = 0;
    for (const targets::Finding& f : targets) {
      TemplateDictionary* row = table->AddSectionDictionary("ROW");
      row->SetIntValue("N", ++n);
      row->SetValue("INDICATOR", f.indicator);
      row->SetValue("VALUE", FormatValue(f));
      row->SetValue("CMP", std::string(quantity::ComparatorLabel(f.cmp)));
      if (f.strength != targets::Strength::kNone) {
        TemplateDictionary* s = row->AddSectionDictionary("STRENGTH");
        s->SetValue("KEY", std::string(targets::StrengthName(f.strength)));
        s->SetValue("LABEL", std::string(targets::StrengthLabel(f.strength)));
      }
      row->SetValue("DEADLINE", targets::DueLabel(f));
      row->SetValue("TOPIC", f.topic);
      row->SetValue("TEXT", f.text);
      statuses.AddRow(f, n, row);
    }
  }
  if (!doc.extraction.outcomes.empty()) {
    TemplateDictionary* table = dict->AddSectionDictionary("OUTCOME_TABLE");
    table->SetIntValue("COUNT", static_cast<long>(doc.extraction.outcomes.size()));
    for (const targets::Finding& f : doc.extraction.outcomes) {
      TemplateDictionary* row = table->AddSectionDictionary("ROW");
      row->SetValue("INDICATOR", f.indicator);
      row->SetValue("VALUE", FormatValue(f));
      row->SetValue("YEAR", f.year ? std::to_string(f.year) : "");
      row->SetValue("TEXT", f.text);
    }
  }
}

// The report's sources (来源), when it has more than one, and the other
// reports of its place-year, of its type and of others (a resolution). On a page of a source that
// is not the primary, a notice points at the report's page.
void AddSources(const store::StoredDocument& doc, TemplateDictionary* dict) {
  const store::DocumentSummary& summary = doc.summary;
  const auto format_label = [](const store::DocumentSummary& s) {
    const std::optional<report::SourceFormat> format = report::ParseSourceFormat(s.source_format);
    return std::string(format ? report::SourceFormatLabel(*format) : "文件");
  };
  if (summary.primary_id != 0 && !doc.sources.empty()) {
    const store::DocumentSummary& primary = doc.sources.front();
    TemplateDictionary* other = dict->AddSectionDictionary("OTHER_SOURCE");
    other->SetValue("FORMAT", format_label(summary));
    other->SetValue("URL", ReportUrl(primary));
    other->SetValue("TITLE", ReportHeading(primary));
  }
  if (doc.sources.size() > 1) {
    TemplateDictionary* list = dict->AddSectionDictionary("SOURCES");
    list->SetIntValue("COUNT", static_cast<long>(doc.sources.size()));
    for (const store::DocumentSummary& s : doc.sources) {
      TemplateDictionary* item = list->AddSectionDictionary("ITEM");
      item->SetValue("FORMAT", format_label(s));
      item->SetValue("NAME", s.source_path.substr(s.source_path.find_last_of('/') + 1));
      const bool current = s.id == summary.id;
      if (!current) item->AddSectionDictionary("LINK")->SetValue("URL", ReportUrl(s));
      const std::string note =
          s.primary_id == 0 ? (current ? "主文本，本页" : "主文本") : (current ? "本页" : "");
      if (!note.empty()) item->SetValueAndShowSection("NOTE", note, "NOTE");
    }
  }
  for (const auto& [section, others] :
       {std::pair{"SAME_YEAR", &doc.same_year}, std::pair{"RELATED", &doc.related}}) {
    for (const store::DocumentSummary& other : *others) {
      TemplateDictionary* item = dict->AddSectionDictionary(section);
      item->SetValue("URL", ReportUrl(other));
      item->SetValue("TITLE", ReportHeading(other));
      item->SetValue("TYPE", std::string(report::DocTypeName(other.doc_type)));
    }
  }
}

// The page of comments asked for by ?pinglun=N: 1 when absent or "ok" (the
// notice after posting); nullopt for anything else.
std::optional<int> CommentPageOf(const HttpRequest& request) {
  const std::string_view value = request.Query("pinglun");
  if (value.empty() || value == "ok") return 1;
  if (value.size() > 6 || value.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  const int page = std::stoi(std::string(value));
  return page >= 1 ? std::optional<int>(page) : std::nullopt;
}

// The comments section: page `page` of the published comments, newest first
// (as archive sites show them), the true count, links to the other pages.
// kNotFound for a page past the last.
Status AddComments(store::Store& store, int64_t id, int page, const std::string& url,
                   TemplateDictionary* dict) {
  store::CommentFilter filter;
  filter.document_id = id;
  filter.status = store::CommentStatus::kPublished;
  filter.newest_first = true;
  filter.offset = (page - 1) * kCommentsPerPage;
  filter.limit = kCommentsPerPage;
  Result<store::CommentPage> comments = store.ListComments(filter);
  if (!comments.ok()) return comments.status();
  if (page > 1 && comments->comments.empty()) return NotFound("no such page of comments");
  dict->SetIntValue("COMMENT_COUNT", static_cast<long>(comments->total));
  for (const store::Comment& c : comments->comments) {
    TemplateDictionary* item = dict->AddSectionDictionary("COMMENT");
    item->SetValue("AUTHOR", c.author);
    item->SetValue("BODY", c.body);
    item->SetValue("TIME", CommentTime(c.created_at));
  }
  const int pages = static_cast<int>((comments->total + kCommentsPerPage - 1) / kCommentsPerPage);
  AddPager(dict, page, pages, [&](int n) {
    return url + (n > 1 ? "?pinglun=" + std::to_string(n) : "") + "#pinglun";
  });
  return Status::Ok();
}

HttpResponse MovedTo(const std::string& url) {
  HttpResponse moved = RedirectResponse(url);
  moved.status = 301;
  return moved;
}

// The page for one visitor: their form token in place of the placeholder.
HttpResponse Finish(PortalState* state, const Visitor& visitor, std::string html,
                    int status = 200) {
  const std::string token = state->csrf.Token(visitor.id);
  for (size_t at = html.find(state->token_placeholder); at != std::string::npos;
       at = html.find(state->token_placeholder, at + token.size())) {
    html.replace(at, state->token_placeholder.size(), token);
  }
  HttpResponse response = HtmlResponse(std::move(html), status);
  response.validatable = status == 200;
  response.headers.emplace_back("Cache-Control", "private, no-cache");
  state->SetVisitorCookie(visitor, &response);
  return response;
}

// Crumbs (全国 › 省 › 市 › 县) and the links to the place's tracking pages.
void AddPlaceLinks(const store::DocumentSummary& summary, TemplateDictionary* dict) {
  AddPlaceCrumbs(dict, GeoSlugOf(summary.geo, summary.level), summary.region_code);
  if (summary.region_code.empty() || summary.level == regions::RegionLevel::kNational) return;
  TemplateDictionary* tracking_links = dict->AddSectionDictionary("PLACE_TRACKING");
  tracking_links->SetValue("SCORECARD_URL", "/genzong/" + summary.region_code + ".html");
  tracking_links->SetValue("CHANGES_URL", "/genzong/" + summary.region_code +
                                              "/bianhua.html?year=" + std::to_string(summary.year));
  tracking_links->SetValue("PLACE", summary.locality);
}

void AddMetadata(const store::DocumentSummary& summary, TemplateDictionary* dict) {
  dict->SetValue("HEADING", ReportHeading(summary));
  dict->SetIntValue("ID", static_cast<long>(summary.id));
  dict->SetValue("TYPE", std::string(report::DocTypeName(summary.doc_type)));
  dict->SetValue("PLACE", PlaceLabel(summary).empty() ? "未识别" : PlaceLabel(summary));
  dict->SetIntValue("YEAR", summary.year);
  if (!summary.date.empty())
    dict->SetValueAndShowSection("DATE", ChineseDate(summary.date), "DATE");
  if (!summary.speaker.empty()) {
    dict->SetValueAndShowSection("SPEAKER", summary.speaker_title + " " + summary.speaker,
                                 "SPEAKER");
  }
  if (!summary.source_url.empty()) {
    dict->AddSectionDictionary("SOURCE")->SetValue("URL", summary.source_url);
  }
}

void AddNeighbours(const store::StoredDocument& doc, TemplateDictionary* dict) {
  const store::DocumentSummary& summary = doc.summary;
  if (doc.previous_id != 0) {
    TemplateDictionary* prev = dict->AddSectionDictionary("PREV");
    prev->SetValue("URL", ReportUrl(doc.previous_id, summary.geo, summary.level));
    prev->SetValue("TITLE", doc.previous_title);
  }
  if (doc.next_id != 0) {
    TemplateDictionary* next = dict->AddSectionDictionary("NEXT");
    next->SetValue("URL", ReportUrl(doc.next_id, summary.geo, summary.level));
    next->SetValue("TITLE", doc.next_title);
  }
}

// The comment form: empty, or as a refused comment left it (`form`), with
// the reasons beside their fields and focus on the first field to correct.
// A page that is not `shared` gets an image address no browser has cached,
// so a new 验证码 is drawn (the image is never cached either).
void AddCommentForm(const PortalState& state, const CommentForm* form, bool shared,
                    TemplateDictionary* dict) {
  if (state.ReadOnly()) {
    dict->ShowSection("COMMENTS_PAUSED");
    return;
  }
  dict->ShowSection("COMMENT_FORM");
  dict->SetValue("CSRF", state.token_placeholder);
  dict->SetIntValue("MAX_AUTHOR", static_cast<long>(kMaxCommentAuthor));
  dict->SetIntValue("MAX_BODY", static_cast<long>(kMaxCommentBody));
  dict->SetValue("CAPTCHA_URL", shared ? "/yanzhengma.png" : "/yanzhengma.png?t=" + RandomHex(8));
  if (form == nullptr) return;
  dict->SetValue("AUTHOR", form->author);
  dict->SetValue("BODY", form->body);
  if (!form->form_error.empty()) {
    dict->SetValueAndShowSection("FORM_ERROR", form->form_error, "FORM_ERROR");
  }
  bool focused = false;
  for (const auto& [field, error] :
       {std::pair{"AUTHOR", &form->author_error}, std::pair{"BODY", &form->body_error},
        std::pair{"CAPTCHA", &form->captcha_error}}) {
    if (error->empty()) continue;
    dict->SetValueAndShowSection(std::string(field) + "_ERROR", *error,
                                 std::string(field) + "_ERROR");
    dict->SetValueAndShowSection(std::string(field) + "_INVALID", "true",
                                 std::string(field) + "_INVALID");
    if (!focused) dict->ShowSection(std::string(field) + "_FOCUS");
    focused = true;
  }
  if (!focused) dict->ShowSection("CAPTCHA_FOCUS");
}

// What a report page shows besides the report: which page of comments,
// whether to thank for a comment just posted, and the form as a refused
// comment left it (nullptr: an empty form).
struct ReportView {
  int comment_page = 1;
  bool posted = false;
  const CommentForm* form = nullptr;
};

// The page of report `id`; `geo` is the slug the address gave ("" when it
// came from a form post): a page asked for under another slug moves to its
// own. Pages with an empty form and the first comments are shared (cached
// with a placeholder for the visitor's form token) unless a moderator asks.
HttpResponse RenderReport(PortalState* state, const Visitor& visitor, int64_t id,
                          std::string_view geo, const ReportView& view, int status = 200) {
  const bool shared =
      visitor.moderator.empty() && view.comment_page == 1 && !view.posted && view.form == nullptr;
  if (shared) {
    state->report_pages.Sync(*state->pool, state->Now());
    if (std::optional<CachedPage> cached =
            state->report_pages.Get(std::to_string(id), state->Now())) {
      if (!geo.empty() && geo != cached->slug) {
        return MovedTo("/baogao/" + cached->slug + "/" + std::to_string(id) + ".html");
      }
      return Finish(state, visitor, std::move(cached->html));
    }
  }
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<store::StoredDocument> doc = (*store)->GetDocument(id);
  if (!doc.ok()) return state->StoreErrorPage(doc.status());
  const store::DocumentSummary& summary = doc->summary;
  const std::string url = ReportUrl(summary);
  if (!geo.empty() && geo != GeoSlugOf(summary.geo, summary.level)) return MovedTo(url);
  tracking::TrackQuery tracked_query;
  tracked_query.document_id = id;
  tracked_query.commitments = false;  // the table lists targets only
  Result<std::vector<tracking::TrackedTarget>> tracked =
      tracking::TrackStored(&**store, tracked_query, PortalTrackOptions());
  if (!tracked.ok()) return state->StoreErrorPage(tracked.status());

  Page page = state->NewVisitorPage(ReportHeading(summary), visitor);
  TemplateDictionary* dict = page.dict.get();
  AddPlaceLinks(summary, dict);
  AddMetadata(summary, dict);
  AddSources(*doc, dict);
  AddOutline(doc->report, dict);
  AddText(*doc, dict);
  AddTargetTables(*doc, *tracked, dict);
  dict->SetValue("PERMALINK", url);
  AddNeighbours(*doc, dict);
  if (Status added = AddComments(**store, id, view.comment_page, url, dict); !added.ok()) {
    return state->StoreErrorPage(added);
  }
  if (view.posted) {
    dict->AddSectionDictionary("NOTICE")->SetValue("TEXT", "评论已提交，管理员审核通过后显示。");
  }
  AddCommentForm(*state, view.form, shared, dict);
  HttpResponse response = state->RenderPage("report.tpl", page);
  if (response.status != 200) return response;
  if (shared) {
    state->report_pages.Put(std::to_string(id),
                            {response.body, GeoSlugOf(summary.geo, summary.level)}, state->Now());
  }
  return Finish(state, visitor, std::move(response.body), status);
}

HttpResponse ReportPage(PortalState* state, const HttpRequest& request, const RouteParams& params) {
  Result<int64_t> id = DocumentIdParam(params);
  if (!id.ok()) return state->ErrorPage(404, "没有找到这篇报告。");
  const std::optional<int> comment_page = CommentPageOf(request);
  if (!comment_page) return state->ErrorPage(404, "没有这一页评论。");
  ReportView view;
  view.comment_page = *comment_page;
  view.posted = request.Query("pinglun") == "ok";
  return RenderReport(state, state->VisitorOf(request), *id, FieldValue(params, "geo"), view);
}

HttpResponse Download(PortalState* state, const RouteParams& params, const std::string& format) {
  Result<int64_t> id = DocumentIdParam(params);
  if (!id.ok()) return state->ErrorPage(404, "没有找到这篇报告。");
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<store::StoredDocument> doc = (*store)->GetDocument(*id);
  if (!doc.ok()) return state->StoreErrorPage(doc.status());
  const store::DocumentSummary& s = doc->summary;
  HttpResponse response;
  if (format == "txt") {
    // Exactly the stored text: every offset of the JSON and CSV indexes it.
    response.content_type = "text/plain; charset=utf-8";
    response.body = doc->report.document.text;
  } else if (format == "json") {
    nlohmann::json j = store::StoredDocumentJson(*doc, PortalDocumentUrl());
    j["heading"] = ReportHeading(s);
    response = JsonResponse(text::JsonText(j, 2));
  } else {
    response.content_type = "text/csv; charset=utf-8";
    response.body = store::FindingsCsv(store::StoredFindingsOf(*doc), PortalDocumentUrl());
  }
  response.validatable = true;
  response.headers.emplace_back(
      "Content-Disposition",
      "attachment; filename=\"mubiao-" + std::to_string(s.id) + "." + format + "\"");
  return response;
}

}  // namespace

HttpResponse ReportPageWithForm(PortalState* state, const HttpRequest& request, int64_t id,
                                const CommentForm& form, int status) {
  ReportView view;
  view.form = &form;
  return RenderReport(state, state->VisitorOf(request), id, "", view, status);
}

void AddReportRoutes(PortalState* state) {
  state->router.Add("GET", "/baogao/{geo}/{id}.html",
                    [state](const HttpRequest& request, const RouteParams& params) {
                      return ReportPage(state, request, params);
                    });
  for (const char* format : {"txt", "json", "csv"}) {
    state->router.Add("GET", std::string("/export/baogao/{id}.") + format,
                      [state, format](const HttpRequest&, const RouteParams& params) {
                        return Download(state, params, format);
                      });
  }
}

}  // namespace mubiao::web
