// The shared state of the portal's processes (Store::ReadShared and
// UpdateShared): expiry, removal, bytes kept as they are, and updates that
// stay whole when many connections make them at once.
#include <gtest/gtest.h>

#include <thread>

#include "store/sql_store.h"
#include "store/testing.h"

namespace mubiao::store {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using testing::StoreTest;

class SharedStateTest : public StoreTest {
 protected:
  // Sets (kind, key) to `value` until `expires`.
  void Set(SharedKind kind, const std::string& key, const std::string& value,
           SharedClock::time_point expires) {
    ASSERT_TRUE(store_
                    ->UpdateShared(kind, key, t0_,
                                   [&](const std::optional<SharedEntry>&) {
                                     return SharedEntry{value, expires};
                                   })
                    .ok());
  }
  std::optional<std::string> Read(SharedKind kind, const std::string& key,
                                  SharedClock::time_point now) {
    Result<std::optional<std::string>> value = store_->ReadShared(kind, key, now);
    EXPECT_TRUE(value.ok()) << value.status().message();
    return value.ok() ? *value : std::nullopt;
  }

  const SharedClock::time_point t0_ = std::chrono::floor<milliseconds>(SharedClock::now());
};

TEST_F(SharedStateTest, ValuesAreLiveUntilTheyExpireAndKindsAreApart) {
  Set(SharedKind::kCaptcha, "v1", "ACEFH", t0_ + minutes(5));
  EXPECT_EQ(Read(SharedKind::kCaptcha, "v1", t0_ + minutes(5) - milliseconds(1)), "ACEFH");
  EXPECT_EQ(Read(SharedKind::kCaptcha, "v1", t0_ + minutes(5)), std::nullopt);
  EXPECT_EQ(Read(SharedKind::kSession, "v1", t0_), std::nullopt) << "another kind";
  EXPECT_EQ(Read(SharedKind::kCaptcha, "v2", t0_), std::nullopt) << "another key";
  Set(SharedKind::kSecret, "key", std::string("a\0b\xff", 4), SharedClock::time_point::max());
  EXPECT_EQ(Read(SharedKind::kSecret, "key", t0_ + std::chrono::hours(24 * 365 * 100)),
            std::string("a\0b\xff", 4))
      << "bytes as they are, and never expiring";
}

TEST_F(SharedStateTest, UpdatesSeeTheLiveEntryOnlyAndMayRemoveIt) {
  Set(SharedKind::kRateBucket, "c:1", "x", t0_ + minutes(1));
  std::optional<SharedEntry> seen;
  const auto look = [&](SharedClock::time_point now) {
    seen.reset();
    EXPECT_TRUE(store_
                    ->UpdateShared(SharedKind::kRateBucket, "c:1", now,
                                   [&](const std::optional<SharedEntry>& live) {
                                     seen = live;
                                     return live;
                                   })
                    .ok());
  };
  look(t0_);
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->value, "x");
  EXPECT_EQ(seen->expires, t0_ + minutes(1));
  look(t0_ + minutes(1));
  EXPECT_FALSE(seen.has_value()) << "expired: as if absent";
  Set(SharedKind::kRateBucket, "c:1", "y", t0_ + minutes(1));
  ASSERT_TRUE(store_
                  ->UpdateShared(SharedKind::kRateBucket, "c:1", t0_,
                                 [](const std::optional<SharedEntry>&) { return std::nullopt; })
                  .ok());
  EXPECT_EQ(Read(SharedKind::kRateBucket, "c:1", t0_), std::nullopt);
}

TEST_F(SharedStateTest, ExpiredEntriesAreRemoved) {
  for (int i = 0; i < 50; ++i) {
    Set(SharedKind::kCaptcha, "v" + std::to_string(i), "A", t0_ + minutes(5));
  }
  EXPECT_EQ(QueryInt("SELECT count(*) FROM shared_state"), 50);
  // An update a while later removes every expired entry.
  ASSERT_TRUE(store_
                  ->UpdateShared(SharedKind::kCaptcha, "late", t0_ + minutes(10),
                                 [&](const std::optional<SharedEntry>&) {
                                   return SharedEntry{"B", t0_ + minutes(15)};
                                 })
                  .ok());
  EXPECT_EQ(QueryInt("SELECT count(*) FROM shared_state"), 1);
}

TEST_F(SharedStateTest, ConcurrentUpdatesFromManyConnectionsAllCount) {
  constexpr int kThreads = 4;
  constexpr int kEach = 50;
  std::vector<std::thread> threads;
  std::atomic<int> failures = 0;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      Result<std::unique_ptr<Store>> own = OpenStore(db_path_);
      if (!own.ok()) {
        ++failures;
        return;
      }
      for (int i = 0; i < kEach; ++i) {
        Status added = (*own)->UpdateShared(
            SharedKind::kGeneration, "counter", t0_, [](const std::optional<SharedEntry>& live) {
              const int n = live ? std::stoi(live->value) : 0;
              return SharedEntry{std::to_string(n + 1), SharedClock::time_point::max()};
            });
        if (!added.ok()) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(Read(SharedKind::kGeneration, "counter", t0_), std::to_string(kThreads * kEach));
}

}  // namespace
}  // namespace mubiao::store
