#pragma once
#include <string>

namespace gongkai::import {

// Which executable read_pdf_isolated() runs as `EXE __extract-pdf FILE`; by default this process's own
// executable (/proc/self/exe). Tests, which are other executables, point it at the gongkai binary.
void set_extractor_executable(const std::string& path);

}  // namespace gongkai::import
