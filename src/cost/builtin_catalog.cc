// The built-in example catalog. Prices are public on-demand list prices for AWS us-east-1
// (US East, N. Virginia), Linux, shared tenancy, as dated below. They are an example, not a
// quote: every figure and its source is listed in docs/catalog.md, together with the figures
// that could not be confirmed from a stored copy of their source.

#include "cost/catalog.h"

namespace headroom {
namespace {

constexpr const char* kKarpenterPrices =
    "github.com/aws/karpenter-provider-aws pkg/providers/pricing/zz_generated.pricing_aws.go "
    "(generated from the AWS Price List API at 2026-01-19T13:23:24Z for us-east-1; commit "
    "031e72b6099630e960dacb88b48a7e9bb780945f)";
constexpr const char* kEniMaxPods =
    "github.com/awslabs/amazon-eks-ami templates/shared/runtime/eni-max-pods.txt";

// Max pods per size with the VPC CNI (ENI IPs; eni-max-pods.txt): the same for m7i, c7i, r7i.
constexpr int kMaxPodsLarge = 29;
constexpr int kMaxPodsXlarge = 58;
constexpr int kMaxPods2xlarge = 58;
constexpr int kMaxPods4xlarge = 234;
constexpr int kMaxPods8xlarge = 234;
constexpr int kMaxPods12xlarge = 234;
constexpr int kMaxPods16xlarge = 737;

NodeType Node(const char* name, NodeClass node_class, double vcpu, double memory_gib,
              double price_per_hour, int max_pods) {
  return NodeType{name, node_class, vcpu, memory_gib, price_per_hour, max_pods, 0};
}

std::vector<NodeType> NodeTypes() {
  using NC = NodeClass;
  return {
      // General purpose, 4 GiB per vCPU (Intel Xeon 4th gen).
      Node("m7i.large", NC::kGeneralPurpose, 2, 8, 0.1008, kMaxPodsLarge),
      Node("m7i.xlarge", NC::kGeneralPurpose, 4, 16, 0.2016, kMaxPodsXlarge),
      Node("m7i.2xlarge", NC::kGeneralPurpose, 8, 32, 0.4032, kMaxPods2xlarge),
      Node("m7i.4xlarge", NC::kGeneralPurpose, 16, 64, 0.8064, kMaxPods4xlarge),
      Node("m7i.8xlarge", NC::kGeneralPurpose, 32, 128, 1.6128, kMaxPods8xlarge),
      Node("m7i.12xlarge", NC::kGeneralPurpose, 48, 192, 2.4192, kMaxPods12xlarge),
      Node("m7i.16xlarge", NC::kGeneralPurpose, 64, 256, 3.2256, kMaxPods16xlarge),
      // Compute optimised, 2 GiB per vCPU.
      Node("c7i.large", NC::kComputeOptimised, 2, 4, 0.08925, kMaxPodsLarge),
      Node("c7i.xlarge", NC::kComputeOptimised, 4, 8, 0.1785, kMaxPodsXlarge),
      Node("c7i.2xlarge", NC::kComputeOptimised, 8, 16, 0.357, kMaxPods2xlarge),
      Node("c7i.4xlarge", NC::kComputeOptimised, 16, 32, 0.714, kMaxPods4xlarge),
      Node("c7i.8xlarge", NC::kComputeOptimised, 32, 64, 1.428, kMaxPods8xlarge),
      Node("c7i.12xlarge", NC::kComputeOptimised, 48, 96, 2.142, kMaxPods12xlarge),
      Node("c7i.16xlarge", NC::kComputeOptimised, 64, 128, 2.856, kMaxPods16xlarge),
      // Memory optimised, 8 GiB per vCPU.
      Node("r7i.large", NC::kMemoryOptimised, 2, 16, 0.1323, kMaxPodsLarge),
      Node("r7i.xlarge", NC::kMemoryOptimised, 4, 32, 0.2646, kMaxPodsXlarge),
      Node("r7i.2xlarge", NC::kMemoryOptimised, 8, 64, 0.5292, kMaxPods2xlarge),
      Node("r7i.4xlarge", NC::kMemoryOptimised, 16, 128, 1.0584, kMaxPods4xlarge),
      Node("r7i.8xlarge", NC::kMemoryOptimised, 32, 256, 2.1168, kMaxPods8xlarge),
      Node("r7i.12xlarge", NC::kMemoryOptimised, 48, 384, 3.1752, kMaxPods12xlarge),
      Node("r7i.16xlarge", NC::kMemoryOptimised, 64, 512, 4.2336, kMaxPods16xlarge),
  };
}

std::vector<ManagedPostgresType> ManagedPostgres() {
  // RDS for PostgreSQL single-AZ hourly prices; Multi-AZ (one synchronous standby) is billed
  // for both instances, hence the 2.0 multiplier. See docs/catalog.md for their status.
  return {
      {"db.m6i.large", 2, 8, 0.178, 2.0},      {"db.m6i.xlarge", 4, 16, 0.356, 2.0},
      {"db.m6i.2xlarge", 8, 32, 0.712, 2.0},   {"db.m6i.4xlarge", 16, 64, 1.424, 2.0},
      {"db.m6i.8xlarge", 32, 128, 2.848, 2.0},
  };
}

std::vector<PriceReference> References() {
  return {
      {"m7i, c7i and r7i (large to 16xlarge) on-demand hourly prices", kKarpenterPrices, true,
       "read from the generated price table; vCPU and memory are the families' published "
       "shapes"},
      {"max pods per node type", kEniMaxPods, true,
       "VPC CNI without prefix delegation: #ENI x (IPv4 per ENI - 1) + 2"},
      {"gp3: 0.08 per GiB-month; 3,000 IOPS and 125 MiB/s included; 0.005 per IOPS-month and "
       "0.04 per MiB/s-month above",
       "https://docs.aws.amazon.com/prescriptive-guidance/latest/optimize-costs-microsoft-"
       "workloads/ebs-migrate-gp2-gp3.html",
       true, "AWS page, region not stated on it (US East list prices)"},
      {"gp3 limits: 16,000 IOPS and 1,000 MiB/s per volume",
       "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ec2/"
       "aws.sdk.kotlin.services.ec2.model/-modify-volume-request/iops.html",
       true,
       "AWS SDK reference of ModifyVolume: gp3 3,000 - 16,000 IOPS, io2 100 - 256,000; the EMR "
       "API's VolumeSpecification gives gp3 throughput 125 - 1,000 MiB/s"},
      {"io2 Block Express: 0.125 per GiB-month, 0.065 per IOPS-month (first 32,000; 0.046 to "
       "64,000, 0.032 above); up to 256,000 IOPS and 4,000 MiB/s per volume",
       "https://awsnegotiations.com/ebs-io2-block-express-cost.html", false,
       "secondary source quoting the EBS pricing page; the IOPS limit agrees with the AWS SDK "
       "reference above"},
      {"snapshot storage: 0.05 per GiB-month (standard tier)",
       "https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-archive-pricing.html", true,
       "AWS EBS User Guide"},
      {"S3 Standard: 0.023 per GiB-month (first 50 TB)",
       "https://devnotes.tech/understanding-aws-s3-pricing-a-complete-cost-breakdown-with-"
       "examples",
       false,
       "secondary source quoting US East; the stored copy of aws.amazon.com/s3/pricing did not "
       "show the figure"},
      {"data transfer out to the internet: 0.09 per GiB (first 10 TB/month)",
       "https://devnotes.tech/understanding-aws-s3-pricing-a-complete-cost-breakdown-with-"
       "examples",
       false, "secondary source; the 100 GB/month free allowance and volume tiers are ignored"},
      {"RDS for PostgreSQL Multi-AZ multiplier 2.0",
       "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_OnDemandDBInstances.html", true,
       "AWS says Multi-AZ bills both primary and standby instance-hours and storage, about twice "
       "single-AZ"},
      {"RDS for PostgreSQL db.m6i hourly prices", "not confirmed", false,
       "large/xlarge/2xlarge (0.178/0.356/0.712) agree across several public code bases but "
       "were not read from an AWS page; 4xlarge and 8xlarge are extrapolated linearly"},
      {"RDS gp3 storage: 0.115 per GiB-month",
       "https://www.usage.ai/blogs/aws/reserved-instances/rds/pricing-calculator/", false,
       "secondary source quoting the AWS RDS pricing page"},
      {"Application Load Balancer: 0.0225 per hour", "not confirmed", false,
       "hourly charge only; LCU charges are not modelled"},
  };
}

Catalog MakeBuiltinCatalog() {
  Catalog c;
  c.name = "aws-us-east-1-example";
  c.currency = "USD";
  c.price_date = "2026-01-19";
  c.source = std::string("Example on-demand list prices, dated; supply your own catalog. ") +
             "Instances: " + kKarpenterPrices + ". Other prices: docs/catalog.md.";
  c.region = "us-east-1";
  c.zones = {"us-east-1a", "us-east-1b", "us-east-1c"};
  c.node_types = NodeTypes();
  c.block_storage = BlockStoragePrice{"gp3", 0.08, 3000, 0.005, 125, 0.04, 16000, 1000};
  // io2 Block Express: no included IOPS; throughput comes with the IOPS (0.256 MB/s per IOPS,
  // far above PostgreSQL's 8 KiB blocks' need), so none is charged for. One IOPS price: the
  // first tier's, an overestimate above 32,000 IOPS (docs/catalog.md).
  c.other_block_storage = {BlockStoragePrice{"io2", 0.125, 0, 0.065, 4000, 0, 256000, 4000}};
  c.object_storage_per_gib_month = 0.023;
  c.egress_per_gib = 0.09;
  c.snapshot_per_gib_month = 0.05;
  c.managed_postgres = ManagedPostgres();
  c.managed_postgres_storage_per_gib_month = 0.115;
  c.load_balancer_per_hour = 0.0225;
  c.references = References();
  return c;
}

}  // namespace

const Catalog& BuiltinCatalog() {
  static const Catalog* const kCatalog = new Catalog(MakeBuiltinCatalog());
  return *kCatalog;
}

}  // namespace headroom
