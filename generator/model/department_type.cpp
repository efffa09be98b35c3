#include "model/department_type.hpp"

namespace gongkai {

std::string department_type_path(const std::string& type_id) { return "types/" + type_id + "/"; }

}  // namespace gongkai
