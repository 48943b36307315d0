#include "sizing/node_type.h"

namespace headroom {

const char* NodeClassName(NodeClass node_class) {
  switch (node_class) {
    case NodeClass::kGeneralPurpose:
      return "general purpose";
    case NodeClass::kComputeOptimised:
      return "compute optimised";
    case NodeClass::kMemoryOptimised:
      return "memory optimised";
  }
  return "general purpose";
}

}  // namespace headroom
