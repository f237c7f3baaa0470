// HTML pages: report-archive and government sites. The page is decoded to
// UTF-8, parsed with libxml2's forgiving HTML parser, stripped of invisible
// content and site chrome, and the article body is found as the deepest
// container that still holds most of the page's text. That container's
// headings, paragraphs, quotes, list items and table rows become blocks.

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <algorithm>

#include <cctype>
#include <climits>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "report/import_guard.h"
#include "report/importer.h"
#include "report/site_chrome.h"
#include "text/ascii.h"
#include "text/encoding.h"
#include "text/utf8.h"

namespace mubiao::report {
namespace {

constexpr std::string_view kNoText = "no text in the HTML page";

using XmlDocPtr = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

// ---------------------------------------------------------------------------
// Character set.

// The charset a page declares in a <meta charset=...> or <meta
// http-equiv="Content-Type" content="text/html; charset=..."> tag near its
// start (browsers look at the first 1024 bytes; pages with long scripts in
// <head> push it further, so we look a little further too). Lower case;
// empty when there is none.
std::string DeclaredCharset(std::string_view bytes) {
  const std::string head = text::AsciiLower(bytes.substr(0, 8192));
  for (size_t pos = head.find("<meta"); pos != std::string::npos;
       pos = head.find("<meta", pos + 1)) {
    size_t end = head.find('>', pos);
    std::string_view tag = std::string_view(head).substr(pos, end - pos);
    size_t i = tag.find("charset");
    if (i == std::string_view::npos) continue;
    i += 7;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t')) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
    size_t start = i;
    while (i < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[i])) || tag[i] == '-' ||
                              tag[i] == '_' || tag[i] == '.' || tag[i] == ':')) {
      ++i;
    }
    if (i > start) return std::string(tag.substr(start, i - start));
  }
  return "";
}

// Decodes the page to UTF-8. A byte order mark wins; then bytes that are
// valid UTF-8 are UTF-8 whatever the page declares (real GBK text is never
// valid UTF-8, but UTF-8 Chinese often happens to be valid GB18030, so a page
// re-saved as UTF-8 under its old gb2312 declaration would come out
// garbled); then the declared charset; then detection as for text files.
Result<text::DecodedText> DecodeHtml(std::string_view bytes) {
  const bool has_bom = bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") ||
                       bytes.starts_with("\xFE\xFF");
  if (!has_bom && !text::IsValidUtf8(bytes)) {
    const std::string declared = DeclaredCharset(bytes);
    // A UTF-8 declaration the bytes contradict is left to detection, and so
    // is UTF-16: a page that can declare it in ASCII is not UTF-16.
    if (!declared.empty() && declared != "utf-8" && declared != "utf8" &&
        !declared.starts_with("utf-16")) {
      // GB2312 and GBK pages routinely use characters only their superset
      // GB18030 has, so all three decode as GB18030.
      const bool gb = declared == "gb2312" || declared == "gbk" || declared == "gb18030" ||
                      declared == "x-gbk" || declared == "cp936";
      const std::string name = gb ? "GB18030" : declared;
      Result<std::string> converted = text::ConvertToUtf8(bytes, name.c_str());
      if (converted.ok() && text::LooksLikeText(*converted)) {
        return text::DecodedText{std::move(converted).value(), name};
      }
    }
  }
  return text::DecodeToUtf8(bytes);
}

// ---------------------------------------------------------------------------
// Element classes.

std::string_view Name(const xmlNode* node) {
  return node->name == nullptr ? std::string_view()
                               : std::string_view(reinterpret_cast<const char*>(node->name));
}

bool IsElement(const xmlNode* node, std::string_view name) {
  return node->type == XML_ELEMENT_NODE && Name(node) == name;
}

// The value of an attribute, empty when absent.
std::string Attr(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

// Elements whose content a reader never sees as text.
bool IsInvisible(std::string_view name) {
  static const std::string_view kNames[] = {
      "head",   "script", "style",    "noscript", "template", "iframe", "select", "option",
      "button", "input",  "textarea", "object",   "embed",    "svg",    "canvas", "map"};
  return std::ranges::find(kNames, name) != std::end(kNames);
}

// Elements that are site chrome by their tag.
bool IsChromeTag(std::string_view name) {
  return name == "nav" || name == "header" || name == "footer" || name == "aside" || name == "form";
}

// Words in an id or class that mark navigation, comment boxes, share bars
// and the like; some are the pinyin that Chinese sites use (daohang 导航,
// pinglun 评论, fenxiang 分享).
bool IsChromeWord(std::string_view word) {
  static const std::string_view kWords[] = {
      "nav",         "navbar",  "navigation", "menu",    "menus",     "submenu",    "breadcrumb",
      "breadcrumbs", "crumb",   "crumbs",     "comment", "comments",  "reply",      "captcha",
      "share",       "sharing", "social",     "footer",  "foot",      "sidebar",    "sidenav",
      "copyright",   "toolbar", "login",      "related", "recommend", "pagination", "pager",
      "ad",          "ads",     "advert",     "daohang", "pinglun",   "fenxiang"};
  return std::ranges::find(kWords, word) != std::end(kWords);
}

// True when an id or class value contains a chrome word. Values are split
// into words at punctuation, digits and camelCase humps ("mainNav",
// "comment-list", "nav_2" all match; "canvas" and "navy" do not).
bool HasChromeWord(std::string_view value) {
  std::string word;
  auto done = [&] {
    bool hit = IsChromeWord(word);
    word.clear();
    return hit;
  };
  for (size_t i = 0; i < value.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    if (!std::isalpha(c)) {
      if (done()) return true;
      continue;
    }
    if (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(value[i - 1]))) {
      if (done()) return true;
    }
    word.push_back(static_cast<char>(std::tolower(c)));
  }
  return done();
}

// True when the element's attributes mark it as chrome or hide it.
bool LooksLikeChrome(const xmlNode* node) {
  if (HasChromeWord(Attr(node, "id")) || HasChromeWord(Attr(node, "class"))) return true;
  if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
  std::string style;
  for (char c : text::AsciiLower(Attr(node, "style"))) {
    if (c != ' ') style.push_back(c);
  }
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

int HeadingLevel(std::string_view name) {
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return name[1] - '0';
  return 0;
}

// Elements that hold one paragraph's worth of text; the search for the
// article container never descends into them.
bool IsParagraphLevel(std::string_view name) {
  return name == "p" || HeadingLevel(name) > 0 || name == "li" || name == "blockquote" ||
         name == "pre" || name == "dd" || name == "dt";
}

// Elements whose start and end break the text into separate blocks.
bool IsBlockBoundary(std::string_view name) {
  static const std::string_view kNames[] = {
      "p",       "div",    "section",    "article", "main",    "ul",       "ol",
      "dl",      "dd",     "dt",         "table",   "tbody",   "thead",    "tfoot",
      "tr",      "td",     "th",         "caption", "pre",     "hr",       "center",
      "address", "figure", "figcaption", "details", "summary", "fieldset", "body",
      "html",    "header", "footer",     "nav",     "aside",   "form"};
  return std::ranges::find(kNames, name) != std::end(kNames);
}

// ---------------------------------------------------------------------------
// Tree walking without recursion (pages can nest elements thousands deep).

// Visits the subtree of `root` in document order. enter(node) returns
// whether to visit the node's children; leave(node) follows the children of
// every node whose enter returned true.
template <typename Enter, typename Leave>
void Walk(xmlNode* root, Enter enter, Leave leave) {
  xmlNode* node = root;
  for (;;) {
    const bool descend = enter(node);
    if (descend && node->children != nullptr) {
      node = node->children;
      continue;
    }
    if (descend) leave(node);
    while (node != root && node->next == nullptr) {
      node = node->parent;
      leave(node);
    }
    if (node == root) return;
    node = node->next;
  }
}

// What the importer knows about an element.
struct NodeInfo {
  size_t weight = 0;       // visible characters outside links in the subtree
  size_t order = 0;        // position in document order
  bool dropped = false;    // invisible or chrome: skipped entirely
  bool has_table = false;  // a <table> somewhere below
};

class PageModel {
 public:
  explicit PageModel(xmlNode* body) : body_(body) {}

  NodeInfo& Info(const xmlNode* node) { return info_[node]; }
  bool Dropped(const xmlNode* node) {
    auto it = info_.find(node);
    return it != info_.end() && it->second.dropped;
  }

  // Marks invisible elements as dropped, then chrome that holds less than
  // half of the remaining text (a page-wide ASP.NET <form> or a <div
  // class="page-with-sidebar"> wrapper holds the article and must stay).
  void DropChrome() {
    Walk(
        body_,
        [&](xmlNode* node) {
          if (node->type != XML_ELEMENT_NODE) return false;
          if (IsInvisible(Name(node))) {
            info_[node].dropped = true;
            return false;
          }
          return true;
        },
        [](xmlNode*) {});
    Measure();
    const size_t total = info_[body_].weight;
    int article_depth = 0;
    Walk(
        body_,
        [&](xmlNode* node) {
          if (node->type != XML_ELEMENT_NODE || Dropped(node)) return false;
          const std::string_view name = Name(node);
          if (name == "article") ++article_depth;
          // An <article>'s own <header> holds its title, not site chrome.
          const bool chrome_tag = IsChromeTag(name) && !(name == "header" && article_depth > 0);
          const bool keep = node == body_ || name == "article" || name == "main";
          if (!keep && (chrome_tag || LooksLikeChrome(node)) && info_[node].weight * 2 <= total) {
            info_[node].dropped = true;
            return false;
          }
          return true;
        },
        [&](xmlNode* node) {
          if (IsElement(node, "article")) --article_depth;
        });
    Measure();
  }

  // The element holding the article: the deepest container that still holds
  // more than half of the page's text. Paragraph-level elements are never
  // chosen, so an article with one very long paragraph keeps the rest.
  xmlNode* FindContainer() {
    const size_t total = info_[body_].weight;
    xmlNode* container = body_;
    for (;;) {
      xmlNode* best = nullptr;
      for (xmlNode* child = container->children; child != nullptr; child = child->next) {
        if (child->type != XML_ELEMENT_NODE || Dropped(child) || IsParagraphLevel(Name(child))) {
          continue;
        }
        if (best == nullptr || info_[child].weight > info_[best].weight) best = child;
      }
      if (best == nullptr || info_[best].weight * 2 <= total) return container;
      container = best;
    }
  }

 private:
  // Recomputes weight, order and has_table for every element not dropped.
  void Measure() {
    size_t order = 0;
    int link_depth = 0;
    Walk(
        body_,
        [&](xmlNode* node) {
          if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            if (link_depth == 0 && node->content != nullptr) {
              std::string_view s(reinterpret_cast<const char*>(node->content));
              size_t weight = 0;
              for (size_t i = 0; i < s.size();) {
                if (!text::IsSpace(text::DecodeUtf8(s, &i))) ++weight;
              }
              info_[node->parent].weight += weight;
            }
            return false;
          }
          if (node->type != XML_ELEMENT_NODE || Dropped(node)) return false;
          NodeInfo& info = info_[node];
          info.weight = 0;
          info.has_table = false;
          info.order = order++;
          if (IsElement(node, "a")) ++link_depth;
          return true;
        },
        [&](xmlNode* node) {
          if (IsElement(node, "a")) --link_depth;
          const NodeInfo& info = info_[node];
          if (node != body_ && node->parent != nullptr) {
            NodeInfo& parent = info_[node->parent];
            parent.weight += info.weight;
            parent.has_table = parent.has_table || info.has_table || IsElement(node, "table");
          }
        });
  }

  xmlNode* body_;
  std::unordered_map<const xmlNode*, NodeInfo> info_;
};

// ---------------------------------------------------------------------------
// Writing blocks.

// CJK characters and punctuation: a line break between two of them in the
// HTML source is not a word space (Chinese is written without spaces, and
// pages hard-wrap their source anywhere).
bool IsWide(char32_t cp) {
  return text::IsHan(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

// Collects one block's text with collapsed white space and bold runs, then
// hands it to the DocumentBuilder, or to the notes when it is site chrome.
class BlockWriter {
 public:
  BlockWriter(Document* doc, DocumentBuilder* out) : doc_(doc), out_(out) {}

  // Starts a block of the given kind (ending any open one).
  void Open(BlockKind kind, int level = 0) {
    Close();
    open_ = true;
    kind_ = kind;
    level_ = level;
  }

  // Adds text; opens a block of `kind` when none is open.
  void Text(std::string_view s, bool bold, BlockKind kind) {
    for (size_t i = 0; i < s.size();) {
      const char32_t cp = text::DecodeUtf8(s, &i);
      // Zero-width spaces, stray BOMs and control characters are invisible.
      if (cp == 0x200B || cp == 0xFEFF || (cp < 0x20 && !text::IsSpace(cp)) || cp == 0x7F ||
          (cp >= 0x80 && cp < 0xA0)) {
        continue;
      }
      if (text::IsSpace(cp)) {
        pending_space_ = true;
        pending_break_ = pending_break_ || cp == '\n' || cp == '\r';
        continue;
      }
      if (!open_) Open(kind);
      if (pending_space_ && !runs_.empty() && !(pending_break_ && IsWide(last_) && IsWide(cp))) {
        // The space joins a bold run only between two bold characters.
        Put(" ", bold && last_bold_);
      }
      pending_space_ = pending_break_ = false;
      std::string utf8;
      text::AppendUtf8(cp, &utf8);
      Put(utf8, bold);
      last_ = cp;
      last_bold_ = bold;
    }
  }

  // A boundary that separates words but not blocks (inside a heading or a
  // table row).
  void Space() { pending_space_ = true; }

  // The separator between two cells of a table row.
  void CellBreak() {
    if (!open_) return;
    Put("\t", false);
    pending_space_ = pending_break_ = false;
    last_ = '\t';
  }

  // Ends the open block.
  void Close() {
    if (!open_) return;
    open_ = false;
    pending_space_ = pending_break_ = false;
    std::string whole;
    bool all_bold = true;
    for (const Run& run : runs_) {
      whole += run.text;
      if (!run.bold && !text::TrimSpace(run.text).empty()) all_bold = false;
    }
    if (!text::TrimSpace(whole).empty()) {
      if (IsSiteChromeLine(whole)) {
        doc_->notes.emplace_back(text::TrimSpace(whole));
      } else {
        // A paragraph that is bold as a whole is a heading, as in Markdown.
        const bool bold_heading = kind_ == BlockKind::kParagraph && all_bold;
        out_->BeginBlock(bold_heading ? BlockKind::kHeading : kind_, level_);
        for (const Run& run : runs_) out_->Append(run.text, run.bold);
        out_->EndBlock();
      }
    }
    runs_.clear();
  }

 private:
  struct Run {
    std::string text;
    bool bold = false;
  };

  void Put(std::string_view s, bool bold) {
    if (runs_.empty() || runs_.back().bold != bold) runs_.push_back(Run{"", bold});
    runs_.back().text += s;
  }

  Document* doc_;
  DocumentBuilder* out_;
  bool open_ = false;
  BlockKind kind_ = BlockKind::kParagraph;
  int level_ = 0;
  std::vector<Run> runs_;
  bool pending_space_ = false;
  bool pending_break_ = false;
  char32_t last_ = 0;
  bool last_bold_ = false;
};

// A table row longer than this many characters is a page-layout cell
// holding prose, not a row of data.
constexpr size_t kMaxDataRowWeight = 1000;

// Turns the subtree of `root` into blocks.
void EmitBlocks(xmlNode* root, PageModel* model, Document* doc, BlockWriter* out) {
  std::vector<BlockKind> kinds = {BlockKind::kParagraph};  // kind of new blocks
  int heading = 0;                                         // depth inside h1-h6
  int bold = 0;                                            // depth inside b/strong
  int row = 0;                                             // depth inside data rows
  int cell = 0;                                            // cells seen in the current data row
  std::vector<const xmlNode*> rows;                        // the data rows being written
  auto in_line = [&] { return heading > 0 || row > 0; };
  Walk(
      root,
      [&](xmlNode* node) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
          if (node->content != nullptr) {
            out->Text(reinterpret_cast<const char*>(node->content), bold > 0, kinds.back());
          }
          return false;
        }
        if (node->type == XML_COMMENT_NODE) {
          if (node->content != nullptr) {
            std::string_view note = text::TrimSpace(reinterpret_cast<const char*>(node->content));
            if (!note.empty() && text::IsValidUtf8(note)) doc->notes.emplace_back(note);
          }
          return false;
        }
        if (node->type != XML_ELEMENT_NODE || model->Dropped(node)) return false;
        const std::string_view name = Name(node);
        const int level = HeadingLevel(name);
        if (name == "b" || name == "strong") {
          ++bold;
        } else if (name == "br") {
          if (in_line()) {
            out->Space();
          } else {
            out->Close();
          }
        } else if (row > 0 && (name == "td" || name == "th")) {
          if (cell++ > 0) out->CellBreak();
        } else if (in_line()) {
          if (IsBlockBoundary(name) || level > 0 || name == "li" || name == "blockquote") {
            out->Space();
          }
          if (level > 0) ++heading;
        } else if (level > 0) {
          out->Open(BlockKind::kHeading, level);
          ++heading;
        } else if (name == "tr" && !model->Info(node).has_table &&
                   model->Info(node).weight <= kMaxDataRowWeight) {
          out->Open(BlockKind::kTableRow);
          ++row;
          cell = 0;
          rows.push_back(node);
        } else if (name == "blockquote" || name == "li") {
          out->Close();
          kinds.push_back(name == "li" ? BlockKind::kListItem : BlockKind::kQuote);
        } else if (IsBlockBoundary(name)) {
          out->Close();
        }
        return true;
      },
      [&](xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE) return;
        const std::string_view name = Name(node);
        if (name == "b" || name == "strong") {
          --bold;
        } else if (!rows.empty() && rows.back() == node) {
          rows.pop_back();
          --row;
          out->Close();
        } else if (HeadingLevel(name) > 0) {
          if (--heading == 0 && row == 0) out->Close();
        } else if (in_line()) {
          if (IsBlockBoundary(name)) out->Space();
        } else if (name == "blockquote" || name == "li") {
          out->Close();
          kinds.pop_back();
        } else if (IsBlockBoundary(name)) {
          out->Close();
        }
      });
  out->Close();
}

// The collapsed text of a subtree (for <title> and <h1>).
std::string PlainText(xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) return "";
  std::string out;
  bool space = false;
  std::string_view s(reinterpret_cast<const char*>(content));
  for (size_t i = 0; i < s.size();) {
    char32_t cp = text::DecodeUtf8(s, &i);
    if (text::IsSpace(cp)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    text::AppendUtf8(cp, &out);
  }
  xmlFree(content);
  return out;
}

// Title and permalink from <head>: <title>, og:title, <link rel=canonical>,
// og:url.
struct HeadMetadata {
  std::string title;
  std::string og_title;
  std::string url;
};

HeadMetadata ReadHead(xmlNode* root) {
  HeadMetadata meta;
  std::string og_url;
  Walk(
      root,
      [&](xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE) return false;
        const std::string_view name = Name(node);
        if (name == "body") return false;
        if (name == "title" && meta.title.empty()) {
          meta.title = PlainText(node);
        } else if (name == "meta") {
          const std::string property = text::AsciiLower(Attr(node, "property"));
          if (property == "og:title")
            meta.og_title = std::string(text::TrimSpace(Attr(node, "content")));
          if (property == "og:url") og_url = std::string(text::TrimSpace(Attr(node, "content")));
        } else if (name == "link") {
          const std::string rel = " " + text::AsciiLower(Attr(node, "rel")) + " ";
          if (rel.find(" canonical ") != std::string::npos) {
            meta.url = std::string(text::TrimSpace(Attr(node, "href")));
          }
        }
        return true;
      },
      [](xmlNode*) {});
  if (meta.url.empty()) meta.url = og_url;
  return meta;
}

// The article's title heading: the last <h1> before the container inside
// the container's parent (a title above the body text, as most article
// templates place it), else the first <h1> inside the container. A site
// logo in an <h1> at the top of the page is neither. Sets *above when the
// heading is outside the container.
xmlNode* ArticleHeading(xmlNode* body, xmlNode* container, PageModel* model, bool* above) {
  xmlNode* found = nullptr;
  auto find = [&](xmlNode* root, bool last) {
    Walk(
        root,
        [&](xmlNode* node) {
          if (node == container && root != container) return false;
          if ((found != nullptr && !last) || node->type != XML_ELEMENT_NODE ||
              model->Dropped(node)) {
            return false;
          }
          if (IsElement(node, "h1")) {
            if (root == container || model->Info(node).order < model->Info(container).order) {
              found = node;
            }
            return false;
          }
          return true;
        },
        [](xmlNode*) {});
  };
  if (container != body) find(container->parent, true);
  *above = found != nullptr;
  if (found == nullptr) find(container, false);
  return found;
}

xmlNode* FindChild(xmlNode* parent, std::string_view name) {
  for (xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (IsElement(child, name)) return child;
  }
  return nullptr;
}

Result<Document> ImportHtmlOrThrow(std::string_view bytes) {
  Result<text::DecodedText> decoded = DecodeHtml(bytes);
  if (!decoded.ok()) return decoded.status();
  const std::string& utf8 = decoded->utf8;
  if (utf8.size() > static_cast<size_t>(INT_MAX)) return TooLarge("HTML page over 2 GB");

  // libxml2 is initialised once, before any thread parses (its global state
  // is set up lazily otherwise, which is not thread-safe).
  static const bool initialised = (xmlInitParser(), true);
  (void)initialised;
  // The page is already UTF-8; IGNORE_ENC stops libxml2 from re-decoding it
  // by the <meta charset> it finds.
  const int options = HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                      HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC;
  std::unique_ptr<htmlParserCtxt, decltype(&htmlFreeParserCtxt)> parser(htmlNewParserCtxt(),
                                                                        &htmlFreeParserCtxt);
  if (parser == nullptr) return Status(StatusCode::kInternal, "cannot create an HTML parser");
  XmlDocPtr html(htmlCtxtReadMemory(parser.get(), utf8.data(), static_cast<int>(utf8.size()),
                                    nullptr, "UTF-8", options),
                 &xmlFreeDoc);
  // libxml2 stops (and disables its callbacks) at elements nested over 256
  // deep, silently dropping the rest of the page. Lifting the limit
  // (XML_PARSE_HUGE) makes its tag matching quadratic in the depth, so a
  // page that deep is refused rather than imported in part.
  if (parser->disableSAX != 0) {
    return InvalidInput(parser->errNo == XML_ERR_INTERNAL_ERROR
                            ? "HTML elements nested too deeply (over 256 levels)"
                            : "cannot parse the HTML page");
  }
  if (html == nullptr) return InvalidInput("cannot parse the HTML page");
  xmlNode* root = xmlDocGetRootElement(html.get());
  if (root == nullptr) return InvalidInput(std::string(kNoText));

  Document doc;
  doc.format = SourceFormat::kHtml;
  doc.encoding = decoded->encoding;
  const HeadMetadata head = ReadHead(root);
  doc.source_url = head.url;

  xmlNode* body = FindChild(root, "body");
  if (body == nullptr) body = root;
  PageModel model(body);
  model.DropChrome();
  xmlNode* container = model.FindContainer();
  bool h1_above = false;
  xmlNode* h1 = ArticleHeading(body, container, &model, &h1_above);

  DocumentBuilder builder(&doc);
  BlockWriter writer(&doc, &builder);
  // The title above the body text belongs at the top of the text.
  if (h1_above) EmitBlocks(h1, &model, &doc, &writer);
  EmitBlocks(container, &model, &doc, &writer);
  builder.Finish();

  // og:title is written for sharing and is the cleanest title; <title>
  // usually appends the site's name, so the article's <h1> comes next.
  const std::string h1_text = h1 == nullptr ? "" : PlainText(h1);
  if (!head.og_title.empty()) {
    doc.title = head.og_title;
  } else if (!h1_text.empty()) {
    doc.title = h1_text;
  } else {
    doc.title = head.title;
  }
  return doc;
}

}  // namespace

Result<Document> ImportHtml(std::string_view bytes) {
  return internal::ImportChecked(bytes, {"HTML page", kNoText},
                                 [&] { return ImportHtmlOrThrow(bytes); });
}

}  // namespace mubiao::report
