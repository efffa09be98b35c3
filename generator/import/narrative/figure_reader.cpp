#include "import/narrative/figure_reader.hpp"
// (being written)
namespace gongkai::import {
NarrativeResult read_figures(const std::vector<NarrativeSection>&) { return {}; }
}  // namespace gongkai::import
