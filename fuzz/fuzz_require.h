// The fuzz targets' assertion: a broken invariant aborts, so libFuzzer
// reports it like a crash and keeps the input.
#ifndef MUBIAO_FUZZ_FUZZ_REQUIRE_H_
#define MUBIAO_FUZZ_FUZZ_REQUIRE_H_

#include <cstdio>
#include <cstdlib>

namespace mubiao::fuzz {

inline void Require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
  }
}

}  // namespace mubiao::fuzz

#endif  // MUBIAO_FUZZ_FUZZ_REQUIRE_H_
