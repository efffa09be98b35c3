// libFuzzer target: the page renderer. Bytes as a filing (read and decoded as fuzz_filing.cpp does); a filing
// that decodes goes through the site model (site/site_model), and its pages through the real templates of
// site-templates/ (loaded once): a 决算's department page with its audit panel and its county dashboard, and
// every table's CSV download. Beside no crash, hang or sanitizer report, the output must hold whatever text the
// filing carries: every embedded JSON (<script type="application/json">) parses and holds no '<'; every '<' of
// the HTML opens a tag; a filing text containing '<' never appears unescaped; no CSV field starts with '=' or
// '@' (a formula for a spreadsheet) and every CSV line has as many fields as its header.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "audit/audit.hpp"
#include "compute/budget_execution.hpp"
#include "compute/department_types.hpp"
#include "load/json_file.hpp"
#include "render/csv_export.hpp"
#include "render/template_set.hpp"
#include "render/view_audit.hpp"
#include "render/view_common.hpp"
#include "render/views.hpp"
#include "site/filing_digest.hpp"
#include "site/site_model.hpp"
#include "validate/decode_department_types.hpp"
#include "validate/decode_filing.hpp"

#include "filing_place.hpp"
#include "input_file.hpp"

using namespace gongkai;

namespace {

struct Fixed {
    TemplateSet templates;
    DepartmentTypes types;
};

// The templates and the department types of the repository, read once per process.
Fixed& fixed() {
    static Fixed f = [] {
        Fixed out{TemplateSet::load(std::string(GONGKAI_SOURCE_DIR) + "/site-templates"), {}};
        ProblemList problems;
        if (auto file = read_json_file(std::string(GONGKAI_SOURCE_DIR) + "/data/department-types.json", problems))
            if (auto types = decode_department_types(*file, problems)) out.types = std::move(*types);
        return out;
    }();
    return f;
}

[[noreturn]] void violated(const char* what) {
    std::fprintf(stderr, "fuzz-render: property violated: %s\n", what);
    std::abort();
}

bool opens_tag(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!'; }

// The properties every rendered page must have, whatever text the filing holds.
void check_html(const std::string& html, const std::vector<const std::string*>& texts) {
    // Every '<' opens a tag (or comment): text with '<' is escaped, and nothing of the data ends up as markup.
    for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1))
        if (at + 1 >= html.size() || !opens_tag(html[at + 1])) violated("a '<' in the HTML that opens no tag");
    // Embedded JSON: up to the first "</script", it is whole JSON without any '<'.
    const std::string open = "<script type=\"application/json\"";
    for (std::size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
        const std::size_t body = html.find('>', at);
        const std::size_t end = html.find("</script", at);
        if (body == std::string::npos || end == std::string::npos || end < body) violated("an embedded JSON element is not closed");
        const std::string_view json(html.data() + body + 1, end - body - 1);
        if (json.find('<') != std::string_view::npos) violated("a '<' inside embedded JSON");
        if (nlohmann::json::parse(json.begin(), json.end(), nullptr, false).is_discarded())
            violated("embedded JSON that does not parse (cut short by a \"</script\"?)");
    }
    // A name or title with '<' never appears as it is (unless the templates themselves hold that text).
    for (const std::string* t : texts)
        if (t->find('<') != std::string::npos && fixed().templates.sources().find(*t) == std::string::npos &&
            html.find(*t) != std::string::npos)
            violated("a filing text containing '<' appears unescaped");
}

// RFC 4180 records of a CSV (after its byte-order mark); every record ends with CRLF.
void check_csv(const std::string& csv) {
    if (csv.compare(0, 3, kUtf8Bom) != 0) violated("a CSV without its byte-order mark");
    std::size_t header_fields = 0, fields = 0;
    bool first_record = true;
    std::size_t i = 3;
    while (i < csv.size()) {
        std::string field;
        if (csv[i] == '"') {
            ++i;
            for (;; ++i) {
                if (i >= csv.size()) violated("a CSV quote that is not closed");
                if (csv[i] == '"') {
                    if (i + 1 < csv.size() && csv[i + 1] == '"') field += csv[++i];
                    else break;
                } else field += csv[i];
            }
            ++i;
        } else {
            while (i < csv.size() && csv[i] != ',' && csv[i] != '\r' && csv[i] != '\n' && csv[i] != '"') field += csv[i++];
        }
        if (!field.empty() && (field[0] == '=' || field[0] == '@')) violated("a CSV field a spreadsheet runs as a formula");
        ++fields;
        if (i < csv.size() && csv[i] == ',') {
            ++i;
            continue;
        }
        if (csv.compare(i, 2, "\r\n") != 0) violated("a CSV field not followed by ',' or CRLF");
        i += 2;
        if (first_record) header_fields = fields, first_record = false;
        else if (fields != header_fields) violated("a CSV line whose field count differs from its header's");
        fields = 0;
    }
    if (fields != 0) violated("a CSV that does not end with CRLF");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fixed();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const fuzz::InputFile input("render", ".json");
    if (!input.write(data, size)) return 0;
    const std::string& path = input.path();
    ProblemList problems;
    auto file = read_json_file(path, problems);
    if (!file) return 0;
    auto decoded = decode_filing(*file, fuzz::place_claimed(file->doc, path), problems);
    if (!decoded) return 0;

    // Every table's CSV download, 决算 or budget.
    for (const Table& t : decoded->tables)
        for (const Block& b : t.blocks) check_csv(table_csv(t, b));
    check_csv(line_items_header() + line_item_lines(*decoded));
    if (decoded->kind != "决算") return 0;

    // The site model of a site of this one filing, as site/site.cpp computes it.
    const bool budget = false;
    std::vector<Filing> filings{std::move(*decoded)};
    std::vector<FilingDigest> digests{digest_filing(filings[0], budget)};
    const std::vector<Filing> budgets;
    const SiteModel m = compute_site_model(filings, digests, budgets, 1);
    const Filing& f = filings[0];
    const AuditReport audit = audit_filing(f);

    std::vector<const std::string*> texts = {&f.department_name, &f.county.name, &f.source.title};
    for (const Table& t : f.tables) texts.push_back(&t.title);
    for (const NarrativeSection& s : f.sections) texts.push_back(&s.title);

    TemplateSet& t = fixed().templates;
    // The department page, as site/page_plan.cpp plans it.
    DepartmentContext context;
    if (auto c = m.class_codes.find({f.county_dir, f.year}); c != m.class_codes.end()) context.class_codes = c->second;
    if (auto c = m.economic_codes.find({f.county_dir, f.year}); c != m.economic_codes.end()) context.economic_codes = c->second;
    if (const DepartmentType* type = department_type_of(fixed().types, f)) {
        context.type_id = type->id;
        context.type_name = type->name;
    }
    if (auto p = m.positions.find({f.county_dir, f.year, f.slug}); p != m.positions.end()) context.peers = p->second;
    t.set_page_path(f.county_dir + "/" + std::to_string(f.year) + "/" + f.slug + "/index.html");
    nlohmann::json view = department_view(f, m.summaries[0], m.yoy[0], audit, context);
    const std::string panel = t.render("audit-panel", audit_panel_view(audit, root_prefix(3)), false);
    check_html(panel, texts);
    view["audit_html"] = panel;
    check_html(t.render("department", view), texts);

    // The county dashboard of its county-year, and its departments.csv.
    for (const CountyYear& cy : m.county_years) {
        const std::map<std::string, std::optional<YearOverYear>> yoy{{f.slug, m.yoy[0]}};
        const std::map<std::string, const AuditReport*> audits{{f.slug, &audit}};
        t.set_page_path(f.county_dir + "/" + std::to_string(f.year) + "/index.html");
        check_html(t.render("county", county_view(cy, yoy, audits, county_budget_execution({&f}, {}))), texts);
        check_csv(departments_csv(cy));
    }
    return 0;
}
