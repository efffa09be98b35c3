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

using namespace gongkai;

namespace {

// The place the document claims (county code, year, slug, kind), so that a well-formed filing decodes in full
// and its mutations reach the audit instead of stopping at "not the folder it is in".
FilingPath place_claimed(const nlohmann::json& doc, const std::string& path) {
    FilingPath where{path, "000000-fuzz", 2024, "fuzz", "决算"};
    if (!doc.is_object()) return where;
    if (auto y = doc.find("year"); y != doc.end() && y->is_number_integer()) where.year = static_cast<int>(y->get<long long>());
    if (auto k = doc.find("kind"); k != doc.end() && k->is_string()) where.kind = k->get<std::string>();
    if (auto c = doc.find("county"); c != doc.end() && c->is_object())
        if (auto code = c->find("code"); code != c->end() && code->is_string()) where.county_dir = code->get<std::string>() + "-fuzz";
    if (auto d = doc.find("department"); d != doc.end() && d->is_object())
        if (auto slug = d->find("slug"); slug != d->end() && slug->is_string()) where.slug = slug->get<std::string>();
    return where;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = "/dev/shm/gongkai-fuzz-filing-" + std::to_string(::getpid()) + ".json";
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    } else {
        return 0;
    }
    ProblemList problems;
    auto file = read_json_file(path, problems);
    if (!file) return 0;
    auto filing = decode_filing(*file, place_claimed(file->doc, path), problems);
    if (!filing) return 0;
    AuditReport report = audit_filing(*filing);
    DepartmentSummary summary = summarize(*filing);
    (void)report;
    (void)summary;
    return 0;
}
