// libFuzzer target: the importer on extracted text (Hunan-style text of a 部门决算: tab-separated table cells,
// see ../shared/disclosures/xiangtan-county/), or a portal's HTML, through import/importer import_document: the
// text or HTML flow, the tables, the document's structure, the narrative figures, the assembled filing checked
// against the format and audited. Bytes as a .txt file; whatever they are, the import ends in a filing or in a
// reason, never a crash, a hang or a sanitizer report, and never in what the importer itself calls a gongkai
// bug (an unexpected exception, or an assembled filing the format refuses). Inputs that the importer would
// read as a PDF (a "%PDF-" in the first 1,024 bytes) are skipped: those go to a child process (fuzz-pdf).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <unistd.h>

#include "input_file.hpp"
#include "import/importer.hpp"

using namespace gongkai;
using namespace gongkai::import;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (bytes.substr(0, 1024 + 4).find("%PDF-") != std::string_view::npos) return 0;
    static const fuzz::InputFile input("text", ".txt");
    if (!input.write(data, size)) return 0;
    static const CountyInfo county{"430321", "湘潭县", "湖南省", "430321-xiangtan"};
    const ImportedDocument doc = import_document(input.path(), county, "fuzz-department");
    const ImportReport& r = doc.report;
    if (r.imported != r.error.empty()) {  // a filing and no reason, or a reason and no filing
        std::fprintf(stderr, "fuzz-text: imported=%d with error \"%s\"\n", r.imported, r.error.c_str());
        std::abort();
    }
    if (r.error.find("a gongkai bug") != std::string::npos) {
        std::fprintf(stderr, "fuzz-text: %s\n", r.error.c_str());
        std::abort();
    }
    return 0;
}
