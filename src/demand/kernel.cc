#include "demand/kernel.h"

#include <algorithm>
#include <functional>
#include <thread>
#include <vector>

namespace headroom {
namespace {

// Where a block's estate sums go: row r's hour h at load[(r - first_row) × row_stride + h -
// first_hour] (and sessions alike).
struct Sums {
  double* load;
  double* sessions;
  size_t row_stride;
  int first_row;
  int first_hour;
};

// One tenant, one block of hours [b, b + n) inside month `month`, rows [row_begin, row_end).
[[gnu::always_inline]] inline void RunBlock(const Kernel& k, const TenantKernel& t, const Sums& to,
                                            int month, int b, int n, int row_begin, int row_end) {
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
    const size_t at = static_cast<size_t>(r - to.first_row) * to.row_stride + (b - to.first_hour);
    double* __restrict el = to.load + at;
    double* __restrict es = to.sessions + at;
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

// Folds a complete block's sums into each row's peak of the month, then zeroes them. Blocks come
// in hour order and only a strictly larger load replaces the peak, so the peak's hour is the
// month's first hour holding its largest load, as a scan of the whole month finds it.
void FoldBlock(const Kernel& k, const Sums& sums, int month, int b, int n, int row_begin,
               int row_end) {
  const auto months = static_cast<size_t>(k.horizon->months);
  for (int r = row_begin; r < row_end; ++r) {
    double* load = sums.load + static_cast<size_t>(r - row_begin) * sums.row_stride;
    double* sessions = sums.sessions + static_cast<size_t>(r - row_begin) * sums.row_stride;
    EstatePeak& peak = k.estate_peaks[static_cast<size_t>(r) * months + month];
    const double top = BlockMax(load, n);
    if (top > peak.load) {
      peak.load = top;
      peak.hour = b + static_cast<int>(std::find(load, load + n, top) - load);
    }
    peak.max_sessions = std::max(peak.max_sessions, BlockMax(sessions, n));
    std::fill_n(load, n, 0.0);
    std::fill_n(sessions, n, 0.0);
  }
}

// Blocks of hours outside, tenants inside: the estate accumulators' block (rows × 256 hours ×
// 2 doubles, about 0.5 MB) stays in cache while every tenant of the group adds to it. Each
// (row, hour) still receives the tenants' loads in tenant order, so grouping never changes a
// sum. Compiled for AVX2 too (not FMA, which would round differently from the baseline).
__attribute__((target_clones("avx2", "default"))) void RunRows(const Kernel& k, int row_begin,
                                                               int row_end) {
  const Horizon& horizon = *k.horizon;
  const bool fold = k.estate_peaks != nullptr;
  constexpr size_t kBlockRow = size_t{2} * kBlockHours;  // a row's load, then its sessions
  // Folding: the block's sums start at zero for every block, as the hour's full-table cell does.
  std::vector<double> block;
  if (fold) block.assign(static_cast<size_t>(row_end - row_begin) * kBlockRow, 0.0);
  for (int month = 0; month < horizon.months; ++month) {
    const int month_end = horizon.month_first_hour[static_cast<size_t>(month) + 1];
    for (int b = horizon.month_first_hour[static_cast<size_t>(month)]; b < month_end;
         b += kBlockHours) {
      const int n = std::min(kBlockHours, month_end - b);
      const Sums to =
          fold ? Sums{block.data(), block.data() + kBlockHours, kBlockRow, row_begin, b}
               : Sums{k.estate_load, k.estate_sessions, static_cast<size_t>(horizon.hours), 0, 0};
      for (const TenantKernel& t : k.tenants) RunBlock(k, t, to, month, b, n, row_begin, row_end);
      if (fold) FoldBlock(k, to, month, b, n, row_begin, row_end);
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
