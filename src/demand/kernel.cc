#include "demand/kernel.h"

#include <algorithm>
#include <functional>
#include <thread>

namespace headroom {
namespace {

// One tenant, one block of hours [b, b + n) inside month `month`, rows [row_begin, row_end).
[[gnu::always_inline]] inline void RunBlock(const Kernel& k, const TenantKernel& t, int month,
                                            int b, int n, int row_begin, int row_end) {
  const TenantModel& m = *t.model;
  const auto terms = static_cast<size_t>(m.TermCount());
  const auto hours = static_cast<size_t>(m.hours);
  alignas(64) double load[kBlockHours];
  alignas(64) double sessions[kBlockHours];
  alignas(64) double values[kBlockHours];
  for (int r = row_begin; r < row_end; ++r) {
    const double* cf = t.coef + static_cast<size_t>(r) * terms;
    std::fill_n(load, n, 0.0);
    std::fill_n(sessions, n, 0.0);
    for (int c = 0; c < k.classes; ++c) {
      if (!HasTerms(m, c)) continue;
      ClassValues(m, c, cf, b, n, values);
      if (c == k.session_class) {
        std::copy_n(values, n, sessions);
      } else {
        const double w = k.cpu_cores[c];
        for (int i = 0; i < n; ++i) load[i] = load[i] + values[i] * w;
      }
      if (t.hourly_mid != nullptr && r == k.mid_row) {
        std::copy_n(values, n, t.hourly_mid + static_cast<size_t>(c) * hours + b);
      }
    }
    double* __restrict el = k.estate_load + static_cast<size_t>(r) * hours + b;
    double* __restrict es = k.estate_sessions + static_cast<size_t>(r) * hours + b;
    for (int i = 0; i < n; ++i) el[i] += load[i];
    for (int i = 0; i < n; ++i) es[i] += sessions[i];
    Fold& f = t.folds[static_cast<size_t>(r) * static_cast<size_t>(m.months) + month];
    const double top = BlockMax(load, n);
    if (top > f.load) {
      f.load = top;
      f.hour = b + static_cast<int>(std::find(load, load + n, top) - load);
    }
    f.max_sessions = std::max(f.max_sessions, BlockMax(sessions, n));
  }
}

// Blocks of hours outside, tenants inside: the estate accumulators' block (rows × 256 hours ×
// 2 doubles, about 0.5 MB) stays in cache while every tenant of the group adds to it. Each
// (row, hour) still receives the tenants' loads in tenant order, so grouping never changes a
// sum. Compiled for AVX2 too (not FMA, which would round differently from the baseline).
__attribute__((target_clones("avx2", "default"))) void RunRows(const Kernel& k, int row_begin,
                                                               int row_end) {
  const Horizon& horizon = *k.horizon;
  for (int month = 0; month < horizon.months; ++month) {
    const int month_end = horizon.month_first_hour[static_cast<size_t>(month) + 1];
    for (int b = horizon.month_first_hour[static_cast<size_t>(month)]; b < month_end;
         b += kBlockHours) {
      const int n = std::min(kBlockHours, month_end - b);
      for (const TenantKernel& t : k.tenants) RunBlock(k, t, month, b, n, row_begin, row_end);
    }
  }
}

}  // namespace

void RunKernel(const Kernel& k, int rows, int threads) {
  threads = std::clamp(threads, 1, rows);
  if (threads == 1) {
    RunRows(k, 0, rows);
    return;
  }
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) {
    pool.emplace_back(RunRows, std::cref(k), rows * t / threads, rows * (t + 1) / threads);
  }
  RunRows(k, 0, rows / threads);
  for (std::thread& th : pool) th.join();
}

}  // namespace headroom
