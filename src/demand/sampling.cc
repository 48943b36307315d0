#include "demand/sampling.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "common/random.h"

namespace headroom {
namespace {

// Concurrency ratios are shares of users: a draw above 1 is clamped to 1.
constexpr double kMaxRatio = 1.0;

std::string GrowthPath(const Tenant& tenant, size_t index, std::string_view field) {
  const GrowthStep& step = tenant.sites.growth[index];
  const std::string key = step.name.empty() ? fmt::format("#{}", index) : step.name;
  return FieldPath(tenant.name, fmt::format("sites/growth/{}/{}", key, field));
}

// Walks every interval of a tenant in TenantDraw's order; `visit(interval, path, ceiling, out)`.
using Visit = std::function<void(const Interval&, const std::string&, double, double&)>;

void ForEachInterval(const Tenant& t, TenantDraw& d, const Visit& visit) {
  visit(t.sites.users_per_site, FieldPath(t.name, "sites/users_per_site"), 1e300, d.users_per_site);
  visit(t.central_users, FieldPath(t.name, "central_users"), 1e300, d.central_users);
  visit(t.concurrency_ratio, FieldPath(t.name, "concurrency_ratio"), kMaxRatio,
        d.concurrency_ratio);
  visit(t.requests_per_user_hour, FieldPath(t.name, "requests_per_user_hour"), 1e300,
        d.requests_per_user_hour);
  if (t.portal) {
    visit(t.portal->users, FieldPath(t.name, "portal/users"), 1e300, d.portal_users);
    visit(t.portal->concurrency_ratio, FieldPath(t.name, "portal/concurrency_ratio"), kMaxRatio,
          d.portal_concurrency_ratio);
    visit(t.portal->requests_per_user_hour, FieldPath(t.name, "portal/requests_per_user_hour"),
          1e300, d.portal_requests_per_user_hour);
  }
  d.calls_per_day.assign(t.integrations.size(), 0.0);
  for (size_t i = 0; i < t.integrations.size(); ++i) {
    const Integration& in = t.integrations[i];
    visit(in.calls_per_day,
          FieldPath(t.name, fmt::format("integrations/{}/calls_per_day", in.name)), 1e300,
          d.calls_per_day[i]);
  }
  d.growth_users_per_site.assign(t.sites.growth.size(), 0.0);
  d.growth_central_users.assign(t.sites.growth.size(), 0.0);
  for (size_t i = 0; i < t.sites.growth.size(); ++i) {
    const GrowthStep& step = t.sites.growth[i];
    if (step.kind != GrowthKind::kAcquisition) continue;
    if (step.users_per_site) {
      visit(*step.users_per_site, GrowthPath(t, i, "users_per_site"), 1e300,
            d.growth_users_per_site[i]);
    } else {
      d.growth_users_per_site[i] = d.users_per_site;
    }
    visit(step.central_users, GrowthPath(t, i, "central_users"), 1e300, d.growth_central_users[i]);
  }
  visit(t.documents.mib_per_site_month, FieldPath(t.name, "documents/mib_per_site_month"), 1e300,
        d.documents_mib_per_site_month);
  visit(t.documents.central_mib_month, FieldPath(t.name, "documents/central_mib_month"), 1e300,
        d.documents_central_mib_month);
}

}  // namespace

uint64_t SampleSeed(uint64_t seed, int sample) {
  // SplitMix64's finaliser (Steele, Lea & Flood 2014) of the sample index.
  uint64_t z = static_cast<uint64_t>(sample) * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return seed ^ (z ^ (z >> 31));
}

std::string FieldPath(std::string_view tenant, std::string_view field) {
  std::string path = "tenants/";
  path += tenant;
  path += '/';
  path += field;
  return path;
}

double DrawInterval(const Interval& interval, uint64_t seed, int sample, std::string_view path,
                    double floor, double ceiling) {
  RandomStream stream(SampleSeed(seed, sample), path);
  return std::min(interval.Sample(stream, floor), ceiling);
}

std::vector<std::string> TenantFieldPaths(const Tenant& tenant) {
  std::vector<std::string> paths;
  TenantDraw scratch;
  ForEachInterval(tenant, scratch, [&](const Interval&, const std::string& path, double, double&) {
    paths.push_back(path);
  });
  return paths;
}

TenantDraw DrawTenant(const Tenant& tenant, uint64_t seed, int sample) {
  TenantDraw d;
  ForEachInterval(tenant, d,
                  [&](const Interval& in, const std::string& path, double ceiling, double& out) {
                    out = DrawInterval(in, seed, sample, path, 0.0, ceiling);
                  });
  return d;
}

TenantDraw MidTenantDraw(const Tenant& tenant) {
  TenantDraw d;
  ForEachInterval(tenant, d,
                  [](const Interval& in, const std::string&, double ceiling, double& out) {
                    out = std::clamp(in.mid, 0.0, ceiling);
                  });
  return d;
}

}  // namespace headroom
