#pragma once
// Reads a PDF's text layer and ruling lines with poppler, within fixed bounds.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/source/source_page.hpp"

namespace gongkai::import {

struct PdfLimits {
    int max_pages = 400;          // a 部门决算 has 20–60 pages
    double max_seconds = 60;      // wall time for the whole document
    long max_memory_mb = 2048;    // address space of the extracting process
};

// Reads every page's words (poppler's text boxes) and ruling lines in this process.
// Throws ImportError for a file that is not a readable PDF, is encrypted, has too many pages, or takes
// longer than the limit. Used by the isolated extractor; importers call read_pdf_isolated().
std::vector<SourcePage> read_pdf_pages(const std::string& path, const PdfLimits& limits);

// Runs read_pdf_pages() in a child process (this executable with `__extract-pdf`), bounded in time and
// memory, so that a hostile PDF can neither crash nor hang the caller. Throws ImportError with the reason.
std::vector<SourcePage> read_pdf_isolated(const std::string& path, const PdfLimits& limits);

// Entry point of the child process: prints the pages as JSON on stdout; exit 0, or exit 3 with the reason
// on stderr.
int extract_pdf_main(const std::string& path, const PdfLimits& limits);

// Pages to and from the JSON the child prints (also used by tests to build pages by hand).
nlohmann::json pages_to_json(const std::vector<SourcePage>& pages);
std::vector<SourcePage> pages_from_json(const nlohmann::json& j);

}  // namespace gongkai::import
