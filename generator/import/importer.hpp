#pragma once
// gongkai import: a published 部门决算 (PDF with a text layer, or extracted text) in, a checked filing out.
#include <string>
#include <vector>

#include "import/layout/flow.hpp"

namespace gongkai::import {

// Reads a document (PDF by its %PDF signature, else UTF-8 text) into its flow. PDFs are read in an isolated
// child process. Throws ImportError naming the reason.
Flow read_document_flow(const std::string& path);

// Internal command `gongkai __flow FILE`: prints the flow, one line per text line ("T p12 | text") or table
// row ("R p12 g3 | cell | cell"), for developing and debugging the importer.
int print_flow_main(const std::string& path);

}  // namespace gongkai::import
