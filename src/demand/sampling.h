#pragma once
// Monte Carlo draws of a tenant's uncertain inputs.
//
// Every Interval is drawn once per sample from its own named stream,
//   RandomStream(SampleSeed(seed, sample), "tenants/<tenant>/<field path>"),
// so a draw depends only on the run's seed, the sample index and the field's path: adding a
// field, a tenant or a sample never shifts another draw. Sample 0 is an ordinary draw; the
// deterministic "mid" evaluation (every interval at its mid) is a separate draw (MidTenantDraw).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/interval.h"
#include "estate/model.h"

namespace headroom {

// The uncertain inputs of one tenant for one sample. Counts are per the estate's units
// (users, requests per user-hour, calls per day, MiB per month); ratios are in [0, 1].
struct TenantDraw {
  double users_per_site = 0;
  double central_users = 0;
  double concurrency_ratio = 0;
  double requests_per_user_hour = 0;
  double portal_users = 0;
  double portal_concurrency_ratio = 0;
  double portal_requests_per_user_hour = 0;
  std::vector<double> calls_per_day;          // per Tenant::integrations entry
  std::vector<double> growth_users_per_site;  // per Sites::growth entry (acquisitions; else 0)
  std::vector<double> growth_central_users;   // per Sites::growth entry (acquisitions; else 0)
  double documents_mib_per_site_month = 0;
  double documents_central_mib_month = 0;

  friend bool operator==(const TenantDraw&, const TenantDraw&) = default;
};

// The stream seed of sample `sample`: the run's seed XOR a SplitMix64 mix of the index, so
// neighbouring samples get unrelated streams.
uint64_t SampleSeed(uint64_t seed, int sample);

// "tenants/<tenant>/<field>".
std::string FieldPath(std::string_view tenant, std::string_view field);

// One draw of `interval` for `sample` from the stream named `path`, clamped to [floor, ceiling].
double DrawInterval(const Interval& interval, uint64_t seed, int sample, std::string_view path,
                    double floor = 0.0, double ceiling = 1e300);

// The stream path of each of a tenant's intervals, in TenantDraw's order (for plan.json and
// tests); acquisitions are named by GrowthStep::name, or "#<index>" when unnamed.
std::vector<std::string> TenantFieldPaths(const Tenant& tenant);

TenantDraw DrawTenant(const Tenant& tenant, uint64_t seed, int sample);
TenantDraw MidTenantDraw(const Tenant& tenant);

}  // namespace headroom
