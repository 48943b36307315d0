#pragma once
// Synthetic estates for benchmarks and scale tests.

#include <cstdint>

#include "estate/model.h"

namespace headroom {

// An estate of `tenants` tenants over `months` months starting 2027-01, deterministic in `seed`:
// the example estate's five request classes and five events; tenants spread over nine time
// zones (Asia/Kolkata's half-hour offset included), 1 to 40 sites with steps, ramps and
// occasional acquisitions, uncertain users and rates, a portal, one to three integrations
// (some per site, some in a night window), a nightly job, holidays, and recovery objectives.
// Every tenant produces load in all five classes. REQUIRES: tenants >= 0, 1 <= months <= 60.
Estate GenerateEstate(int tenants, int months, uint64_t seed);

}  // namespace headroom
