// libFuzzer target: any bytes as a filing, through the reader (load/json_file), the decoder
// (validate/decode_filing), the audit and the department summary. Whatever the bytes, nothing may crash, hang
// or trip a sanitizer; a filing that decodes is audited as a build would audit it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include <unistd.h>

#include "audit/audit.hpp"
#include "compute/department_summary.hpp"
#include "load/json_file.hpp"
#include "validate/decode_filing.hpp"

#include "filing_place.hpp"
#include "input_file.hpp"

using namespace gongkai;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const fuzz::InputFile input("filing", ".json");
    if (!input.write(data, size)) return 0;
    const std::string& path = input.path();
    ProblemList problems;
    auto file = read_json_file(path, problems);
    if (!file) return 0;
    auto filing = decode_filing(*file, fuzz::place_claimed(file->doc, path), problems);
    if (!filing) return 0;
    AuditReport report = audit_filing(*filing);
    DepartmentSummary summary = summarize(*filing);
    (void)report;
    (void)summary;
    return 0;
}
