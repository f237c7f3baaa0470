// Markdown as found in report archives: front matter, # and **bold**
// headings, lead sentences in bold, <!-- comments -->, > quotes, <details>
// tables of contents, lists, pipe tables and footnotes. Every line is one
// block: Chinese reports put one paragraph on a line and never hard-wrap.

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "report/importer.h"
#include "text/utf8.h"

namespace mubiao::report {
namespace {

std::string_view NextLine(std::string_view text, size_t* pos) {
  size_t end = text.find('\n', *pos);
  if (end == std::string_view::npos) end = text.size();
  std::string_view line = text.substr(*pos, end - *pos);
  *pos = end < text.size() ? end + 1 : end;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// Parses "key: value" front matter lines into the document.
void ReadFrontMatterLine(std::string_view line, Document* doc) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  std::string_view key = text::TrimSpace(line.substr(0, colon));
  std::string_view value = text::TrimSpace(line.substr(colon + 1));
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  if (key == "title") doc->title = std::string(value);
  if (key == "source" || key == "url" || key == "link") doc->source_url = std::string(value);
}

// The character reference at the start of `s` ("&permil;", "&#8240;",
// "&#x2030;", as some archives' Markdown keeps them): its length, with its
// character appended to `out`; 0 when `s` opens with none. Named references
// are HTML's (libxml2's table).
size_t AppendCharacterReference(std::string_view s, std::string* out) {
  constexpr size_t kLongestName = 32;
  const size_t semi = s.find(';');
  if (!s.starts_with("&") || semi == std::string_view::npos || semi < 2 || semi > kLongestName) {
    return 0;
  }
  const std::string name(s.substr(1, semi - 1));
  char32_t cp = 0;
  if (name[0] == '#') {
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 6 ||
        digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") !=
            std::string::npos) {
      return 0;
    }
    cp = static_cast<char32_t>(std::stoul(digits, nullptr, hex ? 16 : 10));
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  } else {
    const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
    if (entity == nullptr) return 0;
    cp = entity->value;
  }
  text::AppendUtf8(cp, out);
  return semi + 1;
}

// Appends inline Markdown to the builder: **bold** toggles emphasis,
// [text](url) keeps the text, ![img](url) and [^1] footnote marks vanish,
// backslash escapes and character references (&permil;) are resolved,
// `code` loses its backticks.
void AppendInline(std::string_view s, DocumentBuilder* out) {
  bool bold = false;
  std::string run;
  auto flush = [&] {
    if (!run.empty()) out->Append(run, bold);
    run.clear();
  };
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if ((c == '*' || c == '_') && i + 1 < s.size() && s[i + 1] == c) {
      flush();
      bold = !bold;
      i += 2;
    } else if (c == '\\' && i + 1 < s.size() &&
               std::string_view("\\`*_{}[]()#+-.!|<>~").find(s[i + 1]) != std::string_view::npos) {
      run.push_back(s[i + 1]);
      i += 2;
    } else if (c == '`') {
      ++i;
    } else if (const size_t used = c == '&' ? AppendCharacterReference(s.substr(i), &run) : 0;
               used > 0) {
      i += used;
    } else if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') {
      // An image: drop "![alt](src)" entirely when well formed.
      size_t close = s.find("](", i + 2);
      size_t end = close == std::string_view::npos ? close : s.find(')', close + 2);
      if (end == std::string_view::npos) {
        run.push_back(c);
        ++i;
      } else {
        i = end + 1;
      }
    } else if (c == '[') {
      size_t close = s.find(']', i + 1);
      if (close != std::string_view::npos && i + 1 < s.size() && s[i + 1] == '^') {
        i = close + 1;  // footnote reference
      } else if (close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '(' &&
                 s.find(')', close + 2) != std::string_view::npos) {
        run.append(s.substr(i + 1, close - i - 1));  // link text
        i = s.find(')', close + 2) + 1;
      } else {
        run.push_back(c);
        ++i;
      }
    } else {
      run.push_back(c);
      ++i;
    }
  }
  flush();
}

// A line of only '-', '=', '*' or '_' (a rule) or a table separator |---|.
bool IsRuleLine(std::string_view line) {
  line = text::TrimSpace(line);
  if (line.size() < 3) return false;
  for (char c : line) {
    if (c != '-' && c != '=' && c != '*' && c != '_' && c != '|' && c != ':' && c != ' ') {
      return false;
    }
  }
  return true;
}

// True when the whole line (after trimming) is one bold run: "**一、…**".
bool IsWholeLineBold(std::string_view line) {
  line = text::TrimSpace(line);
  if (line.size() < 5 || !line.starts_with("**") || line.substr(line.size() - 2) != "**") {
    return false;
  }
  return line.substr(2, line.size() - 4).find("**") == std::string_view::npos;
}

}  // namespace

std::string DecodeCharacterReferences(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const size_t used = s[i] == '&' ? AppendCharacterReference(s.substr(i), &out) : 0;
    if (used > 0) {
      i += used;
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

Result<Document> ImportMarkdown(std::string_view utf8) {
  Document doc;
  doc.format = SourceFormat::kMarkdown;
  DocumentBuilder out(&doc);
  size_t pos = 0;

  // Front matter: "---" on the first line, key: value lines, "---".
  {
    size_t probe = 0;
    if (text::TrimSpace(NextLine(utf8, &probe)) == "---") {
      size_t p = probe;
      bool closed = false;
      while (p < utf8.size()) {
        std::string_view line = NextLine(utf8, &p);
        if (text::TrimSpace(line) == "---") {
          closed = true;
          break;
        }
        ReadFrontMatterLine(line, &doc);
      }
      if (closed) {
        pos = p;
      } else {
        doc.title.clear();
        doc.source_url.clear();
      }
    }
  }

  bool in_details = false;
  bool in_fence = false;
  while (pos < utf8.size()) {
    std::string_view raw = NextLine(utf8, &pos);
    std::string_view line = text::TrimSpace(raw);
    if (line.starts_with("```")) {
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) {
      out.AddBlock(BlockKind::kParagraph, line);
      continue;
    }
    // HTML comments, possibly spanning lines, become notes.
    if (line.starts_with("<!--")) {
      // The comment may span lines; what follows "-->" on its last line is text.
      const size_t open = static_cast<size_t>(line.data() - utf8.data());
      size_t close = utf8.find("-->", open + 4);
      std::string_view inner = utf8.substr(
          open + 4, close == std::string_view::npos ? std::string_view::npos : close - open - 4);
      std::string_view comment = text::TrimSpace(inner);
      if (!comment.empty()) doc.notes.emplace_back(comment);
      const size_t after = close == std::string_view::npos ? utf8.size() : close + 3;
      size_t line_end = utf8.find('\n', after);
      if (line_end == std::string_view::npos) line_end = utf8.size();
      line = text::TrimSpace(utf8.substr(after, line_end - after));
      pos = std::min(line_end + 1, utf8.size());
      if (line.empty()) continue;
    }
    // <details> blocks hold tables of contents: navigation, not report text.
    if (line.starts_with("<details")) in_details = true;
    if (in_details) {
      if (line.find("</details>") != std::string_view::npos) in_details = false;
      continue;
    }
    if (line.empty() || IsRuleLine(line)) continue;
    if (line.front() == '<' && line.back() == '>' && line.find("</") == std::string_view::npos &&
        line.find(' ') == std::string_view::npos) {
      continue;  // a lone HTML tag such as <br> or <center>
    }
    if (line.starts_with("[^")) {  // footnote definition
      doc.notes.emplace_back(line);
      continue;
    }
    if (line.front() == '#') {
      size_t level = line.find_first_not_of('#');
      if (level != std::string_view::npos && level <= 6 && line[level] == ' ') {
        out.BeginBlock(BlockKind::kHeading, static_cast<int>(level));
        AppendInline(text::TrimSpace(line.substr(level)), &out);
        out.EndBlock();
        continue;
      }
    }
    if (line.front() == '>') {
      while (!line.empty() && (line.front() == '>' || line.front() == ' ')) line.remove_prefix(1);
      out.BeginBlock(BlockKind::kQuote);
      AppendInline(line, &out);
      out.EndBlock();
      continue;
    }
    if (line.front() == '|') {
      out.BeginBlock(BlockKind::kTableRow);
      std::string row;
      std::string_view cells = line.substr(1);
      if (!cells.empty() && cells.back() == '|') cells.remove_suffix(1);
      size_t start = 0;
      bool first = true;
      while (start <= cells.size()) {
        size_t bar = cells.find('|', start);
        if (bar == std::string_view::npos) bar = cells.size();
        if (!first) row += '\t';
        row += text::TrimSpace(cells.substr(start, bar - start));
        first = false;
        start = bar + 1;
      }
      AppendInline(row, &out);
      out.EndBlock();
      continue;
    }
    if ((line.front() == '-' || line.front() == '*' || line.front() == '+') && line.size() > 1 &&
        line[1] == ' ') {
      out.BeginBlock(BlockKind::kListItem);
      AppendInline(text::TrimSpace(line.substr(2)), &out);
      out.EndBlock();
      continue;
    }
    out.BeginBlock(IsWholeLineBold(line) ? BlockKind::kHeading : BlockKind::kParagraph);
    AppendInline(line, &out);
    out.EndBlock();
  }
  out.Finish();
  if (doc.text.empty()) return InvalidInput("no text in the Markdown file");
  return doc;
}

}  // namespace mubiao::report
