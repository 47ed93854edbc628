// ordered_parallel: a parallel map over [0, n) whose results are consumed in index order, on
// standard-library threads (engine/run.cpp checks inputs with it).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace strata::engine {

/// Calls `produce(i, worker)` for every i in [0, n) on `jobs` threads, the calling thread and
/// jobs - 1 of its own (worker: the thread's 0-based index, the calling thread's is jobs - 1),
/// and `consume(result)` for each i in order on the calling thread, which produces whenever the
/// next result to consume is not in yet. At most `window` results are produced and not yet
/// consumed (this bounds memory). An exception thrown by either stops the run and is rethrown
/// here once every thread has ended. If fewer threads can be started, the ones that started
/// share the work. `jobs` 0 counts as 1.
template <class Produce, class Consume>
void ordered_parallel(std::size_t n, std::size_t jobs, std::size_t window, Produce produce, Consume consume) {
   using result = decltype(produce(std::size_t{0}, std::size_t{0}));
   struct slot {
      std::optional<result> value;
      std::exception_ptr error;
      bool done = false;
   };
   std::vector<slot> ring(std::max<std::size_t>(window, 1));
   std::mutex mutex;
   // `ready`: the result the calling thread waits for (index `wanted`) is in; `space`: a slot
   // is free. Each is notified only when some thread waits on it (no wake-up per result).
   std::condition_variable ready, space;
   std::size_t claimed = 0, consumed = 0, wanted = n, blocked = 0;
   bool stop = false;
   const auto can_claim = [&] { return claimed < n && claimed < consumed + ring.size(); };
   // produces input i (claimed under the lock) into its slot; true: the calling thread waits for it
   const auto produce_into_slot = [&](std::size_t i, std::size_t worker) {
      slot s;
      try {
         s.value.emplace(produce(i, worker));
      } catch (...) {
         s.error = std::current_exception();
      }
      s.done = true;
      std::lock_guard lock(mutex);
      ring[i % ring.size()] = std::move(s);
      return wanted == i;
   };
   const auto work = [&](std::size_t worker) {
      for (;;) {
         std::size_t i = 0;
         {
            std::unique_lock lock(mutex);
            if (!stop && !can_claim()) {
               ++blocked;
               space.wait(lock, [&] { return stop || claimed == n || can_claim(); });
               --blocked;
            }
            if (stop || claimed == n) return;
            i = claimed++;
         }
         if (produce_into_slot(i, worker)) ready.notify_one();
      }
   };
   std::vector<std::jthread> threads;
   threads.reserve(jobs);
   try {
      for (std::size_t w = 0; w + 1 < jobs; ++w) threads.emplace_back(work, w);
   } catch (const std::system_error&) {
      // fewer threads: the calling thread and those that started share the inputs
   }
   const std::size_t own = jobs == 0 ? 0 : jobs - 1;
   std::exception_ptr failure;
   for (std::size_t i = 0; i < n && !failure;) {
      std::unique_lock lock(mutex);
      auto& next = ring[i % ring.size()];
      if (!next.done && can_claim()) {
         const std::size_t mine = claimed++;
         lock.unlock();
         produce_into_slot(mine, own);
         continue;
      }
      if (!next.done) {
         wanted = i;
         ready.wait(lock, [&] { return next.done; });
         wanted = n;
      }
      slot s = std::move(next);
      next = slot{};
      ++consumed;
      const bool notify = blocked > 0;
      lock.unlock();
      if (notify) space.notify_one();
      ++i;
      if (s.error) {
         failure = s.error;
         break;
      }
      try {
         consume(std::move(*s.value));
      } catch (...) {
         failure = std::current_exception();
      }
   }
   {
      std::lock_guard lock(mutex);
      stop = true;  // also ends the workers still waiting for a slot when the last input was claimed
   }
   space.notify_all();
   threads.clear();  // joins
   if (failure) std::rethrow_exception(failure);
}

}  // namespace strata::engine
