// The importer attacked with mutated real documents, in process, with fixed seeds and a fixed time budget:
// whatever the input, every stage ends with a filing or an ImportError — never a crash, a hang or another
// exception escaping. (scripts/fuzz-import.sh runs the same for longer with random seeds.)
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <random>

#include "import/importer.hpp"
#include "import/layout/pdf_flow.hpp"
#include "import/layout/text_flow.hpp"
#include "import/narrative/figure_reader.hpp"
#include "import/source/import_error.hpp"
#include "import/source/pdf_reader.hpp"
#include "import/structure/document_structure.hpp"
#include "import/tables/table_reader.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::import;
using namespace gongkai::test;

namespace {

const std::string kDisclosures = std::string(GONGKAI_SHARED_DIR) + "/disclosures/";

// Seeds start here (GONGKAI_FUZZ_SEED, default 1): the test uses fixed seeds, the long script random ones.
std::uint64_t first_seed() {
    if (const char* s = std::getenv("GONGKAI_FUZZ_SEED")) return std::strtoull(s, nullptr, 10);
    return 1;
}

double budget_seconds() {
    if (const char* s = std::getenv("GONGKAI_FUZZ_SECONDS")) return std::atof(s);
    return 8;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t a = 0;
    while (a <= text.size()) {
        const std::size_t b = text.find('\n', a);
        lines.push_back(text.substr(a, b == std::string::npos ? std::string::npos : b - a));
        if (b == std::string::npos) break;
        a = b + 1;
    }
    return lines;
}

// One random edit of the document's lines, of the kinds real damage and hostile input produce.
void mutate(std::vector<std::string>& lines, std::mt19937_64& rng) {
    if (lines.empty()) {
        lines.push_back("\t");
        return;
    }
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % std::max<std::size_t>(n, 1)); };
    std::string& l = lines[pick(lines.size())];
    switch (rng() % 14) {
        case 0: lines.erase(lines.begin() + static_cast<long>(pick(lines.size()))); break;
        case 1: lines.insert(lines.begin() + static_cast<long>(pick(lines.size())), lines[pick(lines.size())]); break;
        case 2: std::swap(lines[pick(lines.size())], lines[pick(lines.size())]); break;
        case 3: l.insert(pick(l.size() + 1), "\t"); break;
        case 4: if (auto t = l.find('\t'); t != std::string::npos) l.erase(t, 1); break;
        case 5: for (char& c : l) if (c >= '0' && c <= '9' && rng() % 3 == 0) c = static_cast<char>('0' + rng() % 10); break;
        case 6: l += "\t9999999999999999999999999.99\t-0.00\t1,2,3.4.5"; break;
        case 7: l = std::string(20000, 'x') + l; break;
        case 8: l = std::string(50, '\t'); break;
        case 9: l = "—\t-\t－\t…\t无\t0\t0.00\t"; break;
        case 10: l.insert(0, "收入支出决算总表"); break;
        case 11: lines.resize(pick(lines.size()) + 1); break;  // truncated
        case 12: l = "第三部分 情况说明"; break;
        case 13: for (int k = 0; k < 30; ++k) lines.push_back("一、收入支出决算总体情况说明"); break;
    }
}

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
}

// Runs every stage on a flow; only ImportError may leave a stage.
void run_stages(const Flow& flow) {
    TablesResult tables = read_tables(flow);
    DocumentStructure st = read_structure(flow, tables.table_lines);
    NarrativeResult n = read_figures(st.sections, function_codes_from_tables(tables.tables));
    CHECK(n.figures.is_array());
}

}  // namespace

TEST_CASE("mutated extracted text: every import ends with a filing or a reason") {
    const auto original = split_lines(read_file(kDisclosures + "xiangtan-county/2024-county-government-office.txt"));
    TempDir tmp;
    const CountyInfo county{"430321", "湘潭县", "湖南省", "430321-xiangtan"};
    const auto start = std::chrono::steady_clock::now();
    int runs = 0, imported = 0;
    for (std::uint64_t seed = first_seed(); std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < budget_seconds(); ++seed) {
        std::mt19937_64 rng(seed);
        auto lines = original;
        const int edits = 1 + static_cast<int>(rng() % 12);
        for (int e = 0; e < edits; ++e) mutate(lines, rng);
        const std::string path = tmp / ("doc-" + std::to_string(seed) + ".txt");
        write_file(path, joined(lines));
        INFO("seed " << seed);
        const auto one = std::chrono::steady_clock::now();
        ImportedDocument doc = import_document(path, county, "county-government-office");
        CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - one).count() < 10);
        CHECK((doc.report.imported || !doc.report.error.empty()));
        // A bug in a stage shows as the catch-all's message; a bad document never should.
        CHECK_MESSAGE(doc.report.error.find("gongkai bug") == std::string::npos, doc.report.error.substr(0, 300));
        imported += doc.report.imported ? 1 : 0;
        ++runs;
    }
    MESSAGE(runs << " mutated documents, " << imported << " imported, the rest refused with a reason");
    CHECK(runs > 10);
}

TEST_CASE("mutated PDF word and rule lists: the layout and every stage stay total") {
    const auto pages = read_pdf_pages(kDisclosures + "putuo-district/2024-finance-bureau.pdf", PdfLimits{});
    const auto start = std::chrono::steady_clock::now();
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    const double odd[] = {nan, inf, -inf, -1e300, 1e300, 0, -5, 1e-300};
    int runs = 0;
    for (std::uint64_t seed = first_seed(); std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < budget_seconds(); ++seed) {
        std::mt19937_64 rng(seed);
        auto p = pages;
        for (int e = 0; e < 1 + static_cast<int>(rng() % 20); ++e) {
            SourcePage& page = p[rng() % p.size()];
            switch (rng() % 8) {
                case 0: if (!page.words.empty()) page.words[rng() % page.words.size()].box.x0 = odd[rng() % 8]; break;
                case 1: if (!page.words.empty()) page.words[rng() % page.words.size()].box.y1 = odd[rng() % 8]; break;
                case 2: if (!page.rules.empty()) page.rules[rng() % page.rules.size()].box.y0 = odd[rng() % 8]; break;
                case 3: page.rules.clear(); break;
                case 4: for (int k = 0; k < 2000; ++k) page.rules.push_back(Rule{Box{double(rng() % 800), double(rng() % 800), double(rng() % 800), double(rng() % 800)}}); break;
                case 5: page.words.push_back(Word{"1,234.56", Box{double(rng() % 842), double(rng() % 842), double(rng() % 842), double(rng() % 842)}}); break;
                case 6: page.words.clear(); break;
                case 7: page.width = odd[rng() % 8]; page.height = odd[rng() % 8]; break;
            }
        }
        INFO("seed " << seed);
        const auto one = std::chrono::steady_clock::now();
        try {
            run_stages(pdf_flow(p, "mutated.pdf"));
        } catch (const ImportError&) {
        }
        CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - one).count() < 10);
        ++runs;
    }
    MESSAGE(runs << " mutated page lists read");
    CHECK(runs > 3);
}

TEST_CASE("mutated PDF bytes through the binary: exit 0 or 1, nothing written on 1") {
    const std::string pdf = read_file(kDisclosures + "putuo-district/2024-party-committee-social-work-department.pdf");
    TempDir tmp;
    std::string out;
    run_command("mkdir -p " + (tmp / "data/310107-putuo"), out);
    write_file(tmp / "data/310107-putuo/county.json", read_file(source_dir() + "/data/310107-putuo/county.json"));
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        std::mt19937_64 rng(seed);
        std::string bytes = pdf;
        if (seed % 2) {
            for (int k = 0; k < 200; ++k) bytes[rng() % bytes.size()] = static_cast<char>(rng() & 0xFF);
        } else {
            bytes.resize(bytes.size() * (seed + 1) / 10);
        }
        const std::string doc = tmp / ("m" + std::to_string(seed) + ".pdf");
        write_file(doc, bytes);
        const std::string target = tmp / ("out-" + std::to_string(seed) + ".json");
        const int code = run_command(std::string(GONGKAI_BINARY) + " import " + doc + " --county 310107 --slug x --data " +
                                         (tmp / "data") + " -o " + target + " --quiet",
                                     out);
        INFO("seed " << seed << ": " << out.substr(0, 2000));
        CHECK((code == 0 || code == 1));
        const auto files = list_files(tmp.path());
        if (code == 1) CHECK(std::find(files.begin(), files.end(), "out-" + std::to_string(seed) + ".json") == files.end());
    }
}
