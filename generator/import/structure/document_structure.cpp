#include "import/structure/document_structure.hpp"
// (being written)
namespace gongkai::import {
DocumentStructure read_structure(const Flow&, const std::vector<std::size_t>&) { return {}; }
}  // namespace gongkai::import
