#pragma once
// Odoo worker memory: odoo.conf's limits (virtual memory) reconciled with the pod's Kubernetes
// memory request and limit (resident memory).
//
// Odoo checks a worker's VIRTUAL memory size (VMS): after a request, a worker above
// limit_memory_soft is recycled; limit_memory_hard is set as RLIMIT_AS, so an allocation above
// it fails and the request is aborted (odoo/service/server.py). Kubernetes limits the pod's
// RESIDENT memory (cgroup); above it the kernel's OOM killer ends a process of the pod. With
// RSS ≈ rss_per_vms × VMS per worker:
//   worker RSS serving class c     r_c = max(base_worker_rss_mib, worker_memory_mib_c)
//     (worker_memory_mib is the peak resident memory of a worker serving the class, model.h)
//   limit_memory_soft (VMS)        ⌈p95 of r_c by request share / rss_per_vms⌉ to 64 MiB:
//     workers that served one of the heaviest 5% of requests are recycled afterwards
//   limit_memory_hard (VMS)        ⌈1.25 × max(soft, max_c r_c / rss_per_vms)⌉ to 64 MiB:
//     the heaviest class fits with a quarter to spare (1.25 = Odoo's default 2560 / 2048)
//   pod memory request (RSS)       ⌈master_rss_mib + workers × mean r_c weighted by worker time⌉
//     to 64 MiB (λ_c S_c: a heavy request holds its memory for as long as it runs)
//   pod memory limit (RSS)         ⌈master_rss_mib + workers × hard × rss_per_vms⌉ to 64 MiB
//     every worker at the kill threshold at once: the cgroup limit is never reached before
//     Odoo's own limits act, so the kernel never OOM-kills a pod's workers.
// Requests and limits go up in 64 MiB steps: the worker-time mean moves with the class mix, so
// more of a light tenant's traffic makes it a few MiB lighter; to the MiB, that would let a pod
// shrink while the estate grows and the packing change for the sake of a few MiB.

#include <cstdint>

#include "sizing/load.h"
#include "sizing/odoo_sizer.h"

namespace headroom {

struct OdooMemory {
  double worker_rss_p95_mib = 0;     // p95 of r_c by request share
  double worker_rss_max_mib = 0;     // max_c r_c
  double busy_worker_rss_mib = 0;    // mean r_c by worker time
  double limit_memory_soft_mib = 0;  // VMS, a multiple of 64
  double limit_memory_hard_mib = 0;  // VMS, a multiple of 64
  int64_t limit_memory_soft_bytes = 0;
  int64_t limit_memory_hard_bytes = 0;
  double pod_memory_request_mib = 0;  // whole MiB, rounded up
  double pod_memory_limit_mib = 0;    // whole MiB, rounded up
};

// Shares come from the peak window's rates (the first window with load if the peak has none;
// with no load at all every worker is taken at base_worker_rss_mib). REQUIRES:
// workers_per_pod >= 1.
OdooMemory SizeOdooMemory(const MonthLoad& load, int workers_per_pod, const OdooSettings& settings);

}  // namespace headroom
