#pragma once
// The import report: per document, each table found, what could not be placed, narrative numbers not
// mapped, and the audit's findings — as text for people or JSON for tools.
#include <string>
#include <vector>

#include "import/importer.hpp"

namespace gongkai::import {

// One block of text per document, in the order given.
std::string import_report_text(const std::vector<ImportReport>& reports);
// {"format": "gongkai-import-report/1", "documents": [...], "summary": {...}} with stable key order.
std::string import_report_json(const std::vector<ImportReport>& reports);
// The one-line progress message for a finished document.
std::string progress_line(const ImportReport& r, std::size_t index, std::size_t total);

}  // namespace gongkai::import
