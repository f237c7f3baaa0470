// The text of data/regions.tsv as compiled into the binary (the definition is
// generated at build time by cmake/embed_text.cmake). Internal to the regions module.
#ifndef MUBIAO_REGIONS_EMBEDDED_TSV_H_
#define MUBIAO_REGIONS_EMBEDDED_TSV_H_

#include <span>
#include <string_view>

namespace mubiao::regions::internal {

// The file in pieces, each ending at a line end; concatenated in order they
// are the whole file. Pieces keep every string literal below the 65,536
// characters ISO C++ guarantees a compiler accepts.
std::span<const std::string_view> EmbeddedTsvChunks();

}  // namespace mubiao::regions::internal

#endif  // MUBIAO_REGIONS_EMBEDDED_TSV_H_
