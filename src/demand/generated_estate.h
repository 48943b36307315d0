#pragma once
// Synthetic estates for benchmarks and scale tests.

#include <cstdint>

#include "estate/model.h"

namespace headroom {

// An estate of `tenants` tenants over `months` months starting 2027-01, deterministic in `seed`:
// the built-in five request classes (their default costs and p95 targets) and the example
// estate's five events; tenants spread over nine time zones (Asia/Kolkata's half-hour offset
// included), 1 to 40 sites with steps, ramps and occasional acquisitions, uncertain users and
// rates, a portal, one to three integrations (some per site, some in a night window), a nightly
// job, holidays, and recovery objectives. Every tenant produces load in all five classes.
// Tenants are healthcare groups of hundreds of staff: a few already take one PostgreSQL volume
// to its IOPS at recovery, and a thousand need about fifteen times the largest PostgreSQL's CPU,
// so their databases are spread over many clusters (docs/sizing-postgres.md, "Several
// clusters"). REQUIRES: tenants >= 0, 1 <= months <= 60.
Estate GenerateEstate(int tenants, int months, uint64_t seed);

}  // namespace headroom
