// engine::ordered_parallel: every index produced once, results consumed in index order, at most
// `window` results waiting, exceptions rethrown on the calling thread.
#include <atomic>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/ordered_parallel.hpp"

using strata::engine::ordered_parallel;

TEST_CASE("ordered_parallel consumes every result once, in index order", "[ordered_parallel]") {
   for (const std::size_t jobs : {0U, 1U, 2U, 4U, 8U}) {
      CAPTURE(jobs);
      constexpr std::size_t n = 500;
      const std::size_t window = 3;
      std::atomic<std::size_t> produced{0}, in_flight{0}, most_in_flight{0};
      std::vector<std::atomic<int>> times(n);
      std::atomic<bool> bad_worker{false};
      std::vector<std::size_t> order;
      std::thread::id consumer;
      bool consumed_elsewhere = false;
      ordered_parallel(
          n, jobs, window,
          [&](std::size_t i, std::size_t worker) {
             if (worker >= std::max<std::size_t>(jobs, 1)) bad_worker = true;
             ++times[i];
             ++produced;
             const auto now = ++in_flight;
             for (auto most = most_in_flight.load(); now > most && !most_in_flight.compare_exchange_weak(most, now);) {
             }
             // uneven work, so that results come in out of order
             if (i % 7 == 0) std::this_thread::yield();
             return std::to_string(i);
          },
          [&](std::string value) {
             --in_flight;
             if (consumer == std::thread::id{}) consumer = std::this_thread::get_id();
             consumed_elsewhere = consumed_elsewhere || consumer != std::this_thread::get_id();
             order.push_back(std::stoul(value));
          });
      CHECK(produced == n);
      CHECK_FALSE(bad_worker);
      CHECK_FALSE(consumed_elsewhere);
      CHECK(consumer == std::this_thread::get_id());
      for (std::size_t i = 0; i < n; ++i) CHECK(times[i] == 1);
      REQUIRE(order.size() == n);
      for (std::size_t i = 0; i < n; ++i) CHECK(order[i] == i);
      // one more while the calling thread has taken a result and not yet called consume
      CHECK(most_in_flight <= window + 1);
   }
}

TEST_CASE("ordered_parallel rethrows what produce or consume threw, and stops", "[ordered_parallel]") {
   for (const std::size_t jobs : {1U, 2U, 4U}) {
      CAPTURE(jobs);
      std::vector<std::size_t> consumed;
      const auto produce = [](std::size_t i, std::size_t) {
         if (i == 40) throw std::runtime_error("produce 40");
         return i;
      };
      CHECK_THROWS_WITH(ordered_parallel(1000, jobs, 4, produce, [&](std::size_t i) { consumed.push_back(i); }),
                        "produce 40");
      // the results before the failing one were consumed, none after it
      REQUIRE(consumed.size() == 40);
      CHECK(consumed.back() == 39);

      std::atomic<std::size_t> produced{0};
      CHECK_THROWS_WITH(ordered_parallel(
                            1000, jobs, 4,
                            [&](std::size_t i, std::size_t) {
                               ++produced;
                               return i;
                            },
                            [](std::size_t i) {
                               if (i == 10) throw std::runtime_error("consume 10");
                            }),
                        "consume 10");
      // at most the window past the failing result was produced
      CHECK(produced <= 11 + 4);
   }
}

TEST_CASE("ordered_parallel over no input calls neither", "[ordered_parallel]") {
   bool called = false;
   ordered_parallel(
       0, 2, 4,
       [&](std::size_t, std::size_t) {
          called = true;
          return 0;
       },
       [&](int) { called = true; });
   CHECK_FALSE(called);
}
