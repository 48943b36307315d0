#include "plan/cells.h"

#include <algorithm>

namespace headroom {

double CellShare(const MonthPlan& m) {
  return m.postgres.clusters > 1 ? std::clamp(m.postgres.cluster_share, 1e-9, 1.0) : 1.0;
}

OdooSizing CellOdoo(const MonthPlan& m) {
  const double share = CellShare(m);
  OdooSizing odoo = m.odoo;
  if (share >= 1.0) return odoo;
  odoo.pods = CellCount(m.odoo.pods, share);
  odoo.http_workers = odoo.pods * std::max(1, odoo.workers_per_pod);
  odoo.hpa_min_replicas = std::min(odoo.pods, CellCount(m.odoo.hpa_min_replicas, share));
  odoo.hpa_max_replicas = std::max(odoo.pods, CellCount(m.odoo.hpa_max_replicas, share));
  odoo.cron_workers = CellCount(m.odoo.cron_workers, share);
  odoo.cron_pods = CellCount(m.odoo.cron_pods, share);
  return odoo;
}

MonthPlan CellMonth(const MonthPlan& m) {
  MonthPlan cell = m;
  cell.odoo = CellOdoo(m);
  return cell;
}

}  // namespace headroom
