#pragma once
// Cells: with several PostgreSQL clusters each serves a cell, an Odoo deployment of its own for
// the tenants whose databases it holds (docs/sizing-postgres.md, "Several clusters"). Every cell
// is sized as the busiest: the estate's Odoo counts times the busiest cluster's share.

#include "plan/plan.h"
#include "sizing/postgres_clusters.h"  // CellCount

namespace headroom {

// The share of the estate one cell carries: postgres.cluster_share with several clusters, 1
// with one.
double CellShare(const MonthPlan& m);

// The Odoo deployment of one cell: pods, HTTP workers, HPA bounds and cron workers times the
// cell's share, rounded up; per-pod figures unchanged. The estate's own for one cluster.
OdooSizing CellOdoo(const MonthPlan& m);

// The month as one cell runs it: CellOdoo in place of the estate's Odoo; PostgreSQL is already
// one cluster's, the rest is shared by the cells.
MonthPlan CellMonth(const MonthPlan& m);

}  // namespace headroom
