#pragma once
// The sampling kernel of demand synthesis: for blocks of hours and every sample row, each
// class's values Σ coefficient × basis (tenant_model.h), folded into the tenant's offered load,
// its per-month worst hour and highest sessions, and the estate's per-row hourly offered load
// and sessions. The inner loops are contiguous multiply-add streams the compiler vectorises.

#include <vector>

#include "demand/calendar.h"
#include "demand/tenant_model.h"

namespace headroom {

// Hours per kernel block: the block's bases (terms × 2 KiB) and scratch stay in L1/L2.
inline constexpr int kBlockHours = 256;

// out[i] = Σ_k cf[k] × basis_k[begin + i] over class c's terms, summed in term order. Kernel
// blocks and single-hour window evaluations both use it, so a window's rates are bit for bit
// the values its hour was chosen from. REQUIRES: class c has at least one term.
[[gnu::always_inline]] inline void ClassValues(const TenantModel& m, int c, const double* cf,
                                               int begin, int n, double* __restrict out) {
  const int kb = m.class_terms[static_cast<size_t>(c)];
  const int ke = m.class_terms[static_cast<size_t>(c) + 1];
  const double* __restrict b0 = m.Basis(kb) + begin;
  const double a0 = cf[kb];
  for (int i = 0; i < n; ++i) out[i] = a0 * b0[i];
  int k = kb + 1;
  for (; k + 1 < ke; k += 2) {
    const double* __restrict b1 = m.Basis(k) + begin;
    const double* __restrict b2 = m.Basis(k + 1) + begin;
    const double a1 = cf[k];
    const double a2 = cf[k + 1];
    for (int i = 0; i < n; ++i) out[i] = (out[i] + a1 * b1[i]) + a2 * b2[i];
  }
  if (k < ke) {
    const double* __restrict b1 = m.Basis(k) + begin;
    const double a1 = cf[k];
    for (int i = 0; i < n; ++i) out[i] = out[i] + a1 * b1[i];
  }
}

[[gnu::always_inline]] inline bool HasTerms(const TenantModel& m, int c) {
  return m.class_terms[static_cast<size_t>(c)] < m.class_terms[static_cast<size_t>(c) + 1];
}

// Max of x[0..n) (values >= 0; -1 when n == 0). Eight independent lanes let the compiler
// vectorise; max is exact, so the lane order cannot change the result.
[[gnu::always_inline]] inline double BlockMax(const double* __restrict x, int n) {
  constexpr int kLanes = 8;
  double lane[kLanes];
  for (double& l : lane) l = -1.0;
  int i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    for (int j = 0; j < kLanes; ++j) lane[j] = x[i + j] > lane[j] ? x[i + j] : lane[j];
  }
  double best = -1.0;
  for (; i < n; ++i) best = x[i] > best ? x[i] : best;
  for (double l : lane) best = l > best ? l : best;
  return best;
}

// A tenant's worst hour and highest sessions in one (row, month).
struct Fold {
  double load = -1;
  int hour = -1;
  double max_sessions = 0;
};

// What the kernel reads and writes for one tenant. Rows are the samples, then the mid.
struct TenantKernel {
  const TenantModel* model = nullptr;
  const double* coef = nullptr;  // rows × terms
  Fold* folds = nullptr;         // rows × months
  double* hourly_mid = nullptr;  // classes × hours, or null
};

// The estate's worst hour and highest sessions in one (row, month): the first hour holding the
// month's largest offered load, and the largest sessions (-1 before any hour).
struct EstatePeak {
  double load = -1;
  int hour = -1;
  double max_sessions = -1;
};

// The kernel's shared inputs and the estate's per-row accumulators: either every hour
// (estate_load and estate_sessions, rows × hours, when the tenants run in several kernels and
// each adds its part), or, when one kernel runs every tenant, only each (row, month)'s peak
// (estate_peaks, rows × months): a block's hours are then complete once every tenant has added
// to them, and are folded into the peaks from a per-thread block instead of tens of MiB.
struct Kernel {
  const Horizon* horizon = nullptr;
  const double* cpu_cores = nullptr;  // per class: cpu_ms / 1000 (0 for long-lived)
  int classes = 0;
  int session_class = -1;
  int mid_row = 0;
  double* estate_load = nullptr;       // rows × hours, or null
  double* estate_sessions = nullptr;   // rows × hours, or null
  EstatePeak* estate_peaks = nullptr;  // rows × months, or null
  std::vector<TenantKernel> tenants;
};

// Runs every tenant of `k` over all hours and rows, splitting the rows over `threads` threads;
// each row is written by exactly one thread, so the thread count never changes a result.
// REQUIRES: exactly one of estate_load (with estate_sessions) and estate_peaks is set.
void RunKernel(const Kernel& k, int rows, int threads);

}  // namespace headroom
