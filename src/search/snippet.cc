#include "search/snippet.h"

#include <algorithm>
#include <unordered_map>

#include "search/tokenizer.h"

namespace mubiao::search {
namespace {

// Characters of context kept before the first match of a window.
constexpr size_t kContextChars = 12;
// Matches considered as window anchors: the first ones of a document that
// matches very often are as good a place to show as any.
constexpr size_t kMaxAnchors = 256;

// Where a query token occurs in the text.
struct Occurrence {
  size_t position;  // token position
  size_t begin;
  size_t end;
};

// One match of a term: bytes of the text.
struct Match {
  size_t begin;
  size_t end;
  size_t term;  // index into the positive terms
};

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The bytes of the first character of a non-empty token, as one number.
uint32_t FirstChar(std::string_view token) {
  uint32_t key = static_cast<unsigned char>(token[0]);
  for (size_t i = 1; i < token.size() && i < 4 && IsContinuationByte(token[i]); ++i) {
    key = key << 8 | static_cast<unsigned char>(token[i]);
  }
  return key;
}

// Byte offset `chars` code points after `from`, or the end of the text.
size_t Advance(std::string_view text, size_t from, size_t chars) {
  size_t pos = from;
  for (size_t n = 0; n < chars && pos < text.size(); ++n) text::DecodeUtf8(text, &pos);
  return pos;
}

// Start of a window anchored at `anchor`: up to kContextChars before it, but
// not before the end of the previous sentence or line.
size_t WindowStart(std::string_view text, size_t anchor) {
  size_t pos = anchor;
  for (size_t n = 0; n < kContextChars && pos > 0; ++n) {
    size_t prev = pos - 1;
    while (prev > 0 && IsContinuationByte(text[prev])) --prev;
    std::string_view ch = text.substr(prev, pos - prev);
    if (ch == "\n" || ch == "。" || ch == "！" || ch == "？" || ch == "；") break;
    pos = prev;
  }
  return pos;
}

// The positive terms of a query and the tokens they use, ready to find
// their matches in texts.
class MatchFinder {
 public:
  explicit MatchFinder(const Query& query) {
    for (size_t g = 0; g < query.required.size(); ++g) {
      for (const Term& term : query.required[g]) {
        terms_.push_back(&term);
        term_groups_.push_back(g);
      }
    }
    groups_ = query.required.size();
    for (const Term* term : terms_) {
      std::vector<size_t>& ids = term_token_ids_.emplace_back();
      for (const QueryToken& token : term->tokens) {
        auto& by_text = token.prefix ? prefix_ids_ : exact_ids_;
        ids.push_back(by_text.emplace(token.text, token_count_).first->second);
        if (ids.back() == token_count_) ++token_count_;
        first_chars_.push_back(FirstChar(token.text));
      }
    }
    std::sort(first_chars_.begin(), first_chars_.end());
  }

  size_t terms() const { return terms_.size(); }
  size_t groups() const { return groups_; }
  size_t group_of(size_t term) const { return term_groups_[term]; }

  // Matches of every term in text[0, limit), sorted by start (longer first).
  // Tokens starting at or after `limit` are not read.
  std::vector<Match> Find(std::string_view text, size_t limit) const {
    // Where each query token occurs, in text order.
    std::vector<std::vector<Occurrence>> occurrences(token_count_);
    size_t position = 0;
    Tokenize(text, TokenizeMode::kDocument, [&](const Token& token) {
      if (token.begin >= limit) return false;
      const size_t at = position++;
      if (!std::binary_search(first_chars_.begin(), first_chars_.end(), FirstChar(token.text))) {
        return true;
      }
      if (auto it = exact_ids_.find(token.text); it != exact_ids_.end()) {
        occurrences[it->second].push_back({at, token.begin, token.end});
      }
      // A prefix token is one character: it matches the token's first one.
      size_t first_char = 0;
      text::DecodeUtf8(token.text, &first_char);
      if (auto it = prefix_ids_.find(token.text.substr(0, first_char)); it != prefix_ids_.end()) {
        occurrences[it->second].push_back({at, token.begin, token.begin + first_char});
      }
      return true;
    });
    // A term matches where its tokens sit at consecutive positions.
    std::vector<Match> matches;
    for (size_t t = 0; t < terms_.size(); ++t) {
      const std::vector<size_t>& ids = term_token_ids_[t];
      for (const Occurrence& start : occurrences[ids[0]]) {
        size_t end = start.end;
        bool found = true;
        for (size_t k = 1; k < ids.size() && found; ++k) {
          const std::vector<Occurrence>& list = occurrences[ids[k]];
          auto it = std::lower_bound(list.begin(), list.end(), start.position + k,
                                     [](const Occurrence& o, size_t p) { return o.position < p; });
          found = it != list.end() && it->position == start.position + k;
          if (found) end = it->end;
        }
        if (found) matches.push_back({start.begin, end, t});
      }
    }
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
      return a.begin < b.begin || (a.begin == b.begin && a.end > b.end);
    });
    return matches;
  }

 private:
  std::vector<const Term*> terms_;
  std::vector<size_t> term_groups_;  // the required group of each term
  size_t groups_ = 0;
  // Ids of the query tokens (0 .. token_count_), by text: exact tokens, and
  // prefix tokens (one character) that match any token starting with it.
  std::unordered_map<std::string_view, size_t> exact_ids_;
  std::unordered_map<std::string_view, size_t> prefix_ids_;
  size_t token_count_ = 0;
  std::vector<std::vector<size_t>> term_token_ids_;  // the token ids of each term
  // The first character of every query token (its UTF-8 bytes as a number):
  // a cheap test that rules out most document tokens before the hash lookup.
  std::vector<uint32_t> first_chars_;
};

// A window of the text and how good it is.
struct Window {
  size_t start = 0;
  size_t end = 0;
  size_t score = 0;   // distinct terms, then matches
  size_t groups = 0;  // required groups with a match inside
};

// The best window anchored at one of the first kMaxAnchors matches that
// start before `anchor_limit`; the start of the text when there is none.
Window BestWindow(std::string_view text, const std::vector<Match>& matches,
                  const MatchFinder& finder, size_t anchor_limit, size_t max_chars) {
  Window best{0, Advance(text, 0, max_chars), 0, 0};
  std::vector<size_t> term_seen(finder.terms());
  std::vector<size_t> group_seen(finder.groups());
  for (size_t i = 0; i < matches.size() && i < kMaxAnchors && matches[i].begin < anchor_limit;
       ++i) {
    if (i > 0 && matches[i].begin == matches[i - 1].begin) continue;
    Window window;
    window.start = WindowStart(text, matches[i].begin);
    window.end = Advance(text, window.start, max_chars);
    std::fill(term_seen.begin(), term_seen.end(), 0);
    std::fill(group_seen.begin(), group_seen.end(), 0);
    size_t distinct = 0;
    size_t count = 0;
    for (size_t j = i; j < matches.size() && matches[j].begin < window.end; ++j) {
      if (matches[j].end > window.end) continue;
      ++count;
      if (term_seen[matches[j].term]++ == 0) ++distinct;
      if (group_seen[finder.group_of(matches[j].term)]++ == 0) ++window.groups;
    }
    window.score = (distinct << 32) | count;
    if (window.score > best.score) best = window;
  }
  return best;
}

}  // namespace

Snippet MakeSnippet(std::string_view text, const Query& query, size_t max_chars) {
  const MatchFinder finder(query);
  // First the start of the text: enough when a window there shows every
  // group of the query, which spares reading long documents to the end.
  // Tokens are read a window's length past the anchors, so that windows
  // anchored before the limit see all their matches.
  constexpr size_t kFirstScanBytes = 8192;
  size_t anchor_limit = std::min(text.size(), kFirstScanBytes);
  std::vector<Match> matches = finder.Find(text, anchor_limit + 4 * max_chars);
  Window best = BestWindow(text, matches, finder, anchor_limit, max_chars);
  if (anchor_limit < text.size() && best.groups < finder.groups()) {
    anchor_limit = text.size();
    matches = finder.Find(text, anchor_limit);
    best = BestWindow(text, matches, finder, anchor_limit, max_chars);
  }

  Snippet snippet;
  if (best.start > 0) snippet.text = "…";
  const size_t shift = snippet.text.size();
  for (size_t i = best.start; i < best.end; ++i) {
    const char c = text[i];
    snippet.text += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  if (best.end < text.size()) snippet.text += "…";
  for (const Match& m : matches) {
    if (m.begin < best.start || m.end > best.end) continue;
    text::Span span{m.begin - best.start + shift, m.end - best.start + shift};
    if (!snippet.highlights.empty() && span.begin <= snippet.highlights.back().end) {
      snippet.highlights.back().end = std::max(snippet.highlights.back().end, span.end);
    } else {
      snippet.highlights.push_back(span);
    }
  }
  return snippet;
}

}  // namespace mubiao::search
