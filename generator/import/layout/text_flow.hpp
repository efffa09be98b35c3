#pragma once
// Extracted text (a portal's HTML saved as text, or text copied out of a PDF) as a Flow: one text line per
// line without tabs, one table row per line with tabs, one cell per tab-separated field.
#include <string>

#include "import/layout/flow.hpp"

namespace gongkai::import {

// Builds the flow of a UTF-8 text; `file` names it in messages. Throws ImportError for text that is not
// UTF-8 (saying so when it looks like GB18030/GBK) or that holds no text at all.
Flow text_flow(const std::string& bytes, const std::string& file);

}  // namespace gongkai::import
