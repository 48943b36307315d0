// SynthesizeDemand: tenants in small groups, samples streamed.
//
// Pass 1, per group of tenants: build their TenantModels (bases), draw their inputs for every
// sample and for the mid, then run the kernel (kernel.h): for each block of hours, each tenant
// and each sample row, evaluate every class's rates (Σ coefficient × basis) and fold them into
// the tenant's offered load, its per-month worst hour, its sessions, and the estate's per-row
// hourly offered load and sessions. The tenant's windows follow from its worst hours and its
// sustained basis sums.
//
// Between the passes: the estate's worst hour per month and row is the argmax of its hourly
// offered load. Only that load and the sessions are kept per hour (rows × hours × 2 doubles,
// about 36 MB for 24 months and 129 rows), never the per-class series.
//
// Pass 2, per tenant: rebuild the model and add the tenant's per-class rates at the estate's
// worst hours into the estate's peak and recovery windows, with the events coinciding there.

#include <algorithm>
#include <cmath>

#include "common/zeroed_doubles.h"
#include "demand/demand.h"
#include "demand/kernel.h"
#include "demand/tenant_model.h"

namespace headroom {
namespace {

// Progress share of pass 1 (the kernel); pass 2 takes the rest.
constexpr double kPass1Share = 0.9;

// The synthesis of one estate; owns the estate-wide accumulators.
class Synthesis {
 public:
  Synthesis(const Estate& estate, const DemandOptions& options, const ProgressFn* progress)
      : estate_(estate),
        options_(options),
        progress_(progress),
        horizon_(Horizon::Make(estate.start, estate.horizon_months)),
        rows_(options.samples + 1) {}

  Result<Demand> Run();

 private:
  void Init();
  void StartTenant(const TenantModel& model, TenantDemand& t);
  Status Pass1();
  [[nodiscard]] EstatePeak MonthPeak(int row, int month) const;
  void PickEstatePeaks();
  Status Pass2();
  void Finish();

  void Report(double fraction) const {
    if (progress_ != nullptr && *progress_) (*progress_)(fraction);
  }
  [[nodiscard]] int Months() const { return horizon_.months; }
  [[nodiscard]] size_t GroupTenants() const {
    return static_cast<size_t>(std::max(1, options_.group_tenants));
  }
  [[nodiscard]] int Classes() const { return static_cast<int>(out_.classes.size()); }
  std::vector<double> Coefficients(const TenantModel& model, const TenantDemand& t) const;
  void TenantWindows(const TenantModel& model, const std::vector<double>& coef,
                     const std::vector<Fold>& folds, TenantDemand& t);
  void ValuesAt(const TenantModel& model, const double* cf, int hour, std::span<double> rates,
                double& sessions) const;
  void SustainedAt(const TenantModel& model, const double* cf, int month, std::span<double> rates,
                   double& sessions) const;
  void AddBatch(const TenantModel& model, TenantDemand& t);
  void AddDocuments(const TenantModel& model, TenantDemand& t);
  void AddRequestVolumes(const TenantModel& model, const std::vector<double>& coef,
                         TenantDemand& t);
  [[nodiscard]] WindowTable& EstateTable(int row) {
    return row == options_.samples ? out_.estate_mid : out_.estate;
  }
  [[nodiscard]] int TableRow(int row) const { return row == options_.samples ? 0 : row; }

  const Estate& estate_;
  const DemandOptions& options_;
  const ProgressFn* progress_;
  Horizon horizon_;
  int rows_;
  Demand out_;
  std::vector<double> cpu_ms_;     // per class: app + db CPU ms (0 for long-lived)
  std::vector<double> cpu_cores_;  // per class: cpu_ms_ / 1000
  int session_class_ = -1;
  std::vector<std::vector<int>> job_sources_;  // per tenant, per nightly job
  // One kernel runs every tenant when they fit one group: it folds the estate's hours into
  // each (row, month)'s peak as it goes (demand/kernel.h), and the hourly tables stay empty.
  bool fold_peaks_ = false;
  ZeroedDoubles estate_load_;                          // rows × hours, unless folding
  ZeroedDoubles estate_sessions_;                      // rows × hours, unless folding
  std::vector<EstatePeak> estate_peaks_;               // rows × months, when folding
  std::vector<int> estate_peak_hour_;                  // rows × months
  std::vector<std::vector<TenantEvents>> coinciding_;  // rows × months
  WindowTable scratch_;                                // a tenant's sample windows when not kept
};

void Synthesis::Init() {
  out_.estate_name = estate_.name;
  out_.horizon = horizon_;
  out_.samples = options_.samples;
  out_.seed = options_.seed;
  out_.planning = estate_.planning;
  for (size_t c = 0; c < estate_.request_classes.size(); ++c) {
    const RequestClass& rc = estate_.request_classes[c];
    const double cpu_ms = rc.long_lived ? 0.0 : rc.app_cpu_ms + rc.db_cpu_ms;
    out_.classes.push_back(DemandClass{rc.name, rc.long_lived, cpu_ms});
    cpu_ms_.push_back(cpu_ms);
    cpu_cores_.push_back(cpu_ms / 1000.0);
    if (rc.long_lived) session_class_ = static_cast<int>(c);
  }
  for (const CalendarEvent& e : estate_.events) {
    out_.event_names.push_back(e.name);
    out_.batch_sources.push_back(e.name);
  }
  for (const Tenant& t : estate_.tenants) {
    std::vector<int> sources;
    for (const NightlyJob& job : t.nightly_jobs) {
      auto it = std::find(out_.batch_sources.begin() + static_cast<long>(estate_.events.size()),
                          out_.batch_sources.end(), job.name);
      sources.push_back(static_cast<int>(it - out_.batch_sources.begin()));
      if (it == out_.batch_sources.end()) out_.batch_sources.push_back(job.name);
    }
    job_sources_.push_back(std::move(sources));
  }
  const int classes = Classes();
  out_.estate = WindowTable(Months(), options_.samples, classes);
  out_.estate_mid = WindowTable(Months(), 1, classes);
  if (!options_.keep_tenant_samples) scratch_ = WindowTable(Months(), options_.samples, classes);
  fold_peaks_ = estate_.tenants.size() <= GroupTenants();
  if (fold_peaks_) {
    estate_peaks_.assign(static_cast<size_t>(rows_) * static_cast<size_t>(Months()), {});
  } else {
    const size_t cells = static_cast<size_t>(rows_) * static_cast<size_t>(horizon_.hours);
    estate_load_ = ZeroedDoubles(cells);
    estate_sessions_ = ZeroedDoubles(cells);
  }
  out_.batch.assign(static_cast<size_t>(Months()), BatchMonth{});
  out_.documents_mib.assign(static_cast<size_t>(Months()) * options_.samples, 0.0);
  out_.documents_mid_mib.assign(static_cast<size_t>(Months()), 0.0);
  out_.requests_month.assign(static_cast<size_t>(Months()) * options_.samples * classes, 0.0);
  out_.requests_mid.assign(static_cast<size_t>(Months()) * classes, 0.0);
}

std::vector<double> Synthesis::Coefficients(const TenantModel& model, const TenantDemand& t) const {
  const auto terms = static_cast<size_t>(model.TermCount());
  std::vector<double> coef(static_cast<size_t>(rows_) * terms);
  for (int r = 0; r < rows_; ++r) {
    const TenantDraw& draw = r == options_.samples ? t.mid_draw : t.draws[static_cast<size_t>(r)];
    for (size_t k = 0; k < terms; ++k) {
      coef[static_cast<size_t>(r) * terms + k] = Coefficient(model.terms[k], draw);
    }
  }
  return coef;
}

void Synthesis::ValuesAt(const TenantModel& model, const double* cf, int hour,
                         std::span<double> rates, double& sessions) const {
  sessions = 0;
  for (int c = 0; c < Classes(); ++c) {
    double v = 0;
    if (HasTerms(model, c)) ClassValues(model, c, cf, hour, 1, &v);
    if (c == session_class_) {
      sessions = v;
      v = 0;
    }
    rates[static_cast<size_t>(c)] = v;
  }
}

void Synthesis::SustainedAt(const TenantModel& model, const double* cf, int month,
                            std::span<double> rates, double& sessions) const {
  const double hours = model.sustained_hours[static_cast<size_t>(month)];
  sessions = 0;
  for (int c = 0; c < Classes(); ++c) {
    double sum = 0;
    for (int k = model.class_terms[static_cast<size_t>(c)];
         k < model.class_terms[static_cast<size_t>(c) + 1]; ++k) {
      sum += cf[k] * model.sustained_sums[static_cast<size_t>(k) * Months() + month];
    }
    double v = hours > 0 ? sum / hours : 0.0;
    if (c == session_class_) {
      sessions = v;
      v = 0;
    }
    rates[static_cast<size_t>(c)] = v;
  }
}

// The tenant's three windows for every (row, month), and its sustained part of the estate's.
void Synthesis::TenantWindows(const TenantModel& model, const std::vector<double>& coef,
                              const std::vector<Fold>& folds, TenantDemand& t) {
  WindowTable& samples = options_.keep_tenant_samples ? t.windows : scratch_;
  const Planning& plan = estate_.planning;
  const auto terms = static_cast<size_t>(model.TermCount());
  const int span_hours =
      static_cast<int>(std::ceil(model.min_rto_hours + plan.backlog_drain_hours));
  for (int r = 0; r < rows_; ++r) {
    WindowTable& table = r == options_.samples ? t.mid : samples;
    const int row = TableRow(r);
    const double* cf = coef.data() + static_cast<size_t>(r) * terms;
    for (int m = 0; m < Months(); ++m) {
      const Fold& f = folds[static_cast<size_t>(r) * Months() + m];
      // Sustained.
      std::span<double> sustained = table.Rates(m, row, WindowKind::kSustained);
      WindowFacts& sf = table.Facts(m, row, WindowKind::kSustained);
      sf = WindowFacts{};
      SustainedAt(model, cf, m, sustained, sf.sessions);
      sf.offered_cpu_cores = OfferedCpuCores(sustained, cpu_ms_);
      sf.max_sessions = f.max_sessions;
      // Peak.
      std::span<double> peak = table.Rates(m, row, WindowKind::kPeak);
      WindowFacts& pf = table.Facts(m, row, WindowKind::kPeak);
      ValuesAt(model, cf, f.hour, peak, pf.sessions);
      pf.offered_cpu_cores = OfferedCpuCores(peak, cpu_ms_);
      pf.max_sessions = f.max_sessions;
      pf.hour = f.hour;
      pf.events = model.EventsAt(f.hour);
      pf.batch_cpu_s = model.in_flight.CpuSecondsOverlapping(f.hour, f.hour + 1);
      // Recovery.
      std::span<double> recovery = table.Rates(m, row, WindowKind::kRecovery);
      WindowFacts& rf = table.Facts(m, row, WindowKind::kRecovery);
      for (int c = 0; c < Classes(); ++c) {
        const auto ci = static_cast<size_t>(c);
        recovery[ci] = RecoveryRatePerS(peak[ci], model.rto_hours[ci], plan);
      }
      rf = pf;
      rf.offered_cpu_cores = OfferedCpuCores(recovery, cpu_ms_);
      rf.batch_cpu_s = model.in_flight.CpuSecondsOverlapping(f.hour, f.hour + span_hours);
      // The estate's sustained window is the sum of its tenants'.
      WindowTable& estate = EstateTable(r);
      std::span<double> es = estate.Rates(m, row, WindowKind::kSustained);
      for (int c = 0; c < Classes(); ++c)
        es[static_cast<size_t>(c)] += sustained[static_cast<size_t>(c)];
      estate.Facts(m, row, WindowKind::kSustained).sessions += sf.sessions;
    }
  }
  if (options_.samples > 0) t.summary = SummarizeWindows(samples, plan.quantile);
}

void Synthesis::AddBatch(const TenantModel& model, TenantDemand& t) {
  t.batch.assign(static_cast<size_t>(Months()), BatchMonth{});
  auto heavier = [](const BatchRelease& a, const BatchRelease& b) {
    if (a.cpu_seconds != b.cpu_seconds) return a.cpu_seconds > b.cpu_seconds;
    if (a.hour != b.hour) return a.hour < b.hour;
    return a.tenant != b.tenant ? a.tenant < b.tenant : a.source < b.source;
  };
  auto add = [&](BatchMonth& month, const BatchRelease& r) {
    month.total_cpu_s += r.cpu_seconds;
    ++month.releases;
    if (!month.heaviest || heavier(r, *month.heaviest)) month.heaviest = r;
  };
  for (const BatchRelease& r : model.releases) {
    const auto m = static_cast<size_t>(horizon_.MonthOfHour(r.hour));
    add(t.batch[m], r);
    add(out_.batch[m], r);
  }
  if (options_.keep_batch_releases) {
    out_.batch_releases.insert(out_.batch_releases.end(), model.releases.begin(),
                               model.releases.end());
  }
}

void Synthesis::AddDocuments(const TenantModel& model, TenantDemand& t) {
  const auto samples = static_cast<size_t>(options_.samples);
  t.documents_mib.assign(static_cast<size_t>(Months()) * samples, 0.0);
  t.documents_mid_mib.assign(static_cast<size_t>(Months()), 0.0);
  auto mib = [&](const TenantDraw& d, int m) {
    return model.growth.TotalSites(m) * d.documents_mib_per_site_month +
           d.documents_central_mib_month;
  };
  for (int m = 0; m < Months(); ++m) {
    const auto mi = static_cast<size_t>(m);
    for (size_t s = 0; s < samples; ++s) {
      const double v = mib(t.draws[s], m);
      t.documents_mib[mi * samples + s] = v;
      out_.documents_mib[mi * samples + s] += v;
    }
    t.documents_mid_mib[mi] = mib(t.mid_draw, m);
    out_.documents_mid_mib[mi] += t.documents_mid_mib[mi];
  }
}

// Requests per whole month: Σ_k coefficient × (Σ of basis k over the month's hours) × 3600,
// since the bases hold rates per second for each hour; session-hours for the long-lived class.
void Synthesis::AddRequestVolumes(const TenantModel& model, const std::vector<double>& coef,
                                  TenantDemand& t) {
  const auto terms = static_cast<size_t>(model.TermCount());
  const auto classes = static_cast<size_t>(Classes());
  const auto months = static_cast<size_t>(Months());
  t.requests_mid.assign(months * classes, 0.0);
  for (int r = 0; r < rows_; ++r) {
    const double* cf = coef.data() + static_cast<size_t>(r) * terms;
    const bool mid = r == options_.samples;
    for (size_t m = 0; m < months; ++m) {
      for (size_t c = 0; c < classes; ++c) {
        double sum = 0;
        for (int k = model.class_terms[c]; k < model.class_terms[c + 1]; ++k) {
          sum += cf[k] * model.month_sums[static_cast<size_t>(k) * months + m];
        }
        // Bases hold rates per second (sessions for the long-lived class): an hour of a rate
        // is 3600 requests, an hour of a session is one session-hour.
        const double requests = static_cast<int>(c) == session_class_ ? sum : sum * 3600.0;
        if (mid) {
          t.requests_mid[m * classes + c] = requests;
          out_.requests_mid[m * classes + c] += requests;
        } else {
          const size_t row = m * static_cast<size_t>(options_.samples) + static_cast<size_t>(r);
          out_.requests_month[row * classes + c] += requests;
        }
      }
    }
  }
}

void Synthesis::StartTenant(const TenantModel& model, TenantDemand& t) {
  const Tenant& tenant = estate_.tenants[static_cast<size_t>(model.tenant_index)];
  t.name = tenant.name;
  t.time_zone = tenant.time_zone;
  for (int m = 0; m < Months(); ++m) {
    t.sites.push_back(model.growth.TotalSites(m));
    t.added_sites.push_back(model.growth.AddedSites(m));
  }
  t.rto_hours = model.rto_hours;
  t.recovery_span_hours = model.min_rto_hours + estate_.planning.backlog_drain_hours;
  t.draws.reserve(static_cast<size_t>(options_.samples));
  for (int s = 0; s < options_.samples; ++s) {
    t.draws.push_back(DrawTenant(tenant, options_.seed, s));
  }
  t.mid_draw = MidTenantDraw(tenant);
  t.first_local_date = model.clock.FirstDate();
  t.day_events = model.day_events;
  t.utc_offsets = model.clock.Offsets();
  if (options_.keep_tenant_samples) t.windows = WindowTable(Months(), options_.samples, Classes());
  t.mid = WindowTable(Months(), 1, Classes());
  if (options_.keep_hourly_mid) {
    t.hourly_mid.assign(static_cast<size_t>(Classes()) * static_cast<size_t>(horizon_.hours), 0.0);
  }
  for (int c = 0; c < Classes(); ++c) {
    if (HasTerms(model, c)) out_.points += static_cast<int64_t>(horizon_.hours) * options_.samples;
  }
}

Status Synthesis::Pass1() {
  const auto tenants = estate_.tenants.size();
  out_.tenants.resize(tenants);
  for (size_t first = 0; first < tenants; first += GroupTenants()) {
    const size_t last = std::min(tenants, first + GroupTenants());
    std::vector<TenantModel> models;
    for (size_t ti = first; ti < last; ++ti) {
      Result<TenantModel> built =
          BuildTenantModel(estate_, static_cast<int>(ti), horizon_, job_sources_[ti]);
      if (!built.ok()) return built.errors();
      models.push_back(std::move(built).value());
      StartTenant(models.back(), out_.tenants[ti]);
    }
    std::vector<std::vector<double>> coefs;
    std::vector<std::vector<Fold>> folds;
    Kernel k;
    k.horizon = &horizon_;
    k.cpu_cores = cpu_cores_.data();
    k.classes = Classes();
    k.session_class = session_class_;
    k.mid_row = options_.samples;
    if (fold_peaks_) {
      k.estate_peaks = estate_peaks_.data();
    } else {
      k.estate_load = estate_load_.data();
      k.estate_sessions = estate_sessions_.data();
    }
    for (size_t g = 0; g < models.size(); ++g) {
      TenantDemand& t = out_.tenants[first + g];
      coefs.push_back(Coefficients(models[g], t));
      folds.emplace_back(static_cast<size_t>(rows_) * static_cast<size_t>(Months()));
    }
    for (size_t g = 0; g < models.size(); ++g) {
      TenantDemand& t = out_.tenants[first + g];
      k.tenants.push_back(TenantKernel{&models[g], coefs[g].data(), folds[g].data(),
                                       t.hourly_mid.empty() ? nullptr : t.hourly_mid.data()});
    }
    RunKernel(k, rows_, options_.threads);
    for (size_t g = 0; g < models.size(); ++g) {
      TenantDemand& t = out_.tenants[first + g];
      TenantWindows(models[g], coefs[g], folds[g], t);
      AddBatch(models[g], t);
      AddDocuments(models[g], t);
      AddRequestVolumes(models[g], coefs[g], t);
    }
    Report(kPass1Share * static_cast<double>(last) / static_cast<double>(tenants));
  }
  return Status::Ok();
}

EstatePeak Synthesis::MonthPeak(int row, int month) const {
  if (fold_peaks_) return estate_peaks_[static_cast<size_t>(row) * Months() + month];
  const auto hours = static_cast<size_t>(horizon_.hours);
  const double* load = estate_load_.data() + static_cast<size_t>(row) * hours;
  const double* sessions = estate_sessions_.data() + static_cast<size_t>(row) * hours;
  const int begin = horizon_.month_first_hour[static_cast<size_t>(month)];
  const int end = horizon_.month_first_hour[static_cast<size_t>(month) + 1];
  // The first hour holding the maximum: ties go to the earliest hour.
  EstatePeak peak;
  peak.load = BlockMax(load + begin, end - begin);
  peak.hour = static_cast<int>(std::find(load + begin, load + end, peak.load) - load);
  peak.max_sessions = BlockMax(sessions + begin, end - begin);
  return peak;
}

void Synthesis::PickEstatePeaks() {
  estate_peak_hour_.assign(static_cast<size_t>(rows_) * Months(), 0);
  for (int r = 0; r < rows_; ++r) {
    for (int m = 0; m < Months(); ++m) {
      const EstatePeak found = MonthPeak(r, m);
      const int peak = found.hour;
      estate_peak_hour_[static_cast<size_t>(r) * Months() + m] = peak;
      const double max_sessions = std::max(0.0, found.max_sessions);
      WindowTable& table = EstateTable(r);
      for (int k = 0; k < kWindowKinds; ++k) {
        WindowFacts& f = table.Facts(m, TableRow(r), static_cast<WindowKind>(k));
        f.max_sessions = max_sessions;
        if (static_cast<WindowKind>(k) != WindowKind::kSustained) f.hour = peak;
      }
    }
  }
  // The accumulators are no longer needed.
  estate_load_ = {};
  estate_sessions_ = {};
  estate_peaks_ = {};
  coinciding_.assign(static_cast<size_t>(rows_) * Months(), {});
}

Status Synthesis::Pass2() {
  const auto tenants = estate_.tenants.size();
  const Planning& plan = estate_.planning;
  std::vector<double> rates(static_cast<size_t>(Classes()));
  for (size_t ti = 0; ti < tenants; ++ti) {
    Result<TenantModel> built =
        BuildTenantModel(estate_, static_cast<int>(ti), horizon_, job_sources_[ti]);
    if (!built.ok()) return built.errors();
    const TenantModel& model = built.value();
    const TenantDemand& t = out_.tenants[ti];
    const std::vector<double> coef = Coefficients(model, t);
    const auto terms = static_cast<size_t>(model.TermCount());
    const int span_hours =
        static_cast<int>(std::ceil(model.min_rto_hours + plan.backlog_drain_hours));
    for (int r = 0; r < rows_; ++r) {
      WindowTable& table = EstateTable(r);
      const int row = TableRow(r);
      const double* cf = coef.data() + static_cast<size_t>(r) * terms;
      for (int m = 0; m < Months(); ++m) {
        const size_t cell = static_cast<size_t>(r) * Months() + m;
        const int hour = estate_peak_hour_[cell];
        double sessions = 0;
        ValuesAt(model, cf, hour, rates, sessions);
        std::span<double> peak = table.Rates(m, row, WindowKind::kPeak);
        std::span<double> recovery = table.Rates(m, row, WindowKind::kRecovery);
        for (size_t c = 0; c < rates.size(); ++c) {
          peak[c] += rates[c];
          recovery[c] += RecoveryRatePerS(rates[c], model.rto_hours[c], plan);
        }
        WindowFacts& pf = table.Facts(m, row, WindowKind::kPeak);
        WindowFacts& rf = table.Facts(m, row, WindowKind::kRecovery);
        pf.sessions += sessions;
        rf.sessions += sessions;
        pf.batch_cpu_s += model.in_flight.CpuSecondsOverlapping(hour, hour + 1);
        rf.batch_cpu_s += model.in_flight.CpuSecondsOverlapping(hour, hour + span_hours);
        const uint64_t events = model.EventsAt(hour);
        if (events != 0) coinciding_[cell].push_back(TenantEvents{static_cast<int>(ti), events});
        pf.events |= events;
        rf.events |= events;
      }
    }
    Report(kPass1Share +
           (1 - kPass1Share) * static_cast<double>(ti + 1) / static_cast<double>(tenants));
  }
  return Status::Ok();
}

void Synthesis::Finish() {
  for (int r = 0; r < rows_; ++r) {
    WindowTable& table = EstateTable(r);
    for (int m = 0; m < Months(); ++m) {
      for (int k = 0; k < kWindowKinds; ++k) {
        const auto kind = static_cast<WindowKind>(k);
        table.Facts(m, TableRow(r), kind).offered_cpu_cores =
            OfferedCpuCores(table.Rates(m, TableRow(r), kind), cpu_ms_);
      }
    }
  }
  size_t pooled = 0;
  for (const std::vector<TenantEvents>& list : coinciding_) pooled += list.size();
  out_.coinciding_pool.reserve(pooled);
  out_.coinciding_index.resize(static_cast<size_t>(Months()) * options_.samples);
  out_.coinciding_mid_index.resize(static_cast<size_t>(Months()));
  for (int m = 0; m < Months(); ++m) {
    for (int r = 0; r < rows_; ++r) {
      std::vector<TenantEvents>& list = coinciding_[static_cast<size_t>(r) * Months() + m];
      const std::pair<int, int> span{static_cast<int>(out_.coinciding_pool.size()),
                                     static_cast<int>(list.size())};
      out_.coinciding_pool.insert(out_.coinciding_pool.end(), list.begin(), list.end());
      if (r == options_.samples) {
        out_.coinciding_mid_index[static_cast<size_t>(m)] = span;
      } else {
        out_.coinciding_index[static_cast<size_t>(m) * options_.samples + r] = span;
      }
      list = {};
    }
  }
  out_.estate_summary = SummarizeWindows(out_.estate, estate_.planning.quantile);
  std::stable_sort(out_.batch_releases.begin(), out_.batch_releases.end(),
                   [](const BatchRelease& a, const BatchRelease& b) { return a.hour < b.hour; });
}

Result<Demand> Synthesis::Run() {
  Init();
  Report(0.0);
  if (Status s = Pass1(); !s.ok()) return s.errors();
  PickEstatePeaks();
  if (Status s = Pass2(); !s.ok()) return s.errors();
  Finish();
  Report(1.0);
  return std::move(out_);
}

}  // namespace

Result<Demand> SynthesizeDemand(const Estate& estate, const DemandOptions& options,
                                const ProgressFn* progress) {
  if (Status s = CheckDemandInputs(estate, options); !s.ok()) return s.errors();
  return Synthesis(estate, options, progress).Run();
}

}  // namespace headroom
