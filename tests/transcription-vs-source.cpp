// The real filings against the published documents in ../shared/disclosures: each listed cell's value
// must be printed in the source (the snippet is searched in the document's own text) and must be the
// value the filing holds for that cell.
#include <doctest/doctest.h>

#include <sstream>

#include "test_support.hpp"
#include "validate/decode_filing.hpp"

using namespace gongkai;
using namespace gongkai::test;

namespace {

struct SourceCell {
    std::string table, block, row, column, value, snippet;
};

std::vector<SourceCell> read_cells(const std::string& path) {
    std::vector<SourceCell> cells;
    std::istringstream in(read_file(path));
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        std::vector<std::string> f;
        std::size_t start = 0;
        for (int i = 0; i < 5; ++i) {
            auto tab = line.find('\t', start);
            REQUIRE(tab != std::string::npos);
            f.push_back(line.substr(start, tab - start));
            start = tab + 1;
        }
        f.push_back(line.substr(start));
        cells.push_back({f[0], f[1], f[2], f[3], f[4], f[5]});
    }
    return cells;
}

std::string unescape_tabs(std::string s) {
    for (std::size_t p; (p = s.find("\\t")) != std::string::npos;) s.replace(p, 2, "\t");
    return s;
}

std::string collapse_spaces(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string disclosures() { return source_dir() + "/../shared/disclosures/"; }


// The printed value the filing holds for the cell, or "<missing>".
std::string filing_value(const Filing& f, const SourceCell& c) {
    if (c.table == "narrative") {
        for (const auto& fig : f.figures)
            if (fig.metric == c.block && (c.row == "-" || fig.code == c.row) && fig.value.printed == c.value) return fig.value.printed;
        return "<missing>";
    }
    auto kind = table_kind_from_id(c.table);
    if (!kind) return "<missing>";
    const Table* t = f.table(*kind);
    const Block* b = t ? t->block(c.block) : nullptr;
    if (!b) return "<missing>";
    const Row* r = b->row_by_key(c.row);
    if (!r) r = b->row_by_code(c.row);
    if (!r) return "<missing>";
    auto cell = b->cell(*r, c.column);
    return cell ? cell->printed : "<blank>";
}

void check_cells(const Filing& f, const std::vector<SourceCell>& cells, const std::function<bool(const std::string&)>& in_source) {
    std::size_t table_cells = 0;
    for (const auto& c : cells) {
        CHECK_MESSAGE(c.snippet.find(c.value) != std::string::npos, c.snippet);
        CHECK_MESSAGE(in_source(c.snippet), "not in the source document: " << c.snippet);
        CHECK_MESSAGE(filing_value(f, c) == c.value, c.table << "/" << c.block << "/" << c.row << "/" << c.column);
        if (c.table != "narrative") ++table_cells;
    }
    CHECK(table_cells >= 40);
}

}  // namespace

TEST_CASE("湘潭县人民政府办公室 2024: cells match the published text") {
    std::string source = read_file(disclosures() + "xiangtan-county/2024-county-government-office.txt");
    std::vector<std::string> lines;
    std::istringstream in(source);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    Filing f = real_filing(kXiangtanFiling);
    auto cells = read_cells(source_dir() + "/tests/source-cells/county-government-office.tsv");
    check_cells(f, cells, [&](const std::string& snippet) {
        std::string s = unescape_tabs(snippet);
        for (const auto& l : lines)
            if (l.find(s) != std::string::npos) return true;
        return false;
    });
}

TEST_CASE("上海市普陀区财政局 2024: cells match the published PDF's text layer") {
    std::string text;
    int rc = run_command("pdftotext -raw " + disclosures() + "putuo-district/2024-finance-bureau.pdf - 2>/dev/null", text);
    REQUIRE_MESSAGE(rc == 0, "pdftotext (poppler-utils) must be installed: " << text.substr(0, 200));
    std::string flat = collapse_spaces(text);
    Filing f = real_filing(kPutuoFiling);
    auto cells = read_cells(source_dir() + "/tests/source-cells/finance-bureau.tsv");
    check_cells(f, cells, [&](const std::string& snippet) { return flat.find(collapse_spaces(snippet)) != std::string::npos; });
}
