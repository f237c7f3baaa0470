// The text of data/lexicon/targets.tsv as compiled into the binary (the
// definition is generated at build time by cmake/embed_text.cmake). Internal
// to the targets module.
#ifndef MUBIAO_TARGETS_EMBEDDED_LEXICON_H_
#define MUBIAO_TARGETS_EMBEDDED_LEXICON_H_

#include <span>
#include <string_view>

namespace mubiao::targets {

// The file in pieces, each ending at a line end.
std::span<const std::string_view> EmbeddedLexiconChunks();

}  // namespace mubiao::targets

#endif  // MUBIAO_TARGETS_EMBEDDED_LEXICON_H_
