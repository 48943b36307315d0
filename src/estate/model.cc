#include "estate/model.h"

namespace headroom {

const RequestClass* Estate::FindClass(const std::string& wanted) const {
  for (const RequestClass& c : request_classes) {
    if (c.name == wanted) return &c;
  }
  return nullptr;
}

const CalendarEvent* Estate::FindEvent(const std::string& wanted) const {
  for (const CalendarEvent& e : events) {
    if (e.name == wanted) return &e;
  }
  return nullptr;
}

int Estate::ClassIndex(const std::string& wanted) const {
  for (size_t i = 0; i < request_classes.size(); ++i) {
    if (request_classes[i].name == wanted) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace headroom
