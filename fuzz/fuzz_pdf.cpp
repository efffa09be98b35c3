// libFuzzer target: the importer's PDF reader, in this process (import/source/pdf_reader read_pdf_pages, which
// `gongkai import` runs in a child bounded in time and memory), then the layout of its pages as one flow
// (import/layout/pdf_flow: ruled tables rebuilt from coordinates, text lines, page furniture dropped). Bytes as
// a PDF file; a damaged one must end in an ImportError, never a crash, a hang or a sanitizer report. The
// limits are lower than an import's (20 pages, 5 seconds) so that an input stays within -timeout.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include <unistd.h>

#include "input_file.hpp"
#include "import/layout/pdf_flow.hpp"
#include "import/source/import_error.hpp"
#include "import/source/pdf_reader.hpp"

using namespace gongkai;
using namespace gongkai::import;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const fuzz::InputFile input("pdf", ".pdf");
    if (!input.write(data, size)) return 0;
    PdfLimits limits;
    limits.max_pages = 20;
    limits.max_seconds = 5;
    std::vector<SourcePage> pages;
    try {
        pages = read_pdf_pages(input.path(), limits);
    } catch (const std::exception&) {
        // A damaged, encrypted, oversized or slow PDF: the child reports any exception as the reason (extract_pdf_main).
        return 0;
    }
    try {
        const Flow flow = pdf_flow(pages, input.path());
        (void)flow;
    } catch (const ImportError&) {
        // Pages the importer cannot lay out, said as such; any other exception is a finding.
    }
    return 0;
}
