#include "store/index_terms.h"

#include <cstdint>
#include <functional>
#include <vector>

#include "search/tokenizer.h"

namespace mubiao::store {
namespace {

// A set of 64-bit term hashes: open addressing, grown at half load, so it
// takes 32 bytes per term at most. 0 marks an empty slot.
class HashSet {
 public:
  // Adds `hash`; true when it was not there yet.
  bool Insert(uint64_t hash) {
    if (hash == 0) hash = 1;
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    if (!Place(&slots_, hash)) return false;
    ++size_;
    return true;
  }
  size_t size() const { return size_; }

 private:
  static bool Place(std::vector<uint64_t>* slots, uint64_t hash) {
    const size_t mask = slots->size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      if ((*slots)[i] == hash) return false;
      if ((*slots)[i] == 0) {
        (*slots)[i] = hash;
        return true;
      }
    }
  }
  void Grow() {
    std::vector<uint64_t> larger(slots_.empty() ? 1024 : slots_.size() * 2, 0);
    for (uint64_t hash : slots_) {
      if (hash != 0) Place(&larger, hash);
    }
    slots_ = std::move(larger);
  }

  std::vector<uint64_t> slots_;
  size_t size_ = 0;
};

}  // namespace

size_t CountIndexTerms(std::initializer_list<std::string_view> columns, size_t limit) {
  HashSet terms;
  const std::hash<std::string_view> hash;
  for (std::string_view column : columns) {
    const bool finished =
        search::Tokenize(column, search::TokenizeMode::kDocument, [&](const search::Token& token) {
          terms.Insert(hash(token.text));
          return terms.size() <= limit;
        });
    if (!finished) break;
  }
  return terms.size();
}

}  // namespace mubiao::store
