#pragma once
// A cross-check of the table import: every amount printed in a table's rows must end up in the filing's
// tables or in the list of cells not placed. An amount that is in neither was lost by the importer; it is
// reported, so that no printed value disappears silently.
#include <vector>

#include "import/layout/flow.hpp"
#include "import/layout/placement.hpp"
#include "import/tables/table_reader.hpp"

namespace gongkai::import {

// The decimal amounts (with a decimal point) printed in table rows that belong to the tables read, minus
// those placed in `tables.tables` and those already in `tables.unplaced`, as multisets.
std::vector<Unplaced> unaccounted_amounts(const Flow& flow, const TablesResult& tables);

}  // namespace gongkai::import
