// The helper thread spins for a while after each task (the large products of a training step
// are separated by a few hundred microseconds of element-wise work and batch gathering) and then
// sleeps on a condition variable. NNBOOK_KERNEL_SPIN_US overrides the spin time (default 1000).
#include "worker.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>

namespace nnbook {

namespace {

/** How long a waiting thread spins before it sleeps: NNBOOK_KERNEL_SPIN_US or 1 ms. */
std::chrono::microseconds spinTime() {
  static const std::chrono::microseconds spin = [] {
    const char* text = std::getenv("NNBOOK_KERNEL_SPIN_US");
    const long us = text ? std::atol(text) : 1000;
    return std::chrono::microseconds(us >= 0 && us <= 1000000 ? us : 1000);
  }();
  return spin;
}

inline void cpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

/** Spins until `done()` holds or the spin time has passed; returns done(). */
template <typename Pred>
bool spinUntil(Pred done) {
  const auto until = std::chrono::steady_clock::now() + spinTime();
  for (int i = 0;; i++) {
    if (done()) return true;
    cpuRelax();
    if ((i & 63) == 63 && std::chrono::steady_clock::now() > until) return done();
  }
}

struct Worker {
  std::mutex owner;  // held by the caller from startOnWorker() to waitForWorker()
  std::mutex m;
  std::condition_variable wake;
  std::condition_variable finished;
  std::atomic<unsigned long> posted{0};
  std::atomic<unsigned long> completed{0};
  Task task = nullptr;
  void* context = nullptr;
  bool started = false;
  bool failed = false;

  void loop() {
    unsigned long seen = 0;
    for (;;) {
      if (!spinUntil([&] { return posted.load(std::memory_order_acquire) != seen; })) {
        std::unique_lock<std::mutex> lock(m);
        wake.wait(lock, [&] { return posted.load(std::memory_order_acquire) != seen; });
      }
      seen = posted.load(std::memory_order_acquire);
      task(context);
      {
        std::lock_guard<std::mutex> lock(m);
        completed.store(seen, std::memory_order_release);
      }
      finished.notify_one();
    }
  }
};

// Never destroyed: the helper thread may still be waiting on it when the process exits.
Worker& theWorker() {
  static Worker* w = new Worker();
  return *w;
}

}  // namespace

bool startOnWorker(Task task, void* context) {
  Worker& w = theWorker();
  if (!w.owner.try_lock()) return false;
  if (!w.started && !w.failed) {
    try {
      std::thread([&w] { w.loop(); }).detach();
      w.started = true;
    } catch (const std::system_error&) {
      w.failed = true;
    }
  }
  if (!w.started) {
    w.owner.unlock();
    return false;
  }
  {
    std::lock_guard<std::mutex> lock(w.m);
    w.task = task;
    w.context = context;
    w.posted.fetch_add(1, std::memory_order_release);
  }
  w.wake.notify_one();
  return true;
}

void waitForWorker() {
  Worker& w = theWorker();
  const unsigned long target = w.posted.load(std::memory_order_relaxed);
  auto done = [&] { return w.completed.load(std::memory_order_acquire) == target; };
  if (!spinUntil(done)) {
    std::unique_lock<std::mutex> lock(w.m);
    w.finished.wait(lock, done);
  }
  w.owner.unlock();
}

}  // namespace nnbook
