// The real filings against the published documents in ../shared/disclosures: each listed cell's value
// must be printed in the source (the snippet is searched in the document's own text) and must be the
// value the filing holds for that cell.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
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
    std::size_t table_cells = 0, narrative_figures = 0;
    for (const auto& c : cells) {
        CHECK_MESSAGE(c.snippet.find(c.value) != std::string::npos, c.snippet);
        CHECK_MESSAGE(in_source(c.snippet), "not in the source document: " << c.snippet);
        CHECK_MESSAGE(filing_value(f, c) == c.value, c.table << "/" << c.block << "/" << c.row << "/" << c.column);
        if (c.table != "narrative") ++table_cells;
        else ++narrative_figures;
    }
    // A budget that prints none of its tables (Jiangsu's: every table "absent") is checked on its narrative.
    const bool prints_tables = std::any_of(f.tables.begin(), f.tables.end(), [](const Table& t) { return !t.absent; });
    if (prints_tables) CHECK(table_cells >= 40);
    else CHECK(narrative_figures >= 20);
}

}  // namespace

// Every tests/source-cells/<slug>.tsv is checked against the filing with that slug and the source document
// its `source.file` names: a .txt line by line, a PDF through its text layer (pdftotext -raw).
TEST_CASE("every listed cell of every real filing matches the published document") {
    std::map<std::string, std::string> filing_by_slug;  // slug -> path relative to data/
    std::string data = source_dir() + "/data/";
    std::string listing;
    REQUIRE(run_command("cd " + data + " && find . -path '*/[0-9][0-9][0-9][0-9]/*.json' | sort", listing) == 0);
    std::istringstream files(listing);
    for (std::string rel; std::getline(files, rel);) {
        rel = rel.substr(2);
        filing_by_slug[rel.substr(rel.rfind('/') + 1, rel.size() - rel.rfind('/') - 6)] = rel;
    }
    std::string tsvs;
    REQUIRE(run_command("ls " + source_dir() + "/tests/source-cells/*.tsv", tsvs) == 0);
    std::istringstream tsv_list(tsvs);
    std::size_t checked_filings = 0;
    for (std::string tsv; std::getline(tsv_list, tsv);) {
        std::string slug = tsv.substr(tsv.rfind('/') + 1, tsv.size() - tsv.rfind('/') - 5);
        CAPTURE(slug);
        REQUIRE_MESSAGE(filing_by_slug.count(slug), "no filing for " << tsv);
        Filing f = real_filing(filing_by_slug[slug]);
        REQUIRE(!f.source.file.empty());
        std::string doc = disclosures() + f.source.file;
        auto cells = read_cells(tsv);
        if (doc.size() > 4 && doc.substr(doc.size() - 4) == ".pdf") {
            std::string text;
            int rc = run_command("pdftotext -raw " + doc + " - 2>/dev/null", text);
            REQUIRE_MESSAGE(rc == 0, "pdftotext (poppler-utils) must be installed: " << text.substr(0, 200));
            std::string flat = collapse_spaces(text);
            check_cells(f, cells, [&](const std::string& snippet) { return flat.find(collapse_spaces(snippet)) != std::string::npos; });
        } else {
            std::vector<std::string> lines;
            std::istringstream in(read_file(doc));
            for (std::string l; std::getline(in, l);) lines.push_back(l);
            check_cells(f, cells, [&](const std::string& snippet) {
                std::string s = unescape_tabs(snippet);
                for (const auto& l : lines)
                    if (l.find(s) != std::string::npos) return true;
                return false;
            });
        }
        ++checked_filings;
    }
    CHECK(checked_filings == filing_by_slug.size());  // every real filing has its list of source cells
}
