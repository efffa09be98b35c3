#pragma once
// PDF pages (words and ruling lines) as a Flow: ruled tables become grids of rows and cells rebuilt from
// coordinates; everything else becomes text lines in reading order; page numbers, running headers and
// footers are dropped.
#include <string>
#include <vector>

#include "import/layout/flow.hpp"
#include "import/source/source_page.hpp"

namespace gongkai::import {

// Builds the document's flow from its pages; `file` names it in messages.
Flow pdf_flow(const std::vector<SourcePage>& pages, const std::string& file);

}  // namespace gongkai::import
