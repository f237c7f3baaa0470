// The text of data/lexicon/indicators.tsv as compiled into the binary (the
// definition is generated at build time by cmake/embed_text.cmake). Internal
// to the tracking module.
#ifndef MUBIAO_TRACKING_EMBEDDED_INDICATORS_H_
#define MUBIAO_TRACKING_EMBEDDED_INDICATORS_H_

#include <span>
#include <string_view>

namespace mubiao::tracking::internal {

// The file in pieces, each ending at a line end; concatenated in order they
// are the whole file.
std::span<const std::string_view> EmbeddedIndicatorChunks();

}  // namespace mubiao::tracking::internal

#endif  // MUBIAO_TRACKING_EMBEDDED_INDICATORS_H_
