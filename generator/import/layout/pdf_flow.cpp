#include "import/layout/pdf_flow.hpp"
// (being written)
namespace gongkai::import {
Flow pdf_flow(const std::vector<SourcePage>&, const std::string& file) { Flow f; f.kind = SourceKind::pdf; f.file = file; return f; }
}  // namespace gongkai::import
