#include "emit/cnpg.h"

#include <algorithm>
#include <cmath>

#include "emit/k8s.h"
#include "emit/postgres_conf.h"
#include "estate/model.h"
#include "plan/plan.h"
#include "plan/workloads.h"

namespace headroom::emit {
namespace {

Json ParameterMap(const PostgresSizing& pg) {
  Json p = Json::object();
  for (const auto& [name, value] : PostgresParameters(pg, true)) p[name] = value;
  return p;
}

Json PostgresSection(const PostgresSizing& pg) {
  Json section{{"parameters", ParameterMap(pg)}};
  // Synchronous replication only where an RPO below archive_timeout asks for it: a commit then
  // waits for one standby (quorum of any), with the plan's data durability.
  if (pg.synchronous_standby && pg.instances >= 2) {
    Json sync{{"method", "any"}, {"number", 1}};
    if (!pg.data_durability.empty()) sync["dataDurability"] = pg.data_durability;
    section["synchronous"] = sync;
  }
  return section;
}

// Guaranteed QoS: requests equal limits, so the kernel never reclaims shared_buffers' memory
// under pressure. Memory is the instance's RAM plus the processes beyond shared memory.
Json InstanceResources(const PostgresSizing& pg) {
  const double memory_mib = pg.memory_gib * 1024.0 + kPostgresPodOverheadMib;
  const double cpu_m = pg.vcpu * 1000.0;
  return Resources(ContainerResources{cpu_m, cpu_m, memory_mib, memory_mib, 0});
}

// Odoo creates each tenant's database itself (dbfilter maps hosts to databases), so its role
// may create databases; CloudNativePG keeps its password in the `<cluster>-app` secret.
Json Bootstrap() {
  return Json{{"initdb",
               {{"database", "odoo"},
                {"owner", "odoo"},
                {"dataChecksums", true},
                {"postInitSQL", Json::array({"ALTER ROLE odoo CREATEDB"})}}}};
}

// The data volume's claim: on the cluster's default StorageClass, unless the plan put the volume
// on another class of the catalog than its default one (io2 beyond gp3's IOPS): then the
// StorageClass named after it, which must exist with the IOPS the plan provisions
// (docs/artifacts.md). An absent class fails the claim loudly instead of running short of IOPS.
Json DataStorage(const EmitContext& context) {
  Json storage{{"size", StorageQuantity(context.month.postgres.storage_gib)},
               {"resizeInUseVolumes", true}};
  const std::string& chosen = context.month.cost.block_storage_class;
  if (!chosen.empty() && chosen != context.plan_settings.catalog.block_storage.name) {
    storage["storageClass"] = DnsLabel(chosen);
  }
  return storage;
}

Json Cluster(const EmitContext& context) {
  const PostgresSizing& pg = context.month.postgres;
  Json c = Object("postgresql.cnpg.io/v1", "Cluster", kCluster, "postgres");
  c["spec"] = {
      {"instances", pg.instances},
      {"imageName", context.settings.postgres_image},
      {"primaryUpdateStrategy", "unsupervised"},
      {"postgresql", PostgresSection(pg)},
      {"bootstrap", Bootstrap()},
      {"resources", InstanceResources(pg)},
      {"storage", DataStorage(context)},
      {"walStorage", {{"size", StorageQuantity(pg.wal_storage_gib)}, {"resizeInUseVolumes", true}}},
      {"affinity",
       {{"enablePodAntiAffinity", true},
        {"topologyKey", "topology.kubernetes.io/zone"},
        {"podAntiAffinityType",
         context.estate.policy.survive_zone_loss ? "required" : "preferred"}}},
      {"enablePDB", true},
      {"monitoring", {{"enablePodMonitor", true}}},
      {"plugins", Json::array({Json{{"name", kBarmanPlugin},
                                    {"isWALArchiver", true},
                                    {"parameters", {{"barmanObjectName", kObjectStore}}}}})}};
  return c;
}

Json SecretKey(const std::string& secret, const char* key) {
  return Json{{"name", secret}, {"key", key}};
}

Json ObjectStore(const EmitContext& context) {
  const EmitSettings& s = context.settings;
  Json o = Object("barmancloud.cnpg.io/v1", "ObjectStore", kObjectStore, "postgres");
  const std::string path =
      s.backup_destination + "/" + DnsLabel(context.estate.name) + "/" + kCluster;
  o["spec"] = {
      {"retentionPolicy", std::to_string(context.plan_settings.storage.retention_days) + "d"},
      {"configuration",
       {{"destinationPath", path},
        {"s3Credentials",
         {{"accessKeyId", SecretKey(s.backup_credentials_secret, "ACCESS_KEY_ID")},
          {"secretAccessKey", SecretKey(s.backup_credentials_secret, "ACCESS_SECRET_KEY")}}},
        // gzip matches the compression the storage sizing assumes (backup_compression);
        // server-side encryption of every object.
        {"wal", {{"compression", "gzip"}, {"encryption", "AES256"}}},
        {"data", {{"compression", "gzip"}, {"encryption", "AES256"}}}}}};
  return o;
}

Json ScheduledBackup(const EmitContext& context) {
  Json b = Object("postgresql.cnpg.io/v1", "ScheduledBackup", kCluster + std::string("-base"),
                  "postgres");
  b["spec"] = {{"schedule", BackupSchedule(context.plan_settings.storage.base_backups_per_week,
                                           context.settings.backup_hour_utc)},
               {"cluster", {{"name", kCluster}}},
               {"method", "plugin"},
               {"pluginConfiguration", {{"name", kBarmanPlugin}}},
               {"backupOwnerReference", "self"},
               // A standby takes the backup's read load off the primary when there is one.
               {"target", "prefer-standby"},
               {"immediate", true}};
  return b;
}

// The poolers' pods as the packer placed them (plan/workloads.h).
PodGroup PgBouncerGroup(const EmitContext& context) {
  const std::vector<PodGroup> groups = CellWorkloads(context.month, context.estate.policy);
  return *std::find_if(groups.begin(), groups.end(),
                       [](const PodGroup& g) { return g.name == "pgbouncer"; });
}

Json Pooler(const EmitContext& context, const char* name, bool session) {
  const PodGroup bouncers = PgBouncerGroup(context);
  Json p = Object("postgresql.cnpg.io/v1", "Pooler", name, "pgbouncer");
  Json parameters = Json::object();
  for (const auto& [key, value] : PgBouncerPoolParameters(context.month.postgres.pools, session)) {
    parameters[key] = value;
  }
  const auto cpu = static_cast<double>(bouncers.cpu_request_m);
  const auto memory = static_cast<double>(bouncers.memory_request_mib);
  Json container{{"name", "pgbouncer"},
                 {"resources", Resources(ContainerResources{cpu, cpu, memory, memory, 0})}};
  p["spec"] = {{"cluster", {{"name", kCluster}}},
               {"instances", bouncers.replicas},
               {"type", "rw"},
               {"pgbouncer",
                {{"poolMode", session ? "session" : "transaction"}, {"parameters", parameters}}},
               {"monitoring", {{"enablePodMonitor", true}}},
               {"template",
                {{"metadata", {{"labels", SelectorLabels(name)}}},
                 {"spec",
                  {{"topologySpreadConstraints", TopologySpread(name, context.estate.policy)},
                   {"containers", Json::array({container})}}}}}};
  return p;
}

}  // namespace

std::string BackupSchedule(int backups_per_week, int hour_utc) {
  const int n = std::clamp(backups_per_week, 1, 7);
  std::string days;
  if (n == 7) {
    days = "*";
  } else {
    for (int i = 0; i < n; ++i) {
      if (!days.empty()) days += ",";
      days += std::to_string(i * 7 / n);
    }
  }
  return "0 0 " + std::to_string(hour_utc) + " * * " + days;
}

Manifests CnpgManifests(const EmitContext& context) {
  return Manifests{
      {"base/postgres/cluster.yaml", Cluster(context)},
      {"base/postgres/objectstore.yaml", ObjectStore(context)},
      {"base/postgres/scheduledbackup.yaml", ScheduledBackup(context)},
      {"base/postgres/pooler-transaction.yaml", Pooler(context, kPoolerTransaction, false)},
      {"base/postgres/pooler-session.yaml", Pooler(context, kPoolerSession, true)},
  };
}

}  // namespace headroom::emit
