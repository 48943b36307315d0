#pragma once
// Cells: with several PostgreSQL clusters each serves a cell, an Odoo deployment of its own for
// the tenants whose databases it holds (docs/sizing-postgres.md, "Several clusters"). Every cell
// is sized as the busiest: the estate's Odoo counts times the busiest cluster's share.

#include "plan/plan.h"

namespace headroom {

// The share of the estate one cell carries: postgres.cluster_share with several clusters, 1
// with one.
double CellShare(const MonthPlan& m);

// `count` of the estate's for one cell carrying `share`: ⌈share × count⌉, at least 1 where
// count is; `count` itself for a share of 1.
int CellCount(int count, double share);

// The Odoo deployment of one cell: pods, HTTP workers, HPA bounds and cron workers times the
// cell's share, rounded up; per-pod figures unchanged. The estate's own for one cluster.
OdooSizing CellOdoo(const MonthPlan& m);

// The month as one cell runs it: CellOdoo in place of the estate's Odoo; PostgreSQL is already
// one cluster's, the rest is shared by the cells.
MonthPlan CellMonth(const MonthPlan& m);

}  // namespace headroom
